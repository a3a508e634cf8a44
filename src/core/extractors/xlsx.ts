/**
 * .xlsx: one segment per non-empty cell, located as sheet name + A1 reference (docs/design/attachment-limits.md §2.4).
 * Not SheetJS: the npm build is frozen at a version with CVEs on exactly this workload. A sheet is
 * read in xlsx-sheet.ts, the parts around it (shared strings, styles, comments) in xlsx-parts.ts.
 */
import type { Place } from "../location";
import type { ReadContext } from "./context";
import { readOoxmlCommon, scanDrawingXml } from "./ooxml";
import { attr, parseRelationships, prefixedAttr, relsPathFor, resolvePartPath, scanXml } from "./xml";
import { readCprStyles, readSharedStrings, scanCommentsXml, scanValueAttributes } from "./xlsx-parts";
import { scanSheet } from "./xlsx-sheet";
import type { ZipArchive } from "./zip";

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

export async function readXlsx(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  const shared = await readSharedStrings(zip, ctx);
  const cprStyles = await readCprStyles(zip, ctx);
  const sheets = readSheetList(zip);
  const metadata: Place = { kind: "section", section: "metadata" };
  for (const sheet of sheets) {
    ctx.budget.tick();
    // A sheet's name is text the recipient sees too ("150650-3720" as a tab name).
    ctx.emit(sheet.name, metadata);
    // Decoded text, not bytes: a sheet is a value per cell, and the text scanner measured faster
    // on it (xml-text-scanner.ts).
    const xml = await zip.readTextSliced(sheet.part);
    if (xml) await scanSheet(xml, sheet.name, shared, cprStyles, ctx);
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
        const x = await zip.readXmlSliced(target);
        if (x) await scanCommentsXml(x, sheet.name, ctx);
      } else if (/\/drawing$/.test(r.type)) {
        const x = await zip.readXmlSliced(target);
        if (x) await scanDrawingXml(x, { kind: "section", section: "textbox" }, ctx);
      }
    }
  }
  // Cached copies of data that may no longer be on any sheet (docs/design/attachment-limits.md §2.4).
  for (const name of zip.names()) {
    if (/^xl\/(pivotCache\/pivotCacheRecords|externalLinks\/externalLink)[^/]*\.xml$/.test(name)) {
      const x = await zip.readXmlSliced(name);
      if (x) await scanValueAttributes(x, ctx);
    } else if (/^xl\/charts\/chart[^/]*\.xml$/.test(name)) {
      const x = await zip.readXmlSliced(name);
      if (x) await scanDrawingXml(x, undefined, ctx);
    }
  }
  await readOoxmlCommon(zip, ctx, "xl/embeddings/");
}
