/** What every format reader gets: the budget, a way to emit text, and a way to hand over nested files. */
import type { Place, TableCell } from "../location";
import type { Budget } from "./budget";

export interface EmitExtra {
  readonly softBreaks?: readonly number[];
  /** An XLSX number shown with a lost leading zero put back (docs/design/cpr-number.md §4, "Excel numeric cells"). */
  readonly restoredLeadingZero?: boolean;
  /** The table cell a paragraph of a Word or Writer table sits in. */
  readonly tableCell?: TableCell;
}

export interface ReadContext {
  readonly budget: Budget;
  /** Emit a run of text found at `place` inside the current attachment. Blank text is dropped. */
  emit(text: string, place?: Place, extra?: EmitExtra): void;
  /**
   * A file inside this one (an embedded workbook, an attachment of an attached mail) to read after
   * this reader returns, one nesting level deeper. `name` is its name inside this file.
   */
  nested(name: string, bytes: Uint8Array): void;
}
