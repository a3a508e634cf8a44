/**
 * The PDF object layer of the mini extractor: a tokenizer/parser for PDF values, indirect objects
 * found by scanning for `N G obj` (no trust in the xref table, so damaged xrefs still read),
 * object streams, and stream filters (Flate and the ASCII ones here, LZW, RunLength and predictors
 * in pdf-filters.ts). Bytes are handled as a Latin-1 string: one char per byte.
 */
import { Inflate } from "fflate";
import type { Budget } from "./budget";
import { entryCapName, ExtractStop, overflowStop } from "./budget";
import { concatBytes } from "./concat-bytes";
import { INFLATE_CHUNK_BYTES, MAX_PDF_OBJECTS } from "./limits";
import { lzwDecode, runLengthDecode, unpredict } from "./pdf-filters";
import { decodeLatin1 } from "./text-decode";
import { inflateCounted } from "./zip";

export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict;
export interface PdfName {
  readonly n: string;
}
export interface PdfString {
  /** Raw bytes as a Latin-1 string. */
  readonly s: string;
}
export interface PdfRef {
  readonly r: number;
}
export interface PdfDict {
  readonly d: Map<string, PdfValue>;
}

export const isName = (v: PdfValue | undefined): v is PdfName => typeof v === "object" && v !== null && "n" in v;
export const isString = (v: PdfValue | undefined): v is PdfString => typeof v === "object" && v !== null && "s" in v;
export const isRef = (v: PdfValue | undefined): v is PdfRef => typeof v === "object" && v !== null && "r" in v;
export const isDict = (v: PdfValue | undefined): v is PdfDict => typeof v === "object" && v !== null && "d" in v;

function isWhite(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;
}
function isDelim(c: number): boolean {
  return c === 40 || c === 41 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 47 || c === 37;
}

/** A cursor over PDF syntax. Shared by the object parser and the content-stream tokenizer. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly src: string,
    start = 0,
    readonly end = src.length,
  ) {
    this.pos = start;
  }

  skipWhite(): void {
    const s = this.src;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (isWhite(c)) this.pos++;
      else if (c === 37 /* % comment */) {
        while (this.pos < this.end && s.charCodeAt(this.pos) !== 10 && s.charCodeAt(this.pos) !== 13) this.pos++;
      } else break;
    }
  }

  /** A bare word (operator, keyword or number text). */
  word(): string {
    const s = this.src;
    const start = this.pos;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (isWhite(c) || isDelim(c)) break;
      this.pos++;
    }
    return s.slice(start, this.pos);
  }

  name(): PdfName {
    this.pos++; // '/'
    const raw = this.word();
    return { n: raw.indexOf("#") >= 0 ? raw.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : raw };
  }

  literalString(): PdfString {
    const s = this.src;
    this.pos++; // '('
    let depth = 1;
    let out = "";
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos++);
      if (c === 92 /* \ */) {
        const e = s.charAt(this.pos++);
        switch (e) {
          case "n": out += "\n"; break;
          case "r": out += "\r"; break;
          case "t": out += "\t"; break;
          case "b": out += "\b"; break;
          case "f": out += "\f"; break;
          case "\r":
            if (s.charAt(this.pos) === "\n") this.pos++;
            break;
          case "\n":
            break;
          default:
            if (e >= "0" && e <= "7") {
              let oct = e;
              for (let k = 0; k < 2 && s.charAt(this.pos) >= "0" && s.charAt(this.pos) <= "7"; k++) oct += s.charAt(this.pos++);
              out += String.fromCharCode(parseInt(oct, 8) & 0xff);
            } else out += e;
        }
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41 && --depth === 0) break;
      out += String.fromCharCode(c);
    }
    return { s: out };
  }

  hexString(): PdfString {
    const s = this.src;
    this.pos++; // '<'
    let hex = "";
    while (this.pos < this.end) {
      const ch = s.charAt(this.pos++);
      if (ch === ">") break;
      if (/[0-9a-fA-F]/.test(ch)) hex += ch;
    }
    if (hex.length % 2 === 1) hex += "0";
    let out = "";
    for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
    return { s: out };
  }

  /** Parse one value; `undefined` at the end or on an operator word (content streams). */
  value(depth = 0): PdfValue | undefined {
    this.skipWhite();
    if (this.pos >= this.end || depth > 64) return undefined;
    const s = this.src;
    const c = s.charCodeAt(this.pos);
    if (c === 47) return this.name();
    if (c === 40) return this.literalString();
    if (c === 60) {
      if (s.charCodeAt(this.pos + 1) === 60) {
        this.pos += 2;
        const d = new Map<string, PdfValue>();
        for (;;) {
          this.skipWhite();
          if (this.pos >= this.end) break;
          if (s.charCodeAt(this.pos) === 62) {
            this.pos += 2;
            break;
          }
          if (s.charCodeAt(this.pos) !== 47) {
            // Junk inside a dictionary: skip a token so a damaged file cannot stall us.
            this.pos++;
            continue;
          }
          const key = this.name().n;
          const v = this.value(depth + 1);
          if (v === undefined) break;
          d.set(key, v);
        }
        return { d };
      }
      return this.hexString();
    }
    if (c === 91) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (this.pos >= this.end) break;
        if (s.charCodeAt(this.pos) === 93) {
          this.pos++;
          break;
        }
        const before = this.pos;
        const v = this.value(depth + 1);
        if (v === undefined) {
          if (this.pos === before) this.pos++;
          continue;
        }
        arr.push(v);
      }
      return arr;
    }
    if (c === 93 || c === 62 || c === 41 || c === 123 || c === 125) {
      this.pos++;
      return undefined;
    }
    const save = this.pos;
    const w = this.word();
    if (w === "") {
      this.pos++;
      return undefined;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      const num = Number(w);
      // "N G R" is a reference: look ahead without consuming if it is not.
      if (/^\d+$/.test(w)) {
        const after = this.pos;
        this.skipWhite();
        const g = this.word();
        if (/^\d+$/.test(g)) {
          this.skipWhite();
          if (s.charAt(this.pos) === "R" && (this.pos + 1 >= this.end || isWhite(s.charCodeAt(this.pos + 1)) || isDelim(s.charCodeAt(this.pos + 1)))) {
            this.pos++;
            return { r: num };
          }
        }
        this.pos = after;
      }
      return num;
    }
    if (w === "true") return true;
    if (w === "false") return false;
    if (w === "null") return null;
    // An operator word: give it back to the caller (content streams).
    this.pos = save;
    return undefined;
  }
}

