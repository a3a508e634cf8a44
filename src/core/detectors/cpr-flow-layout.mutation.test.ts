/**
 * The text a flow of segments is laid out as (cpr-flow-layout.ts), pinned exactly: it must read as the
 * mail body reads (docs/cpr-rule.en.md), lines end in a newline, cells are separated by tabs and rows
 * by newlines (each row padded with the tabs of its empty cells), a table starts and ends with a blank
 * line, a dropped blank line between two lines of a file stays one, context slices keep the end of the
 * line before and the start of the line after. Found by reading the module for mutation testing
 * (docs/mutation.md). No numbers needed: the layout is the same for any text.
 */
import type { Location, TableCell, TextSegment } from "../location";
import { LAYOUT_CHECK_SEGMENTS, cellOf, layOut, segmentAt, sliceLength, withTabs } from "./cpr-flow-layout";

const sheet = (cell: string, text: string): TextSegment => ({ text, location: { part: "attachment", attachment: "a.xlsx", place: { kind: "cell", sheet: "Ark1", cell } } });
const inTable = (table: number, row: number, col: number, text: string): TextSegment => {
  const tableCell: TableCell = { table, row, col };
  return { text, location: { part: "body" }, tableCell };
};
const para = (text: string): TextSegment => ({ text, location: { part: "body" } });
const lineAt = (line: number, text: string, softBreaks?: number[]): TextSegment => {
  const location: Location = { part: "attachment", attachment: "a.txt", place: { kind: "line", line } };
  return softBreaks ? { text, location, softBreaks } : { text, location };
};
const all = (segs: TextSegment[]) => layOut(segs, 0, segs.length, false, undefined);
const T = (n: number): string => "\t".repeat(n);

describe("spreadsheet cells", () => {
  it("cells of a row are separated by tabs, a row is padded to the sheet's last column, rows end in a newline", () => {
    const f = all([sheet("A1", "CPR"), sheet("B1", "Navn"), sheet("A2", "x"), sheet("C2", "y")]);
    expect(f.text).toBe("CPR\tNavn\t\nx\t\ty");
    expect(f.segs).toEqual([0, 1, 2, 3]);
    expect(f.starts).toEqual([0, 4, 10, 13]);
    expect(f.stopped).toBeUndefined();
  });

  it("a row that starts in a later column starts with the tabs of the empty cells before it, the last row is padded too", () => {
    expect(all([sheet("C1", "a"), sheet("B2", "b")]).text).toBe(T(2) + "a\n" + T(1) + "b\t");
  });

  it("two paragraphs of one cell are joined by U+2028", () => {
    expect(all([sheet("B3", "a"), sheet("B3", "b")]).text).toBe("\ta\u2028b");
  });

  it("a cell before the one above it (a new column, a row back) starts a new table", () => {
    expect(all([sheet("B1", "a"), sheet("A1", "b")]).text).toBe("\ta\n\nb\t");
    expect(all([sheet("A2", "a"), sheet("A1", "b")]).text).toBe("a\n\nb");
  });

  it("column letters count like a spreadsheet's: Z, AA, lower case, and a range's first cell", () => {
    expect(cellOf(sheet("Z1", ""))).toEqual({ table: "s", row: 0, col: 25 });
    expect(cellOf(sheet("AA10", ""))).toEqual({ table: "s", row: 9, col: 26 });
    expect(cellOf(sheet("b2", ""))).toEqual({ table: "s", row: 1, col: 1 });
    expect(cellOf(sheet("XFD1048576", ""))).toEqual({ table: "s", row: 1048575, col: 16383 });
    expect(cellOf(sheet("C4:D9", ""))).toEqual({ table: "s", row: 3, col: 2 });
    expect(all([sheet("Z1", "z"), sheet("AA1", "aa")]).text).toBe(T(25) + "z\taa");
  });

  it("what is no cell address is no cell", () => {
    for (const ref of ["A1B", "ABCD1", "A12345678", "1A", "A", "", "Ark1!A1"]) expect([ref, cellOf(sheet(ref, ""))]).toEqual([ref, undefined]);
    // Read as lines of prose: a plain newline between them, a blank line where a table starts.
    expect(all([sheet("A1B", "x"), sheet("1A", "y"), sheet("A1", "z")]).text).toBe("x\ny\n\nz");
  });

  it("at most 256 empty columns are laid out", () => {
    expect(all([inTable(1, 0, 0, "x"), inTable(1, 0, 300, "y")]).text).toBe("x" + T(256) + "y");
    expect(all([inTable(1, 0, 300, "y")]).text).toBe("y");
    expect(all([inTable(1, 0, 300, "y"), para("p")]).text).toBe(T(256) + "y\n\np");
  });
});

describe("document tables and paragraphs", () => {
  it("a table between paragraphs: a blank line before and after it, its rows padded", () => {
    const f = all([para("Før"), inTable(1, 0, 0, "CPR"), inTable(1, 0, 1, "Navn"), inTable(1, 1, 0, "1"), para("Efter")]);
    expect(f.text).toBe("Før\n\nCPR\tNavn\n1\t\n\nEfter");
    expect(f.starts).toEqual([0, 5, 9, 14, 18]);
  });

  it("two tables one after the other are two tables", () => {
    expect(all([inTable(1, 0, 0, "a"), inTable(2, 0, 0, "b")]).text).toBe("a\n\nb");
    expect(cellOf(inTable(7, 2, 3, ""))).toEqual({ table: "t7", row: 2, col: 3 });
  });

  it("paragraphs are lines", () => {
    expect(all([para("a"), para("b"), para("c")]).text).toBe("a\nb\nc");
  });
});

