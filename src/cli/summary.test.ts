/**
 * "Test before go-live": the per-rule summary under the readable report, `--summary-json` on
 * stderr only when asked, and the secure route in the report. Synthetic CPR numbers (docs/design/cpr-number.md §7).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Verdict } from "../core";
import { main } from "./main";
import { countRules, emptyRuleTally, ruleSummaryText } from "./summary";

const ROOT = join(__dirname, "..", "..");
const RANDERS = join(ROOT, "examples", "policies", "randers.policy.json");

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {} });
  return { code, stdout, stderr };
}

function eml(to: string, subject: string, body: string): string {
  return [`From: sagsbehandler@randers.dk`, `To: ${to}`, `Subject: ${subject}`, "Content-Type: text/plain; charset=utf-8", "", body, ""].join("\r\n");
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "postvagt-summary-"));
  const files: Record<string, string> = {
    "a-digital-post.eml": eml("borger@kommune.mitdk.digital-post.dk", "Afgørelse", "CPR-nr.: 150375-6125"),
    "b-tag-subject-cpr.eml": eml("borger@gmail.com", "[sikker] Sag 241210-2145", "CPR-nr.: 150375-6125"),
    "c-anders.eml": eml("sagsbehandler@anders.dk", "Møde", "Hej"),
    "d-plain-cpr.eml": eml("borger@gmail.com", "Afgørelse", "CPR-nr.: 150375-6125 og 241210-2145"),
    "e-clean.eml": eml("borger@gmail.com", "Møde", "Hej"),
    "f-broken.eml": "this is not a mail",
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("postvagt scan over a folder: the summary", () => {
  it("ends the readable report with counts per policy rule, and the secure route apart", async () => {
    const r = await run(["scan", "--policy", RANDERS, dir]);
    expect(r.code).toBe(3); // one unreadable file
    expect(r.stderr).toBe("");
    const expected = [
      "Mails: 6 · tilladt: 2 · advarsel: 0 · blokeret: 3 · ulæselige: 1",
      "Efter regel (politikfelt → handling):",
      "  cpr.high → blokerer: fund: 3 · mails: 2",
      "  lookalike.own → blokerer: fund: 1 · mails: 1",
      "  sikker rute → tilladt: CPR-fund: 2 · mails: 2",
      "",
    ].join("\n");
    expect(r.stdout.slice(-expected.length)).toBe(expected);
  });

  it("says in the per-message report when a mail is on the secure route", async () => {
    const r = await run(["scan", "--policy", RANDERS, join(dir, "a-digital-post.eml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  [tilladt] ");
    expect(r.stdout).toContain("  Sikker rute: alle modtagere er sikre modtagere. CPR-numre i brødtekst og vedhæftninger er tilladt; emnet tjekkes stadig.");
  });

  it("--summary-json prints one JSON object on stderr, and --json stdout keeps one message object per line", async () => {
    const r = await run(["scan", "--json", "--summary-json", "--policy", RANDERS, dir]);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(Object.keys(line).slice(0, 2)).toEqual(["file", lines.indexOf(line) === 5 ? "error" : "verdict"]);
    expect(JSON.parse(r.stderr)).toEqual({
      messages: 6,
      allowed: 2,
      warned: 0,
      blocked: 3,
      unreadable: 1,
      byRule: [
        { rule: "cpr.high", action: "block", findings: 3, messages: 2 },
        { rule: "lookalike.own", action: "block", findings: 1, messages: 1 },
      ],
      secureRoute: { findings: 2, messages: 2 },
      incomplete: { onTimeout: 0, onError: 0 },
    });
    const digitalPost = lines.find((l) => String(l.file).endsWith("a-digital-post.eml"))!;
    expect(digitalPost).toMatchObject({ verdict: "allow", secureRoute: "secure-recipients", findings: [{ kind: "cpr", action: "allow" }] });
    const tagged = lines.find((l) => String(l.file).endsWith("b-tag-subject-cpr.eml"))!;
    expect(tagged).toMatchObject({ verdict: "block", secureRoute: "subject-tag" });
    expect((tagged.findings as Array<{ location: { part: string }; action: string }>).map((f) => [f.location.part, f.action])).toEqual([
      ["subject", "block"],
      ["body", "allow"],
    ]);
  });

  it("prints nothing extra on stderr without --summary-json", async () => {
    const r = await run(["scan", "--json", "--policy", RANDERS, join(dir, "e-clean.eml")]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });
});

describe("ruleSummaryText", () => {
  it("reports messages that were not fully checked under the fail-mode field that decided them", () => {
    const tally = emptyRuleTally();
    const timedOut: Verdict = { verdict: "warn", reasons: [], incomplete: "timeout" };
    const failed: Verdict = { verdict: "block", reasons: [], incomplete: "error" };
    countRules(tally, timedOut, undefined);
    countRules(tally, timedOut, undefined);
    countRules(tally, failed, undefined);
    expect(ruleSummaryText(tally, "en", { onError: "block", onTimeout: "warn" })).toBe(
      ["By rule (policy field → action):", "  onTimeout (not fully checked) → warns: messages: 2", "  onError (not fully checked) → blocks: messages: 1", ""].join("\n"),
    );
  });

  it("says so when nothing was found", () => {
    expect(ruleSummaryText(emptyRuleTally(), "da", { onError: "warn", onTimeout: "warn" })).toBe("Efter regel (politikfelt → handling):\n  Ingen fund.\n");
  });
});
