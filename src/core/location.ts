/** Where a piece of scanned text lives: precise enough to say "Bilag.zip/Ansøgning.docx, side 3". */

/** "location": a meeting invite's location line. */
export type Part = "subject" | "body" | "location" | "attachment";

/** The place inside a part. Rendered to words by i18n (e.g. "side 3", "Ark2!C14"). */
export type Place =
  | { readonly kind: "page"; readonly page: number }
  | { readonly kind: "cell"; readonly sheet: string; readonly cell: string }
  | { readonly kind: "slide"; readonly slide: number; readonly notes?: boolean }
  | { readonly kind: "line"; readonly line: number }
  | { readonly kind: "file-name" }
  | {
      readonly kind: "section";
      readonly section:
        | "header"
        | "footer"
        | "footnote"
        | "endnote"
        | "comment"
        | "textbox"
        | "tracked-change"
        | "metadata"
        | "notes";
    }
  /** Inside an attached mail: its subject, body or an attachment name. */
  | { readonly kind: "mail-part"; readonly part: "subject" | "body" };

export interface Location {
  readonly part: Part;
  /** Attachment name chain, outermost first, joined with "/": "Bilag.zip/Ansøgning.docx". */
  readonly attachment?: string;
  readonly place?: Place;
}

/** A run of text to scan, with its location. */
export interface TextSegment {
  readonly text: string;
  readonly location: Location;
  /**
   * Offsets in `text` of line breaks the CPR matcher may cross (a PDF wrapping "150650-" onto
   * "3720"). Every other line break is hard: a match never crosses it.
   */
  readonly softBreaks?: readonly number[];
  /**
   * Set by the XLSX reader when a number cell in a CPR-like column (or with a `000000-0000`
   * format) lost its leading zero and the extractor put it back: 506503720 → 050650-3720.
   * A finding in this segment carries the reason "leading-zero-restored".
   */
  readonly restoredLeadingZero?: boolean;
  /**
   * Set by a reader whose format has tables but no cell address of its own (Word and Writer
   * tables): where the segment sits, so the CPR rule can read a header above or a label beside it.
   * Spreadsheet cells need none: their `place` names the cell. See docs/cpr-rule.en.md.
   */
  readonly tableCell?: TableCell;
}

/** A cell of a table in a document: `table` tells the tables of one file apart; row and col from 0. */
export interface TableCell {
  readonly table: number;
  readonly row: number;
  readonly col: number;
}
