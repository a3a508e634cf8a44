/**
 * The CPR pass over a message's segments (cpr-pass.ts), pinned through findCprPass and startCprPass:
 * what a pass without a deadline reads, where each pause hands control back, which flows are still
 * read once the deadline has passed, where a stop in the scoring or inside a flow is reported, and
 * that a single "stop" at any question is reported. Found by reading the module for mutation testing
 * (docs/mutation.md).
 *
 * Every number is synthetic (docs/design/cpr-number.md §7): a valid date before 2007, not 1 January,
 * failing modulus 11. Written with a hyphen, each is HIGH on its own.
 */
import type { Location, TextSegment } from "../location";
import { findCprPass, startCprPass } from "./cpr";

const NOW = new Date(2026, 10, 23);
const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const mod11 = (d: string): boolean => [...d].reduce((s, x, i) => s + Number(x) * (WEIGHTS[i] as number), 0) % 11 === 0;

/** The i-th synthetic number, hyphenated: 2nd-27th of a month in 1950-1989, a serial failing modulus 11. */
function synthetic(i: number): string {
  const ddmmyy = String(2 + (i % 26)).padStart(2, "0") + String(1 + (i % 12)).padStart(2, "0") + String(50 + (i % 40));
  for (let s = 1000; ; s++) if (!mod11(ddmmyy + s)) return `${ddmmyy}-${s}`;
}

const line = (attachment: string, n: number): Location => ({ part: "attachment", attachment, place: { kind: "line", line: n } });
/** `n` lines of one file, each starting with a number (so the file is laid out as one flow, not read line by line). */
const fileLines = (attachment: string, n: number, from = 1): TextSegment[] =>
  Array.from({ length: n }, (_, i) => ({ text: `${synthetic(i)};Borger ${i};Randers`, location: line(attachment, from + i) }));
/** A one-line attachment of its own (a flow of its own) holding one number. */
const ownFile = (i: number): TextSegment => ({ text: `Sag ${synthetic(i)}`, location: { part: "attachment", attachment: `bilag-${i}.txt` } });
const body = (text: string): TextSegment => ({ text, location: { part: "body" } });

/**
 * The segments, the last one's text counted: shouldStop from `stop()` says "stop" once that text has
 * been read, which is when the shape scan (segment by segment, in order) has read its last segment.
 * The last segment must be a flow of its own (nothing else reads its text before the scan).
 */
function deadlineAfterScan(segments: TextSegment[]): { segments: TextSegment[]; stop: () => boolean } {
  let scanned = false;
  const last = segments[segments.length - 1] as TextSegment;
  const counted = { location: last.location } as TextSegment;
  Object.defineProperty(counted, "text", { enumerable: true, get: () => ((scanned = true), last.text) });
  return { segments: [...segments.slice(0, -1), counted], stop: () => scanned };
}

/** Runs a pass as the send check does: a read() without pauses reads to the end and says so. */
function runPass(segments: readonly TextSegment[], options: Parameters<typeof startCprPass>[1]) {
  const pass = startCprPass(segments, options);
  expect(pass.read()).toBe(true);
  return pass.finish();
}

const places = (r: { findings: { location: Location }[] }): string[] =>
  r.findings.map((f) => f.location.attachment ?? f.location.part);

