import fc from "fast-check";
import { isDashCode, isIgnorableCode, isSpaceCode, normalizeForMatching } from "./normalize";

describe("normalizeForMatching", () => {
  it.each([
    ["plain ASCII", "CPR 150650-3720", "CPR 150650-3720"],
    ["Danish letters stay", "Fødselsdato på ærø", "Fødselsdato på ærø"],
    ["en dash", "150650\u20133720", "150650-3720"],
    ["non-breaking hyphen", "150650\u20113720", "150650-3720"],
    ["minus sign", "150650\u22123720", "150650-3720"],
    ["figure dash, em dash, small/full-width hyphen-minus", "1\u20122\u20143\uFE634\uFF0D5\uFE586", "1-2-3-4-5-6"],
    ["NBSP and thin/narrow spaces", "1\u00A02\u20093\u202F4\u30005", "1 2 3 4 5"],
    ["zero-width and soft hyphen dropped", "15\u200B06\u200C50\u200D-\u206037\uFEFF2\u00AD0", "150650-3720"],
    ["full-width digits", "\uFF11\uFF15\uFF10\uFF16\uFF15\uFF10", "150650"],
    ["NFKC ligature", "\uFB01le", "file"],
    ["NFKC superscript", "x\u00B2", "x2"],
    ["tab and line breaks stay", "a\tb\nc\u2028d\re", "a\tb\nc\u2028d\re"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeForMatching(input).text).toBe(expected);
  });

  it("maps normalized offsets back to the original characters", () => {
    const input = "Se \uFF11\uFF15\u200B0650\u2013\u00AD3720.";
    const n = normalizeForMatching(input);
    expect(n.text).toBe("Se 150650-3720.");
    const start = n.text.indexOf("150650");
    const end = start + "150650-3720".length;
    expect(n.toOriginal(start)).toBe(3);
    expect(n.toOriginalEnd(end)).toBe(input.length - 1);
    expect(input.slice(n.toOriginal(start), n.toOriginalEnd(end))).toBe("\uFF11\uFF15\u200B0650\u2013\u00AD3720");
  });

  it("an expanded character maps every output character to its source", () => {
    const input = "a\uFB01b"; // ﬁ → fi
    const n = normalizeForMatching(input);
    expect(n.text).toBe("afib");
    expect([0, 1, 2, 3].map((i) => n.toOriginal(i))).toEqual([0, 1, 1, 2]);
    expect(n.toOriginalEnd(2)).toBe(2);
    expect(n.toOriginalEnd(3)).toBe(2);
    expect(n.toOriginalEnd(4)).toBe(3);
  });

  it("works on a range and gives absolute offsets", () => {
    const input = "xx\u2013yy\u2013zz";
    const n = normalizeForMatching(input, 2, 6);
    expect(n.text).toBe("-yy-");
    expect(n.toOriginal(0)).toBe(2);
    expect(n.toOriginalEnd(4)).toBe(6);
    expect(normalizeForMatching("abc", 5, 9).text).toBe("");
    expect(normalizeForMatching("abc", 2, 1).text).toBe("");
  });

  it("keeps surrogate pairs together (mathematical digits become ASCII)", () => {
    const input = "\uD835\uDFCF\uD835\uDFD0"; // 𝟏𝟐
    const n = normalizeForMatching(input);
    expect(n.text).toBe("12");
    expect(n.toOriginal(1)).toBe(2);
    expect(n.toOriginalEnd(2)).toBe(4);
  });

  it("classifies characters", () => {
    expect(isIgnorableCode(0x00ad)).toBe(true);
    expect(isIgnorableCode(0x20)).toBe(false);
    expect(isDashCode(0x2011)).toBe(true);
    expect(isSpaceCode(0x09)).toBe(false);
    expect(isSpaceCode(0x0a)).toBe(false);
  });

  it("never throws, and offsets are monotonic and in range (seeded)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const n = normalizeForMatching(s);
        let prev = 0;
        for (let i = 0; i <= n.text.length; i++) {
          const o = n.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(prev);
          expect(o).toBeLessThanOrEqual(s.length);
          if (i > 0) {
            // Character i-1 ends after it starts, and never past the input.
            expect(n.toOriginalEnd(i)).toBeGreaterThan(n.toOriginal(i - 1));
            expect(n.toOriginalEnd(i)).toBeLessThanOrEqual(s.length);
          }
          prev = o;
        }
        expect(n.toOriginalEnd(n.text.length)).toBeLessThanOrEqual(s.length);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
