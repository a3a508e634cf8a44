/**
 * The written forms of a CPR number (cpr-forms.ts, docs/design/cpr-number.md §4, §5) at the edges
 * mutation testing found unpinned (docs/mutation.md): the digit run around a number, a decimal's
 * zero, a bank registration number in front, masks, the e-CPR form, a town after the space form.
 * Through findCprNumbers: what is found, in which form, how sure, and where.
 *
 * Synthetic numbers only (§7): 150650-3720 is born 1950 and fails modulus 11 on a date other than
 * 1 January; its partly masked and e-CPR forms identify no one.
 */
import { findCprNumbers } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23

function found(text: string): string[] {
  return findCprNumbers(text, { now: NOW }).map((m) => `${m.form} ${m.confidence} ${m.masked} ${m.start}-${m.end}`);
}

describe("a decimal fraction is no number; a longer integer part makes it one", () => {
  it.each<[string, string[]]>([
    ["0.1506503720", []],
    ["x0.1506503720", []],
    ["10.1506503720", ["compact low 150650-**** 3-13"]],
    ["00.1506503720", ["compact low 150650-**** 3-13"]],
    ["\uFF110.1506503720", ["compact low 150650-**** 3-13"]], // a full-width 1 before the zero
    ["\uFF190.1506503720", ["compact low 150650-**** 3-13"]], // a full-width 9, the last full-width digit
    ["\uFF210.1506503720", []], // a full-width A is no digit
    [".1506503720", ["compact low 150650-**** 1-11"]],
  ])("%j → %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("a bank registration number in front makes a compact number an account", () => {
  it.each<[string, string[]]>([
    ["1234 1506503720", []],
    ["1234-1506503720", []],
    ["x1234 1506503720", []],
    ["Konto 1234\u00A01506503720 \u2013", []], // a non-breaking space, in a block that is normalized
    ["1234\u00A01506503720", []], // the same without "Konto" (itself a reason to drop a compact number)
    ["12345 1506503720", ["compact low 150650-**** 6-16"]],
    ["123 1506503720", ["compact low 150650-**** 4-14"]],
    ["1234.1506503720", ["compact low 150650-**** 5-15"]],
    ["1234 150650-3720", ["hyphen high 150650-**** 5-16"]],
  ])("%j → %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("partly masked numbers: four characters after the date, digits then mask", () => {
  it.each<[string, string[]]>([
    ["150650-37XX", ["partly-masked low 150650-**** 0-11"]],
    ["150650 37XX", ["partly-masked low 150650-**** 0-11"]],
    ["15065037XX", ["partly-masked low 150650-**** 0-10"]],
    ["1506503xxx", ["partly-masked low 150650-**** 0-10"]],
    ["150650372x", ["partly-masked low 150650-**** 0-10"]],
    ["15065037\u2022\u2022", ["partly-masked low 150650-**** 0-10"]],
    ["15065037##", ["partly-masked low 150650-**** 0-10"]],
    ["150650-37X#", ["partly-masked low 150650-**** 0-11"]],
    ["150650-37\u2022\u2022", ["partly-masked low 150650-**** 0-11"]],
    ["150650-37##", ["partly-masked low 150650-**** 0-11"]],
    ["150650-37**", ["partly-masked low 150650-**** 0-11"]],
    ["150650-372x", ["partly-masked low 150650-**** 0-11"]],
    ["150650-37XXX", []],
    ["150650-37XX1", []],
    ["150650-37XXx", []],
    ["150650-37XX*", []],
    ["150650-37XX\u2022", []],
    ["150650-37XX#", []],
    ["150650-XXXX", []], // fully masked: our own fix's output
  ])("%j → %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("the e-CPR form ends at a letter or digit boundary", () => {
  it.each<[string, string[]]>([
    ["150650-1AB3", ["substitute low 150650-**** 0-11"]],
    ["150650-1AB3.", ["substitute low 150650-**** 0-11"]],
    ["1506501AB3", ["substitute low 150650-**** 0-10"]],
    ["1506501ZZ3", ["substitute low 150650-**** 0-10"]],
    ["1506501AB3x", []],
    ["1506501AB3Z", []],
    ["1506501AB31", []],
    ["1506501ab3", []],
    ["1506501AB3A", []],
    ["1506501AB3a", []],
    ["1506501AB3z", []],
    ["1506501AB3@", ["substitute low 150650-**** 0-10"]],
    ["1506501AB3[", ["substitute low 150650-**** 0-10"]],
    ["1506501AB3`", ["substitute low 150650-**** 0-10"]],
    ["1506501AB3{", ["substitute low 150650-**** 0-10"]],
    ["(150650 AB)", []], // six digits and letters that make no e-CPR number
    ["91506501AB3", []], // eight digits and letters: no e-CPR number starts one digit in
  ])("%j → %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("digits before a block, behind invisible characters, join the run", () => {
  // A block takes at most three invisible characters in a row; a digit behind more still touches
  // the number, so the run is eleven digits and no number.
  const ZW4 = "\u200B\u200B\u200B\u200B";
  it.each<[string, string[]]>([
    [`1${ZW4}1506503720`, []],
    [`1${ZW4}12 1506503720`, ["compact low 150650-**** 8-18"]], // only the block's first run touches it
    [`x\u200B1506503720`, ["compact low 150650-**** 2-12"]],
    [`1${ZW4}9\u200B1506503720`, []],
    ["9\u200B1506503720", []], // eleven digits with an invisible character inside
    ["91506503XXX", []], // eight digits and three mask characters: no partly masked number inside
  ])("%j → %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("dotted, hyphen and space forms", () => {
  it.each<[string, string[]]>([
    ["15.06.50-3720", ["dotted medium 150650-**** 0-13"]],
    ["15 06 50 - 3720", ["dotted medium 150650-**** 0-15"]],
    ["15.06.50-37201", []],
    ["15.06-50-3720", []],
    ["150650 - 3720", ["hyphen high 150650-**** 0-13"]],
    ["150650 -3720", ["hyphen high 150650-**** 0-12"]],
    ["150650- 3720", ["hyphen high 150650-**** 0-12"]],
    ["150650-3720-", ["hyphen high 150650-**** 0-11"]],
    ["150650  3720", []],
    ["150650-372", []],
    ["1506503720.", ["compact low 150650-**** 0-10"]],
    ["15065037", []],
  ])("%j → %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("a town after the space form reads as a postcode", () => {
  it.each<[string, string]>([
    ["150650 3720 Randers", "low"],
    ["150650 3720 \u00C6r\u00F8sk\u00F8bing", "low"],
    ["150650\u00A03720 Randers", "low"],
    ["150650 3720   Randers", "low"],
    ["150650 3720    Randers", "medium"], // four spaces: not a postcode and town
    ["150650 3720 randers", "medium"],
    ["150650 3720 R", "medium"],
  ])("%j → %s", (text, confidence) => {
    expect(findCprNumbers(text, { now: NOW }).map((m) => m.confidence)).toEqual([confidence]);
  });

  it("only after the space form: a hyphenated number before a town is no postcode", () => {
    expect(findCprNumbers("150650-3720 Randers", { now: NOW }).map((m) => [m.confidence, [...m.reasons]])).toEqual([["high", ["mod11-fail"]]]);
  });
});

describe("an invalid ten-digit value in a list counts against the column", () => {
  it("three valid dates and one that is not (31 April): 75 %, no CPR column", () => {
    expect(found("Liste:\n1506503720\n2412102145\n1503756125\n3104901234").map((f) => f.split(" ")[1])).toEqual(["low", "low", "low"]);
    expect(found("Liste:\n1506503720\n2412102145\n1503756125").map((f) => f.split(" ")[1])).toEqual(["high", "high", "high"]);
  });
});

describe("nine digits in a column: a number that lost its leading zero", () => {
  /** One row per value: a name, the value in its own cell, a town. */
  const table = (values: readonly string[]): string => values.map((v, i) => `Navn ${i}\t${v}\tRanders`).join("\n");
  const reasons = (text: string): string[] => findCprNumbers(text, { now: NOW }).map((m) => `${m.form} ${m.confidence} ${m.masked} ${m.start}-${m.end} ${m.reasons.join(",")}`);
  const RESTORED = "cpr-column,mod11-fail,leading-zero-restored";

  it.each<[string, string[], string[]]>([
    ["alone in its cell", ["506503720", "203614517", "711723308"], [7, 32, 57].map((s) => `${s}-${s + 9}`)],
    ["followed by a space", ["506503720 ", "203614517 ", "711723308 "], [7, 33, 59].map((s) => `${s}-${s + 9}`)],
    ["followed by a letter", ["506503720kr", "203614517kr", "711723308kr"], [7, 34, 61].map((s) => `${s}-${s + 9}`)],
  ])("%s: found where the nine digits are, with the zero restored", (_, values, spans) => {
    const masked = ["050650-****", "020361-****", "071172-****"];
    expect(reasons(table(values))).toEqual(spans.map((span, i) => `compact high ${masked[i]} ${span} ${RESTORED}`));
  });

  it("nine digits that make no date with a zero in front are no column", () => {
    expect(reasons(table(["999999999", "999999998", "999999997"]))).toEqual([]);
  });

  it("a P-number label counts against a restored number as against a compact one", () => {
    expect(reasons(table(["P-nr. 506503720", "203614517", "711723308"]))[0]).toBe(`compact high 050650-**** 13-22 ${RESTORED},negative-context`);
  });
});
