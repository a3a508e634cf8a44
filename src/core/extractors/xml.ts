/**
 * A small pull scanner for the XML parts of OOXML and ODF. Targeted scanners ran 3–10× faster than
 * a SAX parser and 40× faster than an object-tree parser (docs/design/attachment-limits.md §3.3), and we only need
 * element names, a few attributes and text. It never expands DTD entities (no XXE, no billion
 * laughs): only the five predefined ones and numeric references are decoded.
 */
import { inSlices, type Budget } from "./budget";
import { alignedForScan, scanXmlBytes } from "./xml-byte-scanner";
import { scanXmlText } from "./xml-text-scanner";

export interface XmlHandler {
  /** `name` is the local name: prefixes vary (`w:` is only a convention; Strict OOXML differs). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags; decode with `decodeXmlText` only when it is wanted. */
  text(raw: string): void;
  /**
   * Whether `text` wants the current text at all: most text between tags is skipped unsliced.
   * Asked once at the start and again after each call to the handler, so its answer may depend
   * only on state that the handler's own calls change.
   */
  wantsText?(): boolean;
  /**
   * The only local names `open` and `close` are called for. Most tags of a Word or Excel part are
   * formatting (`w:rPr`, `w:sz`, `x:f`); skipping them by name costs no string per tag.
   * Omit to hear every tag.
   */
  readonly names?: readonly string[];
  /**
   * The names whose attributes `open` reads; every other tag gets "". Word puts long revision ids
   * on every paragraph, and turning them into strings nobody reads cost a sixth of a scan.
   * Omit to get the attributes of every tag.
   */
  readonly attrsOf?: readonly string[];
}

/**
 * An XML part: its raw UTF-8 bytes as stored in the package, or text already decoded. Which one a
 * reader passes picks the scanner (see the two scanner files): bytes where markup dominates,
 * text where the part is mostly text the reader keeps.
 */
export type XmlSource = string | Uint8Array;

/**
 * Walks an XML part from `from` on and calls the handler; malformed markup is skipped, never thrown
 * on. Returns the length at the end, or where it stopped when `onChunk` (asked every ~64 KB) said so.
 */
export function scanXml(source: XmlSource, h: XmlHandler, onChunk?: () => boolean | void, from = 0): number {
  if (typeof source === "string") return scanXmlText(source, h, onChunk, from);
  return scanXmlBytes(source, h, onChunk, from);
}

/**
 * A part scanned in slices: every ~64 KB the budget checks the deadline, and when the slice is used
 * up the scan stops at the next tag and goes on from there after a pause. The handler keeps its
 * state across the cut, so this reads exactly what one `scanXml` would. Without slicing it is one
 * `scanXml` with deadline checks.
 */
export async function scanXmlSliced(source: XmlSource, h: XmlHandler, budget: Budget): Promise<void> {
  const src = typeof source === "string" ? source : alignedForScan(source);
  let at = 0;
  await inSlices(budget, (stop) => (at = scanXml(src, h, stop, at)) >= src.length);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXmlText(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (m, body: string) => {
    if (body.charAt(0) === "#") {
      const cp = body.charAt(1) === "x" || body.charAt(1) === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
    }
    const v = NAMED[body];
    return v === undefined ? m : v;
  });
}

/** The value of attribute `name` (any prefix) in an attribute string, decoded; undefined if absent. */
export function attr(attrs: string, name: string): string | undefined {
  return findAttr(attrs, name, false);
}

/** Like `attr`, but only a prefixed attribute (`r:id`, never a bare `id` on the same element). */
export function prefixedAttr(attrs: string, name: string): string | undefined {
  return findAttr(attrs, name, true);
}

function findAttr(attrs: string, name: string, prefixed: boolean): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? 32 : attrs.charCodeAt(at - 1);
    // The name must start after whitespace or a prefix colon, and be followed by `=`.
    if (prefixed ? before !== 58 : before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 58) continue;
    let p = from;
    const n = attrs.length;
    while (p < n && attrs.charCodeAt(p) <= 32) p++;
    if (attrs.charCodeAt(p) !== 61 /* = */) continue;
    p++;
    while (p < n && attrs.charCodeAt(p) <= 32) p++;
    const q = attrs.charCodeAt(p);
    if (q !== 34 && q !== 39) continue;
    const close = attrs.indexOf(q === 34 ? '"' : "'", p + 1);
    if (close < 0) return undefined;
    return decodeXmlText(attrs.slice(p + 1, close));
  }
}

/** Column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Resolve a relationship target against the folder of the part that names it. */
export function resolvePartPath(fromPart: string, target: string): string {
  if (target.charAt(0) === "/") return target.slice(1);
  const base = fromPart.slice(0, fromPart.lastIndexOf("/") + 1);
  const parts = (base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** Parse a `_rels/*.rels` part. */
export function parseRelationships(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  scanXml(xml, {
    open(name, attrs) {
      if (name !== "Relationship") return;
      const id = attr(attrs, "Id");
      const target = attr(attrs, "Target");
      if (id === undefined || target === undefined) return;
      rels.push({ id, type: attr(attrs, "Type") ?? "", target, external: attr(attrs, "TargetMode") === "External" });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** The `_rels` part path for a part: `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return part.slice(0, slash + 1) + "_rels/" + part.slice(slash + 1) + ".rels";
}
