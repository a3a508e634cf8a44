/**
 * `postvagt scan --jobs N` through the compiled command (worker threads exist only there): the
 * same JSON Lines as `--jobs 1`, in input order, and the progress line for large folders.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./main";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "postvagt.js");
const RANDERS = "examples/policies/randers.policy.json";

function spawn(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "" }, maxBuffer: 64 << 20, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** elapsedMs is a measurement, the one field that may differ between runs. */
const withoutTimes = (jsonLines: string): string => jsonLines.replace(/"elapsedMs":[0-9.e+-]+/g, '"elapsedMs":0');

let temp: string;
let files: string[];
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "postvagt-jobs-"));
  // Every example, three times over, interleaved so a worker given a slow mail (a PDF) finishes
  // after the other has done several: output order then differs from completion order.
  const examples = readdirSync(join(ROOT, "examples", "eml")).filter((f) => f.endsWith(".eml"));
  files = [];
  for (let round = 0; round < 3; round++) {
    examples.forEach((name, i) => {
      const to = join(temp, `${String(round * 100 + i).padStart(3, "0")}-${name}`);
      copyFileSync(join(ROOT, "examples", "eml", name), to);
      files.push(to);
    });
  }
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("postvagt scan --jobs", () => {
  it("prints the same JSON Lines, in input order, with 1, 2 and 3 workers", () => {
    const one = spawn(["scan", "--json", "--summary-json", "--jobs", "1", "--policy", RANDERS, temp]);
    expect(one.code).toBe(3); // unparseable.eml is among the examples: "a message could not be read"
    const order = one.stdout
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { file: string }).file);
    expect(order).toEqual([...files].sort());
    for (const jobs of ["2", "3"]) {
      const many = spawn(["scan", "--json", "--summary-json", "--jobs", jobs, "--policy", RANDERS, temp]);
      expect(many.code).toBe(one.code);
      expect(withoutTimes(many.stdout)).toBe(withoutTimes(one.stdout));
      // The summary on stderr is computed from the same outcomes, so it matches too.
      expect(many.stderr).toBe(one.stderr);
    }
  }, 120_000);

  it("prints the same readable report with workers", () => {
    const one = spawn(["scan", "--lang", "en", "--jobs", "1", temp]);
    const two = spawn(["scan", "--lang", "en", "--jobs", "2", temp]);
    expect(two.code).toBe(one.code);
    expect(two.stdout.replace(/[0-9.]+ ?ms/g, "")).toBe(one.stdout.replace(/[0-9.]+ ?ms/g, ""));
  }, 120_000);

  it.each(["0", "-1", "x", "1.5", "257"])("refuses --jobs %s as a usage error (exit 2)", (value) => {
    const r = spawn(["scan", "--jobs", value, "examples/eml/clean.eml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--jobs");
    expect(r.stdout).toBe("");
  });
});

describe("progress on stderr", () => {
  async function runInProcess(paths: string[], progress: boolean): Promise<{ stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    let now = 0;
    // Each clock reading advances 100 ms: progress is due every 500 ms, so about every few files.
    const clock = (): number => (now += 100);
    await main(["scan", "--json", "--jobs", "1", ...paths], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, clock, progress });
    return { stdout, stderr };
  }

  it("reports progress for a folder of 200 or more messages, and ends the line", async () => {
    const many = Array.from({ length: 200 }, () => join(ROOT, "examples", "eml", "clean.eml"));
    const r = await runInProcess(many, true);
    expect(r.stderr).toMatch(/^\r[0-9]+ af 200 mails læst/);
    expect(r.stderr.endsWith("\r200 af 200 mails læst\n")).toBe(true);
    expect(r.stdout.trim().split("\n")).toHaveLength(200);
  }, 60_000);

  it("stays silent for a small run, and when not asked", async () => {
    expect((await runInProcess(Array.from({ length: 199 }, () => join(ROOT, "examples", "eml", "clean.eml")), true)).stderr).toBe("");
    expect((await runInProcess(Array.from({ length: 200 }, () => join(ROOT, "examples", "eml", "clean.eml")), false)).stderr).toBe("");
  }, 60_000);
});
