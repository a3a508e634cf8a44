/**
 * Extraction as a pre-scan runs it, for tests of the slicing: a clock that uses up every slice at
 * once, so every place a reader may pause becomes a yield, and an optional Send that takes over
 * after `abandonAfter` yields.
 */
import { DEFAULT_POLICY } from "../../src/core/policy/default-policy";
import { extractAttachments, type Extraction } from "../../src/core/extractors/extract";

/** A clock that moves on 100 ms at every reading: every slice (50 ms) is used up at once. */
export function racingClock(): () => number {
  let t = 0;
  return () => (t += 100);
}

export async function extractSliced(name: string, bytes: Uint8Array, abandonAfter = Infinity): Promise<{ r: Extraction; yields: number }> {
  let yields = 0;
  const r = await extractAttachments([{ kind: "file", name, bytes }], {
    limits: DEFAULT_POLICY.limits,
    deadline: Number.MAX_SAFE_INTEGER,
    clock: racingClock(),
    slicing: {
      sliceMs: 50,
      yieldControl: () => {
        yields++;
        return Promise.resolve();
      },
      abandon: () => yields >= abandonAfter,
    },
  });
  return { r, yields };
}
