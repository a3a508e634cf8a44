/**
 * .docx: every part that carries user text (docs/design/attachment-limits.md §2.3). Runs inside a paragraph are
 * joined with no separator (Word splits "150650-3720" into runs anywhere); paragraphs and table
 * cells become separate segments; tracked deletions and field codes become their own segments so
 * deleted digits are never glued to the insertion that follows them.
 */
import type { Place } from "../location";
import type { ReadContext } from "./context";
import { TablePosition } from "./table-position";
import type { XmlSource } from "./xml";
import { attr, decodeXmlText, parseRelationships, relsPathFor, resolvePartPath, scanXml } from "./xml";
import type { ZipArchive } from "./zip";

type Section = "body" | "header" | "footer" | "footnote" | "endnote" | "comment";

interface Para {
  text: string;
  deleted: string;
  field: string;
}

function placeFor(section: Section | "textbox" | "tracked-change"): Place | undefined {
  return section === "body" ? undefined : { kind: "section", section };
}

/** Every tag `scanWordXml` acts on; the rest (run and paragraph formatting) are skipped unread. */
const WORD_TAGS = [
  "Fallback", "p", "t", "delText", "instrText", "delInstrText", "del", "moveFrom", "txbxContent",
  "tab", "br", "cr", "noBreakHyphen", "softHyphen", "sym", "tc", "footnote", "endnote", "comment",
  "tbl", "tr",
] as const;

/** The only tags whose attributes `scanWordXml` reads: a tab stop's `pos`, a symbol's `char`. */
const WORD_TAGS_WITH_ATTRS = ["tab", "sym"] as const;

/** Scan one WordprocessingML part (document, header, footer, notes, comments). */
export function scanWordXml(xml: XmlSource, section: Section, ctx: ReadContext): void {
  const stack: Para[] = [];
  let root: Para = { text: "", deleted: "", field: "" };
  let inText = 0; // inside w:t / w:delText
  let inInstr = 0; // inside w:instrText
  let inDeleted = 0; // inside w:del / w:moveFrom
  let inTextbox = 0;
  let skip = 0; // inside mc:Fallback: a VML copy of the mc:Choice content
  const cur = (): Para => stack[stack.length - 1] ?? root;
  const tables = new TablePosition();

  const flush = (p: Para): void => {
    const sec = inTextbox > 0 ? "textbox" : section;
    const tableCell = inTextbox === 0 ? tables.cell() : undefined;
    const extra = tableCell ? { tableCell } : undefined;
    ctx.emit(p.text, placeFor(sec), extra);
    ctx.emit(p.deleted, placeFor("tracked-change"));
    ctx.emit(p.field, placeFor(sec), extra);
  };

  scanXml(
    xml,
    {
      open(name, attrs, selfClosing) {
        if (skip > 0) {
          if (name === "Fallback" && !selfClosing) skip++;
          return;
        }
        switch (name) {
          case "Fallback":
            if (!selfClosing) skip = 1;
            return;
          case "p":
            if (!selfClosing) stack.push({ text: "", deleted: "", field: "" });
            return;
          case "t":
          case "delText":
            if (!selfClosing) inText++;
            return;
          case "instrText":
          case "delInstrText":
            if (!selfClosing) inInstr++;
            return;
          case "del":
          case "moveFrom":
            if (!selfClosing) inDeleted++;
            return;
          case "txbxContent":
            if (!selfClosing) inTextbox++;
            return;
          case "tbl":
            if (!selfClosing) tables.openTable();
            return;
          case "tr":
            if (!selfClosing) tables.openRow();
            return;
          case "tc":
            tables.openCell();
            return;
          case "tab":
            // w:tab inside w:tabs (paragraph properties) is a tab stop, not text; it has w:pos.
            if (attr(attrs, "pos") === undefined) add("\t");
            return;
          case "br":
          case "cr":
            add("\n");
            return;
          case "noBreakHyphen":
            add("\u2011");
            return;
          case "softHyphen":
            add("\u00ad");
            return;
          case "sym": {
            const ch = attr(attrs, "char");
            if (ch && /^[0-9A-Fa-f]{4}$/.test(ch)) {
              const cp = parseInt(ch, 16);
              // Symbol fonts map into the private-use area F0xx: keep only the low byte for ASCII.
              add(String.fromCharCode(cp >= 0xf000 && cp <= 0xf0ff ? cp - 0xf000 : cp));
            }
            return;
          }
        }
      },
      close(name) {
        if (skip > 0) {
          if (name === "Fallback") skip--;
          return;
        }
        switch (name) {
          case "p": {
            const p = stack.pop();
            if (p) flush(p);
            return;
          }
          case "t":
          case "delText":
            if (inText > 0) inText--;
            return;
          case "instrText":
          case "delInstrText":
            if (inInstr > 0) inInstr--;
            return;
          case "del":
          case "moveFrom":
            if (inDeleted > 0) inDeleted--;
            return;
          case "txbxContent":
            if (inTextbox > 0) inTextbox--;
            return;
          case "tbl":
            tables.closeTable();
            return;
          case "tc":
          case "footnote":
          case "endnote":
          case "comment":
            // Text outside a paragraph (rare, but schema-valid in damaged files) still counts.
            if (root.text || root.deleted || root.field) {
              flush(root);
              root = { text: "", deleted: "", field: "" };
            }
            return;
        }
      },
      text(raw) {
        if (skip > 0) return;
        if (inText > 0) add(decodeXmlText(raw));
        else if (inInstr > 0) cur().field += decodeXmlText(raw);
      },
      wantsText: () => skip === 0 && (inText > 0 || inInstr > 0),
      names: WORD_TAGS,
      attrsOf: WORD_TAGS_WITH_ATTRS,
    },
    () => ctx.budget.tick(),
  );
  while (stack.length > 0) flush(stack.pop() as Para);
  flush(root);

  function add(s: string): void {
    if (skip > 0) return;
    const p = cur();
    if (inDeleted > 0) p.deleted += s;
    else p.text += s;
  }
}

