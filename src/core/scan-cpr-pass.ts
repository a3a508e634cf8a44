/**
 * Drives the CPR pass (detectors/cpr.ts startCprPass) for scanMessage: in slices with yields in
 * between when the host gives a yieldControl (a pre-scan must not hold the event loop), and within
 * the deadline in any case (a register extract with a number on every line takes far longer to
 * read than a Send may take). Core stays timer-free: the host's yieldControl does the waiting.
 */
import { startCprPass, type CprOptions, type CprPass, type CprPassResult } from "./detectors/cpr";
import type { CprFinding, UnreadableAttachmentFinding } from "./finding";
import type { TextSegment } from "./location";

export interface PassDriver {
  readonly clock: () => number;
  readonly deadline: number;
  readonly yieldControl?: () => Promise<void>;
  readonly sliceMs: number;
  readonly abandon?: () => boolean;
}

/**
 * Shares of the time left when the pass starts: reading stops at the first, scoring what was read
 * at the second; the rest is for what follows (finding lists, the decision). Measured on a 25 MB
 * register extract: scoring costs ~12 % of reading, the steps after the pass ~4 % of the budget.
 */
const READ_SHARE = 0.75;
const SCORE_SHARE = 0.92;

export interface DrivenPass extends CprPassResult {
  /** abandon() said stop at a yield: nothing of the pass is kept. */
  readonly abandoned?: boolean;
}

export async function runCprPass(segments: readonly TextSegment[], options: CprOptions, d: PassDriver): Promise<DrivenPass> {
  const passStart = d.clock();
  const left = d.deadline - passStart;
  const readUntil = passStart + left * READ_SHARE;
  const scoreUntil = passStart + left * SCORE_SHARE;
  const start = (): CprPass => startCprPass(segments, { ...options, shouldStop: (phase) => d.clock() >= (phase === "read" ? readUntil : scoreUntil) });
  const yieldControl = d.yieldControl;
  if (!yieldControl) {
    const pass = start();
    pass.read();
    return pass.finish();
  }
  // Extraction has just used up a slice: let the host in before the pass starts (unless it has
  // taken over). Starting groups every segment into flows (tens of ms on a register extract) and
  // cannot pause, so it opens a fresh slice rather than overrunning extraction's last one.
  if (d.abandon?.()) return { findings: [], stoppedAt: 0, abandoned: true };
  await yieldControl();
  if (d.abandon?.()) return { findings: [], stoppedAt: 0, abandoned: true };
  let sliceEnd = d.clock() + d.sliceMs;
  const pass = start();
  while (!pass.read(() => d.clock() >= sliceEnd)) {
    await yieldControl();
    if (d.abandon?.()) return { findings: [], stoppedAt: 0, abandoned: true };
    sliceEnd = d.clock() + d.sliceMs;
  }
  return pass.finish();
}

/**
 * The attachments (name chains) with text from `from` on that the pass did not read, less those
 * already reported as unreadable: each becomes a "not read in time" finding.
 */
export function unreadFrom(segments: readonly TextSegment[], from: number, reported: readonly UnreadableAttachmentFinding[]): string[] {
  const seen = new Set<string>();
  for (const u of reported) seen.add(u.attachment);
  const names: string[] = [];
  for (let i = from; i < segments.length; i++) {
    const name = (segments[i] as TextSegment).location.attachment;
    if (name === undefined || seen.has(name) || within(name, seen)) continue;
    seen.add(name);
    names.push(name);
  }
  return names;
}

/** The first `max` CPR findings of each part (subject, body, each attachment chain), in order. */
export function capPerPart(findings: CprFinding[], max: number | undefined): CprFinding[] {
  if (max === undefined || findings.length <= max) return findings;
  const counts = new Map<string, number>();
  const kept: CprFinding[] = [];
  for (const f of findings) {
    const key = `${f.location.part}\u0000${f.location.attachment ?? ""}`;
    const n = counts.get(key) ?? 0;
    if (n >= max) continue;
    counts.set(key, n + 1);
    kept.push(f);
  }
  return kept;
}

/** Is `name` inside an attachment already reported ("Bilag.zip/register.csv" in "Bilag.zip")? */
function within(name: string, reported: ReadonlySet<string>): boolean {
  for (let cut = name.indexOf("/"); cut > 0; cut = name.indexOf("/", cut + 1)) if (reported.has(name.slice(0, cut))) return true;
  return false;
}
