/**
 * Laying out a long flow (a register extract is one flow of 100,000s of lines) asks its `stop`
 * every LAYOUT_CHECK_SEGMENTS segments and ends there when told: the work between two checks is
 * counted through the segments it touches, not timed.
 */
import type { TextSegment } from "../location";
import { LAYOUT_CHECK_SEGMENTS, layOut } from "./cpr-flow-layout";

/** `n` register lines whose every read of `text` or `location` is counted in `touched.n`. */
function countedLines(n: number, touched: { n: number }): TextSegment[] {
  const segments: TextSegment[] = [];
  for (let i = 0; i < n; i++) {
    const text = `Borger ${i};0101${58 + (i % 40)}-${5000 + (i % 1000)};Randers`;
    const location = { part: "attachment" as const, attachment: "register.csv", place: { kind: "line" as const, line: i + 1 } };
    segments.push({
      get text() {
        touched.n++;
        return text;
      },
      get location() {
        touched.n++;
        return location;
      },
    } as TextSegment);
  }
  return segments;
}

describe("layOut under a stop", () => {
  const N = 20_000;

  it("without a stop, or a stop that never fires, lays out the same flow", () => {
    const touched = { n: 0 };
    const segments = countedLines(N, touched);
    const plain = layOut(segments, 0, N, false, ";");
    const asked = layOut(segments, 0, N, false, ";", undefined, () => false);
    expect(asked).toEqual(plain);
    expect(plain.stopped).toBeUndefined();
    expect(plain.segs).toHaveLength(N);
  });

  it("touches at most a bounded number of segments between two checks", () => {
    const touched = { n: 0 };
    const segments = countedLines(N, touched);
    let last = 0;
    let most = 0;
    let checks = 0;
    layOut(segments, 0, N, false, ";", undefined, () => {
      most = Math.max(most, touched.n - last);
      last = touched.n;
      checks++;
      return false;
    });
    most = Math.max(most, touched.n - last);
    // Each segment is touched a few times (its cell, its separator, its text): at most 4 per segment.
    expect(most).toBeLessThanOrEqual(4 * LAYOUT_CHECK_SEGMENTS);
    expect(checks).toBeGreaterThanOrEqual(Math.floor(N / LAYOUT_CHECK_SEGMENTS));
  });

  it("ends the flow at the check that says stop, as a prefix of the full flow", () => {
    const touched = { n: 0 };
    const segments = countedLines(N, touched);
    const full = layOut(segments, 0, N, false, ";");
    // Like a deadline: once past, it stays past. The cell pass stops at the 5th check, the writing
    // pass at its first.
    let checks = 0;
    const cut = layOut(segments, 0, N, false, ";", undefined, () => ++checks >= 5);
    expect(cut.stopped).toBe(true);
    expect(checks).toBe(6);
    expect(cut.segs.length).toBeGreaterThan(0);
    expect(cut.segs.length).toBeLessThan(N);
    expect(full.text.startsWith(cut.text)).toBe(true);
    expect(cut.starts).toEqual(full.starts.slice(0, cut.segs.length));
  });

  it("always lays out the first run, even when stop says so at once", () => {
    const segments = countedLines(3 * LAYOUT_CHECK_SEGMENTS, { n: 0 });
    const cut = layOut(segments, 0, segments.length, false, ";", undefined, () => true);
    expect(cut.stopped).toBe(true);
    expect(cut.segs).toHaveLength(LAYOUT_CHECK_SEGMENTS);
  });
});
