/**
 * What the words around a number say about it (docs/design/cpr-number.md §6.1 step 5, §6.4): Danish and English
 * keywords within a window in the same segment, URLs, and table columns or lists headed "CPR".
 * Matching is on lower-cased, normalized text, so `CPR‑nr.` with a non-breaking hyphen counts.
 */
import { normalizeText } from "../text/normalize";

export const DEFAULT_CONTEXT_WINDOW = 100;

/**
 * A negative keyword labels a number only when it stands close before it with no other number
 * between (`Reg.nr. 1234 kontonr. 0104851258`): a "faktura" two sentences earlier says nothing.
 */
const NEGATIVE_LABEL_GAP = 30;

/** Strong: names the CPR number itself. `cpr` alone covers cpr-nr, cprnr, cpr.nr, cpr-nummer, cpr#. */
const STRONG_WORDS = [
  "e-?cpr",
  "cpr",
  "person ?-?n(?:umme)?r",
  "pers\\. ?nr",
  "personregist",
  "sygesikring",
  "sundhedskort",
  "civil registration",
  "personal identi(?:fication|ty) (?:number|no)",
  "personal id (?:number|no)",
  "social security",
  "national id",
  "ssn(?![a-z])",
];

/** Weak: makes a person's number likely, but alone never HIGH. */
const WEAK_WORDS = [
  "f\u00f8dt",
  "f\u00f8dsels(?:dato|dag|nummer)",
  "borger",
  "barnets",
  "ans\u00f8ger",
  "klient",
  "id[-. ]?nr(?![a-z])",
  "date of birth",
  "born(?![a-z])",
  "citizen",
  "applicant",
];

/** Negative: the number is a phone, account, business, commerce or case number, or a timestamp. */
const NEGATIVE_WORDS = [
  "tlf",
  "telefon",
  "mobil",
  "fax(?![a-z])",
  "phone",
  "reg\\.? ?-?nr",
  "registreringsn",
  "konto(?:nr|nummer|en|s)?(?![a-z\u00e0-\u00ff])",
  "bank",
  "iban",
  "swift",
  "bic(?![a-z])",
  "account",
  "cvr",
  "se[-. ]?nr",
  "ean(?![a-z])",
  "gln(?![a-z])",
  "faktura",
  "invoice",
  "ordre",
  "order ?(?:no|nr|number)",
  "kunde ?[-.]? ?n(?:umme)?r",
  "vare ?[-.]? ?n(?:umme)?r",
  "lev\\.? ?-?nr",
  "sags? ?[-.]? ?n(?:umme)?r",
  "j\\.? ?nr",
  "journal",
  "postn(?:umme)?r",
  "isbn",
  "serie ?[-.]? ?n(?:umme)?r",
  "pakke ?[-.]? ?n(?:umme)?r",
  "track",
  "ts=",
  "timestamp",
  "tidsstempel",
];

/** P-numbers (production units) are written as 10 digits: negative for the compact form only. */
const P_NUMBER_WORDS = ["p[-. ]?n(?:umme)?r(?![a-z])", "produktionsenhed"];

/**
 * Alternatives grouped by first letter (`c(?:pr|ivil registration|vr)|…`): with ~60 of them, V8
 * otherwise tries each one at every position of every window. Every entry starts with a literal
 * letter, so the grouping is exact; within a letter the list order is kept.
 */
function byFirstLetter(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const first = w.charAt(0);
    const list = groups.get(first) ?? [];
    list.push(w.slice(1));
    groups.set(first, list);
  }
  const parts: string[] = [];
  groups.forEach((rests, first) => parts.push(first + "(?:" + rests.join("|") + ")"));
  return parts.join("|");
}

const anchored = (words: readonly string[]): RegExp => new RegExp("^(?:" + words.join("|") + ")");
const STRONG_AT = anchored(STRONG_WORDS);
const WEAK_AT = anchored(WEAK_WORDS);
const NEGATIVE_AT = anchored(NEGATIVE_WORDS);

/** Every keyword; a hit's class is looked up afterwards (hits are few, positions many). */
const KEYWORDS = new RegExp(byFirstLetter(STRONG_WORDS.concat(WEAK_WORDS, NEGATIVE_WORDS, P_NUMBER_WORDS)), "g");
const STRONG = new RegExp(byFirstLetter(STRONG_WORDS), "g");
const NEGATIVE = new RegExp(byFirstLetter(NEGATIVE_WORDS.concat(P_NUMBER_WORDS)), "g");

type KeywordClass = "strong" | "weak" | "negative" | "p-number";

/** The class of the keyword hit starting at `at`. */
function classOf(s: string, at: number): KeywordClass {
  const rest = s.slice(at, at + 40);
  if (STRONG_AT.test(rest)) return "strong";
  if (WEAK_AT.test(rest)) return "weak";
  if (NEGATIVE_AT.test(rest)) return "negative";
  return "p-number";
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xe0 && c <= 0xff && c !== 0xf7);
}

/** Does `re` hit `s` at a word start (the lookbehind we may not write)? */
function hasHit(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m.index === 0 || !isWordChar(s.charCodeAt(m.index - 1))) return true;
  }
  return false;
}

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

const LONG_DIGIT_RUN = /[0-9]{5}/;
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

/** A header cell or list label: short, with no number in it; lower-cased and normalized. */
function headerText(cell: string): string | undefined {
  const t = normalizeText(cell).toLowerCase().trim();
  return t.length === 0 || t.length > 60 || LONG_DIGIT_RUN.test(t) ? undefined : t;
}

