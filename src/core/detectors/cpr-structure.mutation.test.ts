/**
 * Which segments the CPR rule reads together (cpr-structure.ts), pinned through findCprInSegments
 * as a caseworker sees it: a "CPR-nr.:" label raises the number after it to HIGH only when both sit
 * in one place of one part (the same file, sheet, section, slide or mail part); across places the
 * bare number stays LOW. Found by mutation testing (docs/mutation.md).
 *
 * 1506503720 is synthetic (docs/design/cpr-number.md §7): a valid date before 2007, not 1 January,
 * failing modulus 11, so alone and compact it is LOW.
 */
import type { Location, Place, TextSegment } from "../location";
import { findCprInSegments, findCprPass } from "./cpr";
import { flowGroups, flowsOf, plansOfGroup, PLAN_CHECK_SEGMENTS, segmentAt, type Flow, type FlowGroup, type FlowPlan } from "./cpr-structure";

const NOW = new Date(2026, 10, 23);
const NUMBER = "1506503720";
/** More synthetic numbers of the same kind, one per row below (docs/design/cpr-number.md §7). */
const ROWS = ["1506503720", "2203614517", "0711723308"];

/** The label in one segment, the bare number in the next; what is found, as [masked, level]. */
function labelThenNumber(label: Location, number: Location): [string, string][] {
  const f = findCprInSegments(
    [
      { text: "CPR-nr.:", location: label },
      { text: NUMBER, location: number },
    ],
    { now: NOW },
  );
  return f.map((x) => [x.masked, x.confidence]);
}

const att = (attachment: string, place?: Place): Location => (place ? { part: "attachment", attachment, place } : { part: "attachment", attachment });

describe("a label reaches the number in the next segment only within one place", () => {
  it.each<[string, Location, Location]>([
    ["two body paragraphs", { part: "body" }, { part: "body" }],
    ["two lines of one file", att("a.txt", { kind: "line", line: 1 }), att("a.txt", { kind: "line", line: 2 })],
    ["two pages of one PDF", att("a.pdf", { kind: "page", page: 1 }), att("a.pdf", { kind: "page", page: 2 })],
    ["two cells of one sheet", att("a.xlsx", { kind: "cell", sheet: "Ark1", cell: "A1" }), att("a.xlsx", { kind: "cell", sheet: "Ark1", cell: "B1" })],
    ["one header section", att("a.docx", { kind: "section", section: "header" }), att("a.docx", { kind: "section", section: "header" })],
    ["one slide", att("a.pptx", { kind: "slide", slide: 2 }), att("a.pptx", { kind: "slide", slide: 2 })],
    ["one slide's notes", att("a.pptx", { kind: "slide", slide: 2, notes: true }), att("a.pptx", { kind: "slide", slide: 2, notes: true })],
    ["an attached mail's body", att("a.eml", { kind: "mail-part", part: "body" }), att("a.eml", { kind: "mail-part", part: "body" })],
  ])("%s: HIGH", (_, label, number) => {
    expect(labelThenNumber(label, number)).toEqual([["150650-****", "high"]]);
  });

  it.each<[string, Location, Location]>([
    ["subject, then body", { part: "subject" }, { part: "body" }],
    ["two files", att("a.txt", { kind: "line", line: 1 }), att("b.txt", { kind: "line", line: 2 })],
    ["a file's text without a place, then a line of it", att("a.txt"), att("a.txt", { kind: "line", line: 2 })],
    ["a page, then a line of one file", att("a.pdf", { kind: "page", page: 1 }), att("a.pdf", { kind: "line", line: 2 })],
    ["two file names of one attachment", att("a.pdf", { kind: "file-name" }), att("a.pdf", { kind: "file-name" })],
    ["two sheets", att("a.xlsx", { kind: "cell", sheet: "Ark1", cell: "A1" }), att("a.xlsx", { kind: "cell", sheet: "Ark2", cell: "B1" })],
    ["header, then footer", att("a.docx", { kind: "section", section: "header" }), att("a.docx", { kind: "section", section: "footer" })],
    ["two slides", att("a.pptx", { kind: "slide", slide: 2 }), att("a.pptx", { kind: "slide", slide: 3 })],
    ["a slide, then its notes", att("a.pptx", { kind: "slide", slide: 2 }), att("a.pptx", { kind: "slide", slide: 2, notes: true })],
    ["an attached mail's subject, then its body", att("a.eml", { kind: "mail-part", part: "subject" }), att("a.eml", { kind: "mail-part", part: "body" })],
  ])("%s: LOW", (_, label, number) => {
    expect(labelThenNumber(label, number)).toEqual([["150650-****", "low"]]);
  });
});

