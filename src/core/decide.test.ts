import { actionFor, decide, decideResult, stricter } from "./decide";
import { maskCpr } from "./detectors/mask";
import type { Confidence, Finding } from "./finding";
import { DEFAULT_POLICY } from "./policy/default-policy";
import type { Action, FailMode, Policy } from "./policy/policy";
import { withDefaults } from "./policy/with-defaults";
import type { ScanResult } from "./scan";

// Synthetic (docs/design/cpr-number.md §7): born 1910.
const MASKED = maskCpr("2412102145");

const cpr = (confidence: Confidence): Finding => ({
  kind: "cpr",
  location: { part: "body" },
  masked: MASKED,
  confidence,
  form: "hyphen",
  reasons: [],
  span: { start: 0, end: 11 },
});
const lookalike = (target: "own" | "trusted" | "known"): Finding => ({
  kind: "lookalike-domain",
  recipient: "a@anders.dk",
  field: "to",
  domain: "anders.dk",
  resembles: "randers.dk",
  target,
  reason: "typo",
  edit: { op: "missing", char: "r" },
  suggestion: "a@randers.dk",
});
const invalid: Finding = { kind: "invalid-recipient", recipient: "a@", field: "to" };
const unreadable: Finding = { kind: "unreadable-attachment", attachment: "scan.pdf", why: "unsupported", cause: "no-text-layer" };
const image: Finding = { kind: "unreadable-attachment", attachment: "logo.png", why: "unsupported", cause: "image" };

const ACTIONS: readonly Action[] = ["allow", "warn", "block"];

describe("actionFor: each finding kind reads its own policy field", () => {
  it.each(ACTIONS)("cpr.high/medium/low = %s", (action) => {
    for (const level of ["high", "medium", "low"] as const) {
      const policy = withDefaults({ cpr: { [level]: action } });
      expect(actionFor(cpr(level), policy)).toBe(action);
    }
  });

  it.each(ACTIONS)("lookalike.own/trusted/known = %s", (action) => {
    for (const target of ["own", "trusted", "known"] as const) {
      const policy = withDefaults({ lookalike: { [target]: action } });
      expect(actionFor(lookalike(target), policy)).toBe(action);
    }
  });

  it.each(ACTIONS)("invalidRecipient = %s", (action) => {
    expect(actionFor(invalid, withDefaults({ invalidRecipient: action }))).toBe(action);
  });

  it.each(ACTIONS)("unreadableAttachment = %s", (action) => {
    expect(actionFor(unreadable, withDefaults({ unreadableAttachment: action }))).toBe(action);
    // …and an image is not governed by it:
    expect(actionFor(image, withDefaults({ unreadableAttachment: action, imageAttachment: "allow" }))).toBe("allow");
  });

  it.each(ACTIONS)("imageAttachment = %s", (action) => {
    expect(actionFor(image, withDefaults({ imageAttachment: action }))).toBe(action);
  });

  it("allows an image by default (signature logos), but still reports it", () => {
    expect(actionFor(image, DEFAULT_POLICY)).toBe("allow");
    expect(decide([image], DEFAULT_POLICY)).toEqual({ verdict: "allow", reasons: [{ finding: image, action: "allow" }] });
  });
});

describe("decide under the built-in policy", () => {
  it.each<[string, Finding[], Action]>([
    ["nothing found", [], "allow"],
    ["CPR high", [cpr("high")], "block"],
    ["CPR medium", [cpr("medium")], "warn"],
    ["CPR low", [cpr("low")], "allow"],
    ["look-alike of own", [lookalike("own")], "block"],
    ["look-alike of trusted", [lookalike("trusted")], "warn"],
    ["look-alike of known", [lookalike("known")], "warn"],
    ["invalid recipient", [invalid], "warn"],
    ["unreadable attachment", [unreadable], "warn"],
    ["the strictest wins", [cpr("low"), unreadable, lookalike("own")], "block"],
  ])("%s → %s", (_name, findings, verdict) => {
    expect(decide(findings, DEFAULT_POLICY).verdict).toBe(verdict);
  });

  it("gives every finding with its action, strictest first, scan order otherwise", () => {
    const findings = [cpr("low"), unreadable, lookalike("own"), cpr("medium")];
    const v = decide(findings, DEFAULT_POLICY);
    expect(v.reasons.map((r) => [r.finding, r.action])).toEqual([
      [findings[2], "block"],
      [findings[1], "warn"],
      [findings[3], "warn"],
      [findings[0], "allow"],
    ]);
  });
});

describe("stricter", () => {
  it.each<[Action, Action, Action]>([
    ["allow", "allow", "allow"],
    ["allow", "warn", "warn"],
    ["warn", "allow", "warn"],
    ["warn", "block", "block"],
    ["block", "allow", "block"],
  ])("%s, %s → %s", (a, b, r) => expect(stricter(a, b)).toBe(r));
});

describe("decideResult: timeouts and errors follow the policy's fail mode, never loosening", () => {
  const result = (over: Partial<ScanResult>): ScanResult => ({ findings: [], timedOut: false, elapsedMs: 1, errors: [], ...over });
  const policy = (onTimeout: FailMode, onError: FailMode): Policy => withDefaults({ onTimeout, onError });

  it.each<[FailMode, Finding[], Action]>([
    ["allow", [], "allow"],
    ["warn", [], "warn"],
    ["block", [], "block"],
    ["allow", [cpr("high")], "block"],
    ["warn", [cpr("low")], "warn"],
  ])("timed out, onTimeout=%s, findings %# → %s", (mode, findings, verdict) => {
    const v = decideResult(result({ findings, timedOut: true }), policy(mode, "allow"));
    expect(v.verdict).toBe(verdict);
    expect(v.incomplete).toBe("timeout");
  });

  it.each<[FailMode, Action]>([
    ["allow", "allow"],
    ["warn", "warn"],
    ["block", "block"],
  ])("failed part, onError=%s → %s", (mode, verdict) => {
    const v = decideResult(result({ errors: [{ phase: "attachments" }] }), policy("allow", mode));
    expect(v.verdict).toBe(verdict);
    expect(v.incomplete).toBe("error");
  });

  it("a complete scan is just decide()", () => {
    const r = result({ findings: [cpr("medium")] });
    expect(decideResult(r, DEFAULT_POLICY)).toEqual(decide(r.findings, DEFAULT_POLICY));
    expect(decideResult(r, DEFAULT_POLICY).incomplete).toBeUndefined();
  });
});
