/**
 * Big office documents of a chosen size, generated seeded: a .docx, an .xlsx, an .odt and an .rtf
 * whose one main part grows with `n` (paragraphs or rows). The slicing tests use small ones (a few
 * hundred KB: several pause points already), the pre-scan bench big ones (tens of MB of XML).
 * No CPR-like number in them: every byte is read, nothing stops a scan early. `level` 0 stores the
 * main part uncompressed (a test of the scanner's pauses alone, without the inflater's).
 */
import { strToU8, zipSync } from "fflate";
import { mulberry32 } from "./seeded-random";

const WORDS = "borgeren kommunen sagsbehandler ansøgning bevilling hjælp økonomi ydelse afgørelse klage møde jobcenter handleplan forvaltningen partshøring aktindsigt journalnotat og i at det en til er som på de med for ikke".split(" ");

function sentence(random: () => number, chars: number): string {
  let out = "";
  while (out.length < chars) out += `${WORDS[Math.floor(random() * WORDS.length)]!} `;
  return out.trim();
}

const CT = (main: string, type: string): Uint8Array =>
  strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${main}" ContentType="${type}"/></Types>`);

/** A .docx of `n` paragraphs, each a few runs with run properties, as Word writes them (~560 bytes each). */
export function bigDocx(n: number, level: 0 | 6 = 6, seed = 13): Uint8Array {
  const random = mulberry32(seed);
  const rPr = '<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr>';
  const paras: string[] = [];
  for (let i = 0; i < n; i++) {
    const runs = [0, 1, 2].map(() => `<w:r>${rPr}<w:t xml:space="preserve">${sentence(random, 40)} </w:t></w:r>`).join("");
    paras.push(`<w:p w:rsidR="00A1${i % 10}F2" w:rsidRDefault="00A1B2C3"><w:pPr><w:spacing w:after="120"/></w:pPr>${runs}</w:p>`);
  }
  return zipSync(
    {
      "[Content_Types].xml": CT("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
      "word/document.xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras.join("")}</w:body></w:document>`,
      ),
    },
    { level },
  );
}

/** An .xlsx of `n` rows: a name, a nine-digit case number and an amount per row (~150 bytes each). */
export function bigXlsx(n: number, level: 0 | 6 = 6): Uint8Array {
  const rows: string[] = [];
  for (let r = 1; r <= n; r++) {
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Navn ${r}</t></is></c><c r="B${r}"><v>${200000000 + r}</v></c><c r="C${r}"><v>${r * 3}</v></c></row>`);
  }
  return zipSync(
    {
      "[Content_Types].xml": CT("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
      "xl/workbook.xml": strToU8('<workbook xmlns:r="r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`),
    },
    { level },
  );
}

/** An .odt of `n` paragraphs (~150 bytes each). */
export function bigOdt(n: number, level: 0 | 6 = 6, seed = 14): Uint8Array {
  const random = mulberry32(seed);
  const paras: string[] = [];
  for (let i = 0; i < n; i++) paras.push(`<text:p text:style-name="P1">${sentence(random, 80)} <text:span text:style-name="T1">${sentence(random, 30)}</text:span></text:p>`);
  return zipSync(
    {
      mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "content.xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>${paras.join("")}</office:text></office:body></office:document-content>`,
      ),
    },
    { level },
  );
}

/** An .rtf of `n` paragraphs in groups with formatting (~130 bytes each), Danish letters as `\'hh`. */
export function bigRtf(n: number, seed = 15): Uint8Array {
  const random = mulberry32(seed);
  const parts = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}\n"];
  for (let i = 0; i < n; i++) {
    const text = sentence(random, 90).replace(/æ/g, "\\'e6").replace(/ø/g, "\\'f8").replace(/å/g, "\\'e5");
    parts.push(`{\\pard\\sa120\\f0\\fs22 ${text}\\par}\n`);
  }
  parts.push("}");
  return strToU8(parts.join(""), true);
}
