/**
 * pdf.js for the CLI. Node loads pdfjs-dist (5, legacy build: Node 20 lacks what the modern build
 * needs) with a real dynamic `import()`; the reader itself is core's (`createPdfjsReader`).
 *
 * In the compiled command, pdf.js runs in a worker thread of its own (dist-cli/pdfjs-worker.js),
 * because its text extraction of one page cannot be interrupted: a timer does not fire while it
 * runs. The main thread checks the message's deadline (`--budget-ms`) every 20 ms while it waits,
 * and at the deadline terminates the worker and reports the file as read in part (`timeout`),
 * keeping the pages the worker had sent. The next PDF starts a fresh worker. Where there is no
 * compiled worker (the sources run through tsx), pdf.js runs on this thread, checked between pages.
 * See docs/design/hostile-input.md.
 *
 * pdfjs-dist is ESM-only; the import is kept out of the CommonJS transpile, so this module loads
 * under tsx, Node and bundlers alike.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { openPdfjsReader, type PdfjsModule, type PdfPageText, type PdfReadControl, type PdfReadResult, type PdfTextReader } from "../core/index";

// `new Function` keeps `import()` intact through the CommonJS transpile (swc/tsc would turn it
// into `require`, which cannot load an .mjs file).
const dynamicImport = new Function("s", "return import(s)") as (s: string) => Promise<unknown>;

let loaded: Promise<PdfjsModule> | undefined;
/**
 * Loads pdf.js once per thread; a failure is remembered too, so a run does not retry per file.
 * pdf.js runs with its "fake worker" on the calling thread: importing the worker module sets
 * `globalThis.pdfjsWorker`.
 */
export function loadPdfjs(): Promise<PdfjsModule> {
  loaded ??= (async () => {
    await dynamicImport("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return (await dynamicImport("pdfjs-dist/legacy/build/pdf.mjs")) as PdfjsModule;
  })();
  return loaded;
}

/** Messages between the CLI and its pdf.js thread. */
export type ToPdfjsThread = { readonly kind: "load" } | { readonly kind: "read"; readonly id: number; readonly bytes: Uint8Array };
export type FromPdfjsThread =
  | { readonly kind: "loaded" }
  | { readonly kind: "load-failed"; readonly message: string }
  | { readonly kind: "page"; readonly id: number; readonly page: PdfPageText; readonly pageCount: number }
  | { readonly kind: "done"; readonly id: number; readonly result: PdfReadResult };

/** How often the main thread looks at the deadline while pdf.js works. */
const POLL_MS = 20;
const WORKER_SCRIPT = join(__dirname, "pdfjs-worker.js");

/**
 * The CLI's PDF reader: pdf.js in a worker thread stopped at the deadline (compiled command), or
 * on this thread. Rejects when pdf.js cannot be loaded, so the caller can fall back.
 */
export async function openCliPdfReader(script = WORKER_SCRIPT): Promise<PdfTextReader> {
  if (!existsSync(script)) return openPdfjsReader(loadPdfjs);
  const reader = new PdfjsThreadReader(script);
  await reader.start();
  return reader;
}

/** pdf.js text extraction in a worker thread that is terminated when the message's time is up. */
export class PdfjsThreadReader implements PdfTextReader {
  readonly name = "pdf.js";
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly script: string) {}

  /** Starts the thread and loads pdf.js in it; rejects with the reason when it cannot. */
  start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.script);
    // An idle pdf.js thread must not keep the command alive after the last message.
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<Worker>((resolve, reject) => {
      const onMessage = (m: FromPdfjsThread): void => {
        if (m.kind === "loaded") resolve(worker);
        else if (m.kind === "load-failed") reject(new Error(m.message));
        worker.off("message", onMessage);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    this.ready.catch(() => this.stop());
    worker.postMessage({ kind: "load" } satisfies ToPdfjsThread);
    return this.ready;
  }

  /** One file at a time: a read waits for the one before it. */
  read(bytes: Uint8Array, control: PdfReadControl): Promise<PdfReadResult> {
    const run = this.queue.then(() => this.readNow(bytes, control));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readNow(bytes: Uint8Array, control: PdfReadControl): Promise<PdfReadResult> {
    if (control.expired()) return { status: "timeout", pages: [], pageCount: 0 };
    const worker = await this.start();
    const id = ++this.nextId;
    const pages: PdfPageText[] = [];
    let pageCount = 0;
    return new Promise<PdfReadResult>((resolve) => {
      const finish = (result: PdfReadResult): void => {
        clearInterval(timer);
        worker.off("message", onMessage);
        worker.off("error", onFailure);
        worker.off("exit", onFailure);
        resolve(result);
      };
      const onMessage = (m: FromPdfjsThread): void => {
        if (m.kind === "page" && m.id === id) {
          pages.push(m.page);
          pageCount = m.pageCount;
        } else if (m.kind === "done" && m.id === id) finish({ ...m.result, pages });
      };
      // The thread died (out of memory, a pdf.js bug): the file is reported, the next starts afresh.
      const onFailure = (): void => {
        this.stop();
        finish({ status: "corrupt", pages, pageCount });
      };
      const timer = setInterval(() => {
        if (!control.expired()) return;
        this.stop();
        finish({ status: "timeout", pages, pageCount });
      }, POLL_MS);
      worker.on("message", onMessage);
      worker.once("error", onFailure);
      worker.once("exit", onFailure);
      const copy = bytes.slice();
      worker.postMessage({ kind: "read", id, bytes: copy } satisfies ToPdfjsThread, [copy.buffer]);
    });
  }

  /** Terminates the thread (at a deadline, or after it failed); the next read starts a new one. */
  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) void worker.terminate();
  }
}
