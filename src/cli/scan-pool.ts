/**
 * `postvagt scan --jobs N`: the files are scanned by N worker threads, each running the compiled
 * scan-worker (dist-cli/scan-worker.js), and the outcomes are handed on in input order, so stdout
 * is byte for byte what `--jobs 1` prints (bar elapsedMs, which is a measurement).
 *
 * Files go out in batches and come back in batches: a message between threads costs ~0.1 ms of
 * CPU on each side, more than scanning a small mail, so one message per file made `--jobs 2`
 * slower than `--jobs 1` on a folder of 10,000 mails (bench/cli.bench.ts). Each worker has two
 * batches in hand, so it never waits for the main thread; it scans the files one after the other
 * (a scan's time budget must not be shared with another scan).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lang } from "../i18n/t";
import type { FileOutcome } from "./scan-files";

/** What a worker needs to scan like the main thread would; the policy is re-read from its file. */
export interface WorkerSetup {
  readonly policyPath: string | undefined;
  readonly lang: Lang;
  readonly jsonLang: Lang;
  readonly json: boolean;
  readonly budgetMs: number;
}

export interface PoolSettings extends WorkerSetup {
  readonly jobs: number;
}

export interface PoolSinks {
  /** Called once per file, in input order. */
  readonly onOutcome: (outcome: FileOutcome) => void;
  /** pdf.js could not be loaded (said once per run, not once per worker). */
  readonly warnPdf: (reason: string) => void;
}

/** A batch: `files[k]` is input number `first + k`. */
export type ToWorker = { readonly first: number; readonly files: readonly string[] };
export type FromWorker =
  | { readonly kind: "done"; readonly first: number; readonly outcomes: readonly FileOutcome[] }
  | { readonly kind: "warn"; readonly reason: string };

/** Built next to dist-cli/main.js; absent when the CLI runs from its TypeScript sources (tests). */
const WORKER_SCRIPT = join(__dirname, "scan-worker.js");
const IN_FLIGHT_PER_WORKER = 2;
/** Batches are small enough that every worker gets several (the load stays even), at most 64 files. */
const MAX_BATCH = 64;
const BATCHES_PER_WORKER = 8;

/** Files per batch for `files` input files over `workers` workers: 1 for a handful, 64 for a big folder. */
export function batchSize(files: number, workers: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(files / (workers * BATCHES_PER_WORKER))));
}

/**
 * Scans `files` in worker threads. Resolves false, having scanned nothing, when there is no
 * compiled worker to run (the caller then scans on its own thread).
 */
export async function scanInWorkers(files: readonly string[], settings: PoolSettings, sinks: PoolSinks): Promise<boolean> {
  if (!existsSync(WORKER_SCRIPT)) return false;
  const setup: WorkerSetup = { policyPath: settings.policyPath, lang: settings.lang, jsonLang: settings.jsonLang, json: settings.json, budgetMs: settings.budgetMs };
  const count = Math.min(settings.jobs, files.length);
  const size = batchSize(files.length, count);
  const workers: Worker[] = [];
  const ready = new Map<number, FileOutcome>();
  let next = 0;
  let emitted = 0;
  let warned = false;

  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const give = (worker: Worker): void => {
      if (next >= files.length) return;
      const first = next;
      next = Math.min(files.length, next + size);
      worker.postMessage({ first, files: files.slice(first, next) } satisfies ToWorker);
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(WORKER_SCRIPT, { workerData: setup });
      workers.push(worker);
      worker.on("message", (msg: FromWorker) => {
        if (msg.kind === "warn") {
          if (!warned) sinks.warnPdf(msg.reason);
          warned = true;
          return;
        }
        msg.outcomes.forEach((outcome, k) => ready.set(msg.first + k, outcome));
        give(worker);
        try {
          for (let o = ready.get(emitted); o !== undefined; o = ready.get(emitted)) {
            ready.delete(emitted++);
            sinks.onOutcome(o);
          }
        } catch (e) {
          fail(e);
          return;
        }
        if (emitted === files.length) resolve();
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (emitted < files.length) fail(new Error(`scan worker stopped (exit code ${code}) before every file was scanned`));
      });
      for (let k = 0; k < IN_FLIGHT_PER_WORKER; k++) give(worker);
    }
  }).finally(() => Promise.all(workers.map((w) => w.terminate())));
  return true;
}