describe("without a deadline", () => {
  it("a long file is read whole, and so are more than a thousand files of their own", () => {
    // Long enough for every check point: grouping, planning and laying out ask every 1,024 segments.
    const r = findCprPass(fileLines("udtræk.txt", 3000), { now: NOW });
    expect(r.findings).toHaveLength(3000);
    // Read whole: no stoppedAt at all.
    expect(Object.keys(r)).toEqual(["findings"]);
    const files = Array.from({ length: 1100 }, (_, i) => ownFile(i));
    expect(findCprPass(files, { now: NOW }).findings).toHaveLength(1100);
  });

  it("every question to shouldStop names the phase, read or score", () => {
    const phases = new Set<string>();
    const segments = [...fileLines("udtræk.txt", 1300), ownFile(1), ownFile(2), ownFile(3)];
    const r = findCprPass(segments, { now: NOW, shouldStop: (p) => (phases.add(p), false) });
    expect(r.findings).toHaveLength(1303);
    expect([...phases].sort()).toEqual(["read", "score"]);
  });

  it("a delimited file's rows are cells in the shape scan too: a column of values far from their line's ends is judged", () => {
    // Each value more than a keyword window from its line's ends, so a line could be read alone,
    // were its ";" not a cell boundary around a short cell.
    const pad = "x".repeat(110);
    const rows = ["1506503720", "2203614517", "0711723308"].map((v, i): TextSegment => ({ text: `${pad};${v};${pad}`, location: line("a.csv", i + 1) }));
    expect(findCprPass(rows, { now: NOW }).findings.map((f) => [f.confidence, f.reasons])).toEqual(
      Array.from({ length: 3 }, () => ["high", ["cpr-column", "mod11-fail"]]),
    );
  });

  it("a context slice adds words, never numbers: digits its cut makes look like one are not found", () => {
    // The line before is long, so only its last 164 characters (a keyword window and more) join the
    // flow of the next line; the cut falls inside a 14-digit run, leaving ten digits that alone would
    // be a number.
    const before = "x".repeat(200) + "9999" + "1506503720" + " ".repeat(154);
    const r = findCprPass([{ text: before, location: line("a.txt", 1) }, { text: `${synthetic(3)} er nummeret`, location: line("a.txt", 2) }], { now: NOW });
    expect(r.findings.map((f) => [f.location, f.masked])).toEqual([[line("a.txt", 2), `${synthetic(3).slice(0, 6)}-****`]]);
  });

  it("a finding's span is an offset in its own segment, in a file laid out as one flow", () => {
    const segs = [
      { text: "Navn;CPR;By", location: line("a.txt", 1) },
      { text: "Jens;150650-3720;Randers", location: line("a.txt", 2) },
      { text: "Ib Hansen;220361-4517;Aarhus", location: line("a.txt", 3) },
    ];
    expect(findCprPass(segs, { now: NOW }).findings.map((f) => [f.location, f.span])).toEqual([
      [line("a.txt", 2), { start: 5, end: 16 }],
      [line("a.txt", 3), { start: 10, end: 21 }],
    ]);
  });
});

describe("pauses", () => {
  it("each read() makes one step and hands back at the next: one segment scanned, then one flow read, per call", () => {
    let textReads = 0;
    const segments = Array.from({ length: 5 }, (_, i) => {
      const s = ownFile(i);
      const seg = { location: s.location } as TextSegment;
      Object.defineProperty(seg, "text", { enumerable: true, get: () => (textReads++, s.text) });
      return seg;
    });
    const pass = startCprPass(segments, { now: NOW });
    expect(textReads).toBe(0);
    const found: number[] = [];
    let calls = 0;
    let done = false;
    while (!done && calls < 100) {
      done = pass.read(() => true);
      calls++;
      if (calls === 1) expect(textReads).toBe(1);
      found.push(pass.finish().findings.length);
    }
    expect(done).toBe(true);
    // Five calls scan the five segments (the fifth also has nothing left before its pause), then one flow a call.
    expect(found).toEqual([0, 0, 0, 0, 0, 1, 2, 3, 4, 5]);
  });
});

