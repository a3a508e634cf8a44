/**
 * The published JSON Schema (schemas/policy.schema.json) and parsePolicy must agree, or an editor
 * would approve a file the add-in then rejects (or the other way round). Three guards:
 * every example policy passes both; a seeded property test draws policies from pools of valid and
 * invalid values per field and demands the same verdict from both; and the schema's field names,
 * enums and ranges are compared with the parser's own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { CONTEXT_WINDOW_RANGE, LIMIT_RANGES, parsePolicy, POLICY_KEYS } from "../src/core/policy/parse-policy";

const REPO = join(__dirname, "..");
const SCHEMA_PATH = join(REPO, "schemas", "policy.schema.json");
const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

const EXAMPLES_DIR = join(REPO, "examples", "policies");
const examples = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".json")).sort();

describe("schemas/policy.schema.json", () => {
  it("is a valid JSON Schema (draft 2020-12)", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it.each(examples)("examples/policies/%s passes the schema and parsePolicy, and names the schema", (file) => {
    const path = join(EXAMPLES_DIR, file);
    const json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    const parsed = parsePolicy(json);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(typeof json.$schema).toBe("string");
    expect(resolve(dirname(path), json.$schema as string)).toBe(SCHEMA_PATH);
  });

  it("has the parser's ranges for every limit and for cpr.contextWindow", () => {
    for (const [key, range] of Object.entries(LIMIT_RANGES)) {
      expect({ key, min: schema.properties.limits.properties[key]?.minimum, max: schema.properties.limits.properties[key]?.maximum }).toEqual({
        key,
        min: range.min,
        max: range.max,
      });
    }
    expect(Object.keys(schema.properties.limits.properties).sort()).toEqual(Object.keys(LIMIT_RANGES).sort());
    const cw = schema.properties.cpr.properties.contextWindow;
    expect([cw.minimum, cw.maximum]).toEqual([CONTEXT_WINDOW_RANGE.min, CONTEXT_WINDOW_RANGE.max]);
  });

  it("lists exactly the parser's keys, in every section", () => {
    const keysOf = (node: { properties?: Record<string, unknown> }) => Object.keys(node.properties ?? {}).sort();
    expect(keysOf(schema)).toEqual([...POLICY_KEYS.top].sort());
    expect(keysOf(schema.properties.cpr)).toEqual([...POLICY_KEYS.cpr].sort());
    expect(keysOf(schema.properties.lookalike)).toEqual([...POLICY_KEYS.lookalike].sort());
    expect(keysOf(schema.properties.limits)).toEqual([...POLICY_KEYS.limits].sort());
    expect(keysOf(schema.properties.secureRecipients)).toEqual([...POLICY_KEYS.secureRecipients].sort());
    expect(keysOf(schema.properties.helpContact)).toEqual([...POLICY_KEYS.helpContact].sort());
    const routes = Object.fromEntries(
      (schema.properties.secureRoute.oneOf as Array<{ properties: Record<string, { const?: string }> }>).map((variant) => [
        variant.properties.kind!.const,
        Object.keys(variant.properties).sort(),
      ]),
    );
    expect(routes).toEqual(Object.fromEntries(Object.entries(POLICY_KEYS.secureRoute).map(([kind, keys]) => [kind, [...keys].sort()])));
    expect(schema.required).toEqual(["ownDomains", "trustedDomains"]);
  });

  it("every field the schema lists is one the parser knows (no unknown-key issue for it)", () => {
    const base = { ownDomains: [], trustedDomains: [] };
    for (const key of Object.keys(schema.properties)) {
      const result = parsePolicy({ ...base, [key]: { bogus: 1 } });
      const unknown = result.ok ? [] : result.issues.filter((i) => i.code === "unknown-key" && i.path === key);
      expect({ key, unknown }).toEqual({ key, unknown: [] });
    }
  });
});

// Pools per field: values both sides must accept, and values both must refuse. A policy is drawn
// from valid values only, then at most ONE field is replaced by an invalid value (or a required
// field dropped, or a misspelt key added), so a field the schema and parser disagree on cannot hide
// behind another field that both reject. Domains only the Public Suffix List can judge ("co.uk") are
// left out on purpose: the schema cannot carry the PSL.
interface Pool {
  readonly valid: fc.Arbitrary<unknown>;
  readonly invalid: fc.Arbitrary<unknown>;
}
const pool = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>): Pool => ({ valid, invalid });

const validDomain = fc.constantFrom("randers.dk", "Aarhus.DK", " kk.dk ", "sikkermail.randers.dk", "mitdk.digital-post.dk", "københavn.dk", "regionh.dk.");
const invalidDomain = fc.constantFrom("randers", "a@randers.dk", "*.randers.dk", "https://randers.dk", "", "rand ers.dk", "randers.dk/x");
const domainList = pool(
  fc.array(validDomain, { maxLength: 3 }),
  fc.oneof(
    fc.tuple(fc.array(validDomain, { maxLength: 2 }), invalidDomain).map(([v, bad]) => [...v, bad]),
    fc.constantFrom<unknown>("randers.dk", 5, null, { a: 1 }),
  ),
);
const action = pool(fc.constantFrom("block", "warn", "allow"), fc.constantFrom<unknown>("Block", "deny", "", 1, true, null));
const int = (min: number, max: number) => pool(fc.integer({ min, max }), fc.constantFrom<unknown>(min - 1, max + 1, min + 0.5, String(min), null));
const bool = pool(fc.boolean(), fc.constantFrom<unknown>("true", 0, null));
const enumOf = (values: readonly string[], bad: readonly unknown[]) => pool(fc.constantFrom(...values), fc.constantFrom(...bad));

/** An object section: any subset of valid fields; invalid = one bad field, an unknown key, or not an object. */
function section(fields: Record<string, Pool>): Pool {
  const names = Object.keys(fields);
  const validObject = fc.record(Object.fromEntries(names.map((k) => [k, fields[k]!.valid])), { requiredKeys: [] });
  return pool(
    validObject,
    fc.oneof(
      fc.tuple(validObject, fc.constantFrom(...names)).chain(([obj, k]) => fields[k]!.invalid.map((bad) => ({ ...obj, [k]: bad }))),
      validObject.map((obj) => ({ ...obj, unknownKey: 1 })),
      fc.constantFrom<unknown>([], "x", null),
    ),
  );
}

