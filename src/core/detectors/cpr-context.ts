/**
 * What the words around a number say about it (docs/design/cpr-number.md §6.1 step 5, §6.4): the
 * keywords (cpr-keywords.ts) within a window either side, a negative label right before it, a URL
 * it sits in, and whether it sits in a short table cell or list item (cpr-table-index.ts reads the
 * columns). Matching is on lower-cased, normalized text, so `CPR‑nr.` with a non-breaking hyphen counts;
 * a window of plain Latin-1 is matched as written, case-insensitively, which finds the same hits.
 */
import { normalizeText as normalize } from "../text/normalize";
import {
  KEYWORDS as ALL_KEYWORDS,
  KEYWORDS_AS_WRITTEN as ALL_AS_WRITTEN,
  classOfHit as classOfMatch,
  isWordChar as wordChar,
  isWordCharAsWritten as wordCharAsWritten,
  type KeywordClass,
} from "./cpr-keywords";

// Bound once: these run per number and per character around it, and a module binding read
// through a bundler's getter on each call showed up in the profile (bench/cpr.bench.ts).
const normalizeText = normalize;
const KEYWORDS = ALL_KEYWORDS;
const classOfHit = classOfMatch;
const isWordChar = wordChar;
const KEYWORDS_AS_WRITTEN = ALL_AS_WRITTEN;
const isWordCharAsWritten = wordCharAsWritten;

export const DEFAULT_CONTEXT_WINDOW = 100;

/**
 * A negative keyword labels a number only when it stands close before it with no other number
 * between (`Reg.nr. 1234 kontonr. 0104851258`): a "faktura" two sentences earlier says nothing.
 */
const NEGATIVE_LABEL_GAP = 30;

/** Characters that can change how a keyword reads: dashes, spaces, invisible, full-width ASCII. */
const FOLDABLE = /[\u00A0\u00AD\u1680\u2000-\u206F\u2212\u3000\uFE58\uFE63\uFEFF\uFF01-\uFF5E]/;

/** The window lower-cased, normalized only when it holds a character that matters for keywords. */
function lower(raw: string): string {
  return (FOLDABLE.test(raw) ? normalizeText(raw) : raw).toLowerCase();
}

/**
 * What keeps a window from being read as written (cpr-keywords.ts KEYWORDS_AS_WRITTEN): a
 * character beyond Latin-1, NBSP or the soft hyphen (FOLDABLE's Latin-1 members). A regex test on
 * the window's slice: half the time of a loop over its characters on the dense bench's windows
 * (0.17 against 0.34 µs a window; docs/design/cpr-number.md §6.4).
 */
const NOT_AS_WRITTEN = /[\u00A0\u00AD\u0100-\uFFFF]/;

export interface KeywordContext {
  /** A strong keyword in the window, not overruled by a closer negative label. */
  readonly strong: boolean;
  readonly weak: boolean;
  /** A negative keyword labels the number. */
  readonly negative: boolean;
  /** A P-number label: negative for the compact form only. */
  readonly pNumber: boolean;
  /** Inside a URL (not in a `cpr=` parameter). */
  readonly inUrl: boolean;
}

/**
 * A number between a label and the number it would label: five digits or more, also written in
 * groups (`20 30 40 50`, `2030 4050`, `20.30.40.50`): a phone in pairs is a number too.
 */
const NUMBER_BETWEEN = /[0-9](?:[ .\-\u00a0]?[0-9]){4}/;

/**
 * A date (12.03.2026, 27-03-2026, 1/3-26) between a label and a number: what the label is about
 * ("Faktura af 12.03.2026 nr."), not another number the label names. Not counted as a number between.
 */
const DATE_BETWEEN = /(?:^|[^0-9])[0-9]{1,2}[.\-/][0-9]{1,2}[.\-/](?:[0-9]{4}|[0-9]{2})(?![0-9])/g;

/** Does a negative keyword ending at `end` label the number that follows `before`? */
function labels(before: string, end: number, lastStrongEnd: number): boolean {
  if (end < 0 || end <= lastStrongEnd || before.length - end > NEGATIVE_LABEL_GAP) return false;
  // At most NEGATIVE_LABEL_GAP characters, and only where a negative keyword stands.
  return !NUMBER_BETWEEN.test(before.slice(end).replace(DATE_BETWEEN, " "));
}

const UNDERSCORES = /_/g;

/** The keyword hits of one window (readWindow); one object, reused: this runs for every number. */
const hits = { strong: false, weak: false, lastStrongEnd: -1, lastNegativeEnd: -1, lastPNumberEnd: -1 };

/**
 * Adds the keyword hits of `w` to `hits`: as written (case-insensitive tables) or already lower-cased.
 * Only a window before the number records where its hits end (labels()).
 */
