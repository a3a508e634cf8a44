/**
 * Structure-aware mutators for the fuzzers: they change what a reader trusts (object references,
 * form XObject draws, page-tree kids, zip directory records, MIME boundaries and charsets) rather
 * than random bytes, so they reach the code behind the parsers' first checks. Seeded: the same
 * seed gives the same bytes on every machine.
 */
import { mulberry32 } from "./seeded-random";

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);
function text(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, Array.from(b.subarray(i, i + 8192)));
  return s;
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** Replaces the `k`-th match of `re` in `s` (k chosen by the seed) with `f(match)`. */
function replaceOne(s: string, re: RegExp, rnd: Rnd, f: (m: string) => string): string {
  const all: Array<{ at: number; m: string }> = [];
  const g = new RegExp(re.source, "g");
  let m: RegExpExecArray | null;
  while ((m = g.exec(s)) !== null && all.length < 10_000) {
    all.push({ at: m.index, m: m[0] });
    if (m[0] === "") g.lastIndex++;
  }
  if (all.length === 0) return s;
  const hit = pick(rnd, all);
  return s.slice(0, hit.at) + f(hit.m) + s.slice(hit.at + hit.m.length);
}

/** PDF object graphs and form XObjects: references rewired, draws repeated, kids looped, streams cut. */
export function mutatePdf(bytes: Uint8Array, seed: number): Uint8Array {
  const rnd = mulberry32(seed);
  let s = text(bytes);
  const objs = (s.match(/\d+ 0 obj/g) ?? []).length || 1;
  const ops: Array<() => void> = [
    () => (s = replaceOne(s, /\d+ 0 R/, rnd, () => `${1 + Math.floor(rnd() * (objs + 2))} 0 R`)),
    () => (s = replaceOne(s, /\/X\d* Do/, rnd, (m) => `${m} ${m} q ${m} Q`)),
    () => (s = replaceOne(s, /\/Kids \[/, rnd, (m) => `${m}${1 + Math.floor(rnd() * objs)} 0 R `)),
    () => (s = replaceOne(s, /endstream/, rnd, () => "")),
    () => (s = replaceOne(s, /\/Length \d+/, rnd, () => `/Length ${Math.floor(rnd() * 100000)}`)),
    () => (s = replaceOne(s, /\/Subtype \/Form/, rnd, () => pick(rnd, ["/Subtype /Image", "/Subtype/Form/Matrix [0 0 0 0 1e308 -1e308]", ""]))),
    () => (s = replaceOne(s, /-?\d+(\.\d+)?/, rnd, () => pick(rnd, ["-1", "0", "99999999999", "1e400", "NaN", "-0.0"]))),
    () => (s = replaceOne(s, /obj\n/, rnd, (m) => `${m}<< /Type /ObjStm /N 1000000 /First 0 >>\n`)),
    () => {
      const cut = Math.floor(rnd() * s.length);
      s = s.slice(0, cut) + s.slice(cut, cut + Math.floor(rnd() * 64)).repeat(1 + Math.floor(rnd() * 4)) + s.slice(cut);
    },
  ];
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) pick(rnd, ops)();
  return latin1(s);
}

