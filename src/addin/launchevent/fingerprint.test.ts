/** @jest-environment node */
import type { CprFinding } from "../../core/index";
import { fingerprint } from "./fingerprint";

const cpr = (part: "body" | "attachment", start: number): CprFinding => ({
  kind: "cpr",
  location: part === "attachment" ? { part, attachment: "Sag", place: { kind: "mail-part", part: "body" } } : { part },
  masked: "150650-****" as CprFinding["masked"],
  confidence: "medium",
  form: "hyphen",
  reasons: [],
  span: { start, end: start + 11 },
});
const warn = (f: CprFinding) => [{ finding: f, action: "warn" }];

describe("fingerprint", () => {
  it("does not depend on offsets inside an attachment (classic Outlook re-serialises attached mails on each read)", () => {
    expect(fingerprint("warn", warn(cpr("attachment", 10)))).toBe(fingerprint("warn", warn(cpr("attachment", 240))));
  });

  it("still tells two places in the message body apart", () => {
    expect(fingerprint("warn", warn(cpr("body", 10)))).not.toBe(fingerprint("warn", warn(cpr("body", 240))));
  });
});
