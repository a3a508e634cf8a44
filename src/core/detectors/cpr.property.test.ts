/**
 * Seeded invariants, reproducible in CI (a fixed seed, no clock):
 * - the detectors never throw on arbitrary input, and their spans are sane;
 * - masking is idempotent and its result has no findings at all;
 * - no rendered output (masked strings, masked text) holds the digits of a number that was found.
 * Numbers are synthetic (docs/design/cpr-number.md §7).
 */
import fc from "fast-check";
import type { TextSegment } from "../location";
import { normalizeForMatching } from "../text/normalize";
import { findCprInSegments, findCprNumbers } from "./cpr";
import { scanShapes } from "./cpr-scan";
import { maskCpr, maskCprInText } from "./mask";

const NOW = new Date(2026, 10, 23);

/** Synthetic numbers in every written form, valid and not. */
const NUMBERS = [
  "150650-3720", "1506503720", "150650 3720", "15.06.50-3720", "150650\u20133720", "\uFF11\uFF15\uFF10\uFF16\uFF15\uFF10-\uFF13\uFF17\uFF12\uFF10",
  "150650\u200B-3720", "1506\u00AD503720", "241210-2145", "2412102145", "241210\u00A02145", "150375-6125", "1503756125", "010190-5811",
  "0101905811", "030968-4711", "290200-4810", "2902004810", "150650-37XX", "1506503***", "750650-3720", "1506501AB3", "506503720",
  "290200-0123", "310490-1234", "320190-1234", "150645-5120", "150650-XXXX", "150650-****", "100108 8900",
];
const WORDS = ["CPR", "cpr-nr.", "personnummer", "født", "borger", "tlf.", "kontonr.", "Reg.nr.", "faktura", "P-nr.", "https://x.dk/?a=", "Randers C", "\t", "\n", "CPR\tNavn\n"];

const noDigitsOrLetters = (s: string): boolean => !/[0-9a-z/xX*#\u2022]/.test(normalizeForMatching(s).text.toLowerCase());
/** Separators that can neither join two numbers nor read as a keyword. */
const separator = fc
  .tuple(fc.constantFrom(";", ",", "(", ")", "ø", "!", "?", "\n", "\t", "\u2028", "\u00E6 "), fc.string({ unit: "binary", maxLength: 4 }).filter(noDigitsOrLetters))
  .map(([anchor, extra]) => anchor + extra);

/** Text built from numbers and separators only, so every number stands alone. */
const numberText = fc.array(fc.tuple(fc.constantFrom(...NUMBERS), separator), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([n, s]) => n + s).join(""));

/** Anything: unicode noise, digits, separators, keywords, numbers. */
const anyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.string({ unit: fc.constantFrom("0", "1", "2", "5", "9", "-", " ", ".", "\n", "\u200B", "\u00AD", "\uFF11", "X", "*", "\u2013", "\u00A0"), maxLength: 24 }),
      fc.constantFrom(...NUMBERS),
      fc.constantFrom(...WORDS),
    ),
    { maxLength: 30 },
  )
  .map((a) => a.join(""));

const maskAll = (text: string): string => maskCprInText(text, findCprNumbers(text, { now: NOW }));

/** The 10 digits of a span, as normalized ASCII digits. */
const digitsOfSpan = (text: string, start: number, end: number): string => normalizeForMatching(text.slice(start, end)).text.replace(/[^0-9]/g, "");
const squeeze = (s: string): string => normalizeForMatching(s).text.replace(/[ .\-\u2028\n\t]/g, "");

describe("CPR detector invariants (seeded)", () => {
  it("never throws on arbitrary input; spans are ordered, disjoint and in range", () => {
    fc.assert(
      fc.property(
        anyText,
        fc.array(fc.integer({ min: -2, max: 400 }), { maxLength: 5 }),
        fc.oneof(fc.constant(undefined), fc.integer({ min: -5, max: 500 }), fc.constant(Number.NaN)),
        (text, softBreaks, contextWindow) => {
          const found = findCprNumbers(text, { now: NOW, softBreaks, ...(contextWindow !== undefined ? { contextWindow } : {}) });
          let prevEnd = 0;
          for (const m of found) {
            expect(m.start).toBeGreaterThanOrEqual(prevEnd);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.masked).toMatch(/^[0-9]{6}-\*{4}$/);
            prevEnd = m.end;
          }
          const segs: TextSegment[] = [
            { text, location: { part: "body" }, softBreaks },
            { text: text.slice(0, 20), location: { part: "attachment", attachment: "a.xlsx", place: { kind: "cell", sheet: "S", cell: "A2" } } },
            { text: "CPR", location: { part: "attachment", attachment: "a.xlsx", place: { kind: "cell", sheet: "S", cell: "A1" } } },
          ];
          findCprInSegments(segs, { now: NOW });
          maskCprInText(text, [{ start: softBreaks[0] ?? 0, end: softBreaks[1] ?? 3 }]);
        },
      ),
      { seed: 1, numRuns: 1500 },
    );
  });

  it("masking is idempotent and leaves nothing to find", () => {
    fc.assert(
      fc.property(fc.oneof(numberText, anyText), (text) => {
        const once = maskAll(text);
        expect(maskAll(once)).toBe(once);
        expect(findCprNumbers(once, { now: NOW })).toEqual([]);
      }),
      { seed: 2, numRuns: 1500 },
    );
  });

  it("no rendered output holds the 10 digits of a number that was found", () => {
    let foundAny = 0;
    fc.assert(
      fc.property(numberText, (text) => {
        const found = findCprNumbers(text, { now: NOW });
        const masked = squeeze(maskAll(text));
        for (const m of found) {
          const digits = digitsOfSpan(text, m.start, m.end);
          if (digits.length < 10) continue; // partly masked: there are no 10 digits to leak
          foundAny++;
          expect(squeeze(m.masked)).not.toContain(digits);
          expect(squeeze(maskCpr(digits))).not.toContain(digits.slice(6));
          expect(masked).not.toContain(digits);
          expect(JSON.stringify(m)).not.toContain(digits);
        }
      }),
      { seed: 3, numRuns: 1500 },
    );
    expect(foundAny).toBeGreaterThan(1000);
  });

  it("the shortcut for useless digit runs finds exactly what the full path finds (KEEP IN SYNC)", () => {
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "5", "9", " ", "-", ".", "\n", "\t", "\u200B", "X", "*", "A", "\uFF11"), maxLength: 16 }),
      fc.constantFrom(...NUMBERS),
      fc.integer({ min: 0, max: 99999999999 }).map(String),
    );
    const digitHeavy = fc
      .tuple(fc.array(piece, { maxLength: 20 }), fc.constantFrom(" ", "\t", "\n", "a", ""))
      .map(([parts, sep]) => parts.join(sep));
    fc.assert(
      fc.property(digitHeavy, (text) => {
        expect(scanShapes(text, NOW)).toEqual(scanShapes(text, NOW, true));
      }),
      { seed: 4, numRuns: 2000 },
    );
  });
});
