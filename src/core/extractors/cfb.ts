/**
 * Compound File Binary (`D0 CF 11 E0`): only the directory, to tell .msg from an encrypted OOXML
 * package (`EncryptedPackage`), legacy .doc/.xls/.ppt and unknown CFB files (docs/design/attachment-limits.md §2.10).
 * Chains are followed with a step bound, so a cyclic FAT cannot loop.
 */
import { u16le as u16, u32le as u32 } from "./byte-readers";

export type CfbKind = "msg" | "encrypted-ooxml" | "doc" | "xls" | "ppt" | "unknown";

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIR_ENTRIES = 100_000;

export function isCfb(b: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length >= 512 && sig.every((v, i) => b[i] === v);
}

/** Names of the directory entries; empty when the header or chains are damaged. */
export function cfbDirectoryNames(b: Uint8Array): string[] {
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sectors = Math.floor((b.length - size) / size);
  const sectorOffset = (sid: number): number => (sid + 1) * size;
  // FAT sector ids: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sid = u32(b, 0x4c + i * 4);
    if (sid < sectors) fatSectors.push(sid);
  }
  let difat = u32(b, 0x44);
  for (let steps = 0; difat < sectors && steps < sectors; steps++) {
    const off = sectorOffset(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const sid = u32(b, off + i * 4);
      if (sid < sectors) fatSectors.push(sid);
    }
    difat = u32(b, off + size - 4);
  }
  const next = (sid: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(sid / perSector)];
    if (fs === undefined) return END_OF_CHAIN;
    return u32(b, sectorOffset(fs) + (sid % perSector) * 4);
  };
  const names: string[] = [];
  let dir = u32(b, 0x30);
  for (let steps = 0; dir < sectors && steps <= sectors && names.length < MAX_DIR_ENTRIES; steps++) {
    const off = sectorOffset(dir);
    for (let e = 0; e < size / 128; e++) {
      const entry = off + e * 128;
      const len = Math.min(u16(b, entry + 0x40), 64);
      const type = b[entry + 0x42];
      if (len < 2 || type === 0) continue;
      let name = "";
      for (let i = 0; i + 1 < len - 1; i += 2) name += String.fromCharCode(u16(b, entry + i));
      names.push(name);
    }
    dir = next(dir);
  }
  return names;
}

export function cfbKind(b: Uint8Array): CfbKind {
  const names = cfbDirectoryNames(b);
  const has = (n: string): boolean => names.indexOf(n) >= 0;
  if (has("EncryptedPackage") || has("EncryptionInfo")) return "encrypted-ooxml";
  if (names.some((n) => n.indexOf("__substg1.0_") === 0 || n.indexOf("__properties_version1.0") === 0)) return "msg";
  if (has("WordDocument")) return "doc";
  if (has("Workbook") || has("Book")) return "xls";
  if (has("PowerPoint Document")) return "ppt";
  return "unknown";
}

/** Length of the chain from `start`, or -1 if it leaves the file, loops or does not end properly. */
function chainLength(start: number, next: (sid: number) => number, limit: number): number {
  const seen = new Set<number>();
  let sid = start;
  while (sid !== END_OF_CHAIN) {
    if (sid < 0 || sid >= limit || seen.has(sid)) return -1;
    seen.add(sid);
    sid = next(sid);
  }
  return seen.size;
}

/** The FAT's own sectors (the header's 109, then the DIFAT chain), or undefined if any is out of range or the chain loops. */
function fatSectorList(b: Uint8Array, size: number, sectors: number): number[] | undefined {
  const at = (sid: number): number => (sid + 1) * size;
  const fatSectors: number[] = [];
  const fatCount = u32(b, 0x2c);
  for (let i = 0; i < Math.min(109, fatCount); i++) {
    const sid = u32(b, 0x4c + i * 4);
    if (sid >= sectors) return undefined;
    fatSectors.push(sid);
  }
  let difat = u32(b, 0x44);
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (difat >= sectors || seenDifat.has(difat)) return undefined;
    seenDifat.add(difat);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) {
      const sid = u32(b, at(difat) + i * 4);
      if (sid >= sectors) return undefined;
      fatSectors.push(sid);
    }
    difat = u32(b, at(difat) + size - 4);
  }
  return fatSectors;
}

/**
 * True when every chain and the directory tree are finite and in range. @kenjiuno/msgreader walks
 * FAT chains and the directory's sibling tree without cycle checks, so one flipped byte can make
 * it loop for ever (found by fuzz.test.ts); a file that fails this check is reported as corrupt
 * instead of being handed to it.
 */
export function cfbIsWellFormed(b: Uint8Array): boolean {
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return false;
  const size = 1 << shift;
  const sectors = Math.floor((b.length - size) / size);
  if (sectors <= 0) return false;
  const at = (sid: number): number => (sid + 1) * size;
  const fatSectors = fatSectorList(b, size, sectors);
  if (!fatSectors) return false;
  const perSector = size / 4;
  const fatNext = (sid: number): number => {
    const fs = fatSectors[Math.floor(sid / perSector)];
    return fs === undefined ? -1 : u32(b, at(fs) + (sid % perSector) * 4);
  };
  const dirStart = u32(b, 0x30);
  const dirSectors = chainLength(dirStart, fatNext, sectors);
  if (dirSectors <= 0) return false;
  // Directory entries, in chain order.
  const entries: number[] = [];
  for (let sid = dirStart, k = 0; k < dirSectors; k++, sid = fatNext(sid)) {
    for (let e = 0; e < size / 128; e++) entries.push(at(sid) + e * 128);
  }
  const miniStart = u32(b, 0x3c);
  const miniFatLen = miniStart === END_OF_CHAIN ? 0 : chainLength(miniStart, fatNext, sectors);
  if (miniFatLen < 0) return false;
  const miniFat: number[] = [];
  for (let sid = miniStart, k = 0; k < miniFatLen; k++, sid = fatNext(sid)) {
    for (let i = 0; i < perSector; i++) miniFat.push(u32(b, at(sid) + i * 4));
  }
  const root = entries[0] as number;
  const miniStreamSectors = b[root + 0x42] === 5 ? chainLength(u32(b, root + 0x74), fatNext, sectors) : 0;
  if (miniStreamSectors < 0) return false;
  const miniLimit = Math.min(miniFat.length, (miniStreamSectors * size) / 64);
  const cutoff = u32(b, 0x38) || 4096;
  // The sibling/child tree must be a tree: every entry reached once at most.
  const seen = new Set<number>();
  const stack = [0];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id === 0xffffffff) continue;
    if (id >= entries.length || seen.has(id)) return false;
    seen.add(id);
    const e = entries[id] as number;
    const type = b[e + 0x42];
    if (type === 2) {
      const len = u32(b, e + 0x78);
      const start = u32(b, e + 0x74);
      if (len > 0) {
        const n = len < cutoff ? chainLength(start, (s) => (miniFat[s] ?? -1), miniLimit) : chainLength(start, fatNext, sectors);
        if (n < 0 || n * (len < cutoff ? 64 : size) < len) return false;
      }
    }
    stack.push(u32(b, e + 0x44), u32(b, e + 0x48));
    if (type === 1 || type === 5) stack.push(u32(b, e + 0x4c));
  }
  return true;
}
