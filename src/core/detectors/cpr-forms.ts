/**
 * The exact written forms of a CPR number inside one "block" (cpr-scan.ts finds the blocks): the
 * length of each digit run decides which forms can apply before any regex runs, then each form's
 * sticky regex and the date rules (cpr-date.ts) make a Shape of it, or not.
 */
import { normalizeForMatching, isIgnorableCode as ignorableCode, type NormalizedText } from "../text/normalize";
import type { CprForm } from "../finding";
import { inShortCell as shortCell } from "./cpr-context";
import { checkCpr as check10, cprBirthDate, eCprBirthDate, isFuture, plausibleMaskedDate, type CprCheck } from "./cpr-date";

// Exact forms, matched on the normalized block (ASCII digits, `-`, ` `, `.`, mask characters).
const DOTTED = /([0-9]{2})([. -])([0-9]{2})\2([0-9]{2}) ?- ?([0-9]{4})/y;
const MASKED = /([0-9]{6})( ?- ?| )?([0-9]{0,3})([xX*\u2022#]{1,4})/y;
const SIX_FOUR = /([0-9]{6})( ?- ?| )([0-9]{4})/y;
const E_CPR = /([0-9]{6})-?([0-9])([A-Z]{2})([0-9])/y;

export type ShapeKind =
  /** A valid, non-future CPR number. */
  | "cpr"
  /** CPR-shaped but not a real or past date: kept only to judge whether a column is CPR. */
  | "invalid"
  | "partly-masked"
  | "substitute"
  /** Nine digits: a CPR number that lost its leading zero in a spreadsheet, if its column says CPR. */
  | "nine";

export interface Shape {
  readonly kind: ShapeKind;
  /** The form reported in a finding (`substitute` for substitute numbers). */
  readonly form: CprForm;
  /** How the digits were written: hyphen, space, compact or dotted (partly-masked/substitute for those). */
  readonly written: CprForm;
  /** Offsets into the scanned (original) text. */
  readonly start: number;
  readonly end: number;
  /**
   * The normalized characters (10 digits, or digits and mask characters; empty for `invalid`).
   * Internal only: used to count distinct numbers and by maskCpr; never put into a finding.
   */
  readonly digits: string;
  readonly check: Extract<CprCheck, { ok: true }> | undefined;
  /** Space form followed by a capitalised word, like a postcode and town (`100108 8900 Randers`). */
  readonly postcodeFollows: boolean;
  /** Compact form right after a 4-digit group, like a bank reg.nr and account (`1234 0104851258`). */
  readonly bankPrefix: boolean;
}

// Bound once: these run per character around every number, and a module binding read through a
// bundler's getter on each call showed up in the profile.
const isIgnorableCode = ignorableCode;
const checkCpr = check10;
const inShortCell = shortCell;

export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isDigitish(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Mask characters (`XXXX`, `****`, `••••`, `####`) and eCPR letters continue a block. */
export function isBlockTail(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || c === 0x78 || c === 0x2a || c === 0x2022 || c === 0x23;
}

function isMaskOrUpper(c: number): boolean {
  return isBlockTail(c);
}

/**
 * Are the digits at `o` the fraction of `0.`, `0,` or `-0.` (a decimal such as 0.1506503720 from a
 * calculation)? A lone zero before the point means no date can be meant.
 */
export function afterZeroPoint(text: string, o: number): boolean {
  if (o < 2) return false;
  const point = text.charCodeAt(o - 1);
  if ((point !== 0x2e && point !== 0x2c) || text.charCodeAt(o - 2) !== 0x30) return false;
  return o < 3 || !isDigitish(text.charCodeAt(o - 3));
}

/** Is the character before `index` (skipping invisible ones) a digit? */
export function digitBefore(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && isIgnorableCode(text.charCodeAt(i))) i--;
  return i >= 0 && isDigitish(text.charCodeAt(i));
}

const TOWN_AFTER = /^[ \u00A0]{1,3}[A-Z\u00C6\u00D8\u00C5][A-Za-z\u00E6\u00F8\u00E5\u00C6\u00D8\u00C5]/;

/** `1234 ` or `1234-` right before `o`: a bank reg.nr in front of an account number. */
function bankPrefixBefore(s: string, o: number): boolean {
  if (o < 5) return false;
  const sep = s.charCodeAt(o - 1);
  if (sep !== 0x20 && sep !== 0x2d) return false;
  for (let i = o - 5; i < o - 1; i++) if (!isAsciiDigit(s.charCodeAt(i))) return false;
  return o < 6 || !isAsciiDigit(s.charCodeAt(o - 6));
}

/**
 * One block. Pure-ASCII blocks (nearly all) are matched in place on `text` with absolute offsets;
 * others are normalized first and offsets are mapped back.
 */
interface Block {
  readonly text: string;
  readonly now: Date;
  readonly shapes: Shape[];
  /** What the exact forms run on: `text` itself, or the normalized block. */
  readonly src: string;
  readonly map: NormalizedText | undefined;
  /** Start of the block in `text`. */
  readonly start: number;
}

export function scanBlock(text: string, start: number, end: number, now: Date, shapes: Shape[]): void {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  const map = ascii ? undefined : normalizeForMatching(text, start, end);
  const b: Block = { text, now, shapes, src: map ? map.text : text, map, start };
  const from = map ? 0 : start;
  const to = map ? map.text.length : end;
  const src = b.src;
  let p = from;
  while (p < to) {
    if (!isAsciiDigit(src.charCodeAt(p))) {
      p++;
      continue;
    }
    let r = p + 1;
    while (r < to && isAsciiDigit(src.charCodeAt(r))) r++;
    const leftOk = (p > from || !digitBefore(text, start)) && !afterZeroPoint(text, origStart(b, p));
    const q = leftOk ? matchAt(b, p, r - p) : -1;
    p = q > p ? q : r;
  }
}

function origStart(b: Block, p: number): number {
  return b.map ? b.map.toOriginal(p) : p;
}

function origEnd(b: Block, q: number): number {
  return b.map ? b.map.toOriginalEnd(q) : q;
}

function add(
  b: Block,
  kind: ShapeKind,
  form: CprForm,
  written: CprForm,
  p: number,
  q: number,
  digits: string,
  check: Extract<CprCheck, { ok: true }> | undefined,
  postcodeFollows: boolean,
  bankPrefix: boolean,
): void {
  b.shapes.push({ kind, form, written, start: origStart(b, p), end: origEnd(b, q), digits, check, postcodeFollows, bankPrefix });
}

function digitAt(src: string, i: number): boolean {
  return i < src.length && isAsciiDigit(src.charCodeAt(i));
}

/** Try the exact forms a run of `len` digits at `p` allows; returns the end taken, or -1. */
function matchAt(b: Block, p: number, len: number): number {
  const src = b.src;
  const next = p + len < src.length ? src.charCodeAt(p + len) : -1;
  if (len === 10) {
    const o = origStart(b, p);
    const bank = bankPrefixBefore(b.text, o) || (b.map !== undefined && bankPrefixBefore(src, p));
    classify(b, src.slice(p, p + 10), "compact", p, p + 10, false, bank);
    return p + 10;
  }
  if (len === 2 && (next === 0x2e || next === 0x20 || next === 0x2d)) return dotted(b, p);
  if (len === 6 && (next === 0x2d || next === 0x20 || isMaskOrUpper(next))) {
    const q = masked(b, p);
    if (q >= 0) return q;
    const r = sixFour(b, p);
    if (r >= 0) return r;
    return eCpr(b, p);
  }
  if (len >= 7 && len <= 9 && isMaskOrUpper(next)) {
    const q = masked(b, p);
    return q >= 0 ? q : eCpr(b, p);
  }
  if (len === 9) {
    const digits = "0" + src.slice(p, p + 9);
    const check = checkCpr(digits, b.now);
    if (check.ok) add(b, "nine", "compact", "compact", p, p + 9, digits, check, false, false);
    return p + 9;
  }
  return -1;
}

function dotted(b: Block, p: number): number {
  DOTTED.lastIndex = p;
  const m = DOTTED.exec(b.src);
  if (!m || digitAt(b.src, DOTTED.lastIndex)) return -1;
  classify(b, (m[1] as string) + m[3] + m[4] + m[5], "dotted", p, DOTTED.lastIndex, false, false);
  return DOTTED.lastIndex;
}

function masked(b: Block, p: number): number {
  MASKED.lastIndex = p;
  const m = MASKED.exec(b.src);
  if (!m) return -1;
  const serialDigits = m[3] as string;
  const maskChars = m[4] as string;
  const end = MASKED.lastIndex;
  const next = end < b.src.length ? b.src.charCodeAt(end) : -1;
  if (serialDigits.length + maskChars.length !== 4 || isAsciiDigit(next) || next === 0x58 || next === 0x78 || next === 0x2a || next === 0x2022 || next === 0x23) {
    return -1;
  }
  const digits = (m[1] as string) + serialDigits + maskChars;
  // Fully masked (our own fix's output) is never a finding.
  if (serialDigits.length > 0 && plausibleMaskedDate(digits.slice(0, 7), b.now)) {
    add(b, "partly-masked", "partly-masked", "partly-masked", p, end, digits, undefined, false, false);
  }
  return end;
}

function sixFour(b: Block, p: number): number {
  SIX_FOUR.lastIndex = p;
  const m = SIX_FOUR.exec(b.src);
  if (!m || digitAt(b.src, SIX_FOUR.lastIndex)) return -1;
  const end = SIX_FOUR.lastIndex;
  const form: CprForm = (m[2] as string).indexOf("-") >= 0 ? "hyphen" : "space";
  let postcode = false;
  if (form === "space") {
    const o = origEnd(b, end);
    postcode = TOWN_AFTER.test(b.text.slice(o, o + 8));
  }
  classify(b, (m[1] as string) + m[3], form, p, end, postcode, false);
  return end;
}

function eCpr(b: Block, p: number): number {
  E_CPR.lastIndex = p;
  const m = E_CPR.exec(b.src);
  if (!m) return -1;
  const end = E_CPR.lastIndex;
  const next = end < b.src.length ? b.src.charCodeAt(end) : -1;
  if (isAsciiDigit(next) || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) return -1;
  const first7 = (m[1] as string) + m[2];
  const date = eCprBirthDate(first7);
  if (date && !isFuture(date, b.now)) add(b, "substitute", "substitute", "substitute", p, end, first7 + m[3] + m[4], undefined, false, false);
  return end;
}

function classify(b: Block, digits: string, written: CprForm, p: number, q: number, postcode: boolean, bank: boolean): void {
  const check = checkCpr(digits, b.now);
  if (check.ok) {
    add(b, "cpr", written, written, p, q, digits, check, postcode, bank);
    return;
  }
  // Substitute numbers (erstatningspersonnumre) raise the day by 60 (docs/design/cpr-number.md §1.6).
  const day = (digits.charCodeAt(0) - 48) * 10 + (digits.charCodeAt(1) - 48);
  if (day >= 61 && day <= 91) {
    const date = cprBirthDate(digits, 60);
    if (date && !isFuture(date, b.now)) {
      add(b, "substitute", "substitute", written, p, q, digits, undefined, postcode, bank);
      return;
    }
  }
  // Only a column judges invalid values, and only numbers in short cells form columns: most
  // invalid 10-digit numbers (order numbers, timestamps in prose) need no record at all.
  const o = origStart(b, p);
  const oe = origEnd(b, q);
  if (inShortCell(b.text, o, oe)) b.shapes.push({ kind: "invalid", form: written, written, start: o, end: oe, digits: "", check: undefined, postcodeFollows: postcode, bankPrefix: bank });
}
