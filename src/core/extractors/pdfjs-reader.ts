/**
 * A PdfTextReader on top of pdf.js (pdfjs-dist), for hosts that can run it: the CLI (Node) and the
 * task pane (a browser). Host-neutral: the host hands in how to load pdf.js, so core imports no
 * pdf.js and stays runnable in classic Outlook's JavaScript-only runtime, where the mini reader
 * (pdf.ts) does the work (docs/design/attachment-limits.md §2.7).
 */
import type { PdfPageText, PdfReadControl, PdfReadResult, PdfTextReader } from "./extract";
import { MAX_PDF_PAGES } from "./limits";
import { pdfText } from "./pdf-text-state";

interface TextItem {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
}
interface PdfjsPage {
  getTextContent(): Promise<{ items: TextItem[] }>;
  cleanup(): void;
}
interface PdfjsDoc {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
}
/** The part of pdf.js this reader uses. */
export interface PdfjsModule {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfjsDoc>; destroy(): Promise<void> };
}

/** Loads pdf.js; rejects when it cannot be loaded (missing package, a host without `import()`). */
export type PdfjsLoader = () => Promise<PdfjsModule>;

/** Page text items → lines: a line ends at `hasEOL` or when the baseline moves. NULs are dropped (`pdfText`). */
export function linesFromItems(items: readonly TextItem[]): string[] {
  const lines: string[] = [];
  let line = "";
  let lastY: number | undefined;
  for (const item of items) {
    const y = item.transform?.[5];
    if (line !== "" && y !== undefined && lastY !== undefined && Math.abs(y - lastY) > 1) {
      lines.push(line);
      line = "";
    }
    line += pdfText(item.str ?? "");
    if (y !== undefined) lastY = y;
    if (item.hasEOL) {
      lines.push(line);
      line = "";
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * A reader that loads pdf.js on its first PDF. A failure to LOAD pdf.js is thrown, never reported as
 * a verdict on the file: mapping it to "corrupt" made every PDF "corrupt" wherever `import()` is
 * unavailable (jest's CommonJS sandbox). Hosts that must not fail use `openPdfjsReader`.
 * `load` is the host's way to get pdf.js (Node's `import()`, a bundler's lazy chunk).
 */
export function createPdfjsReader(load: PdfjsLoader): PdfTextReader {
  return {
    name: "pdf.js",
    async read(bytes: Uint8Array, control: PdfReadControl): Promise<PdfReadResult> {
      const pdfjs = await load();
      const pages: PdfPageText[] = [];
      let pageCount = 0;
      let task: ReturnType<PdfjsModule["getDocument"]> | undefined;
      try {
        // getDocument detaches the buffer it is given: pass a copy, the caller may need the bytes.
        task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
        const doc = await task.promise;
        pageCount = doc.numPages;
        const last = Math.min(doc.numPages, MAX_PDF_PAGES);
        for (let p = 1; p <= last; p++) {
          if (control.expired()) return { status: "timeout", pages, pageCount };
          const page = await doc.getPage(p);
          const content = await page.getTextContent();
          const text: PdfPageText = { page: p, lines: linesFromItems(content.items) };
          pages.push(text);
          if (control.onPage) control.onPage(text, pageCount);
          page.cleanup();
        }
        // Pages past the limit were not read: the file is reported as read in part, naming the limit.
        if (doc.numPages > MAX_PDF_PAGES) return { status: "too-large", pages, pageCount, limit: "MAX_PDF_PAGES" };
        return { status: "ok", pages, pageCount };
      } catch (e) {
        const name = e instanceof Error ? e.name : "";
        return { status: name === "PasswordException" ? "encrypted" : "corrupt", pages, pageCount };
      } finally {
        if (task) await task.destroy().catch(() => undefined);
      }
    },
  };
}

/** Loads pdf.js first, so the caller can choose another reader when it cannot be loaded. */
export async function openPdfjsReader(load: PdfjsLoader): Promise<PdfTextReader> {
  await load();
  return createPdfjsReader(load);
}
