/**
 * A PdfTextReader backed by pdf.js (pdfjs-dist 5, legacy build: Node 20 lacks what the modern build
 * needs). For hosts that can afford it, the CLI and the tests' differential oracle; classic Outlook
 * cannot (attachments.md §2.7), so core's default stays the mini reader. pdf.js runs with its
 * "fake worker" on this thread: importing the worker module sets `globalThis.pdfjsWorker`.
 *
 * pdfjs-dist is ESM-only; the import is a real dynamic `import()` kept out of the CommonJS
 * transpile, so this module loads under tsx, Node and bundlers alike.
 */
import type { PdfPageText, PdfReadControl, PdfReadResult, PdfTextReader } from "../core/index";

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

// `new Function` keeps `import()` intact through the CommonJS transpile (swc/tsc would turn it
// into `require`, which cannot load an .mjs file).
const dynamicImport = new Function("s", "return import(s)") as (s: string) => Promise<unknown>;

let loaded: Promise<PdfjsModule> | undefined;
/** Loads pdf.js once per process; a failure is remembered too, so a run does not retry per file. */
export function loadPdfjs(): Promise<PdfjsModule> {
  loaded ??= (async () => {
    await dynamicImport("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return (await dynamicImport("pdfjs-dist/legacy/build/pdf.mjs")) as PdfjsModule;
  })();
  return loaded;
}

/** Page text items → lines: a line ends at `hasEOL` or when the baseline moves. */
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
    line += item.str ?? "";
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
 */
export function createPdfjsReader(load: PdfjsLoader = loadPdfjs): PdfTextReader {
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
        for (let p = 1; p <= doc.numPages; p++) {
          if (control.expired()) return { status: "timeout", pages, pageCount };
          const page = await doc.getPage(p);
          const content = await page.getTextContent();
          pages.push({ page: p, lines: linesFromItems(content.items) });
          page.cleanup();
        }
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
export async function openPdfjsReader(load: PdfjsLoader = loadPdfjs): Promise<PdfTextReader> {
  await load();
  return createPdfjsReader(load);
}
