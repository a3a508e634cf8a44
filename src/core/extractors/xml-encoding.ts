/**
 * The character encoding of one XML part of an OOXML or ODF package, found as XML 1.0 Appendix F
 * says (byte order mark, then the first bytes, then the declaration's `encoding`), and the part
 * decoded in it. Both formats write UTF-8, but Word and LibreOffice open UTF-16 parts too, and a
 * part read in the wrong encoding yields no text: a silent pass. An encoding we cannot decode
 * (UTF-32, EBCDIC, a declared code page we do not know) stops the reader with a finding instead.
 * See docs/design/hostile-input.md, "XML parts in UTF-16".
 */
import { ExtractStop } from "./budget";
import { decodeCp1252, decodeUtf16, decodeUtf8 } from "./text-decode";
import type { XmlSource } from "./xml";

type XmlEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

interface Detected {
  readonly encoding: XmlEncoding;
  /** Bytes of a byte order mark to skip. */
  readonly bom: number;
}

function unsupported(): ExtractStop {
  return new ExtractStop("unsupported", "unsupported-encoding");
}

// Labels that name an encoding we decode, as the WHATWG Encoding Standard maps them (latin1 and
// ASCII are windows-1252 there). A UTF-16 label on bytes that are not UTF-16 is a wrong label:
// the bytes are ASCII-compatible, so they are read as UTF-8, as a parser without the label would.
const UTF8_LABELS = /^(utf-?8|unicode-1-1-utf-8|utf-?16(le|be)?|unicode|ucs-2)$/;
const CP1252_LABELS = /^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii|ansi_x3\.4-1968)$/;

/** The `encoding` of an XML declaration at the start of ASCII-compatible bytes, lower case; "" if none. */
function declaredEncoding(b: Uint8Array, from: number): string {
  // `<?xml` … `?>` within the first 256 bytes; anything longer is not a declaration we honour.
  if (!(b[from] === 0x3c && b[from + 1] === 0x3f && b[from + 2] === 0x78 && b[from + 3] === 0x6d && b[from + 4] === 0x6c)) return "";
  let head = "";
  const end = Math.min(b.length, from + 256);
  for (let i = from + 5; i < end; i++) {
    const c = b[i] as number;
    if (c === 0x3e /* > */) break;
    head += String.fromCharCode(c);
  }
  const m = /\sencoding\s*=\s*["']([^"']{0,40})["']/.exec(head);
  return m ? (m[1] as string).trim().toLowerCase() : "";
}

/** Which encoding the part is in; throws the unsupported-encoding stop when we cannot decode it. */
export function detectXmlEncoding(b: Uint8Array): Detected {
  const b0 = b[0];
  const b1 = b[1];
  const b2 = b[2];
  const b3 = b[3];
  // UTF-32 (with or without a mark) first: its little-endian mark begins like UTF-16's.
  if ((b0 === 0 && b1 === 0 && ((b2 === 0xfe && b3 === 0xff) || (b2 === 0 && b3 === 0x3c))) || (b2 === 0 && b3 === 0 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0)))) {
    throw unsupported();
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: "utf-16be", bom: 2 };
  // No mark: a NUL byte cannot occur in an XML document, so one of the first two is UTF-16.
  if (b.length >= 2 && b0 !== 0 && b1 === 0) return { encoding: "utf-16le", bom: 0 };
  if (b.length >= 2 && b0 === 0 && b1 !== 0) return { encoding: "utf-16be", bom: 0 };
  if (b0 === 0x4c && b1 === 0x6f && b2 === 0xa7 && b3 === 0x94) throw unsupported(); // EBCDIC "<?xm"
  const declared = declaredEncoding(b, 0);
  if (declared === "" || UTF8_LABELS.test(declared)) return { encoding: "utf-8", bom: 0 };
  if (CP1252_LABELS.test(declared)) return { encoding: "windows-1252", bom: 0 };
  // A code page we do not know, over bytes that are all ASCII: every such code page (Shift_JIS,
  // ISO-8859-x, KOI8...) reads ASCII bytes as ASCII, so the digits are read, not lost to a warning.
  if (allAscii(b)) return { encoding: "utf-8", bom: 0 };
  throw unsupported();
}

function allAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] as number) >= 0x80) return false;
  return true;
}

function decodeAs(b: Uint8Array, d: Detected): string {
  switch (d.encoding) {
    case "utf-16le":
    case "utf-16be": {
      const s = decodeUtf16(b, d.encoding === "utf-16le", d.bom);
      // A mark after a BOM-less start (or a second one) is no text.
      return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
    }
    case "windows-1252":
      return decodeCp1252(b);
    default:
      return decodeUtf8(b, d.bom);
  }
}

/**
 * A part for `scanXml`: UTF-8 stays bytes (the byte scanner decodes only the text it keeps and
 * skips a UTF-8 mark itself); any other encoding is decoded to a string here.
 */
export function xmlPartSource(b: Uint8Array): XmlSource {
  const d = detectXmlEncoding(b);
  return d.encoding === "utf-8" ? b : decodeAs(b, d);
}

/** A part as a string, in whatever encoding it is in, without its byte order mark. */
export function xmlPartText(b: Uint8Array): string {
  return decodeAs(b, detectXmlEncoding(b));
}

/** Bytes of a UTF-8 part decoded per step by `xmlPartTextSteps` (a few ms natively, more shimmed). */
const DECODE_PIECE = 1 << 20;

/**
 * `xmlPartText` as steps, yielding where a sliced reader may pause: a UTF-8 part a megabyte at a
 * time. Each piece ends where a character starts (at most three bytes back), so no character is
 * cut, and never just before a U+FEFF, which a decoder would drop at the start of a piece: the
 * text is the one `xmlPartText` gives. (Cutting only before an ASCII byte made a part without one,
 * 20 MB of "æ", a single step.) Other encodings (rare: UTF-16, cp1252) are decoded in one go.
 */
export function* xmlPartTextSteps(b: Uint8Array): Generator<void, string> {
  const d = detectXmlEncoding(b);
  if (d.encoding !== "utf-8" || b.length <= DECODE_PIECE) return decodeAs(b, d);
  let text = "";
  let at = d.bom;
  while (at < b.length) {
    let end = Math.min(b.length, at + DECODE_PIECE);
    for (let k = 0; k < 3 && end < b.length && ((b[end] as number) & 0xc0) === 0x80; k++) end--;
    if (b[end] === 0xef && b[end + 1] === 0xbb && b[end + 2] === 0xbf) end += 3;
    text += decodeUtf8(b, at, end);
    at = end;
    if (at < b.length) yield;
  }
  return text;
}
