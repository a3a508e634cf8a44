/**
 * What the text around a number adds before it is scored (cpr-analyze.ts), pinned through the
 * rule's public entry points as a caseworker sees it: the keyword window a policy sets, the column
 * rule at its edges (≥ 3 values, ≥ 80 % real dates), which shapes a column or a keyword can make a
 * finding, a stop from the send deadline, and the shortcut that reads a segment alone. Found by
 * mutation testing (docs/mutation.md).
 *
 * Every number is synthetic (docs/design/cpr-number.md §7): a valid date before 2007, not 1 January,
 * failing modulus 11; compact and alone such a number is LOW.
 */
import type { TextSegment } from "../location";
import { findCprInSegments, findCprNumbers, findCprPass } from "./cpr";

const NOW = new Date(2026, 10, 23);
const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const mod11 = (d: string): boolean => [...d].reduce((s, x, i) => s + Number(x) * (WEIGHTS[i] as number), 0) % 11 === 0;

/** The i-th synthetic number: 2nd-27th of a month in 1950-1989, the first serial from 1000 failing modulus 11. */
function synthetic(i: number): string {
  const ddmmyy = String(2 + (i % 26)).padStart(2, "0") + String(1 + (i % 12)).padStart(2, "0") + String(50 + (i % 40));
  for (let s = 1000; ; s++) if (!mod11(ddmmyy + s)) return ddmmyy + s;
}

/** Not a date at all (day 99): a ten-digit value that counts toward a column but is no CPR number. */
const NO_DATE = "9999999999";

const levels = (text: string, contextWindow?: number): string[] =>
  findCprNumbers(text, contextWindow === undefined ? { now: NOW } : { now: NOW, contextWindow }).map((f) => f.confidence);

describe("the keyword window", () => {
  // "CPR", `gap` spaces, then the number: the window reaches the keyword while it holds its C.
  const labelled = (gap: number): string => "CPR" + " ".repeat(gap) + "1506503720";

  it.each([
    ["the default, 100 characters", undefined, 97],
    ["not a number (NaN): the default", NaN, 97],
    ["negative: the default", -1, 97],
    ["infinite: the default", Infinity, 97],
    ["a fraction: rounded down", 10.7, 7],
    ["beyond 10,000: 10,000", 20_000, 9_997],
  ])("%s", (_, window, reach) => {
    expect(levels(labelled(reach), window)).toEqual(["high"]);
    expect(levels(labelled(reach + 1), window)).toEqual(["low"]);
  });
});

/** One row per value: a name, the value in its own cell, a town. */
const table = (values: readonly string[]): string => values.map((v, i) => `Navn ${i}\t${v}\tRanders`).join("\n");

describe("the column rule at its edges", () => {
  const [a, b, c, d, e] = [0, 1, 2, 3, 4].map(synthetic) as [string, string, string, string, string];

  it.each([
    ["two values are no column", [a, b], ["low", "low"]],
    ["three values are", [a, b, c], ["high", "high", "high"]],
    ["four real dates of five values (80 %) are", [a, b, c, d, NO_DATE], ["high", "high", "high", "high"]],
    ["three of four (75 %) are not", [a, b, c, NO_DATE], ["low", "low", "low"]],
    ["five of six are", [a, b, c, d, e, NO_DATE], ["high", "high", "high", "high", "high"]],
  ])("%s", (_, values, expected) => {
    expect(levels(table(values))).toEqual(expected);
  });

  it("hyphenated and spaced values count toward the column that raises a compact one", () => {
    expect(findCprNumbers(`Jens\t150650-3720\nIb\t220361 4517\nOle\t0711723308`, { now: NOW })).toEqual([
      expect.objectContaining({ masked: "150650-****", confidence: "high", form: "hyphen" }),
      expect.objectContaining({ masked: "220361-****", confidence: "high", form: "space" }),
      expect.objectContaining({ masked: "071172-****", confidence: "high", form: "compact", reasons: ["cpr-column", "mod11-fail"] }),
    ]);
  });

  it("three numbers in a sentence next to a table are no column", () => {
    const text = `Navn\t${a}\tRanders\nI sagen indgår også ${b}, ${c} og ${d}, som er nævnt i brevet til afdelingen.`;
    expect(levels(text)).toEqual(["low", "low", "low", "low"]);
  });

  it("a cell in a line too long to be a table row: found, LOW", () => {
    const long = "x".repeat(5000);
    expect(levels(`${long}\t${a}\t${long}\nNavn\t${b}\tRanders`)).toEqual(["low", "low"]);
  });

  it("a substitute number (day + 60) neither counts for nor against the column", () => {
    // 750650-3720: 15 June 1950 with the day raised by 60. Counted as a value with no real date, the
    // column would be 3 of 4 (75 %) and raise nothing.
    expect(findCprNumbers(table([a, b, c, "750650-3720"]), { now: NOW }).map((f) => [f.form, f.confidence])).toEqual([
      ["compact", "high"],
      ["compact", "high"],
      ["compact", "high"],
      ["substitute", "low"],
    ]);
  });

  it("dotted dates do not: the compact value below them stays LOW", () => {
    expect(levels(`Jens\t15.06.50-3720\nIb\t22.03.61-4517\nOle\t0711723308`)).toEqual(["medium", "medium", "low"]);
  });
});

