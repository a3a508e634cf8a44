/**
 * Unsigned integers read from bytes, the one set every binary reader uses (zip, CFB, compressed
 * RTF, image sniffing). A byte past the end reads as 0, so a truncated header yields a value the
 * caller's own bounds check rejects, never NaN. Values are doubles: exact up to 2^53.
 */

export function u16le(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

export function u32le(b: Uint8Array, o: number): number {
  // The top byte is added, not shifted: `<< 24` would make values from 2^31 up negative.
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;
}

export function u64le(b: Uint8Array, o: number): number {
  return u32le(b, o) + u32le(b, o + 4) * 0x100000000;
}

export function u32be(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) * 0x1000000 + (((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0));
}
