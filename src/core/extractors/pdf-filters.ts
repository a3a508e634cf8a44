/**
 * The PDF stream filters older producers still write: RunLengthDecode and LZWDecode (PDF 32000-1
 * §7.4.4–7.4.5), the ASCII filters (§7.4.2–7.4.3), and the predictors (§7.4.4.4) that LZW and Flate
 * streams may carry (Flate itself is in pdf-inflate.ts). pdf.js reads
 * all of them, so the mini reader must too, or it misses numbers pdf.js finds.
 *
 * Both decoders count real output against the same per-stream cap and scan budget as the Flate
 * path, in chunks, so a stream that expands without end stops as early, and is named by the same
 * rule (`overflowStop`: a bomb when output outruns input more than BOMB_RATIO times).
 */
import type { Budget } from "./budget";
import { entryCapName, overflowStop } from "./budget";

/** Output bytes between two counts: bounds what is held before the budget has seen it. */
const COUNT_CHUNK = 64 * 1024;

/** Collects output in fixed chunks and counts each full chunk before the next one starts. */
class CountedOutput {
  private readonly chunks: Uint8Array[] = [];
  // Small streams (a ToUnicode CMap, a short page) stay small: chunks double up to COUNT_CHUNK.
  private cur = new Uint8Array(1024);
  private pos = 0;
  private total = 0;
  private readonly cap: number;

  constructor(private readonly budget: Budget) {
    this.cap = budget.limits.maxEntryInflatedBytes;
  }

  /** `consumed`: input bytes read so far, which names an overflow a bomb or merely too large. */
  push(b: number, consumed: number): void {
    if (this.pos === this.cur.length) this.flush(consumed);
    this.cur[this.pos++] = b;
  }

  private flush(consumed: number): void {
    this.count(this.pos, consumed);
    this.chunks.push(this.cur);
    this.cur = new Uint8Array(Math.min(COUNT_CHUNK, this.cur.length * 2));
    this.pos = 0;
    this.budget.tick();
  }

  private count(n: number, consumed: number): void {
    // Checked before counting, as the Flate path does: the per-stream cap first, then the scan's.
    if (this.total + n > this.cap) throw overflowStop(this.total + n, consumed, entryCapName(this.budget.limits));
    this.budget.addInflated(n);
    this.total += n;
  }

  finish(consumed: number): Uint8Array {
    this.count(this.pos, consumed);
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    out.set(this.cur.subarray(0, this.pos), at);
    return out;
  }
}

/**
 * RunLengthDecode: a length byte L, then L+1 literal bytes (L < 128) or one byte repeated 257-L
 * times (L > 128); 128 ends the data. A cut-off stream yields what it holds, as pdf.js does.
 */
export function runLengthDecode(data: Uint8Array, budget: Budget): Uint8Array {
  const out = new CountedOutput(budget);
  let i = 0;
  while (i < data.length) {
    const len = data[i++] as number;
    if (len === 128) break;
    if (len < 128) {
      const end = Math.min(data.length, i + len + 1);
      for (; i < end; i++) out.push(data[i] as number, i + 1);
    } else {
      if (i >= data.length) break;
      const b = data[i++] as number;
      for (let k = 257 - len; k > 0; k--) out.push(b, i);
    }
  }
  return out.finish(i);
}

const LZW_CLEAR = 256;
const LZW_EOD = 257;
const LZW_FIRST = 258;
const LZW_MAX = 4096;

/**
 * LZWDecode, MSB-first codes of 9 to 12 bits, 256 clears the table and 257 ends the data.
 * `earlyChange` 1 (the default) widens codes one entry early, as TIFF's encoders did.
 * Running out of bits without an end code, or a code the table cannot yet hold (damage), ends
 * the stream with what was decoded: pdf.js also keeps the text before a broken tail.
 */