/** Metadata parts (docProps, custom XML, docVars): every element's text and every `val` attribute. */
export function scanMetadataXml(xml: XmlSource, ctx: ReadContext): void {
  let buf = "";
  const place: Place = { kind: "section", section: "metadata" };
  scanXml(
    xml,
    {
      open(name, attrs) {
        const val = attr(attrs, "val");
        if (val !== undefined && name === "docVar") ctx.emit(val, place);
        if (buf) {
          ctx.emit(buf, place);
          buf = "";
        }
      },
      close() {
        if (buf) {
          ctx.emit(buf, place);
          buf = "";
        }
      },
      text(raw) {
        buf += decodeXmlText(raw);
      },
    },
    () => ctx.budget.tick(),
  );
  ctx.emit(buf, place);
}

/** DrawingML text (charts, SmartArt, shapes): `a:p` paragraphs of `a:t` runs, plus chart `c:v` values. */
export function scanDrawingXml(xml: XmlSource, place: Place | undefined, ctx: ReadContext): void {
  let para = "";
  let inT = 0;
  let inV = 0;
  let v = "";
  scanXml(
    xml,
    {
      open(name, _attrs, selfClosing) {
        if (selfClosing) {
          if (name === "br") para += "\n";
          return;
        }
        if (name === "p") para = "";
        else if (name === "t" || name === "text") inT++;
        else if (name === "v") {
          inV++;
          v = "";
        }
      },
      close(name) {
        if (name === "p") {
          ctx.emit(para, place);
          para = "";
        } else if (name === "t" || name === "text") {
          if (inT > 0) inT--;
          // Legacy comments (`p:text`) hold text with no paragraph around it.
          if (name === "text") {
            ctx.emit(para, place);
            para = "";
          }
        } else if (name === "v" && inV > 0) {
          inV--;
          ctx.emit(v, place);
        }
      },
      text(raw) {
        if (inT > 0) para += decodeXmlText(raw);
        else if (inV > 0) v += decodeXmlText(raw);
      },
      wantsText: () => inT > 0 || inV > 0,
      names: ["p", "br", "t", "text", "v"],
    },
    () => ctx.budget.tick(),
  );
  ctx.emit(para, place);
}

const SECTION_BY_PART: Array<[RegExp, Section]> = [
  [/^word\/header[^/]*\.xml$/, "header"],
  [/^word\/footer[^/]*\.xml$/, "footer"],
  [/^word\/footnotes\.xml$/, "footnote"],
  [/^word\/endnotes\.xml$/, "endnote"],
  [/^word\/comments\.xml$/, "comment"],
];

/** The main part named by the package relationships; `word/document.xml` if they are missing. */
export function mainPartOf(zip: ZipArchive, fallback: string): string {
  const rels = zip.readText("_rels/.rels");
  if (rels) {
    for (const r of parseRelationships(rels)) {
      if (/\/officeDocument$/.test(r.type) && !r.external) {
        const p = resolvePartPath("", r.target);
        if (zip.has(p)) return p;
      }
    }
  }
  return fallback;
}

/** Metadata and embedded files common to every OOXML package. */
export function readOoxmlCommon(zip: ZipArchive, ctx: ReadContext, embeddingsFolder: string): void {
  for (const name of zip.names()) {
    if (/^docProps\/(core|app|custom)\.xml$/.test(name) || /^customXml\/item\d*\.xml$/.test(name)) {
      const xml = zip.readXml(name);
      if (xml) scanMetadataXml(xml, ctx);
    } else if (name.indexOf(embeddingsFolder) === 0 && !zip.entry(name)?.isDirectory) {
      const bytes = zip.read(name);
      if (bytes) ctx.nested(name, bytes);
    }
  }
}

/** External relationship targets (hyperlinks): a `?cpr=` query is a leak too. */
export function emitExternalTargets(zip: ZipArchive, part: string, ctx: ReadContext, place?: Place): void {
  const rels = zip.readText(relsPathFor(part));
  if (!rels) return;
  for (const r of parseRelationships(rels)) if (r.external) ctx.emit(r.target, place);
}

export function readDocx(zip: ZipArchive, ctx: ReadContext): void {
  const main = mainPartOf(zip, "word/document.xml");
  const body = zip.readXml(main);
  if (body === undefined) return;
  scanWordXml(body, "body", ctx);
  emitExternalTargets(zip, main, ctx);
  for (const name of zip.names()) {
    if (name === main) continue;
    for (const [re, section] of SECTION_BY_PART) {
      if (re.test(name)) {
        const xml = zip.readXml(name);
        if (xml) scanWordXml(xml, section, ctx);
      }
    }
    if (/^word\/(charts\/chart|diagrams\/data)[^/]*\.xml$/.test(name)) {
      const xml = zip.readXml(name);
      if (xml) scanDrawingXml(xml, undefined, ctx);
    } else if (name === "word/settings.xml") {
      // Only document variables (w:docVar) carry user data in settings.
      const xml = zip.readText(name);
      if (xml && xml.indexOf("docVar") >= 0) scanMetadataXml(xml, ctx);
    }
  }
  readOoxmlCommon(zip, ctx, "word/embeddings/");
}