/** A file's lines, one segment each, as the text readers emit them. */
function lines(name: string, texts: readonly string[], kind: "line" | "page" = "line"): TextSegment[] {
  return texts.map((text, i) => ({
    text,
    location: { part: "attachment", attachment: name, place: kind === "line" ? { kind, line: i + 1 } : { kind, page: i + 1 } },
  }));
}

/** Each row's level and reasons, in order. */
function rowsFound(segments: readonly TextSegment[]): [string, string, string[]][] {
  return findCprInSegments(segments, { now: NOW }).map((f) => [f.masked, f.confidence, [...f.reasons]]);
}

/**
 * A row whose number sits in a short cell only when `sep` is read as a cell boundary: the address
 * after it makes the line too long for a list item. Every row has the same length and commas.
 */
const row = (sep: string, n: string): string => `Jens Jensen${sep}${n}${sep}Randers Kommune, Sundhed og Omsorg, Laksetorvet 1`;
const asColumn = ROWS.map((n) => [`${n.slice(0, 6)}-****`, "high", ["cpr-column", "mod11-fail"]]);
const asProse = ROWS.map((n) => [`${n.slice(0, 6)}-****`, "low", ["mod11-fail"]]);

describe("the cell delimiter of a delimited text file", () => {
  it("`;` in a .txt: three rows make a column of valid dates, HIGH", () => {
    expect(rowsFound(lines("udtræk.txt", ROWS.map((n) => row(";", n))))).toEqual(asColumn);
  });

  it.each([
    ["udtræk.csv", asColumn],
    ["UDTRÆK.CSV", asColumn],
    ["udtræk.txt", asProse],
    ["udtræk.csv.txt", asProse],
  ])("`,` is a cell boundary only in a file named .csv: %s", (name, expected) => {
    expect(rowsFound(lines(name, ROWS.map((n) => row(",", n))))).toEqual(expected);
  });

  it("a two-line file: the header names the column (reason cpr-column), not only the keyword", () => {
    const file = lines("udtræk.txt", ["Navn;CPR-nr.;Adresse", row(";", NUMBER)]);
    const expected = [["150650-****", "high", ["keyword", "cpr-column", "mod11-fail"]]];
    expect(rowsFound(file)).toEqual(expected);
    // The same file after the mail's body: its place in the message changes nothing.
    expect(rowsFound([{ text: "Se vedhæftede.", location: { part: "body" } }, ...file])).toEqual(expected);
  });

  it("lines holding different numbers of `;` are prose: LOW", () => {
    const texts = [
      `Jens Jensen;${ROWS[0]};Randers Kommune, Sundhed og Omsorg, Laksetorvet 1`,
      `Ib Hansen;${ROWS[1]};Randers Kommune; Sundhed og Omsorg, Laksetorvet 1`,
      `Ole Olsen;${ROWS[2]};Randers Kommune; Sundhed og Omsorg; Laksetorvet 1`,
    ];
    expect(rowsFound(lines("noter.txt", texts))).toEqual(asProse);
  });

  it("pages of a PDF are not rows: `;` in them is prose, LOW", () => {
    expect(rowsFound(lines("udtræk.pdf", ROWS.map((n) => row(";", n)), "page"))).toEqual(asProse);
  });
});

/**
 * The pass lays out only the parts of a flow around its numbers (neededRanges, breaksBefore). What
 * it finds must be what reading every flow whole finds, here for spreadsheet cells and Word tables
 * (cpr-structure.test.ts holds it for the lines of a file): a header many rows above a number, a
 * label cell, long cells beside a number, rows and sheets that start again.
 */
