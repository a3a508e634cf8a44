/**
 * ZIP reading for .zip, OOXML and ODF. We walk the central directory ourselves and inflate with
 * fflate's streaming Inflate, counting real output: fflate's `unzipSync` trusts declared sizes and
 * silently truncates an entry whose header lies, and it reports ZipCrypto as a generic inflate
 * error (docs/design/attachment-limits.md §2.2, §3.5).
 */
import { inflateSync } from "fflate";
import type { Budget } from "./budget";
import { concatBytes } from "./concat-bytes";
import { entryCapName, ExtractStop, overflowStop } from "./budget";
import { InflateStream } from "./inflate-stream";
import { INFLATE_CHUNK_BYTES } from "./limits";
import { decodeCp437, decodeUtf8, isValidUtf8 } from "./text-decode";
import type { XmlSource } from "./xml";
import { xmlPartSource, xmlPartText, xmlPartTextSteps } from "./xml-encoding";
import { u16le as u16, u32le as u32, u64le as u64 } from "./byte-readers";

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** As declared by the central directory: a claim, checked against the real output. */
  readonly size: number;
  readonly localOffset: number;
  /** General-purpose bit 0 (ZipCrypto) or the WinZip AES method 99. */
  readonly encrypted: boolean;
  readonly isDirectory: boolean;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  return -1;
}

/**
 * Where the directory really starts. Bytes before the archive (a self-extractor's stub, a mangled
 * offset) shift every offset; Info-ZIP's unzip then finds the directory right before the end
 * record and reads the entries at the same shift, so we do too (docs/design/hostile-input.md).
 */
function locateDirectory(b: Uint8Array, eocd: number, cdOffset: number, cdSize: number): { readonly at: number; readonly shift: number } {
  if (cdSize === 0 || u32(b, cdOffset) === 0x02014b50) return { at: cdOffset, shift: 0 };
  const at = eocd - cdSize;
  return at >= 0 && u32(b, at) === 0x02014b50 ? { at, shift: at - cdOffset } : { at: cdOffset, shift: 0 };
}

/** The central directory, validated against the buffer. Throws ExtractStop (corrupt, too-large). */
export function readZipDirectory(b: Uint8Array, budget: Budget): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) throw new ExtractStop("corrupt");
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new ExtractStop("corrupt");
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50) throw new ExtractStop("corrupt");
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  if (count > budget.limits.maxArchiveEntries) throw new ExtractStop("too-large", "too-many-entries", "MAX_ARCHIVE_ENTRIES");
  const { at, shift } = locateDirectory(b, eocd, cdOffset, cdSize);
  if (at + cdSize > b.length) throw new ExtractStop("corrupt");
  const entries: ZipEntry[] = [];
  let p = at;
  // The end record's count may lie low: other tools read every record the directory holds, so
  // records past the count are read too, up to the end record (docs/design/hostile-input.md).
  for (let i = 0; i < count || (p + 46 <= eocd && u32(b, p) === 0x02014b50); i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ExtractStop("corrupt");
    if (i >= budget.limits.maxArchiveEntries) throw new ExtractStop("too-large", "too-many-entries", "MAX_ARCHIVE_ENTRIES");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    const end = extraStart + extraLen + commentLen;
    if (end > b.length) throw new ExtractStop("corrupt");
    let encrypted = (flags & 1) === 1 || method === 99;
    // Extra fields: zip64 sizes (0x0001) and the WinZip AES marker (0x9901).
    for (let e = extraStart; e + 4 <= extraStart + extraLen; ) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      const body = e + 4;
      if (id === 0x0001) {
        let q = body;
        if (size === 0xffffffff && q + 8 <= body + len) {
          size = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= body + len) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= body + len) localOffset = u64(b, q);
      } else if (id === 0x9901) encrypted = true;
      e = body + len;
    }
    const name =
      (flags & 0x800) !== 0 || isValidUtf8(b, nameStart, extraStart)
        ? decodeUtf8(b, nameStart, extraStart)
        : decodeCp437(b, nameStart, extraStart);
    entries.push({
      name,
      method,
      flags,
      compressedSize,
      size,
      // Shifted only when the local header is there: a mangled directory offset moves nothing else.
      localOffset: shift !== 0 && u32(b, localOffset + shift) === 0x04034b50 ? localOffset + shift : localOffset,
      encrypted,
      isDirectory: name.charAt(name.length - 1) === "/",
    });
    p = end;
    if ((i & 255) === 255) budget.tick();
  }
  // A directory that claims records (or bytes) and yields none is one we could not find: never an empty archive.
  if (entries.length === 0 && (cdSize > 0 || u16(b, eocd + 8) > 0)) throw new ExtractStop("corrupt", "inconsistent-archive");
  return entries;
}

/** The local header's name must be the directory's: a mismatch means two views of one archive. */
function localNameMatches(b: Uint8Array, lo: number, entry: ZipEntry): boolean {
  const len = u16(b, lo + 26);
  if (lo + 30 + len > b.length) return false;
  const name = (entry.flags & 0x800) !== 0 || isValidUtf8(b, lo + 30, lo + 30 + len) ? decodeUtf8(b, lo + 30, lo + 30 + len) : decodeCp437(b, lo + 30, lo + 30 + len);
  return name === entry.name;
}

/**
 * The entry's real bytes. Declared sizes are a first gate only; the real output is counted against
 * the declared size, the per-entry cap and the attachment's total, and inflation stops the moment
 * any is passed, so a 1 GB bomb costs one small chunk of work.
 */
export function readZipEntry(b: Uint8Array, entry: ZipEntry, budget: Budget): Uint8Array {
  const data = entryData(b, entry, budget);
  if (entry.method === 0) {
    budget.addInflated(entry.size);
    return data;
  }
  return inflateCounted(data, entry.size, budget);
}