interface ObjectSlot {
  /** Offset of the object's body (after "obj"), or -1 for objects inside an object stream. */
  readonly start: number;
  readonly end: number;
  readonly streamStart: number;
  readonly streamEnd: number;
  /** For objects in an object stream: the decoded stream text it lives in. */
  readonly host?: string;
}

export class PdfDocument {
  readonly src: string;
  private readonly slots = new Map<number, ObjectSlot>();
  private readonly cache = new Map<number, PdfValue>();
  /** Streams we could not decode (unknown filter or predictor): the text may be incomplete. */
  undecodable = 0;

  constructor(
    readonly bytes: Uint8Array,
    private readonly budget: Budget,
  ) {
    this.src = decodeLatin1(bytes);
    this.indexObjects();
    this.indexObjectStreams();
  }

  private indexObjects(): void {
    const s = this.src;
    const re = /(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(s)) !== null) {
      if (++count > MAX_PDF_OBJECTS) throw new ExtractStop("too-large", undefined, "MAX_PDF_OBJECTS");
      if ((count & 1023) === 0) this.budget.tick();
      // The match must start a token: "12 0 obj" not "112 0 obj" seen from inside.
      const before = m.index > 0 ? s.charCodeAt(m.index - 1) : 32;
      if (before >= 48 && before <= 57) continue;
      const num = Number(m[1]);
      const start = m.index + m[0].length;
      const lx = new PdfLexer(s, start);
      const v = lx.value();
      let end = lx.pos;
      let streamStart = -1;
      let streamEnd = -1;
      if (isDict(v)) {
        lx.skipWhite();
        if (s.startsWith("stream", lx.pos)) {
          let p = lx.pos + 6;
          if (s.charAt(p) === "\r") p++;
          if (s.charAt(p) === "\n") p++;
          streamStart = p;
          const len = v.d.get("Length");
          let found = -1;
          if (typeof len === "number" && len >= 0 && p + len <= s.length) {
            const tail = s.slice(p + len, p + len + 20);
            if (/^\s*endstream/.test(tail)) found = p + len;
          }
          if (found < 0) {
            const e = s.indexOf("endstream", p);
            found = e < 0 ? s.length : e;
            // Trim the EOL that precedes "endstream".
            if (s.charAt(found - 1) === "\n") found--;
            if (s.charAt(found - 1) === "\r") found--;
          }
          streamEnd = found;
          const after = s.indexOf("endstream", found);
          end = after < 0 ? s.length : after + 9;
          re.lastIndex = end;
        }
      }
      this.slots.set(num, { start, end, streamStart, streamEnd });
    }
  }

  private indexObjectStreams(): void {
    const direct = Array.from(this.slots.keys());
    for (const num of direct) {
      const v = this.get(num);
      if (!isDict(v) || !isName(v.d.get("Type")) || (v.d.get("Type") as PdfName).n !== "ObjStm") continue;
      const data = this.streamText(num);
      if (data === undefined) continue;
      const n = this.resolve(v.d.get("N"));
      const first = this.resolve(v.d.get("First"));
      if (typeof n !== "number" || typeof first !== "number") continue;
      const lx = new PdfLexer(data, 0, Math.min(first, data.length));
      const pairs: number[] = [];
      for (let i = 0; i < n * 2; i++) {
        const x = lx.value();
        if (typeof x !== "number") break;
        pairs.push(x);
      }
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const objNum = pairs[i] as number;
        const start = first + (pairs[i + 1] as number);
        const end = i + 3 < pairs.length ? first + (pairs[i + 3] as number) : data.length;
        // A direct object of the same number is a later incremental update: it wins.
        if (!this.slots.has(objNum)) this.slots.set(objNum, { start, end, streamStart: -1, streamEnd: -1, host: data });
      }
      this.budget.tick();
    }
  }

  get(num: number): PdfValue | undefined {
    if (this.cache.has(num)) return this.cache.get(num);
    const slot = this.slots.get(num);
    if (!slot) return undefined;
    const v = new PdfLexer(slot.host ?? this.src, slot.start, slot.end).value();
    const out = v === undefined ? null : v;
    this.cache.set(num, out);
    return out;
  }

  resolve(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    let cur = v;
    for (let i = 0; isRef(cur) && i < 16 + depth; i++) cur = this.get(cur.r);
    return isRef(cur) ? undefined : cur;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const r = this.resolve(v);
    return isDict(r) ? r : undefined;
  }

  /** The decoded bytes of stream object `num`, as Latin-1; undefined when not decodable. */
  streamText(num: number): string | undefined {
    const slot = this.slots.get(num);
    const v = this.get(num);
    if (!slot || slot.streamStart < 0 || !isDict(v)) return undefined;
    let data: Uint8Array = this.bytes.subarray(slot.streamStart, slot.streamEnd);
    const filter = this.resolve(v.d.get("Filter"));
    const filters = Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : filter === undefined ? [] : [filter];
    const parms = this.resolve(v.d.get("DecodeParms"));
    for (let i = 0; i < filters.length; i++) {
      const f = filters[i];
      // One /DecodeParms per filter when both are arrays; a lone dictionary serves every filter (as in pdf.js).
      const p = this.dict(Array.isArray(parms) ? parms[i] : parms);
      const out = this.decodeStage(isName(f) ? f.n : "", data, p);
      if (out === undefined) {
        this.undecodable++;
        return undefined;
      }
      data = out;
    }
    return decodeLatin1(data);
  }

  /** One filter of a stream's chain; undefined for a filter (or predictor) we cannot undo. */
  private decodeStage(name: string, data: Uint8Array, parms: PdfDict | undefined): Uint8Array | undefined {
    switch (name) {
      case "FlateDecode":
      case "Fl":
        return this.unpredict(inflateZlibCounted(data, this.budget), parms);
      case "LZWDecode":
      case "LZW":
        return this.unpredict(lzwDecode(data, this.param(parms, "EarlyChange", 1) === 0 ? 0 : 1, this.budget), parms);
      case "RunLengthDecode":
      case "RL":
        return runLengthDecode(data, this.budget);
      case "ASCIIHexDecode":
      case "AHx":
        return asciiHex(data);
      case "ASCII85Decode":
      case "A85":
        return ascii85(data);
      default:
        return undefined;
    }
  }

  private unpredict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array | undefined {
    return unpredict(data, {
      predictor: this.param(parms, "Predictor", 1),
      colors: this.param(parms, "Colors", 1),
      bitsPerComponent: this.param(parms, "BitsPerComponent", 8),
      columns: this.param(parms, "Columns", 1),
    });
  }

  private param(parms: PdfDict | undefined, key: string, fallback: number): number {
    const v = parms ? this.resolve(parms.d.get(key)) : undefined;
    return typeof v === "number" ? v : fallback;
  }

  /** The stream behind a value that is a reference to a stream. */
  streamOf(v: PdfValue | undefined): string | undefined {
    return isRef(v) ? this.streamText(v.r) : undefined;
  }

  /** `/Root` from the last trailer or cross-reference stream; else any `/Type /Catalog`. */
  catalog(): PdfDict | undefined {
    const s = this.src;
    let at = s.lastIndexOf("trailer");
    while (at >= 0) {
      const t = new PdfLexer(s, at + 7).value();
      if (isDict(t)) {
        const root = this.dict(t.d.get("Root"));
        if (root) return root;
      }
      at = s.lastIndexOf("trailer", at - 1);
    }
    for (const num of this.slots.keys()) {
      const v = this.get(num);
      if (isDict(v)) {
        const type = v.d.get("Type");
        if (isName(type) && type.n === "XRef") {
          const root = this.dict(v.d.get("Root"));
          if (root) return root;
        }
      }
    }
    for (const num of this.slots.keys()) {
      const v = this.get(num);
      if (isDict(v) && isName(v.d.get("Type")) && (v.d.get("Type") as PdfName).n === "Catalog") return v;
    }
    return undefined;
  }

  /** True when any trailer or xref stream names an /Encrypt dictionary. */
  isEncrypted(): boolean {
    const s = this.src;
    let at = s.indexOf("/Encrypt");
    while (at >= 0) {
      // "/Encrypt" must be a key in a trailer or XRef dictionary, not text in a content stream.
      const before = s.lastIndexOf("trailer", at);
      const xref = s.lastIndexOf("/XRef", at + 2000);
      if ((before >= 0 && at - before < 4096) || (xref >= 0 && Math.abs(xref - at) < 4096)) return true;
      at = s.indexOf("/Encrypt", at + 8);
    }
    return false;
  }
}

