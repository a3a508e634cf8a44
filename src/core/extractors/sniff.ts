/**
 * What a file is, from its bytes (docs/design/attachment-limits.md §5.2). The name is a hint only when the bytes
 * cannot tell (text vs CSV): a `.pdf` that is a zip is read as a zip.
 */
import { isCfb } from "./cfb";
import { isZip } from "./zip";
import { u16le, u32be, u32le } from "./byte-readers";

export type SniffedFormat =
  | "zip"
  | "pdf"
  | "cfb"
  | "rtf"
  | "eml"
  | "html"
  | "image"
  | "archive-other"
  | "text"
  | "binary";

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function asciiPrefix(b: Uint8Array, n: number): string {
  let s = "";
  const end = Math.min(b.length, n);
  for (let i = 0; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

/**
 * An image only when its full signature AND header fields hold. A two-byte match let a CSV that
 * starts "BMI;CPR;Navn" pass as a bitmap (and so unread): see docs/design/hostile-input.md.
 */
function isImage(b: Uint8Array, head: string): boolean {
  // PNG: the 8-byte signature, then the IHDR chunk (length 13) first.
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return b.length >= 24 && u32be(b, 8) === 13 && head.slice(12, 16) === "IHDR";
  // JPEG: SOI, then a marker segment.
  if (startsWith(b, [0xff, 0xd8, 0xff])) return b.length >= 4 && (b[3] as number) >= 0xc0 && (b[3] as number) !== 0xff;
  // GIF: "GIF87a"/"GIF89a", a non-zero logical screen, and binary header bytes a text file lacks.
  if (head.slice(0, 6) === "GIF87a" || head.slice(0, 6) === "GIF89a") return b.length >= 13 && u16le(b, 6) > 0 && u16le(b, 8) > 0 && !looksLikeText(b);
  // TIFF: byte order, 42, and a first IFD inside the file.
  if (head.slice(0, 4) === "II*\u0000") return b.length >= 8 && u32le(b, 4) >= 8 && u32le(b, 4) < b.length;
  if (head.slice(0, 4) === "MM\u0000*") return b.length >= 8 && u32be(b, 4) >= 8 && u32be(b, 4) < b.length;
  // BMP: "BM", reserved zeros, pixel data inside the file, a known DIB header size.
  if (head.slice(0, 2) === "BM") {
    const dib = u32le(b, 14);
    return b.length >= 26 && u32le(b, 6) === 0 && u32le(b, 10) >= 26 && u32le(b, 10) <= b.length && [12, 40, 52, 56, 64, 108, 124].indexOf(dib) >= 0;
  }
  if (head.slice(0, 4) === "RIFF" && head.slice(8, 12) === "WEBP") return !looksLikeText(b);
  const ftyp = head.slice(4, 12);
  return (ftyp === "ftypheic" || ftyp === "ftypheix" || ftyp === "ftypmif1") && !looksLikeText(b);
}

/** Header field names that open a mail (RFC 5322), also as Office's `Eml` format starts. */
const MAIL_HEADER = /^(received|from|to|subject|date|mime-version|content-type|return-path|message-id|x-[a-z0-9-]+|delivered-to|reply-to|cc|thread-topic|thread-index|dkim-signature|authentication-results|arc-[a-z-]+):/i;

function looksLikeMail(head: string): boolean {
  // Every line until the first blank one must be a header field or a folded continuation, and at
  // least two known mail fields must appear: one "From:" line in a text file is not a mail.
  const lines = head.split(/\r?\n/);
  let known = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] as string;
    if (line === "") break;
    if (line.charAt(0) === " " || line.charAt(0) === "\t") continue;
    if (!/^[!-9;-~]+:/.test(line)) return false;
    if (MAIL_HEADER.test(line)) known++;
  }
  return known >= 2;
}

export function sniffFormat(b: Uint8Array): SniffedFormat {
  if (isZip(b)) return "zip";
  if (isCfb(b)) return "cfb";
  const head = asciiPrefix(b, 1024);
  if (head.indexOf("%PDF-") >= 0) return "pdf";
  if (head.indexOf("{\\rtf") === 0) return "rtf";
  if (isImage(b, head)) return "image";
  if (startsWith(b, [0x1f, 0x8b]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || startsWith(b, [0x52, 0x61, 0x72, 0x21])) {
    return "archive-other";
  }
  const bomless = head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "");
  if (looksLikeMail(bomless)) return "eml";
  const lower = bomless.replace(/^\s+/, "").slice(0, 512).toLowerCase();
  if (lower.indexOf("<!doctype html") === 0 || lower.indexOf("<html") === 0 || /^<\?xml[^>]*>\s*<html/.test(lower) || /<html[\s>]/.test(lower)) {
    return "html";
  }
  return looksLikeText(b) ? "text" : "binary";
}

/** Text if it has a BOM, or few control bytes (UTF-16 is allowed its zero bytes). */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return true;
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff]) || startsWith(b, [0xef, 0xbb, 0xbf])) return true;
  const n = Math.min(b.length, 8192);
  let evenZeros = 0;
  let oddZeros = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    } else if (c < 9 || (c > 13 && c < 32 && c !== 27)) controls++;
  }
  // UTF-16 without BOM: about half the bytes are zero, all in one parity (a run of zero bytes
  // is binary, not text).
  const utf16 = (oddZeros > n / 4 && evenZeros < n / 40) || (evenZeros > n / 4 && oddZeros < n / 40);
  if (utf16) return controls < n / 50;
  return evenZeros + oddZeros === 0 && controls <= n / 100;
}
