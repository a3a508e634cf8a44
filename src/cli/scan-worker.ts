/**
 * One worker thread of `postvagt scan --jobs N` (see scan-pool.ts): scans the files the main
 * thread sends, in batches, one file at a time and in the order received, with the same code as
 * `--jobs 1`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadPolicy, pdfReaderFor, scanFile, type FileOutcome, type ScanSettings } from "./scan-files";
import type { FromWorker, ToWorker, WorkerSetup } from "./scan-pool";

const port = parentPort;
if (!port) throw new Error("scan-worker runs only as a worker thread");
const setup = workerData as WorkerSetup;
// The main thread loaded this file a moment ago and refused to start had it been invalid.
const loaded = loadPolicy(setup.policyPath, setup.lang);
if (!loaded.ok) throw new Error(loaded.message);
const settings: ScanSettings = { policy: loaded.policy, lang: setup.lang, jsonLang: setup.jsonLang, json: setup.json, budgetMs: setup.budgetMs };
const pdfReader = pdfReaderFor(undefined, (reason) => port.postMessage({ kind: "warn", reason } satisfies FromWorker));
const clock = (): number => performance.timeOrigin + performance.now();

const queue: ToWorker[] = [];
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
    const outcomes: FileOutcome[] = [];
    try {
      for (const file of job.files) outcomes.push(await scanFile(file, settings, pdfReader, clock));
    } finally {
      // On a bug too: the files scanned before it are handed on (printed) before the run stops.
      port!.postMessage({ kind: "done", first: job.first, outcomes } satisfies FromWorker);
    }
  }
  busy = false;
}

port.on("message", (job: ToWorker) => {
  queue.push(job);
  if (!busy) {
    drain().catch((error: unknown) => {
      // A bug, not bad input: surface it in the main thread as the worker's error.
      setImmediate(() => {
        throw error;
      });
    });
  }
});
