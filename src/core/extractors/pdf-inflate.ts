/**
 * FlateDecode for the mini PDF reader (ISO 32000-1 §7.4.4): zlib or raw deflate, every byte of
 * output counted on the scan's budget (inflateCounted), and a stream cut short kept as far as it
 * inflates, as pdf.js does.
 */
import { Inflate } from "fflate";
import type { Budget } from "./budget";
import { entryCapName, ExtractStop, overflowStop } from "./budget";
import { concatBytes } from "./concat-bytes";
import { INFLATE_CHUNK_BYTES } from "./limits";
import { inflateCounted } from "./zip";

/** FlateDecode streams carry a zlib header; some producers write raw deflate. Both are accepted. */
export function inflateZlibCounted(data: Uint8Array, budget: Budget): Uint8Array {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  const zlib = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
  const body = zlib ? data.subarray(2) : data;
  try {
    return inflateCounted(body, -1, budget);
  } catch (e) {
    // A stream cut short (no final block, missing checksum) still has readable text: pdf.js reads
    // such files, so we keep what inflated instead of dropping the page.
    if (e instanceof ExtractStop && e.why === "corrupt") return inflatePartial(body, budget);
    throw e;
  }
}

/** Inflate as far as the data allows, counting output; a broken tail just ends the stream. */
function inflatePartial(data: Uint8Array, budget: Budget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let consumed = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget.limits.maxEntryInflatedBytes) throw overflowStop(total, consumed, entryCapName(budget.limits));
    budget.addInflated(chunk.length);
    chunks.push(chunk);
  });
  try {
    for (let off = 0; off < data.length; off += INFLATE_CHUNK_BYTES) {
      consumed = Math.min(data.length, off + INFLATE_CHUNK_BYTES);
      inflater.push(data.subarray(off, consumed), false);
    }
  } catch (e) {
    if (e instanceof ExtractStop) throw e;
  }
  return concatBytes(chunks, total);
}