/**
 * The entry's stored bytes, once its headers agree and its declared size fits the caps: deflated
 * (method 8) or stored (method 0, whose size is then checked). Throws ExtractStop otherwise.
 */
export function entryData(b: Uint8Array, entry: ZipEntry, budget: Budget): Uint8Array {
  if (entry.encrypted) throw new ExtractStop("encrypted");
  const lo = entry.localOffset;
  if (lo + 30 > b.length || u32(b, lo) !== 0x04034b50) throw new ExtractStop("corrupt");
  if (!localNameMatches(b, lo, entry)) throw new ExtractStop("corrupt", "inconsistent-archive");
  const dataStart = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > b.length) throw new ExtractStop("corrupt");
  const limits = budget.limits;
  if (entry.size > limits.maxEntryInflatedBytes || budget.wouldOverflow(entry.size)) {
    throw overflowStop(entry.size, entry.compressedSize, entry.size > limits.maxEntryInflatedBytes ? entryCapName(limits) : "MAX_INFLATED_BYTES");
  }
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw new ExtractStop("corrupt");
  } else if (entry.method !== 8) throw new ExtractStop("unsupported", "unknown-format");
  return b.subarray(dataStart, dataEnd);
}

/**
 * Raw DEFLATE with a hard ceiling of `expected` real bytes (the declared size). More output than
 * declared is a lying header: a bomb when the ratio is absurd, otherwise a corrupt file.
 * Pass `expected = -1` when no size is known (PDF streams): then only the caps apply.
 */
export function inflateCounted(data: Uint8Array, expected: number, budget: Budget): Uint8Array {
  // Most parts of a document are small: their whole input is one push below anyway, and the
  // streaming inflater's per-entry 128 KB working buffer cost more than the inflating itself.
  if (expected >= 0 && data.length > 0 && data.length <= INFLATE_CHUNK_BYTES && expected <= data.length * 1032) {
    const whole = inflateSmall(data, expected);
    if (whole) {
      // The same effects, in the same order, as the streaming path's single push.
      budget.addInflated(whole.length);
      budget.tick();
      if (whole.length !== expected) throw new ExtractStop("corrupt");
      return whole;
    }
  }
  const stream = new InflateStream(data, expected, budget);
  const chunks: Uint8Array[] = [];
  for (let piece = stream.next(); piece; piece = stream.next()) chunks.push(piece);
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  return concatBytes(chunks, stream.inflated);
}

/**
 * One-shot inflate of a small stream into a buffer one byte longer than declared. fflate truncates
 * output to the buffer it is given (documented), so memory stays at `expected + 1` and the CPU is
 * bounded by the small input; a full buffer means more output than declared. That case, and any
 * damaged stream, returns undefined: the counted streaming path then decides, exactly as before.
 */
function inflateSmall(data: Uint8Array, expected: number): Uint8Array | undefined {
  try {
    const out = inflateSync(data, { out: new Uint8Array(expected + 1) });
    return out.length <= expected ? out : undefined;
  } catch {
    return undefined;
  }
}

/** A zip opened for reading named parts (OOXML, ODF). */
export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: Budget,
  ) {
    this.entries = readZipDirectory(bytes, budget);
    // Two entries with one name: Word and unzip read the second, a reader taking the first would
    // scan a decoy. Which one counts is the archive's lie, so the archive is reported instead.
    for (const e of this.entries) {
      if (this.byName.has(e.name)) throw new ExtractStop("corrupt", "inconsistent-archive");
      this.byName.set(e.name, e);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  read(name: string): Uint8Array | undefined {
    const e = this.byName.get(name);
    if (!e) return undefined;
    this.budget.tick();
    return readZipEntry(this.bytes, e, this.budget);
  }

  /** An XML part for `scanXml`, in the encoding it declares (xml-encoding.ts): UTF-8 stays bytes. */
  readXml(name: string): XmlSource | undefined {
    const data = this.read(name);
    return data ? xmlPartSource(data) : undefined;
  }

  /** An XML part as a string, in the encoding it declares (xml-encoding.ts). */
  readText(name: string): string | undefined {
    const data = this.read(name);
    return data ? xmlPartText(data) : undefined;
  }

  /**
   * `read` in slices: a deflated entry of more than one inflate push is inflated a piece at a time,
   * with a pause after each (a 3 MB part takes ~100 ms in one go). The same bytes and stops as `read`.
   */
  async readSliced(name: string): Promise<Uint8Array | undefined> {
    const e = this.byName.get(name);
    if (!e || e.method !== 8 || e.compressedSize <= INFLATE_CHUNK_BYTES) return this.read(name);
    this.budget.tick();
    const stream = new InflateStream(entryData(this.bytes, e, this.budget), e.size, this.budget);
    const chunks: Uint8Array[] = [];
    for (let piece = stream.next(); piece; piece = stream.next()) {
      chunks.push(piece);
      await this.budget.pause();
    }
    return chunks.length === 1 ? (chunks[0] as Uint8Array) : concatBytes(chunks, stream.inflated);
  }

  async readXmlSliced(name: string): Promise<XmlSource | undefined> {
    const data = await this.readSliced(name);
    return data ? xmlPartSource(data) : undefined;
  }

  /** `readText` in slices: inflated as `readSliced`, then decoded a megabyte at a time. */
  async readTextSliced(name: string): Promise<string | undefined> {
    const data = await this.readSliced(name);
    if (!data) return undefined;
    const steps = xmlPartTextSteps(data);
    let r = steps.next();
    for (; !r.done; r = steps.next()) await this.budget.pause();
    return r.value;
  }
}
