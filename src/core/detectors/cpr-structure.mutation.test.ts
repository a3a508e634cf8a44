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
import { findCprInSegments } from "./cpr";

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
