/**
 * The CLI through `main()` in-process (fast, every branch) and through `node bin/postvagt.js`
 * (the real command, compiled by `prepare` or the jest globalSetup: exit codes, stdout/stderr).
 */
import { spawn as spawnAsync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./main";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "postvagt.js");
const RANDERS = "examples/policies/randers.policy.json";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

function spawn(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string): Record<string, unknown>[] =>
  s
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "postvagt-cli-"));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function writeTemp(name: string, content: string): string {
  const path = join(temp, name);
  writeFileSync(path, content);
  return path;
}

describe("exit codes", () => {
  it.each<[string, string[], number]>([
    ["all allowed", ["scan", "--json", "--policy", RANDERS, "examples/eml/clean.eml", "examples/eml/trusted-domain.eml"], 0],
    ["a warning", ["scan", "--json", "--policy", RANDERS, "examples/eml/encrypted-zip-attachment.eml"], 1],
    ["a block", ["scan", "--json", "--policy", RANDERS, "examples/eml/clean.eml", "examples/eml/lookalike-anders-dk.eml"], 1],
    ["an unparseable message", ["scan", "--json", "examples/eml/clean.eml", "examples/eml/unparseable.eml"], 3],
    ["an unparseable message wins over a block", ["scan", "--json", "examples/eml/unparseable.eml", "examples/eml/cpr-in-subject.eml"], 3],
    ["no command", [], 2],
    ["unknown command", ["check", "x.eml"], 2],
    ["unknown option", ["scan", "--jsn", "examples/eml"], 2],
    ["--policy without a file", ["scan", "examples/eml", "--policy"], 2],
    ["bad --lang", ["scan", "--lang", "de", "examples/eml"], 2],
    ["no path", ["scan", "--json"], 2],
    ["missing path", ["scan", "does/not/exist.eml"], 2],
    ["folder without .eml", ["scan", "docs"], 2],
    ["missing policy file", ["scan", "--policy", "nope.json", "examples/eml/clean.eml"], 2],
    ["help", ["--help"], 0],
    ["version", ["--version"], 0],
    ["scan --help", ["scan", "--help"], 0],
  ])("%s → %i", async (_name, args, code) => {
    expect((await run(args)).code).toBe(code);
  });
});

describe("the command line, in the chosen language", () => {
  it("prints the version from package.json", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `postvagt ${version}\n`, stderr: "" });
  });

  it.each<[string, string[], Record<string, string>, string]>([
    ["a near miss, Danish", ["scan", "--polcy", "x.json", "examples/eml"], {}, "postvagt: Ukendt tilvalg: --polcy. Mente du --policy?\n"],
    ["a near miss, English by --lang after it", ["scan", "--jsno", "--lang", "en", "examples/eml"], {}, "postvagt: Unknown option: --jsno. Did you mean --json?\n"],
    ["a near miss, English by locale", ["scan", "--jsno", "examples/eml"], { LANG: "en_GB.UTF-8" }, "postvagt: Unknown option: --jsno. Did you mean --json?\n"],
    ["--lang da over an English locale", ["scan", "--lang=da", "--xyz", "examples/eml"], { LANG: "en_GB.UTF-8" }, "postvagt: Ukendt tilvalg: --xyz. Se postvagt --help\n"],
    ["nothing close", ["scan", "--colour", "examples/eml"], {}, "postvagt: Ukendt tilvalg: --colour. Se postvagt --help\n"],
    ["a missing value", ["scan", "examples/eml", "--policy"], {}, "postvagt: --policy skal have en værdi; se postvagt --help\n"],
    ["a value for a switch", ["scan", "--json=yes", "examples/eml"], { LANG: "en_US.UTF-8" }, "postvagt: --json takes no value; write just --json\n"],
    ["policy check, unknown option", ["policy", "check", "--lnag", "en", "x.json"], {}, "postvagt: Ukendt tilvalg: --lnag. Mente du --lang?\n"],
  ])("%s", async (_name, args, env, firstLine) => {
    const r = await run(args, env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(firstLine)).toBe(true);
    // Node's own English wording never leaks through.
    expect(r.stderr).not.toContain("To specify a positional argument");
  });

  it("says a bad policy field in Danish, and in English with --lang en", async () => {
    const policy = writeTemp("lang.json", JSON.stringify({ ownDomains: ["*.randers.dk"], trustedDomains: [] }));
    const da = await run(["scan", "--policy", policy, "examples/eml/clean.eml"]);
    expect(da.stderr).toContain('  ownDomains[0]: "*.randers.dk": ingen jokertegn; underdomæner er altid med, skriv "randers.dk"\n');
    const en = await run(["scan", "--lang", "en", "--policy", policy, "examples/eml/clean.eml"]);
    expect(en.stderr).toContain('  ownDomains[0]: "*.randers.dk": no wildcards; subdomains are always included, write "randers.dk"\n');
  });
});

