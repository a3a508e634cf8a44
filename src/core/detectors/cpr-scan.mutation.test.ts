/**
 * Finding CPR-shaped strings in a text (cpr-scan.ts), pinned where the rule's other tests pass by:
 * every line break a soft break may name, the shortcut that skips digit runs no form uses (it must
 * skip nothing a full scan would find), the separators and the ends of a block, and the shared empty
 * result. Found by reading the module for mutation testing (docs/mutation.md).
 *
 * Every number is synthetic (docs/design/cpr-number.md §7): a valid date before 2007, not 1 January,
 * failing modulus 11.
 */
import { findCprNumbers } from "./cpr";
import { applySoftBreaks, scanShapes, skipUselessRun } from "./cpr-scan";

const NOW = new Date(2026, 10, 23);
const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const mod11 = (d: string): boolean => [...d].reduce((s, x, i) => s + Number(x) * (WEIGHTS[i] as number), 0) % 11 === 0;
/** DDMM + YY and the first serial from 1000 (born in the 1900s) that fails modulus 11. */
function number(ddmm: string, yy: string): string {
  for (let s = 1000; ; s++) if (!mod11(ddmm + yy + s)) return ddmm + yy + s;
}
const found = (text: string, softBreaks?: number[]) =>
  findCprNumbers(text, softBreaks ? { now: NOW, softBreaks } : { now: NOW }).map((m) => [m.masked, m.start, m.end]);

describe("soft breaks", () => {
  it.each([
    ["LF", "\n", "150650-\n3720"],
    ["CR LF", "\r\n", "150650-\r\n3720"],
    ["CR", "\r", "150650-\r3720"],
    ["U+2028", "\u2028", "150650-\u20283720"],
    ["U+2029", "\u2029", "150650-\u20293720"],
    ["U+0085", "\u0085", "150650-\u00853720"],
  ])("a %s the reader marks as a wrap is crossed, the offsets unchanged", (_, brk, text) => {
    const t = `Borger ${text} oplyst`;
    expect(found(t)).toEqual([]);
    expect(found(t, [14])).toEqual([["150650-****", 7, 7 + text.length]]);
    expect(applySoftBreaks(t, [14])).toBe(`Borger 150650-${"\u200B".repeat(brk.length)}3720 oplyst`);
  });

  it("a lone \\r leaves the character after it alone; an offset that is no line break, or outside the text, is ignored", () => {
    expect(applySoftBreaks("ab\rcd", [2])).toBe("ab\u200Bcd");
    expect(applySoftBreaks("ab\ncd", [0, 1, 3, 5, 99, -1, 1.5, NaN])).toBe("ab\ncd");
    expect(applySoftBreaks("ab\ncd", [])).toBe("ab\ncd");
    expect(applySoftBreaks("ab\ncd", undefined)).toBe("ab\ncd");
  });
});

describe("the shortcut past digit runs no form uses skips nothing a full scan finds", () => {
  // Ten-digit runs at the edges of the "could it be a date" test (days 1-31 and 61-91, months
  // 1-12), eight-digit runs a character continues, and runs next to other digits.
  // In a sentence (more than 40 other characters around: no short cell, where every run is kept).
  const inProse = (n: string): string => `Vi har modtaget sagen om borgeren med nr. ${n} her i afdelingen i går og svarer snart.`;
  const texts = [
    inProse(number("0102", "50")), // day 1
    inProse(number("1501", "50")), // January
    inProse(number("1010", "50")), // day 10, October
    inProse(number("3112", "50")), // day 31, December
    inProse(number("2010", "50")), // day 20
    inProse(number("3010", "50")), // day 30
    inProse(number("6102", "50")), // day 1 + 60 (a substitute number)
    inProse(number("9112", "50")), // day 31 + 60
    inProse("15065037\u00AD20"), // eight digits, an invisible character, two more
    inProse("15065037\uFF12\uFF10"), // eight ASCII digits, two full-width
    inProse("15065037XX"), // eight digits, the last two masked
    "1506503720",
    "Nr. 1506503720",
    "\uFF11506503720 og 1\u00AD506503720",
  ];

  it.each(texts.map((t, i) => [i, t]))("text %i", (_, text) => {
    const full = scanShapes(text, NOW, true);
    expect(full.length).toBeGreaterThan(0);
    expect(scanShapes(text, NOW)).toEqual(full);
  });

  it("each of them is found through the rule (a substitute number alone in prose is not reported)", () => {
    const reported = texts.slice(0, 11).filter((t) => !/nr\. [69]1/.test(t));
    expect(reported).toHaveLength(9);
    for (const text of reported) expect([text, findCprNumbers(text, { now: NOW }).length]).toEqual([text, 1]);
  });

  it("a ten-digit run that can be no date is recorded only where a column could count it", () => {
    for (const n of ["0001505001", "3201505001", "6001505001", "9201505001", "0113505001", "1500505001", "9913505001", "12345678", "1234567", "12345678901"]) {
      const text = inProse(n);
      expect([text, scanShapes(text, NOW)]).toEqual([text, []]);
    }
    expect(scanShapes("Ref\t9913505001\tx", NOW)).toEqual([expect.objectContaining({ kind: "invalid", start: 4, end: 14 })]);
  });
});

