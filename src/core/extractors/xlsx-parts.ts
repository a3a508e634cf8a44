/**
 * The workbook parts of an .xlsx around its sheets: the shared strings, the styles (which number
 * formats show a CPR number), cell comments, and the cached values of pivot tables and external
 * links (docs/design/attachment-limits.md §2.4).
 */
import type { Place } from "../location";
import type { ReadContext } from "./context";
import type { XmlSource } from "./xml";
import { attr, decodeXmlText, scanXmlSliced } from "./xml";
import { numberText } from "./xlsx-cell-text";
import type { ZipArchive } from "./zip";

/** A number format that displays ten digits with leading zeros: `000000-0000`, `0000000000`. */
function cprFormatSeparator(formatCode: string): string | undefined {
  const code = formatCode.replace(/["\\]/g, "");
  const m = /^0{6}([- ]?)0{4}$/.exec(code);
  return m ? (m[1] as string) : undefined;
}

/** The shared string table, one string per `si` (phonetic runs left out). */
export async function readSharedStrings(zip: ZipArchive, ctx: ReadContext): Promise<string[]> {
  const xml = await zip.readXmlSliced("xl/sharedStrings.xml");
  const out: string[] = [];
  if (!xml) return out;
  let cur = "";
  let inSi = false;
  let inT = 0;
  let inPhonetic = 0;
  await scanXmlSliced(
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
    ctx.budget,
  );
  return out;
}

/** Style index → separator of a CPR-like number format (only for styles that have one). */
export async function readCprStyles(zip: ZipArchive, ctx: ReadContext): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  const xml = await zip.readXmlSliced("xl/styles.xml");
  if (!xml) return result;
  const formats = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  await scanXmlSliced(xml, {
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
  }, ctx.budget);
  return result;
}

/** Comment text, located at the commented cell. */
export async function scanCommentsXml(xml: XmlSource, sheet: string, ctx: ReadContext): Promise<void> {
  let ref = "";
  let buf = "";
  let inT = 0;
  await scanXmlSliced(
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
    ctx.budget,
  );
}

/** Pivot caches and external links keep values in `v` attributes of `s`/`n` elements. */
export async function scanValueAttributes(xml: XmlSource, ctx: ReadContext): Promise<void> {
  const place: Place = { kind: "section", section: "metadata" };
  await scanXmlSliced(
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
    ctx.budget,
  );
}
