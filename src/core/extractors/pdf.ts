/**
 * PDF text. Two readers share one contract, `PdfTextReader`:
 * - the mini reader here (pure, synchronous, no web APIs), which runs in classic Outlook's
 *   JavaScript-only runtime where pdf.js needs 11 shimmed web APIs and 1.75 MB of code
 *   (docs/design/attachment-limits.md §2.7); it is compared with pdf.js on PDFs from several producers in
 *   pdf.test.ts and must find every number pdf.js finds;
 * - a pdf.js reader that a host which can afford it injects (`ExtractOptions.pdf`): the CLI, the
 *   task pane.
 * Readers return lines per page; `pageSegment` turns them into text with soft breaks where a number
 * may have wrapped ("150650-" at a line end, "3720" at the next line's start).
 *
 * The mini reader's parts: pdf-lexer.ts (syntax), pdf-objects.ts (objects and streams, with
 * pdf-inflate.ts and pdf-filters.ts), pdf-fonts.ts (fonts and ToUnicode), pdf-content.ts (content
 * streams and forms) and pdf-text-state.ts (text operators and lines); this file walks the pages.
 */
import type { Budget } from "./budget";
import { isExtractStop } from "./budget";
import type { LimitName } from "./limits";
import { MAX_PDF_PAGES, MAX_PDF_TREE_DEPTH } from "./limits";
import type { PageState, PdfWork } from "./pdf-content";
import { IDENTITY, PdfLimitStop, runContent } from "./pdf-content";
import type { PdfDict } from "./pdf-lexer";
import { isName } from "./pdf-lexer";
import { PdfDocument } from "./pdf-objects";

export interface PdfPageText {
  /** 1-based page number. */
  readonly page: number;
  /** The page's text lines in reading order, as the reader found them. */
  readonly lines: readonly string[];
}

export type PdfReadStatus = "ok" | "encrypted" | "corrupt" | "timeout" | "too-large" | "zip-bomb";

export interface PdfReadResult {
  readonly status: PdfReadStatus;
  /** Pages read (on timeout: the pages read before it). */
  readonly pages: readonly PdfPageText[];
  /** Pages in the document, when known. */
  readonly pageCount: number;
  /** Some content could not be decoded (an unsupported filter or font): the text may be incomplete. */
  readonly incomplete?: boolean;
  /** A bound of ours was reached (limits.ts): what was read is returned, the rest was not inspected. */
  readonly limit?: LimitName;
}

export interface PdfReadControl {
  /** True once the scan's deadline has passed: stop between pages and return what was read. */
  expired(): boolean;
  /** Told each page as it is read, so a host that stops the reader from outside keeps those pages. */
  onPage?(page: PdfPageText, pageCount: number): void;
}

/** Anything that turns PDF bytes into page lines. Must not throw: failures are a status. */
export interface PdfTextReader {
  readonly name: string;
  read(bytes: Uint8Array, control: PdfReadControl): Promise<PdfReadResult>;
}

const DASH = /[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/;

/**
 * Join page lines into one text. A break is soft (the CPR matcher may cross it) only where a number
 * can have wrapped: the line ends in a digit and dash ("150650-", "150650 -") and the next starts
 * with a digit, or the line ends in a digit and the next starts with a dash and a digit. Every other
 * break is hard, so table cells laid out as lines never join.
 */
export function pageSegment(lines: readonly string[]): { text: string; softBreaks: number[] } {
  let text = "";
  const softBreaks: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (i > 0) {
      const prev = (lines[i - 1] as string).replace(/\s+$/, "");
      const next = line.replace(/^\s+/, "");
      const dashEnd = DASH.test(prev) && /[0-9]\s?.$/.test(prev);
      const digitEnd = /[0-9]$/.test(prev);
      if ((dashEnd && /^[0-9]/.test(next)) || (digitEnd && /^[-\u2010-\u2015\u2212][0-9]/.test(next))) softBreaks.push(text.length);
      text += "\n";
    }
    text += line;
  }
  return { text, softBreaks };
}

interface PageRef {
  readonly page: PdfDict;
  readonly resources: PdfDict | undefined;
}

/** Leaf pages in order. Past MAX_PDF_PAGES pages or MAX_PDF_TREE_DEPTH levels it stops and names the limit. */
function collectPages(doc: PdfDocument, node: PdfDict | undefined, inherited: PdfDict | undefined, out: PageRef[], seen: Set<PdfDict>, depth: number, work: PdfWork): void {
  if (!node || seen.has(node) || work.limit !== undefined) return;
  if (depth > MAX_PDF_TREE_DEPTH) {
    work.limit = "MAX_PDF_TREE_DEPTH";
    return;
  }
  seen.add(node);
  const res = doc.dict(node.d.get("Resources")) ?? inherited;
  const kids = doc.resolve(node.d.get("Kids"));
  const type = doc.resolve(node.d.get("Type"));
  if (Array.isArray(kids) && !(isName(type) && type.n === "Page")) {
    for (const k of kids) {
      const kid = doc.dict(k);
      // A kid that is no object (a rewired or dangling reference), or a node already walked (a
      // cycle: the reference was rewired), stands where a page with text may have been.
      if (!kid || seen.has(kid)) doc.undecodable++;
      else collectPages(doc, kid, res, out, seen, depth + 1, work);
    }
  } else if (out.length >= MAX_PDF_PAGES) work.limit = "MAX_PDF_PAGES";
  else out.push({ page: node, resources: res });
}

