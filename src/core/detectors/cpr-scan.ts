/**
 * Finds every string shaped like a CPR number in a text (docs/design/cpr-number.md §6.1 steps 2–4), validated, but
 * not yet scored: scoring needs the context (cpr-context.ts) and the rest of the message (cpr.ts).
 *
 * How it stays fast (bench/cpr.bench.ts):
 * - One regex pass over the raw text finds "triggers": six digits in a row, a dotted `DD.MM.YY-`
 *   date, or a digit followed by an invisible character. Every alternative starts with two digits
 *   (or is rare), so V8 can skip through prose Boyer–Moore style; widening the first character
 *   class (say with superscript digits) made the pass several times slower, which is why only
 *   ASCII and full-width digits start a number (NFKC's other digits are not looked for).
 * - Around a trigger, the "block" (digits, separators, mask characters) is read by hand; only a
 *   block with non-ASCII characters is normalized (normalize.ts, with its offset map).
 * - In the block, the length of each digit run decides which exact forms can apply before any
 *   regex runs: most numbers in mail (phone, CVR, amounts) are rejected by that alone.
 *
 * No lookbehind, named groups, `s` flag or `\p{}`: core must run in classic Outlook's ES2016
 * runtime, and swc cannot lower regex syntax. Digit boundaries are checked by hand instead.
 */
import { isIgnorableCode as ignorableCode, isDashCode as dashCode, isSpaceCode as spaceCode } from "../text/normalize";
import { inShortCell as shortCell } from "./cpr-context";
import { isAsciiDigit as asciiDigit, isBlockTail as blockTail, isDigitish as digitish, scanBlock as block, type Shape } from "./cpr-forms";

export type { Shape, ShapeKind } from "./cpr-forms";

const DIG = "[0-9\\uFF10-\\uFF19]";
const IGN = "[\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]";
const SPACES = " \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000";
const DASHES = "\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D";
/** Between the parts of a dotted date: `.`, a space or a dash. */
const DATE_SEP = "[." + SPACES + DASHES + "]";

/** See the file comment. KEEP IN SYNC with the exact forms below: every form must contain a trigger. */
const TRIGGER = new RegExp(
  DIG + DIG + "(?:" + DIG + "{4}|" + DATE_SEP + DIG + "{2}" + DATE_SEP + DIG + "{2}[" + SPACES + "]?[" + DASHES + "])" +
    "|" + DIG + IGN,
  "g",
);

// Bound once: these run per character around every number, and a module binding read through a
// bundler's getter on each call showed up in the profile.
const isIgnorableCode = ignorableCode;
const isDashCode = dashCode;
const isSpaceCode = spaceCode;
const inShortCell = shortCell;
const isAsciiDigit = asciiDigit;
const isBlockTail = blockTail;
const isDigitish = digitish;
const scanBlock = block;

/** Inside a block: `.`, spaces, dashes, invisible characters. Never tab or a line break. */
function isBlockSep(c: number): boolean {
  if (c < 0xa0) return c === 0x2e || c === 0x20 || c === 0x2d;
  return isSpaceCode(c) || isDashCode(c) || isIgnorableCode(c);
}

/** Replace the line breaks a match may cross with a zero-width space: same offsets, and ignorable. */
export function applySoftBreaks(text: string, softBreaks: readonly number[] | undefined): string {
  if (!softBreaks || softBreaks.length === 0) return text;
  const chars = text.split("");
  for (const b of softBreaks) {
    if (!Number.isInteger(b) || b < 0 || b >= chars.length) continue;
    const c = chars[b];
    if (c === "\r") {
      chars[b] = "\u200B";
      if (chars[b + 1] === "\n") chars[b + 1] = "\u200B";
    } else if (c === "\n" || c === "\u2028" || c === "\u2029" || c === "\u0085") {
      chars[b] = "\u200B";
    }
  }
  return chars.join("");
}

const MAX_BACKTRACK = 32;

