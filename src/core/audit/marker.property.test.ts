/**
 * Fuzzed guarantees of the audit marker (seeded, reproducible):
 * - whatever the builder is given, its output has the contract's grammar: counts, codes from closed
 *   lists, a checked policy id; never an "@", a 10-digit run, or a character outside [a-z0-9=;,._ -];
 * - build → parse is the identity on the normalised input;
 * - the parser never throws, on anything.
 */
import fc from "fast-check";
import { buildMarker, MARKER_ROUTES, MARKER_VERDICTS, parseMarker } from "./marker";
import { RULE_CODES } from "./rule-code";

const SEED = 20261207;
const GRAMMAR =
  /^v=1; verdict=(allow|warn-sent|route); cpr=\d{1,4}; lookalike=\d{1,4}; unreadable=\d{1,4}(; route=(subject-tag|label|recipients))?(; warned=[a-zA-Z.]+(,[a-zA-Z.]+)*)?(; incomplete=(timeout|error))?(; policy=[A-Za-z0-9][A-Za-z0-9._-]{0,31})?$/;

const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("150650-3720", "1506503720", "a@randers.dk", "Bilag 1.pdf", "2026-12-01", "p1x2y3"));
const input = fc.record({
  verdict: fc.oneof(fc.constantFrom(...MARKER_VERDICTS), anyText) as fc.Arbitrary<"allow">,
  cpr: fc.oneof(fc.integer(), fc.double()),
  lookalike: fc.integer({ min: -5, max: 20000 }),
  unreadable: fc.nat(),
  route: fc.option(fc.oneof(fc.constantFrom(...MARKER_ROUTES), anyText), { nil: undefined }) as fc.Arbitrary<"label" | undefined>,
  warned: fc.array(fc.oneof(fc.constantFrom(...RULE_CODES), anyText), { maxLength: 12 }),
  incomplete: fc.option(fc.oneof(fc.constantFrom("timeout", "error"), anyText), { nil: undefined }) as fc.Arbitrary<"timeout" | undefined>,
  policy: fc.option(anyText, { nil: undefined }),
});

describe("audit marker, fuzzed", () => {
  it("writes nothing but counts and codes", () => {
    fc.assert(
      fc.property(input, (m) => {
        const text = buildMarker(m);
        expect(text).toMatch(GRAMMAR);
        expect(text).not.toMatch(/@|\d{10}|\d{6}-\d{4}/);
        expect(text).toMatch(/^[A-Za-z0-9=;,._ -]+$/);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("reads back what it wrote", () => {
    fc.assert(
      fc.property(input, (m) => {
        const text = buildMarker(m);
        const parsed = parseMarker(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(buildMarker(parsed.marker)).toBe(text);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("never throws on arbitrary header values", () => {
    const fieldish = fc.array(fc.tuple(fc.constantFrom("v", "verdict", "cpr", "warned", "policy", "x", "V", ""), fc.oneof(fc.string(), fc.constantFrom("1", "allow", "cpr.high"))), { maxLength: 10 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fieldish.map((fs) => fs.map(([k, v]) => `${k}=${v}`).join(";"))), (text) => {
        const parsed = parseMarker(text);
        expect(typeof parsed.ok).toBe("boolean");
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
