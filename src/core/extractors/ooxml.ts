/**
 * What every OOXML package shares, whichever application wrote it (docs/design/attachment-limits.md
 * §2.3-2.5): metadata parts, DrawingML text (charts, SmartArt, shapes, slides), the main part named
 * by the package relationships, external relationship targets and embedded files. Word, Excel and
 * PowerPoint readers build on it; ODF reuses the metadata scanner for meta.xml.
 */
import type { Place } from "../location";
import type { ReadContext } from "./context";
import type { XmlSource } from "./xml";
import { attr, decodeXmlText, parseRelationships, relsPathFor, resolvePartPath, scanXmlSliced } from "./xml";
import type { ZipArchive } from "./zip";

/** Metadata parts (docProps, custom XML, docVars): every element's text and every `val` attribute. */
export async function scanMetadataXml(xml: XmlSource, ctx: ReadContext): Promise<void> {
  let buf = "";
  const place: Place = { kind: "section", section: "metadata" };
  await scanXmlSliced(
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
    ctx.budget,
  );
  ctx.emit(buf, place);
}

/** DrawingML text (charts, SmartArt, shapes): `a:p` paragraphs of `a:t` runs, plus chart `c:v` values. */
export async function scanDrawingXml(xml: XmlSource, place: Place | undefined, ctx: ReadContext): Promise<void> {
  let para = "";
  let inT = 0;
  let inV = 0;
  let v = "";
  await scanXmlSliced(
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
    ctx.budget,
  );
  ctx.emit(para, place);
}

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
export async function readOoxmlCommon(zip: ZipArchive, ctx: ReadContext, embeddingsFolder: string): Promise<void> {
  for (const name of zip.names()) {
    if (/^docProps\/(core|app|custom)\.xml$/.test(name) || /^customXml\/item\d*\.xml$/.test(name)) {
      const xml = await zip.readXmlSliced(name);
      if (xml) await scanMetadataXml(xml, ctx);
    } else if (name.indexOf(embeddingsFolder) === 0 && !zip.entry(name)?.isDirectory) {
      const bytes = await zip.readSliced(name);
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
