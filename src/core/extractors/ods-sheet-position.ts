/**
 * The address of a cell in an OpenDocument spreadsheet as content.xml is read (odf.ts): repeated
 * rows and columns are counted, never expanded (one element can claim 16,384 columns).
 */
import { attr, columnName } from "./xml";

/** A spreadsheet cell being read: its paragraphs so far and its address (a range when repeated). */
export interface SheetCell {
  readonly text: string[];
  readonly ref: string;
}

/** A count attribute (`number-rows-repeated`, …): 1 unless it is a number of at least 1. */
function repeatOf(attrs: string, name: string): number {
  const n = Number(attr(attrs, name) ?? "1");
  return isFinite(n) && n >= 1 ? n : 1;
}

/**
 * Where a Calc cell sits: sheet name, row and column, counting repeated rows and columns without
 * expanding them. Tables nested in a cell (depth > 1) do not move the address.
 */
export class SheetPosition {
  sheet = "";
  /** The cell whose text is being read, outside a nested table. */
  cell: SheetCell | undefined;
  private depth = 0;
  private row = 0; // 1-based row of the current table-row
  private rowRepeat = 1;
  private col = 0; // 0-based column of the next cell
  private cellRepeat = 1;

  openTable(attrs: string): void {
    if (++this.depth !== 1) return;
    this.sheet = attr(attrs, "name") ?? "";
    this.row = 0;
  }

  closeTable(): void {
    if (this.depth > 0) this.depth--;
  }

  openRow(attrs: string): void {
    if (this.depth !== 1) return;
    this.row += this.rowRepeat;
    this.rowRepeat = repeatOf(attrs, "number-rows-repeated");
    this.col = 0;
  }

  openCell(attrs: string, selfClosing: boolean): void {
    if (this.depth !== 1) return;
    this.cellRepeat = repeatOf(attrs, "number-columns-repeated");
    if (selfClosing) {
      this.col += this.cellRepeat;
      return;
    }
    let ref = columnName(this.col) + this.row;
    if (this.cellRepeat > 1 || this.rowRepeat > 1) ref += ":" + columnName(this.col + this.cellRepeat - 1) + (this.row + this.rowRepeat - 1);
    this.cell = { text: [], ref };
  }

  /** The cell that ends here, if one of the sheet's own cells was open. */
  closeCell(): SheetCell | undefined {
    const c = this.cell;
    if (this.depth !== 1 || !c) return undefined;
    this.cell = undefined;
    this.col += this.cellRepeat;
    return c;
  }
}
