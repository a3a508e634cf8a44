/**
 * The page side of bench/chromium.bench.ts, bundled by esbuild for the browser: it plays Outlook.
 * It builds the strict fake Office (src/simulator/fake-office.ts, the documented classic client)
 * around the draft the bench serves, puts it where the add-in looks (window.Office), and then, timed:
 *   cold: adds <script src="/launchevent.js"> (the BUILT bundle, as classic Outlook loads it on Send)
 *         and fires the send handler as soon as the file has evaluated;
 *   warm: fires the send handler again in the same page (the runtime kept alive).
 * Nothing here is the add-in's code: the add-in is only what launchevent.js brings.
 */
import type { AttachmentInput, Message } from "../src/core/index";
import { HANDLER_NAMES } from "../src/addin/office/manifest-ids";
import { parseSharedState, SESSION_KEY } from "../src/addin/office/shared-state";
import { createFakeOffice, type FakeOffice } from "../src/simulator/fake-office";

/** What the bench serves at /bench/draft.json; each attachment's bytes are at its `url`. */
export interface DraftManifest {
  readonly message: Omit<Message, "attachments">;
  readonly attachments: ReadonlyArray<{ readonly name: string; readonly contentType?: string; readonly url: string }>;
}

/** One timed send, as the page measured it (performance.now(), ms). */
export interface PageSend {
  /** From adding the script tag to its load event: fetch, parse and evaluate launchevent.js (cold only). */
  readonly loadMs: number;
  /** From firing the handler to its event.completed call. */
  readonly sendMs: number;
  readonly totalMs: number;
  readonly allowEvent: boolean | undefined;
  readonly completions: number;
  /** The decision came from the time budget: some attachment was reported as not read in time. */
  readonly timedOut: boolean;
}

let fake: FakeOffice | undefined;

async function setup(): Promise<number> {
  const manifest = (await (await fetch("/bench/draft.json")).json()) as DraftManifest;
  const attachments: AttachmentInput[] = [];
  for (const a of manifest.attachments) {
    const bytes = new Uint8Array(await (await fetch(a.url)).arrayBuffer());
    attachments.push({ kind: "file", name: a.name, bytes, ...(a.contentType ? { contentType: a.contentType } : {}) });
  }
  fake = createFakeOffice({ ...manifest.message, attachments });
  const self = window as unknown as Record<string, unknown>;
  self.Office = fake.Office;
  self.OfficeRuntime = fake.OfficeRuntime;
  return attachments.reduce((n, a) => n + (a.kind === "file" ? a.bytes.length : 0), 0);
}

function loadBundle(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/launchevent.js";
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("launchevent.js did not load"));
    document.head.appendChild(script);
  });
}

async function send(cold: boolean): Promise<PageSend> {
  if (!fake) throw new Error("setup() first");
  const t0 = performance.now();
  if (cold) await loadBundle();
  const t1 = performance.now();
  const { event, completion } = await fake.fire(HANDLER_NAMES.send);
  const t2 = performance.now();
  const reasons = parseSharedState(fake.sessionData.get(SESSION_KEY)).send?.reasons ?? [];
  const timedOut = reasons.some((r) => r.finding.kind === "unreadable-attachment" && r.finding.why === "timeout");
  fake.sessionData.delete(SESSION_KEY);
  return { loadMs: t1 - t0, sendMs: t2 - t1, totalMs: t2 - t0, allowEvent: completion?.allowEvent, completions: event.completions.length, timedOut };
}

(window as unknown as Record<string, unknown>).postvagtBench = { setup, send };
