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
 */
import type { Budget } from "./budget";
import { isExtractStop } from "./budget";
import type { LimitName } from "./limits";
import { MAX_PDF_FORM_DRAWS, MAX_PDF_OPERATORS, MAX_PDF_PAGES, MAX_PDF_TREE_DEPTH } from "./limits";
import type { PdfDict, PdfValue } from "./pdf-objects";
import { isDict, isName, isRef, isString, PdfDocument, PdfLexer } from "./pdf-objects";
import { cp1252Char } from "./text-decode";

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
}

/** Anything that turns PDF bytes into page lines. Must not throw: failures are a status. */
export interface PdfTextReader {
  readonly name: string;
  read(bytes: Uint8Array, control: PdfReadControl): Promise<PdfReadResult>;
}

const DASH = /[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/;

/**
 * Text as a reader decoded it, made fit for the matchers: NUL characters removed. A ToUnicode CMap
 * that maps glyphs to `<0000 0031>` (UTF-16 with a NUL before each character), or UTF-16 bytes shown
 * through a one-byte font, gives "\u00001\u00005..."; pdf.js and the mini reader both keep the NULs,
 * which hid the number from the CPR matcher (docs/design/hostile-input.md). NUL is never text.
 */
export function pdfText(s: string): string {
  return s.indexOf("\u0000") < 0 ? s : s.split("\u0000").join("");
}

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

// ---------------------------------------------------------------------------------------------
// The mini reader

interface Font {
  /** Bytes per character code: 2 for Type0 (CID) fonts with Identity-like encodings. */
  readonly codeBytes: 1 | 2;
  readonly toUnicode: Map<number, string> | undefined;
  /** Code → Unicode from /Encoding for simple fonts without ToUnicode. */
  readonly encoding: Map<number, string> | undefined;
  /** Glyph widths in 1/1000 text-space units. */
  width(code: number): number;
  /** True when nothing maps codes to text (CID font with no ToUnicode): output is unreliable. */
  readonly opaque: boolean;
}

/** Glyph names used in /Differences that matter for Danish text and digits. */
const GLYPHS: Record<string, string> = {
  space: " ", hyphen: "-", minus: "-", endash: "\u2013", emdash: "\u2014", period: ".", comma: ",", colon: ":",
  semicolon: ";", slash: "/", parenleft: "(", parenright: ")", underscore: "_", ae: "\u00e6", AE: "\u00c6",
  oslash: "\u00f8", Oslash: "\u00d8", aring: "\u00e5", Aring: "\u00c5", zero: "0", one: "1", two: "2", three: "3",
  four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", nbspace: "\u00a0", quoteright: "\u2019",
  numbersign: "#", asterisk: "*", at: "@", ampersand: "&", percent: "%", plus: "+", equal: "=",
};

function glyphToUnicode(name: string): string | undefined {
  if (GLYPHS[name] !== undefined) return GLYPHS[name];
  if (/^[A-Za-z]$/.test(name)) return name;
  const uni = /^uni([0-9A-Fa-f]{4})/.exec(name);
  if (uni) return String.fromCharCode(parseInt(uni[1] as string, 16));
  const u = /^u([0-9A-Fa-f]{4,6})$/.exec(name);
  if (u) return String.fromCodePoint(parseInt(u[1] as string, 16));
  return undefined;
}

function utf16be(bytes: string): string {
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  if (bytes.length % 2 === 1) out += bytes.charAt(bytes.length - 1);
  return out;
}

function codeOf(bytes: string): number {
  let c = 0;
  for (let i = 0; i < bytes.length; i++) c = c * 256 + bytes.charCodeAt(i);
  return c;
}

/** Parse a ToUnicode CMap's bfchar/bfrange sections. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const lx = new PdfLexer(cmap);
  let mode: "char" | "range" | "" = "";
  let guard = 0;
  while (lx.pos < lx.end && guard++ < 2_000_000) {
    const v = lx.value();
    if (v !== undefined) {
      if (mode === "char" && isString(v)) {
        const dst = lx.value();
        if (isString(dst)) map.set(codeOf(v.s), utf16be(dst.s));
        else if (isName(dst)) {
          const g = glyphToUnicode(dst.n);
          if (g !== undefined) map.set(codeOf(v.s), g);
        }
      } else if (mode === "range" && isString(v)) {
        const hi = lx.value();
        const dst = lx.value();
        if (!isString(hi)) continue;
        const lo = codeOf(v.s);
        const top = Math.min(codeOf(hi.s), lo + 65535);
        if (isString(dst)) {
          const base = utf16be(dst.s);
          const last = base.charCodeAt(base.length - 1);
          for (let c = lo; c <= top; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(last + (c - lo)));
        } else if (Array.isArray(dst)) {
          for (let c = lo; c <= top; c++) {
            const d = dst[c - lo];
            if (isString(d)) map.set(c, utf16be(d.s));
          }
        }
      }
      continue;
    }
    lx.skipWhite();
    const w = lx.word();
    if (w === "") {
      lx.pos++;
      continue;
    }
    if (w === "beginbfchar") mode = "char";
    else if (w === "beginbfrange") mode = "range";
    else if (w === "endbfchar" || w === "endbfrange") mode = "";
  }
  return map;
}

function loadFont(doc: PdfDocument, fontRef: PdfValue | undefined): Font {
  const f = doc.dict(fontRef);
  const subtype = f ? doc.resolve(f.d.get("Subtype")) : undefined;
  const isType0 = isName(subtype) && subtype.n === "Type0";
  const tu = f ? f.d.get("ToUnicode") : undefined;
  const toUnicodeText = isRef(tu) ? doc.streamText(tu.r) : undefined;
  const toUnicode = toUnicodeText !== undefined ? parseToUnicode(toUnicodeText) : undefined;
  let encoding: Map<number, string> | undefined;
  const enc = f ? doc.resolve(f.d.get("Encoding")) : undefined;
  if (isDict(enc)) {
    const diffs = doc.resolve(enc.d.get("Differences"));
    if (Array.isArray(diffs)) {
      encoding = new Map();
      let code = 0;
      for (const item of diffs) {
        if (typeof item === "number") code = item;
        else if (isName(item)) {
          const u = glyphToUnicode(item.n);
          if (u !== undefined) encoding.set(code, u);
          code++;
        }
      }
    }
  }
  // Widths: simple fonts /FirstChar + /Widths; CID fonts /DW + /W in the descendant.
  const widths = new Map<number, number>();
  let defaultWidth = 500;
  if (isType0 && f) {
    const desc = doc.resolve(f.d.get("DescendantFonts"));
    const d0 = Array.isArray(desc) ? doc.dict(desc[0]) : undefined;
    if (d0) {
      const dw = doc.resolve(d0.d.get("DW"));
      defaultWidth = typeof dw === "number" ? dw : 1000;
      const w = doc.resolve(d0.d.get("W"));
      if (Array.isArray(w)) {
        for (let i = 0; i < w.length && widths.size < 65536; ) {
          const first = doc.resolve(w[i]);
          const second = doc.resolve(w[i + 1]);
          if (typeof first !== "number") break;
          if (Array.isArray(second)) {
            second.forEach((x, k) => {
              const val = doc.resolve(x);
              if (typeof val === "number") widths.set(first + k, val);
            });
            i += 2;
          } else {
            const val = doc.resolve(w[i + 2]);
            if (typeof second === "number" && typeof val === "number") {
              for (let c = first; c <= second && c - first < 65536; c++) widths.set(c, val);
            }
            i += 3;
          }
        }
      }
    }
  } else if (f) {
    const first = doc.resolve(f.d.get("FirstChar"));
    const w = doc.resolve(f.d.get("Widths"));
    if (typeof first === "number" && Array.isArray(w)) {
      w.forEach((x, k) => {
        const val = doc.resolve(x);
        if (typeof val === "number") widths.set(first + k, val);
      });
    }
    const fd = doc.dict(f.d.get("FontDescriptor"));
    const mw = fd ? doc.resolve(fd.d.get("MissingWidth")) : undefined;
    if (typeof mw === "number" && mw > 0) defaultWidth = mw;
  }
  return {
    codeBytes: isType0 ? 2 : 1,
    toUnicode,
    encoding,
    width: (code) => widths.get(code) ?? defaultWidth,
    opaque: isType0 && toUnicode === undefined,
  };
}

const FALLBACK_FONT: Font = { codeBytes: 1, toUnicode: undefined, encoding: undefined, width: () => 500, opaque: false };

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/**
 * Work shared by every content stream of one document, forms included: nested form XObjects that
 * draw one another (each drawing the next twice, or itself) multiply work exponentially while each
 * stream stays tiny, so the bounds are on the total, not per stream. See docs/design/hostile-input.md.
 */
interface PdfWork {
  ops: number;
  formDraws: number;
  limit: LimitName | undefined;
}

/** Thrown inside the reader when a bound of `PdfWork` is reached; caught in `readPdfMini`. */
class PdfLimitStop {
  constructor(readonly limit: LimitName) {}
}

interface PageState {
  /** Forms already drawn on this page, per resources dictionary: drawing one again adds no text. */
  readonly drawn: Map<number, Set<PdfDict | undefined>>;
  readonly work: PdfWork;
  readonly lines: string[];
  line: string;
  lastX: number;
  lastY: number;
  hasText: boolean;
}

/** Interpret one content stream, appending text to `st`. Forms (`Do`) recurse with a depth bound. */
function runContent(doc: PdfDocument, content: string, resources: PdfDict | undefined, st: PageState, budget: Budget, depth: number, ctmIn: Matrix): void {
  const fonts = new Map<string, Font>();
  const fontDict = resources ? doc.dict(resources.d.get("Font")) : undefined;
  const xobjects = resources ? doc.dict(resources.d.get("XObject")) : undefined;
  const lx = new PdfLexer(content);
  const operands: PdfValue[] = [];
  let ctm: Matrix = ctmIn;
  const gstack: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font: Font = FALLBACK_FONT;
  let fontSize = 12;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  let leading = 0;
  const work = st.work;

  const show = (bytes: string): void => {
    const m = mul(tm, ctm);
    const x = m[4];
    const y = m[5];
    const size = Math.abs(fontSize) * (Math.sqrt(m[2] * m[2] + m[3] * m[3]) || 1);
    let text = "";
    let advance = 0;
    const step = font.codeBytes;
    for (let i = 0; i + step <= bytes.length; i += step) {
      const code = step === 2 ? (bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1) : bytes.charCodeAt(i);
      const mapped = font.toUnicode?.get(code) ?? font.encoding?.get(code);
      if (mapped !== undefined) text += mapped;
      else if (!font.opaque && step === 1) text += String.fromCharCode(cp1252Char(code));
      advance += (font.width(code) / 1000) * fontSize + charSpacing + (step === 1 && code === 32 ? wordSpacing : 0);
    }
    text = pdfText(text);
    if (text !== "") {
      if (st.hasText) {
        const dy = Math.abs(y - st.lastY);
        if (dy > size * 0.5) {
          st.lines.push(st.line);
          st.line = "";
        } else {
          const gap = x - st.lastX;
          const endsSpace = /\s$/.test(st.line);
          if ((gap > size * 0.15 || gap < -size) && !endsSpace && !/^\s/.test(text) && st.line !== "") st.line += " ";
        }
      }
      st.line += text;
      st.hasText = true;
    }
    tm = mul([1, 0, 0, 1, advance * hScale, 0], tm);
    const after = mul(tm, ctm);
    st.lastX = after[4];
    st.lastY = y;
  };

  while (lx.pos < lx.end) {
    if ((++work.ops & 4095) === 0) {
      budget.tick();
      if (work.ops > MAX_PDF_OPERATORS) throw new PdfLimitStop("MAX_PDF_OPERATORS");
    }
    const v = lx.value();
    if (v !== undefined) {
      if (operands.length < 64) operands.push(v);
      continue;
    }
    lx.skipWhite();
    if (lx.pos >= lx.end) break;
    const op = lx.word();
    if (op === "") {
      lx.pos++;
      operands.length = 0;
      continue;
    }
    const num = (i: number): number => {
      const x = operands[operands.length - i];
      return typeof x === "number" ? x : 0;
    };
    switch (op) {
      case "BT":
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case "q":
        if (gstack.length < 256) gstack.push(ctm);
        break;
      case "Q":
        ctm = gstack.pop() ?? ctmIn;
        break;
      case "cm":
        if (operands.length >= 6) ctm = mul([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
        break;
      case "Tf": {
        const name = operands[operands.length - 2];
        fontSize = num(1);
        if (isName(name)) {
          let f = fonts.get(name.n);
          if (!f) {
            f = loadFont(doc, fontDict?.d.get(name.n));
            fonts.set(name.n, f);
          }
          font = f;
        }
        break;
      }
      case "Tc":
        charSpacing = num(1);
        break;
      case "Tw":
        wordSpacing = num(1);
        break;
      case "Tz":
        hScale = num(1) / 100;
        break;
      case "TL":
        leading = num(1);
        break;
      case "Td":
        tlm = mul([1, 0, 0, 1, num(2), num(1)], tlm);
        tm = tlm;
        break;
      case "TD":
        leading = -num(1);
        tlm = mul([1, 0, 0, 1, num(2), num(1)], tlm);
        tm = tlm;
        break;
      case "Tm":
        if (operands.length >= 6) {
          tlm = [num(6), num(5), num(4), num(3), num(2), num(1)];
          tm = tlm;
        }
        break;
      case "T*":
        tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
        tm = tlm;
        break;
      case "Tj": {
        const s = operands[operands.length - 1];
        if (isString(s)) show(s.s);
        break;
      }
      case "'":
      case '"': {
        tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
        tm = tlm;
        if (op === '"') {
          wordSpacing = num(3);
          charSpacing = num(2);
        }
        const s = operands[operands.length - 1];
        if (isString(s)) show(s.s);
        break;
      }
      case "TJ": {
        const arr = operands[operands.length - 1];
        if (Array.isArray(arr)) {
          for (const item of arr) {
            if (isString(item)) show(item.s);
            else if (typeof item === "number") tm = mul([1, 0, 0, 1, (-item / 1000) * fontSize * hScale, 0], tm);
          }
        }
        break;
      }
      case "Do":
        drawForm(doc, operands[operands.length - 1], xobjects, resources, st, budget, depth, ctm);
        break;
      case "BI": {
        // Inline image: skip its binary data up to "EI" so it is never read as operators.
        const id = content.indexOf("ID", lx.pos);
        let ei = id < 0 ? -1 : content.indexOf("EI", id + 3);
        while (ei >= 0 && !(/\s/.test(content.charAt(ei - 1)) && (ei + 2 >= content.length || /\s/.test(content.charAt(ei + 2))))) ei = content.indexOf("EI", ei + 2);
        lx.pos = ei < 0 ? lx.end : ei + 2;
        break;
      }
    }
    operands.length = 0;
  }
}

/**
 * `Do` of a form XObject: a cancellation point (the deadline is checked on every form entry), then
 * the form's stream once per page and resources (a form drawn again, or drawing itself, adds no
 * text that is not already read), within the depth and total-draw bounds.
 */
function drawForm(doc: PdfDocument, name: PdfValue | undefined, xobjects: PdfDict | undefined, resources: PdfDict | undefined, st: PageState, budget: Budget, depth: number, ctm: Matrix): void {
  const ref = isName(name) && xobjects ? xobjects.d.get(name.n) : undefined;
  const form = doc.dict(ref);
  const sub = form ? doc.resolve(form.d.get("Subtype")) : undefined;
  if (!form || !isName(sub) || sub.n !== "Form" || !isRef(ref)) return;
  budget.tick();
  const res = doc.dict(form.d.get("Resources")) ?? resources;
  let seen = st.drawn.get(ref.r);
  if (seen && seen.has(res)) return;
  if (depth + 1 > MAX_PDF_TREE_DEPTH) throw new PdfLimitStop("MAX_PDF_TREE_DEPTH");
  if (++st.work.formDraws > MAX_PDF_FORM_DRAWS) throw new PdfLimitStop("MAX_PDF_FORM_DRAWS");
  if (!seen) {
    seen = new Set();
    st.drawn.set(ref.r, seen);
  }
  seen.add(res);
  const inner = doc.streamText(ref.r);
  const matrix = doc.resolve(form.d.get("Matrix"));
  const fm: Matrix = Array.isArray(matrix) && matrix.length === 6 && matrix.every((x) => typeof x === "number") ? (matrix as Matrix) : IDENTITY;
  if (inner !== undefined) runContent(doc, inner, res, st, budget, depth + 1, mul(fm, ctm));
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
    for (const k of kids) collectPages(doc, doc.dict(k), res, out, seen, depth + 1, work);
  } else if (out.length >= MAX_PDF_PAGES) work.limit = "MAX_PDF_PAGES";
  else out.push({ page: node, resources: res });
}

/** The mini reader, synchronous, counting inflation and time on the scan's budget. */
export function readPdfMini(bytes: Uint8Array, budget: Budget): PdfReadResult {
  const pages: PdfPageText[] = [];
  let pageCount = 0;
  const work: PdfWork = { ops: 0, formDraws: 0, limit: undefined };
  try {
    const doc = new PdfDocument(bytes, budget);
    if (doc.isEncrypted()) return { status: "encrypted", pages, pageCount };
    const catalog = doc.catalog();
    const root = catalog ? doc.dict(catalog.d.get("Pages")) : undefined;
    const refs: PageRef[] = [];
    collectPages(doc, root, undefined, refs, new Set(), 0, work);
    pageCount = refs.length;
    if (pageCount === 0) return work.limit ? { status: "too-large", pages, pageCount, limit: work.limit } : { status: "corrupt", pages, pageCount };
    for (let i = 0; i < refs.length; i++) {
      if (budget.expired()) return { status: "timeout", pages, pageCount, incomplete: doc.undecodable > 0 };
      const { page, resources } = refs[i] as PageRef;
      const contents = doc.resolve(page.d.get("Contents"));
      const parts = Array.isArray(contents) ? contents : [page.d.get("Contents")];
      let content = "";
      for (const p of parts) {
        const s = doc.streamOf(p);
        if (s !== undefined) content += s + "\n";
      }
      const st: PageState = { drawn: new Map(), work, lines: [], line: "", lastX: 0, lastY: 0, hasText: false };
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