describe("a nine-digit value is a number only where a column restores its zero", () => {
  const FILLER = "Vi har modtaget din ansøgning og vender tilbage, så snart sagen er behandlet af afdelingen her.";

  it("in a sentence, even with a CPR keyword, it is not found", () => {
    expect(findCprNumbers(`${FILLER} CPR 506503720 ${FILLER}`, { now: NOW })).toEqual([]);
    const body = (text: string): TextSegment => ({ text, location: { part: "body" } });
    // Far enough from the paragraph's ends that the paragraph is read alone.
    expect(findCprInSegments([body(FILLER), body(`${FILLER} CPR 506503720 ${FILLER} ${FILLER}`), body(FILLER)], { now: NOW })).toEqual([]);
  });

  it("in a column of three it is, with its zero back", () => {
    expect(findCprNumbers(table(["506503720", "203614517", "711723308"]), { now: NOW }).map((f) => [f.masked, f.confidence])).toEqual([
      ["050650-****", "high"],
      ["020361-****", "high"],
      ["071172-****", "high"],
    ]);
  });
});

describe("a segment read alone, or with its neighbours", () => {
  // 95 characters of prose: two of them put a number beyond the keyword window of its segment's start.
  const FILLER = "Vi har modtaget din ansøgning og vender tilbage, så snart sagen er behandlet af afdelingen her.";
  const body = (text: string): TextSegment => ({ text, location: { part: "body" } });

  it("a keyword in the next paragraph reaches a number at the end of this one", () => {
    const f = findCprInSegments([body(`${FILLER} ${FILLER} 1506503720`), body("Det er hans CPR-nr.")], { now: NOW });
    expect(f.map((x) => [x.masked, x.confidence, x.reasons])).toEqual([["150650-****", "high", ["keyword", "mod11-fail"]]]);
  });

  it("a column of short lines in the middle of a long paragraph is read as a column", () => {
    const list = `${FILLER} ${FILLER}\n1506503720\n2203614517\n0711723308\n${FILLER} ${FILLER}`;
    const f = findCprInSegments([body(`${FILLER} ${FILLER}`), body(list), body(FILLER)], { now: NOW });
    expect(f.map((x) => [x.masked, x.confidence, x.span.start])).toEqual([
      ["150650-****", "high", 192],
      ["220361-****", "high", 203],
      ["071172-****", "high", 214],
    ]);
  });

  it("a keyword in the previous paragraph reaches a number at the start of this one", () => {
    const f = findCprInSegments([body("Det er hans CPR-nr."), body(`1506503720 ${FILLER} ${FILLER}`)], { now: NOW });
    expect(f.map((x) => [x.masked, x.confidence, x.reasons])).toEqual([["150650-****", "high", ["keyword", "mod11-fail"]]]);
  });

  it("a number passing modulus 11 read alone is MEDIUM, not repeated", () => {
    // Born 2030 and passing modulus 11: a real number only with the clock in 2041 (as in cpr-score.mutation.test.ts).
    const f = findCprInSegments([body(FILLER), body(`${FILLER} ${FILLER} 0203305001 ${FILLER} ${FILLER}`)], { now: new Date(2041, 5, 1) });
    expect(f.map((x) => [x.masked, x.confidence, x.reasons])).toEqual([["020330-****", "medium", ["mod11-pass"]]]);
  });

  it("numbers in the middle of a file's lines: each finding names its own line and span", () => {
    // Each number at least a keyword window from its line's ends: every line is read alone.
    const around = (n: string): string => `${FILLER} ${FILLER} ${n} ${FILLER} ${FILLER}`;
    const texts = [around("150650-3720"), around("220361-4517"), "kort", around("071172-3308")];
    const segs = texts.map((text, i): TextSegment => ({ text, location: { part: "attachment", attachment: "brev.txt", place: { kind: "line", line: i + 1 } } }));
    const f = findCprInSegments(segs, { now: NOW });
    expect(f.map((x) => [x.masked, x.location.place, x.span])).toEqual([
      ["150650-****", { kind: "line", line: 1 }, { start: 192, end: 203 }],
      ["220361-****", { kind: "line", line: 2 }, { start: 192, end: 203 }],
      ["071172-****", { kind: "line", line: 4 }, { start: 192, end: 203 }],
    ]);
  });
});

