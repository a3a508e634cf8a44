/**
 * Minimal stand-ins for the web APIs the core's libraries touch when they load and parse:
 * TextEncoder, TextDecoder and Blob (postal-mime), and atob (the `entities` package decodes its
 * HTML entity tables from base64 at load, falling back to Node's Buffer). Classic Outlook's JavaScript-only runtime documents none
 * of them, and Microsoft says Blobs built from arrays fail there (office-js #5869;
 * docs/design/attachment-limits.md §2.9). postal-mime creates encoders at module load, so without these the whole launchevent.js would
 * fail to load and Outlook would report the add-in as unavailable.
 *
 * Each shim is installed only when the native one is missing or fails a probe. The decoder knows
 * UTF-8, UTF-16LE/BE, ISO-8859-1 and windows-1252 and refuses other labels (postal-mime then falls
 * back to its default, as it does for any unknown charset).
 */

import { decodeBase64, encodeUtf8 } from "../office/base64";

type Global = Record<string, unknown>;

const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "iso-8859-1" | "windows-1252";

const LABELS: Readonly<Record<string, Encoding>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  // WHATWG maps latin1/iso-8859-1/us-ascii to windows-1252; so do we.
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
};

function codesToString(codes: number[]): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) {
    out += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  }
  return out;
}

function toBytes(input: unknown): Uint8Array {
  if (input === undefined || input === null) return new Uint8Array(0);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError("TextDecoder.decode: not a buffer");
}

function decodeUtf8Bytes(bytes: Uint8Array, skipBom: boolean): string {
  const codes: number[] = [];
  let i = skipBom && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp = 0xfffd;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      codes.push(b);
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      cp = b & 0x1f;
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      cp = b & 0x0f;
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      cp = b & 0x07;
      need = 3;
      min = 0x10000;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (need === 0 || j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      codes.push(0xfffd);
      i += need === 0 ? 1 : Math.max(1, j);
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else codes.push(cp);
    i += need + 1;
  }
  return codesToString(codes);
}

class ShimTextDecoder {
  readonly encoding: Encoding;
  private readonly ignoreBOM: boolean;
  constructor(label = "utf-8", options: { ignoreBOM?: boolean } = {}) {
    const encoding = LABELS[String(label).trim().toLowerCase()];
    if (!encoding) throw new RangeError(`TextDecoder: unsupported encoding ${String(label)}`);
    this.encoding = encoding;
    this.ignoreBOM = options.ignoreBOM === true;
  }
  decode(input?: unknown): string {
    const bytes = toBytes(input);
    switch (this.encoding) {
      case "utf-8":
        return decodeUtf8Bytes(bytes, !this.ignoreBOM);
      case "utf-16le":
      case "utf-16be": {
        const le = this.encoding === "utf-16le";
        const codes: number[] = [];
        for (let i = 0; i + 1 < bytes.length; i += 2) codes.push(le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
        if (!this.ignoreBOM && codes[0] === 0xfeff) codes.shift();
        return codesToString(codes);
      }
      default: {
        const codes: number[] = new Array(bytes.length);
        for (let i = 0; i < bytes.length; i++) {
          const b = bytes[i]!;
          codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
        }
        return codesToString(codes);
      }
    }
  }
}

class ShimTextEncoder {
  readonly encoding = "utf-8";
  encode(input = ""): Uint8Array {
    // A copy: encodeUtf8 returns a view of a larger buffer, and callers may read `.buffer`.
    return encodeUtf8(String(input)).slice();
  }
}

/** Just enough Blob for postal-mime: built from byte chunks, read back with arrayBuffer(). */
class ShimBlob {
  readonly type: string;
  readonly size: number;
  private readonly bytes: Uint8Array;
  constructor(parts: unknown[] = [], options: { type?: string } = {}) {
    const chunks: Uint8Array[] = [];
    const encoder = new ShimTextEncoder();
    for (const part of parts) {
      if (typeof part === "string") chunks.push(encoder.encode(part));
      else if (part instanceof ShimBlob) chunks.push(part.bytes);
      else chunks.push(toBytes(part));
    }
    let length = 0;
    for (const c of chunks) length += c.length;
    this.bytes = new Uint8Array(length);
    let offset = 0;
    for (const c of chunks) {
      this.bytes.set(c, offset);
      offset += c.length;
    }
    this.size = length;
    this.type = options.type ?? "";
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.slice().buffer);
  }
  get [Symbol.toStringTag](): string {
    return "Blob";
  }
}

/** atob: base64 → a "binary string" (one char per byte), throwing on bad input as browsers do. */
function shimAtob(input: string): string {
  const decoded = decodeBase64(String(input));
  if (!decoded.ok) throw new Error("atob: invalid base64");
  let out = "";
  const bytes = decoded.bytes;
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode.apply(null, Array.prototype.slice.call(bytes, i, i + 8192) as number[]);
  }
  return out;
}

function works(probe: () => boolean): boolean {
  try {
    return probe();
  } catch {
    return false;
  }
}

/** Installs what is missing or broken on `g`; returns the names installed (for the log). */
export function installRuntimeShims(g: Global = globalThis as unknown as Global): string[] {
  const installed: string[] = [];
  const put = (name: string, value: unknown) => {
    try {
      g[name] = value;
      installed.push(name);
    } catch {
      // A read-only global: keep what the host has.
    }
  };
  const NativeEncoder = g.TextEncoder as (new () => { encode(s: string): Uint8Array }) | undefined;
  if (!works(() => typeof NativeEncoder === "function" && new NativeEncoder().encode("æ").length === 2)) put("TextEncoder", ShimTextEncoder);
  const NativeDecoder = g.TextDecoder as (new (label?: string) => { decode(b: Uint8Array): string }) | undefined;
  if (!works(() => typeof NativeDecoder === "function" && new NativeDecoder("utf-8").decode(new Uint8Array([0xc3, 0xa6])) === "æ")) {
    put("TextDecoder", ShimTextDecoder);
  }
  const NativeBlob = g.Blob as (new (parts: unknown[]) => { arrayBuffer?: () => Promise<ArrayBuffer>; size: number }) | undefined;
  if (!works(() => typeof NativeBlob === "function" && typeof new NativeBlob([new Uint8Array(2)]).arrayBuffer === "function")) {
    put("Blob", ShimBlob);
  }
  const nativeAtob = g.atob as ((s: string) => string) | undefined;
  if (!works(() => typeof nativeAtob === "function" && nativeAtob("w6Y=") === "\u00c3\u00a6")) put("atob", shimAtob);
  return installed;
}

export { shimAtob };
export { ShimBlob, ShimTextDecoder, ShimTextEncoder };
