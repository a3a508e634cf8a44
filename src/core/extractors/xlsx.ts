/**
 * .xlsx: one segment per non-empty cell, located as sheet name + A1 reference (docs/design/attachment-limits.md §2.4).
 * Not SheetJS: the npm build is frozen at a version with CVEs on exactly this workload.
 *
 * CPR numbers typed into a number cell lose their leading zero: 0506503720 is stored as 506503720
 * and shown through a `000000-0000` format. We put the zero back (and the format's dash) when the
 * cell's format shows ten digits or its column is headed like a CPR column, and mark the segment,
 * so the detector sees what the user sees.
 */
import type { Place } from "../location";
import type { ReadContext } from "./context";
import { readOoxmlCommon, scanDrawingXml } from "./ooxml";
import type { XmlHandler, XmlSource } from "./xml";
import { plainCellsStart, readPlainCells } from "./xlsx-plain-cells";
import { attr, columnName, decodeXmlText, parseRelationships, prefixedAttr, relsPathFor, resolvePartPath, scanXml } from "./xml";
import type { ZipArchive } from "./zip";

/** Header words that make a column CPR-like: "CPR", "CPR-nr.", "Personnummer", "Pers.nr.". */
const CPR_HEADER = /cpr|person\s*n|pers\.?\s*nr|f\u00f8dselsnummer/i;

const RESTORED = { restoredLeadingZero: true } as const;

