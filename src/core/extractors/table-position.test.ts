import { TablePosition } from "./table-position";

describe("TablePosition", () => {
  it("counts tables, rows and cells of the outermost table; a nested table stays in its cell", () => {
    const t = new TablePosition();
    expect(t.cell()).toBeUndefined();
    t.openTable();
    t.openRow();
    t.openCell();
    expect(t.cell()).toEqual({ table: 0, row: 0, col: 0 });
    t.openCell();
    t.openTable(); // nested
    t.openRow();
    t.openCell();
    t.openCell();
    expect(t.cell()).toEqual({ table: 0, row: 0, col: 1 });
    t.closeTable();
    t.openRow();
    t.openCell(3); // a cell over three columns
    t.openCell();
    expect(t.cell()).toEqual({ table: 0, row: 1, col: 3 });
    t.closeTable();
    expect(t.cell()).toBeUndefined();
    t.openTable();
    t.openRow();
    t.openCell();
    expect(t.cell()).toEqual({ table: 1, row: 0, col: 0 });
  });

  it("a hostile span is bounded", () => {
    const t = new TablePosition();
    t.openTable();
    t.openRow();
    t.openCell(1e9);
    t.openCell();
    expect(t.cell()?.col).toBe(1024);
    t.openCell(NaN);
    t.openCell();
    expect(t.cell()?.col).toBe(1026);
  });
});