/** FlateDecode streams carry a zlib header; some producers write raw deflate. Both are accepted. */
function inflateZlibCounted(data: Uint8Array, budget: Budget): Uint8Array {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  const zlib = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
  const body = zlib ? data.subarray(2) : data;
  try {
    return inflateCounted(body, -1, budget);
  } catch (e) {
    // A stream cut short (no final block, missing checksum) still has readable text: pdf.js reads
    // such files, so we keep what inflated instead of dropping the page.
    if (e instanceof ExtractStop && e.why === "corrupt") return inflatePartial(body, budget);
    throw e;
  }
}

/** Inflate as far as the data allows, counting output; a broken tail just ends the stream. */
function inflatePartial(data: Uint8Array, budget: Budget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let consumed = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget.limits.maxEntryInflatedBytes) throw overflowStop(total, consumed, entryCapName(budget.limits));
    budget.addInflated(chunk.length);
    chunks.push(chunk);
  });
  try {
    for (let off = 0; off < data.length; off += INFLATE_CHUNK_BYTES) {
      consumed = Math.min(data.length, off + INFLATE_CHUNK_BYTES);
      inflater.push(data.subarray(off, consumed), false);
    }
  } catch (e) {
    if (e instanceof ExtractStop) throw e;
  }
  return concatBytes(chunks, total);
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let hi = -1;
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 62) break;
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (v < 0) continue;
    if (hi < 0) hi = v;
    else {
      out.push((hi << 4) | v);
      hi = -1;
    }
  }
  if (hi >= 0) out.push(hi << 4);
  return new Uint8Array(out);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let group: number[] = [];
  let i = 0;
  if (data[0] === 60 && data[1] === 126) i = 2; // "<~"
  for (; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 126) break; // "~>"
    if (c === 122 && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 33 || c > 117) continue;
    group.push(c - 33);
    if (group.length === 5) {
      let v = 0;
      for (const g of group) v = v * 85 + g;
      out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
      group = [];
    }
  }
  if (group.length > 1) {
    const n = group.length;
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const g of group) v = v * 85 + g;
    const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    for (let k = 0; k < n - 1; k++) out.push(bytes[k] as number);
  }
  return new Uint8Array(out);
}
