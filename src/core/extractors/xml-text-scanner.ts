/**
 * The XML scanner over a decoded string. Best where most of a part is text the reader keeps
 * (ODF: paragraphs hold their text inline between light markup) or where nearly every tag is one
 * the reader wants (worksheets: a value per cell): one native decode of the whole part, then cheap
 * slices, beats decoding thousands of short runs one by one. See xml-byte-scanner.ts.
 */
import type { XmlHandler } from "./xml";

/** Whitespace as String.prototype.trim sees it (WhiteSpace + LineTerminator), checked by hand. */
function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Listed names by first character, matched in place without slicing. */
type NameTable = ReadonlyArray<readonly string[] | undefined>;

function nameTable(names: readonly string[]): NameTable {
  const table: Array<string[] | undefined> = [];
  for (const name of names) {
    const c = name.charCodeAt(0);
    const list = table[c];
    if (list) list.push(name);
    else table[c] = [name];
  }
  return table;
}

/** The local name of the tag name in `xml[start, end)` (prefixes vary); undefined when not listed. */
function localNameAt(xml: string, start: number, end: number, table: NameTable | undefined): string | undefined {
  let ls = start;
  for (let k = start; k < end; k++) {
    if (xml.charCodeAt(k) === 58) {
      ls = k + 1;
      break;
    }
  }
  if (!table) return xml.slice(ls, end);
  const candidates = table[xml.charCodeAt(ls)];
  if (candidates === undefined) return undefined;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as string;
    if (c.length === end - ls && xml.startsWith(c, ls)) return c;
  }
  return undefined;
}

/** The `>` of the closing tag at `lt`, or -1. Closing tags are short: a few characters by hand, then indexOf. */
function closingGt(xml: string, lt: number): number {
  const n = xml.length;
  let gt = lt + 2;
  const stopAt = gt + 32 < n ? gt + 32 : n;
  while (gt < stopAt && xml.charCodeAt(gt) !== 62) gt++;
  return gt < stopAt ? gt : xml.indexOf(">", gt);
}

/** The local name in `</ name >` (from `lt` to `gt`), trimmed as String.prototype.trim would, without slicing. */
function closedName(xml: string, lt: number, gt: number, table: NameTable | undefined): string | undefined {
  let a = lt + 2;
  let b = gt;
  while (a < b && isTrimSpace(xml.charCodeAt(a))) a++;
  while (b > a && isTrimSpace(xml.charCodeAt(b - 1))) b--;
  return localNameAt(xml, a, b, table);
}

/** CDATA at `lt` as raw text: escaped so that decodeXmlText gives the literal text back. */
function cdataText(xml: string, lt: number): string {
  const e = xml.indexOf("]]>", lt + 9);
  return xml.slice(lt + 9, e < 0 ? xml.length : e).replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** Where scanning resumes after the `<!…` at `lt`: a comment, CDATA or a DTD declaration. */
function endOfBang(xml: string, lt: number): number {
  const n = xml.length;
  if (xml.startsWith("<!--", lt)) {
    const e = xml.indexOf("-->", lt + 4);
    return e < 0 ? n : e + 3;
  }
  if (xml.startsWith("<![CDATA[", lt)) {
    const e = xml.indexOf("]]>", lt + 9);
    return e < 0 ? n : e + 3;
  }
  const e = xml.indexOf(">", lt);
  return e < 0 ? n : e + 1;
}

/**
 * Walks `xml` (already decoded) from `from` on and calls the handler; returns where it stopped:
 * `xml.length` at the end, or the `<` of the next tag when `onChunk` (asked every ~64 KB of input,
 * for the deadline) said stop, so a sliced caller can go on from there later (xml.ts
 * `scanXmlSliced`). Malformed markup is skipped, never thrown on: a damaged part yields less text.
 * Hot loop: characters are tested by hand where the distance is usually a few characters (a tag
 * right after a tag, a tag name) and with indexOf where it may be long (text, attributes).
 */
export function scanXmlText(xml: string, h: XmlHandler, onChunk?: () => boolean | void, from = 0): number {
  const n = xml.length;
  const table = h.names ? nameTable(h.names) : undefined;
  const attrsOf = h.attrsOf ? new Set(h.attrsOf) : undefined;
  let i = from;
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
    const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf("<", i);
    if (lt < 0) {
      if (wanted) onText.call(h, xml.slice(i));
      return n;
    }
    if (lt > i && wanted) {
      onText.call(h, xml.slice(i, lt));
      wanted = askWanted();
    }
    if (onChunk && lt >= nextTick) {
      // The text before `lt` is handed over and the tag at `lt` not yet read: a clean cut.
      if (onChunk() === true) return lt;
      nextTick = lt + 65536;
    }
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      // Like any text, CDATA only when wanted (a shared-strings reader appends whatever `text` hands it).
      if (wanted && xml.startsWith("<![CDATA[", lt)) {
        onText.call(h, cdataText(xml, lt));
        wanted = askWanted();
      }
      i = endOfBang(xml, lt);
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf("?>", lt);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === 47 /* / */) {
      const gt = closingGt(xml, lt);
      if (gt < 0) return n;
      const closed = closedName(xml, lt, gt, table);
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
      ch = xml.charCodeAt(sp);
      if (ch === 62 || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      if (ch === 58 && colon < 0) colon = sp;
      sp++;
    }
    if (table && !wanted && table[xml.charCodeAt(colon < 0 ? lt + 1 : colon + 1)] === undefined) {
      // Not a listed name and no text wanted: nothing up to the next `<` matters (`<` cannot
      // occur inside an attribute value), so go straight there without finding this tag's `>`.
      i = sp;
      continue;
    }
    const gt = ch === 62 && sp < n ? sp : xml.indexOf(">", sp);
    if (gt < 0) return n;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const end = selfClosing ? gt - 1 : gt;
    if (sp > end) sp = end;
    const name = localNameAt(xml, lt + 1, sp, table);
    if (name !== undefined) {
      onOpen.call(h, name, sp < end && (!attrsOf || attrsOf.has(name)) ? xml.slice(sp, end) : "", selfClosing);
      if (selfClosing) onClose.call(h, name);
      wanted = askWanted();
    }
    i = gt + 1;
  }
  return n;
}
