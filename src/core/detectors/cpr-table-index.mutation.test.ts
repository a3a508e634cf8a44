/**
 * Where a number sits in a text's table structure (cpr-table-index.ts), pinned through
 * findCprNumbers as a caseworker sees it: which header line names which column, where a table or
 * list run ends (a blank line, a line of the other kind, a long list line, every kind of line
 * break), how far back a run is followed, and how long a row may be. The reason `cpr-column` says
 * a header or the column rule raised the number; `keyword` says a word within the window did.
 * Found by mutation testing (docs/mutation.md).
 *
 * Every number is synthetic (docs/design/cpr-number.md §7): a valid date before 2007, not 1 January,
 * failing modulus 11, so alone and compact it is LOW.
 */
import { findCprNumbers } from "./cpr";

const NOW = new Date(2026, 10, 23);
const N = "1506503720";
const ROWS = ["1506503720", "2203614517", "0711723308"];
/** Not a date at all (day 99): a ten-digit value that counts toward a column but is no CPR number. */
const NO_DATE = "9999999999";

/** Each finding as [masked, level, reasons]. */
const found = (text: string): [string, string, string[]][] => findCprNumbers(text, { now: NOW }).map((f) => [f.masked, f.confidence, [...f.reasons]]);
const HEADED_NEAR: [string, string, string[]] = ["150650-****", "high", ["keyword", "cpr-column", "mod11-fail"]];
const KEYWORD_ONLY: [string, string, string[]] = ["150650-****", "high", ["keyword", "mod11-fail"]];
const HEADED_FAR: [string, string, string[]] = ["150650-****", "high", ["cpr-column", "mod11-fail"]];
const ALONE: [string, string, string[]] = ["150650-****", "low", ["mod11-fail"]];

describe("a header line names the cell below it", () => {
  it.each([
    ["\\n", "\n"],
    ["\\r\\n", "\r\n"],
    ["\\r", "\r"],
    ["U+2028", "\u2028"],
    ["U+2029", "\u2029"],
    ["U+0085", "\u0085"],
  ])("rows ended by %s", (_, br) => {
    expect(found(`Navn\tCPR-nr.\tBy${br}Jens\t${N}\tRanders`)).toEqual([HEADED_NEAR]);
  });

  it("only the column it heads: a number under another header gets the keyword, not the column", () => {
    expect(found(`CPR-nr.\tNavn\tBy\n${N}\tJens\tRanders`)).toEqual([HEADED_NEAR]);
    expect(found(`Navn\tCPR-nr.\tBy\n${N}\tJens\tRanders`)).toEqual([KEYWORD_ONLY]);
    expect(found(`Navn\tBy\tCPR-nr.\nJens\t${N}\tRanders`)).toEqual([KEYWORD_ONLY]);
  });

  it("two number columns: the one under the CPR header is headed, the other is not", () => {
    const [a, b] = found(`CPR-nr.\tNavn\n${N}\t2203614517`);
    expect(a).toEqual(HEADED_NEAR);
    expect(b).toEqual(["220361-****", "high", ["keyword", "mod11-fail"]]);
  });

  it("a header row shorter than the row below heads only its own columns", () => {
    expect(found(`CPR-nr.\tNavn\nJens\tRanders\t${N}`)).toEqual([KEYWORD_ONLY]);
  });

  it("a number in the header line itself is not headed by it", () => {
    expect(found(`CPR-nr.\t${N}\nJens\tRanders`)).toEqual([KEYWORD_ONLY]);
  });

  it("a column headed by another kind of number is no CPR column, however many dates it holds", () => {
    // The second header cell is long: the header is no negative label of the first row's number.
    const rows = ROWS.map((n) => `${n}\t100 kr.`).join("\n");
    const second = "Beløb i kroner inklusive moms og gebyrer";
    expect(found(`Fakturanr.\t${second}\n${rows}`).map((f) => f[1])).toEqual(["low", "low", "low"]);
    expect(found(`Bilag\t${second}\n${rows}`).map((f) => f[1])).toEqual(["high", "high", "high"]);
  });

  it("values are grouped per column: a column of dates beside a column of non-dates is a column", () => {
    const rows = ROWS.map((n) => `${n}\t${NO_DATE}`).join("\n");
    expect(found(rows).map((f) => [f[0], f[1]])).toEqual(ROWS.map((n) => [`${n.slice(0, 6)}-****`, "high"]));
  });
});

