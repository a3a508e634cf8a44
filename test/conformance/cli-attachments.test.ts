/**
 * Every attachment fixture, mailed as an .eml, through the real command (`node bin/postvagt.js
 * scan`, which runs the sources through tsx and reads PDFs with pdf.js): each planted number is a
 * finding in the right attachment, and each expected "could not be inspected" is reported, nothing
 * else. The extractor tests prove the same in-process; this proves the installed command gets there
 * too (an `import()` that works under jest but not under tsx once turned every .msg into "corrupt").
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emlWithAttachments } from "./pdf-mail";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "test", "fixtures", "attachments");
const POLICY = join(ROOT, "examples", "policies", "randers.policy.json");

interface Expected {
  producer: string;
  findings: Array<{ masked: string; within?: string }>;
  unreadable?: Record<string, string>;
}
interface Finding {
  kind: string;
  masked?: string;
  attachment?: string;
  why?: string;
  cause?: string;
  location?: { part: string; attachment?: string; detail?: string };
}

/** The command never prints a full CPR number, not even in a file name ("140286-5238_ansoegning.txt"). */
const masked = (path: string): string => path.replace(/(\d{6})-?\d{4}/g, "$1-****");

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.slice(0, -".expected.json".length))
  .sort();

let temp: string;
let lines: Map<string, { findings?: Finding[]; error?: string }>;
let stderr: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "postvagt-att-"));
  for (const name of names) {
    writeFileSync(join(temp, `${name}.eml`), emlWithAttachments([{ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) }]));
  }
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "postvagt.js"), "scan", "--json", "--policy", POLICY, temp], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
    maxBuffer: 64 << 20,
  });
  stderr = r.stderr;
  lines = new Map(
    r.stdout
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => {
        const line = JSON.parse(l) as { file: string; findings?: Finding[]; error?: string };
        return [line.file, line];
      }),
  );
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

it("scans every fixture, with nothing on stderr", () => {
  expect(names.length).toBeGreaterThanOrEqual(25);
  expect(stderr).toBe("");
  expect([...lines.keys()].sort()).toEqual(names.map((n) => join(temp, `${n}.eml`)).sort());
});

it.each(names)("%s", (name) => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), "utf8")) as Expected;
  const line = lines.get(join(temp, `${name}.eml`));
  expect(line?.error).toBeUndefined();
  const findings = line?.findings ?? [];
  const cpr = findings.filter((f) => f.kind === "cpr").map((f) => `${String(f.location?.attachment)}: ${String(f.masked)}`);
  for (const want of expected.findings) {
    expect(cpr).toContainEqual(`${masked(want.within ? `${name}/${want.within}` : name)}: ${want.masked}`);
  }
  const unreadable = findings
    .filter((f) => f.kind === "unreadable-attachment")
    .map((f) => `${String(f.attachment)}: ${String(f.why)}${f.cause ? `/${f.cause}` : ""}`)
    .sort();
  // As in the extractor tests: with no expectation, only the truncated file may fail, as corrupt.
  const want = expected.unreadable
    ? Object.entries(expected.unreadable).map(([k, v]) => `${masked(k === "" ? name : `${name}/${k}`)}: ${v}`)
    : unreadable.filter((u) => u.endsWith(": corrupt"));
  expect(unreadable).toEqual(want.sort());
  // A file its producer cut short must be reported, never read silently as clean.
  if (/\bcut\b/.test(expected.producer)) expect(unreadable.some((u) => u.endsWith(": corrupt"))).toBe(true);
});
