/**
 * The PDF object layer of the mini extractor: indirect objects found by scanning for `N G obj` (no
 * trust in the xref table, so damaged xrefs still read), object streams, and each stream's filter
 * chain (pdf-inflate.ts, pdf-filters.ts). Syntax is pdf-lexer.ts's. Bytes are handled as a Latin-1
 * string: one char per byte.
 */
import type { Budget } from "./budget";
import { ExtractStop } from "./budget";
import { MAX_PDF_OBJECTS } from "./limits";
import type { PdfDict, PdfName, PdfValue } from "./pdf-lexer";
import { isDict, isName, isRef, PdfLexer } from "./pdf-lexer";
import { ascii85, asciiHex, lzwDecode, runLengthDecode, unpredict } from "./pdf-filters";
import { inflateZlibCounted } from "./pdf-inflate";
import { decodeLatin1 } from "./text-decode";

/** Bytes decoded to Latin-1 per step when a document is opened (~6 ms a megabyte, measured). */
const DECODE_PIECE = 1 << 20;

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

  private constructor(
    readonly bytes: Uint8Array,
    private readonly budget: Budget,
    src: string,
  ) {
    this.src = src;
  }

  /**
   * Opens a document in steps, yielding where a sliced reader may pause: after each megabyte
   * decoded, every 256 objects indexed, after each object stream. Drained in one go it is the
   * whole open at once (`readPdfMini`).
   */
  static *open(bytes: Uint8Array, budget: Budget): Generator<void, PdfDocument> {
    let src = "";
    for (let at = 0; at < bytes.length; at += DECODE_PIECE) {
      src += decodeLatin1(bytes, at, Math.min(bytes.length, at + DECODE_PIECE));
      yield;
    }
    const doc = new PdfDocument(bytes, budget, src);
    yield* doc.indexObjects();
    yield* doc.indexObjectStreams();
    return doc;
  }

  private *indexObjects(): Generator<void> {
    const s = this.src;
    const re = /(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(s)) !== null) {
      if (++count > MAX_PDF_OBJECTS) throw new ExtractStop("too-large", undefined, "MAX_PDF_OBJECTS");
      if ((count & 255) === 0) {
        this.budget.tick();
        yield;
      }
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
          // "endobj" right after the declared length: the "endstream" keyword is missing. The
          // object ends at that "endobj" (a search for the next "endstream" would swallow the
          // objects that follow, unindexed), but its data runs on to the next "endstream", as
          // pdf.js reads it (Parser.makeStream): a page pointed at it shows that text too.
          let endobj = -1;
          if (typeof len === "number" && len >= 0 && p + len <= s.length) {
            const tail = s.slice(p + len, p + len + 20);
            if (/^\s*endstream/.test(tail)) found = p + len;
            else if (/^\s*endobj/.test(tail)) endobj = s.indexOf("endobj", p + len);
          }
          if (found < 0) {
            const e = s.indexOf("endstream", p);
            found = e < 0 ? (endobj >= 0 ? p + (len as number) : s.length) : e;
            // Trim the EOL that precedes "endstream".
            if (s.charAt(found - 1) === "\n") found--;
            if (s.charAt(found - 1) === "\r") found--;
          }
          streamEnd = found;
          const after = endobj >= 0 ? endobj : s.indexOf("endstream", found);
          end = after < 0 ? s.length : after + (endobj >= 0 ? 6 : 9);
          re.lastIndex = end;
          // An unclosed dictionary swallows the objects after it up to the next `>> stream`, as in
          // pdf.js (this object gets their keys and stream); those objects are still indexed on
          // their own, so the scan goes on after this object's first `endobj`.
          const own = s.indexOf("endobj", start);
          if (own >= 0 && own < streamStart) re.lastIndex = own + 6;
        }
      }
      this.slots.set(num, { start, end, streamStart, streamEnd });
    }
  }

  private *indexObjectStreams(): Generator<void> {
    let parsed = 0;
    for (const [num, slot] of Array.from(this.slots)) {
      // An object stream is a stream: no other object needs parsing here (300,000 small
      // dictionaries once ran seconds past the deadline in this loop).
      if (slot.streamStart < 0) continue;
      if ((++parsed & 255) === 0) {
        this.budget.tick();
        yield;
      }
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
      yield;
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
