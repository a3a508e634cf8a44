/**
 * The send's deadline reaches every phase of the CPR pass that walks a whole long file: grouping the
 * segments into flows (flowGroups) and judging a flow's table columns (columnHits). Work is counted,
 * not timed: a segment list and shapes that count how often they are read show that a phase which
 * has been told to stop does not go on to the end. Synthetic numbers only (cpr.test.ts).
 */
import type { TextSegment } from "../location";
import { analyze } from "./cpr-analyze";
import { startCprPass } from "./cpr-pass";
import { scanShapes, type Shape } from "./cpr-scan";
import { flowGroups, PLAN_CHECK_SEGMENTS } from "./cpr-structure";

const NOW = new Date(2026, 10, 23);
const ROWS = 50_000;

/** A register extract's lines, one segment each, and a count of the reads of the list. */
function register(rows: number, before: TextSegment[] = []): { segments: TextSegment[]; plain: TextSegment[]; reads: () => number } {
  const lines: TextSegment[] = [...before];
  for (let i = 0; i < rows; i++) {
    lines.push({ text: `Borger ${i};150650-3720;Randers`, location: { part: "attachment", attachment: "udtræk.csv", place: { kind: "line", line: i + 1 } } });
  }
  let reads = 0;
  const segments = new Proxy(lines, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { segments, plain: lines, reads: () => reads };
}

/** Runs a pass to its end, as the send check does. */
function run(segments: readonly TextSegment[], shouldStop: () => boolean, mustRead = 0) {
  const pass = startCprPass(segments, { now: NOW, shouldStop, mustRead });
  while (!pass.read()) {
    /* no pauses: read() returns true at the end */
  }
  return pass.finish();
}

describe("grouping segments into flows stops with the reading", () => {
  it("a deadline already past: the pass reads about one check's worth of a 50,000-line file, not all of it", () => {
    const r = register(ROWS);
    const result = run(r.segments, () => true);
    expect(result.stoppedAt).toBe(0);
    expect(r.reads()).toBeLessThan(3 * PLAN_CHECK_SEGMENTS);
  });

  it("the mail's own text is grouped and read whatever the deadline says", () => {
    const body: TextSegment = { text: "Vedr. borger med CPR-nr. 150650-3720", location: { part: "body" } };
    const r = register(ROWS, [body]);
    const result = run(r.segments, () => true, 1);
    expect(result.findings.map((f) => [f.location.part, f.masked])).toEqual([["body", "150650-****"]]);
    expect(result.stoppedAt).toBe(1);
    expect(r.reads()).toBeLessThan(3 * PLAN_CHECK_SEGMENTS);
  });

  it("flowGroups ends its groups where it was stopped and says where", () => {
    const r = register(ROWS);
    let asked = 0;
    const groups = flowGroups(r.segments, () => ++asked === 3);
    expect(groups.stoppedAt).toBe(3 * PLAN_CHECK_SEGMENTS);
    expect([...groups]).toEqual([expect.objectContaining({ from: 0, to: 3 * PLAN_CHECK_SEGMENTS })]);
    // Without a stop, the file is one group.
    expect([...flowGroups(r.segments)]).toEqual([expect.objectContaining({ from: 0, to: ROWS })]);
  });

  it("many short groups are stopped too", () => {
    const segments: TextSegment[] = [];
    for (let i = 0; i < ROWS; i++) segments.push({ text: `felt ${i}`, location: { part: "attachment", attachment: `bilag-${i}.txt` } });
    const groups = flowGroups(segments, () => true);
    expect(groups.stoppedAt).toBeLessThanOrEqual(PLAN_CHECK_SEGMENTS);
    expect(groups.length).toBeLessThanOrEqual(PLAN_CHECK_SEGMENTS);
  });
});

describe("a stop anywhere in the pass skips nothing silently", () => {
  // A line with a number before stoppedAt and without a finding would be neither read nor reported
  // as not read in time. Numbers on the first 100 lines (fewer than one stop check's worth in the
  // flow, so the flow is read whole) and around the planning check at line 1,024, none elsewhere.
  const LINES = 1_300;
  const withNumber = (i: number): boolean => i < 100 || i === 1023 || i === 1024 || i === 1025 || i === 1200;
  const lines: TextSegment[] = [];
  for (let i = 0; i < LINES; i++) {
    const text = withNumber(i) ? `Borger ${i};150650-3720;Randers` : `Borger ${i};ingen;Randers`;
    lines.push({ text, location: { part: "attachment", attachment: "udtræk.csv", place: { kind: "line", line: i + 1 } } });
  }

  it("stopped at each question the pass asks: every numbered line before stoppedAt has its finding", () => {
    let total = 0;
    run(lines, () => (total++, false));
    expect(total).toBeGreaterThan(10);
    const stops = new Set<number | undefined>();
    for (let m = 1; m <= total; m++) {
      let asked = 0;
      const result = run(lines, () => ++asked >= m);
      stops.add(result.stoppedAt);
      const found = new Set(result.findings.map((f) => (f.location.place as { line: number }).line - 1));
      const end = result.stoppedAt ?? LINES;
      const missing: number[] = [];
      for (let i = 0; i < end; i++) if (withNumber(i) && !found.has(i)) missing.push(i);
      expect({ m, missing }).toEqual({ m, missing: [] });
    }
    // The stops fell in every phase: at the start, in the shape scan (every 128 lines) and in the
    // planning of the flow (its check at line 1,024).
    expect([...stops]).toEqual(expect.arrayContaining([0, 128, 1024]));
  });
});

describe("judging a flow's columns stops with the reading", () => {
  it("a deadline already past: the column pass looks at about one check's worth of 20,000 rows", () => {
    // Compact numbers in cells: the form a column can raise, so the flow's columns are judged.
    const text = Array.from({ length: 20_000 }, (_, i) => `Borger ${i}\t1506503720\tRanders`).join("\n");
    let touched = 0;
    // Each shape counts the reads of its fields: the column pass reads every shape it looks at.
    const shapes = scanShapes(text, NOW).map((s) => new Proxy(s, { get: (t, k, rcv) => (touched++, Reflect.get(t, k, rcv) as unknown) }) as Shape);
    expect(shapes.length).toBe(20_000);
    const a = analyze(text, { now: NOW, shouldStop: () => true }, undefined, false, shapes);
    expect(a.stopped).toBe(true);
    expect(touched).toBeLessThan(10 * 256);
  });
});
