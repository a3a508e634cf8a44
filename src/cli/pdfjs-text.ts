/**
 * pdf.js for the CLI: Node loads pdfjs-dist (5, legacy build: Node 20 lacks what the modern build
 * needs) with a real dynamic `import()`; the reader itself is core's (`createPdfjsReader`). pdf.js
 * runs with its "fake worker" on this thread: importing the worker module sets
 * `globalThis.pdfjsWorker`.
 *
 * pdfjs-dist is ESM-only; the import is kept out of the CommonJS transpile, so this module loads
 * under tsx, Node and bundlers alike.
 */
import { createPdfjsReader as coreReader, openPdfjsReader as coreOpen, type PdfjsLoader, type PdfjsModule, type PdfTextReader } from "../core/index";

export type { PdfjsLoader, PdfjsModule };

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

/** Core's pdf.js reader, loading pdf.js through Node unless told otherwise. */
export function createPdfjsReader(load: PdfjsLoader = loadPdfjs): PdfTextReader {
  return coreReader(load);
}

/** Loads pdf.js first, so the caller can choose another reader when it cannot be loaded. */
export function openPdfjsReader(load: PdfjsLoader = loadPdfjs): Promise<PdfTextReader> {
  return coreOpen(load);
}