describe("two runs never share a column", () => {
  // A run starting at offset 5 with a number in column 123, one starting at offset 512 with a number
  // in column 3: written without a separator, both places would read "5123".
  const TABS = "\t".repeat(123);
  /** `first` lines from offset 5, then short untabbed lines up to offset 512, then `second`. */
  function twoRuns(first: readonly string[], second: readonly string[]): string {
    let text = `abcd\n${first.join("\n")}\n\n`;
    while (text.length < 512) text += "x".repeat(Math.min(40, 511 - text.length)) + "\n";
    expect(text.length).toBe(512);
    return text + second.join("\n");
  }

  it("the column rule counts each run's column apart", () => {
    const text = twoRuns([TABS + ROWS[0], TABS + ROWS[1]], [`\t\t\t${ROWS[2]}`]);
    expect(found(text).map((f) => f[1])).toEqual(["low", "low", "low"]);
  });

  it("a header names the column of its own run only", () => {
    const text = twoRuns([`${TABS}CPR-nr.`, TABS + ROWS[1]], ["\t\t\tNavn", `\t\t\t${N}`]);
    expect(found(text)).toEqual([
      ["220361-****", "high", ["cpr-column", "mod11-fail"]],
      ALONE,
    ]);
  });
});

describe("where a run of lines ends", () => {
  it("a blank line ends a table: the header does not reach the row after it", () => {
    expect(found(`Navn\tCPR-nr.\tBy\n\nJens\t${N}\tRanders`)).toEqual([KEYWORD_ONLY]);
    expect(found(`Navn\tCPR-nr.\tBy\r\n\r\nJens\t${N}\tRanders`)).toEqual([KEYWORD_ONLY]);
    expect(found(`Navn\tCPR-nr.\tBy\r\rJens\t${N}\tRanders`)).toEqual([KEYWORD_ONLY]);
    // Spaces and tabs only: blank, though it holds cells.
    expect(found(`Navn\tCPR-nr.\tBy\n \t \nJens\t${N}\tRanders`)).toEqual([KEYWORD_ONLY]);
    expect(found(`Navn\tCPR-nr.\tBy\u2028 \t \u2028Jens\t${N}\tRanders`)).toEqual([KEYWORD_ONLY]);
  });

  it("a line without tabs ends a table, and a tabbed line ends a list", () => {
    expect(found(`Navn\tCPR-nr.\tBy\nOversigt\nJens\t${N}\tRanders`)).toEqual([KEYWORD_ONLY]);
    expect(found(`CPR-numre:\nJens\tRanders\n${N}`)).toEqual([KEYWORD_ONLY]);
  });

  // The label is more than a keyword window above the number: only the list can carry it.
  const filler = (n: number): string => Array.from({ length: n }, () => "Jens Jensen").join("\n");

  it("a label line heads a list of short lines", () => {
    expect(found(`CPR-numre:\n${filler(10)}\n${N}`)).toEqual([HEADED_FAR]);
  });

  it("a line of more than 100 characters without tabs is prose and ends a list", () => {
    expect(found(`CPR-numre:\n${"x".repeat(100)}\n${N}`)).toEqual([HEADED_FAR]);
    expect(found(`CPR-numre:\n${"x".repeat(101)}\n${N}`)).toEqual([ALONE]);
  });

  it("a run is followed back 1,000 lines, no further", () => {
    const rows = (n: number): string => Array.from({ length: n }, (_, i) => `Navn ${i}\t-`).join("\n");
    expect(found(`CPR-nr.\tNavn\n${rows(999)}\n${N}\tJens`)).toEqual([HEADED_FAR]);
    expect(found(`CPR-nr.\tNavn\n${rows(1000)}\n${N}\tJens`)).toEqual([ALONE]);
  });

  it("a long table with a number on every row is one column under its header", () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `Navn ${i}\t${i === 1499 ? N : NO_DATE}`).join("\n");
    const f = found(`Navn\tCPR-nr.\n${rows}`);
    expect(f[f.length - 1]).toEqual(HEADED_FAR);
  });
});

describe("how long a table row may be", () => {
  // The cell before the number is `before` characters long: the number starts `before + 1` into its line.
  const row = (before: number, after: number): string => `Navn\tCPR-nr.\tBy\n${"x".repeat(before)}\t${N}\t${"y".repeat(after)}`;

  it("a number at most 4,096 characters into its line is in a row", () => {
    expect(found(row(4095, 10))).toEqual([HEADED_FAR]);
    expect(found(row(4096, 10))).toEqual([ALONE]);
  });

  it("a line ending at most 4,096 characters after the number's start is a row", () => {
    expect(found(row(100, 4085))).toEqual([HEADED_FAR]);
    expect(found(row(100, 4086))).toEqual([ALONE]);
  });
});
