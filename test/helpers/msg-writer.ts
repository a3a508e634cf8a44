/**
 * Writes Outlook .msg files for fixtures and tests (no Outlook on Linux): MAPI property streams in
 * a CFB burnt by msgreader's own writer, and the RTF body compressed as [MS-OXRTFCP] describes, so
 * the reader meets the layout Outlook stores, decoded by a library that never saw our encoder.
 */
import { burn } from "@kenjiuno/msgreader/lib/Burner";
import { TypeEnum } from "@kenjiuno/msgreader/lib/Reader";

export interface MsgSpec {
  readonly subject: string;
  /** PidTagBody (0x1000), the plain-text body. */
  readonly body?: string;
  /** PidTagRtfCompressed (0x1009), the stream as stored: see compressRtf / uncompressedRtf. */
  readonly compressedRtf?: Uint8Array;
  readonly attachment?: { readonly name: string; readonly data: Uint8Array };
  /** PidTagTransportMessageHeaders (0x007D), the internet headers as received. */
  readonly transportHeaders?: string;
}

const utf16 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "utf16le"));

/** Property stream: 32-byte header for the top level (8 for attachments), then 16-byte entries. */
function props(header: number, entries: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const b = Buffer.alloc(header + entries.length * 16);
  entries.forEach(([tag, size], i) => {
    b.writeUInt32LE(tag, header + i * 16);
    b.writeUInt32LE(6, header + i * 16 + 4); // readable | writable
    b.writeUInt32LE(size, header + i * 16 + 8);
  });
  return new Uint8Array(b);
}

const doc = (name: string, data: Uint8Array) => ({ name, type: TypeEnum.DOCUMENT, length: data.length, binaryProvider: () => data });

/** A minimal .msg: subject, the bodies given and at most one attachment. */
export function makeMsg(spec: MsgSpec): Uint8Array {
  const s = utf16(spec.subject);
  const top: Array<ReturnType<typeof doc>> = [doc("__substg1.0_0037001F", s)];
  const tags: Array<[number, number]> = [[0x0037001f, s.length + 2]];
  if (spec.transportHeaders !== undefined) {
    const h = utf16(spec.transportHeaders);
    top.push(doc("__substg1.0_007D001F", h));
    tags.push([0x007d001f, h.length + 2]);
  }
  if (spec.body !== undefined) {
    const bd = utf16(spec.body);
    top.push(doc("__substg1.0_1000001F", bd));
    tags.push([0x1000001f, bd.length + 2]);
  }
  if (spec.compressedRtf) {
    top.push(doc("__substg1.0_10090102", spec.compressedRtf));
    tags.push([0x10090102, spec.compressedRtf.length]);
  }
  top.push(doc("__properties_version1.0", props(32, tags)));
  const entries: Parameters<typeof burn>[0] = [{ name: "Root Entry", type: TypeEnum.ROOT, length: 0, children: [] }, ...top];
  const rootChildren = top.map((_, i) => i + 1);
  if (spec.attachment) {
    const an = utf16(spec.attachment.name);
    const data = spec.attachment.data;
    const dir = entries.length;
    rootChildren.push(dir);
    entries.push({ name: "__attach_version1.0_#00000000", type: TypeEnum.DIRECTORY, length: 0, children: [dir + 1, dir + 2, dir + 3, dir + 4] });
    entries.push(
      doc("__substg1.0_3707001F", an),
      doc("__substg1.0_3704001F", an),
      doc("__substg1.0_37010102", data),
      doc("__properties_version1.0", props(8, [[0x3707001f, an.length + 2], [0x37010102, data.length], [0x37050003, 1]])),
    );
  }
  (entries[0] as { children: number[] }).children = rootChildren;
  return burn(entries);
}

/** [MS-OXRTFCP] 2.1.3.1.3: the 207 bytes the dictionary starts with. */
const INITIAL_DICTIONARY =
  "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

/** [MS-OXRTFCP] 2.1.3.2: CRC-32's table, started at 0 and not inverted. */
export function rtfCrc32(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    let c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    crc = (c ^ (crc >>> 8)) >>> 0;
  }
  return crc;
}

function header(compSize: number, rawSize: number, type: string, crc: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeUInt32LE(compSize, 0);
  h.writeUInt32LE(rawSize, 4);
  h.write(type, 8, "latin1");
  h.writeUInt32LE(crc, 12);
  return h;
}

/**
 * LZFu ([MS-OXRTFCP] 2.1.3.1.4): a greedy longest match (2–17 bytes) in the 4,096-byte circular
 * dictionary, overlapping copies included, then the end marker (a reference to the write position).
 * Slow (every dictionary offset is tried until a longest match) but fixtures are small.
 */
export function compressRtf(rtf: Uint8Array): Uint8Array {
  if (INITIAL_DICTIONARY.length !== 207) throw new Error("initial dictionary must be 207 bytes");
  const out: number[] = [...Buffer.from(INITIAL_DICTIONARY, "latin1")]; // absolute output positions
  const data: number[] = [];
  let control = 0;
  let controlAt = -1;
  let bit = 8;
  const token = (isRef: boolean, bytes: number[]): void => {
    if (bit === 8) {
      if (controlAt >= 0) data[controlAt] = control;
      controlAt = data.length;
      data.push(0);
      control = 0;
      bit = 0;
    }
    if (isRef) control |= 1 << bit;
    bit++;
    data.push(...bytes);
  };
  let p = 0;
  while (p < rtf.length) {
    const w = out.length;
    let bestLen = 0;
    let bestOff = 0;
    for (let r = Math.max(0, w - 4095); r < w; r++) {
      let k = 0;
      // A byte at or past the write position is one this same copy writes: the input itself.
      while (k < 17 && p + k < rtf.length && (r + k < w ? out[r + k] : rtf[p + (r + k - w)]) === rtf[p + k]) k++;
      if (k > bestLen) {
        bestLen = k;
        bestOff = r % 4096;
        if (k === 17) break;
      }
    }
    if (bestLen >= 2) {
      const t = (bestOff << 4) | (bestLen - 2);
      token(true, [t >> 8, t & 0xff]);
      for (let k = 0; k < bestLen; k++) out.push(rtf[p + k] as number);
      p += bestLen;
    } else {
      token(false, [rtf[p] as number]);
      out.push(rtf[p] as number);
      p++;
    }
  }
  const end = (out.length % 4096) << 4;
  token(true, [end >> 8, end & 0xff]);
  data[controlAt] = control;
  const contents = new Uint8Array(data);
  return new Uint8Array(Buffer.concat([header(contents.length + 12, rtf.length, "LZFu", rtfCrc32(contents)), contents]));
}

/** The uncompressed variant ("MELA"): header, then the RTF as is; the CRC field is 0. */
export function uncompressedRtf(rtf: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([header(rtf.length + 12, rtf.length, "MELA", 0), rtf]));
}
