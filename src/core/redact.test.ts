import type { MaskedCpr } from "./finding";
import { maskCprNumbers, redactCpr } from "./redact";

const NOW = new Date("2026-11-23T12:00:00Z");

describe("redactCpr", () => {
  it.each([
    ["150650-3720_ansøgning.pdf", "150650-****_ansøgning.pdf"],
    ["scan 2412102145.pdf", "scan 241210-****.pdf"],
    // Full-width digits are folded by the matcher; the cheap pre-check must not skip them.
    ["１５０６５０-３７２０.pdf", "150650-****.pdf"],
    ["referat.docx", "referat.docx"],
  ])("%s → %s", (input, expected) => {
    const out = redactCpr(input, NOW);
    expect(out).toBe(expected);
  });
});

// Synthetic numbers only (test/helpers/cpr-like-numbers.ts): 150650-3720 fails modulus 11 on an
// ordinary date, 241210-2145 is from 1910.
describe("maskCprNumbers: one function, the variants as options", () => {
  const text = "Se 15.06.50-3720 og 2412102145, igen 150650 - 3720.";

  it("by default replaces every number the rule finds with DDMMYY-****, as redactCpr does", () => {
    const r = maskCprNumbers(text, { now: NOW });
    expect(r.text).toBe("Se 150650-**** og 241210-****, igen 150650-****.");
    expect(r.masked).toBe(3);
    expect(r.edits).toEqual([]);
    expect(redactCpr(text, NOW)).toBe(r.text);
  });

  it("in place keeps the user's characters of the date and says what each character became", () => {
    const r = maskCprNumbers(text, { now: NOW, style: "in-place" });
    expect(r.text).toBe("Se 15.06.50-**** og 241210-****, igen 150650-****.");
    expect(r.edits.map((e) => e.chars.join(""))).toEqual(["15.06.50-****", "241210-****", "150650-****"]);
    for (const e of r.edits) expect(e.chars).toHaveLength(e.end - e.start);
  });

  it("`only` masks the numbers with that masked form and leaves the others readable", () => {
    const r = maskCprNumbers(text, { now: NOW, only: "150650-****" as MaskedCpr, style: "in-place" });
    expect(r.masked).toBe(2);
    expect(r.text).toContain("2412102145");
    expect(r.text).not.toContain("3720");
  });

  it("`spans` masks what it is given, found or not, and nothing else", () => {
    const r = maskCprNumbers("x 12 y 150650-3720", { spans: [{ start: 2, end: 4 }] });
    expect(r.text).toBe("x ******-**** y 150650-3720");
    expect(r.masked).toBe(1);
  });

  it("returns the input itself, with nothing masked, when there is no number", () => {
    expect(maskCprNumbers("referat.docx", { now: NOW })).toEqual({ text: "referat.docx", masked: 0, edits: [] });
    expect(maskCprNumbers(text, { now: NOW, only: "010203-****" as MaskedCpr }).masked).toBe(0);
  });
});