/** Does a header cell or list label name the CPR number? */
export function isCprHeader(cell: string): boolean {
  const t = headerText(cell);
  return t !== undefined && hasHit(STRONG, t);
}

/**
 * Does a header cell name another kind of number (Fakturanr., Sagsnr., Kontonr., P-nummer) and no
 * CPR number? Invoice, case and log numbers often start with a date (1503260017): such a column
 * passes the ≥ 80 %-valid-dates test, and its header says what it is.
 */
export function isOtherNumberHeader(cell: string): boolean {
  const t = headerText(cell);
  return t !== undefined && !hasHit(STRONG, t) && hasHit(NEGATIVE, t);
}

const LINE_LOOK = 4096;
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
/** Longer tables are judged in chunks of this many rows (the ≥ 80 %-valid rule still holds). */
const MAX_RUN_LINES = 1000;
/** A list item or label line; longer lines without tabs are prose and end a list. */
const MAX_LIST_LINE = 100;

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

export interface ColumnPlace {
  /** Identifies the table column (or list) the offset belongs to within this text. */
  readonly key: string;
  /** The run's first line names the CPR number in this column. */
  readonly headed: boolean;
  /** The run's first line names another kind of number in this column (isOtherNumberHeader). */
  readonly otherHeaded: boolean;
}

/**
 * Where offsets sit in the text's table structure: htmlToText writes table cells as tabs and rows
 * as lines, so a run of consecutive lines with tabs is a table whose first line is the header.
 * A run of short lines without tabs is a list whose first line may be a label ("CPR-numre:").
 * Lines are found lazily and memoized, so many numbers in one long table stay linear.
 */
export class TableIndex {
  private readonly runStartOf = new Map<number, number>();

  constructor(private readonly text: string) {}

  private lineBounds(offset: number): { start: number; end: number } | undefined {
    const t = this.text;
    let s = offset;
    const sStop = Math.max(0, offset - LINE_LOOK);
    while (s > sStop && !isLineBreak(t.charCodeAt(s - 1))) s--;
    if (s > 0 && !isLineBreak(t.charCodeAt(s - 1))) return undefined;
    let e = offset;
    const eStop = Math.min(t.length, offset + LINE_LOOK);
    while (e < eStop && !isLineBreak(t.charCodeAt(e))) e++;
    if (e < t.length && !isLineBreak(t.charCodeAt(e))) return undefined;
    return { start: s, end: e };
  }

  private previousLine(lineStart: number): { start: number; end: number } | undefined {
    if (lineStart === 0) return undefined;
    let e = lineStart - 1;
    // \r\n is one break.
    if (e > 0 && this.text.charCodeAt(e) === 0x0a && this.text.charCodeAt(e - 1) === 0x0d) e--;
    return this.lineBounds(e);
  }

  private hasTab(l: { start: number; end: number }): boolean {
    for (let i = l.start; i < l.end; i++) if (this.text.charCodeAt(i) === 0x09) return true;
    return false;
  }

  private isBlank(l: { start: number; end: number }): boolean {
    for (let i = l.start; i < l.end; i++) if (this.text.charCodeAt(i) > 0x20) return false;
    return true;
  }

  private readonly headerCache = new Map<string, "cpr" | "other" | "none">();

  /** What the header cell of `column` in the run starting at `runStart` names. */
  private headerKind(runStart: number, column: number, tabbed: boolean): "cpr" | "other" | "none" {
    const key = runStart + ":" + column;
    const known = this.headerCache.get(key);
    if (known !== undefined) return known;
    const header = this.lineBounds(runStart);
    let result: "cpr" | "other" | "none" = "none";
    if (header) {
      const line = this.text.slice(header.start, header.end);
      const cell = tabbed ? line.split("\t")[column] : line;
      if (cell !== undefined) result = isCprHeader(cell) ? "cpr" : isOtherNumberHeader(cell) ? "other" : "none";
    }
    this.headerCache.set(key, result);
    return result;
  }

  private runStart(line: { start: number; end: number }, tabbed: boolean): number {
    const known = this.runStartOf.get(line.start);
    if (known !== undefined) return known;
    const visited: number[] = [line.start];
    let cur = line;
    let result = line.start;
    for (let n = 0; n < MAX_RUN_LINES; n++) {
      const prev = this.previousLine(cur.start);
      if (!prev || this.isBlank(prev) || this.hasTab(prev) !== tabbed || (!tabbed && prev.end - prev.start > MAX_LIST_LINE)) {
        result = cur.start;
        break;
      }
      const memo = this.runStartOf.get(prev.start);
      if (memo !== undefined) {
        result = memo;
        break;
      }
      visited.push(prev.start);
      cur = prev;
      result = cur.start;
    }
    for (const v of visited) this.runStartOf.set(v, result);
    return result;
  }

  /**
   * The column place of `offset`, or undefined when its line is too long to be a table row.
   * Call only for numbers in a short cell (inShortCell).
   */
  place(offset: number): ColumnPlace | undefined {
    const line = this.lineBounds(offset);
    if (!line) return undefined;
    const tabbed = this.hasTab(line);
    let column = 0;
    for (let i = line.start; i < offset; i++) if (this.text.charCodeAt(i) === 0x09) column++;
    const runStart = this.runStart(line, tabbed);
    const header = runStart !== line.start ? this.headerKind(runStart, column, tabbed) : "none";
    return { key: runStart + ":" + column, headed: header === "cpr", otherHeaded: header === "other" };
  }
}
