/**
 * Which PDF reader a `postvagt scan` run uses. pdf.js ("use pdf.js wherever it runs"),
 * opened once per run (and per worker thread) on the first message with an attachment that is, or
 * may hold, a PDF: loading it costs about 0.3 s, which a run over mails with only CSV or image
 * attachments should not pay. When pdf.js cannot be loaded the run
 * goes on with core's built-in mini reader (the one classic Outlook uses, held to pdf.js by
 * src/core/extractors/pdf.test.ts) and says so once on stderr: never a crash, never a silent
 * switch, and stdout stays the JSON Lines contract.
 */
import { sniffFormat, type Message, type PdfTextReader, type SniffedFormat } from "../core";

/** Formats the extractor reads a PDF in: a PDF itself, or a container that may hold one. */
const MAY_HOLD_PDF: readonly SniffedFormat[] = ["pdf", "zip", "cfb", "eml"];

/** Opens the preferred PDF reader; rejects when it cannot be loaded. */
export type OpenPdfReader = () => Promise<PdfTextReader>;

export interface PdfReaderChoice {
  /**
   * The reader to pass to scanMessage for this message: pdf.js, or undefined for core's mini
   * reader (no attachments, or pdf.js failed to load).
   */
  forMessage(message: Message): Promise<PdfTextReader | undefined>;
}

export function choosePdfReader(open: OpenPdfReader, warn: (reason: string) => void): PdfReaderChoice {
  let state: { kind: "unopened" } | { kind: "open"; reader: PdfTextReader } | { kind: "failed" } = { kind: "unopened" };
  return {
    async forMessage(message) {
      // PDFs hide in nested mails, zips and Office files too: any attachment that is, or may hold,
      // a PDF (as the extractor will sniff it) is reason enough to open it; a CSV or image is not.
      if (!message.attachments.some((a) => a.kind === "file" && MAY_HOLD_PDF.indexOf(sniffFormat(a.bytes)) >= 0)) return state.kind === "open" ? state.reader : undefined;
      if (state.kind === "unopened") {
        try {
          state = { kind: "open", reader: await open() };
        } catch (e) {
          state = { kind: "failed" };
          warn(firstLine(e));
        }
      }
      return state.kind === "open" ? state.reader : undefined;
    },
  };
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split("\n", 1)[0]?.trim() ?? "";
  return line === "" ? "unknown error" : line;
}
