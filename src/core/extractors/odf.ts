/**
 * OpenDocument .odt/.ods/.odp (docs/design/attachment-limits.md §2.6): content.xml, the header/footer part of
 * styles.xml, and meta.xml. Encrypted entries are announced in META-INF/manifest.xml and are
 * reported before anything is inflated. Repeated rows/columns are never expanded (one element can
 * claim 16,384 columns): a repeated cell with text is one segment located at its first address.
 */
import type { Place } from "../location";
import { ExtractStop } from "./budget";
import type { ReadContext } from "./context";
import { TablePosition } from "./table-position";
import { scanMetadataXml } from "./ooxml";
import type { XmlSource } from "./xml";
import { attr, columnName, decodeXmlText, scanXml } from "./xml";
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

/**
 * Scan an ODF XML part. `onlyHeaderFooter` (styles.xml) keeps just the master pages' header and
 * footer text; the rest of styles.xml is template.
 */
function scanOdfXml(xml: XmlSource, ctx: ReadContext, onlyHeaderFooter: boolean, kind: OdfKind): void {
  const paras: Frame[] = [];
  const sections: Section[] = [];
  let skipText = 0; // note citations, change-info (author/date), annotation author
  const skipping: string[] = [];
  const textBoxes: boolean[] = [];
  let hfDepth = 0;
  // Spreadsheet state
  let sheet = "";
  let row = 0; // 1-based row of the current table-row
  let rowRepeat = 1;
  let col = 0; // 0-based column of the next cell
  let cell: { text: string[]; ref: string } | undefined;
  let cellRepeat = 1;
  let tableDepth = 0;
  // Writer tables: where a paragraph sits (spreadsheet cells have their address instead).
  const docTables = new TablePosition();
  // Presentation state
  let slide = 0;
  let notes = 0;

  const place = (): Place | undefined => {
    const s = sections[sections.length - 1];
    if (s) return { kind: "section", section: s };
    if (slide > 0) return notes > 0 ? { kind: "slide", slide, notes: true } : { kind: "slide", slide };
    return undefined;
  };
  const active = (): boolean => !onlyHeaderFooter || hfDepth > 0;

  scanXml(
    xml,
    {
      open(name, attrs, selfClosing) {
        switch (name) {
          case "p":
          case "h":
            if (!selfClosing) paras.push({ text: "" });
            else if (cell && sections.length === 0) cell.text.push("");
            return;
          case "s": {
            const c = Number(attr(attrs, "c") ?? "1");
            add(" ".repeat(isFinite(c) && c > 0 ? Math.min(c, 1000) : 1));
            return;
          }
          case "tab":
            add("\t");
            return;
          case "line-break":
            add("\n");
            return;
          case "note":
            if (!selfClosing) sections.push(attr(attrs, "note-class") === "endnote" ? "endnote" : "footnote");
            return;
          case "annotation":
            if (!selfClosing) sections.push("comment");
            return;
          case "text-box":
            // On a slide every text lives in a text box: the slide is the place there.
            if (!selfClosing) textBoxes.push(kind !== "odp" || slide === 0);
            if (!selfClosing && textBoxes[textBoxes.length - 1]) sections.push("textbox");
            return;
          case "deletion":
            if (!selfClosing) sections.push("tracked-change");
            return;
          case "note-citation":
          case "change-info":
          case "creator":
          case "date":
            if (selfClosing) return;
            // dc:creator/dc:date of a comment are its author and time, not text; a text:date field
            // in a paragraph is visible text and stays.
            if (name === "note-citation" || name === "change-info" || sections[sections.length - 1] === "comment") {
              skipText++;
              skipping.push(name);
            }
            return;
          case "header":
          case "footer":
          case "header-left":
          case "footer-left":
          case "header-first":
          case "footer-first":
            if (!selfClosing && name.indexOf("-style") < 0) {
              hfDepth++;
              sections.push(name.indexOf("header") === 0 ? "header" : "footer");
            }
            return;
          case "table":
            if (kind !== "ods") {
              if (!selfClosing) docTables.openTable();
              return;
            }
            if (!selfClosing) {
              tableDepth++;
              if (tableDepth === 1) {
                sheet = attr(attrs, "name") ?? "";
                row = 0;
              }
            }
            return;
          case "table-row":
            if (kind !== "ods" && !selfClosing) docTables.openRow();
            if (tableDepth === 1) {
              row += rowRepeat;
              const r = Number(attr(attrs, "number-rows-repeated") ?? "1");
              rowRepeat = isFinite(r) && r >= 1 ? r : 1;
              col = 0;
            }
            return;
          case "table-cell":
          case "covered-table-cell": {
            if (kind !== "ods") docTables.openCell(Number(attr(attrs, "number-columns-repeated") ?? "1"));
            if (tableDepth !== 1) return;
            const c = Number(attr(attrs, "number-columns-repeated") ?? "1");
            cellRepeat = isFinite(c) && c >= 1 ? c : 1;
            if (selfClosing) {
              col += cellRepeat;
              return;
            }
            let ref = columnName(col) + row;
            if (cellRepeat > 1 || rowRepeat > 1) ref += ":" + columnName(col + cellRepeat - 1) + (row + rowRepeat - 1);
            cell = { text: [], ref };
            return;
          }
          case "page":
            if (!selfClosing && !onlyHeaderFooter) slide++;
            return;
          case "notes":
            if (!selfClosing) notes++;
            return;
        }
      },
      close(name) {
        switch (name) {
          case "p":
          case "h": {
            const p = paras.pop();
            if (!p || !active()) return;
            // A cell's paragraphs form the cell's text; anything in a note/comment is its own segment.
            if (cell && sections.length === 0 && paras.length === 0) cell.text.push(p.text);
            else {
              const tableCell = sections.length === 0 ? docTables.cell() : undefined;
              ctx.emit(p.text, place(), tableCell ? { tableCell } : undefined);
            }
            return;
          }
          case "text-box":
            if (textBoxes.pop()) sections.pop();
            return;
          case "note":
          case "annotation":
          case "deletion":
            sections.pop();
            return;
          case "note-citation":
          case "change-info":
          case "creator":
          case "date":
            if (skipping[skipping.length - 1] === name) {
              skipping.pop();
              skipText--;
            }
            return;
          case "header":
          case "footer":
          case "header-left":
          case "footer-left":
          case "header-first":
          case "footer-first":
            if (hfDepth > 0) {
              hfDepth--;
              sections.pop();
            }
            return;
          case "table":
            if (kind === "ods" && tableDepth > 0) tableDepth--;
            else if (kind !== "ods") docTables.closeTable();
            return;
          case "table-cell":
          case "covered-table-cell":
            if (tableDepth === 1 && cell) {
              const text = cell.text.join("\n");
              if (active()) ctx.emit(text, { kind: "cell", sheet, cell: cell.ref });
              cell = undefined;
              col += cellRepeat;
            }
            return;
          case "notes":
            if (notes > 0) notes--;
            return;
        }
      },
      text(raw) {
        if (skipText > 0 || paras.length === 0) return;
        add(decodeXmlText(raw));
      },
      wantsText: () => skipText === 0 && paras.length > 0,
      names: ODF_TAGS,
    },
    () => ctx.budget.tick(),
  );

  function add(s: string): void {
    if (skipText > 0) return;
    const p = paras[paras.length - 1];
    if (p) p.text += s;
  }
}

export function readOdf(zip: ZipArchive, kind: OdfKind, ctx: ReadContext): void {
  const manifest = zip.readText("META-INF/manifest.xml");
  if (manifest && manifest.indexOf("encryption-data") >= 0) throw new ExtractStop("encrypted");
  const content = zip.readText("content.xml");
  if (content === undefined) throw new ExtractStop("corrupt");
  scanOdfXml(content, ctx, false, kind);
  const styles = zip.readText("styles.xml");
  if (styles) scanOdfXml(styles, ctx, true, kind);
  const meta = zip.readText("meta.xml");
  if (meta) scanMetadataXml(meta, ctx);
  for (const name of zip.names()) {
    // Embedded objects (charts, OLE) are sub-documents with their own content.xml.
    const m = /^(Object [^/]+)\/content\.xml$/.exec(name);
    if (m) {
      const x = zip.readText(name);
      if (x) scanOdfXml(x, ctx, false, "odf");
    }
  }
}
