/**
 * The keyword tables of the CPR rule (docs/design/cpr-number.md §6.1 step 5, §6.4): Danish and
 * English words that name a CPR number (strong), make a person's number likely (weak), or say the
 * number is something else (negative; P-numbers for the compact form only). Matched on lower-cased,
 * normalized text; cpr-context.ts decides what a hit means for a number.
 */
import { normalizeText } from "../text/normalize";

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

const STRONG = new RegExp(byFirstLetter(STRONG_WORDS), "g");
const NEGATIVE = new RegExp(byFirstLetter(NEGATIVE_WORDS.concat(P_NUMBER_WORDS)), "g");

export type KeywordClass = "strong" | "weak" | "negative" | "p-number";

/**
 * Every keyword, for the search; a hit's class is classOfHit. Hits are few, positions many.
 *
 * A hit counts only at a word start (the caller checks the character before, isWordChar). `\b`
 * in front lets V8 pass over the letters inside a word without trying the alternatives there: a
 * third less time on the dense bench's windows (docs/design/cpr-number.md §6.4). `\b` knows ASCII
 * word characters only, so it is a filter, not the rule: after a Latin-1 letter it still matches
 * and the caller's check decides; after `_` (a word character to `\b`, not to the rule) it would
 * not, so a caller replaces `_` first (cpr-context.ts), and a caller that rejects a match looks
 * again from the character after its start, so no keyword that starts inside a rejected match is
 * lost (`Ansøgere-CPR` once lost its `cpr` to `e-cpr` read from the last letter of `Ansøgere`).
 */
export const KEYWORDS = new RegExp("\\b(?:" + byFirstLetter(STRONG_WORDS.concat(WEAK_WORDS, NEGATIVE_WORDS, P_NUMBER_WORDS)) + ")", "g");

/**
 * The classes in classOf's order, one capturing group each, matched at a hit only (sticky): the
 * first group that matches there is the class classOf gives, in one match instead of a slice and
 * up to three anchored tests. No keyword reaches 40 characters, classOf's cut, so the longer
 * string changes no result.
 */
const CLASS_SOURCE = [STRONG_WORDS, WEAK_WORDS, NEGATIVE_WORDS, P_NUMBER_WORDS].map((w) => "(" + w.join("|") + ")").join("|");
const CLASS_AT = new RegExp(CLASS_SOURCE, "y");
const CLASS_AT_AS_WRITTEN = new RegExp(CLASS_SOURCE, "iy");

/**
 * The class of a KEYWORDS hit at `at` in `s` (`asWritten`: a KEYWORDS_AS_WRITTEN hit in a window
 * read as written): what classOf gives at the hit.
 */
export function classOfHit(s: string, at: number, asWritten: boolean): KeywordClass {
  const re = asWritten ? CLASS_AT_AS_WRITTEN : CLASS_AT;
  re.lastIndex = at;
  const m = re.exec(s);
  if (m === null) return classOf(s, at); // not a hit: the rule itself
  return m[1] !== undefined ? "strong" : m[2] !== undefined ? "weak" : m[3] !== undefined ? "negative" : "p-number";
}

/** The class of the keyword hit starting at `at`: the rule, which classOfHit reads off a match. */
export function classOf(s: string, at: number): KeywordClass {
  const rest = s.slice(at, at + 40);
  if (STRONG_AT.test(rest)) return "strong";
  if (WEAK_AT.test(rest)) return "weak";
  if (NEGATIVE_AT.test(rest)) return "negative";
  return "p-number";
}

export function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xe0 && c <= 0xff && c !== 0xf7);
}

/**
 * KEYWORDS for a window read as written, when it holds only Latin-1 characters (and no
 * NBSP or soft hyphen, which normalizing would change). There, lower-casing maps A–Z and À–Þ
 * (not ×) one to one and changes nothing else, and a non-unicode `i` flag equates exactly those
 * pairs, so matching the window case-insensitively finds what matching its toLowerCase() finds, at
 * the same offsets. Lower-casing a two-byte window (a slice of any mail with a curly quote or an
 * en dash) takes V8's slow path: this skips it for most numbers (bench/cpr.bench.ts).
 */
export const KEYWORDS_AS_WRITTEN = new RegExp(KEYWORDS.source, "gi");

/** isWordChar of the lower-cased character, for a Latin-1 character read as written. */
export function isWordCharAsWritten(c: number): boolean {
  return isWordChar(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
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

const LONG_DIGIT_RUN = /[0-9]{5}/;

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