describe("segments read alone keep their own places", () => {
  const FILLER = "Vi har modtaget din ansøgning og vender tilbage, så snart sagen er behandlet af afdelingen her.";
  const around = (n: string): string => `${FILLER} ${FILLER} ${n} ${FILLER} ${FILLER}`;
  const line = (attachment: string, line: number, text: string): TextSegment => ({ text, location: { part: "attachment", attachment, place: { kind: "line", line } } });

  it("two files, one number each: each found once, in its own file", () => {
    const f = findCprInSegments([line("a.txt", 1, around("150650-3720")), line("b.txt", 1, around("220361-4517"))], { now: NOW });
    expect(f.map((x) => [x.masked, x.location.attachment, x.span])).toEqual([
      ["150650-****", "a.txt", { start: 192, end: 203 }],
      ["220361-****", "b.txt", { start: 192, end: 203 }],
    ]);
  });

  it("a number between many short lines without numbers names its own line", () => {
    const texts = [around("150650-3720"), ...Array.from({ length: 300 }, () => "kort"), around("220361-4517"), ...Array.from({ length: 1000 }, () => "kort")];
    const f = findCprInSegments(texts.map((t, i) => line("brev.txt", i + 1, t)), { now: NOW });
    expect(f.map((x) => [x.masked, x.location.place, x.span.start])).toEqual([
      ["150650-****", { kind: "line", line: 1 }, 192],
      ["220361-****", { kind: "line", line: 302 }, 192],
    ]);
  });
});

describe("a stop from the send deadline ends the reading of a long text", () => {
  /** A deadline that says go on to the first question (before any segment is read), then `later`; the phases asked. */
  const deadline = (later: (n: number) => boolean): { stop: (phase: "read" | "score") => boolean; phases: string[] } => {
    const phases: string[] = [];
    return { phases, stop: (phase) => (phases.push(phase), phases.length > 1 && later(phases.length)) };
  };
  const numbers = Array.from({ length: 300 }, (_, i) => synthetic(i));
  const file = (text: string): TextSegment[] => [{ text, location: { part: "attachment", attachment: "udtræk.txt" } }];
  const prose = numbers.map((n) => `${n.slice(0, 6)}-${n.slice(6)}`).join(" og ");
  const FILLER = "Vi har modtaget din ansøgning og vender tilbage, så snart sagen er behandlet af afdelingen her.";

  it.each([
    ["prose", prose],
    // No number within a keyword window of the text's ends: the segment is read alone, not laid out.
    ["prose between two long sentences", `${FILLER} ${FILLER} ${prose} ${FILLER} ${FILLER}`],
  ])("%s: the first 127 numbers are found, the file is reported as not read to its end", (_, text) => {
    const d = deadline(() => true);
    const r = findCprPass(file(text), { now: NOW, shouldStop: d.stop });
    expect(r.findings).toHaveLength(127);
    expect(r.stoppedAt).toBe(0);
    expect(d.phases.every((p) => p === "read")).toBe(true);
  });

  // 128 rows with real dates, then 172 without: as a whole no CPR column (43 %), its first 128 rows are.
  const rows = table([...numbers.slice(0, 128), ...Array.from({ length: 172 }, () => NO_DATE)]);

  it("a table: the first 127 rows are found, HIGH by the column of the rows read", () => {
    const d = deadline(() => true);
    const r = findCprPass(file(rows), { now: NOW, shouldStop: d.stop });
    expect(r.findings.map((f) => f.confidence)).toEqual(Array.from({ length: 127 }, () => "high"));
    expect(r.stoppedAt).toBe(0);
    expect(d.phases.every((p) => p === "read")).toBe(true);
  });

  it("told to stop once, while the columns are judged: the 128 rows judged are found, the file not read to its end", () => {
    const r = findCprPass(file(rows), { now: NOW, shouldStop: deadline((n) => n === 2).stop });
    expect(r.findings.map((f) => f.confidence)).toEqual(Array.from({ length: 128 }, () => "high"));
    expect(r.stoppedAt).toBe(0);
  });

  it("without a stop every row is found, and the whole table is no CPR column", () => {
    const r = findCprPass(file(rows), { now: NOW, shouldStop: () => false });
    expect(r.findings.map((f) => f.confidence)).toEqual(Array.from({ length: 128 }, () => "low"));
    expect(r.stoppedAt).toBeUndefined();
  });
});
