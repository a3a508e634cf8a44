/**
 * Finding the keywords in a number's window (cpr-context.ts), fast. The keyword regex
 * (cpr-keywords.ts) tries its alternatives at every position, and in Danish text nearly every
 * position is a letter some keyword starts with: per number, that was the costliest step of the
 * rule (bench/cpr.bench.ts). Here a table of the first three characters a keyword can start with,
 * expanded from the word list itself when the module loads, says where a match can begin; the
 * regex runs only there, in order, each match using up its text as the regex scan's would. So the
 * hits are the regex scan's exactly. A window holding a character that lower-casing or
 * normalizing could change into something else than one lower-case Latin-1 character takes the
 * regex path (keywordHitsByRegex), as does every window if the table cannot be built.
 */
import { normalizeText } from "../text/normalize";
import { ALL_WORDS, KEYWORDS, KEYWORD_AT, classOf as classAt, isWordChar as wordChar } from "./cpr-keywords";

// Bound once: called per number, and a module binding may be read through a getter per call.
const classOf = classAt;
const isWordChar = wordChar;

export interface KeywordHits {
  strong: boolean;
  weak: boolean;
  /** Ends of the last hit of each class, as offsets in the window; -1 when none. Before-window only. */
  lastStrongEnd: number;
  lastNegativeEnd: number;
  lastPNumberEnd: number;
}

/** Characters that can change how a keyword reads: dashes, spaces, invisible, full-width ASCII. */
const FOLDABLE = /[\u00A0\u00AD\u1680\u2000-\u206F\u2212\u3000\uFE58\uFE63\uFEFF\uFF01-\uFF5E]/;

/** The window lower-cased, normalized only when it holds a character that matters for keywords. */
export function lowerWindow(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return (FOLDABLE.test(raw) ? normalizeText(raw) : raw).toLowerCase();
}

/** A match of the keyword regex is never longer than this (the longest keyword is 30 characters). */
const MAX_HIT = 40;

/**
 * The strings a keyword pattern matches, cut to `n` characters. Our syntax only: literals, `\\x`,
 * `[…]` with ranges, `?`, `(?:…|…)`, and look-aheads (which match nothing). Undefined for anything else.
 */
export function keywordPrefixes(pattern: string, n: number): string[] | undefined {
  let i = 0;
  let ok = true;
  const join = (acc: string[], atom: string[]): string[] => {
    const out: string[] = [];
    for (const a of acc) for (const b of atom) if (out.indexOf((a + b).slice(0, n)) < 0) out.push((a + b).slice(0, n));
    return out;
  };
  const charClass = (): string[] => {
    const chars: string[] = [];
    i++;
    while (i < pattern.length && pattern.charAt(i) !== "]") {
      let c = pattern.charAt(i++);
      if (c === "\\") c = pattern.charAt(i++);
      if (pattern.charAt(i) === "-" && pattern.charAt(i + 1) !== "]" && i + 1 < pattern.length) {
        const to = pattern.charCodeAt(i + 1);
        i += 2;
        for (let k = c.charCodeAt(0); k <= to; k++) chars.push(String.fromCharCode(k));
      } else chars.push(c);
    }
    i++;
    return chars;
  };
  const atom = (): string[] | null => {
    const c = pattern.charAt(i);
    if (c === "[") return charClass();
    if (c === "\\") {
      i += 2;
      return [pattern.charAt(i - 1)];
    }
    if (c === "(") {
      const kind = pattern.slice(i, i + 3);
      i += 3;
      const inner = alternatives();
      i++;
      if (kind === "(?:") return inner;
      if (kind !== "(?!" && kind !== "(?=") ok = false;
      return null;
    }
    if ("*+{}.^$".indexOf(c) >= 0) ok = false;
    i++;
    return [c];
  };
  const sequence = (): string[] => {
    let acc = [""];
    while (ok && i < pattern.length && pattern.charAt(i) !== "|" && pattern.charAt(i) !== ")") {
      let a = atom();
      if (a === null) continue;
      if (pattern.charAt(i) === "?") {
        i++;
        a = a.concat([""]);
      }
      acc = join(acc, a);
    }
    return acc;
  };
  const alternatives = (): string[] => {
    let out = sequence();
    while (ok && pattern.charAt(i) === "|") {
      i++;
      out = out.concat(sequence());
    }
    return out;
  };
  const all = alternatives();
  return ok && i === pattern.length ? all : undefined;
}