describe("reading only around the numbers, in sheets, Word tables, a .csv and a body, gives what reading everything gives", () => {
  const WORDS = ["Navn", "CPR-nr.", "Personnummer", "Fakturanr.", "borger", "Åben", "x".repeat(120), "y".repeat(300), "Tlf."];
  const NUMS = ["1506503720", "150650-3720", "2203614517", "506503720", "0711723308", "9999999999"];

  function segmentsOf(seed: number, mulberry32: (s: number) => () => number): TextSegment[] {
    const rnd = mulberry32(seed);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const text = (): string => (rnd() < 0.3 ? pick(NUMS) : pick(WORDS));
    const segs: TextSegment[] = [];
    let sheet = "Ark1";
    for (let r = 1; r <= 150; r++) {
      // Blank rows, a row that starts again, another sheet.
      if (rnd() < 0.05) r += 1 + Math.floor(rnd() * 3);
      if (rnd() < 0.02) r = Math.max(1, r - 5);
      if (rnd() < 0.02) sheet = sheet === "Ark1" ? "Ark2" : "Ark1";
      const cols = [0, 1, 2, 3].filter(() => rnd() < 0.6);
      if (rnd() < 0.05) cols.reverse();
      for (const c of cols) segs.push({ text: text(), location: { part: "attachment", attachment: "a.xlsx", place: { kind: "cell", sheet, cell: "ABCD"[c] + String(r) } } });
    }
    const doc = (t: string, tableCell?: TextSegment["tableCell"]): TextSegment => ({ text: t, location: { part: "attachment", attachment: "b.docx" }, ...(tableCell ? { tableCell } : {}) });
    for (let table = 0; table < 12; table++) {
      for (let p = Math.floor(rnd() * 3); p > 0; p--) segs.push(doc(text()));
      const rows = 1 + Math.floor(rnd() * 20);
      for (let row = 0; row < rows; row++) {
        const cols = [0, 1, 2].filter(() => rnd() < 0.7);
        if (rnd() < 0.05) cols.reverse();
        for (const col of cols) {
          segs.push(doc(text(), { table, row, col }));
          // A second paragraph in the cell.
          if (rnd() < 0.1) segs.push(doc(text(), { table, row, col }));
        }
      }
    }
    // A ;-separated file and body paragraphs: long lines (beyond a context slice) with and without
    // cells, numbers at their ends, lines the reader dropped.
    const LONG = ["z".repeat(170), "w".repeat(400), "Cpr-nummer:", "Navn", "Åben"];
    const line = (): string => {
      const parts = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => (rnd() < 0.35 ? pick(NUMS) : pick(LONG)));
      return parts.join(pick([";", " ", "\t", ";;"]));
    };
    let n = 1;
    for (let i = 0; i < 200; i++) {
      n += rnd() < 0.1 ? 2 : 1;
      segs.push({ text: i < 3 ? "Navn;CPR-nr.;By" : line(), location: { part: "attachment", attachment: "c.csv", place: { kind: "line", line: n } } });
    }
    for (let i = 0; i < 60; i++) {
      const parts = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => (rnd() < 0.35 ? pick(NUMS) : pick(LONG)));
      segs.push({ text: parts.join(pick([" ", "\t", "\n"])), location: { part: "body" } });
    }
    return segs;
  }

  it.each([1, 2, 3, 4, 5, 6])("seed %i", async (seed) => {
    const { mulberry32 } = await import("../../../test/helpers/seeded-random");
    const segs = segmentsOf(seed, mulberry32);
    const got = findCprInSegments(segs, { now: NOW }).map((f) => JSON.stringify([f.location, f.span, f.confidence, f.reasons]));
    const flows = flowsOf(segs);
    // Each whole flow as a file of its own, so the message-wide rules see the same numbers.
    const whole = findCprInSegments(
      flows.map((f, i): TextSegment => ({ text: f.text, location: { part: "attachment", attachment: `flow-${i}` } })),
      { now: NOW },
    ).map((f) => {
      const flow = flows[Number((f.location.attachment as string).slice(5))] as Flow;
      const k = segmentAt(flow, f.span.start);
      const at = flow.starts[k] as number;
      return JSON.stringify([(segs[flow.segs[k] as number] as TextSegment).location, { start: f.span.start - at, end: f.span.end - at }, f.confidence, f.reasons]);
    });
    expect(got.length).toBeGreaterThan(20);
    expect(got).toEqual(whole);
  });
});

