/**
 * The only way to turn a CPR number into something that may be shown: `DDMMYY-****` (maskCpr),
 * and the two ways a number in text is masked: replaced in one piece (maskCprInText) or in place,
 * character by character (maskChars). redact.ts has the one function callers use for text.
 * The birth date stays (the user must recognise which number is meant); the four serial digits,
 * which make it a CPR number, never leave the detector (docs/design/cpr-number.md §4, "Masking policy").
 */
import type { MaskedCpr } from "../finding";
import { normalizeForMatching } from "../text/normalize";

const SERIAL_MASK = "****";

/** The ASCII digits of an already normalized string, in order. */
function digitsOf(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) out += s.charAt(i);
  }
  return out;
}

/** Ten ASCII digits? (A loop, not digitsOf: this runs for every finding.) */
function isTenDigits(s: string): boolean {
  if (s.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * `DDMMYY-****` from the normalized characters of a number: 10 digits (`1506503720`), the written
 * form (`150650-3720`, `15.06.50-3720`), a partly masked one (`150650-37XX`) or a 9-digit
 * spreadsheet value whose leading zero was lost (`506503720` → `050650-****`).
 * Throws on input without a six-digit date part: that is a programmer error, never user data.
 */
export function maskCpr(digits: string): MaskedCpr {
  // Fast path: the detector passes its 10 normalized digits.
  if (isTenDigits(digits)) return (digits.slice(0, 6) + "-" + SERIAL_MASK) as MaskedCpr;
  const normalized = normalizeForMatching(digits).text;
  let d = digitsOf(normalized);
  if (d.length === 9 && /^ *[0-9]{9} *$/.test(normalized)) d = "0" + d;
  if (d.length < 6) throw new RangeError("maskCpr: expected a CPR number with a six-digit date part");
  return (d.slice(0, 6) + "-" + SERIAL_MASK) as MaskedCpr;
}

/** A span of text holding a CPR number (offsets in UTF-16 units). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Replace each span of `text` with its masked form, in one piece. Spans may come in any order;
 * overlapping or out-of-range parts are clipped. A span whose content has no six-digit date is
 * replaced by `******-****` rather than left readable. Use maskCprNumbers (redact.ts) for text.
 */
export function maskCprInText(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.floor(s.start)), end: Math.min(text.length, Math.floor(s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  let pos = 0;
  for (const s of sorted) {
    if (s.end <= pos) continue;
    const start = Math.max(s.start, pos);
    out.push(text.slice(pos, start));
    const content = text.slice(start, s.end);
    let masked: string;
    try {
      masked = maskCpr(content);
    } catch {
      masked = "******-" + SERIAL_MASK;
    }
    out.push(masked);
    pos = s.end;
  }
  out.push(text.slice(pos));
  return out.join("");
}

const DATE_DIGITS = 6;
// Full-width digits count: the rule normalizes them (docs/design/cpr-number.md §7), so they are masked too.
const DIGIT = /[0-9\uFF10-\uFF19]/;
// Letters after the date are the partly masked (`37XX`) and substitute (`1AB3`) forms.
const SERIAL_CHAR = /[0-9\uFF10-\uFF19A-Za-z]/;

/**
 * What each character of a number as written becomes when it is masked in place: the six date
 * digits (and any separators among them) stay, the first separator after them becomes "-", further
 * separators go, and every serial character becomes "*". So `150650-3720`, `1506503720` and
 * `150650 - 3720` all end as `150650-****`, and the date keeps the user's own characters.
 */
export function maskChars(chars: readonly string[]): string[] {
  let digits = 0;
  let hyphen = false;
  return chars.map((ch) => {
    if (digits < DATE_DIGITS) {
      if (DIGIT.test(ch)) digits += 1;
      return ch;
    }
    if (SERIAL_CHAR.test(ch)) {
      const out = hyphen ? "*" : "-*";
      hyphen = true;
      return out;
    }
    if (hyphen) return "";
    hyphen = true;
    return "-";
  });
}
