/**
 * What the words around a number say about it (docs/design/cpr-number.md §6.1 step 5, §6.4): the
 * keywords (cpr-keywords.ts) within a window either side, a negative label right before it, a URL
 * it sits in, and whether it sits in a short table cell or list item (cpr-table-index.ts reads the
 * columns). Matching is on lower-cased, normalized text, so `CPR‑nr.` with a non-breaking hyphen counts.
 */
import { normalizeText } from "../text/normalize";
import { KEYWORDS, classOf, isWordChar } from "./cpr-keywords";
import { isLineBreak } from "./cpr-table-index";

export const DEFAULT_CONTEXT_WINDOW = 100;

/**
 * A negative keyword labels a number only when it stands close before it with no other number
 * between (`Reg.nr. 1234 kontonr. 0104851258`): a "faktura" two sentences earlier says nothing.
 */
const NEGATIVE_LABEL_GAP = 30;

/** Characters that can change how a keyword reads: dashes, spaces, invisible, full-width ASCII. */
const FOLDABLE = /[\u00A0\u00AD\u1680\u2000-\u206F\u2212\u3000\uFE58\uFE63\uFEFF\uFF01-\uFF5E]/;

/** The window lower-cased, normalized only when it holds a character that matters for keywords. */
function lower(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return (FOLDABLE.test(raw) ? normalizeText(raw) : raw).toLowerCase();
}

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

/** The keyword context of `text[start, end)` within `window` characters either side. */
export function keywordContext(text: string, start: number, end: number, window: number): KeywordContext {
  const before = lower(text, Math.max(0, start - window), start);
  const after = lower(text, end, Math.min(text.length, end + window));

  let strong = false;
  let weak = false;
  let lastStrongEnd = -1;
  let lastNegativeEnd = -1;
  let lastPNumberEnd = -1;
  const re = KEYWORDS;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(before)) !== null) {
    if (m.index > 0 && isWordChar(before.charCodeAt(m.index - 1))) continue;
    const e = m.index + m[0].length;
    const c = classOf(before, m.index);
    if (c === "strong") {
      strong = true;
      lastStrongEnd = e;
    } else if (c === "weak") weak = true;
    else if (c === "negative") lastNegativeEnd = e;
    else lastPNumberEnd = e;
  }
  re.lastIndex = 0;
  while ((m = re.exec(after)) !== null) {
    if (m.index > 0 && isWordChar(after.charCodeAt(m.index - 1))) continue;
    const c = classOf(after, m.index);
    if (c === "strong") strong = true;
    else if (c === "weak") weak = true;
  }
  const negative = labels(before, lastNegativeEnd, lastStrongEnd);
  const pNumber = labels(before, lastPNumberEnd, lastStrongEnd);

  const url = urlContext(text, start);
  return {
    strong: (strong && !negative) || url.cprParam,
    weak,
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

function isCellBreak(c: number): boolean {
  return c === 0x09 || isLineBreak(c);
}

/**
 * Does the number sit in a short cell or list item (≤ 40 other characters between the tabs or
 * line breaks around it)? Cheap, bounded: prose numbers are dismissed before any line work.
 */
export function inShortCell(text: string, start: number, end: number): boolean {
  let extra = 0;
  let i = start - 1;
  for (; i >= 0 && !isCellBreak(text.charCodeAt(i)); i--) {
    if (text.charCodeAt(i) > 0x20 && ++extra > MAX_CELL_EXTRA) return false;
    if (start - i > 2 * MAX_CELL_EXTRA + 1) return false;
  }
  for (i = end; i < text.length && !isCellBreak(text.charCodeAt(i)); i++) {
    if (text.charCodeAt(i) > 0x20 && ++extra > MAX_CELL_EXTRA) return false;
    if (i - end > 2 * MAX_CELL_EXTRA) return false;
  }
  return true;
}