describe("lines of a file", () => {
  it("consecutive lines end in a newline; a blank line the reader dropped stays a blank line", () => {
    expect(all([lineAt(1, "a"), lineAt(2, "b"), lineAt(4, "c"), lineAt(5, "d")]).text).toBe("a\nb\n\nc\nd");
  });

  it("a delimited file's delimiter becomes a tab, the offsets stay", () => {
    const f = layOut([lineAt(1, "a;b"), lineAt(2, "c;d")], 0, 2, true, ";");
    expect(f).toEqual({ text: "a\tb\nc\td", segs: [0, 1], starts: [0, 4], softBreaks: undefined, fileName: true });
    expect(withTabs("a;b;", ";")).toBe("a\tb\t");
    expect(withTabs("a;b", undefined)).toBe("a;b");
    expect(withTabs("a,b\tc", "\t")).toBe("a,b\tc");
  });

  it("one line alone is its text, with its own soft breaks", () => {
    expect(layOut([lineAt(7, "a;b", [1])], 0, 1, true, ";")).toEqual({ text: "a\tb", segs: [0], starts: [0], softBreaks: [1], fileName: true });
    expect(layOut([lineAt(1, "x"), lineAt(2, "y;z")], 1, 2, false, undefined)).toEqual({ text: "y;z", segs: [1], starts: [0], softBreaks: undefined, fileName: false });
    // A cell alone too: not padded to its column.
    expect(layOut([sheet("A1", "x"), sheet("C1", "y")], 1, 2, false, undefined).text).toBe("y");
  });

  it("soft breaks move with their segment", () => {
    const f = all([lineAt(1, "ab\ncd", [2]), lineAt(2, "x"), lineAt(3, "ef\ngh", [2, 4])]);
    expect(f.text).toBe("ab\ncd\nx\nef\ngh");
    expect(f.softBreaks).toEqual([2, 10, 12]);
  });
});

describe("context slices", () => {
  // The line before: its last `sliceLength` characters; the line after: its first.
  const before = "a".repeat(200) + "b".repeat(100);
  const after = "c".repeat(100) + "d".repeat(200);
  const own = "m".repeat(400);

  it("keep more than the keyword window, and always a long line", () => {
    expect(sliceLength(100)).toBe(164);
    expect(sliceLength(200)).toBe(264);
    expect(sliceLength(0)).toBe(101);
    expect(sliceLength(36)).toBe(101);
  });

  it("the end of the line before and the start of the line after, marked as no segment; the flow's own lines whole", () => {
    const segs = [lineAt(1, before, [3]), lineAt(2, own, [7]), lineAt(3, "kort"), lineAt(4, after, [5])];
    const f = layOut(segs, 1, 3, false, undefined, { head: true, tail: true, window: 100 });
    expect(f.text).toBe("a".repeat(64) + "b".repeat(100) + "\n" + own + "\nkort\n" + "c".repeat(100) + "d".repeat(64));
    expect(f.segs).toEqual([-1, 1, 2, -1]);
    expect(f.starts).toEqual([0, 165, 566, 571]);
    // Only the flow's own soft breaks, moved.
    expect(f.softBreaks).toEqual([172]);
  });

  it("a head or a tail alone, and a wider window", () => {
    const segs = [lineAt(1, before), lineAt(2, "x"), lineAt(3, after)];
    expect(layOut(segs, 1, 2, false, undefined, { head: true, tail: false, window: 200 }).text).toBe("a".repeat(164) + "b".repeat(100) + "\nx");
    expect(layOut(segs, 1, 2, false, undefined, { head: false, tail: true, window: 0 }).text).toBe("x\n" + "c".repeat(100) + "d");
    expect(layOut(segs, 1, 2, false, undefined, { head: false, tail: false, window: 100 }).text).toBe("x");
  });
});

describe("segmentAt", () => {
  it("finds the segment holding an offset, its first character included", () => {
    const flow = { starts: [0, 4, 10, 13] };
    expect([0, 3, 4, 9, 10, 12, 13, 500].map((at) => segmentAt(flow, at))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(segmentAt({ starts: [0] }, 5)).toBe(0);
    expect(segmentAt({ starts: [0, 1, 2, 3, 4, 5, 6, 7, 8] }, 5)).toBe(5);
  });
});

describe("the stop's check points", () => {
  const lines = (n: number): TextSegment[] => Array.from({ length: n }, (_, i) => lineAt(i + 1, `linje ${i}`));

  it("counted from the flow's first segment, not from the file's", () => {
    const segs = lines(3000);
    const f = layOut(segs, 5, 3000, false, undefined, undefined, () => true);
    expect(f.stopped).toBe(true);
    expect(f.segs).toEqual(Array.from({ length: LAYOUT_CHECK_SEGMENTS }, (_, i) => 5 + i));
  });

  it("never past the flow's own segments: a tail slice after exactly one run is laid out", () => {
    const segs = lines(LAYOUT_CHECK_SEGMENTS + 1);
    const f = layOut(segs, 0, LAYOUT_CHECK_SEGMENTS, false, undefined, { head: false, tail: true, window: 100 }, () => true);
    expect(f.stopped).toBeUndefined();
    expect(f.segs).toHaveLength(LAYOUT_CHECK_SEGMENTS + 1);
    expect(f.segs[LAYOUT_CHECK_SEGMENTS]).toBe(-1);
  });
});