describe("--json", () => {
  it("prints one JSON line per message with the contract's keys first", async () => {
    const r = await run(["scan", "--json", "--policy", RANDERS, "examples/eml/lookalike-anders-dk.eml", "examples/eml/clean.eml"]);
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    expect(Object.keys(out[0] as object).slice(0, 4)).toEqual(["file", "verdict", "findings", "elapsedMs"]);
    expect(out[0]).toMatchObject({ file: "examples/eml/lookalike-anders-dk.eml", verdict: "block" });
    expect(out[1]).toMatchObject({ file: "examples/eml/clean.eml", verdict: "allow", findings: [] });
    expect(typeof out[0]?.elapsedMs).toBe("number");
    expect(r.stderr).toBe("");
  });

  it("gives an unparseable file an object with error, and keeps going", async () => {
    const r = await run(["scan", "--json", "examples/eml/unparseable.eml", "examples/eml/clean.eml"]);
    const out = lines(r.stdout);
    expect(out[0]).toEqual({ file: "examples/eml/unparseable.eml", error: "not-a-message", elapsedMs: expect.any(Number) });
    expect(out[1]).toMatchObject({ verdict: "allow" });
  });

  it("scans a folder recursively, in name order, only *.eml", async () => {
    const dir = join(temp, "tree");
    mkdirSync(join(dir, "b", "c"), { recursive: true });
    const mail = "From: a@randers.dk\r\nTo: b@randers.dk\r\nSubject: hej\r\n\r\nhej\r\n";
    writeFileSync(join(dir, "b", "c", "z.eml"), mail);
    writeFileSync(join(dir, "b", "a.EML"), mail);
    writeFileSync(join(dir, "a.eml"), mail);
    writeFileSync(join(dir, "notes.txt"), "not scanned");
    const r = await run(["scan", "--json", dir]);
    expect(lines(r.stdout).map((l) => l.file)).toEqual([join(dir, "a.eml"), join(dir, "b", "a.EML"), join(dir, "b", "c", "z.eml")]);
    expect(r.code).toBe(0);
  });

  it("writes detail and why in Danish unless --lang en, whatever the locale", async () => {
    const files = ["examples/eml/cpr-in-attached-mail.eml", "examples/eml/lookalike-anders-dk.eml"];
    const da = lines((await run(["scan", "--json", "--policy", RANDERS, ...files], { LANG: "en_US.UTF-8" })).stdout);
    expect(JSON.stringify(da)).toContain("der mangler et 'r'");
    const en = lines((await run(["scan", "--json", "--lang", "en", "--policy", RANDERS, ...files])).stdout);
    expect(JSON.stringify(en)).toContain("the letter 'r' is missing");
  });

  it("applies the policy: the same mail is allowed when the admin allows look-alikes of own domains", async () => {
    const policy = writeTemp("lenient.json", JSON.stringify({ ownDomains: ["randers.dk"], trustedDomains: [], lookalike: { own: "allow" } }));
    const r = await run(["scan", "--json", "--policy", policy, "examples/eml/lookalike-anders-dk.eml"]);
    expect(lines(r.stdout)[0]).toMatchObject({ verdict: "allow", findings: [expect.objectContaining({ action: "allow" })] });
    expect(r.code).toBe(0);
  });

  it("without --policy uses the built-in default, learning the own domain from the sender", async () => {
    const r = await run(["scan", "--json", "examples/eml/lookalike-anders-dk.eml"]);
    expect(lines(r.stdout)[0]).toMatchObject({ verdict: "block", learnedOwnDomain: "randers.dk" });
  });
});

