/**
 * The shared counters of one scan: deadline, real inflated bytes, extracted characters. Readers
 * call `tick()` between entries, pages and chunks; JavaScript cannot pre-empt synchronous code,
 * so these cooperative checks are the only cancellation the classic Outlook runtime has.
 */
import type { UnreadableCause, UnreadableReason } from "../finding";
import type { EffectiveLimits, LimitName } from "./limits";
import { BOMB_RATIO } from "./limits";

/**
 * Thrown inside a reader to unwind to the extractor boundary, which turns it into an
 * UnreadableAttachmentFinding. It never escapes `extractAttachments`.
 */
export class ExtractStop {
  constructor(
    readonly why: UnreadableReason,
    readonly cause?: UnreadableCause,
    /** The bound that was reached, when a limit (not the file's own damage) stopped the reader. */
    readonly limit?: LimitName,
  ) {}
}

export function isExtractStop(e: unknown): e is ExtractStop {
  return e instanceof ExtractStop;
}

/**
 * How a host that must keep its event loop free (a pre-scan) has extraction yield: after at most
 * `sliceMs` of work, at the next point where a reader can pause, `yieldControl` runs; `abandon`
 * asked then ends the attachment as "not read in time" (a Send takes over the runtime).
 */
export interface Slicing {
  readonly yieldControl: () => Promise<void>;
  readonly sliceMs: number;
  readonly abandon?: () => boolean;
}

/**
 * The CPR pass's time per line of a register extract (a number on every line) over our time to
 * decode and split that line: ~30 on the plain file, more when lines come out of a zip, measured
 * with bench/register-send.child.ts (docs/design/outlook-runtime.md, "One runtime").
 */
const PASS_COST_PER_READ = 50;

export class Budget {
  /** Real inflated bytes of the current top-level attachment. */
  private inflated = 0;
  private chars = 0;
  private rawSize = 0;
  private peakInflated = 0;
  private peakChars = 0;

  private sliceEnd: number;
  /** Whether the budget has yielded (abandon() said stop): every later pause stops at once. */
  private abandoned = false;

  constructor(
    readonly limits: EffectiveLimits,
    readonly deadline: number,
    readonly clock: () => number,
    private readonly slicing?: Slicing,
  ) {
    this.sliceEnd = slicing ? clock() + slicing.sliceMs : Infinity;
  }

  /**
   * A point where a reader can pause: when the current slice is used up, the host gets the event
   * loop back. Throws a timeout stop past the deadline, or when the host abandons the scan.
   */
  async pause(): Promise<void> {
    this.tick();
    const s = this.slicing;
    if (!s || this.clock() < this.sliceEnd) return;
    if (!this.abandoned) await s.yieldControl();
    if (this.abandoned || (s.abandon && s.abandon())) {
      this.abandoned = true;
      throw new ExtractStop("timeout", undefined, "SEND_BUDGET_MS");
    }
    this.sliceEnd = this.clock() + s.sliceMs;
    this.tick();
  }

  /**
   * A point where a synchronous reader could stop: throws a timeout stop past the deadline, and
   * says whether the current slice is used up (always no without slicing). A reader that is told
   * yes returns where it is, and its driver awaits `pause()` before going on (`inSlices`).
   */
  sliceUsed(): boolean {
    const now = this.clock();
    if (now >= this.deadline) throw new ExtractStop("timeout", undefined, "SEND_BUDGET_MS");
    return now >= this.sliceEnd;
  }

  /** When streamed text stops being read (see `streamedTextTick`); the deadline unless set. */
  private textUntil = Infinity;

  /**
   * Streamed text (a big CSV) stops at `at`, before the deadline: every line read must still go
   * through the CPR pass, whose cost grows with the lines, so reading lines it cannot get to in
   * time only makes the send late (docs/design/outlook-runtime.md, "One runtime").
   */
  stopStreamedTextAt(at: number): void {
    this.textUntil = at;
  }

  /**
   * Cancellation point of streamed text: a timeout stop past its own time or the deadline, or once
   * the CPR pass would need more than the time left for the lines read so far (`readMs`: the time
   * spent decoding and splitting them; the pass costs about PASS_COST_PER_READ times that).
   */
  streamedTextTick(readMs: number): void {
    const now = this.clock();
    if (now >= Math.min(this.textUntil, this.deadline) || readMs * PASS_COST_PER_READ >= this.deadline - now) {
      throw new ExtractStop("timeout", undefined, "SEND_BUDGET_MS");
    }
  }

  expired(): boolean {
    return this.clock() >= this.deadline;
  }

  /** Cancellation point: throws a timeout stop once the deadline has passed. */
  tick(): void {
    if (this.clock() >= this.deadline) throw new ExtractStop("timeout", undefined, "SEND_BUDGET_MS");
  }

  /** A new top-level attachment starts: its inflation and text allowances start afresh. */
  resetForAttachment(rawSize: number): void {
    this.inflated = 0;
    this.chars = 0;
    this.rawSize = rawSize;
  }

  inflatedSoFar(): number {
    return this.inflated;
  }

  /**
   * Count `n` real inflated bytes. The ratio to the attachment's raw size only names the reason:
   * a high ratio makes it a bomb, a plain big file is "too large".
   */
  addInflated(n: number): void {
    // Checked before counting, so the count (and what was kept in memory) never passes the cap.
    if (this.inflated + n > this.limits.maxInflatedBytes) throw overflowStop(this.inflated + n, this.rawSize, "MAX_INFLATED_BYTES");
    this.inflated += n;
    if (this.inflated > this.peakInflated) this.peakInflated = this.inflated;
  }

  /** Would `n` more declared bytes break the per-attachment cap? Checked before inflating. */
  wouldOverflow(n: number): boolean {
    return this.inflated + n > this.limits.maxInflatedBytes;
  }

  addText(n: number): void {
    if (this.chars + n > this.limits.maxTextChars) throw new ExtractStop("too-large", undefined, "MAX_TEXT_CHARS");
    this.chars += n;
    if (this.chars > this.peakChars) this.peakChars = this.chars;
  }

  /** The largest per-attachment counts reached in this scan (for tests and the bench). */
  peaks(): { readonly inflatedBytes: number; readonly textChars: number } {
    return { inflatedBytes: this.peakInflated, textChars: this.peakChars };
  }
}

/**
 * Runs a resumable reader to its end: `step(stop)` works until done (true) or until `stop()` says
 * the slice is used up (false, keeping its place), then the budget pauses and it goes on. Without
 * slicing `stop()` only checks the deadline, so the first call runs straight through.
 */
export async function inSlices(budget: Budget, step: (stop: () => boolean) => boolean): Promise<void> {
  const stop = (): boolean => budget.sliceUsed();
  while (!step(stop)) await budget.pause();
}

/**
 * The name of the per-entry cap in force: the fixed MAX_ENTRY_INFLATED_BYTES, or the policy's
 * per-attachment total when that is smaller (effectiveLimits takes the minimum).
 */
export function entryCapName(limits: EffectiveLimits): LimitName {
  return limits.maxEntryInflatedBytes < limits.maxInflatedBytes ? "MAX_ENTRY_INFLATED_BYTES" : "MAX_INFLATED_BYTES";
}

export function overflowStop(output: number, compressed: number, limit?: LimitName): ExtractStop {
  return output > Math.max(compressed, 1) * BOMB_RATIO ? new ExtractStop("zip-bomb", undefined, limit) : new ExtractStop("too-large", undefined, limit);
}
