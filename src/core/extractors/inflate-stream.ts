/**
 * Raw DEFLATE inflated piece by piece, every real output byte counted as it appears. The caller
 * takes one piece at a time, so a big zip entry (a 25 MB register extract) can be read from its
 * first megabytes on, between yields to the event loop, and left at the deadline with what was
 * read (docs/design/outlook-runtime.md, "One runtime for every event").
 */
import { Inflate } from "fflate";
import type { Budget } from "./budget";
import { entryCapName, ExtractStop, overflowStop } from "./budget";
import { INFLATE_CHUNK_BYTES } from "./limits";

/** Compressed bytes between two deadline checks (input, not output: a bomb's output is capped apart). */
const TICK_INPUT_MASK = 0x3ffff;

export class InflateStream {
  private off = 0;
  private total = 0;
  private pieces: Uint8Array[] = [];
  private stop: ExtractStop | undefined;
  private finished = false;
  private readonly inflater: Inflate;
  private readonly cap: number;

  /**
   * `expected` is the declared size: more output than that is a lying header (a bomb when the
   * ratio is absurd, else corrupt), less is corrupt. `-1` when no size is known (PDF streams):
   * then only the caps apply.
   */
  constructor(
    private readonly data: Uint8Array,
    private readonly expected: number,
    private readonly budget: Budget,
  ) {
    this.cap = expected >= 0 ? expected : budget.limits.maxEntryInflatedBytes;
    this.inflater = new Inflate((chunk) => this.take(chunk));
  }

  /** Real bytes inflated so far. */
  get inflated(): number {
    return this.total;
  }

  private take(chunk: Uint8Array): void {
    if (this.stop || chunk.length === 0) return;
    this.total += chunk.length;
    if (this.total > this.cap) {
      // Past the declared size, no limit of ours was reached: the header lied (no limit named).
      const over = overflowStop(this.total, this.off, this.expected >= 0 ? undefined : entryCapName(this.budget.limits));
      this.stop = this.expected >= 0 && over.why !== "zip-bomb" ? new ExtractStop("corrupt") : over;
      return;
    }
    this.budget.addInflated(chunk.length);
    this.pieces.push(chunk);
  }

  /**
   * The next piece of output (at most what one INFLATE_CHUNK_BYTES push gives: ~1032× that for a
   * bomb, which the cap stops first), or undefined at the end. Throws ExtractStop: corrupt, bomb,
   * too large, timeout.
   */
  next(): Uint8Array | undefined {
    while (this.pieces.length === 0) {
      if (this.finished) return undefined;
      this.pushOnce();
    }
    const piece = this.pieces.length === 1 ? (this.pieces[0] as Uint8Array) : joinPieces(this.pieces);
    this.pieces = [];
    return piece;
  }

  private pushOnce(): void {
    const data = this.data;
    const off = this.off;
    const end = Math.min(data.length, off + INFLATE_CHUNK_BYTES);
    this.off = end;
    try {
      this.inflater.push(data.subarray(off, end), end === data.length);
    } catch (e) {
      if (e instanceof ExtractStop) throw e;
      // fflate's own errors (bad block type, unexpected EOF): the stream is damaged.
      throw new ExtractStop("corrupt");
    }
    if (this.stop) throw this.stop;
    if ((off & TICK_INPUT_MASK) === 0) this.budget.tick();
    if (end === data.length) {
      this.finished = true;
      if (this.expected >= 0 && this.total !== this.expected) throw new ExtractStop("corrupt");
    }
  }
}

function joinPieces(pieces: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of pieces) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
