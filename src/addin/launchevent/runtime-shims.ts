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
 * back to its default, as it does for any unknown charset); it decodes with the core's own
 * decoders (core/extractors/text-decode.ts), the ones attachments are read with.
 */

// The direct path, not core/index: the shims install before postal-mime (through core) evaluates.
// eslint-disable-next-line no-restricted-imports -- a leaf module with no imports; see above.
import { decodeCp1252, decodeUtf16, decodeUtf8Pure } from "../../core/extractors/text-decode";
import { decodeBase64, encodeUtf8 } from "../office/base64";

type Global = Record<string, unknown>;

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

function toBytes(input: unknown): Uint8Array {
  if (input === undefined || input === null) return new Uint8Array(0);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError("TextDecoder.decode: not a buffer");
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
      case "utf-8": {
        const bom = !this.ignoreBOM && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
        return decodeUtf8Pure(bytes, bom);
      }
      case "utf-16le":
      case "utf-16be": {
        const text = decodeUtf16(bytes, this.encoding === "utf-16le");
        return !this.ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      }
      default:
        return decodeCp1252(bytes);
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
