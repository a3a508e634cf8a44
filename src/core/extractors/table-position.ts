/**
 * Where a paragraph of a Word or Writer table sits: the outermost table's number in the file, and
 * the row and column in it (a nested table's text stays in its outer cell). The CPR rule reads a
 * header above or a label beside a number from it (docs/cpr-rule.en.md). Spreadsheet cells have
 * their own address instead.
 */
import type { TableCell } from "../location";

/** A cell spanning more columns than this is counted as this many (a hostile repeat count). */
const MAX_SPAN = 1024;

export class TablePosition {
  private depth = 0;
  private table = -1;
  private row = -1;
  private col = -1;
  private nextCol = 0;

  openTable(): void {
    if (++this.depth === 1) {
      this.table++;
      this.row = -1;
    }
  }

  closeTable(): void {
    if (this.depth > 0) this.depth--;
  }

  openRow(): void {
    if (this.depth !== 1) return;
    this.row++;
    this.col = -1;
    this.nextCol = 0;
  }

  /** A cell of the outermost table; `span` columns wide (Writer's number-columns-repeated). */
  openCell(span = 1): void {
    if (this.depth !== 1) return;
    this.col = this.nextCol;
    this.nextCol += isFinite(span) && span >= 1 ? Math.min(span, MAX_SPAN) : 1;
  }

  /** Inside a table at all (any depth). */
  get inTable(): boolean {
    return this.depth > 0;
  }

  /** The cell a paragraph emitted now sits in, or undefined outside a table's rows and cells. */
  cell(): TableCell | undefined {
    return this.depth > 0 && this.row >= 0 && this.col >= 0 ? { table: this.table, row: this.row, col: this.col } : undefined;
  }
}
