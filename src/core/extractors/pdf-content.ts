/**
 * The content-stream interpreter of the mini PDF reader (ISO 32000-1 §8-9): graphics state enough
 * to place text (`q`/`Q`/`cm`), form XObjects drawn with `Do`, inline images skipped, and the text
 * operators (pdf-text-state.ts) that append characters to the page's lines.
 *
 * Work is bounded over every stream of one document, forms included: nested form XObjects that
 * draw one another (each drawing the next twice, or itself) multiply work exponentially while each
 * stream stays tiny, so the bounds are on the total, not per stream. See docs/design/hostile-input.md.
 */
import type { Budget } from "./budget";
import type { LimitName } from "./limits";
import { MAX_PDF_FORM_DRAWS, MAX_PDF_OPERATORS, MAX_PDF_TREE_DEPTH } from "./limits";
import type { Font } from "./pdf-fonts";
import { loadFont } from "./pdf-fonts";
import type { PdfDict, PdfValue } from "./pdf-lexer";
import { isName, isRef, PdfLexer } from "./pdf-lexer";
import type { PdfDocument } from "./pdf-objects";
import type { LineSink, Matrix } from "./pdf-text-state";
import { IDENTITY, mul, operand, TextState } from "./pdf-text-state";

/** Work shared by every content stream of one document. */
export interface PdfWork {
  ops: number;
  formDraws: number;
  /** Characters read, held to the scan's MAX_TEXT_CHARS before they are emitted (memory). */
  chars: number;
  limit: LimitName | undefined;
}

/** One page being read: its lines, and the forms already drawn on it. */
export interface PageState extends LineSink {
  /** Forms already drawn on this page, per resources dictionary: drawing one again adds no text. */
  readonly drawn: Map<number, Set<PdfDict | undefined>>;
  readonly work: PdfWork;
}

/** Thrown inside the reader when a bound of `PdfWork` is reached; caught in `readPdfMini`. */
export class PdfLimitStop {
  constructor(readonly limit: LimitName) {}
}

/** One stream's context: the document, its resources, the page it writes to. */
interface StreamContext {
  readonly doc: PdfDocument;
  readonly resources: PdfDict | undefined;
  readonly st: PageState;
  readonly budget: Budget;
  readonly depth: number;
}

/** Interpret one content stream, appending text to `st`. Forms (`Do`) recurse with a depth bound. */
export function runContent(doc: PdfDocument, content: string, resources: PdfDict | undefined, st: PageState, budget: Budget, depth: number, ctmIn: Matrix): void {
  const cx: StreamContext = { doc, resources, st, budget, depth };
  const fonts = new Map<string, Font>();
  const fontDict = resources ? doc.dict(resources.d.get("Font")) : undefined;
  const xobjects = resources ? doc.dict(resources.d.get("XObject")) : undefined;
  const lx = new PdfLexer(content);
  const operands: PdfValue[] = [];
  let ctm: Matrix = ctmIn;
  const gstack: Matrix[] = [];
  const text = new TextState();
  const work = st.work;
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
    switch (op) {
      case "q":
        if (gstack.length < 256) gstack.push(ctm);
        break;
      case "Q":
        ctm = gstack.pop() ?? ctmIn;
        break;
      case "cm":
        if (operands.length >= 6) ctm = mul([operand(operands, 6), operand(operands, 5), operand(operands, 4), operand(operands, 3), operand(operands, 2), operand(operands, 1)], ctm);
        break;
      case "Tf": {
        const name = operands[operands.length - 2];
        let font: Font | undefined;
        if (isName(name)) {
          font = fonts.get(name.n);
          if (!font) {
            font = loadFont(doc, fontDict?.d.get(name.n));
            fonts.set(name.n, font);
          }
        }
        text.setFont(font, operand(operands, 1));
        break;
      }
      case "Do":
        drawForm(cx, operands[operands.length - 1], xobjects, ctm);
        break;
      case "BI":
        lx.pos = afterInlineImage(content, lx.pos, lx.end);
        break;
      default:
        text.operator(op, operands, ctm, st);
    }
    operands.length = 0;
  }
}

/** Inline image (`BI … ID data EI`): the position after its binary data, so it is never read as operators. */
function afterInlineImage(content: string, pos: number, end: number): number {
  const id = content.indexOf("ID", pos);
  let ei = id < 0 ? -1 : content.indexOf("EI", id + 3);
  while (ei >= 0 && !(/\s/.test(content.charAt(ei - 1)) && (ei + 2 >= content.length || /\s/.test(content.charAt(ei + 2))))) ei = content.indexOf("EI", ei + 2);
  return ei < 0 ? end : ei + 2;
}

/**
 * `Do` of a form XObject: a cancellation point (the deadline is checked on every form entry), then
 * the form's stream once per page and resources (a form drawn again, or drawing itself, adds no
 * text that is not already read), within the depth and total-draw bounds.
 */
function drawForm(cx: StreamContext, name: PdfValue | undefined, xobjects: PdfDict | undefined, ctm: Matrix): void {
  const { doc, st, budget, depth } = cx;
  const ref = isName(name) && xobjects ? xobjects.d.get(name.n) : undefined;
  const form = doc.dict(ref);
  const sub = form ? doc.resolve(form.d.get("Subtype")) : undefined;
  if (!form || !isName(sub) || sub.n !== "Form" || !isRef(ref)) return;
  budget.tick();
  const res = doc.dict(form.d.get("Resources")) ?? cx.resources;
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
  // A form with no stream we can read (its dictionary left unclosed by damage, so the stream was
  // never found) may have drawn text: the file is read in part, never clean.
  if (inner === undefined) doc.undecodable++;
  else runContent(doc, inner, res, st, budget, depth + 1, mul(fm, ctm));
}

export { IDENTITY };
