/**
 * The non-negotiable, as a seeded property: whatever a CPR number's place in a mail (subject,
 * text or HTML body, attachment text, attachment name, recipient, the .eml file's own name),
 * nothing `postvagt scan` prints (JSON or text, Danish or English) contains its ten digits.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { decideResult, parsePolicy, scanMessage, type Message, type Policy } from "../core";
import { main } from "./main";
import { emptyTally, count, exitCodeFor, jsonLine, messageRecord, summaryLine, textReport } from "./report";

const SEED = 20261122;
const NOW = new Date("2026-11-22T10:00:00Z");

const parsed = parsePolicy({ ownDomains: ["randers.dk"], trustedDomains: ["aarhus.dk"] });
if (!parsed.ok) throw new Error("test policy");
const POLICY: Policy = parsed.policy;

/** Synthetic (docs/design/cpr-number.md §7): born 1858–1915, the 7th digit giving the right century. Any serial. */
const syntheticCpr = fc
  .record({
    year: fc.integer({ min: 1858, max: 1915 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    serial: fc.integer({ min: 0, max: 999 }),
    centuryPick: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ year, month, day, serial, centuryPick }) => {
    const d7 = year < 1900 ? 5 + centuryPick : centuryPick;
    const p = (n: number, w = 2): string => String(n).padStart(w, "0");
    return `${p(day)}${p(month)}${p(year % 100)}${d7}${p(serial, 3)}`;
  });

type Placement = "subject" | "text" | "html" | "attachment-text" | "attachment-name" | "recipient";
const placement = fc.constantFrom<Placement>("subject", "text", "html", "attachment-text", "attachment-name", "recipient");
const form = fc.constantFrom("hyphen", "en-dash", "keyword-compact", "space");
const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[0-9]/g, ""));

function written(digits: string, f: string): string {
  const [a, b] = [digits.slice(0, 6), digits.slice(6)];
  switch (f) {
    case "hyphen":
      return `${a}-${b}`;
    case "en-dash":
      return `${a}\u2013${b}`;
    case "space":
      return `CPR ${a} ${b}`;
    default:
      return `CPR-nr. ${digits}`;
  }
}

function compose(where: Placement, text: string, pre: string, post: string): Message {
  const base: Message = { subject: "Sag", bodyText: "Hej", recipients: [{ address: "kollega@randers.dk", field: "to" }], attachments: [], from: "jens@randers.dk" };
  const around = `${pre} ${text} ${post}`;
  switch (where) {
    case "subject":
      return { ...base, subject: around };
    case "text":
      return { ...base, bodyText: around };
    case "html":
      return { ...base, bodyHtml: `<p>${pre.replace(/[<&]/g, "")}</p><p><b>${text.slice(0, 5)}</b>${text.slice(5)}</p>` };
    case "attachment-text":
      return { ...base, attachments: [{ kind: "file", name: "notat.txt", bytes: new TextEncoder().encode(around), contentType: "text/plain" }] };
    case "attachment-name":
      return { ...base, attachments: [{ kind: "file", name: `${text.replace(/[^0-9A-Za-z\u2013 .-]/g, "")}_scan.png`, bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]) }] };
    case "recipient":
      return { ...base, recipients: [{ address: `${text.replace(/[^0-9]/g, "")}@anders.dk`, field: "to" }] };
  }
}

/** The ten digits with up to three non-digits between date and serial (a dash, spaces, a tag). */
function leaks(output: string, digits: string): boolean {
  return new RegExp(`${digits.slice(0, 6)}\\D{0,3}${digits.slice(6)}`).test(output);
}

describe("no output ever contains the ten digits of a CPR number", () => {
  it("report functions: JSON and text, Danish and English, every placement", async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(syntheticCpr, placement, form, filler, filler, async (digits, where, f, pre, post) => {
        const message = compose(where, written(digits, f), pre, post);
        const result = await scanMessage(message, POLICY, { now: NOW });
        const verdict = decideResult(result, POLICY);
        if (result.findings.length > 0) found++;
        const file = `indbakke/${digits}.eml`;
        const outputs = [
          jsonLine(messageRecord(file, result, verdict, POLICY, "da", 1)),
          jsonLine(messageRecord(file, result, verdict, POLICY, "en", 1)),
          textReport(file, { kind: "scanned", result, verdict }, "da"),
          textReport(file, { kind: "scanned", result, verdict }, "en"),
          textReport(file, { kind: "error", error: "not-a-message" }, "da"),
        ];
        for (const o of outputs) expect(leaks(o, digits)).toBe(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
    // The property is only worth something if the numbers were actually found.
    expect(found).toBeGreaterThan(250);
  });

  it("the command: .eml files on disk, named after the number", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postvagt-leak-"));
    try {
      await fc.assert(
        fc.asyncProperty(syntheticCpr, placement, form, fc.boolean(), async (digits, where, f, json) => {
          const m = compose(where, written(digits, f), "Borger", "");
          const attachment = m.attachments[0];
          const parts = [
            `From: ${m.from}`,
            `To: ${m.recipients.map((r) => r.address).join(", ")}`,
            `Subject: =?UTF-8?B?${Buffer.from(m.subject).toString("base64")}?=`,
            "MIME-Version: 1.0",
            'Content-Type: multipart/mixed; boundary="b"',
            "",
            "--b",
            `Content-Type: text/${m.bodyHtml ? "html" : "plain"}; charset=utf-8`,
            "",
            m.bodyHtml ?? m.bodyText ?? "",
            ...(attachment && attachment.kind === "file"
              ? ["--b", `Content-Type: application/octet-stream; name="${attachment.name}"`, "Content-Transfer-Encoding: base64", "", Buffer.from(attachment.bytes).toString("base64")]
              : []),
            "--b--",
            "",
          ];
          const path = join(dir, `${digits.slice(0, 6)}-${digits.slice(6)}.eml`);
          writeFileSync(path, parts.join("\r\n"));
          let out = "";
          await main(["scan", ...(json ? ["--json"] : []), path], { stdout: (s) => (out += s), stderr: (s) => (out += s), env: {} });
          expect(leaks(out, digits)).toBe(false);
          rmSync(path);
        }),
        { seed: SEED, numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("tally and exit code", () => {
  it.each<[string[], 0 | 1 | 3, string]>([
    [[], 0, "Mails: 0 · tilladt: 0 · advarsel: 0 · blokeret: 0 · ulæselige: 0\n"],
    [["allow", "allow"], 0, "Mails: 2 · tilladt: 2 · advarsel: 0 · blokeret: 0 · ulæselige: 0\n"],
    [["allow", "warn"], 1, "Mails: 2 · tilladt: 1 · advarsel: 1 · blokeret: 0 · ulæselige: 0\n"],
    [["block", "warn"], 1, "Mails: 2 · tilladt: 0 · advarsel: 1 · blokeret: 1 · ulæselige: 0\n"],
    [["block", "error"], 3, "Mails: 2 · tilladt: 0 · advarsel: 0 · blokeret: 1 · ulæselige: 1\n"],
  ])("%j → exit %i", (verdicts, code, summary) => {
    const tally = emptyTally();
    for (const v of verdicts) {
      count(tally, v === "error" ? { file: "x", error: "empty", elapsedMs: 0 } : { file: "x", verdict: v as "allow", findings: [], elapsedMs: 0 });
    }
    expect(exitCodeFor(tally)).toBe(code);
    expect(summaryLine(tally, "da")).toBe(summary);
  });
});
