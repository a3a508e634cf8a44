/**
 * The only way to turn a CPR number into something that may be shown: `DDMMYY-****`.
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

/**
 * `DDMMYY-****` from the normalized characters of a number: 10 digits (`1506503720`), the written
 * form (`150650-3720`, `15.06.50-3720`), a partly masked one (`150650-37XX`) or a 9-digit
 * spreadsheet value whose leading zero was lost (`506503720` → `050650-****`).
 * Throws on input without a six-digit date part: that is a programmer error, never user data.
 */
export function maskCpr(digits: string): MaskedCpr {
  // Fast path: the detector passes its 10 normalized digits.
  if (digits.length === 10 && digitsOf(digits).length === 10) return (digits.slice(0, 6) + "-" + SERIAL_MASK) as MaskedCpr;
  const normalized = normalizeForMatching(digits).text;
  let d = digitsOf(normalized);
  if (d.length === 9 && /^ *[0-9]{9} *$/.test(normalized)) d = "0" + d;
  if (d.length < 6) throw new RangeError("maskCpr: expected a CPR number with a six-digit date part");
  return (d.slice(0, 6) + "-" + SERIAL_MASK) as MaskedCpr;
}

/**
 * Replace each span of `text` with its masked form (the one-click fix). Spans may come in any
 * order; overlapping or out-of-range parts are clipped. A span whose content has no six-digit date
 * is replaced by `******-****` rather than left readable.
 */
export function maskCprInText(text: string, spans: readonly { start: number; end: number }[]): string {
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
