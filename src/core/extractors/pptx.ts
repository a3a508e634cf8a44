/**
 * .pptx: slides in presentation order (`p:sldIdLst`, not file numbers), each with its speaker
 * notes, comments and charts (docs/design/attachment-limits.md §2.5). In the LibreOffice fixture half of the
 * numbers were in the notes.
 */
import type { ReadContext } from "./context";
import { readOoxmlCommon, scanDrawingXml } from "./ooxml";
import { parseRelationships, prefixedAttr, relsPathFor, resolvePartPath, scanXml } from "./xml";
import type { ZipArchive } from "./zip";

function slideParts(zip: ZipArchive): string[] {
  const pres = zip.readXml("ppt/presentation.xml");
  if (!pres) return [];
  const relsXml = zip.readText("ppt/_rels/presentation.xml.rels");
  const rels = relsXml ? parseRelationships(relsXml) : [];
  const parts: string[] = [];
  scanXml(pres, {
    open(name, attrs) {
      if (name !== "sldId") return;
      const rel = rels.find((r) => r.id === prefixedAttr(attrs, "id"));
      if (rel) parts.push(resolvePartPath("ppt/presentation.xml", rel.target));
    },
    close() {},
    text() {},
  });
  return parts;
}

export async function readPptx(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  const slides = slideParts(zip);
  for (let i = 0; i < slides.length; i++) {
    ctx.budget.tick();
    const part = slides[i] as string;
    const slide = i + 1;
    const xml = await zip.readXmlSliced(part);
    if (xml) await scanDrawingXml(xml, { kind: "slide", slide }, ctx);
    const relsXml = zip.readText(relsPathFor(part));
    if (!relsXml) continue;
    for (const r of parseRelationships(relsXml)) {
      if (r.external) {
        ctx.emit(r.target, { kind: "slide", slide });
        continue;
      }
      const target = resolvePartPath(part, r.target);
      if (/\/notesSlide$/.test(r.type)) {
        const x = await zip.readXmlSliced(target);
        if (x) await scanDrawingXml(x, { kind: "slide", slide, notes: true }, ctx);
      } else if (/\/(comments|chart|diagramData)$/.test(r.type) || /comments/i.test(r.type)) {
        const x = await zip.readXmlSliced(target);
        if (x) await scanDrawingXml(x, { kind: "slide", slide }, ctx);
      }
    }
  }
  await readOoxmlCommon(zip, ctx, "ppt/embeddings/");
}
