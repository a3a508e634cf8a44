/**
 * OpenDocument .odt/.ods/.odp (docs/design/attachment-limits.md §2.6): content.xml, the header/footer part of
 * styles.xml, and meta.xml. Encrypted entries are announced in META-INF/manifest.xml and are
 * reported before anything is inflated. Repeated rows/columns are never expanded (one element can
 * claim 16,384 columns): a repeated cell with text is one segment located at its first address.
 */
import type { Place } from "../location";
import { ExtractStop } from "./budget";
import type { ReadContext } from "./context";
import { SheetPosition } from "./ods-sheet-position";
import { TablePosition } from "./table-position";
import { scanMetadataXml } from "./ooxml";
import type { XmlHandler, XmlSource } from "./xml";
import { attr, decodeXmlText, scanXmlSliced } from "./xml";
import type { ZipArchive } from "./zip";

export type OdfKind = "odt" | "ods" | "odp" | "odf";

export function odfKind(zip: ZipArchive): OdfKind | undefined {
  const m = zip.entry("mimetype") ? zip.readText("mimetype") : undefined;
  if (m === undefined || m.indexOf("application/vnd.oasis.opendocument.") !== 0) return undefined;
  if (/\.text(-template|-master)?$/.test(m)) return "odt";
  if (/\.spreadsheet(-template)?$/.test(m)) return "ods";
  if (/\.presentation(-template)?$/.test(m)) return "odp";
  return "odf";
}

type Section = "header" | "footer" | "footnote" | "endnote" | "comment" | "textbox" | "tracked-change";

interface Frame {
  text: string;
}

/** Every tag `scanOdfXml` acts on; spans, styles and the rest are skipped unread (their text is kept). */
const ODF_TAGS = [
  "p", "h", "s", "tab", "line-break", "note", "annotation", "text-box", "deletion", "note-citation", "change-info",
  "creator", "date", "header", "footer", "header-left", "footer-left", "header-first", "footer-first", "table",
  "table-row", "table-cell", "covered-table-cell", "page", "notes",
] as const;

const HEADER_FOOTER = ["header", "footer", "header-left", "footer-left", "header-first", "footer-first"];

/**
 * The reading state of one ODF XML part: open paragraphs, the sections they sit in (notes,
 * comments, text boxes, deletions, headers and footers), skipped metadata (note citations,
 * change authors), the table or sheet cell, and the slide.
 */
class OdfPartScanner implements XmlHandler {
  readonly names = ODF_TAGS;
  private readonly paras: Frame[] = [];
  private readonly sections: Section[] = [];
  private skipText = 0; // note citations, change-info (author/date), annotation author
  private readonly skipping: string[] = [];
  private readonly textBoxes: boolean[] = [];
  private hfDepth = 0;
  private readonly sheet = new SheetPosition();
  // Writer tables: where a paragraph sits (spreadsheet cells have their address instead).
  private readonly docTables = new TablePosition();
  private slide = 0;
  private notes = 0;

