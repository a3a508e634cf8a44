/**
 * One worksheet of an .xlsx: a segment per non-empty cell, located as sheet name + A1 reference,
 * plus print headers and footers (docs/design/attachment-limits.md §2.4).
 *
 * CPR numbers typed into a number cell lose their leading zero: 0506503720 is stored as 506503720
 * and shown through a `000000-0000` format. We put the zero back (and the format's dash) when the
 * cell's format shows ten digits or its column is headed like a CPR column, and mark the segment,
 * so the detector sees what the user sees.
 */
import type { ReadContext } from "./context";
import type { XmlHandler, XmlSource } from "./xml";
import { attr, columnName, decodeXmlText, scanXmlSliced } from "./xml";
import { CELL, columnIndexOf, columnOf, digitCount, isAllDigits, numberText, readCellAttrs } from "./xlsx-cell-text";
import { plainCellsStart, readPlainCells } from "./xlsx-plain-cells";

/** Header words that make a column CPR-like: "CPR", "CPR-nr.", "Personnummer", "Pers.nr.". */
const CPR_HEADER = /cpr|person\s*n|pers\.?\s*nr|f\u00f8dselsnummer/i;

const RESTORED = { restoredLeadingZero: true } as const;

/** A sheet's print headers and footers (`&L &C &R` codes and text). */
const HEADER_FOOTER_TAGS: ReadonlySet<string> = new Set(["oddHeader", "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter"]);

/** Every tag `scanSheet` acts on: formulas (`f`), row and cell formatting are skipped unread. */
const SHEET_TAGS = ["row", "c", "v", "is", "t", ...HEADER_FOOTER_TAGS];

/**
 * The reading state of one worksheet: the cell being read (address, type, style, value), the
 * columns headed like CPR columns so far, and the print header or footer being read.
 */
class SheetScanner implements XmlHandler {
  readonly names = SHEET_TAGS;
  /** True while a `<c>` element is open (its value not yet emitted). */
  inCell = false;
  private readonly cprColumns = new Set<string>();
  private ref = "";
  private type = "";
  private style = -1;
  private inV = 0;
  private inIs = 0;
  private inT = 0;
  private v = "";
  private inline = "";
  private inHf = 0;
  private hf = "";
  private hfSection: "header" | "footer" = "header";
  private lastRow = 0;
  private lastCol = -1;
  private restored = false;

  constructor(
    private readonly sheet: string,
    private readonly shared: readonly string[],
    private readonly cprStyles: ReadonlyMap<number, string>,
    private readonly ctx: ReadContext,
  ) {}

  /** Nothing open that the fast path could not carry on from. */
  atRest(): boolean {
    return !this.inCell && this.inV === 0 && this.inIs === 0 && this.inT === 0 && this.inHf === 0;
  }

  /**
   * The cell's text as the user sees it; undefined for cells that hold no text worth a segment.
   * Sets `restored` when a lost leading zero was put back (a field, not a result object: this
   * runs for every cell).
   */
  private cellText(): string | undefined {
    const type = this.type;
    const v = this.v;
    this.restored = false;
    if (type === "s") return this.shared[Number(v)] ?? "";
    if (type === "inlineStr") return this.inline;
    if (type === "b" || type === "e") return undefined;
    if (type === "str" || type === "d") return v;
    let text = numberText(v.trim());
    // A number with fewer than nine digits can hold no CPR number, not even one that lost its
    // leading zero, and adds nothing to a column's verdict (cpr.ts: only 9–10 digit shapes count).
    // Big sheets are mostly such numbers: not emitting them halves the work on an export.
    if (digitCount(text) < 9) return undefined;
    const sep = this.cprStyles.get(this.style);
    if ((text.length === 9 || text.length === 10) && isAllDigits(text) && (sep !== undefined || this.cprColumns.has(columnOf(this.ref)))) {
      if (text.length === 9) {
        text = "0" + text;
        this.restored = true;
      }
      if (sep) text = text.slice(0, 6) + sep + text.slice(6);
    }
    return text;
  }

  emitCell(): void {
    const text = this.cellText();
    if (text === undefined) return;
    const type = this.type;
    if (type !== "" && type !== "n" && text.length < 64 && CPR_HEADER.test(text)) this.cprColumns.add(columnOf(this.ref));
    this.ctx.emit(text, { kind: "cell", sheet: this.sheet, cell: this.ref }, this.restored ? RESTORED : undefined);
  }

  openRow(attrs: string): void {
    const r = Number(attr(attrs, "r"));
    this.lastRow = isFinite(r) && r > 0 ? r : this.lastRow + 1;
    this.lastCol = -1;
  }

