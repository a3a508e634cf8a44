/**
 * `postvagt --help` and `--version` are answered by dist-cli/quick.js alone: the whole command
 * (dist-cli/main.js, 1.7 MB) is never loaded for them, and the answer is the one main() gives.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./main";
import { quickAnswer } from "./quick";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "postvagt.js");

let temp: string;
let hook: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "postvagt-quick-"));
  // Preloaded into the spawned command: says on stderr which of our bundles were loaded.
  hook = join(temp, "watch-loads.js");
  writeFileSync(
    hook,
    `const M = require("node:module"); const load = M._load;
M._load = function (request, parent, isMain) {
  if (/dist-cli[\\\\/](main|quick)(\\.js)?$/.test(request)) process.stderr.write("loaded " + request.replace(/.*dist-cli[\\\\/]/, "") + "\\n");
  return load.apply(this, arguments);
};\n`,
  );
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function spawn(args: string[]): { code: number; stdout: string; loaded: string[] } {
  const r = spawnSync(process.execPath, ["--require", hook, BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "", LANG: "da_DK.UTF-8" }, timeout: 30_000 });
  const loaded = r.stderr.split("\n").filter((l) => l.startsWith("loaded ")).map((l) => l.slice("loaded ".length));
  return { code: r.status ?? -1, stdout: r.stdout, loaded };
}

async function inProcess(argv: string[]): Promise<string> {
  let out = "";
  const code = await main(argv, { stdout: (s) => (out += s), stderr: () => undefined, env: { LANG: "da_DK.UTF-8" } });
  expect(code).toBe(0);
  return out;
}

describe("postvagt --help and --version", () => {
  it.each([["--help"], ["-h"], ["help"], ["--version"], ["-V"], ["--help", "--lang", "en"]])(
    "%s is answered without loading the whole command, as main() answers it",
    async (...argv) => {
      const r = spawn(argv);
      expect(r.code).toBe(0);
      expect(r.loaded).toEqual(["quick.js"]);
      expect(r.stdout).toBe(await inProcess(argv));
      expect(r.stdout.length).toBeGreaterThan(10);
    },
  );

  it("a command with work to do loads the whole command", () => {
    const r = spawn(["policy", "check", "examples/policies/randers.policy.json"]);
    expect(r.code).toBe(0);
    expect(r.loaded).toEqual(["quick.js", "main.js"]);
  });

  it("answers nothing for the commands that scan, and in the language asked for", () => {
    for (const argv of [["scan", "x.eml"], ["policy", "check", "p.json"], ["audit"], []]) expect(quickAnswer(argv, {})).toBeUndefined();
    expect(quickAnswer(["--help", "--lang", "en"], { LANG: "da_DK" })).toMatch(/^Usage/);
    expect(quickAnswer(["--help"], { LANG: "da_DK" })).toMatch(/^Brug/);
  });
});