/** Lower-case of a character in a window that takes the table path (ASCII and Latin-1 only). */
function lowerCode(c: number): number {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
}

/** A symbol (1–31) per lower-cased character a keyword can start with; 0 for any other. */
const SYMBOL = new Uint8Array(256);
/** Which three symbols can start a keyword: (s0 << 10) | (s1 << 5) | s2. */
const STARTS = new Uint8Array(32768);

function buildStarts(): boolean {
  let next = 1;
  for (const word of ALL_WORDS) {
    const prefixes = keywordPrefixes(word, 3);
    if (!prefixes) return false;
    for (const p of prefixes) {
      if (p.length < 3) return false;
      let key = 0;
      for (let k = 0; k < 3; k++) {
        const c = p.charCodeAt(k);
        if (c > 0xff || c !== lowerCode(c)) return false;
        if (SYMBOL[c] === 0) {
          if (next > 31) return false;
          SYMBOL[c] = next++;
        }
        key = (key << 5) | (SYMBOL[c] as number);
      }
      STARTS[key] = 1;
    }
  }
  return true;
}

const TABLE_OK = buildStarts();

/** Only ASCII and Latin-1 letters (and ×, ÷): lower-casing maps each to one character, and nothing is normalized. */
function plainWindow(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && (c < 0xc0 || c > 0xff)) return false;
  }
  return true;
}

function record(h: KeywordHits, sub: string, end: number, labels: boolean): void {
  const c = classOf(sub, 0);
  if (c === "strong") {
    h.strong = true;
    if (labels) h.lastStrongEnd = end;
  } else if (c === "weak") h.weak = true;
  else if (labels && c === "negative") h.lastNegativeEnd = end;
  else if (labels) h.lastPNumberEnd = end;
}

/**
 * The keyword hits at word starts in the window text[from, to), lower-cased and normalized, into
 * `h`; with `labels`, also where the last hit of each class ends (the window before a number).
 */
export function keywordHits(text: string, from: number, to: number, h: KeywordHits, labels: boolean): void {
  if (!TABLE_OK || !plainWindow(text, from, to)) {
    keywordHitsByRegex(lowerWindow(text, from, to), h, labels);
    return;
  }
  const sym = (i: number): number => (i < to ? (SYMBOL[lowerCode(text.charCodeAt(i))] as number) : 0);
  let p = from;
  let s0 = sym(p);
  let s1 = sym(p + 1);
  while (p + 3 <= to) {
    const s2 = sym(p + 2);
    if (s0 !== 0 && s1 !== 0 && s2 !== 0 && STARTS[(s0 << 10) | (s1 << 5) | s2] !== 0) {
      const sub = text.slice(p, p + MAX_HIT < to ? p + MAX_HIT : to).toLowerCase();
      const m = KEYWORD_AT.exec(sub);
      if (m !== null) {
        const end = p + m[0].length;
        if (p === from || !isWordChar(lowerCode(text.charCodeAt(p - 1)))) record(h, sub, end - from, labels);
        // The match uses its text up, as the regex scan's does: go on after it.
        p = end;
        s0 = sym(p);
        s1 = sym(p + 1);
        continue;
      }
    }
    s0 = s1;
    s1 = s2;
    p++;
  }
}

/** The same with the keyword regex over the lower-cased, normalized window `s`. */
export function keywordHitsByRegex(s: string, h: KeywordHits, labels: boolean): void {
  const re = KEYWORDS;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(s)) !== null) {
    if (m.index > 0 && isWordChar(s.charCodeAt(m.index - 1))) continue;
    record(h, s.slice(m.index, m.index + MAX_HIT), m.index + m[0].length, labels);
  }
}
