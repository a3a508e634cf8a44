import fc from "fast-check";
import * as stdnumCpr from "stdnum/lib/cjs/dk/cpr";
import { weightedSum } from "stdnum/lib/cjs/util/checksum";
import {
  ageInYears,
  centuryYear,
  checkCpr,
  cprBirthDate,
  eCprBirthDate,
  isRealDate,
  passesModulus11,
  plausibleMaskedDate,
} from "./cpr-date";

const NOW = new Date(2026, 10, 23);

describe("centuryYear (docs/design/cpr-number.md §1.2)", () => {
  it.each([
    // [YY, digit 7, year]
    [0, 0, 1900], [36, 3, 1936], [37, 3, 1937], [57, 2, 1957], [58, 1, 1958], [99, 0, 1999],
    [0, 4, 2000], [36, 4, 2036], [37, 4, 1937], [57, 9, 1957], [58, 9, 1958], [68, 4, 1968],
    [0, 5, 2000], [36, 6, 2036], [37, 7, 2037], [57, 8, 2057], [58, 5, 1858], [99, 8, 1899],
  ])("YY %i, digit 7 = %i → %i", (yy, d7, year) => {
    expect(centuryYear(yy, d7)).toBe(year);
  });

  it("agrees with stdnum's getBirthDate for all 1000 (YY, digit 7) pairs", () => {
    for (let yy = 0; yy < 100; yy++) {
      for (let d7 = 0; d7 <= 9; d7++) {
        const digits = "1506" + String(yy).padStart(2, "0") + String(d7) + "000";
        expect([digits, centuryYear(yy, d7)]).toEqual([digits, stdnumCpr.getBirthDate(digits).getFullYear()]);
      }
    }
  });
});

describe("isRealDate", () => {
  it.each([
    [1900, 2, 29, false], // 1900 is not a leap year
    [2000, 2, 29, true],
    [1901, 2, 29, false],
    [1904, 2, 29, true],
    [1990, 4, 31, false],
    [1990, 1, 0, false],
    [1990, 13, 1, false],
    [1990, 12, 31, true],
  ])("%i-%i-%i → %s", (y, m, d, ok) => {
    expect(isRealDate(y, m, d)).toBe(ok);
  });
});

describe("checkCpr", () => {
  it.each([
    // Synthetic vectors from docs/design/cpr-number.md §7.
    ["1503756125", true, true, "1875-03-15"],
    ["2412102145", true, true, "1910-12-24"],
    ["1506503720", true, false, "1950-06-15"],
    ["0101905811", true, false, "1890-01-01"],
    ["0309684711", true, false, "1968-09-03"],
    ["2902004810", true, false, "2000-02-29"],
  ])("%s: valid %s, modulus 11 %s, born %s", (digits, ok, mod11, born) => {
    const r = checkCpr(digits, NOW);
    expect(r.ok).toBe(ok);
    if (!r.ok) return;
    expect(r.mod11).toBe(mod11);
    const d = r.date;
    expect(`${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`).toBe(born);
  });

  it.each([
    ["2902000123", "invalid-date"],
    ["2902011234", "invalid-date"],
    ["3104901234", "invalid-date"],
    ["0001901234", "invalid-date"],
    ["0113901234", "invalid-date"],
    ["3201901234", "invalid-date"], // passes modulus 11: the date check comes first
    ["1506455120", "future"],
    ["1208407135", "future"],
    ["150650372", "format"],
    ["15065037a0", "format"],
  ])("%s is rejected: %s", (digits, why) => {
    expect(checkCpr(digits, NOW)).toEqual({ ok: false, why });
  });

  it("reads the future from the injected clock", () => {
    expect(checkCpr("1208407135", new Date(2041, 0, 1)).ok).toBe(true);
    expect(checkCpr("1208407135", new Date(2040, 7, 11)).ok).toBe(false);
    expect(checkCpr("1208407135", new Date(2040, 7, 12)).ok).toBe(true); // born today is born
  });

  it("flags first of January and age over 110 without rejecting", () => {
    const r = checkCpr("0101905811", NOW);
    expect(r.ok && r.firstOfJanuary && r.ageOver110).toBe(true);
    const s = checkCpr("1506503720", NOW);
    expect(s.ok && !s.firstOfJanuary && !s.ageOver110).toBe(true);
  });

  it("modulus 11 is a signal, never a gate: a post-2007-style number that fails it is valid", () => {
    expect(passesModulus11("1506503720")).toBe(false);
    expect(checkCpr("1506503720", NOW).ok).toBe(true);
  });
});