/**
 * A page's content streams, joined, with a pause point after each (a sliced reader yields there).
 * A /Contents that is there but gives no stream (a reference to an object that is missing or is
 * not a stream, a damaged reference), or a page-tree leaf that is not a /Page, counts as
 * undecodable: the page may hold text we did not read, so the file is reported as read in part.
 */
function* pageContent(doc: PdfDocument, page: PdfDict): Generator<void, string> {
  const raw = page.d.get("Contents");
  if (raw === undefined || raw === null) {
    // A blank page is a /Page without /Contents; a leaf of the page tree that is not a /Page
    // (an object damaged or replaced) may have been a page with text.
    const type = doc.resolve(page.d.get("Type"));
    if (!(isName(type) && type.n === "Page")) doc.undecodable++;
    return "";
  }
  const contents = doc.resolve(raw);
  const parts = Array.isArray(contents) ? contents : [raw];
  let content = "";
  for (let k = 0; k < parts.length; k++) {
    if (k > 0) yield;
    const s = doc.streamOf(parts[k]);
    if (s !== undefined) content += s + "\n";
    else doc.undecodable++;
  }
  return content;
}

/** A fresh page whose text counts towards the document's characters. */
function pageState(work: PdfWork, maxChars: number): PageState {
  const count = (n: number): void => {
    work.chars += n;
    if (work.chars > maxChars) throw new PdfLimitStop("MAX_TEXT_CHARS");
  };
  return { drawn: new Map(), work, lines: [], line: "", lastX: 0, lastY: 0, hasText: false, count };
}

/** The mini reader, synchronous, counting inflation and time on the scan's budget. */
export function readPdfMini(bytes: Uint8Array, budget: Budget): PdfReadResult {
  const steps = miniReader(bytes, budget);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The mini reader in slices: it pauses between pages and between a page's content streams. A stop
 * at a pause (the deadline, or a Send taking over) is thrown into the reader there, so the result
 * is what a stop inside the reader gives: the pages read so far and the status.
 */
export async function readPdfMiniSliced(bytes: Uint8Array, budget: Budget): Promise<PdfReadResult> {
  const steps = miniReader(bytes, budget);
  let r = steps.next();
  while (!r.done) {
    let stop: unknown;
    try {
      await budget.pause();
    } catch (e) {
      stop = e;
    }
    r = stop === undefined ? steps.next() : steps.throw(stop);
  }
  return r.value;
}

/** The mini reader as steps: it yields where a sliced caller may pause (`readPdfMiniSliced`). */
function* miniReader(bytes: Uint8Array, budget: Budget): Generator<void, PdfReadResult> {
  const pages: PdfPageText[] = [];
  let pageCount = 0;
  const work: PdfWork = { ops: 0, formDraws: 0, chars: 0, limit: undefined };
  try {
    const doc = yield* PdfDocument.open(bytes, budget);
    if (doc.isEncrypted()) return { status: "encrypted", pages, pageCount };
    const catalog = doc.catalog();
    const root = catalog ? doc.dict(catalog.d.get("Pages")) : undefined;
    const refs: PageRef[] = [];
    collectPages(doc, root, undefined, refs, new Set(), 0, work);
    pageCount = refs.length;
    if (pageCount === 0) return work.limit ? { status: "too-large", pages, pageCount, limit: work.limit } : { status: "corrupt", pages, pageCount };
    for (let i = 0; i < refs.length; i++) {
      yield;
      if (budget.expired()) return { status: "timeout", pages, pageCount, incomplete: doc.undecodable > 0 };
      const { page, resources } = refs[i] as PageRef;
      const content = yield* pageContent(doc, page);
      const st = pageState(work, budget.limits.maxTextChars);
      try {
        runContent(doc, content, resources, st, budget, 0, IDENTITY);
      } finally {
        // The text read before a limit or the deadline stopped the page is kept: it may hold a number.
        if (st.line !== "") st.lines.push(st.line);
        pages.push({ page: i + 1, lines: st.lines });
      }
    }
    if (work.limit) return { status: "too-large", pages, pageCount, limit: work.limit, incomplete: doc.undecodable > 0 };
    return { status: "ok", pages, pageCount, incomplete: doc.undecodable > 0 };
  } catch (e) {
    if (e instanceof PdfLimitStop) return { status: "too-large", pages, pageCount, limit: e.limit };
    if (isExtractStop(e)) {
      const s = e.why === "timeout" ? "timeout" : e.why === "zip-bomb" ? "zip-bomb" : e.why === "too-large" ? "too-large" : "corrupt";
      return e.limit ? { status: s, pages, pageCount, limit: e.limit } : { status: s, pages, pageCount };
    }
    // A parser bug on hostile input must not escape: the file is reported, not passed.
    return { status: "corrupt", pages, pageCount };
  }
}