describe("the shortcut's own contract: which runs it skips (speed only, so only a direct test sees it)", () => {
  // skipUselessRun(text, hit): `hit` is where the trigger's six digits end. It returns where to go
  // on past a run no CPR form uses, or 0 to take the full path. Skipping less is never wrong (the
  // full path judges the run), only slower (bench/cpr.bench.ts): these pin that it skips at all.
  const at = (text: string, run: string): number => text.indexOf(run) + 6;
  it.each<[string, string, string, number]>([
    ["seven digits", "tlf 1234567 ring", "1234567", 11],
    ["eight digits (a phone, a CVR number)", "CVR 12345678.", "12345678", 12],
    ["eight digits at the very start", "12345678 er nummeret", "12345678", 8],
    ["eleven digits", "konto 12345678901 x", "12345678901", 17],
    ["ten digits that can be no date (month 00), in prose", "ts=1700000000 i en lang tekst med flere ord om ordren fra lageret", "1700000000", 13],
    ["ten digits, day 00", "ordre 0012612345 fra lageret i Randers Kommune, som sendte den videre", "0012612345", 16],
    ["ten digits, day 32", "ordre 3201612345 fra lageret i Randers Kommune, som sendte den videre", "3201612345", 16],
    ["ten digits, day 92", "ordre 9201612345 fra lageret i Randers Kommune, som sendte den videre", "9201612345", 16],
    ["ten digits, month 13", "ordre 0113612345 fra lageret i Randers Kommune, som sendte den videre", "0113612345", 16],
  ])("skips %s", (_, text, run, end) => {
    expect(skipUselessRun(text, at(text, run))).toBe(end);
  });

  it.each<[string, string, string]>([
    ["six digits (a date, a serial)", "dato 150650 i dag", "150650"],
    ["nine digits (a leading zero dropped)", "nr 711723308 her", "711723308"],
    ["ten digits that can be a date, day 01 to 31", "ordre 0101612345 fra lageret i Randers Kommune", "0101612345"],
    ["ten digits, day 31, month 12", "ordre 3112612345 fra lageret i Randers Kommune", "3112612345"],
    ["ten digits, day 61 (a substitute number)", "ordre 6101612345 fra lageret i Randers Kommune", "6101612345"],
    ["ten digits, day 91", "ordre 9112612345 fra lageret i Randers Kommune", "9112612345"],
    ["ten digits that can be no date, in a short cell", "Ordre\t1700000000\tLager", "1700000000"],
    ["a run after a full-width digit", "\uFF1112345678 x", "12345678"],
    ["a run after an invisible character", "\u200B12345678 x", "12345678"],
    ["a run continued by an invisible character", "12345678\u200B9 x", "12345678"],
    ["a run continued by a mask character", "12345678XX x", "12345678"],
    ["a run continued by a full-width digit", "12345678\uFF11 x", "12345678"],
    ["a run with a full-width digit among the six", "1\uFF1134567890 x", "\uFF1134567"],
  ])("takes the full path for %s", (_, text, run) => {
    expect(skipUselessRun(text, at(text, run))).toBe(0);
  });

  it("takes the full path where fewer than six characters precede the trigger's end", () => {
    expect(skipUselessRun("12345678", 5)).toBe(0);
  });
});

describe("a block's separators and ends", () => {
  it.each([
    ["a space", "150650 3720"],
    ["a space before the dash of a dotted date", "15.06.50 -3720"],
    ["a no-break space", "150650\u00A03720"],
    ["a non-breaking hyphen", "150650\u20113720"],
    ["a minus sign", "150650\u22123720"],
    ["an ideographic space", "150650\u30003720"],
    ["a soft hyphen in the serial", "150650-37\u00AD20"],
  ])("%s between date and serial", (_, text) => {
    expect(found(`Borger ${text} oplyst`)).toEqual([["150650-****", 7, 7 + text.length]]);
  });

  it("up to three separators in a row continue a block, four end it", () => {
    expect(found("CPR 150650 - 3720")).toEqual([["150650-****", 4, 17]]);
    expect(found("CPR 150650 -  3720")).toEqual([]);
    expect(found("150650\u00AD\u00AD\u00AD3720")).toEqual([["150650-****", 0, 13]]);
    expect(found("150650\u00AD\u00AD\u00AD\u00AD3720")).toEqual([]);
  });

  it("every number of a text is found, one block after the other", () => {
    expect(found("150650-3720 og 241210-2145; 15.06.50-3720 og 1\u00AD506503720")).toEqual([
      ["150650-****", 0, 11],
      ["241210-****", 15, 26],
      ["150650-****", 28, 41],
      ["150650-****", 45, 56],
    ]);
  });

  it("mask characters continue a block", () => {
    expect(found("CPR 150650-37XX")).toEqual([["150650-****", 4, 15]]);
    expect(found("CPR 150650-37**")).toEqual([["150650-****", 4, 15]]);
  });

  it("digits before a number, at the text's start or after a word, are part of its block alike", () => {
    const atStart = findCprNumbers("12 1506503720", { now: NOW }).map((m) => [m.masked, m.start - 0]);
    const afterWord = findCprNumbers("Nr 12 1506503720", { now: NOW }).map((m) => [m.masked, m.start - 3]);
    expect(afterWord).toEqual(atStart);
  });
});

describe("nothing found", () => {
  it("is the one shared empty list, which no caller can add to", () => {
    for (const text of ["Ingen tal her", "Konto 123456", "Tlf. 12345678"]) {
      const shapes = scanShapes(text, NOW);
      expect(shapes).toEqual([]);
      expect(Object.isFrozen(shapes)).toBe(true);
    }
    expect(scanShapes("Ingen tal", NOW)).toBe(scanShapes("Konto 123456", NOW));
  });
});
