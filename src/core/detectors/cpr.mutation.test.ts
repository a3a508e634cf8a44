/**
 * The date rules of the CPR rule at their edges (century table, leap years, month lengths, the
 * future, age over 110, 1 January, modulus 11), pinned through findCprNumbers so a refactoring of
 * the helpers behind it keeps the tests. Found by mutation testing (npm run mutate, docs/mutation.md).
 *
 * Every number is synthetic (docs/design/cpr-number.md §7): it fails modulus 11 with a birth date
 * before 2007 that is not 1 January (no such number was ever issued), or is born before 1900, or
 * is born after today with the clock moved.
 */
import { findCprNumbers, type CprMatch } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const mod11 = (digits: string) => [...digits].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i]!, 0) % 11 === 0;

/** DDMMYY + the 7th digit + the first serial that fails modulus 11, as `DDMMYY-NNNN`. */
function failing(ddmmyy: string, digit7: number): string {
  for (let s = 0; s < 1000; s++) {
    const digits = `${ddmmyy}${digit7}${String(s).padStart(3, "0")}`;
    if (!mod11(digits)) return `${ddmmyy}-${digits.slice(6)}`;
  }
  throw new Error("unreachable");
}

function found(number: string, now: Date = NOW): CprMatch | undefined {
  const matches = findCprNumbers(`CPR-nr.: ${number}`, { now });
  expect(matches.length).toBeLessThanOrEqual(1);
  return matches[0];
}

describe("the century table through the 7th digit", () => {
  it.each([
    // 0-3 → 19YY: a 1958 birth, not an 1858 one (no age over 110).
    ["020158", 3, true, false],
    // 4 and 9 → 20YY up to 36 (a future birth: not a number), 19YY from 37.
    ["020136", 4, false, false],
    ["020137", 4, true, false],
    ["020136", 9, false, false],
    ["020137", 9, true, false],
    // 5-8 → 20YY up to 57 (future), 18YY from 58 (over 110).
    ["020157", 5, false, false],
    ["020158", 5, true, true],
    ["020157", 8, false, false],
    ["020158", 8, true, true],
  ])("%s with 7th digit %i: found %s, over 110 %s", (ddmmyy, digit7, isFound, over110) => {
    const m = found(failing(ddmmyy, digit7));
    expect(m !== undefined).toBe(isFound);
    if (m) {
      expect(m.reasons).toContain("mod11-fail");
      expect(m.reasons.includes("age-over-110")).toBe(over110);
    }
  });
});

describe("real dates only", () => {
  it.each([
    ["290296", 6, true], // 1896: leap
    ["290297", 6, false], // 1897: not
    ["290200", 3, false], // 1900: a century, not a leap year
    ["290200", 4, true], // 2000: divisible by 400, a leap year
    ["280297", 6, true],
    ["310196", 6, true], // a leap year's other months keep their 31 and 30 days
    ["300496", 6, true],
    ["310496", 6, false],
    ["300475", 6, true],
    ["310475", 6, false],
    ["311275", 6, true],
    ["321275", 6, false],
    ["020175", 6, true],
    ["001275", 6, false],
    ["020075", 6, false],
    ["021375", 6, false],
    ["021275", 6, true],
  ])("%s with 7th digit %i is a date: %s", (ddmmyy, digit7, isFound) => {
    expect(found(failing(ddmmyy, digit7)) !== undefined).toBe(isFound);
  });
});

describe("the future and the age, against the injected clock", () => {
  const IN_2041 = new Date(2041, 5, 1); // 2041-06-01: births in 2041 are held by nobody yet

  it.each([
    ["010641", true], // today
    ["310541", true],
    ["020641", false], // tomorrow
    ["010741", false],
    ["010642", false],
    ["010640", true],
  ])("a 2041 clock: %s is found %s", (ddmmyy, isFound) => {
    expect(found(failing(ddmmyy, 5), IN_2041) !== undefined).toBe(isFound);
  });

  const IN_2009 = new Date(2009, 5, 1); // 2009-06-01
  it.each([
    ["010698", true], // 111 today
    ["310598", true],
    ["020698", false], // 110 until tomorrow
    ["010798", false],
    ["010699", false], // 110
  ])("a 2009 clock: born %s (18YY) is over 110: %s", (ddmmyy, over) => {
    const m = found(failing(ddmmyy, 6), IN_2009);
    expect(m?.reasons.includes("age-over-110")).toBe(over);
  });
});

describe("1 January and modulus 11 are signals", () => {
  it("flags 1 January, and neither the 2nd of January nor the 1st of February", () => {
    expect(found(failing("010175", 6))?.reasons).toContain("first-of-january");
    expect(found(failing("020175", 6))?.reasons).not.toContain("first-of-january");
    expect(found(failing("010275", 6))?.reasons).not.toContain("first-of-january");
  });

  it("tells a number that passes modulus 11 from one that fails it", () => {
    expect(found("150375-6125")?.reasons).toContain("mod11-pass");
    expect(found("150375-6126")?.reasons).toContain("mod11-fail");
  });
});
