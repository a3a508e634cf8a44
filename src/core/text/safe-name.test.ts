import fc from "fast-check";
import { MAX_SHOWN_NAME, safeName, terminalSafe } from "./safe-name";

describe("safeName", () => {
  it("one line: breaks of every kind become one space", () => {
    expect(safeName("a\r\nb\nc\u2028d\u2029e\u0085f\tg")).toBe("a b c d e f g");
  });
  it("drops controls, ANSI escapes' ESC, C1 controls and bidi steering", () => {
    expect(safeName("\u001b[2Jbrev\u0000.pdf")).toBe("[2Jbrev.pdf");
    expect(safeName("fak\u202eturaexe.pdf")).toBe("fakturaexe.pdf");
    expect(safeName("\u2066a\u2069\u200e\u200f\u061c\u009bb")).toBe("ab");
  });
  it("shortens long names in the middle, keeping the extension", () => {
    const s = safeName(`${"a".repeat(500)}.pdf`);
    expect(s.length).toBe(MAX_SHOWN_NAME);
    expect(s).toMatch(/^a+…a+\.pdf$/);
  });
  it("never splits a surrogate pair", () => {
    const s = safeName("😀".repeat(200));
    expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
  it("property: any input gives one line without controls or bidi, at most MAX_SHOWN_NAME long", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (x) => {
        const s = safeName(x);
        expect(s.length).toBeLessThanOrEqual(MAX_SHOWN_NAME);
        // eslint-disable-next-line no-control-regex -- control characters are what this matches
        expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }),
      { seed: 1414, numRuns: 500 },
    );
  });
});

describe("terminalSafe", () => {
  it("shows control characters as escapes, keeps line feeds", () => {
    expect(terminalSafe("a\u001b[2Jb\nc\u009b\u202e")).toBe("a\\x1b[2Jb\nc\\x9b\\u202e");
  });
});
