/** @jest-environment node */
import type { Finding, MaskedCpr } from "../../core/index";
import { buildAlert, MAX_ALERT_CHARS, MAX_BUTTON_CHARS, type AlertInput } from "./alert-message";
import { lookalikeFinding } from "../../../test/helpers/sample-findings";

const cpr = (attachment?: string): Finding => ({
  kind: "cpr",
  location: attachment ? { part: "attachment", attachment, place: { kind: "page", page: 3 } } : { part: "body" },
  masked: "150375-****" as MaskedCpr,
  confidence: "high",
  form: "hyphen",
  reasons: ["keyword"],
  span: { start: 0, end: 11 },
});

const lookalike: Finding = lookalikeFinding();

const input = (over: Partial<AlertInput> = {}): AlertInput => ({
  kind: "block",
  reasons: [{ finding: cpr(), action: "block" }],
  lang: "da",
  hint: "button",
  next: "none",
  ...over,
});

describe("buildAlert", () => {
  it("says what was found and where, with the masked number", () => {
    const a = buildAlert(input({ reasons: [{ finding: cpr("Bilag.pdf"), action: "block" }, { finding: lookalike, action: "block" }] }));
    expect(a.errorMessage).toContain("150375-****");
    expect(a.errorMessage).toContain("Bilag.pdf");
    expect(a.errorMessage).toContain("anders.dk ligner randers.dk");
    expect(a.errorMessage).toContain("»Ret mailen«");
  });

  it("escapes Markdown so the mask's asterisks stay asterisks", () => {
    const a = buildAlert(input());
    expect(a.errorMessageMarkdown).toContain("150375-\\*\\*\\*\\*");
    expect(a.errorMessageMarkdown.startsWith("**Postvagt har stoppet mailen.**")).toBe(true);
    expect(a.errorMessageMarkdown).toMatch(/- .*\r/);
  });

  it("leaves out findings the policy allows", () => {
    const a = buildAlert(input({ reasons: [{ finding: cpr(), action: "block" }, { finding: lookalike, action: "allow" }] }));
    expect(a.errorMessage).not.toContain("anders.dk");
  });

  it.each(["da", "en"] as const)("stays within Outlook's limits with many long findings (%s)", (lang) => {
    const reasons = Array.from({ length: 40 }, (_, i) => ({ finding: cpr(`${"Meget langt bilagsnavn ".repeat(4)}${i}.pdf`), action: "block" as const }));
    for (const next of ["none", "send-again", "send-anyway", "fail-block"] as const) {
      const a = buildAlert(input({ reasons, lang, next }));
      expect(a.errorMessage.length).toBeLessThanOrEqual(MAX_ALERT_CHARS);
      expect(a.errorMessageMarkdown.length).toBeLessThanOrEqual(MAX_ALERT_CHARS);
      expect(a.cancelLabel.length).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
      expect(a.errorMessage).toMatch(lang === "da" ? /mere\./ : /more\./);
    }
  });

  it.each([
    ["send-again", "tryk Send igen"],
    ["send-anyway", "sende den alligevel"],
    ["fail-block", "Mailen er ikke sendt"],
  ] as const)("ends with how to go on (%s)", (next, text) => {
    expect(buildAlert(input({ kind: "warn", next })).errorMessage).toContain(text);
  });

  it("points to the ribbon where Outlook shows no button", () => {
    expect(buildAlert(input({ hint: "ribbon" })).errorMessage).toContain("båndet");
  });

  it("a timeout with nothing found still explains itself", () => {
    const a = buildAlert(input({ kind: "timeout", reasons: [], next: "fail-block", lang: "en" }));
    expect(a.errorMessage).toContain("could not check the whole mail in time");
    expect(a.cancelLabel).toBe("Open Postvagt");
  });

  it("cleans a CPR number out of an attachment name", () => {
    const a = buildAlert(input({ reasons: [{ finding: { kind: "unreadable-attachment", attachment: "150375-6125_scan.pdf", why: "encrypted" }, action: "warn" }] }));
    expect(a.errorMessage).not.toContain("150375-6125");
    expect(a.errorMessage).toContain("150375-****_scan.pdf");
  });
});

describe("buildAlert with many findings", () => {
  it("describes only what it lists, and counts the rest, omitted ones included", () => {
    // Findings past the fifth count each time they are looked into: only the listed ones may be.
    let lookedInto = 0;
    const undescribable = new Proxy(cpr("register.csv") as object, {
      get(target, key) {
        lookedInto++;
        return (target as Record<string | symbol, unknown>)[key];
      },
    }) as Finding;
    const reasons = [
      ...Array.from({ length: 5 }, () => ({ finding: cpr("register.csv"), action: "block" as const })),
      ...Array.from({ length: 10_000 }, () => ({ finding: undescribable, action: "block" as const })),
    ];
    const a = buildAlert(input({ reasons, omitted: 90_000 }));
    expect(a.errorMessage.length).toBeLessThanOrEqual(MAX_ALERT_CHARS);
    const listed = (a.errorMessage.match(/150375-\*{4}/g) ?? []).length;
    expect(listed).toBeGreaterThan(0);
    // "… og N mere": all 100,005 findings minus the listed ones.
    expect(a.errorMessage).toMatch(new RegExp(`og ${100_005 - listed} mere`));
    expect(lookedInto).toBe(0);
  });
});