  openCell(r: string | undefined, t: string, s: string | undefined, selfClosing: boolean): void {
    // Cells without `r` follow the previous one in the row.
    if (r) {
      this.ref = r;
      this.lastCol = columnIndexOf(r);
    } else {
      this.lastCol++;
      this.ref = columnName(this.lastCol) + this.lastRow;
    }
    this.type = t;
    this.style = s === undefined ? -1 : Number(s);
    this.v = "";
    this.inline = "";
    this.inCell = !selfClosing;
  }

  /** A plain cell read by the fast path, with its raw value and inline string. */
  plainCell(rawV: string | undefined, rawInline: string | undefined): void {
    this.v = rawV ? decodeXmlText(rawV) : "";
    this.inline = rawInline ? decodeXmlText(rawInline) : "";
    this.emitCell();
    this.inCell = false;
  }

  open(name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case "row":
        this.openRow(attrs);
        return;
      case "c":
        readCellAttrs(attrs);
        this.openCell(CELL.r, CELL.t, CELL.s, selfClosing);
        return;
      case "v":
        if (this.inCell && !selfClosing) this.inV++;
        return;
      case "is":
        if (this.inCell && !selfClosing) this.inIs++;
        return;
      case "t":
        if (this.inIs > 0 && !selfClosing) this.inT++;
        return;
    }
    if (HEADER_FOOTER_TAGS.has(name) && !selfClosing) {
      this.inHf++;
      this.hf = "";
      this.hfSection = name.indexOf("Header") >= 0 ? "header" : "footer";
    }
  }

  close(name: string): void {
    switch (name) {
      case "c":
        if (this.inCell) this.emitCell();
        this.inCell = false;
        return;
      case "v":
        if (this.inV > 0) this.inV--;
        return;
      case "is":
        if (this.inIs > 0) this.inIs--;
        return;
      case "t":
        if (this.inT > 0) this.inT--;
        return;
    }
    if (HEADER_FOOTER_TAGS.has(name) && this.inHf > 0) {
      this.inHf--;
      // &L &C &R and font codes are formatting; the rest is text.
      this.ctx.emit(this.hf.replace(/&[LCRBIUSEXYKPNDTZGFA]|&"[^"]*"|&[0-9]+/g, " "), { kind: "section", section: this.hfSection });
    }
  }

  text(raw: string): void {
    if (this.inV > 0) this.v += decodeXmlText(raw);
    else if (this.inT > 0) this.inline += decodeXmlText(raw);
    else if (this.inHf > 0) this.hf += decodeXmlText(raw);
  }

  wantsText(): boolean {
    return this.inV > 0 || this.inT > 0 || this.inHf > 0;
  }
}

/**
 * One worksheet: a segment per non-empty cell, plus print headers and footers, read in slices.
 * `plainCells: false` turns off the fast path (xlsx-plain-cells.ts), for the test that holds both
 * ways equal.
 */
export async function scanSheet(
  xml: XmlSource,
  sheet: string,
  shared: readonly string[],
  cprStyles: ReadonlyMap<number, string>,
  ctx: ReadContext,
  options: { readonly plainCells?: boolean } = {},
): Promise<void> {
  const s = new SheetScanner(sheet, shared, cprStyles, ctx);
  const budget = ctx.budget;
  const start = options.plainCells !== false && typeof xml === "string" ? plainCellsStart(xml) : -1;
  if (start < 0 || typeof xml !== "string") {
    await scanXmlSliced(xml, s, budget);
    return;
  }
  // Up to and including `<sheetData>` the generic way; the plain cells fast; the rest (anything
  // unusual, then headers and footers) the generic way again, from exactly where the fast path
  // stopped. Splitting there changes nothing: both cuts fall just after a tag, outside any cell.
  await scanXmlSliced(xml.slice(0, start), s, budget);
  let rest = start;
  if (s.atRest()) {
    let paused = false;
    const sink = {
      row: (attrs: string) => s.openRow(attrs),
      cell(r: string, t: string | undefined, st: string | undefined, rawV: string | undefined, rawInline: string | undefined, selfClosing: boolean) {
        s.openCell(r, t ?? "", st, selfClosing);
        if (!selfClosing) s.plainCell(rawV, rawInline);
      },
      tick: () => (paused = budget.sliceUsed()),
    };
    // A slice used up stops the fast path between two rows or cells; it goes on from there.
    do {
      paused = false;
      rest = readPlainCells(xml, rest, sink);
      if (paused) await budget.pause();
    } while (paused);
  }
  await scanXmlSliced(xml.slice(rest), s, budget);
}