describe("grouping a long file into flows, and where a deadline cuts it", () => {
  // Every line of one file: one flow. Each `;` row holds a hyphenated number (HIGH by its form).
  const file = (n: number): TextSegment[] => lines("udtræk.csv", Array.from({ length: n }, (_, i) => `Borger ${i};150650-3720;Randers`));

  it("the deadline is asked at every 1,024th segment: a group of exactly 1,024 is not cut", () => {
    const g = flowGroups(file(PLAN_CHECK_SEGMENTS), () => true);
    expect([...g]).toEqual([expect.objectContaining({ from: 0, to: PLAN_CHECK_SEGMENTS, single: false, delimiter: ";" })]);
    expect(g.stoppedAt).toBeUndefined();
    const h = flowGroups(file(PLAN_CHECK_SEGMENTS + 1), () => true);
    expect([...h]).toEqual([expect.objectContaining({ from: 0, to: PLAN_CHECK_SEGMENTS })]);
    expect(h.stoppedAt).toBe(PLAN_CHECK_SEGMENTS);
  });

  it("counted from `mustRead` on: the mail's own segments never count toward a check", () => {
    const g = flowGroups(file(3000), () => true, 5);
    expect(g.stoppedAt).toBe(5 + PLAN_CHECK_SEGMENTS - 1);
    expect(flowGroups(file(3000), () => true, 0).stoppedAt).toBe(PLAN_CHECK_SEGMENTS);
  });

  it("between groups too: 2,000 one-segment files are cut after the 1,024th", () => {
    const files: TextSegment[] = Array.from({ length: 2000 }, (_, i) => ({ text: `felt ${i}`, location: { part: "attachment", attachment: `bilag-${i}.txt` } }));
    const g = flowGroups(files, () => true);
    expect(g.stoppedAt).toBe(PLAN_CHECK_SEGMENTS);
    expect(g.length).toBe(PLAN_CHECK_SEGMENTS);
    expect(g.every((x) => x.single && x.to - x.from === 1 && x.delimiter === undefined)).toBe(true);
  });

  it("without a deadline a file of more than 1,024 lines is planned and read to its end", () => {
    const f = findCprInSegments(file(1100), { now: NOW });
    expect(f).toHaveLength(1100);
    expect(f[1099]?.location.place).toEqual({ kind: "line", line: 1100 });
  });
});

describe("flowsOf with a test of which segments hold a number", () => {
  // Two runs of one file, lines 1-3 and 10-12 (a gap the reader dropped ends a run).
  const texts = ["Titel;Dato", "Navn;Nr", "Jens;1", "Ib;2", "Ole;1506503720", "Bo;3"];
  const segs: TextSegment[] = texts.map((text, i) => ({ text, location: { part: "attachment", attachment: "a.txt", place: { kind: "line", line: i < 3 ? i + 1 : i + 7 } } }));

  it("asks once per segment, in order, with the group's delimiter", () => {
    const asked: [number, string | undefined][] = [];
    flowsOf(segs, (k, d) => (asked.push([k, d]), k === 4));
    expect(asked).toEqual([0, 1, 2, 3, 4, 5].map((k) => [k, ";"]));
  });

  it("lays out the run around the needed segment and `window` characters beyond it, its delimiter a tab", () => {
    expect(flowsOf(segs, (k) => k === 4, 5).map((f) => [f.text, f.segs])).toEqual([["Ib\t2\nOle\t1506503720\nBo\t3", [3, 4, 5]]]);
    expect(flowsOf(segs, (k) => k === 4).map((f) => f.segs)).toEqual([[0, 1, 2, 3, 4, 5]]);
    expect(flowsOf(segs, () => false)).toEqual([]);
  });
});

