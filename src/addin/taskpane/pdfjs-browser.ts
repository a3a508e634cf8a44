/**
 * pdf.js in the task pane. A browser runs it, so the pane reads PDFs with pdf.js ("use
 * pdf.js wherever it runs"); the send handler keeps core's mini reader, which runs in classic
 * Outlook's JavaScript-only runtime too and within the send budget.
 *
 * Loaded on the first PDF only, as its own chunk, with its worker as a file of the add-in's own
 * origin (webpack emits both): the pane's bundle does not grow, and nothing comes from elsewhere.
 */
import { openPdfjsReader, type PdfjsModule, type PdfTextReader } from "../../core";

interface PdfjsBrowserModule extends PdfjsModule {
  readonly GlobalWorkerOptions: { workerSrc: string };
}

let reader: Promise<PdfTextReader | undefined> | undefined;

async function loadPdfjs(): Promise<PdfjsModule> {
  const [pdfjs, worker] = await Promise.all([
    import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/legacy/build/pdf.mjs") as Promise<unknown> as Promise<PdfjsBrowserModule>,
    import(/* webpackChunkName: "pdfjs-worker-url" */ "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url") as Promise<{ default: string }>,
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

/**
 * The pane's PDF reader: pdf.js, loaded once; undefined (core's mini reader then reads) when it
 * cannot be loaded, which is logged without any mail content.
 */
export function browserPdfReader(log: (line: string) => void): Promise<PdfTextReader | undefined> {
  reader ??= openPdfjsReader(loadPdfjs).catch((e: unknown) => {
    log(`pdf.js could not be loaded (${e instanceof Error ? e.name : "error"}); PDFs are read with the built-in reader`);
    return undefined;
  });
  return reader;
}
