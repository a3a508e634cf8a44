/**
 * The streamed readers of extract.ts: a big text and a big deflated zip entry, read a piece at a
 * time with a pause after each (docs/design/outlook-runtime.md, "One runtime for every event").
 * What they read before a stop is kept; the stop itself is reported by the caller.
 */
import type { Budget } from "./budget";
import { ExtractStop, isExtractStop } from "./budget";
import type { Collector } from "./collector";
import { concatBytes } from "./concat-bytes";
import type { ReadContext } from "./context";
import { InflateStream } from "./inflate-stream";
import { sniffFormat } from "./sniff";
import { LineStream, STREAM_TEXT_MIN_BYTES, TEXT_PIECE_BYTES } from "./text-lines";
import { entryData, type ZipEntry } from "./zip";

/**
 * The share of extraction's time a streamed text may use. The CPR pass then has the rest for what
 * was read: on a 25 MB register extract (a number on every line) its work per line is 30-50 times
 * that of reading the line (bench/register-send.child.ts); budget.ts also stops on that ratio.
 */
export const STREAMED_TEXT_SHARE = 0.15;

/** Bytes of a streamed entry sniffed before it is read as text or collected: sniff.ts looks at 8 KB. */
const SNIFF_BYTES = 64 * 1024;

/** A deflated entry big enough to stream, and small enough to be read whole had it been collected. */
export function streamable(entry: ZipEntry, budget: Budget): boolean {
  return entry.method === 8 && entry.size >= STREAM_TEXT_MIN_BYTES && entry.size <= budget.limits.maxAttachmentBytes;
}

/** Stops that end the whole top-level attachment, not just the nested file where they happened. */
export function isAttachmentWide(e: ExtractStop): boolean {
  return e.why === "timeout" || e.why === "zip-bomb" || (e.why === "too-large" && e.cause === undefined) || e.cause === "inconsistent-archive";
}

/** A big text, a piece at a time, with a pause after each: its first lines exist whatever stops the rest. */
export async function streamText(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  const lines = new LineStream(ctx);
  for (let off = 0; off < bytes.length; off += TEXT_PIECE_BYTES) {
    const end = Math.min(bytes.length, off + TEXT_PIECE_BYTES);
    lines.push(bytes.subarray(off, end), end === bytes.length);
    await ctx.budget.pause();
  }
}

export interface EntryReader {
  readonly budget: Budget;
  readonly out: Collector;
  /** Reads a whole file found inside the archive (what extract.ts does with any nested file). */
  readonly file: (path: string, bytes: Uint8Array, depth: number) => Promise<void>;
}

/**
 * A big deflated entry of a plain archive, inflated piece by piece: read as lines while it
 * inflates when its first bytes say text (a zipped register extract), else collected and read
 * as any other file. Ends as a nested file does: its name, then its text or why it was not read.
 */
export async function streamEntry(r: EntryReader, path: string, entry: ZipEntry, zipBytes: Uint8Array, depth: number): Promise<void> {
  const budget = r.budget;
  r.out.name(path, entry.name);
  try {
    const stream = new InflateStream(entryData(zipBytes, entry, budget), entry.size, budget);
    const head: Uint8Array[] = [];
    let got = 0;
    for (let piece = stream.next(); piece; piece = got < SNIFF_BYTES ? stream.next() : undefined) {
      head.push(piece);
      got += piece.length;
      await budget.pause();
    }
    let current: Uint8Array | undefined = concatBytes(head, got);
    if (sniffFormat(current) !== "text") {
      const all = [current];
      for (let piece = stream.next(); piece; piece = stream.next()) {
        all.push(piece);
        got += piece.length;
        await budget.pause();
      }
      await r.file(path, concatBytes(all, got), depth);
      return;
    }
    const lines = new LineStream({ budget, emit: (text, place, extra) => r.out.emit(path, text, place, extra), nested: () => undefined });
    while (current) {
      const next = stream.next();
      lines.push(current, next === undefined);
      current = next;
      await budget.pause();
    }
  } catch (e) {
    if (isExtractStop(e) && !isAttachmentWide(e)) r.out.fail(path, e.why, e.cause, e.limit);
    else if (isExtractStop(e)) throw e;
    else r.out.fail(path, "corrupt");
  }
}
