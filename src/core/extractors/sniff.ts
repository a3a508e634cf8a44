/**
 * What a file is, from its bytes (attachments.md §5.2). The name is a hint only when the bytes
 * cannot tell (text vs CSV): a `.pdf` that is a zip is read as a zip.
 */
import { isCfb } from "./cfb";
import { isZip } from "./zip";

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

const IMAGE_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x49, 0x49, 0x2a, 0x00], // TIFF LE
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF BE
  [0x42, 0x4d], // BMP
];

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
  for (const sig of IMAGE_SIGNATURES) if (startsWith(b, sig)) return "image";
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && head.slice(8, 12) === "WEBP") return "image";
  if (head.slice(4, 12) === "ftypheic" || head.slice(4, 12) === "ftypheix" || head.slice(4, 12) === "ftypmif1") return "image";
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
