/**
 * What the words around a number say about it (cpr.md §6.1 step 5, §6.4): Danish and English
 * keywords within a window in the same segment, URLs, and table columns or lists headed "CPR".
 * Matching is on lower-cased, normalized text, so `CPR‑nr.` with a non-breaking hyphen counts.
 */
import { normalizeForMatching } from "../text/normalize";

export const DEFAULT_CONTEXT_WINDOW = 100;

/**
 * A negative keyword labels a number only when it stands close before it with no other number
 * between (`Reg.nr. 1234 kontonr. 0104851258`): a "faktura" two sentences earlier says nothing.
 */
const NEGATIVE_LABEL_GAP = 30;

/** Strong: names the CPR number itself. `cpr` alone covers cpr-nr, cprnr, cpr.nr, cpr-nummer, cpr#. */
const STRONG = new RegExp(
  [
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
  ].join("|"),
  "g",
);

/** Weak: makes a person's number likely, but alone never HIGH. */
const WEAK = new RegExp(
  [
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
  ].join("|"),
  "g",
);

/** Negative: the number is a phone, account, business, commerce or case number, or a timestamp. */
const NEGATIVE = new RegExp(
  [
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
  ].join("|"),
  "g",
);

/** P-numbers (production units) are written as 10 digits: negative for the compact form only. */
const P_NUMBER = /p[-. ]?n(?:umme)?r(?![a-z])|produktionsenhed/g;

interface Hit {
  readonly start: number;
  readonly end: number;
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xe0 && c <= 0xff && c !== 0xf7);
}

/** All hits of `re` in `s` that do not start inside a word (the lookbehind we may not write). */
function hits(re: RegExp, s: string): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m.index === 0 || !isWordChar(s.charCodeAt(m.index - 1))) out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function lower(text: string, start: number, end: number): string {
  return normalizeForMatching(text, start, end).text.toLowerCase();
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

/** The keyword context of `text[start, end)` within `window` characters either side. */
export function keywordContext(text: string, start: number, end: number, window: number): KeywordContext {
  const before = lower(text, Math.max(0, start - window), start);
  const after = lower(text, end, Math.min(text.length, end + window));

  const strongHits = hits(STRONG, before).concat(hits(STRONG, after));
  const lastStrongBefore = lastOf(hits(STRONG, before));
  const label = (h: Hit | undefined): boolean =>
    h !== undefined &&
    before.length - h.end <= NEGATIVE_LABEL_GAP &&
    !LONG_DIGIT_RUN.test(before.slice(h.end)) &&
    (lastStrongBefore === undefined || h.end > lastStrongBefore.end);
  const negative = label(lastOf(hits(NEGATIVE, before)));
  const pNumber = label(lastOf(hits(P_NUMBER, before)));

  const url = urlContext(text, start);
  return {
    strong: (strongHits.length > 0 && !negative) || url.cprParam,
    weak: hits(WEAK, before).length > 0 || hits(WEAK, after).length > 0,
    negative,
    pNumber,
    inUrl: url.inUrl && !url.cprParam,
  };
}

function lastOf<T>(a: readonly T[]): T | undefined {
  return a.length > 0 ? a[a.length - 1] : undefined;
}

const URL_LOOKBACK = 512;

function isTokenBreak(c: number): boolean {
  return c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

/** Is `start` inside a URL-looking token, and is the number a `cpr=` parameter's value? */
function urlContext(text: string, start: number): { inUrl: boolean; cprParam: boolean } {
  let i = start;
  const stop = Math.max(0, start - URL_LOOKBACK);
  while (i > stop && !isTokenBreak(text.charCodeAt(i - 1))) i--;
  const token = text.slice(i, start).toLowerCase();
  const inUrl = token.indexOf("://") >= 0 || token.lastIndexOf("www.", 0) === 0;
  return { inUrl, cprParam: inUrl && /[?&;]cpr(?:nr|-nr|_nr)?=$/.test(token) };
}

/** Does a header cell or list label name the CPR number? Short, with no number in it. */
export function isCprHeader(cell: string): boolean {
  const t = normalizeForMatching(cell).text.toLowerCase().trim();
  if (t.length === 0 || t.length > 60 || LONG_DIGIT_RUN.test(t)) return false;
  return hits(STRONG, t).length > 0;
}

const LINE_LOOK = 4096;
const MAX_RUN_LINES = 5000;

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

export interface ColumnPlace {
  /** Identifies the table column (or list) the offset belongs to within this text. */
  readonly key: string;
  /** The run's first line names the CPR number in this column. */
  readonly headed: boolean;
  /** The number's line is a table row or a short list item, not prose. */
  readonly listLike: boolean;
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
    const i = this.text.indexOf("\t", l.start);
    return i >= 0 && i < l.end;
  }

  private isBlank(l: { start: number; end: number }): boolean {
    return this.text.slice(l.start, l.end).trim() === "";
  }

  private runStart(line: { start: number; end: number }, tabbed: boolean): number {
    const known = this.runStartOf.get(line.start);
    if (known !== undefined) return known;
    const visited: number[] = [line.start];
    let cur = line;
    let result = line.start;
    for (let n = 0; n < MAX_RUN_LINES; n++) {
      const prev = this.previousLine(cur.start);
      if (!prev || this.isBlank(prev) || this.hasTab(prev) !== tabbed) {
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

  /** The column place of `offset`, or undefined when its line is too long to be a table row. */
  place(offset: number, end: number): ColumnPlace | undefined {
    const line = this.lineBounds(offset);
    if (!line) return undefined;
    const tabbed = this.hasTab(line);
    let column = 0;
    let cellStart = line.start;
    for (let i = this.text.indexOf("\t", line.start); i >= 0 && i < offset; i = this.text.indexOf("\t", i + 1)) {
      column++;
      cellStart = i + 1;
    }
    const runStart = this.runStart(line, tabbed);
    let headed = false;
    if (runStart !== line.start) {
      const header = this.lineBounds(runStart);
      if (header) {
        const cells = this.text.slice(header.start, header.end).split("\t");
        const cell = tabbed ? cells[column] : this.text.slice(header.start, header.end);
        headed = cell !== undefined && isCprHeader(cell);
      }
    }
    let cellEnd = this.text.indexOf("\t", end);
    if (cellEnd < 0 || cellEnd > line.end) cellEnd = line.end;
    const rest = this.text.slice(cellStart, offset).trim().length + this.text.slice(end, cellEnd).trim().length;
    const listLike = tabbed || rest <= 40;
    return { key: runStart + ":" + column, headed: headed && listLike, listLike };
  }
}
