/**
 * .docx: every part that carries user text (docs/design/attachment-limits.md §2.3). Runs inside a paragraph are
 * joined with no separator (Word splits "150650-3720" into runs anywhere); paragraphs and table
 * cells become separate segments; tracked deletions and field codes become their own segments so
 * deleted digits are never glued to the insertion that follows them. What Word shares with the
 * other OOXML formats (metadata, charts, relationships, embeddings) is in ooxml.ts.
 */
import type { Place } from "../location";
import type { ReadContext } from "./context";
import { emitExternalTargets, mainPartOf, readOoxmlCommon, scanDrawingXml, scanMetadataXml } from "./ooxml";
import { TablePosition } from "./table-position";
import type { XmlHandler, XmlSource } from "./xml";
import { attr, decodeXmlText, scanXmlSliced } from "./xml";
import type { ZipArchive } from "./zip";

type Section = "body" | "header" | "footer" | "footnote" | "endnote" | "comment";

/** One paragraph's text so far: what stands, what a tracked change deleted, its field codes. */
interface Para {
  text: string;
  deleted: string;
  field: string;
}

const newPara = (): Para => ({ text: "", deleted: "", field: "" });

function placeFor(section: Section | "textbox" | "tracked-change"): Place | undefined {
  return section === "body" ? undefined : { kind: "section", section };
}

/** Every tag the Word scanner acts on; the rest (run and paragraph formatting) are skipped unread. */
const WORD_TAGS = [
  "Fallback", "p", "t", "delText", "instrText", "delInstrText", "del", "moveFrom", "txbxContent",
  "tab", "br", "cr", "noBreakHyphen", "softHyphen", "sym", "tc", "footnote", "endnote", "comment",
  "tbl", "tr",
] as const;

/** The only tags whose attributes the Word scanner reads: a tab stop's `pos`, a symbol's `char`. */
const WORD_TAGS_WITH_ATTRS = ["tab", "sym"] as const;

/** The character an empty run element stands for (`w:tab`, `w:br`, `w:sym`, …); undefined if none. */
function inlineChar(name: string, attrs: string): string | undefined {
  switch (name) {
    case "tab":
      // w:tab inside w:tabs (paragraph properties) is a tab stop, not text; it has w:pos.
      return attr(attrs, "pos") === undefined ? "\t" : undefined;
    case "br":
    case "cr":
      return "\n";
    case "noBreakHyphen":
      return "\u2011";
    case "softHyphen":
      return "\u00ad";
    case "sym": {
      const ch = attr(attrs, "char");
      if (!ch || !/^[0-9A-Fa-f]{4}$/.test(ch)) return undefined;
      const cp = parseInt(ch, 16);
      // Symbol fonts map into the private-use area F0xx: keep only the low byte for ASCII.
      return String.fromCharCode(cp >= 0xf000 && cp <= 0xf0ff ? cp - 0xf000 : cp);
    }
    default:
      return undefined;
  }
}

/**
 * The run and paragraph state of one WordprocessingML part as the scanner walks it: which
 * paragraphs are open, whether text is inside `w:t`, a field code, a deletion, a text box or an
 * `mc:Fallback` (a VML copy of the `mc:Choice` content, skipped), and the table cell.
 */
class WordPartScanner implements XmlHandler {
  readonly names = WORD_TAGS;
  readonly attrsOf = WORD_TAGS_WITH_ATTRS;
  private readonly stack: Para[] = [];
  private root = newPara();
  private inText = 0; // inside w:t / w:delText
  private inInstr = 0; // inside w:instrText
  private inDeleted = 0; // inside w:del / w:moveFrom
  private inTextbox = 0;
  private skip = 0; // inside mc:Fallback
  private readonly tables = new TablePosition();

  constructor(
    private readonly section: Section,
    private readonly ctx: ReadContext,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    if (this.skip > 0) {
      if (name === "Fallback" && !selfClosing) this.skip++;
      return;
    }
    if (name === "tc") this.tables.openCell();
    else if (!selfClosing) this.openContainer(name);
    const ch = inlineChar(name, attrs);
    if (ch !== undefined) this.add(ch);
  }

