/**
 * `npm start`'s development build of the send bundle is still what classic Outlook's
 * JavaScript-only runtime can run: one ES2016 script, no eval (so no eval source maps), no
 * dev-server client, no chunks. Built with the real configs (development mode, cache on) into a
 * temporary folder, twice: the second build comes from the cache and must give the same file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "acorn";
import { progressPrinter } from "./dev-build";

jest.setTimeout(300_000);

const ROOT = join(__dirname, "..");

/** As npm start builds: in its own Node process through tsx (the config loads TypeScript with it). */
function build(outDir: string, cacheDir: string): void {
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const args = [tsx, join(ROOT, "scripts", "dev-build.ts"), "--only", "launchevent", "--out", outDir, "--cache", cacheDir, "--base-url", "https://localhost:3999"];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`dev build failed (${r.status}):\n${r.stdout}${r.stderr}`);
  // A cache that cannot be written is only a warning from webpack: fail on it here.
  if (/Caching failed|<w>/.test(r.stderr)) throw new Error(`webpack warned:\n${r.stderr}`);
}

describe("the development build (npm start)", () => {
  const temp = mkdtempSync(join(tmpdir(), "postvagt-dev-build-"));
  const out = join(temp, "out");
  const cache = join(temp, "cache");
  let code = "";

  beforeAll(() => {
    build(out, cache);
    code = readFileSync(join(out, "launchevent.js"), "utf8");
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("is development mode (readable, not minified)", () => {
    expect(code).toMatch(/\n\/\*\*\*\/ "\.\/src\//);
  });

  it("keeps launchevent.js one ES2016 script without eval, dev-server client or chunks", () => {
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
    // No eval, so no eval source maps; no inline map either (libraries keep their own comments).
    expect(code).not.toMatch(/\beval\s*\(|new Function\s*\(|sourceMappingURL=data:/);
    expect(code).not.toMatch(/webpack-dev-server|sockjs|hot-update|__webpack_require__\.e\b|webpackChunk/);
    expect(readdirSync(out).filter((f) => f.endsWith(".js"))).toEqual(["launchevent.js"]);
    expect(code).toContain("https://localhost:3999");
  });

  it("gives the same bundle from webpack's persistent cache", () => {
    // webpack writes a cache it could not serialise as nothing at all: check it is there.
    expect(readdirSync(join(cache, "launchevent-development")).some((f) => f.endsWith(".pack"))).toBe(true);
    rmSync(out, { recursive: true, force: true });
    build(out, cache);
    expect(readFileSync(join(out, "launchevent.js"), "utf8")).toBe(code);
  });
});

describe("progressPrinter", () => {
  it("prints at each tenth or every 5 s, never more often", () => {
    let now = 0;
    const lines: string[] = [];
    const p = progressPrinter((l) => lines.push(l), () => now);
    for (const [t, f] of [[0, 0.01], [100, 0.02], [200, 0.05], [300, 0.12], [6000, 0.13], [6100, 0.14], [7000, 0.95], [8000, 1]] as const) {
      now = t;
      p(f, "building");
    }
    expect(lines).toEqual(["    1 %  building  (0 s)", "   12 %  building  (0 s)", "   13 %  building  (6 s)", "   95 %  building  (7 s)"]);
  });
});
