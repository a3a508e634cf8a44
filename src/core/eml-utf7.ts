/**
 * UTF-7 (RFC 2152) in mail, turned into UTF-8 before the MIME parser sees it. The WHATWG Encoding
 * standard, which TextDecoder and so postal-mime follow, has no UTF-7: a part declared
 * `charset=utf-7` would otherwise be read as its raw ASCII form, where "150375+AC0-6125" hides a
 * CPR number. See docs/design/hostile-input.md ("Mail that parses as empty").
 */
import { encodeUtf8 } from "./text/encode-utf8";

/** Charset labels that mean UTF-7 (IANA: UTF-7, and the aliases mail clients write). */
export function isUtf7Label(label: string): boolean {
  return /^(?:utf-?7|unicode-1-1-utf-7|csunicode11utf7|x-unicode20utf7)$/i.test(label.trim());
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE: number[] = [];
for (let i = 0; i < 128; i++) B64_VALUE.push(B64.indexOf(String.fromCharCode(i)));

/** RFC 2152: "+" opens modified base64 of UTF-16 units, "-" (or any non-base64 character) closes it; "+-" is "+". */
export function decodeUtf7(text: string): string {
  return text.replace(/\+([A-Za-z0-9+/]*)-?/g, (_whole, run: string) => {
    if (run === "") return "+";
    let bits = 0;
    let value = 0;
    let out = "";
    for (let i = 0; i < run.length; i++) {
      value = ((value << 6) | (B64_VALUE[run.charCodeAt(i)] as number)) & 0xffffff;
      bits += 6;
      if (bits >= 16) {
        bits -= 16;
        out += String.fromCharCode((value >> bits) & 0xffff);
      }
    }
    // Leftover bits (fewer than 16) are padding by the RFC; a "-" right after the run is absorbed.
    return out;
  });
}

/** Standard base64 (RFC 2045 §6.8) to bytes; characters outside the alphabet are skipped. */
export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let bits = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (B64_VALUE[c] as number) : -1;
    if (v < 0) continue;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Quoted-printable (RFC 2045 §6.7) to bytes; `underscoreIsSpace` for RFC 2047 "Q" words. */
export function decodeQuotedPrintable(text: string, underscoreIsSpace = false): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
      const soft = /^=[ \t]*\r?\n/.exec(text.slice(i, i + 80));
      if (soft) {
        i += soft[0].length - 1;
        continue;
      }
    }
    out[n++] = underscoreIsSpace && c === 0x5f ? 0x20 : c & 0xff;
  }
  return out.subarray(0, n);
}

/** Bytes as Latin-1 text (one character per byte), in chunks so no call exceeds the argument limit. */
export function latin1Text(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const parts: string[] = [];
  for (let i = start; i < end; i += 8192) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 8192)) as unknown as number[]));
  }
  return parts.join("");
}

/** An RFC 2047 "Q" word of UTF-8 text: every byte but letters and digits as =XX. */
function utf8QWord(text: string): string {
  const bytes = encodeUtf8(text);
  let q = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    q += (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) ? String.fromCharCode(b) : "=" + (b < 16 ? "0" : "") + b.toString(16).toUpperCase();
  }
  return `=?utf-8?Q?${q}?=`;
}

/** Header text with every UTF-7 encoded word (`=?utf-7?Q?...?=`, `?B?`) rewritten as a UTF-8 one. */
export function utf7WordsToUtf8(header: string): string {
  return header.replace(/=\?([^?*\s]+)(?:\*[^?\s]*)?\?([QqBb])\?([^?\s]*)\?=/g, (word, charset: string, enc: string, data: string) => {
    if (!isUtf7Label(charset)) return word;
    const bytes = enc === "B" || enc === "b" ? decodeBase64(data) : decodeQuotedPrintable(data, true);
    return utf8QWord(decodeUtf7(latin1Text(bytes)));
  });
}
