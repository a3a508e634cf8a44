/**
 * The date rules behind partly masked numbers, substitute numbers and the healthcare e-CPR form
 * (cpr-date.ts, docs/design/cpr-number.md §1.2, §1.6, §4), at the edges mutation testing found
 * unpinned (docs/mutation.md). Through findCprNumbers: found or not, and how.
 *
 * Synthetic numbers only (§7): births before 1916, after today, or dates no one holds (the
 * substitute and e-CPR forms are not CPR numbers; their dates are 1850-1950 or in the future).
 */
import { findCprNumbers } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23

function forms(text: string, now: Date = NOW): string[] {
  return findCprNumbers(text, { now }).map((m) => `${m.form} ${m.confidence} ${m.masked}`);
}

describe("a partly masked number counts when its visible date is real and past", () => {
  it.each<[string, string[]]>([
    ["150650-37XX", ["partly-masked low 150650-****"]],
    ["150650-3***", ["partly-masked low 150650-****"]],
    ["2902003XXX", []], // 1900 was no leap year
    ["290200-4XXX", ["partly-masked low 290200-****"]], // 2000 was
    ["290200-5XXX", ["partly-masked low 290200-****"]],
    ["290297-6XXX", []], // 1897 was no leap year, 1896 was
    ["290296-6XXX", ["partly-masked low 290296-****"]],
    ["310450-37XX", []],
    ["001250-37XX", []],
    ["150050-37XX", []],
    ["151350-37XX", []],
    ["311250-37XX", ["partly-masked low 311250-****"]],
    ["010150-37XX", ["partly-masked low 010150-****"]],
    ["150641-5XXX", []], // 2041: not born yet
    ["231126-5XXX", ["partly-masked low 231126-****"]], // today
    ["241126-5XXX", []], // tomorrow
    ["150641-3XXX", ["partly-masked low 150641-****"]], // 1941
    ["290200-0XXX", []], // the 7th digit picks the century: 0 is 1900 only, not 2000
    ["150630-9XXX", []], // 9 with YY 30 is 2030 only, not 1930
  ])("%j → %j", (text, expected) => {
    expect(forms(text)).toEqual(expected);
  });
});

describe("a substitute number is a date with 60 added to the day", () => {
  it.each<[string, string[]]>([
    ["610650-3720", ["substitute low 610650-****"]], // day 1
    ["600650-3720", []], // day 0
    ["910150-3720", ["substitute low 910150-****"]], // 31 January
    ["920150-3720", []],
    ["910450-3720", []], // 31 April
    ["890299-6720", []], // 29 February 1899
    ["890296-6720", ["substitute low 890296-****"]], // 29 February 1896
    ["750641-5720", []], // 2041: not born yet
  ])("%j → %j", (text, expected) => {
    expect(forms(text)).toEqual(expected);
  });
});

describe("the e-CPR form DDMMYY C AA G: C gives the century", () => {
  it.each<[string, string[]]>([
    ["1506500AB3", ["substitute low 150650-****"]], // 0, 1 → 19YY
    ["1506501AB3", ["substitute low 150650-****"]],
    ["1506502AB3", []], // 2, 3, 4, 8, 9: no century
    ["1506503AB3", []],
    ["1506504AB3", []],
    ["1506508AB3", []],
    ["1506509AB3", []],
    ["1506505AB3", ["substitute low 150650-****"]], // 5 → 18YY
    ["1506206AB3", ["substitute low 150620-****"]], // 6, 7 → 20YY
    ["1506207AB3", ["substitute low 150620-****"]],
    ["1506306AB3", []], // 2030: not born yet
    ["1506307AB3", []],
    ["1506305AB3", ["substitute low 150630-****"]], // 1830
    ["2902001AB3", []], // 1900 was no leap year
    ["2902006AB3", ["substitute low 290200-****"]], // 2000 was
    ["3104501AB3", []],
    ["0013501AB3", []],
    ["150650-1AB3", ["substitute low 150650-****"]],
  ])("%j → %j", (text, expected) => {
    expect(forms(text)).toEqual(expected);
  });
});