  constructor(
    private readonly ctx: ReadContext,
    /** styles.xml: keep just the master pages' header and footer text; the rest is template. */
    private readonly onlyHeaderFooter: boolean,
    private readonly kind: OdfKind,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case "p":
      case "h":
        if (!selfClosing) this.paras.push({ text: "" });
        else if (this.sheet.cell && this.sections.length === 0) this.sheet.cell.text.push("");
        return;
      case "s": {
        const c = Number(attr(attrs, "c") ?? "1");
        this.add(" ".repeat(isFinite(c) && c > 0 ? Math.min(c, 1000) : 1));
        return;
      }
      case "tab":
        this.add("\t");
        return;
      case "line-break":
        this.add("\n");
        return;
      case "table":
      case "table-row":
      case "table-cell":
      case "covered-table-cell":
        this.openTablePart(name, attrs, selfClosing);
        return;
      case "page":
        if (!selfClosing && !this.onlyHeaderFooter) this.slide++;
        return;
      case "notes":
        if (!selfClosing) this.notes++;
        return;
      default:
        if (!selfClosing) this.openSection(name, attrs);
    }
  }

  /** Notes, comments, text boxes, deletions, headers and footers; and metadata skipped unread. */
  private openSection(name: string, attrs: string): void {
    const sections = this.sections;
    switch (name) {
      case "note":
        sections.push(attr(attrs, "note-class") === "endnote" ? "endnote" : "footnote");
        return;
      case "annotation":
        sections.push("comment");
        return;
      case "text-box": {
        // On a slide every text lives in a text box: the slide is the place there.
        const own = this.kind !== "odp" || this.slide === 0;
        this.textBoxes.push(own);
        if (own) sections.push("textbox");
        return;
      }
      case "deletion":
        sections.push("tracked-change");
        return;
      case "note-citation":
      case "change-info":
      case "creator":
      case "date":
        // dc:creator/dc:date of a comment are its author and time, not text; a text:date field
        // in a paragraph is visible text and stays.
        if (name === "note-citation" || name === "change-info" || sections[sections.length - 1] === "comment") {
          this.skipText++;
          this.skipping.push(name);
        }
        return;
      default:
        if (HEADER_FOOTER.indexOf(name) >= 0) {
          this.hfDepth++;
          sections.push(name.indexOf("header") === 0 ? "header" : "footer");
        }
    }
  }

  private openTablePart(name: string, attrs: string, selfClosing: boolean): void {
    if (this.kind !== "ods") {
      if (name === "table-cell" || name === "covered-table-cell") this.docTables.openCell(Number(attr(attrs, "number-columns-repeated") ?? "1"));
      else if (selfClosing) return;
      else if (name === "table") this.docTables.openTable();
      else this.docTables.openRow();
      return;
    }
    if (name === "table") {
      if (!selfClosing) this.sheet.openTable(attrs);
    } else if (name === "table-row") this.sheet.openRow(attrs);
    else this.sheet.openCell(attrs, selfClosing);
  }

  close(name: string): void {
    switch (name) {
      case "p":
      case "h":
        this.closeParagraph();
        return;
      case "text-box":
        if (this.textBoxes.pop()) this.sections.pop();
        return;
      case "note":
      case "annotation":
      case "deletion":
        this.sections.pop();
        return;
      case "note-citation":
      case "change-info":
      case "creator":
      case "date":
        if (this.skipping[this.skipping.length - 1] === name) {
          this.skipping.pop();
          this.skipText--;
        }
        return;
      case "table":
        if (this.kind === "ods") this.sheet.closeTable();
        else this.docTables.closeTable();
        return;
      case "table-cell":
      case "covered-table-cell": {
        const cell = this.sheet.closeCell();
        if (cell && this.active()) this.ctx.emit(cell.text.join("\n"), { kind: "cell", sheet: this.sheet.sheet, cell: cell.ref });
        return;
      }
      case "notes":
        if (this.notes > 0) this.notes--;
        return;
      default:
        if (HEADER_FOOTER.indexOf(name) >= 0 && this.hfDepth > 0) {
          this.hfDepth--;
          this.sections.pop();
        }
    }
  }

  private closeParagraph(): void {
    const p = this.paras.pop();
    if (!p || !this.active()) return;
    const cell = this.sheet.cell;
    // A cell's paragraphs form the cell's text; anything in a note/comment is its own segment.
    if (cell && this.sections.length === 0 && this.paras.length === 0) cell.text.push(p.text);
    else {
      const tableCell = this.sections.length === 0 ? this.docTables.cell() : undefined;
      this.ctx.emit(p.text, this.place(), tableCell ? { tableCell } : undefined);
    }
  }

  text(raw: string): void {
    if (this.skipText > 0 || this.paras.length === 0) return;
    this.add(decodeXmlText(raw));
  }

  wantsText(): boolean {
    return this.skipText === 0 && this.paras.length > 0;
  }

  private add(s: string): void {
    if (this.skipText > 0) return;
    const p = this.paras[this.paras.length - 1];
    if (p) p.text += s;
  }

  private active(): boolean {
    return !this.onlyHeaderFooter || this.hfDepth > 0;
  }

  private place(): Place | undefined {
    const s = this.sections[this.sections.length - 1];
    if (s) return { kind: "section", section: s };
    if (this.slide > 0) return this.notes > 0 ? { kind: "slide", slide: this.slide, notes: true } : { kind: "slide", slide: this.slide };
    return undefined;
  }
}

/** Scan an ODF XML part (content.xml, the header/footer of styles.xml, an embedded object), in slices. */
function scanOdfXml(xml: XmlSource, ctx: ReadContext, onlyHeaderFooter: boolean, kind: OdfKind): Promise<void> {
  return scanXmlSliced(xml, new OdfPartScanner(ctx, onlyHeaderFooter, kind), ctx.budget);
}

export async function readOdf(zip: ZipArchive, kind: OdfKind, ctx: ReadContext): Promise<void> {
  const manifest = zip.readText("META-INF/manifest.xml");
  if (manifest && manifest.indexOf("encryption-data") >= 0) throw new ExtractStop("encrypted");
  const content = await zip.readTextSliced("content.xml");
  if (content === undefined) throw new ExtractStop("corrupt");
  await scanOdfXml(content, ctx, false, kind);
  const styles = await zip.readTextSliced("styles.xml");
  if (styles) await scanOdfXml(styles, ctx, true, kind);
  const meta = await zip.readTextSliced("meta.xml");
  if (meta) await scanMetadataXml(meta, ctx);
  for (const name of zip.names()) {
    // Embedded objects (charts, OLE) are sub-documents with their own content.xml.
    const m = /^(Object [^/]+)\/content\.xml$/.exec(name);
    if (m) {
      const x = await zip.readTextSliced(name);
      if (x) await scanOdfXml(x, ctx, false, "odf");
    }
  }
}
