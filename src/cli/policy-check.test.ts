/**
 * `postvagt policy check FILE`: in-process through main() for every branch, and once through the
 * real command for the exit codes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./main";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "postvagt.js");

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "postvagt-policy-check-"));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(temp, name);
  writeFileSync(path, content);
  return path;
}

const examples = readdirSync(join(ROOT, "examples", "policies")).filter((f) => f.endsWith(".json"));

describe("postvagt policy check", () => {
  it.each(examples)("examples/policies/%s is valid (exit 0) and its effective settings are shown", async (name) => {
    const path = join(ROOT, "examples", "policies", name);
    const r = await run(["policy", "check", path]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.split("\n")[0]).toBe(`${path}: gyldig politik.`);
    expect(r.stdout).toContain("  CPR: høj → ");
    expect(r.stdout).toContain("  Ved fejl → ");
  });

  it("shows the effective policy after defaults, in Danish", async () => {
    const path = file("minimal.json", JSON.stringify({ ownDomains: ["Randers.dk"], trustedDomains: ["aarhus.dk"], secureRoute: { kind: "subject-tag", tag: "[sikker]" } }));
    const r = await run(["policy", "check", path]);
    expect(r.stdout).toBe(
      [
        `${path}: gyldig politik.`,
        "  Egne domæner: randers.dk",
        "  Betroede domæner: 1",
        "  Ekstra kendte domæner: 0 (indbygget liste over offentlige domæner: ja)",
        "  CPR: høj → blokerer, mellem → advarer, lav → tilladt",
        "  Forvekslede domæner: egne → blokerer, betroede → advarer, kendte → advarer",
        "  Sikker rute: emnemærke [sikker] (kræver en transportregel, der krypterer det)",
        "  Sikre modtagere: 0 domæner, 0 adresser",
        "  Ved fejl → advarer, ved timeout → advarer",
        "",
      ].join("\n"),
    );
  });

  it("lists every problem, each naming its field and the fix (exit 2)", async () => {
    const path = file(
      "bad.json",
      JSON.stringify({
        ownDomains: ["randers"],
        trustedDomain: [],
        cpr: { high: "stop" },
        secureRecipients: { addresses: ["digital-post.dk"] },
        limits: { sendBudgetMs: 10 },
      }),
    );
    const r = await run(["policy", "check", "--lang", "en", path]);
    expect(r.code).toBe(2);
    expect(r.stdout.split("\n")).toEqual([
      `${path}: invalid policy (6 errors). Fix the fields below:`,
      '  trustedDomain: unknown key "trustedDomain"; did you mean "trustedDomains"?',
      '  ownDomains[0]: "randers" is not a domain; write it as name.tld, such as "randers.dk"',
      '  trustedDomains: is required; write "trustedDomains": [] if there are none',
      '  cpr.high: "stop" is not an action; use one of "block", "warn", "allow"',
      '  secureRecipients.addresses[0]: "digital-post.dk" is not an address; write a full address such as "sikkerpost@randers.dk", or put a domain in secureRecipients.domains',
      "  limits.sendBudgetMs: 10 is out of range; use 100 to 290000 ms",
      "",
    ]);
  });

  it("names a JSON syntax error by line and column, and the fix (exit 2)", async () => {
    const path = file("syntax.json", '{\n  "ownDomains": ["randers.dk"],\n}');
    const r = await run(["policy", "check", path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      `${path}: ugyldig politik (1 fejl). Ret felterne herunder:\n  ikke gyldig JSON i linje 2, kolonne 31: et komma for meget; fjern kommaet efter den sidste værdi\n`,
    );
    const en = await run(["policy", "check", "--lang", "en", path]);
    expect(en.stdout).toContain("  not valid JSON at line 2, column 31: a comma too many; remove the comma after the last value\n");
  });

  it("says every field's problem in Danish by default, and in English with --lang en", async () => {
    const path = file("bad-da.json", JSON.stringify({ ownDomains: ["post@randers.dk"], trustedDomains: [], onTimeout: "retry", limits: { sendBudgetMs: "4000" } }));
    const r = await run(["policy", "check", path]);
    expect(r.stdout.split("\n")).toEqual([
      `${path}: ugyldig politik (3 fejl). Ret felterne herunder:`,
      '  ownDomains[0]: "post@randers.dk" er en adresse, ikke et domæne; skriv "randers.dk"',
      '  onTimeout: "retry" er ikke en handling ved fejl; brug en af værdierne "block", "warn", "allow"',
      '  limits.sendBudgetMs: skal være et tal (ms) uden anførselstegn, ikke "4000"',
      "",
    ]);
    const en = await run(["policy", "check", path, "--lang", "en"]);
    expect(en.stdout).toContain('  ownDomains[0]: "post@randers.dk" is an address, not a domain; write "randers.dk"');
  });

  it("accepts a byte-order mark (Notepad)", async () => {
    const path = file("bom.json", `\uFEFF${JSON.stringify({ ownDomains: [], trustedDomains: [] })}`);
    expect((await run(["policy", "check", path])).code).toBe(0);
  });

  it.each<[string, string[], string]>([
    ["an unreadable file", ["policy", "check", "/nonexistent/policy.json"], "postvagt: Kan ikke læse politikfilen /nonexistent/policy.json\n"],
    ["no file", ["policy", "check"], "postvagt: Angiv politikfilen: postvagt policy check FIL\n"],
    ["no subcommand", ["policy"], "postvagt: Angiv politikfilen: postvagt policy check FIL\n"],
    ["an unknown subcommand", ["policy", "lint", "x.json"], "postvagt: Ukendt policy-kommando: lint (brug: postvagt policy check FIL)\n"],
    ["two files", ["policy", "check", "a.json", "b.json"], "postvagt: Angiv én politikfil ad gangen\n"],
    ["a bad --lang", ["policy", "check", "--lang", "de", "a.json"], "postvagt: --lang skal være da eller en, ikke de\n"],
  ])("%s is a usage error (exit 2)", async (_name, args, firstLine) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(firstLine)).toBe(true);
  });

  it("follows the locale", async () => {
    const path = file("ok.json", JSON.stringify({ ownDomains: [], trustedDomains: [] }));
    const r = await run(["policy", "check", path], { LANG: "en_US.UTF-8" });
    expect(r.stdout).toContain(`${path}: valid policy.`);
    expect(r.stdout).toContain("  Own domains: none given (taken from the sender's address)");
  });

  it("exits 0 and 2 as the installed command", () => {
    const good = spawnSync(process.execPath, [BIN, "policy", "check", "examples/policies/randers.policy.json"], { cwd: ROOT, encoding: "utf8" });
    expect(good.status).toBe(0);
    const bad = spawnSync(process.execPath, [BIN, "policy", "check", "--lang", "da", file("bad2.json", "[]")], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain("politikken skal være et JSON-objekt");
  });
});