function readWindow(window: string, asWritten: boolean, isBefore: boolean): void {
  // `_` is no word character to the rule but is one to the search's `\b` (cpr-keywords.ts
  // KEYWORDS): `#`, in no keyword and no word character to either, keeps the offsets and the hits.
  const w = window.indexOf("_") < 0 ? window : window.replace(UNDERSCORES, "#");
  const re = asWritten ? KEYWORDS_AS_WRITTEN : KEYWORDS;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(w)) !== null) {
    const at = m.index;
    if (at > 0 && (asWritten ? isWordCharAsWritten(w.charCodeAt(at - 1)) : isWordChar(w.charCodeAt(at - 1)))) {
      // Not a word start: look again from the next character, so a match read from inside a word
      // (`e-cpr` in `Renée-CPR`, `national id` in `International ID-nr.`) hides no keyword that
      // starts within it.
      re.lastIndex = at + 1;
      continue;
    }
    const c: KeywordClass = classOfHit(w, at, asWritten);
    if (c === "strong") {
      hits.strong = true;
      if (isBefore) hits.lastStrongEnd = at + m[0].length;
    } else if (c === "weak") hits.weak = true;
    else if (!isBefore) continue;
    else if (c === "negative") hits.lastNegativeEnd = at + m[0].length;
    else hits.lastPNumberEnd = at + m[0].length;
  }
}

/** The keyword context of `text[start, end)` within `window` characters either side. */
export function keywordContext(text: string, start: number, end: number, window: number): KeywordContext {
  const from = Math.max(0, start - window);
  const to = Math.min(text.length, end + window);
  const rawBefore = text.slice(from, start);
  const rawAfter = text.slice(end, to);
  const beforeAsWritten = !NOT_AS_WRITTEN.test(rawBefore);
  const afterAsWritten = !NOT_AS_WRITTEN.test(rawAfter);
  // As written, a window has the offsets of its lower-cased form: labels() reads it alike.
  const before = beforeAsWritten ? rawBefore : lower(rawBefore);
  hits.strong = false;
  hits.weak = false;
  hits.lastStrongEnd = -1;
  hits.lastNegativeEnd = -1;
  hits.lastPNumberEnd = -1;
  readWindow(before, beforeAsWritten, true);
  readWindow(afterAsWritten ? rawAfter : lower(rawAfter), afterAsWritten, false);
  const negative = labels(before, hits.lastNegativeEnd, hits.lastStrongEnd);
  const pNumber = labels(before, hits.lastPNumberEnd, hits.lastStrongEnd);

  const url = urlContext(text, start);
  return {
    strong: (hits.strong && !negative) || url.cprParam,
    weak: hits.weak,
    negative,
    pNumber,
    inUrl: url.inUrl && !url.cprParam,
  };
}

const URL_LOOKBACK = 512;

function isTokenBreak(c: number): boolean {
  return c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

const NOT_IN_URL = { inUrl: false, cprParam: false };

/** Is `start` inside a URL-looking token, and is the number a `cpr=` parameter's value? */
function urlContext(text: string, start: number): { inUrl: boolean; cprParam: boolean } {
  let i = start;
  const stop = Math.max(0, start - URL_LOOKBACK);
  let colon = false;
  while (i > stop && !isTokenBreak(text.charCodeAt(i - 1))) {
    i--;
    if (text.charCodeAt(i) === 0x3a) colon = true;
  }
  const www = start - i >= 4 && (text.charCodeAt(i) | 0x20) === 0x77 && text.slice(i, i + 4).toLowerCase() === "www.";
  if (!colon && !www) return NOT_IN_URL;
  const token = text.slice(i, start).toLowerCase();
  const inUrl = token.indexOf("://") >= 0 || www;
  return { inUrl, cprParam: inUrl && /[?&;]cpr(?:nr|-nr|_nr)?=$/.test(token) };
}

/** A table cell or list item holds little besides the number; prose does not. */
const MAX_CELL_EXTRA = 40;

/** A tab or line break (isLineBreak in cpr-table-index.ts), written out: this runs per character. */
function isCellBreak(c: number): boolean {
  return c <= 0x20 ? c === 0x09 || c === 0x0a || c === 0x0d : c === 0x85 || c === 0x2028 || c === 0x2029;
}

/**
 * Does the number sit in a short cell or list item (≤ 40 other characters between the tabs or
 * line breaks around it)? Cheap, bounded: prose numbers are dismissed before any line work. It
 * runs for most 10-digit numbers in mail (order numbers, timestamps), so each character costs one
 * read and, for the visible ones, one count.
 */
export function inShortCell(text: string, start: number, end: number): boolean {
  let extra = 0;
  const backStop = start - 2 * MAX_CELL_EXTRA - 2;
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isCellBreak(c)) break;
    if (c > 0x20 && ++extra > MAX_CELL_EXTRA) return false;
    if (i <= backStop) return false;
  }
  const n = text.length;
  const forwardStop = end + 2 * MAX_CELL_EXTRA + 1;
  for (let i = end; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isCellBreak(c)) break;
    if (c > 0x20 && ++extra > MAX_CELL_EXTRA) return false;
    if (i >= forwardStop) return false;
  }
  return true;
}