describe("a bad policy file", () => {
  it("names every wrong field and scans nothing", async () => {
    const policy = writeTemp("bad.json", JSON.stringify({ ownDomains: ["randers.dk"], trustedDomains: ["aarhus.dk", "viborg.dk", "randers"], cpr: { hihg: "block" } }));
    const r = await run(["scan", "--json", "--policy", policy, "examples/eml/clean.eml"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`Politikfilen ${policy} er ugyldig:`);
    expect(r.stderr).toContain('trustedDomains[2]: "randers" er ikke et domæne');
    expect(r.stderr).toContain('cpr.hihg: ukendt felt "hihg"; mente du "high"?');
  });

  it("reports invalid JSON", async () => {
    const policy = writeTemp("broken.json", '{"ownDomains": [');
    const r = await run(["scan", "--policy", policy, "examples/eml/clean.eml"], { LANG: "en_US.UTF-8" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`The policy file ${policy} is invalid:`);
    expect(r.stderr).toContain("  not valid JSON at line 1, column 17: the file ends too early; a } or ] is missing");
  });

  it("accepts a file with a byte-order mark", async () => {
    const policy = writeTemp("bom.json", `\uFEFF${JSON.stringify({ ownDomains: ["randers.dk"], trustedDomains: [] })}`);
    expect((await run(["scan", "--json", "--policy", policy, "examples/eml/clean.eml"])).code).toBe(0);
  });
});

describe("the readable report", () => {
  it("is Danish by default, with one line per finding and a summary", async () => {
    const r = await run(["scan", "--policy", RANDERS, "examples/eml/lookalike-anders-dk.eml", "examples/eml/clean.eml", "examples/eml/unparseable.eml"]);
    expect(r.stdout).toBe(
      [
        "examples/eml/lookalike-anders-dk.eml: BLOKERET",
        "  [blokerer] anders.dk ligner randers.dk – der mangler et 'r'. Mente du randers.dk?",
        "examples/eml/clean.eml: TILLADT",
        "  Intet fundet.",
        "examples/eml/unparseable.eml: FEJL",
        "  Kunne ikke læses som en mail (filen er ikke en mail).",
        "Mails: 3 · tilladt: 1 · advarsel: 0 · blokeret: 1 · ulæselige: 1",
        "Efter regel (politikfelt → handling):",
        "  lookalike.own → blokerer: fund: 1 · mails: 1",
        "",
      ].join("\n"),
    );
  });

  it.each<[string, string[], Record<string, string>]>([
    ["--lang en", ["--lang", "en"], {}],
    ["LANG=en_US", [], { LANG: "en_US.UTF-8" }],
    ["LC_ALL=en_GB over LANG=da_DK", [], { LANG: "da_DK.UTF-8", LC_ALL: "en_GB.UTF-8" }],
  ])("is English with %s", async (_name, extra, env) => {
    const r = await run(["scan", ...extra, "--policy", RANDERS, "examples/eml/image-attachment.eml"], env);
    expect(r.stdout).toBe(
      [
        "examples/eml/image-attachment.eml: ALLOWED",
        "  [allowed] formular.png could not be checked: it is an image, and text in images cannot be read",
        "Messages: 1 · allowed: 1 · warned: 0 · blocked: 0 · unreadable: 0",
        "By rule (policy field → action):",
        "  imageAttachment → allowed: findings: 1 · messages: 1",
        "",
      ].join("\n"),
    );
  });

  it("--lang da wins over an English locale", async () => {
    const r = await run(["scan", "--lang", "da", "examples/eml/clean.eml"], { LANG: "en_US.UTF-8" });
    expect(r.stdout).toContain("TILLADT");
  });

  it("prints usage on a usage error, in the locale's language", async () => {
    const r = await run(["scan", "--bogus"], { LANG: "en_US.UTF-8" });
    expect(r.stderr).toContain("Usage: postvagt scan [--policy FILE] [--json] [--summary-json] [--lang da|en] PATH...");
    const d = await run(["scan"]);
    expect(d.stderr).toContain("Brug: postvagt scan [--policy FIL] [--json] [--summary-json] [--lang da|en] STI...");
  });
});

describe("node bin/postvagt.js (the installed command)", () => {
  it("scans the examples folder with the compiled command", () => {
    const r = spawn(["scan", "--json", "--policy", RANDERS, "examples/eml"]);
    expect(r.code).toBe(3); // the examples include one unparseable file on purpose
    const out = lines(r.stdout);
    expect(out.length).toBeGreaterThanOrEqual(10);
    expect(out.find((l) => l.file === "examples/eml/lookalike-anders-dk.eml")).toMatchObject({ verdict: "block" });
    expect(r.stderr).toBe("");
  });

  it.each<[string, string[], number]>([
    ["0 when all allowed", ["scan", "examples/eml/clean.eml"], 0],
    ["1 on a block", ["scan", "--policy", RANDERS, "examples/eml/cpr-in-subject.eml"], 1],
    ["2 on a usage error", ["scan"], 2],
    ["2 on a bad policy", ["scan", "--policy", "package.json", "examples/eml/clean.eml"], 2],
    ["3 when a message could not be read", ["scan", "examples/eml/unparseable.eml"], 3],
    ["0 on --version", ["--version"], 0],
  ])("exits %s", (_name, args, code) => {
    expect(spawn(args).code).toBe(code);
  });

  it("stops quietly with 4 when the reader closes the pipe (`| head -1`)", async () => {
    const child = spawnAsync(process.execPath, [BIN, "scan", "--json", "examples/eml", "examples/eml", "examples/eml"], { cwd: ROOT, env: { PATH: process.env.PATH ?? "" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Like `head -1`: read the first chunk, then close our end of the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toContain("internal error");
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(4);
  }, 60_000);
});
