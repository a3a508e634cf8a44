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

/** Decoding state carried from one chunk of the input to the next. */
interface DecodeState {
  readonly out: Uint8Array;
  length: number;
  buffer: number;
  bits: number;
  /** "=" seen: the rest is ignored. */
  ended: boolean;
  bad: boolean;
}

function decodeState(input: string): DecodeState {
  return { out: new Uint8Array(Math.floor((input.length * 3) / 4) + 3), length: 0, buffer: 0, bits: 0, ended: false, bad: false };
}

/** Decodes input[from, to) into the state; stops at padding or at a character that is not base64. */
function decodeRange(input: string, from: number, to: number, st: DecodeState): void {
  const out = st.out;
  let { length, buffer, bits } = st;
  for (let i = from; i < to; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x3d) {
      st.ended = true; // "=": padding, the rest is ignored
      break;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    const v = c < 256 ? DECODE[c]! : -1;
    if (v < 0) {
      st.bad = true;
      break;
    }
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  st.length = length;
  st.buffer = buffer;
  st.bits = bits;
}

/**
 * The platform's own base64 decoder, where the runtime has one that behaves: it decodes one chunk
 * of whole 4-character groups into `out` at `at` and says how many bytes it wrote. Chromium's
 * Uint8Array.prototype.setFromBase64 (no intermediate string, no copy), else atob; classic
 * Outlook's ES2016 runtime has neither, and then the loop above does it all. Found once, at load,
 * like every global a hot loop needs (docs/design/outlook-runtime.md, "Hot loops").
 */
type NativeChunkDecoder = (chunk: string, out: Uint8Array, at: number) => number;

type SetFromBase64 = (this: Uint8Array, text: string) => { read: number; written: number };

function probeNative(decode: NativeChunkDecoder): boolean {
  try {
    const out = new Uint8Array(4);
    return decode("w6Y=", out, 1) === 2 && out[1] === 0xc3 && out[2] === 0xa6;
  } catch {
    return false;
  }
}

function findNativeDecoder(): NativeChunkDecoder | undefined {
  const host = globalThis as unknown as { atob?: (text: string) => string };
  const setFrom = (Uint8Array.prototype as unknown as { setFromBase64?: SetFromBase64 }).setFromBase64;
  if (typeof setFrom === "function") {
    const viaSet: NativeChunkDecoder = (chunk, out, at) => setFrom.call(out.subarray(at), chunk).written;
    if (probeNative(viaSet)) return viaSet;
  }
  const atob = host.atob;
  if (typeof atob === "function") {
    const viaAtob: NativeChunkDecoder = (chunk, out, at) => {
      const binary = atob.call(host, chunk);
      const n = binary.length;
      if (at + n > out.length) return -1;
      for (let i = 0; i < n; i++) out[at + i] = binary.charCodeAt(i);
      return n;
    };
    if (probeNative(viaAtob)) return viaAtob;
  }
  return undefined;
}

function nativeOrNone(): NativeChunkDecoder | undefined {
  try {
    return findNativeDecoder();
  } catch {
    // A host whose globals throw when touched: the loop decodes everything.
    return undefined;
  }
}

let nativeDecoder: NativeChunkDecoder | undefined = nativeOrNone();
/**
 * Set while the native decoder runs: a shim atob (runtime-shims.ts) decodes with this module, and
 * must then take the loop rather than call itself.
 */
let inNative = false;

/** For tests: decode by hand only (false), or with the platform's decoder where there is one (true). */
export function allowNativeBase64(on: boolean): void {
  nativeDecoder = on ? nativeOrNone() : undefined;
}

/** 1 or 2 for a chunk ending in padding, else 0. */
function paddingOf(chunk: string): number {
  const n = chunk.length;
  if (chunk.charCodeAt(n - 1) !== 0x3d) return 0;
  return chunk.charCodeAt(n - 2) === 0x3d ? 2 : 1;
}

/**
 * decodeRange, through the native decoder when it can give exactly the same bytes: the state is at
 * a group boundary and the chunk is whole groups, only the last of them padded. Anything the native
 * decoder reads differently (whitespace, the URL-safe alphabet, a "=" inside, a bad character)
 * writes a count other than the one expected or throws, and the loop decodes the chunk instead.
 */
function decodeSpan(input: string, from: number, to: number, st: DecodeState): void {
  const native = nativeDecoder;
  const n = to - from;
  if (native && !inNative && n > 0 && n % 4 === 0 && st.bits === 0) {
    const chunk = from === 0 && to === input.length ? input : input.slice(from, to);
    const pad = paddingOf(chunk);
    let written = -1;
    inNative = true;
    try {
      written = native(chunk, st.out, st.length);
    } catch {
      written = -1;
    } finally {
      inNative = false;
    }
    if (written === (n / 4) * 3 - pad) {
      st.length += written;
      // The loop stops at the first "=" and ignores the rest; here that "=" ends the chunk.
      if (pad > 0) st.ended = true;
      return;
    }
  }
  decodeRange(input, from, to, st);
}

function decodeResult(st: DecodeState): Base64Result {
  return st.bad ? { ok: false } : { ok: true, bytes: st.out.subarray(0, st.length) };
}

/** Decodes base64, skipping whitespace and stopping at padding; any other character is an error. */
export function decodeBase64(input: string): Base64Result {
  const st = decodeState(input);
  decodeSpan(input, 0, input.length, st);
  return decodeResult(st);
}

/**
 * How a long decode or hash is cut: between chunks of `chunkChars` characters it asks `gate`,
 * which says "stop" (the deadline has passed) or lets it go on, yielding to the event loop when
 * the caller allows (docs/design/outlook-runtime.md, "One runtime for every event").
 */
export interface ChunkGate {
  readonly chunkChars: number;
  /** Asked before every chunk but the first; true stops the work. */
  readonly gate: () => Promise<boolean> | boolean;
}

/** Characters per chunk: ~1-3 ms of decoding or hashing on a desktop, far less than a deadline margin. */
export const CHUNK_CHARS = 1 << 18;

async function inChunks(length: number, g: ChunkGate, work: (from: number, to: number) => boolean): Promise<boolean> {
  const size = Math.max(1, g.chunkChars);
  for (let from = 0; from < length; from += size) {
    if (from > 0 && (await g.gate())) return false;
    if (!work(from, Math.min(length, from + size))) break;
  }
  return true;
}

/** decodeBase64 in chunks with `gate` between them; "stopped" when the gate said stop. */
export async function decodeBase64Chunked(input: string, g: ChunkGate): Promise<Base64Result | "stopped"> {
  const st = decodeState(input);
  const finished = await inChunks(input.length, g, (from, to) => {
    decodeSpan(input, from, to, st);
    return !st.ended && !st.bad;
  });
  return finished ? decodeResult(st) : "stopped";
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

const FNV_OFFSET = 0x811c9dc5;

function fnvRange(text: string, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function hex(h: number): string {
  // No padStart: an ES2017 built-in that old classic-Outlook builds may lack.
  return ("0000000" + h.toString(16)).slice(-8);
}

/** 32-bit FNV-1a over a string's UTF-16 code units: a cheap fingerprint, not a security hash. */
export function fnv1a(text: string): string {
  return hex(fnvRange(text, 0, text.length, FNV_OFFSET));
}

/** fnv1a in chunks with `gate` between them (the same value); "stopped" when the gate said stop. */
export async function fnv1aChunked(text: string, g: ChunkGate): Promise<string | "stopped"> {
  let h = FNV_OFFSET;
  const finished = await inChunks(text.length, g, (from, to) => {
    h = fnvRange(text, from, to, h);
    return true;
  });
  return finished ? hex(h) : "stopped";
}
