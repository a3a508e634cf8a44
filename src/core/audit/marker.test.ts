import { DEFAULT_POLICY } from "../policy/default-policy";
import type { CprFinding, Finding, MaskedCpr } from "../finding";
import { AUDIT_HEADER_NAME, buildMarker, parseMarker, type AuditMarker } from "./marker";
import { markerOf, policyIdOf } from "./marker-of";

const cpr = (confidence: CprFinding["confidence"]): Finding => ({
  kind: "cpr",
  location: { part: "body" },
  masked: "150650-****" as MaskedCpr,
  confidence,
  form: "hyphen",
  reasons: [],
  span: { start: 0, end: 11 },
});

describe("audit marker", () => {
  it("has one fixed header name", () => {
    expect(AUDIT_HEADER_NAME).toBe("X-Postvagt");
  });

  it("builds the documented example and reads it back", () => {
    const text = buildMarker({ verdict: "route", cpr: 2, lookalike: 0, unreadable: 1, route: "subject-tag", policy: "2026-12-01" });
    expect(text).toBe("v=1; verdict=route; cpr=2; lookalike=0; unreadable=1; route=subject-tag; policy=2026-12-01");
    const parsed = parseMarker(text);
    expect(parsed).toEqual({
      ok: true,
      unknownFields: [],
      marker: { v: 1, verdict: "route", cpr: 2, lookalike: 0, unreadable: 1, route: "subject-tag", warned: [], policy: "2026-12-01" },
    });
  });

  it("lists the rules that warned, in policy order, once each", () => {
    const text = buildMarker({ verdict: "warn-sent", cpr: 1, lookalike: 1, unreadable: 0, warned: ["unreadableAttachment", "cpr.medium", "cpr.medium"] });
    expect(text).toBe("v=1; verdict=warn-sent; cpr=1; lookalike=0; unreadable=0; warned=cpr.medium,unreadableAttachment".replace("lookalike=0", "lookalike=1"));
  });

  it("drops anything outside the contract instead of writing it", () => {
    const text = buildMarker({
      verdict: "allow",
      cpr: 1e9,
      lookalike: -3,
      unreadable: NaN,
      warned: ["sagsbehandler@anders.dk", "150650-3720"],
      policy: "150650-3720 x",
    });
    expect(text).toBe("v=1; verdict=allow; cpr=9999; lookalike=0; unreadable=0");
    // A policy id that is a bare 10-digit run could be a CPR number: never written.
    expect(buildMarker({ verdict: "allow", cpr: 0, lookalike: 0, unreadable: 0, policy: "1506503720" })).not.toContain("policy");
  });

  it.each([
    ["", "empty"],
    ["checked", "not-a-marker"],
    ["v=2; verdict=allow; cpr=0; lookalike=0; unreadable=0", "unsupported-version"],
    ["v=1; verdict=maybe; cpr=0; lookalike=0; unreadable=0", "bad-field"],
    ["v=1; verdict=allow; cpr=12345; lookalike=0; unreadable=0", "bad-field"],
    ["v=1; verdict=allow; cpr=0; lookalike=0", "missing-field"],
    ["v=1; v=1; verdict=allow; cpr=0; lookalike=0; unreadable=0", "duplicate-field"],
    ["v=1; verdict=allow; cpr=0; lookalike=0; unreadable=0; warned=cpr.nope", "bad-field"],
    ["v=1; verdict=allow; cpr=0; lookalike=0; unreadable=0; policy=a b", "bad-field"],
  ])("rejects %j (%s)", (text, code) => {
    const parsed = parseMarker(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe(code);
  });

  it("tolerates header folding and fields added by a later minor version", () => {
    const parsed = parseMarker("v=1; verdict=allow;\r\n cpr=0; lookalike=0; unreadable=0; client=x;");
    expect(parsed.ok && parsed.unknownFields).toEqual(["client"]);
  });
});

describe("markerOf", () => {
  const lookalike: Finding = {
    kind: "lookalike-domain", recipient: "a@anders.dk", field: "to", domain: "anders.dk", resembles: "randers.dk",
    target: "own", reason: "typo", suggestion: "a@randers.dk",
  };
  const logo = { kind: "unreadable-attachment", attachment: "logo.png", reason: "unsupported", cause: "image" } as unknown as Finding;

  it("counts findings and names the rules that warned on a mail sent after a warning", () => {
    const m = markerOf({
      reasons: [
        { finding: cpr("medium"), action: "warn" },
        { finding: cpr("low"), action: "allow" },
        { finding: lookalike, action: "warn" },
        { finding: logo, action: "allow" },
      ],
      sentAfterWarning: true,
      policyId: "p1",
    });
    expect(m).toEqual({ verdict: "warn-sent", cpr: 2, lookalike: 1, unreadable: 0, warned: ["cpr.medium", "lookalike.own"], policy: "p1" });
  });

  it("says which route a mail on the secure route took", () => {
    expect(markerOf({ reasons: [{ finding: cpr("high"), action: "allow" }], sentAfterWarning: false, secureRoute: "sensitivity-label" })).toEqual(
      expect.objectContaining({ verdict: "route", route: "label", warned: [] }),
    );
    expect(markerOf({ reasons: [], sentAfterWarning: false, incomplete: "timeout" })).toEqual(expect.objectContaining({ verdict: "allow", incomplete: "timeout" }));
  });

  it("gives a policy the same id whatever the key order", () => {
    const a = policyIdOf(DEFAULT_POLICY);
    const reordered = JSON.parse(JSON.stringify(DEFAULT_POLICY, Object.keys(DEFAULT_POLICY).reverse().concat(Object.keys(DEFAULT_POLICY.cpr), Object.keys(DEFAULT_POLICY.limits), Object.keys(DEFAULT_POLICY.lookalike), Object.keys(DEFAULT_POLICY.secureRecipients), Object.keys(DEFAULT_POLICY.secureRoute))));
    expect(policyIdOf(reordered)).toBe(a);
    expect(policyIdOf({ ...DEFAULT_POLICY, onError: "allow" })).not.toBe(a);
    expect(a).toMatch(/^p[0-9a-z]{1,7}$/);
    const m: Omit<AuditMarker, "v"> = markerOf({ reasons: [], sentAfterWarning: false, policyId: a });
    expect(parseMarker(buildMarker(m))).toEqual({ ok: true, unknownFields: [], marker: { v: 1, ...m } });
  });
});