describe("past the deadline, flows beyond the mail's own text", () => {
  it("the first flow still has its turn, no other starts", () => {
    const d = deadlineAfterScan([ownFile(0), ownFile(1), ownFile(2)]);
    const r = runPass(d.segments, { now: NOW, shouldStop: d.stop });
    expect(places(r)).toEqual(["bilag-0.txt"]);
    expect(r.stoppedAt).toBe(1);
  });

  it("the mail's own text is read, then the first flow beyond it, no other", () => {
    const d = deadlineAfterScan([body(`Vedr. ${synthetic(9)}`), ownFile(0), ownFile(1), ownFile(2)]);
    const r = runPass(d.segments, { now: NOW, shouldStop: d.stop, mustRead: 1 });
    expect(places(r)).toEqual(["body", "bilag-0.txt"]);
    expect(r.stoppedAt).toBe(2);
  });

  it("planning a long file stopped before its first number: no later file is read", () => {
    // The file's only number is on line 1,101, past planning's first check (line 1,025).
    const file = Array.from({ length: 1300 }, (_, i): TextSegment => ({ text: i === 1100 ? `Borger;${synthetic(0)}` : `Borger ${i};ingen`, location: line("udtræk.txt", i + 1) }));
    const d = deadlineAfterScan([...file, ownFile(1)]);
    const r = runPass(d.segments, { now: NOW, shouldStop: d.stop });
    expect(r).toEqual({ findings: [], stoppedAt: 1024 });
  });

  it("a stop inside a flow is final: no later flow starts, even if later questions would say go on", () => {
    // Two flows of one file: 300 numbered lines, then 30 lines without, each after a blank line (a
    // list ends there), far more than a keyword window; then one more number.
    const file = [...fileLines("udtræk.txt", 300)];
    for (let i = 0; i < 30; i++) file.push({ text: `Borger ${i};ingen;Randers`, location: line("udtræk.txt", 400 + 2 * i) });
    file.push({ text: `Borger;${synthetic(1)}`, location: line("udtræk.txt", 500) });
    const d = deadlineAfterScan([...file, ownFile(1)]);
    let yes = 0;
    // Stop once (at the first flow's 128th number), then never again.
    const r = runPass(d.segments, { now: NOW, shouldStop: () => d.stop() && ++yes === 1 });
    expect(yes).toBe(1);
    expect(r.findings).toHaveLength(127);
    expect(r.stoppedAt).toBe(0);
  });

  it("a flow that starts with a context slice and stops while it is analysed is reported from its first own segment", () => {
    // A long prose line first: only its end joins the flow of the 300 numbered lines, as context.
    const prose = { text: "Udtræk af sager. ".repeat(12), location: line("udtræk.txt", 1) };
    const d = deadlineAfterScan([prose, ...fileLines("udtræk.txt", 300, 2), ownFile(1)]);
    const r = runPass(d.segments, { now: NOW, shouldStop: d.stop });
    expect(r.findings).toHaveLength(127);
    expect(r.stoppedAt).toBe(1);
  });

  it("a deadline already past when the groups are made: the stop is the first segment not read, not where grouping stopped", () => {
    // Grouping asks every 1,024 segments and stops there; reading then stops at the file's first line.
    const r = runPass([body(`Vedr. ${synthetic(9)}`), ...fileLines("udtræk.txt", 3000)], { now: NOW, shouldStop: () => true, mustRead: 1 });
    expect(places(r)).toEqual(["body"]);
    expect(r.stoppedAt).toBe(1);
  });

  it("a flow stopped while it is analysed is reported from its first segment", () => {
    // 300 lines laid out as one flow: the analysis asks at its 128th number.
    const d = deadlineAfterScan([...fileLines("udtræk.txt", 300), ownFile(1)]);
    const r = runPass(d.segments, { now: NOW, shouldStop: d.stop });
    expect(r.findings).toHaveLength(127);
    expect(r.stoppedAt).toBe(0);
  });
});

describe("the mail's own text (mustRead) is read whole and with the caller's options", () => {
  const many = Array.from({ length: 300 }, (_, i) => synthetic(i)).join(" og ");

  it("300 numbers in the body with a deadline already past: all found", () => {
    const r = findCprPass([body(many), ownFile(1)], { now: NOW, shouldStop: () => true, mustRead: 1 });
    expect(places(r)).toEqual(Array.from({ length: 300 }, () => "body"));
    expect(r.stoppedAt).toBe(1);
  });

  it("a body of more than a thousand paragraphs is planned whole, whatever the deadline says", () => {
    // Numbers in paragraphs 1 and 1,101: planning asks every 1,024 segments, but not in the mail's own text.
    const paragraphs = Array.from({ length: 1300 }, (_, i) => body(i === 0 || i === 1100 ? `Sag ${synthetic(i)}` : `Afsnit ${i}.`));
    const r = findCprPass(paragraphs, { now: NOW, shouldStop: () => true, mustRead: 1300 });
    expect(r).toEqual({ findings: [expect.objectContaining({ masked: `${synthetic(0).slice(0, 6)}-****` }), expect.objectContaining({ masked: `${synthetic(1100).slice(0, 6)}-****` })] });
  });

  it("its keyword window is the caller's", () => {
    const text = "CPR" + " ".repeat(150) + "1506503720";
    const r = findCprPass([body(text), ownFile(1)], { now: NOW, contextWindow: 200, shouldStop: () => true, mustRead: 1 });
    expect(r.findings.map((f) => f.confidence)).toEqual(["high"]);
  });

  it("the first attachment is not: told to stop, its 128th number ends its analysis", () => {
    const d = deadlineAfterScan([body("Se vedlagte."), { text: many, location: { part: "attachment", attachment: "liste.txt" } }, ownFile(1)]);
    // Asked in the reading only, so that the scoring's own stop at the 128th number cannot stand in for it.
    const r = findCprPass(d.segments, { now: NOW, shouldStop: (p) => p === "read" && d.stop(), mustRead: 1 });
    expect(r.findings).toHaveLength(127);
    expect(r.stoppedAt).toBe(1);
  });
});