/** Zip directories: counts, offsets and names in the end record and central directory changed. */
export function mutateZip(bytes: Uint8Array, seed: number): Uint8Array {
  const rnd = mulberry32(seed);
  const b = bytes.slice();
  const u16 = (at: number, v: number): void => {
    if (at + 1 < b.length) {
      b[at] = v & 255;
      b[at + 1] = (v >>> 8) & 255;
    }
  };
  const u32 = (at: number, v: number): void => {
    u16(at, v & 0xffff);
    u16(at + 2, v >>> 16);
  };
  const find = (sig: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i + 4 <= b.length; i++) if (b[i] === (sig & 255) && b[i + 1] === ((sig >>> 8) & 255) && b[i + 2] === ((sig >>> 16) & 255) && b[i + 3] === sig >>> 24) out.push(i);
    return out;
  };
  const eocd = find(0x06054b50);
  const cd = find(0x02014b50);
  const local = find(0x04034b50);
  const ops: Array<() => void> = [
    () => eocd.length && u16((eocd[eocd.length - 1] as number) + 10, Math.floor(rnd() * 4)),
    () => eocd.length && u16((eocd[eocd.length - 1] as number) + 8, Math.floor(rnd() * 70000)),
    () => eocd.length && u32((eocd[eocd.length - 1] as number) + 16, Math.floor(rnd() * b.length)),
    () => cd.length && u32(pick(rnd, cd) + 42, pick(rnd, local.length ? local : [0])),
    () => cd.length && u32(pick(rnd, cd) + 20, Math.floor(rnd() * 0xffffffff)),
    () => cd.length && u32(pick(rnd, cd) + 24, Math.floor(rnd() * 0xffffffff)),
    () => cd.length && u16(pick(rnd, cd) + 10, pick(rnd, [0, 8, 9, 12, 99])),
    () => cd.length && u16(pick(rnd, cd) + 8, Math.floor(rnd() * 0xffff)),
    () => local.length && u16(pick(rnd, local) + 26, Math.floor(rnd() * 0xffff)),
    () => {
      // Copy one entry's name over another's (same length): duplicate names.
      if (cd.length < 2) return;
      const a = pick(rnd, cd);
      const c = pick(rnd, cd);
      const la = (b[a + 28] as number) | ((b[a + 29] as number) << 8);
      const lc = (b[c + 28] as number) | ((b[c + 29] as number) << 8);
      if (la === lc) b.copyWithin(c + 46, a + 46, a + 46 + la);
    },
  ];
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) pick(rnd, ops)();
  return b;
}

/** The MIME mutations, by name, in the order mutateMime picks them. */
export const MIME_OPS = ["boundary", "charset", "transfer-encoding", "content-type", "delimiter-repeat", "line-end", "truncate"] as const;
export type MimeOp = (typeof MIME_OPS)[number];

/**
 * MIME: boundaries dropped, changed, repeated; charsets and transfer encodings swapped. `applied`,
 * when given, receives each mutation as "op: what it wrote" (the fuzzer's oracle reads it).
 */
export function mutateMime(bytes: Uint8Array, seed: number, applied?: string[]): Uint8Array {
  const rnd = mulberry32(seed);
  let s = text(bytes);
  const note = (op: MimeOp, what: string): string => {
    applied?.push(`${op}: ${what}`);
    return what;
  };
  const ops: Array<() => void> = [
    () => (s = replaceOne(s, /;\s*boundary="?[^"\r\n;]*"?/i, rnd, () => note("boundary", pick(rnd, ["", '; boundary=""', "; boundary=x", "; boundary"])))),
    () => (s = replaceOne(s, /charset="?[A-Za-z0-9_-]+"?/i, rnd, () => `charset=${note("charset", pick(rnd, ["utf-7", "utf-16", "utf-16le", "iso-8859-1", "windows-1252", "x-unknown", "gb18030", ""]))}`)),
    () => (s = replaceOne(s, /Content-Transfer-Encoding: \S+/i, rnd, () => `Content-Transfer-Encoding: ${note("transfer-encoding", pick(rnd, ["base64", "quoted-printable", "8bit", "x-uuencode", "bogus"]))}`)),
    () => (s = replaceOne(s, /multipart\/\w+/i, rnd, () => note("content-type", pick(rnd, ["multipart/alternative", "multipart/mixed", "multipart/related", "text/plain", "multipart/digest"])))),
    () => (s = replaceOne(s, /\r\n--[^\r\n]+/, rnd, (m) => m.repeat(1 + Math.floor(rnd() * 3)) + note("delimiter-repeat", ""))),
    () => (s = replaceOne(s, /\r\n/, rnd, () => note("line-end", pick(rnd, ["\r", "\n", "\r\r\n", ""])))),
    () => {
      const cut = Math.floor(rnd() * s.length);
      note("truncate", String(cut));
      s = s.slice(0, cut);
    },
  ];
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) pick(rnd, ops)();
  return latin1(s);
}