  private openContainer(name: string): void {
    switch (name) {
      case "Fallback":
        this.skip = 1;
        return;
      case "p":
        this.stack.push(newPara());
        return;
      case "t":
      case "delText":
        this.inText++;
        return;
      case "instrText":
      case "delInstrText":
        this.inInstr++;
        return;
      case "del":
      case "moveFrom":
        this.inDeleted++;
        return;
      case "txbxContent":
        this.inTextbox++;
        return;
      case "tbl":
        this.tables.openTable();
        return;
      case "tr":
        this.tables.openRow();
        return;
    }
  }

  close(name: string): void {
    if (this.skip > 0) {
      if (name === "Fallback") this.skip--;
      return;
    }
    switch (name) {
      case "p": {
        const p = this.stack.pop();
        if (p) this.flush(p);
        return;
      }
      case "t":
      case "delText":
        if (this.inText > 0) this.inText--;
        return;
      case "instrText":
      case "delInstrText":
        if (this.inInstr > 0) this.inInstr--;
        return;
      case "del":
      case "moveFrom":
        if (this.inDeleted > 0) this.inDeleted--;
        return;
      case "txbxContent":
        if (this.inTextbox > 0) this.inTextbox--;
        return;
      case "tbl":
        this.tables.closeTable();
        return;
      case "tc":
      case "footnote":
      case "endnote":
      case "comment":
        this.flushLooseText();
        return;
    }
  }

  text(raw: string): void {
    if (this.skip > 0) return;
    if (this.inText > 0) this.add(decodeXmlText(raw));
    else if (this.inInstr > 0) this.cur().field += decodeXmlText(raw);
  }

  wantsText(): boolean {
    return this.skip === 0 && (this.inText > 0 || this.inInstr > 0);
  }

  /** Emit what is still open at the end of the part. */
  finish(): void {
    while (this.stack.length > 0) this.flush(this.stack.pop() as Para);
    this.flush(this.root);
  }

  private cur(): Para {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  private add(s: string): void {
    const p = this.cur();
    if (this.inDeleted > 0) p.deleted += s;
    else p.text += s;
  }

  /** Text outside a paragraph (rare, but schema-valid in damaged files) still counts. */
  private flushLooseText(): void {
    const r = this.root;
    if (r.text || r.deleted || r.field) {
      this.flush(r);
      this.root = newPara();
    }
  }

  private flush(p: Para): void {
    const sec = this.inTextbox > 0 ? "textbox" : this.section;
    const tableCell = this.inTextbox === 0 ? this.tables.cell() : undefined;
    const extra = tableCell ? { tableCell } : undefined;
    this.ctx.emit(p.text, placeFor(sec), extra);
    this.ctx.emit(p.deleted, placeFor("tracked-change"));
    this.ctx.emit(p.field, placeFor(sec), extra);
  }
}

/** Scan one WordprocessingML part (document, header, footer, notes, comments), in slices. */
export async function scanWordXml(xml: XmlSource, section: Section, ctx: ReadContext): Promise<void> {
  const scanner = new WordPartScanner(section, ctx);
  await scanXmlSliced(xml, scanner, ctx.budget);
  scanner.finish();
}

const SECTION_BY_PART: Array<[RegExp, Section]> = [
  [/^word\/header[^/]*\.xml$/, "header"],
  [/^word\/footer[^/]*\.xml$/, "footer"],
  [/^word\/footnotes\.xml$/, "footnote"],
  [/^word\/endnotes\.xml$/, "endnote"],
  [/^word\/comments\.xml$/, "comment"],
];

export async function readDocx(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  const main = mainPartOf(zip, "word/document.xml");
  const body = await zip.readXmlSliced(main);
  if (body === undefined) return;
  await scanWordXml(body, "body", ctx);
  emitExternalTargets(zip, main, ctx);
  for (const name of zip.names()) {
    if (name === main) continue;
    for (const [re, section] of SECTION_BY_PART) {
      if (re.test(name)) {
        const xml = await zip.readXmlSliced(name);
        if (xml) await scanWordXml(xml, section, ctx);
      }
    }
    if (/^word\/(charts\/chart|diagrams\/data)[^/]*\.xml$/.test(name)) {
      const xml = await zip.readXmlSliced(name);
      if (xml) await scanDrawingXml(xml, undefined, ctx);
    } else if (name === "word/settings.xml") {
      // Only document variables (w:docVar) carry user data in settings.
      const xml = zip.readText(name);
      if (xml && xml.indexOf("docVar") >= 0) await scanMetadataXml(xml, ctx);
    }
  }
  await readOoxmlCommon(zip, ctx, "word/embeddings/");
}