export function lzwDecode(data: Uint8Array, earlyChange: 0 | 1, budget: Budget): Uint8Array {
  const out = new CountedOutput(budget);
  // The table as prefix code + last byte; strings are rebuilt backwards into `stack`.
  const prefix = new Uint16Array(LZW_MAX);
  const suffix = new Uint8Array(LZW_MAX);
  const length = new Uint16Array(LZW_MAX);
  for (let c = 0; c < 256; c++) {
    suffix[c] = c;
    length[c] = 1;
  }
  const stack = new Uint8Array(LZW_MAX);
  let width = 9;
  let next = LZW_FIRST;
  let prev = -1;
  let bitBuf = 0;
  let bitCount = 0;
  let i = 0;
  for (;;) {
    while (bitCount < width && i < data.length) {
      bitBuf = ((bitBuf << 8) | (data[i++] as number)) & 0xffffff;
      bitCount += 8;
    }
    if (bitCount < width) break;
    const code = (bitBuf >>> (bitCount - width)) & ((1 << width) - 1);
    bitCount -= width;
    if (code === LZW_CLEAR) {
      width = 9;
      next = LZW_FIRST;
      prev = -1;
      continue;
    }
    if (code === LZW_EOD) break;
    let first: number;
    if (code < next) {
      // A known string: emit it.
      let n = length[code] as number;
      const len = n;
      for (let c = code; n > 0; c = prefix[c] as number) stack[--n] = suffix[c] as number;
      first = stack[0] as number;
      for (let k = 0; k < len; k++) out.push(stack[k] as number, i);
    } else if (code === next && prev >= 0) {
      // The KwKwK case: the string being defined right now, the previous one plus its first byte.
      let n = length[prev] as number;
      const len = n;
      for (let c = prev; n > 0; c = prefix[c] as number) stack[--n] = suffix[c] as number;
      first = stack[0] as number;
      for (let k = 0; k < len; k++) out.push(stack[k] as number, i);
      out.push(first, i);
    } else break; // A code beyond the table: the stream is damaged from here.
    if (prev >= 0 && next < LZW_MAX) {
      prefix[next] = prev;
      suffix[next] = first;
      length[next] = (length[prev] as number) + 1;
      next++;
      if (next + earlyChange >= 1 << width && width < 12) width++;
    }
    prev = code;
  }
  return out.finish(i);
}

export interface PredictorParams {
  /** 1 none, 2 TIFF, 10–15 PNG (the row's own first byte then names the PNG filter). */
  readonly predictor: number;
  readonly colors: number;
  readonly bitsPerComponent: number;
  readonly columns: number;
}

/**
 * Undo a predictor. Undefined for what we cannot undo (TIFF below 8 bits per component, an
 * unknown PNG row filter, nonsense parameters): the caller then calls the stream undecodable.
 * The output is never longer than the input, so it needs no counting.
 */
export function unpredict(data: Uint8Array, p: PredictorParams): Uint8Array | undefined {
  if (p.predictor <= 1) return data;
  const { colors, bitsPerComponent: bpc, columns } = p;
  if (!(colors >= 1 && colors <= 32 && columns >= 1 && columns <= 1 << 20 && [1, 2, 4, 8, 16].indexOf(bpc) >= 0)) return undefined;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((columns * colors * bpc) / 8);
  if (p.predictor === 2) {
    if (bpc !== 8) return undefined;
    const out = data.slice();
    for (let row = 0; row < out.length; row += rowBytes) {
      const end = Math.min(out.length, row + rowBytes);
      for (let k = row + colors; k < end; k++) out[k] = ((out[k] as number) + (out[k - colors] as number)) & 255;
    }
    return out;
  }
  if (p.predictor < 10) return undefined;
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)] as number;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let k = 0; k < rowBytes; k++) {
      const raw = data[src + k] as number;
      const left = k >= bpp ? (out[dst + k - bpp] as number) : 0;
      const up = r > 0 ? (out[dst - rowBytes + k] as number) : 0;
      const upLeft = r > 0 && k >= bpp ? (out[dst - rowBytes + k - bpp] as number) : 0;
      let v: number;
      switch (type) {
        case 0: v = raw; break;
        case 1: v = raw + left; break;
        case 2: v = raw + up; break;
        case 3: v = raw + ((left + up) >> 1); break;
        case 4: v = raw + paeth(left, up, upLeft); break;
        default: return undefined;
      }
      out[dst + k] = v & 255;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** ASCIIHexDecode (§7.4.2): pairs of hex digits up to `>`, whitespace ignored, an odd last digit padded with 0. */
export function asciiHex(data: Uint8Array): Uint8Array {
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

/** ASCII85Decode (§7.4.3): groups of five base-85 digits, `z` for four zeros, up to `~>`. */
export function ascii85(data: Uint8Array): Uint8Array {
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
