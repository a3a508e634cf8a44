import { DEFAULT_POLICY } from "./default-policy";
import { normalizeDomain } from "../address-domain";
import { parsePolicy, type PolicyIssueCode } from "./parse-policy";
import type { Policy } from "./policy";

const BASE = { ownDomains: ["randers.dk"], trustedDomains: ["aarhus.dk"] };

function ok(input: unknown): Policy {
  const r = parsePolicy(input);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.policy;
}

function issues(input: unknown): { path: string; code: PolicyIssueCode; message: string }[] {
  const r = parsePolicy(input);
  if (r.ok) throw new Error("expected issues");
  return [...r.issues];
}

describe("parsePolicy: the minimal file", () => {
  it("fills every other field from the built-in default", () => {
    const p = ok(BASE);
    expect(p).toEqual({ ...DEFAULT_POLICY, ownDomains: ["randers.dk"], trustedDomains: ["aarhus.dk"] });
  });

  it("accepts empty arrays (the own domain is then learned from the sender)", () => {
    expect(ok({ ownDomains: [], trustedDomains: [] }).ownDomains).toEqual([]);
  });

  it("accepts the JSON text as well as the parsed value", () => {
    expect(ok(JSON.stringify(BASE)).ownDomains).toEqual(["randers.dk"]);
  });

  it("allows a $schema key", () => {
    expect(ok({ $schema: "./policy.schema.json", ...BASE }).ownDomains).toEqual(["randers.dk"]);
  });

  it("returns a frozen policy", () => {
    const p = ok(BASE);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.cpr)).toBe(true);
    expect(Object.isFrozen(p.ownDomains)).toBe(true);
  });

  it("keeps DEFAULT_POLICY itself unchanged and frozen", () => {
    ok({ ...BASE, cpr: { high: "warn" } });
    expect(DEFAULT_POLICY.cpr.high).toBe("block");
    expect(Object.isFrozen(DEFAULT_POLICY.limits)).toBe(true);
  });
});

// Every field: a valid value and the policy it gives.
describe.each<[string, Record<string, unknown>, (p: Policy) => unknown, unknown]>([
  ["knownDomains", { knownDomains: ["Randersspildevand.DK"] }, (p) => p.knownDomains, ["randersspildevand.dk"]],
  ["useBuiltInDomainList", { useBuiltInDomainList: false }, (p) => p.useBuiltInDomainList, false],
  ["cpr.high", { cpr: { high: "warn" } }, (p) => p.cpr, { ...DEFAULT_POLICY.cpr, high: "warn" }],
  ["cpr.medium", { cpr: { medium: "block" } }, (p) => p.cpr.medium, "block"],
  ["cpr.low", { cpr: { low: "warn" } }, (p) => p.cpr.low, "warn"],
  ["cpr.contextWindow", { cpr: { contextWindow: 300 } }, (p) => p.cpr.contextWindow, 300],
  ["lookalike.own", { lookalike: { own: "warn" } }, (p) => p.lookalike, { ...DEFAULT_POLICY.lookalike, own: "warn" }],
  ["lookalike.trusted", { lookalike: { trusted: "block" } }, (p) => p.lookalike.trusted, "block"],
  ["lookalike.known", { lookalike: { known: "allow" } }, (p) => p.lookalike.known, "allow"],
  ["invalidRecipient", { invalidRecipient: "block" }, (p) => p.invalidRecipient, "block"],
  ["unreadableAttachment", { unreadableAttachment: "allow" }, (p) => p.unreadableAttachment, "allow"],
  ["imageAttachment", { imageAttachment: "warn" }, (p) => p.imageAttachment, "warn"],
  ["secureRoute none", { secureRoute: { kind: "none" } }, (p) => p.secureRoute, { kind: "none" }],
  ["secureRoute subject-tag", { secureRoute: { kind: "subject-tag", tag: " [sikker] " } }, (p) => p.secureRoute, { kind: "subject-tag", tag: "[sikker]" }],
  [
    "secureRoute sensitivity-label",
    { secureRoute: { kind: "sensitivity-label", labelId: "0e2b4f6a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", labelName: "Fortroligt" } },
    (p) => p.secureRoute,
    { kind: "sensitivity-label", labelId: "0e2b4f6a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", labelName: "Fortroligt" },
  ],
  ["onError", { onError: "block" }, (p) => p.onError, "block"],
  ["onTimeout", { onTimeout: "allow" }, (p) => p.onTimeout, "allow"],
  ["limits.sendBudgetMs", { limits: { sendBudgetMs: 3000 } }, (p) => p.limits, { ...DEFAULT_POLICY.limits, sendBudgetMs: 3000 }],
  ["limits.maxAttachmentBytes", { limits: { maxAttachmentBytes: 1048576 } }, (p) => p.limits.maxAttachmentBytes, 1048576],
  ["limits.maxInflatedBytes", { limits: { maxInflatedBytes: 2048 } }, (p) => p.limits.maxInflatedBytes, 2048],
  ["limits.maxArchiveEntries", { limits: { maxArchiveEntries: 500 } }, (p) => p.limits.maxArchiveEntries, 500],
  ["limits.maxNestingDepth", { limits: { maxNestingDepth: 0 } }, (p) => p.limits.maxNestingDepth, 0],
  ["language", { language: "en" }, (p) => p.language, "en"],
])("field %s", (_name, extra, get, expected) => {
  it("is parsed into the policy", () => {
    expect(get(ok({ ...BASE, ...extra }))).toEqual(expected);
  });
});

