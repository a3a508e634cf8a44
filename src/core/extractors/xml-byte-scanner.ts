/**
 * The XML scanner over the raw UTF-8 bytes of a part. Best where markup dominates and little text
 * is kept (WordprocessingML: a few characters of `w:t` among long run properties; slides, shared
 * strings): markup is ASCII, so tags the reader did not list are skipped without ever becoming
 * strings, and only the text it wants is decoded. See xml-text-scanner.ts for the other case.
 */
import { encodeUtf8 } from "../text/encode-utf8";
import { decodeUtf8 } from "./text-decode";
import type { XmlHandler } from "./xml";

interface KnownName {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Names by first byte, for matching a tag name in place without decoding it. */
type NameTable = Array<KnownName[] | undefined>;

function addName(table: NameTable, name: string): void {
  const bytes = encodeUtf8(name);
  const c = bytes[0] as number;
  const list = table[c];
  if (list) list.push({ name, bytes });
  else table[c] = [{ name, bytes }];
}

function nameTable(names: readonly string[]): NameTable {
  const table: NameTable = [];
  for (const name of names) addName(table, name);
  return table;
}

/** A part uses a few dozen tag names over and over: decode each once (bounded, for hostile input). */
const MAX_CACHED_NAMES = 256;

/** The listed name equal to `b[start, end)`, as the listed string; undefined if none is. */
function matchName(table: NameTable, b: Uint8Array, start: number, end: number): string | undefined {
  const candidates = table[b[start] as number];
  if (candidates === undefined) return undefined;
  const len = end - start;
  next: for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as { name: string; bytes: Uint8Array };
    if (c.bytes.length !== len) continue;
    for (let j = 1; j < len; j++) if (c.bytes[j] !== b[start + j]) continue next;
    return c.name;
  }
  return undefined;
}

/** The local name of the tag name in `b[start, end)` (prefixes vary), or undefined when filtered out. */
interface NameCache {
  readonly table: NameTable;
  size: number;
}

function localNameAt(b: Uint8Array, start: number, end: number, table: NameTable | undefined, seen: NameCache): string | undefined {
  let ls = start;
  for (let k = start; k < end; k++) {
    if (b[k] === 58 /* : */) {
      ls = k + 1;
      break;
    }
  }
  if (table) return ls < end ? matchName(table, b, ls, end) : undefined;
  if (ls >= end) return "";
  const known = matchName(seen.table, b, ls, end);
  if (known !== undefined) return known;
  const name = decodeRun(b, ls, end);
  if (seen.size < MAX_CACHED_NAMES) {
    addName(seen.table, name);
    seen.size++;
  }
  return name;
}

/**
 * Text of `b[start, end)`. Markup and most cell values are short ASCII: those become a string
 * straight from the bytes; anything else goes through the UTF-8 decoder. A run between two `<`
 * never splits a multi-byte character, so this equals decoding the whole part first.
 */
function decodeRun(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let s = "";
    for (let k = start; k < end; k++) {
      const c = b[k] as number;
      if (c < 0x80) {
        s += String.fromCharCode(c);
        continue;
      }
      // Danish letters are two-byte sequences: decoded here, since a native decoder call costs
      // more than a short run. Anything else (three or four bytes, or invalid) goes to the decoder.
      const c2 = b[k + 1] as number;
      if (c < 0xc2 || c > 0xdf || k + 1 >= end || (c2 & 0xc0) !== 0x80) return decodeUtf8(b, start, end);
      s += String.fromCharCode(((c & 0x1f) << 6) | (c2 & 0x3f));
      k++;
    }
    return s;
  }
  return decodeUtf8(b, start, end);
}

const isAsciiSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** A part's bytes with a 32-bit view over them, so a search can test four bytes at a time. */
interface Words {
  readonly b: Uint8Array;
  readonly w: Int32Array;
}

