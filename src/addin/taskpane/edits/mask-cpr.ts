/**
 * Masking a CPR number where the user wrote it, without touching anything else.
 *
 * The body is HTML, and Outlook/Word split digit runs across elements (`<b>150650</b>-3720`,
 * docs/design/cpr-number.md §7 "DOM text assembly"). So the text nodes are joined into one string the core can scan,
 * each match is mapped back to the characters it came from, and only those characters change:
 * the bold stays bold, the link stays a link. Block boundaries are joined with a line break, the
 * hard break the core never matches across, so two paragraphs never make one number.
 */
import { maskCprNumbers } from "../../../core";
import type { MaskedCpr } from "../../../core";

/** Which numbers to mask: every one whose masked form is this (two numbers may share it), or all. */
export type MaskTarget = MaskedCpr | "all";

export interface MaskOutcome {
  readonly text: string;
  /** How many numbers were masked; 0 means `text` is the input, unchanged. */
  readonly masked: number;
}

/** Masks in place: only the serial characters change (maskChars in core/detectors/mask.ts). */
function maskInPlace(text: string, target: MaskTarget, now: Date): ReturnType<typeof maskCprNumbers> {
  return maskCprNumbers(text, { now, only: target === "all" ? undefined : target, style: "in-place" });
}

/** Masks CPR numbers in plain text (the subject, a plain-text body). */
export function maskCprInPlainText(text: string, target: MaskTarget, now: Date): MaskOutcome {
  const r = maskInPlace(text, target, now);
  return { text: r.text, masked: r.masked };
}

const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION",
  "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV",
  "OL", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "HEAD", "TITLE"]);

interface Piece {
  readonly node: Text;
  /** Offset of the node's first character in the joined text. */
  readonly start: number;
}

/** Joins the text nodes under `root`, with "\n" at block boundaries, remembering where each came from. */
function joinTextNodes(root: Node): { text: string; pieces: Piece[] } {
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let length = 0;
  const push = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = node as Text;
      pieces.push({ node: text, start: length });
      push(text.data);
      return;
    }
    if (node.nodeType !== 1) return;
    const name = (node as Element).tagName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) push("\n");
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) push("\n");
  };
  visit(root);
  return { text: parts.join(""), pieces };
}

/** Finds the text node holding joined offset `at` (binary search; pieces are in order). */
function pieceAt(pieces: readonly Piece[], at: number): Piece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid];
    if (!p) return undefined;
    if (at < p.start) hi = mid - 1;
    else if (at >= p.start + p.node.data.length) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/**
 * Masks CPR numbers in an HTML body, changing only the characters of the numbers. Returns the
 * input string itself when nothing matched, so an unchanged body is never re-serialized.
 */
export function maskCprInHtml(html: string, target: MaskTarget, now: Date): MaskOutcome {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const { text, pieces } = joinTextNodes(doc.body);
  const r = maskInPlace(text, target, now);
  if (r.masked === 0) return { text: html, masked: 0 };

  // Per text node: offset within the node → replacement string.
  const edits = new Map<Text, Map<number, string>>();
  for (const e of r.edits) {
    for (let at = e.start; at < e.end; at++) {
      const piece = pieceAt(pieces, at);
      if (!piece) continue; // a joining line break: belongs to no node
      const forNode = edits.get(piece.node) ?? new Map<number, string>();
      forNode.set(at - piece.start, e.chars[at - e.start] ?? "");
      edits.set(piece.node, forNode);
    }
  }
  for (const [node, byOffset] of edits) {
    const units = node.data.split("");
    for (const [offset, replacement] of byOffset) units[offset] = replacement;
    node.data = units.join("");
  }
  return { text: serialize(doc, html), masked: r.masked };
}

/** A whole document stays a whole document (Outlook's bodies have <head> styles); a fragment stays a fragment. */
function serialize(doc: Document, original: string): string {
  if (!/<html[\s>]/i.test(original)) return doc.body.innerHTML;
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : "";
  return doctype + doc.documentElement.outerHTML;
}