describe("parsePolicy: domain entries are normalised", () => {
  it.each([
    ["Randers.DK", "randers.dk"],
    ["  randers.dk  ", "randers.dk"],
    ["randers.dk.", "randers.dk"],
    ["rånders.dk", "xn--rnders-iua.dk"],
    ["xn--rnders-iua.dk", "xn--rnders-iua.dk"],
    ["mail.randers.dk", "mail.randers.dk"],
  ])("%j → %j", (raw, normalised) => {
    expect(ok({ ownDomains: [raw], trustedDomains: [] }).ownDomains).toEqual([normalised]);
  });

  it("drops duplicates after normalising", () => {
    expect(ok({ ownDomains: ["randers.dk", "RANDERS.dk"], trustedDomains: [] }).ownDomains).toEqual(["randers.dk"]);
  });
});

// Every error message: path, code and the exact English sentence.
describe("parsePolicy: every error names the field and the fix", () => {
  it.each<[string, unknown, string, PolicyIssueCode, string]>([
    ["not JSON", "{ownDomains", "", "invalid-json", "the policy is not valid JSON"],
    ["an array", [], "", "not-an-object", 'the policy must be a JSON object such as {"ownDomains": ["randers.dk"], "trustedDomains": []}, not an array'],
    ["null", null, "", "not-an-object", "the policy must be a JSON object"],
    ["missing ownDomains", { trustedDomains: [] }, "ownDomains", "required", 'ownDomains: is required; write "ownDomains": [] if there are none'],
    ["missing trustedDomains", { ownDomains: [] }, "trustedDomains", "required", 'trustedDomains: is required; write "trustedDomains": [] if there are none'],
    ["unknown key, close", { ...BASE, trustedDomain: [] }, "trustedDomain", "unknown-key", 'trustedDomain: unknown key "trustedDomain"; did you mean "trustedDomains"?'],
    ["unknown key, case", { ...BASE, OnTimeout: "block" }, "OnTimeout", "unknown-key", 'OnTimeout: unknown key "OnTimeout"; did you mean "onTimeout"?'],
    ["unknown key, far", { ...BASE, colour: "red" }, "colour", "unknown-key", 'colour: unknown key "colour"; allowed here: ownDomains, trustedDomains'],
    ["unknown nested key", { ...BASE, cpr: { hihg: "block" } }, "cpr.hihg", "unknown-key", 'cpr.hihg: unknown key "hihg"; did you mean "high"?'],
    ["domains not an array", { ownDomains: "randers.dk", trustedDomains: [] }, "ownDomains", "wrong-type", 'ownDomains: must be an array of domains such as ["randers.dk"], not "randers.dk"'],
    ["domain not a string", { ...BASE, trustedDomains: ["aarhus.dk", 42] }, "trustedDomains[1]", "wrong-type", "trustedDomains[1]: must be a domain in quotes, not 42"],
    [
      "single label",
      { ...BASE, trustedDomains: ["aarhus.dk", "kk.dk", "randers"] },
      "trustedDomains[2]",
      "not-a-domain",
      'trustedDomains[2]: "randers" is not a domain; write it as name.tld, such as "randers.dk"',
    ],
    ["empty domain", { ...BASE, trustedDomains: [" "] }, "trustedDomains[0]", "empty", 'trustedDomains[0]: is empty; write a domain such as "randers.dk"'],
    ["address", { ...BASE, trustedDomains: ["post@aarhus.dk"] }, "trustedDomains[0]", "not-a-domain", 'trustedDomains[0]: "post@aarhus.dk" is an address, not a domain; write "aarhus.dk"'],
    ["url", { ...BASE, trustedDomains: ["https://aarhus.dk/"] }, "trustedDomains[0]", "not-a-domain", 'trustedDomains[0]: "https://aarhus.dk/" is a web address'],
    ["wildcard", { ...BASE, knownDomains: ["*.aarhus.dk"] }, "knownDomains[0]", "wildcard", 'knownDomains[0]: "*.aarhus.dk": no wildcards; subdomains are always included, write "aarhus.dk"'],
    ["bad characters", { ...BASE, trustedDomains: ["aar hus.dk"] }, "trustedDomains[0]", "not-a-domain", 'trustedDomains[0]: "aar hus.dk" is not a domain'],
    ["leading hyphen", { ...BASE, trustedDomains: ["-aarhus.dk"] }, "trustedDomains[0]", "not-a-domain", "is not a domain"],
    ["public suffix", { ...BASE, trustedDomains: ["co.uk"] }, "trustedDomains[0]", "public-suffix", 'trustedDomains[0]: "co.uk" is a public suffix shared by many owners'],
    ["boolean not boolean", { ...BASE, useBuiltInDomainList: "yes" }, "useBuiltInDomainList", "wrong-type", 'useBuiltInDomainList: must be true or false without quotes, not "yes"'],
    ["cpr not object", { ...BASE, cpr: "block" }, "cpr", "wrong-type", 'cpr: must be an object such as {"high": ...}, not "block"'],
    ["action wrong case", { ...BASE, cpr: { high: "Block" } }, "cpr.high", "not-an-action", 'cpr.high: "Block" is not an action; use one of "block", "warn", "allow" (did you mean "block"?)'],
    ["action unknown", { ...BASE, lookalike: { own: "stop" } }, "lookalike.own", "not-an-action", 'lookalike.own: "stop" is not an action; use one of "block", "warn", "allow"'],
    ["action not a string", { ...BASE, invalidRecipient: true }, "invalidRecipient", "not-an-action", "invalidRecipient: true is not an action"],
    ["unreadable action", { ...BASE, unreadableAttachment: "ignore" }, "unreadableAttachment", "not-an-action", 'unreadableAttachment: "ignore" is not an action'],
    ["image action", { ...BASE, imageAttachment: true }, "imageAttachment", "not-an-action", "imageAttachment: true is not an action"],
    ["fail mode", { ...BASE, onTimeout: "retry" }, "onTimeout", "not-a-fail-mode", 'onTimeout: "retry" is not a fail mode; use one of "block", "warn", "allow"'],
    ["onError", { ...BASE, onError: null }, "onError", "not-a-fail-mode", "onError: null is not a fail mode"],
    ["language", { ...BASE, language: "de" }, "language", "not-a-language", 'language: "de" is not a language; use one of "auto", "da", "en"'],
    ["limit as string", { ...BASE, limits: { sendBudgetMs: "4000" } }, "limits.sendBudgetMs", "wrong-type", 'limits.sendBudgetMs: must be a number (ms) without quotes, not "4000"'],
    ["limit NaN", { ...BASE, limits: { sendBudgetMs: NaN } }, "limits.sendBudgetMs", "not-an-integer", "limits.sendBudgetMs: must be a whole number of ms, not NaN"],
    ["limit Infinity", { ...BASE, limits: { maxInflatedBytes: Infinity } }, "limits.maxInflatedBytes", "not-an-integer", "must be a whole number of bytes, not Infinity"],
    ["limit fraction", { ...BASE, limits: { maxArchiveEntries: 1.5 } }, "limits.maxArchiveEntries", "not-an-integer", "limits.maxArchiveEntries: must be a whole number of entries, not 1.5"],
    ["limit negative", { ...BASE, limits: { maxNestingDepth: -1 } }, "limits.maxNestingDepth", "out-of-range", "limits.maxNestingDepth: -1 is out of range; use 0 to 20 levels"],
    ["limit zero budget", { ...BASE, limits: { sendBudgetMs: 0 } }, "limits.sendBudgetMs", "out-of-range", "limits.sendBudgetMs: 0 is out of range; use 100 to 290000 ms"],
    ["limit absurd", { ...BASE, limits: { maxAttachmentBytes: 1e12 } }, "limits.maxAttachmentBytes", "out-of-range", "1000000000000 is out of range; use 1024 to 1073741824 bytes"],
    ["limit unknown key", { ...BASE, limits: { maxSize: 5 } }, "limits.maxSize", "unknown-key", 'limits.maxSize: unknown key "maxSize"'],
    ["contextWindow", { ...BASE, cpr: { contextWindow: 5000 } }, "cpr.contextWindow", "out-of-range", "cpr.contextWindow: 5000 is out of range; use 0 to 1000 characters"],
    ["route not object", { ...BASE, secureRoute: "[sikker]" }, "secureRoute", "wrong-type", 'secureRoute: must be an object such as {"kind": "subject-tag", "tag": "[sikker]"}, not "[sikker]"'],
    ["route kind", { ...BASE, secureRoute: { kind: "tag" } }, "secureRoute.kind", "unknown-route", 'secureRoute.kind: "tag" is not a secure route; use one of "none", "subject-tag", "sensitivity-label"'],
    ["route tag missing", { ...BASE, secureRoute: { kind: "subject-tag" } }, "secureRoute.tag", "required", 'secureRoute.tag: is required with "kind": "subject-tag"'],
    ["route tag empty", { ...BASE, secureRoute: { kind: "subject-tag", tag: "  " } }, "secureRoute.tag", "empty", "secureRoute.tag: is empty"],
    ["route tag long", { ...BASE, secureRoute: { kind: "subject-tag", tag: "x".repeat(41) } }, "secureRoute.tag", "too-long", "secureRoute.tag: must be one line of at most 40 characters"],
    ["route tag number", { ...BASE, secureRoute: { kind: "subject-tag", tag: 7 } }, "secureRoute.tag", "wrong-type", "not 7"],
    ["route extra key", { ...BASE, secureRoute: { kind: "none", tag: "[x]" } }, "secureRoute.tag", "unknown-key", 'secureRoute.tag: unknown key "tag"'],
    ["label id", { ...BASE, secureRoute: { kind: "sensitivity-label", labelId: "Fortroligt" } }, "secureRoute.labelId", "not-a-guid", 'secureRoute.labelId: "Fortroligt" is not a label id'],
    ["label id missing", { ...BASE, secureRoute: { kind: "sensitivity-label" } }, "secureRoute.labelId", "required", "secureRoute.labelId: is required"],
    [
      "label name",
      { ...BASE, secureRoute: { kind: "sensitivity-label", labelId: "0e2b4f6a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", labelName: 3 } },
      "secureRoute.labelName",
      "wrong-type",
      "secureRoute.labelName: must be the label's display name in quotes, not 3",
    ],
    ["$schema", { ...BASE, $schema: 1 }, "$schema", "wrong-type", "$schema: must be a URL or path in quotes, not 1"],
  ])("%s", (_name, input, path, code, message) => {
    const found = issues(input);
    const issue = found.find((i) => i.path === path);
    expect(issue).toBeDefined();
    expect(issue?.code).toBe(code);
    expect(issue?.message).toContain(message);
    // Every message starts with the path it is about, so an admin can find the line.
    if (path !== "") expect(issue?.message.startsWith(`${path}: `)).toBe(true);
  });

  it("reports every problem in one go, not just the first", () => {
    const found = issues({ ownDomains: ["randers"], trustedDomains: [1], cpr: { high: "x" }, limits: { sendBudgetMs: -5 } });
    expect(found.map((i) => i.path)).toEqual(["ownDomains[0]", "trustedDomains[0]", "cpr.high", "limits.sendBudgetMs"]);
  });

  it("never applies half a policy: one bad field means no policy", () => {
    expect(parsePolicy({ ...BASE, cpr: { high: "warn", low: "nope" } }).ok).toBe(false);
  });
});