/** A number format that displays ten digits with leading zeros: `000000-0000`, `0000000000`. */
function cprFormatSeparator(formatCode: string): string | undefined {
  const code = formatCode.replace(/["\\]/g, "");
  const m = /^0{6}([- ]?)0{4}$/.exec(code);
  return m ? (m[1] as string) : undefined;
}

function readSharedStrings(zip: ZipArchive, ctx: ReadContext): string[] {
  const xml = zip.readXml("xl/sharedStrings.xml");
  const out: string[] = [];
  if (!xml) return out;
  let cur = "";
  let inSi = false;
  let inT = 0;
  let inPhonetic = 0;
  scanXml(
    xml,
    {
      open(name, _a, selfClosing) {
        if (selfClosing) {
          if (name === "si") out.push("");
          return;
        }
        if (name === "si") {
          inSi = true;
          cur = "";
        } else if (name === "t") inT++;
        else if (name === "rPh") inPhonetic++;
      },
      close(name) {
        if (name === "si") {
          if (inSi) out.push(cur);
          inSi = false;
        } else if (name === "t") inT = Math.max(0, inT - 1);
        else if (name === "rPh") inPhonetic = Math.max(0, inPhonetic - 1);
      },
      text(raw) {
        cur += decodeXmlText(raw);
      },
      wantsText: () => inSi && inT > 0 && inPhonetic === 0,
      names: ["si", "t", "rPh"],
    },
    () => ctx.budget.tick(),
  );
  return out;
}

/** Style index → separator of a CPR-like number format (only for styles that have one). */
function readCprStyles(zip: ZipArchive): Map<number, string> {
  const result = new Map<number, string>();
  const xml = zip.readXml("xl/styles.xml");
  if (!xml) return result;
  const formats = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (name === "numFmt") {
        const id = Number(attr(attrs, "numFmtId"));
        const sep = cprFormatSeparator(attr(attrs, "formatCode") ?? "");
        if (sep !== undefined && isFinite(id)) formats.set(id, sep);
      } else if (name === "cellXfs" && !selfClosing) {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        const sep = formats.get(Number(attr(attrs, "numFmtId")));
        if (sep !== undefined) result.set(xf, sep);
        xf++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return result;
}

/** "1.5065037199999999E9" → "1506503720"; other numbers unchanged. */
function numberText(v: string): string {
  // indexOf, not a regex: this runs for every number cell.
  if (v.indexOf("e") < 0 && v.indexOf("E") < 0) return v;
  const n = Number(v);
  return isFinite(n) && Math.floor(n) === n && Math.abs(n) < 1e15 ? String(n) : v;
}

function columnOf(ref: string): string {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  return ref.slice(0, i);
}

/** 0-based column index of a reference's leading letters (`columnOf`), read without slicing. */
function columnIndexOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The `r`, `t` and `s` attributes of the cell being opened (first of each, any prefix), or undefined. */
const CELL: { r: string | undefined; t: string; s: string | undefined } = { r: undefined, t: "", s: undefined };

/**
 * One pass over a `<c>` element's attributes. Every cell of a sheet comes through here, so this
 * replaces three `attr` searches (each an `indexOf` over the string and a slice) with one walk; it
 * reads exactly what `attr(attrs, "r" | "t" | "s")` would.
 */
function readCellAttrs(attrs: string): void {
  CELL.r = undefined;
  CELL.t = "";
  CELL.s = undefined;
  let seenT = false;
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    let local = i;
    while (i < n) {
      const c = attrs.charCodeAt(i);
      if (c === 61 || c <= 32) break;
      if (c === 58) local = i + 1;
      i++;
    }
    const nameEnd = i;
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    if (i >= n || attrs.charCodeAt(i) !== 61 || nameEnd === nameStart) return;
    i++;
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const q = attrs.charCodeAt(i);
    if (q !== 34 && q !== 39) return;
    const end = attrs.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) return;
    if (nameEnd - local === 1) {
      const c = attrs.charCodeAt(local);
      if (c === 114 /* r */ && CELL.r === undefined) CELL.r = decodeXmlText(attrs.slice(i + 1, end));
      else if (c === 116 /* t */ && !seenT) {
        CELL.t = decodeXmlText(attrs.slice(i + 1, end));
        seenT = true;
      } else if (c === 115 /* s */ && CELL.s === undefined) CELL.s = decodeXmlText(attrs.slice(i + 1, end));
    }
    i = end + 1;
  }
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A sheet's print headers and footers (`&L &C &R` codes and text). */
const HEADER_FOOTER_TAGS: ReadonlySet<string> = new Set(["oddHeader", "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter"]);

/** Every tag `scanSheet` acts on: formulas (`f`), row and cell formatting are skipped unread. */
const SHEET_TAGS = ["row", "c", "v", "is", "t", ...HEADER_FOOTER_TAGS];

/**
 * One worksheet: a segment per non-empty cell, plus print headers and footers. `plainCells: false`
 * turns off the fast path (xlsx-plain-cells.ts), for the test that holds both ways equal.
 */
export function scanSheet(
  xml: XmlSource,
  sheet: string,
  shared: readonly string[],
  cprStyles: ReadonlyMap<number, string>,
  ctx: ReadContext,
  options: { readonly plainCells?: boolean } = {},
): void {
  const cprColumns = new Set<string>();
  let ref = "";
  let type = "";
  let style = -1;
  let inCell = false;
  let inV = 0;
  let inIs = 0;
  let inT = 0;
  let v = "";
  let inline = "";
  let inHf = 0;
  let hf = "";
  let hfSection: "header" | "footer" = "header";
  let lastRow = 0;
  let lastCol = -1;

  const emitCell = (): void => {
    let text: string;
    let restored = false;
    if (type === "s") text = shared[Number(v)] ?? "";
    else if (type === "inlineStr") text = inline;
    else if (type === "b" || type === "e") return;
    else if (type === "str" || type === "d") text = v;
    else {
      text = numberText(v.trim());
      // A number with fewer than nine digits can hold no CPR number, not even one that lost its
      // leading zero, and adds nothing to a column's verdict (cpr.ts: only 9–10 digit shapes count).
      // Big sheets are mostly such numbers: not emitting them halves the work on an export.
      if (digitCount(text) < 9) return;
      const sep = cprStyles.get(style);
      if ((text.length === 9 || text.length === 10) && isAllDigits(text) && (sep !== undefined || cprColumns.has(columnOf(ref)))) {
        if (text.length === 9) {
          text = "0" + text;
          restored = true;
        }
        if (sep) text = text.slice(0, 6) + sep + text.slice(6);
      }
    }
    if (type !== "" && type !== "n" && text.length < 64 && CPR_HEADER.test(text)) cprColumns.add(columnOf(ref));
    ctx.emit(text, { kind: "cell", sheet, cell: ref }, restored ? RESTORED : undefined);
  };

  const openRow = (attrs: string): void => {
    const r = Number(attr(attrs, "r"));
    lastRow = isFinite(r) && r > 0 ? r : lastRow + 1;
    lastCol = -1;
  };

  const openCell = (r: string | undefined, t: string, s: string | undefined, selfClosing: boolean): void => {
    // Cells without `r` follow the previous one in the row.
    if (r) {
      ref = r;
      lastCol = columnIndexOf(r);
    } else {
      lastCol++;
      ref = columnName(lastCol) + lastRow;
    }
    type = t;
    style = s === undefined ? -1 : Number(s);
    v = "";
    inline = "";
    inCell = !selfClosing;
  };

  const handler: XmlHandler = {
    open(name, attrs, selfClosing) {
      switch (name) {
        case "row":
          openRow(attrs);
          return;
        case "c":
          readCellAttrs(attrs);
          openCell(CELL.r, CELL.t, CELL.s, selfClosing);
          return;
        case "v":
          if (inCell && !selfClosing) inV++;
          return;
        case "is":
          if (inCell && !selfClosing) inIs++;
          return;
        case "t":
          if (inIs > 0 && !selfClosing) inT++;
          return;
      }
      if (HEADER_FOOTER_TAGS.has(name) && !selfClosing) {
        inHf++;
        hf = "";
        hfSection = name.indexOf("Header") >= 0 ? "header" : "footer";
      }
    },
    close(name) {
      switch (name) {
        case "c":
          if (inCell) emitCell();
          inCell = false;
          return;
        case "v":
          if (inV > 0) inV--;
          return;
        case "is":
          if (inIs > 0) inIs--;
          return;
        case "t":
          if (inT > 0) inT--;
          return;
      }
      if (HEADER_FOOTER_TAGS.has(name) && inHf > 0) {
        inHf--;
        // &L &C &R and font codes are formatting; the rest is text.
        ctx.emit(hf.replace(/&[LCRBIUSEXYKPNDTZGFA]|&"[^"]*"|&[0-9]+/g, " "), { kind: "section", section: hfSection });
      }
    },
    text(raw) {
      if (inV > 0) v += decodeXmlText(raw);
      else if (inT > 0) inline += decodeXmlText(raw);
      else if (inHf > 0) hf += decodeXmlText(raw);
    },
    wantsText: () => inV > 0 || inT > 0 || inHf > 0,
    names: SHEET_TAGS,
  };
  const tick = (): void => ctx.budget.tick();

  const start = options.plainCells !== false && typeof xml === "string" ? plainCellsStart(xml) : -1;
  if (start < 0 || typeof xml !== "string") {
    scanXml(xml, handler, tick);
    return;
  }
  // Up to and including `<sheetData>` the generic way; the plain cells fast; the rest (anything
  // unusual, then headers and footers) the generic way again, from exactly where the fast path
  // stopped. Splitting there changes nothing: both cuts fall just after a tag, outside any cell.
  const head = xml.slice(0, start);
  scanXml(head, handler, tick);
  let rest = start;
  if (!inCell && inV === 0 && inIs === 0 && inT === 0 && inHf === 0) {
    rest = readPlainCells(xml, start, {
      row: openRow,
      cell(r, t, s, rawV, rawInline, selfClosing) {
        openCell(r, t ?? "", s, selfClosing);
        if (selfClosing) return;
        v = rawV ? decodeXmlText(rawV) : "";
        inline = rawInline ? decodeXmlText(rawInline) : "";
        emitCell();
        inCell = false;
      },
      tick,
    });
  }
  scanXml(xml.slice(rest), handler, tick);
}

interface SheetRef {
  readonly name: string;
  readonly part: string;
}

function readSheetList(zip: ZipArchive): SheetRef[] {
  const wb = zip.readXml("xl/workbook.xml");
  if (!wb) return [];
  const relsXml = zip.readText("xl/_rels/workbook.xml.rels");
  const rels = relsXml ? parseRelationships(relsXml) : [];
  const sheets: SheetRef[] = [];
  scanXml(wb, {
    open(name, attrs) {
      if (name !== "sheet") return;
      const sheetName = attr(attrs, "name") ?? "";
      const rid = prefixedAttr(attrs, "id");
      const rel = rels.find((r) => r.id === rid);
      if (rel) sheets.push({ name: sheetName, part: resolvePartPath("xl/workbook.xml", rel.target) });
    },
    close() {},
    text() {},
  });
  return sheets;
}

export function readXlsx(zip: ZipArchive, ctx: ReadContext): void {
  const shared = readSharedStrings(zip, ctx);
  const cprStyles = readCprStyles(zip);
  const sheets = readSheetList(zip);
  const metadata: Place = { kind: "section", section: "metadata" };
  for (const sheet of sheets) {
    ctx.budget.tick();
    // A sheet's name is text the recipient sees too ("150650-3720" as a tab name).
    ctx.emit(sheet.name, metadata);
    // Decoded text, not bytes: a sheet is a value per cell, and the text scanner measured faster
    // on it (xml-text-scanner.ts).
    const xml = zip.readText(sheet.part);
    if (xml) scanSheet(xml, sheet.name, shared, cprStyles, ctx);
    // Comments and drawings hang off the sheet's relationships.
    const relsXml = zip.readText(relsPathFor(sheet.part));
    if (!relsXml) continue;
    for (const r of parseRelationships(relsXml)) {
      if (r.external) {
        ctx.emit(r.target, metadata);
        continue;
      }
      const target = resolvePartPath(sheet.part, r.target);
      if (/\/comments$/.test(r.type) || /threadedComment/.test(r.type)) {
        const x = zip.readXml(target);
        if (x) scanCommentsXml(x, sheet.name, ctx);
      } else if (/\/drawing$/.test(r.type)) {
        const x = zip.readXml(target);
        if (x) scanDrawingXml(x, { kind: "section", section: "textbox" }, ctx);
      }
    }
  }
  // Cached copies of data that may no longer be on any sheet (docs/design/attachment-limits.md §2.4).
  for (const name of zip.names()) {
    if (/^xl\/(pivotCache\/pivotCacheRecords|externalLinks\/externalLink)[^/]*\.xml$/.test(name)) {
      const x = zip.readXml(name);
      if (x) scanValueAttributes(x, ctx);
    } else if (/^xl\/charts\/chart[^/]*\.xml$/.test(name)) {
      const x = zip.readXml(name);
      if (x) scanDrawingXml(x, undefined, ctx);
    }
  }
  readOoxmlCommon(zip, ctx, "xl/embeddings/");
}

/** Comment text, located at the commented cell. */
function scanCommentsXml(xml: XmlSource, sheet: string, ctx: ReadContext): void {
  let ref = "";
  let buf = "";
  let inT = 0;
  scanXml(
    xml,
    {
      open(name, attrs, selfClosing) {
        if ((name === "comment" || name === "threadedComment") && !selfClosing) {
          ref = attr(attrs, "ref") ?? "";
          buf = "";
        } else if ((name === "t" || name === "text") && !selfClosing) inT++;
      },
      close(name) {
        if (name === "comment" || name === "threadedComment") {
          ctx.emit(buf, ref ? { kind: "cell", sheet, cell: ref } : { kind: "section", section: "comment" });
          buf = "";
        } else if (name === "t" || name === "text") inT = Math.max(0, inT - 1);
      },
      text(raw) {
        if (inT > 0) buf += decodeXmlText(raw);
      },
    },
    () => ctx.budget.tick(),
  );
}

/** Pivot caches and external links keep values in `v` attributes of `s`/`n` elements. */
function scanValueAttributes(xml: XmlSource, ctx: ReadContext): void {
  const place: Place = { kind: "section", section: "metadata" };
  scanXml(
    xml,
    {
      open(name, attrs) {
        if (name === "s" || name === "n" || name === "v" || name === "cell") {
          const v = attr(attrs, "v");
          if (v !== undefined) ctx.emit(numberText(v), place);
        }
      },
      close() {},
      text(raw) {
        const t = decodeXmlText(raw).trim();
        if (t) ctx.emit(t, place);
      },
    },
    () => ctx.budget.tick(),
  );
}
