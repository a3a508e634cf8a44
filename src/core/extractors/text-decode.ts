/**
 * Byte → string decoders that need no platform API. Classic Outlook's JS-only runtime documents no
 * TextDecoder (docs/design/attachment-limits.md §1), so the pure versions are the contract; a native TextDecoder is
 * only a feature-detected fast path for UTF-8, where it must give the same string.
 */

interface NativeDecoder {
  decode(input: Uint8Array): string;
}
type NativeDecoderCtor = new (label: string, options?: { fatal?: boolean }) => NativeDecoder;

let native: NativeDecoder | null | undefined;
function nativeUtf8(): NativeDecoder | null {
  if (native !== undefined) return native;
  native = null;
  const ctor = (globalThis as { TextDecoder?: NativeDecoderCtor }).TextDecoder;
  if (typeof ctor === "function") {
    try {
      const d = new ctor("utf-8");
      // Probe: "æ" in UTF-8 must come back as U+00E6, else the shim is broken and we stay pure.
      if (d.decode(new Uint8Array([0xc3, 0xa6])) === "\u00e6") native = d;
    } catch {
      native = null;
    }
  }
  return native;
}

let nativeStrict: NativeDecoder | null | undefined;
/** A native decoder that throws on invalid UTF-8, if the runtime has one that behaves. */
function nativeUtf8Strict(): NativeDecoder | null {
  if (nativeStrict !== undefined) return nativeStrict;
  nativeStrict = null;
  const ctor = (globalThis as { TextDecoder?: NativeDecoderCtor }).TextDecoder;
  if (typeof ctor === "function" && nativeUtf8()) {
    try {
      const d = new ctor("utf-8", { fatal: true });
      let rejects = false;
      try {
        d.decode(new Uint8Array([0xc3]));
      } catch {
        rejects = true;
      }
      if (rejects && d.decode(new Uint8Array([0xc3, 0xa6])) === "\u00e6") nativeStrict = d;
    } catch {
      nativeStrict = null;
    }
  }
  return nativeStrict;
}

/** For tests: force the pure decoder (true) or the native fast path when present (false). */
export function usePureDecoders(pure: boolean): void {
  native = pure ? null : undefined;
  nativeStrict = pure ? null : undefined;
}

/**
 * The bytes as UTF-8 if they are valid UTF-8, else undefined. One native strict decode where the
 * runtime has it (validating and decoding in one pass); else the pure check, then the pure decoder.
 */
export function decodeUtf8IfValid(bytes: Uint8Array, start = 0): string | undefined {
  const strict = nativeUtf8Strict();
  if (strict) {
    try {
      return strict.decode(start === 0 ? bytes : bytes.subarray(start));
    } catch {
      return undefined;
    }
  }
  return isValidUtf8(bytes, start) ? decodeUtf8(bytes, start) : undefined;
}

const CHUNK = 8192;

function fromCodes(codes: number[] | Uint16Array, n: number): string {
  let out = "";
  for (let i = 0; i < n; i += CHUNK) {
    const end = Math.min(n, i + CHUNK);
    // A view, not a copy: apply takes any array-like, and copying typed arrays element by element
    // into plain arrays made decoding ~9× slower (1.9 MB: ~450 ms against ~50 ms).
    out += String.fromCharCode.apply(null, (Array.isArray(codes) ? codes.slice(i, end) : codes.subarray(i, end)) as unknown as number[]);
  }
  return out;
}

/**
 * UTF-8 as the WHATWG Encoding Standard decodes it (replacement characters for the "maximal
 * subpart" of an invalid sequence), so the pure path and a native TextDecoder give the same string.
 */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const nd = nativeUtf8();
  return nd ? nd.decode(bytes.subarray(start, end)) : decodeUtf8Pure(bytes, start, end);
}

/**
 * `decodeUtf8` without the native fast path: what a TextDecoder substitute must build on, since
 * the fast path would find that substitute installed as the native one and call itself.
 */
export function decodeUtf8Pure(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const units = new Uint16Array(Math.min(end - start, 1 << 16) + 2);
  let out = "";
  let n = 0;
  let cp = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const put = (c: number): void => {
    if (n >= units.length - 2) {
      out += fromCodes(units, n);
      n = 0;
    }
    if (c >= 0x10000) {
      c -= 0x10000;
      units[n++] = 0xd800 + (c >> 10);
      units[n++] = 0xdc00 + (c & 0x3ff);
    } else units[n++] = c;
  };
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (needed === 0) {
      if (b <= 0x7f) put(b);
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x07;
      } else put(0xfffd);
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one replacement; this byte starts afresh.
      cp = needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      put(0xfffd);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      put(cp);
      cp = needed = seen = 0;
    }
  }
  if (needed !== 0) put(0xfffd);
  return out + fromCodes(units, n);
}

