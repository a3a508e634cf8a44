/**
 * An Outlook RTF body (PidTagRtfCompressed, [MS-OXRTFCP]) back to RTF bytes. The LZFu decoding is
 * @kenjiuno/decompressrtf's (msgreader's own companion, loaded on first use like msgreader); this
 * module only decides whether a stream may be handed to it. The library checks neither the CRC
 * nor the end of its input (reads past the end come back as zero bytes) and grows a plain array
 * with no cap, so a damaged or hostile stream is stopped here: header sizes against the real
 * stream, the CRC, the declared size against the budget, and the real output size, measured
 * before any of it is allocated.
 */
import { entryCapName, ExtractStop, overflowStop } from "./budget";
import type { Budget } from "./budget";
import { u32le as u32 } from "./byte-readers";

/** The library's entry point: compressed stream in, RTF bytes out. */
export type RtfDecompressor = (input: number[]) => number[];

const HEADER = 16;
const LZFU = 0x75465a4c;
const MELA = 0x414c454d;
/** The spec's pre-filled dictionary is 207 bytes; output positions start after it. */
const DICTIONARY = 207;

let crcTable: Uint32Array | undefined;

/** [MS-OXRTFCP] 2.1.3.2: the IEEE CRC-32 table, but started at 0 and not inverted at the end. */
export function rtfCrc(bytes: Uint8Array, from: number, to: number): number {
  const table = crcTable ?? (crcTable = makeTable());
  let crc = 0;
  for (let i = from; i < to; i++) crc = (table[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return crc >>> 0;
}

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
}

/**
 * Loads the decoder on first use (a .msg with an RTF-only body), or undefined where the host
 * leaves it out (the send-time bundle aliases it away with msgreader: scripts/webpack/addin.js).
 */
export async function loadRtfDecompressor(): Promise<RtfDecompressor | undefined> {
  type Mod = { decompressRTF?: unknown; default?: { decompressRTF?: unknown } };
  const mod = (await import("@kenjiuno/decompressrtf")) as unknown as Mod;
  const fn = typeof mod.decompressRTF === "function" ? mod.decompressRTF : mod.default?.decompressRTF;
  return typeof fn === "function" ? (fn as RtfDecompressor) : undefined;
}

/**
 * The RTF inside a PidTagRtfCompressed stream. Throws ExtractStop: "corrupt" for a stream that is
 * cut short, fails its CRC or has an unknown type; "too-large"/"zip-bomb" when the declared or
 * real output breaks the per-stream cap or the attachment's budget. Real output is counted.
 */
export function unpackCompressedRtf(stream: Uint8Array, budget: Budget, decompress: RtfDecompressor): Uint8Array {
  if (stream.length < HEADER) throw new ExtractStop("corrupt");
  const compSize = u32(stream, 0);
  const rawSize = u32(stream, 4);
  const type = u32(stream, 8);
  // COMPSIZE counts the 12 header bytes after itself; a longer claim means the stream was cut.
  // Trailing bytes are allowed ([MS-OXRTFCP] lets PADDING follow the data).
  const end = compSize + 4;
  if (compSize < HEADER - 4 || end > stream.length) throw new ExtractStop("corrupt");
  const cap = budget.limits.maxEntryInflatedBytes;
  if (rawSize > cap || budget.wouldOverflow(rawSize)) throw overflowStop(rawSize, stream.length, rawSize > cap ? entryCapName(budget.limits) : "MAX_INFLATED_BYTES");
  if (type === MELA) {
    if (HEADER + rawSize > end) throw new ExtractStop("corrupt");
    budget.addInflated(rawSize);
    return stream.subarray(HEADER, HEADER + rawSize);
  }
  if (type !== LZFU) throw new ExtractStop("corrupt");
  if (rtfCrc(stream, HEADER, end) !== u32(stream, 12)) throw new ExtractStop("corrupt");
  const data = stream.subarray(0, end);
  // The declared size is only a claim: measure what the library will really write.
  const real = lzfuOutputLength(data, budget);
  if (real > cap) throw overflowStop(real, end, entryCapName(budget.limits));
  budget.addInflated(real);
  let out: number[];
  try {
    // The library only indexes its input, so the bytes are handed over without a number[] copy.
    out = decompress(data as unknown as number[]);
  } catch {
    throw new ExtractStop("corrupt");
  }
  // lzfuOutputLength mirrors the library's loop; a difference would mean a different library.
  if (out.length !== real) throw new ExtractStop("corrupt");
  return Uint8Array.from(out);
}

/**
 * The number of bytes the LZFu loop writes, walked token by token without copying: the same
 * control-bit loop, end marker (a reference to the current write position) and input end
 * (missing bytes read as 0) as the library.
 */
function lzfuOutputLength(data: Uint8Array, budget: Budget): number {
  const end = data.length;
  let inPos = HEADER;
  let outPos = DICTIONARY;
  let control = 0;
  let nextTick = inPos + (1 << 20);
  for (let run = 0; inPos < end; run = (run + 1) & 7) {
    if (inPos >= nextTick) {
      budget.tick();
      nextTick = inPos + (1 << 20);
    }
    if (run === 0) control = data[inPos++] ?? 0;
    if ((control & (1 << run)) !== 0) {
      const token = ((data[inPos] ?? 0) << 8) | (data[inPos + 1] ?? 0);
      inPos += 2;
      if ((outPos & ~4095) + (token >> 4) === outPos) break;
      outPos += (token & 15) + 2;
    } else {
      inPos++;
      outPos++;
    }
  }
  return outPos - DICTIONARY;
}