const secureRoute = pool(
  fc.constantFrom<unknown>(
    { kind: "none" },
    { kind: "subject-tag", tag: "[sikker]" },
    { kind: "subject-tag", tag: "  #krypter  " },
    { kind: "subject-tag", tag: "x".repeat(40) },
    { kind: "subject-tag", tag: "\n[sikker]\n" },
    { kind: "sensitivity-label", labelId: "0b8d2c4e-1f3a-4b5c-9d6e-7f8a9b0c1d2e" },
    { kind: "sensitivity-label", labelId: " 0B8D2C4E-1F3A-4B5C-9D6E-7F8A9B0C1D2E ", labelName: "Fortroligt" },
  ),
  fc.constantFrom<unknown>(
    { kind: "tag" },
    { kind: "subject-tag" },
    { kind: "subject-tag", tag: "" },
    { kind: "subject-tag", tag: "   " },
    { kind: "subject-tag", tag: "x".repeat(41) },
    { kind: "subject-tag", tag: "[a]\n[b]" },
    { kind: "subject-tag", tag: 7 },
    { kind: "none", tag: "[sikker]" },
    { kind: "sensitivity-label", labelId: "not-a-guid" },
    { kind: "sensitivity-label" },
    { kind: "sensitivity-label", labelId: "0b8d2c4e-1f3a-4b5c-9d6e-7f8a9b0c1d2e", labelName: 3 },
    "[sikker]",
    null,
  ),
);

const validAddress = fc.constantFrom("sikkerpost@randers.dk", " SikkerPost@Aarhus.DK ", "post@københavn.dk");
const invalidAddress = fc.constantFrom("randers.dk", "Sikker <s@randers.dk>", "s p@randers.dk", "s@randers", "", "s@*.randers.dk");
const addressList = pool(
  fc.array(validAddress, { maxLength: 2 }),
  fc.oneof(
    fc.tuple(fc.array(validAddress, { maxLength: 1 }), invalidAddress).map(([v, bad]) => [...v, bad]),
    fc.constantFrom<unknown>("s@randers.dk", 1, null),
  ),
);

