/**
 * The date and century rules of a CPR number (docs/design/cpr-number.md §1.2–1.4). Modulus 11 is computed as a
 * confidence signal only: since 1 October 2007 the CPR office issues numbers that fail it, and it
 * calls them fully valid (docs/design/cpr-number.md §1.4), so nothing here rejects a number for failing it.
 */

export interface CprDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/**
 * The four-digit birth year from YY and the 7th digit (docs/design/cpr-number.md §1.2):
 * 0–3 → 19YY; 4, 9 → 20YY when YY ≤ 36, else 19YY; 5–8 → 20YY when YY ≤ 57, else 18YY.
 */
export function centuryYear(yy: number, digit7: number): number {
  if (digit7 <= 3) return 1900 + yy;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const max = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= max;
}

/** The last clock reading today() saw, and its date: one scan asks for every number it checks. */
let todayOf = { time: NaN, date: { year: 0, month: 0, day: 0 } as CprDate };

/**
 * Local calendar date of the injected clock: the day the user is sending on. Remembered per clock
 * reading: the three local-time getters cost more than the rest of a number's check (bench/cpr.bench.ts).
 */
function today(now: Date): CprDate {
  const time = now.getTime();
  if (time !== todayOf.time) todayOf = { time, date: { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() } };
  return todayOf.date;
}

function compareDates(a: CprDate, b: CprDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isFuture(date: CprDate, now: Date): boolean {
  return compareDates(date, today(now)) > 0;
}

/** Completed years between `date` and `now`. */
export function ageInYears(date: CprDate, now: Date): number {
  const t = today(now);
  let age = t.year - date.year;
  if (t.month < date.month || (t.month === date.month && t.day < date.day)) age--;
  return age;
}

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/** Are the first `n` characters ASCII digits? (A loop: this runs for every number in a mail.) */
function leadingDigits(s: string, n: number): boolean {
  if (s.length < n) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Weights 4 3 2 7 6 5 4 3 2 1 (docs/design/cpr-number.md §1.3). Expects 10 ASCII digits. */
export function passesModulus11(digits: string): boolean {
  if (digits.length !== 10 || !leadingDigits(digits, 10)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return sum % 11 === 0;
}

function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

/**
 * The birth date of 10 ASCII digits by the century table, or undefined when it is not a real
 * date. `dayOffset` is subtracted from the day first (60 for substitute numbers, docs/design/cpr-number.md §1.6).
 */
export function cprBirthDate(digits: string, dayOffset = 0): CprDate | undefined {
  if (!leadingDigits(digits, 7)) return undefined;
  const day = twoDigits(digits, 0) - dayOffset;
  const month = twoDigits(digits, 2);
  const year = centuryYear(twoDigits(digits, 4), digits.charCodeAt(6) - 48);
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

export type CprCheck =
  | {
      readonly ok: true;
      readonly date: CprDate;
      readonly mod11: boolean;
      readonly firstOfJanuary: boolean;
      /** Older than the oldest living Danes: lowers confidence, never rejects. */
      readonly ageOver110: boolean;
    }
  | { readonly ok: false; readonly why: "format" | "invalid-date" | "future" };

const NOT_DIGITS: CprCheck = { ok: false, why: "format" };
const NOT_A_DATE: CprCheck = { ok: false, why: "invalid-date" };
const IN_THE_FUTURE: CprCheck = { ok: false, why: "future" };

/** Validate 10 ASCII digits as a CPR number against the injected clock. */
export function checkCpr(digits: string, now: Date): CprCheck {
  if (digits.length !== 10 || !leadingDigits(digits, 10)) return NOT_DIGITS;
  const date = cprBirthDate(digits);
  if (!date) return NOT_A_DATE;
  if (isFuture(date, now)) return IN_THE_FUTURE;
  return {
    ok: true,
    date,
    mod11: passesModulus11(digits),
    firstOfJanuary: date.day === 1 && date.month === 1,
    ageOver110: ageInYears(date, now) > 110,
  };
}

/**
 * For a partly masked number (`150650-37XX`, `150650-XXXX`): is DDMMYY a real, non-future birth
 * date under some century the visible digits allow? The 7th digit may itself be masked.
 */
export function plausibleMaskedDate(first7: string, now: Date): boolean {
  if (!/^[0-9]{6}/.test(first7)) return false;
  const day = twoDigits(first7, 0);
  const month = twoDigits(first7, 2);
  const yy = twoDigits(first7, 4);
  const d7 = first7.charCodeAt(6) - 48;
  // 0, 4 and 5 stand for the three rows of the century table.
  const rows = d7 >= 0 && d7 <= 9 ? [d7] : [0, 4, 5];
  return rows.some((r) => {
    const year = centuryYear(yy, r);
    return isRealDate(year, month, day) && !isFuture({ year, month, day }, now);
  });
}

/**
 * Healthcare e-CPR (`DDMMYY C AA G`, docs/design/cpr-number.md §1.6): C gives the century (1/0 → 19YY, 7/6 → 20YY,
 * 5 → 18YY). Returns the birth date, or undefined.
 */
export function eCprBirthDate(first7: string): CprDate | undefined {
  if (!/^[0-9]{7}/.test(first7)) return undefined;
  const c = first7.charCodeAt(6) - 48;
  const yy = twoDigits(first7, 4);
  const century = c === 0 || c === 1 ? 1900 : c === 6 || c === 7 ? 2000 : c === 5 ? 1800 : -1;
  if (century < 0) return undefined;
  const day = twoDigits(first7, 0);
  const month = twoDigits(first7, 2);
  const year = century + yy;
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}
