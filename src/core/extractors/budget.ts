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

export class Budget {
  /** Real inflated bytes of the current top-level attachment. */
  private inflated = 0;
  private chars = 0;
  private rawSize = 0;
  private peakInflated = 0;
  private peakChars = 0;

  constructor(
    readonly limits: EffectiveLimits,
    readonly deadline: number,
    readonly clock: () => number,
  ) {}

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
 * The name of the per-entry cap in force: the fixed MAX_ENTRY_INFLATED_BYTES, or the policy's
 * per-attachment total when that is smaller (effectiveLimits takes the minimum).
 */
export function entryCapName(limits: EffectiveLimits): LimitName {
  return limits.maxEntryInflatedBytes < limits.maxInflatedBytes ? "MAX_ENTRY_INFLATED_BYTES" : "MAX_INFLATED_BYTES";
}

export function overflowStop(output: number, compressed: number, limit?: LimitName): ExtractStop {
  return output > Math.max(compressed, 1) * BOMB_RATIO ? new ExtractStop("zip-bomb", undefined, limit) : new ExtractStop("too-large", undefined, limit);
}