/** The bytes at a 4-aligned start for the word view (a stored entry may not be): once per sliced scan. */
export function alignedForScan(bytes: Uint8Array): Uint8Array {
  return (bytes.byteOffset & 3) === 0 ? bytes : bytes.slice();
}

function wordsOf(bytes: Uint8Array): Words {
  const b = alignedForScan(bytes);
  return { b, w: new Int32Array(b.buffer, b.byteOffset, b.length >> 2) };
}

const LT4 = 0x3c3c3c3c;
const GT4 = 0x3e3e3e3e;

/**
 * Index of byte `c` (`c4` = it in all four lanes) at or after `from`, or `b.length`. Markup runs
 * between `<` and `>` are ~20 bytes, text runs longer: testing a word per step ("has a zero byte"
 * on word XOR `c4`) cut the scan of a large Word part to a third. The test is exact, and which lane
 * matched is found byte by byte, so byte order does not matter.
 */
function find(words: Words, c: number, c4: number, from: number): number {
  const { b, w } = words;
  const n = b.length;
  let k = from;
  while (k < n && (k & 3) !== 0) {
    if (b[k] === c) return k;
    k++;
  }
  if (k >= n) return n;
  // k is 4-aligned here: test whole words, then find the lane in the word that matched.
  const end = w.length;
  let j = k >> 2;
  while (j < end) {
    const x = (w[j] as number) ^ c4;
    if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break;
    j++;
  }
  for (k = j << 2; k < n; k++) if (b[k] === c) return k;
  return n;
}

/** Index of `<` at or after `from`, or `b.length`. */
function nextLt(words: Words, from: number): number {
  return find(words, 60, LT4, from);
}

/** Index of `>` at or after `from`, or -1. */
function nextGt(words: Words, from: number): number {
  const k = find(words, 62, GT4, from);
  return k < words.b.length ? k : -1;
}

/** Index of the ASCII sequence `seq` at or after `from`, or -1. */
function indexOfAscii(b: Uint8Array, seq: string, from: number): number {
  const first = seq.charCodeAt(0);
  for (let k = b.indexOf(first, from); k >= 0; k = b.indexOf(first, k + 1)) {
    let j = 1;
    while (j < seq.length && b[k + j] === seq.charCodeAt(j)) j++;
    if (j === seq.length) return k;
  }
  return -1;
}

function startsWithAscii(b: Uint8Array, seq: string, at: number): boolean {
  for (let j = 0; j < seq.length; j++) if (b[at + j] !== seq.charCodeAt(j)) return false;
  return true;
}

/** The local name in `</ name >` (from `lt` to `gt`), without the spaces around it. */
function closedName(b: Uint8Array, lt: number, gt: number, table: NameTable | undefined, seen: NameCache): string | undefined {
  let s = lt + 2;
  let e = gt;
  while (s < e && isAsciiSpace(b[s] as number)) s++;
  while (e > s && isAsciiSpace(b[e - 1] as number)) e--;
  return localNameAt(b, s, e, table, seen);
}