const FIELDS: Record<string, Pool> = {
  ownDomains: domainList,
  trustedDomains: domainList,
  knownDomains: domainList,
  useBuiltInDomainList: bool,
  cpr: section({ high: action, medium: action, low: action, contextWindow: int(CONTEXT_WINDOW_RANGE.min, CONTEXT_WINDOW_RANGE.max) }),
  lookalike: section({ own: action, trusted: action, known: action }),
  invalidRecipient: action,
  unreadableAttachment: action,
  secureRoute,
  secureRecipients: section({ domains: domainList, addresses: addressList }),
  onError: enumOf(["block", "warn", "allow"], ["fail", "Block", 0]),
  onTimeout: enumOf(["block", "warn", "allow"], ["open", null]),
  limits: section(Object.fromEntries(Object.entries(LIMIT_RANGES).map(([k, r]) => [k, int(r.min, r.max)]))),
  language: enumOf(["auto", "da", "en"], ["dk", "DA", 1]),
  confirmLookalikes: bool,
  name: pool(fc.constantFrom("Randers Kommune", "  Randers  ", "x".repeat(80)), fc.constantFrom<unknown>("", "   ", "x".repeat(81), "a\nb", 3, null)),
  version: pool(fc.constantFrom("2026-12-01", "v3"), fc.constantFrom<unknown>("", "x".repeat(41), 1.2)),
  helpContact: pool(
    fc.constantFrom<unknown>(
      { text: "Ring til IT-support på 8915 1234." },
      { text: "Skriv til IT.", url: "mailto:it@randers.dk" },
      { text: "Se intranettet.", url: "https://intra.randers.dk/it-hjaelp" },
      { text: "Ring.", url: "tel:+45 8915 1234" },
    ),
    fc.constantFrom<unknown>(
      { url: "https://intra.randers.dk" },
      { text: "" },
      { text: "x".repeat(201) },
      { text: "Se her.", url: "javascript:alert(1)" },
      { text: "Se her.", url: "http://intra.randers.dk" },
      { text: "Se her.", url: "mailto:it" },
      { text: "Se her.", extra: 1 },
      "Ring til IT",
      null,
    ),
  ),
  $schema: pool(fc.constant("../../schemas/policy.schema.json"), fc.constantFrom<unknown>(1, null, [])),
};
const REQUIRED = ["ownDomains", "trustedDomains"];

const validPolicy = fc.record(
  Object.fromEntries(Object.entries(FIELDS).map(([k, p]) => [k, p.valid])),
  { requiredKeys: REQUIRED },
) as fc.Arbitrary<Record<string, unknown>>;

type Case = { policy: Record<string, unknown>; ok: boolean; broken: string };
const policyCase: fc.Arbitrary<Case> = fc.oneof(
  validPolicy.map((policy) => ({ policy, ok: true, broken: "nothing" })),
  fc.tuple(validPolicy, fc.constantFrom(...Object.keys(FIELDS))).chain(([policy, field]) =>
    FIELDS[field]!.invalid.map((bad) => ({ policy: { ...policy, [field]: bad }, ok: false, broken: field })),
  ),
  fc.tuple(validPolicy, fc.constantFrom(...REQUIRED)).map(([policy, field]) => {
    const { [field]: _dropped, ...rest } = policy;
    return { policy: rest, ok: false, broken: `missing ${field}` };
  }),
  validPolicy.map((policy) => ({ policy: { ...policy, trustedDomain: ["randers.dk"] }, ok: false, broken: "misspelt key" })),
);

describe("the schema and parsePolicy give the same verdict", () => {
  it("on seeded random policies, valid or with exactly one field broken", () => {
    fc.assert(
      fc.property(policyCase, ({ policy, ok, broken }) => {
        const bySchema = validate(policy);
        const byParser = parsePolicy(policy).ok;
        expect({ broken, policy, bySchema, byParser }).toEqual({ broken, policy, bySchema: ok, byParser: ok });
      }),
      { seed: 20260823, numRuns: 3000 },
    );
  });
});
