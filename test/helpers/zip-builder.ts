/**
 * Test-only: zips written byte by byte, for what no honest tool writes: lying sizes, encryption
 * flags, overlapping entries, and a 1 GiB bomb built as a raw deflate stream in memory (6.5 MB,
 * produced in milliseconds) instead of compressing a gigabyte.
 */
import { concatBytes } from "../../src/core/extractors/concat-bytes";

export interface RawEntry {
  readonly name: string;
  /** Compressed bytes as stored. */
  readonly data: Uint8Array;
  readonly method: number;
  /** Declared uncompressed size (may lie). */
  readonly size: number;
  readonly flags?: number;
  readonly crc?: number;
  /** Extra field for the central directory (e.g. the AES marker 0x9901). */
  readonly extra?: Uint8Array;
  /** Point this entry's header at an earlier entry's local header (overlapping-file bombs). */
  readonly sameDataAs?: number;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const push = (b: Uint8Array): void => {
    parts.push(b);
    offset += b.length;
  };
  entries.forEach((e, i) => {
    if (e.sameDataAs !== undefined) {
      offsets[i] = offsets[e.sameDataAs] as number;
      return;
    }
    const name = enc(e.name);
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, (e.flags ?? 0) | 0x800, true);
    h.setUint16(8, e.method, true);
    h.setUint32(14, e.crc ?? 0, true);
    h.setUint32(18, e.data.length, true);
    h.setUint32(22, e.size, true);
    h.setUint16(26, name.length, true);
    offsets[i] = offset;
    push(new Uint8Array(h.buffer));
    push(name);
    push(e.data);
  });
  const cdStart = offset;
  entries.forEach((e, i) => {
    const name = enc(e.name);
    const extra = e.extra ?? new Uint8Array(0);
    const src = e.sameDataAs !== undefined ? (entries[e.sameDataAs] as RawEntry) : e;
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, (e.flags ?? 0) | 0x800, true);
    c.setUint16(10, e.method, true);
    c.setUint32(16, e.crc ?? 0, true);
    c.setUint32(20, src.data.length, true);
    c.setUint32(24, e.size, true);
    c.setUint16(28, name.length, true);
    c.setUint16(30, extra.length, true);
    c.setUint32(42, offsets[i] as number, true);
    push(new Uint8Array(c.buffer));
    push(name);
    push(extra);
  });
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, offset - cdStart, true);
  end.setUint32(16, cdStart, true);
  push(new Uint8Array(end.buffer));
  return concatBytes(parts, offset);
}

/**
 * A raw DEFLATE stream that inflates to `size` zero bytes: one fixed-Huffman block of a literal 0
 * and then back-references of length 258 at distance 1 (13 bits per 258 bytes, ratio ~159:1).
 */
export function zeroDeflate(size: number): Uint8Array {
  const pairs = Math.floor((size - 1) / 258);
  const tail = size - 1 - pairs * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 + pairs * 13 + (tail + 1) * 8 + 7 + 7) / 8));
  let bit = 0;
  const bits = (value: number, n: number): void => {
    for (let i = 0; i < n; i++, bit++) if ((value >> i) & 1) out[bit >> 3] = (out[bit >> 3] as number) | (1 << (bit & 7));
  };
  // Huffman codes go most-significant bit first.
  const code = (value: number, n: number): void => {
    for (let i = n - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3] = (out[bit >> 3] as number) | (1 << (bit & 7));
  };
  bits(1, 1); // BFINAL
  bits(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  for (let i = 0; i < pairs; i++) {
    code(0xc5, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
  }
  for (let i = 0; i < tail; i++) code(0x30, 8);
  code(0, 7); // end of block
  return out.subarray(0, (bit + 7) >> 3);
}