describe("normalizeDomain", () => {
  it.each(["", "randers", "-a.dk", "a..dk", "a_b.dk", `${"a".repeat(64)}.dk`])("rejects %j", (raw) => {
    expect(normalizeDomain(raw).ok).toBe(false);
  });
});

describe("help contact, confirmed recipients, name and version", () => {
  it("are absent or off unless the admin writes them", () => {
    const p = ok(BASE);
    expect(p.confirmLookalikes).toBe(false);
    expect(p.helpContact).toBeUndefined();
    expect(p.name).toBeUndefined();
    expect(p.version).toBeUndefined();
  });

  it("are read and trimmed", () => {
    const p = ok({
      ...BASE,
      confirmLookalikes: true,
      helpContact: { text: " Ring til IT-support på 8915 1234. ", url: " https://intra.randers.dk/it " },
      name: " Randers Kommune ",
      version: "2026-12-01",
    });
    expect(p.confirmLookalikes).toBe(true);
    expect(p.helpContact).toEqual({ text: "Ring til IT-support på 8915 1234.", url: "https://intra.randers.dk/it" });
    expect([p.name, p.version]).toEqual(["Randers Kommune", "2026-12-01"]);
  });

  it.each([
    [{ helpContact: { url: "https://x.dk" } }, "helpContact.text", "required"],
    [{ helpContact: { text: "Ring", url: "javascript:alert(1)" } }, "helpContact.url", "not-a-link"],
    [{ helpContact: { text: "Ring", url: "http://intra.randers.dk" } }, "helpContact.url", "not-a-link"],
    [{ helpContact: { text: "a\nb" } }, "helpContact.text", "too-long"],
    [{ name: "" }, "name", "empty"],
    [{ version: 3 }, "version", "wrong-type"],
    [{ confirmLookalikes: "yes" }, "confirmLookalikes", "wrong-type"],
  ] as const)("%j → %s %s", (extra, path, code) => {
    expect(issues({ ...BASE, ...extra }).map((i) => [i.path, i.code])).toEqual([[path, code]]);
  });
});
