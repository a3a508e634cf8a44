/**
 * The CLI's pdf.js thread (see pdfjs-text.ts): loads pdf.js when asked, then reads the PDFs the
 * main thread sends, one at a time, posting each page as it is read and the result at the end.
 * The main thread terminates this thread when a message's time is up; the thread itself never
 * looks at a clock.
 */
import { parentPort } from "node:worker_threads";
import { createPdfjsReader } from "../core/index";
import { loadPdfjs, type FromPdfjsThread, type ToPdfjsThread } from "./pdfjs-text";

const port = parentPort;
if (!port) throw new Error("pdfjs-worker runs only as a worker thread");
const post = (m: FromPdfjsThread): void => port.postMessage(m);
const reader = createPdfjsReader(loadPdfjs);
let queue: Promise<void> = Promise.resolve();

port.on("message", (m: ToPdfjsThread) => {
  queue = queue.then(async () => {
    if (m.kind === "load") {
      try {
        await loadPdfjs();
        post({ kind: "loaded" });
      } catch (e) {
        post({ kind: "load-failed", message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    const { id } = m;
    try {
      const result = await reader.read(m.bytes, { expired: () => false, onPage: (page, pageCount) => post({ kind: "page", id, page, pageCount }) });
      // The pages went one by one; the result carries the rest.
      post({ kind: "done", id, result: { ...result, pages: [] } });
    } catch {
      post({ kind: "done", id, result: { status: "corrupt", pages: [], pageCount: 0 } });
    }
  });
});
