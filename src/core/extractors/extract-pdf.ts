/** A PDF reader's result as extraction reports it: page segments, then the status as a stop or a finding. */
import type { Budget } from "./budget";
import { ExtractStop } from "./budget";
import type { Collector } from "./collector";
import type { PdfReadResult, PdfTextReader } from "./pdf";
import { pageSegment, readPdfMiniSliced } from "./pdf";

export async function readPdf(path: string, bytes: Uint8Array, budget: Budget, out: Collector, pdfReader: PdfTextReader | undefined): Promise<void> {
  let result: PdfReadResult;
  if (pdfReader) {
    try {
      result = await pdfReader.read(bytes, { expired: () => budget.expired() });
    } catch {
      result = { status: "corrupt", pages: [], pageCount: 0 };
    }
  } else result = await readPdfMiniSliced(bytes, budget);
  let chars = 0;
  for (const p of result.pages) {
    const { text, softBreaks } = pageSegment(p.lines);
    chars += text.replace(/\s+/g, "").length;
    out.emit(path, text, { kind: "page", page: p.page }, { softBreaks });
  }
  switch (result.status) {
    case "ok":
      if (chars === 0) throw new ExtractStop("unsupported", result.incomplete ? "unsupported-encoding" : "no-text-layer");
      if (result.incomplete) out.fail(path, "unsupported", "unsupported-encoding");
      return;
    case "encrypted":
      throw new ExtractStop("encrypted");
    case "timeout":
      throw new ExtractStop("timeout", undefined, "SEND_BUDGET_MS");
    case "zip-bomb":
      throw new ExtractStop("zip-bomb", undefined, result.limit);
    case "too-large":
      throw new ExtractStop("too-large", result.limit && /^MAX_PDF_/.test(result.limit) ? "limit-reached" : undefined, result.limit);
    default:
      throw new ExtractStop("corrupt");
  }
}
