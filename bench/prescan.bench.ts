/**
 * The longest slice of a pre-scan: how long scanMessage holds the event loop between two yields
 * when it runs as OnMessageAttachmentsChanged runs it (yieldControl = a macrotask, SLICE_MS
 * slices, the pre-scan's budget), on one big attachment at a time. A Send that arrives during a
 * slice waits for it to end, so the target is the slice itself: about SLICE_MS (50 ms) of CPU.
 * Printed per format: the median (range) over runs of each run's longest slice by the process's
 * CPU time (the target: a busy shared machine does not inflate it, though GC threads add to it) and
 * by the clock (what a Send would wait here, other processes' load included), where it ended
 * (extraction or the CPR pass), and the whole scan for scale.
 */
import { DEFAULT_POLICY, PRE_SCAN_BUDGET_MS, scanMessage, type Message, type Policy } from "../src/core/index";
import { SLICE_MS } from "../src/core/scan";
import { bigDocx, bigOdt, bigRtf, bigXlsx } from "../test/helpers/big-documents";
import { realisticPdf } from "../test/helpers/realistic-pdf";
import { loadavg } from "node:os";
import { stats, showStats } from "./rows";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NOW = new Date(2026, 10, 23);
/** Slack over SLICE_MS: a slice ends at the first pause point past it, and one step can be ~15 ms (docs/design/outlook-runtime.md). */
const TARGET_MS = SLICE_MS * 1.2;

interface Run {
  /** The longest slice by the clock (what a Send waits) and by the process's CPU time. */
  readonly longest: number;
  readonly longestCpu: number;
  /** Where the longest slice ended: in the CPR pass or in extraction (the reader's frame). */
  readonly where: string;
  readonly slices: number;
  readonly totalMs: number;
  readonly timedOut: boolean;
}

/** One pre-scan of `message`, timing every stretch between two yields. */
async function preScan(message: Message, policy: Policy): Promise<Run> {
  let longest = 0;
  let longestCpu = 0;
  let where = "";
  let slices = 0;
  const start = performance.now();
  let resumed = start;
  let cpu = process.cpuUsage();
  const yieldControl = (): Promise<void> => {
    const used = process.cpuUsage(cpu);
    longestCpu = Math.max(longestCpu, (used.user + used.system) / 1000);
    const held = performance.now() - resumed;
    if (held > longest) {
      longest = held;
      where = whereFrom(new Error().stack ?? "");
    }
    slices++;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        resumed = performance.now();
        cpu = process.cpuUsage();
        resolve();
      }),
    );
  };
  const result = await scanMessage(message, policy, { now: NOW, deadline: Date.now() + PRE_SCAN_BUDGET_MS, yieldControl });
  const end = performance.now();
  if (end - resumed > longest) {
    longest = end - resumed;
    where = "after the last yield";
  }
  const used = process.cpuUsage(cpu);
  longestCpu = Math.max(longestCpu, (used.user + used.system) / 1000);
  return { longest, longestCpu, where, slices, totalMs: end - start, timedOut: result.timedOut };
}

/** The phase a yield came from, by the first frame of ours under the pause. */
function whereFrom(stack: string): string {
  if (/runCprPass/.test(stack)) return "CPR pass";
  const frame = stack.split("\n").find((l) => /extractors\/(?!budget)/.test(l) && !/scanXmlSliced|inSlices/.test(l));
  const m = frame ? /at (?:async )?([\w.]+)/.exec(frame) : null;
  return m ? `extraction (${m[1]})` : "extraction";
}

export async function bench(): Promise<void> {
  const policy: Policy = { ...DEFAULT_POLICY, ownDomains: ["randers.dk"] };
  const cases: Array<[string, string, () => Uint8Array]> = [
    ["docx, 40,000 paragraphs", "stor.docx", () => bigDocx(40_000)],
    ["xlsx, 150,000 rows", "stor.xlsx", () => bigXlsx(150_000)],
    ["odt, 60,000 paragraphs", "stor.odt", () => bigOdt(60_000)],
    ["pdf, 400 pages", "stor.pdf", () => realisticPdf(1900, 400, 20_000)],
    ["rtf, 60,000 paragraphs", "stor.rtf", () => bigRtf(60_000)],
  ];
  console.log(
    `pre-scan slices, ${RUNS} runs each; target: longest slice ≤ ${TARGET_MS} ms of CPU (SLICE_MS ${SLICE_MS} + 20 % for the check points); ` +
      `load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log("| attachment | size | longest slice, CPU: median (range) | same, clock | where the longest ended (runs) | slices | whole pre-scan | target | |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const [label, name, make] of cases) {
    const bytes = make();
    const message: Message = { subject: "", recipients: [], attachments: [{ kind: "file", name, bytes }] };
    await preScan(message, policy); // warm-up
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await preScan(message, policy));
    const longest = stats(runs.map((r) => r.longest));
    const longestCpu = stats(runs.map((r) => r.longestCpu));
    const total = stats(runs.map((r) => r.totalMs));
    const slices = stats(runs.map((r) => r.slices));
    const met = longestCpu.median <= TARGET_MS;
    const places = new Map<string, number>();
    for (const r of runs) places.set(r.where, (places.get(r.where) ?? 0) + 1);
    const where = [...places].map(([w, n]) => `${w} ×${n}`).join(", ");
    console.log(
      `| ${label}${runs.some((r) => r.timedOut) ? " (timed out)" : ""} | ${(bytes.length / 1048576).toFixed(1)} MB | ${showStats(longestCpu, "ms")} | ${showStats(longest, "ms")} | ${where} | ${slices.median} | ${showStats(total, "ms")} | ≤ ${TARGET_MS} ms | ${met ? "MET" : "NOT MET"} |`,
    );
  }
}
