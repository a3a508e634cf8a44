import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { extractAttachments } from "./src/core/extractors/extract";
const decoder = new TextDecoder();
function bigSheet(rows: number): Uint8Array {
  let sheet = "<worksheet><sheetData>";
  for (let r = 1; r <= rows; r++) sheet += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Navn ${r}</t></is></c><c r="B${r}"><v>${100000000 + r}</v></c><c r="C${r}"><v>${r * 3}</v></c></row>`;
  sheet += "</sheetData></worksheet>";
  return zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8(`<workbook xmlns:r="r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`), "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`), "xl/worksheets/sheet1.xml": strToU8(sheet) });
}
const files = unzipSync(new Uint8Array(readFileSync("test/fixtures/attachments/brev.docx")));
const xml = decoder.decode(files["word/document.xml"]); const a = xml.indexOf("<w:body>") + 8; const b = xml.lastIndexOf("<w:sectPr");
files["word/document.xml"] = strToU8(xml.slice(0, a) + xml.slice(a, b).repeat(300) + xml.slice(b));
const docx = zipSync(files, { level: 6 });
const x = bigSheet(40000);
(async () => {
  for (let i = 0; i < 10; i++) {
    let t = performance.now(); await extractAttachments([{ kind: "file", name: "a.docx", bytes: docx }], { limits: {} as never, deadline: Date.now() + 1e6 }); const d = performance.now() - t;
    t = performance.now(); const r = await extractAttachments([{ kind: "file", name: "a.xlsx", bytes: x }], { limits: {} as never, deadline: Date.now() + 1e6 }); const e = performance.now() - t;
    t = performance.now(); unzipSync(docx); const u = performance.now() - t;
    if (i === 9) console.log("docx", d.toFixed(0), "xlsx", e.toFixed(0), r.segments.length, "unzip docx", u.toFixed(0), "xmlMB", (files["word/document.xml"]!.length / 1e6).toFixed(1));
  }
})();
