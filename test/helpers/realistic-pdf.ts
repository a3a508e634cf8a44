/**
 * A realistic case-file PDF, generated seeded: 20 pages of Flate-compressed text in two fonts
 * (one with a ToUnicode CMap), and on every page a photo (a DCT-labelled image stream of
 * incompressible bytes, as JPEG data is), ~1.9 MB in all, the way a scanned-and-typed letter from
 * a word processor weighs. Used by the PDF bench (ours against pdf.js) and by the test that the
 * reader's text does not change.
 */
import { strToU8, zlibSync } from "fflate";
import { concatBytes } from "../../src/core/extractors/concat-bytes";
import { mulberry32 } from "./seeded-random";

const WORDS = "borgeren kommunen sagsbehandler ansoegning bevilling hjaelp oekonomi ydelse afgoerelse klage moede jobcenter handleplan forvaltningen partshoering aktindsigt journalnotat og i at det en til er som paa de med for ikke".split(" ");

function line(random: () => number): string {
  let out = "";
  while (out.length < 80) out += `${WORDS[Math.floor(random() * WORDS.length)]!} `;
  if (random() < 0.3) out += `sagsnr. ${Math.floor(random() * 90000) + 10000}`;
  return out.trim();
}

// Identity-mapped glyph codes 0x21..0x7E → the same Unicode: enough for a real ToUnicode parse.
const TO_UNICODE = [
  "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
  "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
  "1 begincodespacerange <00> <FF> endcodespacerange",
  "1 beginbfrange <20> <7E> <0020> endbfrange",
  "endcmap CMapName currentdict /CMap defineresource pop end end",
].join("\n");

export function realisticPdf(seed = 1900, pages = 20, imageBytes = 97_500): Uint8Array {
  const random = mulberry32(seed);
  const objects: Uint8Array[] = [];
  const add = (body: Uint8Array): number => objects.push(body);
  const text = (s: string): number => add(strToU8(s, true));
  const stream = (dict: string, data: Uint8Array): number =>
    add(concatBytes([strToU8(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, strToU8("\nendstream")]));

  text("<< /Type /Catalog /Pages 2 0 R >>"); // 1
  const first = 6;
  const perPage = 3; // page, contents, image
  text(`<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${first + i * perPage} 0 R`).join(" ")}] /Count ${pages} >>`); // 2
  text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"); // 3
  text("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding /ToUnicode 5 0 R >>"); // 4
  stream("/Filter /FlateDecode", zlibSync(strToU8(TO_UNICODE))); // 5
  for (let p = 0; p < pages; p++) {
    const page = first + p * perPage;
    text(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << /Im1 ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >>`,
    );
    const ops = ["q 200 0 0 150 50 620 cm /Im1 Do Q"];
    for (let l = 0; l < 34; l++) ops.push(`BT /F${1 + (l % 2)} 10 Tf 50 ${600 - l * 16} Td (${line(random)}) Tj ET`);
    stream("/Filter /FlateDecode", zlibSync(strToU8(ops.join("\n")), { level: 6 }));
    const photo = new Uint8Array(imageBytes);
    for (let i = 0; i < photo.length; i++) photo[i] = Math.floor(random() * 256);
    photo[0] = 0xff;
    photo[1] = 0xd8;
    stream("/Type /XObject /Subtype /Image /Width 640 /Height 480 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode", photo);
  }

  const chunks: Uint8Array[] = [strToU8("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", true)];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const open = strToU8(`${i + 1} 0 obj\n`);
    const close = strToU8("\nendobj\n");
    chunks.push(open, body, close);
    offset += open.length + body.length + close.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  chunks.push(strToU8(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return concatBytes(chunks);
}