/** Where the block around a trigger at `t` starts: back over digits and separators to a digit. */
function blockStartFrom(text: string, t: number): number {
  let s = t;
  let i = t - 1;
  const stop = t > MAX_BACKTRACK ? t - MAX_BACKTRACK : 0;
  while (i >= stop) {
    let j = i;
    let seps = 0;
    while (j >= stop && seps < 3 && isBlockSep(text.charCodeAt(j))) {
      j--;
      seps++;
    }
    if (j < stop || !isDigitish(text.charCodeAt(j))) break;
    s = j;
    i = j - 1;
  }
  return s;
}

/** Where the block starting at `s` ends: digits, separators (≤ 3 in a row) and mask characters. */
function blockEndFrom(text: string, s: number): number {
  const n = text.length;
  let i = s;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigitish(c) || (i > s && isBlockTail(c))) {
      i++;
      continue;
    }
    if (!isBlockSep(c)) break;
    let j = i + 1;
    while (j < n && j - i < 3 && isBlockSep(text.charCodeAt(j))) j++;
    if (j < n && (isDigitish(text.charCodeAt(j)) || isBlockTail(text.charCodeAt(j)))) i = j;
    else break;
  }
  return i;
}

/** What scanShapes returns when it finds nothing; frozen, so no caller can add to the shared one. */
const NO_SHAPES: Shape[] = [];
Object.freeze(NO_SHAPES);

/**
 * Every CPR-shaped string in `text`, in order, with its validation. `exhaustive` turns off the
 * skipUselessRun shortcut: a seeded test checks both ways give the same shapes.
 */
export function scanShapes(text: string, now: Date, exhaustive = false): Shape[] {
  // Made at the first block: most lines of a long file hold no number.
  let shapes: Shape[] | undefined;
  const trigger = TRIGGER;
  trigger.lastIndex = 0;
  let done = 0;
  // test(), not exec(): no match array per number. The block walk finds the start again.
  while (trigger.test(text)) {
    const hit = trigger.lastIndex;
    const skip = exhaustive ? 0 : skipUselessRun(text, hit);
    if (skip > 0) {
      trigger.lastIndex = skip;
      continue;
    }
    // Comparisons, not Math.max: no global lookup per number (docs/design/outlook-runtime.md).
    const start = blockStartFrom(text, hit - 1);
    const s = start > done ? start : done;
    const end = blockEndFrom(text, s);
    const e = end > hit ? end : hit;
    if (shapes === undefined) shapes = [];
    scanBlock(text, s, e, now, shapes);
    done = e;
    trigger.lastIndex = e;
  }
  return shapes === undefined || shapes.length === 0 ? NO_SHAPES : shapes;
}

/**
 * Most triggers are phone, CVR and other 8-digit numbers. For the plain case (six ASCII digits
 * after an ordinary character), a digit run whose length no CPR form uses (7, 8, 11+) and that no
 * mask character or invisible character continues is skipped before any block work.
 * Returns where to continue, or 0 to take the full path.
 */
export function skipUselessRun(text: string, hit: number): number {
  const t = hit - 6;
  if (t < 0) return 0;
  for (let i = t; i < hit; i++) if (!isAsciiDigit(text.charCodeAt(i))) return 0;
  if (t > 0) {
    const before = text.charCodeAt(t - 1);
    if (isDigitish(before) || isIgnorableCode(before)) return 0;
  }
  let e = hit;
  while (e < text.length && isAsciiDigit(text.charCodeAt(e))) e++;
  const len = e - t;
  if (len !== 7 && len !== 8 && len !== 10 && len < 11) return 0;
  if (e < text.length) {
    const next = text.charCodeAt(e);
    if (isIgnorableCode(next) || isBlockTail(next) || isDigitish(next)) return 0;
  }
  if (len === 10) {
    // Order numbers, timestamps …: a 10-digit run whose DDMM can be no date (nor day+60) is
    // recorded only where a column could count it (see classify).
    const dd = (text.charCodeAt(t) - 48) * 10 + (text.charCodeAt(t + 1) - 48);
    const mm = (text.charCodeAt(t + 2) - 48) * 10 + (text.charCodeAt(t + 3) - 48);
    const maybeDate = ((dd >= 1 && dd <= 31) || (dd >= 61 && dd <= 91)) && mm >= 1 && mm <= 12;
    if (maybeDate || inShortCell(text, t, e)) return 0;
  }
  return e;
}