describe("passesModulus11", () => {
  it.each([
    ["1503756125", true],
    ["2412102145", true],
    ["1208407135", true],
    ["3201901234", true],
    ["1506503720", false],
    ["0101905811", false],
    ["abc", false],
  ])("%s → %s", (digits, pass) => {
    expect(passesModulus11(digits)).toBe(pass);
  });
});

describe("cross-check against stdnum (seeded sample)", () => {
  // stdnum judges "future" by the real clock; pin it, so the seeded sample means the same every day.
  const TODAY = new Date(2026, 10, 23, 12);
  beforeAll(() => jest.useFakeTimers({ now: TODAY, doNotFake: ["setTimeout", "setImmediate", "nextTick", "queueMicrotask"] }));
  afterAll(() => jest.useRealTimers());
  const today = TODAY;
  const stdnumMod11 = (d: string): boolean =>
    weightedSum(d, { weights: [4, 3, 2, 7, 6, 5, 4, 3, 2, 1], modulus: 11 }) === 0;
  // Mostly plausible dates (so many are valid), plus raw 10-digit strings.
  const pad = (n: number, w: number): string => String(n).padStart(w, "0");
  const plausible = fc
    .tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
    .map(([d, m, y, s]) => pad(d, 2) + pad(m, 2) + pad(y, 2) + pad(s, 4));
  const raw = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }).map((a) => a.join(""));

  it("date + century + future agree with stdnumCpr.validate; modulus 11 with stdnum's weightedSum", () => {
    let valid = 0;
    let future = 0;
    fc.assert(
      fc.property(fc.oneof(plausible, raw), (digits) => {
        const ours = checkCpr(digits, today);
        const theirs = stdnumCpr.validate(digits);
        if (ours.ok) valid++;
        if (!ours.ok && ours.why === "future") future++;
        expect(ours.ok).toBe(theirs.isValid);
        expect(passesModulus11(digits)).toBe(stdnumMod11(digits));
        if (ours.ok) {
          const b = stdnumCpr.getBirthDate(digits);
          expect([ours.date.year, ours.date.month, ours.date.day]).toEqual([b.getFullYear(), b.getMonth() + 1, b.getDate()]);
        }
      }),
      { seed: 20261123, numRuns: 6000 },
    );
    // The sample must actually exercise both sides of the rule.
    expect(valid).toBeGreaterThan(300);
    expect(future).toBeGreaterThan(30);
  });
});

describe("plausibleMaskedDate", () => {
  it.each([
    ["15065037", true],
    ["150650X", true], // digit 7 masked: 1950 is possible
    ["1506453", true], // 1945
    ["150645X", true], // 1945 or 2045: one is past
    ["3104903", false],
    ["290200X", true], // 2000 (digit 7 = 4) is a leap year
    ["2902000", false], // 1900 is not
  ])("%s → %s", (first7, ok) => {
    expect(plausibleMaskedDate(first7, NOW)).toBe(ok);
  });
});

describe("eCprBirthDate / substitute dates", () => {
  it.each([
    ["1506501", { year: 1950, month: 6, day: 15 }],
    ["1506507", { year: 2050, month: 6, day: 15 }],
    ["1506505", { year: 1850, month: 6, day: 15 }],
    ["1506503", undefined],
  ])("%s → %o", (first7, date) => {
    expect(eCprBirthDate(first7)).toEqual(date);
  });

  it("day + 60 resolves to the real day", () => {
    expect(cprBirthDate("7506503720", 60)).toEqual({ year: 1950, month: 6, day: 15 });
    expect(cprBirthDate("9202503720", 60)).toBeUndefined();
  });
});

describe("ageInYears", () => {
  it("counts completed years", () => {
    expect(ageInYears({ year: 1950, month: 11, day: 23 }, NOW)).toBe(76);
    expect(ageInYears({ year: 1950, month: 11, day: 24 }, NOW)).toBe(75);
  });
});
