/**
 * Text normalization for matching (docs/design/cpr-number.md §6.1 step 2), with a map back to the original string so
 * a match found in the normalized text can be masked on the characters the user actually typed.
 *
 * Applied one code point at a time, in this order:
 * - invisible characters a number may hide behind (zero-width, soft hyphen, BOM, bidi marks) are
 *   dropped;
 * - NFKC (full-width and other compatibility digits become ASCII digits), when the runtime has
 *   `String.prototype.normalize`; full-width digits are also mapped by hand so they work without it;
 * - every dash becomes `-` and every horizontal space becomes ` `.
 * Tab, newline, U+2028/U+2029 and U+0085 are left alone: they are hard boundaries for the matcher.
 */

/** Dropped: they render as nothing, so `1506\u00AD503720` reads as one number. */
export function isIgnorableCode(code: number): boolean {
  return (
    code === 0x00ad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff
  );
}

/** Written between the parts of a number as a hyphen. */
export function isDashCode(code: number): boolean {
  return (
    code === 0x2d ||
    (code >= 0x2010 && code <= 0x2015) ||
    code === 0x2212 ||
    code === 0xfe58 ||
    code === 0xfe63 ||
    code === 0xff0d
  );
}

/** Horizontal spaces only: never tab or a line break. */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** ASCII or full-width decimal digit. */
export function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

export interface NormalizedText {
  readonly text: string;
  /** Original index of the character that produced normalized index `i` (`i === text.length` → end of range). */
  toOriginal(i: number): number;
  /** Original exclusive end for a normalized exclusive end `j`. */
  toOriginalEnd(j: number): number;
}

const hasNormalize = typeof "".normalize === "function";
const nfkcCache = new Map<number, string>();

/** The replacement for one code point (the empty string drops it). */
function foldCodePoint(cp: number, raw: string): string {
  if (isIgnorableCode(cp)) return "";
  if (isDashCode(cp)) return "-";
  if (isSpaceCode(cp)) return " ";
  if (cp >= 0xff10 && cp <= 0xff19) return String.fromCharCode(cp - 0xff10 + 0x30);
  // Latin-1 letters (æ, ø, å …) and the signs × ÷ are NFKC-stable: skip the lookup for speed.
  if (cp >= 0xc0 && cp <= 0xff) return raw;
  if (!hasNormalize) return raw;
  const cached = nfkcCache.get(cp);
  if (cached !== undefined) return cached;
  const nf = raw.normalize("NFKC");
  let out = "";
  for (let k = 0; k < nf.length; k++) {
    const c = nf.charCodeAt(k);
    // NFKC can yield a dash or space variant (U+FE58 → U+2014), so fold its output once more.
    out += isIgnorableCode(c) ? "" : isDashCode(c) ? "-" : isSpaceCode(c) ? " " : nf.charAt(k);
  }
  if (nfkcCache.size < 4096) nfkcCache.set(cp, out);
  return out;
}

/**
 * Normalize `text[start, end)` for matching. The result's offsets are relative to the normalized
 * string; `toOriginal`/`toOriginalEnd` give absolute offsets into `text`.
 */
export function normalizeForMatching(text: string, start = 0, end = text.length): NormalizedText {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  // Fast path: most text has nothing to change, and then the map is the identity.
  let firstChange = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f || (c >= 0xc0 && c <= 0xff)) continue;
    firstChange = i;
    break;
  }
  if (firstChange < 0) {
    const slice = text.slice(from, to);
    return {
      text: slice,
      toOriginal: (i) => from + clampIndex(i, slice.length),
      toOriginalEnd: (j) => from + clampIndex(j, slice.length),
    };
  }

  const parts: string[] = [text.slice(from, firstChange)];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = from; i < firstChange; i++) {
    starts.push(i);
    ends.push(i + 1);
  }
  let i = firstChange;
  while (i < to) {
    const c = text.charCodeAt(i);
    let width = 1;
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    let rep: string;
    if (c < 0x7f) rep = text.charAt(i);
    else rep = foldCodePoint(cp, text.slice(i, i + width));
    for (let k = 0; k < rep.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    parts.push(rep);
    i += width;
  }
  const out = parts.join("");
  return {
    text: out,
    toOriginal: (k) => {
      const n = clampIndex(k, out.length);
      return n < starts.length ? (starts[n] as number) : to;
    },
    toOriginalEnd: (k) => {
      const n = clampIndex(k, out.length);
      return n === 0 ? from : (ends[n - 1] as number);
    },
  };
}

/** The normalized text of `text[start, end)` without the offset map: for keyword windows. */
export function normalizeText(text: string, start = 0, end = text.length): string {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let out = "";
  let run = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f || (c >= 0xc0 && c <= 0xff)) continue;
    let width = 1;
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    out += text.slice(run, i) + foldCodePoint(cp, text.slice(i, i + width));
    i += width - 1;
    run = i + 1;
  }
  return run === from ? text.slice(from, to) : out + text.slice(run, to);
}

function clampIndex(i: number, len: number): number {
  return i < 0 ? 0 : i > len ? len : i;
}
