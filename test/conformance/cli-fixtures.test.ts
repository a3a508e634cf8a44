/**
 * File-driven conformance: every `<name>.eml` under examples/eml and test/fixtures/eml has a
 * `<name>.expected.json` (written by hand in scripts/make-fixtures.ts from the rules), and the real
 * command `node bin/postvagt.js scan --json --policy examples/policies/randers.policy.json` must
 * print exactly that line, elapsedMs aside. Adding a case means adding a fixture.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const DIRS = ["examples/eml", "test/fixtures/eml"];
const POLICY = "examples/policies/randers.policy.json";

type Line = Record<string, unknown>;

function expectations(dir: string): Map<string, Line> {
  const files = readdirSync(join(ROOT, dir)).sort();
  const out = new Map<string, Line>();
  for (const f of files.filter((f) => f.endsWith(".eml"))) {
    const expectedFile = f.replace(/\.eml$/, ".expected.json");
    if (!files.includes(expectedFile)) throw new Error(`${dir}/${f} has no ${expectedFile}`);
    out.set(`${dir}/${f}`, JSON.parse(readFileSync(join(ROOT, dir, expectedFile), "utf8")) as Line);
  }
  for (const f of files.filter((f) => f.endsWith(".expected.json"))) {
    if (!files.includes(f.replace(/\.expected\.json$/, ".eml"))) throw new Error(`${dir}/${f} has no .eml`);
  }
  return out;
}

describe.each(DIRS)("%s", (dir) => {
  const expected = expectations(dir);
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "postvagt.js"), "scan", "--json", "--policy", POLICY, dir], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });
  const actual = new Map<string, Line>(
    r.stdout
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => {
        const { elapsedMs, ...rest } = JSON.parse(l) as Line;
        if (typeof elapsedMs !== "number") throw new Error(`no elapsedMs in ${l}`);
        return [rest.file as string, rest];
      }),
  );

  it("prints one line per .eml and nothing on stderr", () => {
    expect(r.stderr).toBe("");
    expect([...actual.keys()]).toEqual([...expected.keys()]);
  });

  it("exits 3 when a fixture is unparseable, else 1 or 0 by the verdicts", () => {
    const lines = [...expected.values()];
    const code = lines.some((l) => "error" in l) ? 3 : lines.some((l) => l.verdict !== "allow") ? 1 : 0;
    expect(r.status).toBe(code);
  });

  it.each([...expected.keys()])("%s", (file) => {
    expect(actual.get(file)).toEqual(expected.get(file));
  });
});

describe("scripts/make-fixtures.ts", () => {
  it("regenerates exactly the committed fixtures (npm run fixtures:check)", () => {
    // Loaded lazily: the script is Node tooling, not part of the suite above.
    const { fixtureDrift } = require("../../scripts/make-fixtures") as typeof import("../../scripts/make-fixtures");
    expect(fixtureDrift().problems).toEqual([]);
  });

  it("uses only synthetic CPR numbers: born 1858–1915 (docs/design/cpr-number.md §7)", () => {
    const { syntheticCprs } = require("../../scripts/make-fixtures") as typeof import("../../scripts/make-fixtures");
    for (const c of syntheticCprs(1, 200)) {
      const yy = Number(c.digits.slice(4, 6));
      const d7 = Number(c.digits[6]);
      const year = d7 <= 3 ? 1900 + yy : 1800 + yy;
      expect(d7 <= 3 || (d7 >= 5 && d7 <= 8 && yy >= 58)).toBe(true);
      expect(year).toBeGreaterThanOrEqual(1858);
      expect(year).toBeLessThanOrEqual(1915);
    }
  });
});