describe("a stop while the findings are scored", () => {
  const many = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => synthetic(from + i)).join(" og ");
  const onlyScore = (p: "read" | "score"): boolean => p === "score";

  it("is asked at the 128th number: 127 findings, the text reported from its start", () => {
    const r = findCprPass([{ text: many(300), location: { part: "attachment", attachment: "liste.txt" } }], { now: NOW, shouldStop: onlyScore });
    expect(r.findings).toHaveLength(127);
    expect(r.stoppedAt).toBe(0);
  });

  it("the 128th number in a second file: that file is reported", () => {
    const r = findCprPass(
      [
        { text: many(100), location: { part: "attachment", attachment: "a.txt" } },
        { text: many(100, 100), location: { part: "attachment", attachment: "b.txt" } },
      ],
      { now: NOW, shouldStop: onlyScore },
    );
    expect(r.findings).toHaveLength(127);
    expect(r.stoppedAt).toBe(1);
  });

  it("never in the mail's own text", () => {
    const r = findCprPass([body(many(300))], { now: NOW, shouldStop: onlyScore, mustRead: 1 });
    expect(r).toEqual({ findings: expect.any(Array) });
    expect(r.findings).toHaveLength(300);
  });

  it("after the reading stopped: the earlier of the two is reported", () => {
    // 200 files of one number each. The reading asks twice in the shape scan, then before each flow
    // from the second on: it says stop before flow 151. The scoring then stops at the 128th number.
    let reads = 0;
    const stop = (p: "read" | "score"): boolean => (p === "read" ? ++reads > 152 : reads > 152);
    const r = findCprPass(
      Array.from({ length: 200 }, (_, i) => ownFile(i)),
      { now: NOW, shouldStop: stop },
    );
    expect(r.findings).toHaveLength(127);
    expect(r.stoppedAt).toBe(127);
  });
});

describe("a single yes at any question is reported", () => {
  // Numbers on the first 200 lines of a 1,300-line file (more than one check's worth of numbers),
  // around line 1,024 (planning's and layout's checks) and on three files after it.
  const withNumber = (i: number): boolean => i < 200 || (i >= 1020 && i < 1030) || i >= 1300;
  const segments: TextSegment[] = [];
  for (let i = 0; i < 1300; i++) {
    const text = withNumber(i) ? `${synthetic(i)};Borger ${i};Randers` : `Borger ${i};ingen;Randers`;
    segments.push({ text, location: line("udtræk.txt", i + 1) });
  }
  for (let i = 0; i < 3; i++) segments.push(ownFile(i));
  const lineOf = (f: { location: Location }): number => {
    const place = f.location.place;
    if (place?.kind === "line") return place.line - 1;
    return 1300 + Number((f.location.attachment as string).replace(/\D/g, ""));
  };

  it("stopped only at the m-th question, for every m: every number before stoppedAt is found", () => {
    let total = 0;
    findCprPass(segments, { now: NOW, shouldStop: () => (total++, false) });
    expect(total).toBeGreaterThan(10);
    const stops = new Set<number | undefined>();
    for (let m = 1; m <= total; m++) {
      let asked = 0;
      const r = findCprPass(segments, { now: NOW, shouldStop: () => ++asked === m });
      stops.add(r.stoppedAt);
      const found = new Set(r.findings.map(lineOf));
      const missing: number[] = [];
      const end = r.stoppedAt ?? segments.length;
      for (let i = 0; i < end; i++) if (withNumber(i) && !found.has(i)) missing.push(i);
      expect({ m, reported: r.stoppedAt !== undefined, missing }).toEqual({ m, reported: true, missing: [] });
    }
    expect(stops.size).toBeGreaterThan(3);
  });
});
