/**
 * Base64 and UTF-8 by hand: classic Outlook's JavaScript-only runtime documents neither atob nor
 * TextEncoder (docs/design/outlook-platform.md §3), and attachments arrive from getAttachmentContentAsync as base64.
 */

const DECODE = (() => {
  const table = new Int16Array(256).fill(-1);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  // URL-safe variants too: cheap, and some hosts have been seen to hand them out.
  table["-".charCodeAt(0)] = 62;
  table["_".charCodeAt(0)] = 63;
  return table;
})();

export type Base64Result = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false };

/** Decodes base64, skipping whitespace and stopping at padding; any other character is an error. */
export function decodeBase64(input: string): Base64Result {
  const out = new Uint8Array(Math.floor((input.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x3d) break; // "=": padding, the rest is ignored
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    const v = c < 256 ? DECODE[c]! : -1;
    if (v < 0) return { ok: false };
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  return { ok: true, bytes: out.subarray(0, length) };
}

// One UTF-8 encoder for core and add-in (core encodes XML given as a string). The direct path, not
// core/index: runtime-shims imports this before postal-mime (through core) may evaluate.
// eslint-disable-next-line no-restricted-imports -- a leaf module with no imports; see above.
export { encodeUtf8 } from "../../core/text/encode-utf8";

/**
 * Read once: the hash runs over every base64 character of every attachment, and a sandboxed runtime
 * can make each global lookup in that loop slow (docs/design/outlook-runtime.md, "Hot loops").
 */
const imul = Math.imul;

/** 32-bit FNV-1a over a string's UTF-16 code units: a cheap fingerprint, not a security hash. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193) >>> 0;
  }
  // No padStart: an ES2017 built-in that old classic-Outlook builds may lack.
  return ("0000000" + h.toString(16)).slice(-8);
}