/** CDATA at `lt` as raw text: escaped so that decodeXmlText gives the literal text back. */
function cdataText(b: Uint8Array, lt: number): string {
  const e = indexOfAscii(b, "]]>", lt + 9);
  return decodeUtf8(b, lt + 9, e < 0 ? b.length : e).replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** Where scanning resumes after the `<!…` at `lt`: a comment, CDATA or a DTD declaration. */
function endOfBang(words: Words, lt: number): number {
  const b = words.b;
  const n = b.length;
  if (startsWithAscii(b, "<!--", lt)) {
    const e = indexOfAscii(b, "-->", lt + 4);
    return e < 0 ? n : e + 3;
  }
  if (startsWithAscii(b, "<![CDATA[", lt)) {
    const e = indexOfAscii(b, "]]>", lt + 9);
    return e < 0 ? n : e + 3;
  }
  const e = nextGt(words, lt);
  return e < 0 ? n : e + 1;
}

/**
 * Walks the part from `from` on and calls the handler. Markup is ASCII, so only text the handler
 * wants (and names and attributes of tags it listed) is ever decoded, not the whole part.
 * `onChunk` is asked every ~64 KB of input; when it says stop, this returns the next tag's `<`
 * for a sliced caller to go on from (xml.ts `scanXmlSliced`), else the length at the end.
 * Malformed markup is skipped, never thrown on: a damaged part yields less text.
 */
export function scanXmlBytes(bytes: Uint8Array, h: XmlHandler, onChunk?: () => boolean | void, from = 0): number {
  const words = wordsOf(bytes);
  const b = words.b;
  const n = b.length;
  const table = h.names ? nameTable(h.names) : undefined;
  const seen: NameCache = { table: [], size: 0 };
  const attrsOf = h.attrsOf ? new Set(h.attrsOf) : undefined;
  let i = from === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : from;
  let nextTick = from + 65536;
  // The handler's functions are read once: one scanner serves every reader, so reading them from
  // `h` at every tag is a lookup over many object shapes (about a tenth of a Word part's scan, measured).
  // Whether text is wanted can only change when the handler is called, so it is asked only then.
  const onOpen = h.open;
  const onClose = h.close;
  const onText = h.text;
  const wantsText = h.wantsText;
  const askWanted = (): boolean => wantsText === undefined || wantsText.call(h);
  let wanted = askWanted();
  while (i < n) {
    const lt = b[i] === 60 ? i : nextLt(words, i);
    if (lt > i && wanted) {
      onText.call(h, decodeRun(b, i, lt));
      wanted = askWanted();
    }
    if (lt >= n) return n;
    if (onChunk && lt >= nextTick) {
      if (onChunk() === true) return lt; // text before `lt` handed over, its tag unread: a clean cut
      nextTick = lt + 65536;
    }
    const c = b[lt + 1];
    if (c === 33 /* ! */) {
      if (wanted && startsWithAscii(b, "<![CDATA[", lt)) {
        onText.call(h, cdataText(b, lt));
        wanted = askWanted();
      }
      i = endOfBang(words, lt);
      continue;
    }
    if (c === 63 /* ? */) {
      const e = indexOfAscii(b, "?>", lt);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === 47 /* / */) {
      const gt = nextGt(words, lt + 2);
      if (gt < 0) return n;
      const closed = closedName(b, lt, gt, table, seen);
      if (closed !== undefined) {
        onClose.call(h, closed);
        wanted = askWanted();
      }
      i = gt + 1;
      continue;
    }
    // The name runs to the first space or `>`; attributes (if any) to the first `>`.
    let sp = lt + 1;
    let ch = 0;
    let colon = -1;
    while (sp < n) {
      ch = b[sp] as number;
      if (ch === 62 || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      if (ch === 58 && colon < 0) colon = sp;
      sp++;
    }
    if (table && !wanted && table[b[colon < 0 ? lt + 1 : colon + 1] as number] === undefined) {
      // Not a listed name and no text wanted: nothing up to the next `<` matters (`<` cannot
      // occur inside an attribute value), so go straight there without finding this tag's `>`.
      i = sp;
      continue;
    }
    const gt = ch === 62 && sp < n ? sp : nextGt(words, sp);
    if (gt < 0) return n;
    const selfClosing = b[gt - 1] === 47;
    const end = selfClosing ? gt - 1 : gt;
    if (sp > end) sp = end;
    const name = localNameAt(b, lt + 1, sp, table, seen);
    if (name !== undefined) {
      onOpen.call(h, name, sp < end && (!attrsOf || attrsOf.has(name)) ? decodeRun(b, sp, end) : "", selfClosing);
      if (selfClosing) onClose.call(h, name);
      wanted = askWanted();
    }
    i = gt + 1;
  }
  return n;
}