/** Strict check used to choose between UTF-8 and a legacy code page. */
export function isValidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  let i = start;
  while (i < end) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need >= end) return false;
    for (let j = 1; j <= need; j++) if (((bytes[i + j] as number) & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}

export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, start = 0, end = bytes.length): string {
  const n = (end - start) >> 1;
  const units = new Uint16Array(n);
  for (let k = 0, i = start; k < n; k++, i += 2) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] as number;
    units[k] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  return fromCodes(units, n);
}

// Windows-1252 0x80–0x9F; the rest of the byte range is Latin-1. Undefined slots keep their C1 code.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function cp1252Char(b: number): number {
  return b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
}

export function decodeCp1252(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const n = end - start;
  const units = new Uint16Array(n);
  for (let k = 0; k < n; k++) units[k] = cp1252Char(bytes[start + k] as number);
  return fromCodes(units, n);
}

// IBM437, the zip default for names without the UTF-8 flag: Danish Windows zips write æøå in it.
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

export function decodeCp437(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = "";
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    out += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH.charAt(b - 0x80);
  }
  return out;
}

/** Latin-1 bytes as they are: used for PDF syntax, which is bytes, not text. */
export function decodeLatin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const n = end - start;
  let out = "";
  for (let i = 0; i < n; i += CHUNK) {
    const e = Math.min(n, i + CHUNK);
    // A view, not a copy (see fromCodes): the PDF reader turns whole files into Latin-1 text.
    out += String.fromCharCode.apply(null, bytes.subarray(start + i, start + e) as unknown as number[]);
  }
  return out;
}

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Which encoding a text file is in (docs/design/attachment-limits.md §2.11): BOM, then strict UTF-8, then a UTF-16
 * guess from zero bytes, else windows-1252 (Danish Excel's "CSV (semikolonsepareret)").
 */
export function sniffTextEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  const marked = sniffMarkedEncoding(bytes);
  if (marked) return marked;
  if (isValidUtf8(bytes)) return { encoding: "utf-8", bomLength: 0 };
  return { encoding: "windows-1252", bomLength: 0 };
}

/** A BOM, or UTF-16 recognised by its zero bytes; undefined when only a UTF-8 check can tell. */
function sniffMarkedEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  const sample = Math.min(bytes.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  if (sample >= 4 && oddZeros > sample / 4 && evenZeros < sample / 40) return { encoding: "utf-16le", bomLength: 0 };
  if (sample >= 4 && evenZeros > sample / 4 && oddZeros < sample / 40) return { encoding: "utf-16be", bomLength: 0 };
  return undefined;
}

export function decodeText(bytes: Uint8Array, encoding?: TextEncoding): string {
  if (encoding === undefined && sniffMarkedEncoding(bytes) === undefined) {
    // Unmarked text: UTF-8 if it is valid UTF-8, else windows-1252, checked and decoded in one go.
    const utf8 = decodeUtf8IfValid(bytes);
    return utf8 !== undefined ? utf8 : decodeCp1252(bytes);
  }
  const sniffed = sniffTextEncoding(bytes);
  const enc = encoding ?? sniffed.encoding;
  const start = encoding === undefined || encoding === sniffed.encoding ? sniffed.bomLength : 0;
  switch (enc) {
    case "utf-8":
      return decodeUtf8(bytes, start);
    case "utf-16le":
      return decodeUtf16(bytes, true, start);
    case "utf-16be":
      return decodeUtf16(bytes, false, start);
    default:
      return decodeCp1252(bytes, start);
  }
}

/**
 * Text that a decoder labelled windows-1252 returned with 0x80-0x9F as C1 controls (Node 20's
 * built-in TextDecoder does this for "windows-1252", "iso-8859-1", "latin1", "us-ascii"), put
 * right as the WHATWG Encoding Standard maps them: 0x96 is the en dash, not U+0096.
 */
export function fixCp1252Controls(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(cp1252Char(c.charCodeAt(0)))) : text;
}