describe("the part of a file read around a number reaches back to its header across long rows", () => {
  // The header is more than a keyword window above the number: only the run carries it (cpr-column).
  const headed = [["150650-****", "high", ["cpr-column", "mod11-fail"]]];
  const alone = [["150650-****", "low", ["mod11-fail"]]];

  it("a long row that starts with an empty cell is a row, not prose", () => {
    // In the body a tab is the only cell boundary; in a .txt the first lines make `;` one.
    const body = (text: string): TextSegment => ({ text, location: { part: "body" } });
    expect(rowsFound(["CPR-nr.\tNavn", `\t${"y".repeat(200)}`, `${NUMBER}\tJens`].map(body))).toEqual(headed);
    expect(rowsFound(lines("a.txt", ["CPR-nr.;Navn", `;${"y".repeat(200)}`, `${NUMBER};Jens`]))).toEqual(headed);
  });

  it("a line of 100 characters is a list item; one of 101 is prose and ends the list", () => {
    const list = (long: number): TextSegment[] => lines("a.txt", ["CPR-numre:", "x".repeat(long), ...Array.from({ length: 10 }, () => "Jens Jensen"), NUMBER]);
    expect(rowsFound(list(100))).toEqual(headed);
    expect(rowsFound(list(101))).toEqual(alone);
  });

  it("a long paragraph whose last lines are a list leads into the line below it", () => {
    const body = (text: string): TextSegment => ({ text, location: { part: "body" } });
    // More items than a context slice holds: the paragraph is read whole, not its last 164 characters.
    const list = `${"p".repeat(200)}\nCPR-numre:${"\nJens Jensen".repeat(20)}`;
    expect(rowsFound([body(list), body(NUMBER)])).toEqual(headed);
    // Also when the paragraph starts with a line break.
    expect(rowsFound([body(`\n${list}`), body(NUMBER)])).toEqual(headed);
  });

  it("a cell of two paragraphs is one cell of its row: the header above reaches the rows below it", () => {
    const cells: TextSegment[] = [];
    const cell = (text: string, row: number, col: number): void => {
      cells.push({ text, location: { part: "attachment", attachment: "a.docx" }, tableCell: { table: 0, row, col } });
    };
    ["CPR-nr.", "Navn", "By"].forEach((t, col) => cell(t, 0, col));
    cell("x", 1, 0);
    cell("a", 1, 1);
    cell("b", 1, 1);
    cell("z", 1, 2);
    for (let row = 2; row < 10; row++) ["Ib", "Jensen", "Randers"].forEach((t, col) => cell(t, row, col));
    [NUMBER, "Jens", "Aarhus"].forEach((t, col) => cell(t, 10, col));
    expect(rowsFound(cells)).toEqual(headed);
  });
});

describe("a deadline between flows", () => {
  it("the first segment not read is the next one with a number: segments without one are no flow", () => {
    const file = (name: string, text: string): TextSegment => ({ text, location: { part: "attachment", attachment: name } });
    let asked = 0;
    // Go on while the segments are scanned (the first question), then stop.
    const r = findCprPass([file("a.txt", `Sag ${NUMBER}`), file("b.txt", "ingen tal her"), file("c.txt", `Sag ${ROWS[1]}`)], { now: NOW, shouldStop: () => ++asked > 1 });
    expect(r.findings.map((f) => [f.location.attachment, f.masked])).toEqual([["a.txt", "150650-****"]]);
    expect(r.stoppedAt).toBe(2);
  });
});

describe("planning a long group stops with the deadline", () => {
  // Another file's line first, so the group of 3,000 lines starts at segment 1, not 0.
  const segs = [...lines("a.txt", ["før"]), ...lines("udtræk.csv", Array.from({ length: 3000 }, (_, i) => `Borger ${i};150650-3720;Randers`))];
  const needed = segs.map((_, k) => k > 0);
  const group = (): FlowGroup => flowGroups(segs)[1] as FlowGroup;

  it("asked first at the group's 1,024th segment: the plans end there", () => {
    const plans: FlowPlan[] = [];
    let asked = 0;
    expect(plansOfGroup(segs, group(), needed, 100, plans, () => ++asked > 0)).toBe(1 + PLAN_CHECK_SEGMENTS);
    expect(asked).toBe(1);
    expect(plans.map((p) => [p.from, p.to])).toEqual([[1, 1 + PLAN_CHECK_SEGMENTS]]);
  });

  it("also while passing lines without a number", () => {
    const plans: FlowPlan[] = [];
    const sparse = segs.map((_, k) => k === 2500);
    expect(plansOfGroup(segs, group(), sparse, 100, plans, () => true)).toBe(1 + PLAN_CHECK_SEGMENTS);
    expect(plans).toEqual([]);
  });

  it("a deadline that never comes: one plan of the whole group, nothing cut", () => {
    const plans: FlowPlan[] = [];
    expect(plansOfGroup(segs, group(), needed, 100, plans, () => false)).toBeUndefined();
    expect(plans.map((p) => [p.from, p.to, p.delimiter, p.context])).toEqual([[1, 3001, ";", { head: false, tail: false, window: 100 }]]);
  });
});
