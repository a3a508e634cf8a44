/**
 * Attachment extraction per format against its floors, measured in the same run, alternately
 * (targets: ≤ 1.3× the place floor for every format, docx/odt ≤ 1.5× bare), plus peak
 * memory for a 25 MB attachment, the PDF readers against pdf.js on the fixtures, and zip bombs.
 *
 *   npm run bench -- extract
 *
 * Floors (bench/floors.ts): bare = fflate `unzipSync` + TextDecoder of exactly the parts ours
 * read (bench/parts-read.ts records them), TextDecoder alone for csv; place = bare + the least
 * work that gives each finding its place (text runs, slide order, cells, line ends). Inputs are
 * built here from the committed fixtures, scaled up (and their text varied, seeded) so one run
 * takes long enough to time.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { extractAttachments } from "../src/core/extractors/extract";
import type { PdfTextReader } from "../src/core/extractors/extract";
import type { Limits } from "../src/core/policy/policy";
import { createPdfjsReader } from "../src/core/extractors/pdfjs-reader";
import { loadPdfjs } from "../src/cli/pdfjs-text";
import { mulberry32 } from "../test/helpers/seeded-random";
import { bareParts, cellsFloor, documentFloor, linesFloor, odsCellsFloor, slidesFloor } from "./floors";
import { partsRead } from "./parts-read";
import { alternate, header, infoRow, ratioRow } from "./rows";

const FIX = join(__dirname, "..", "test", "fixtures", "attachments");
const LIMITS: Limits = { sendBudgetMs: 4000, maxAttachmentBytes: 25 << 20, maxInflatedBytes: 128 << 20, maxArchiveEntries: 10000, maxNestingDepth: 3 };
const MB = 1 << 20;
const decoder = new TextDecoder();

function time(fn: () => unknown | Promise<unknown>, minMs = 400): Promise<number> {
  return (async () => {
    await fn(); // warm-up
    const times: number[] = [];
    const start = performance.now();
    while (times.length < 5 || performance.now() - start < minMs) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
      if (times.length >= 50) break;
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] as number;
  })();
}

const extract = (name: string, bytes: Uint8Array, pdf?: PdfTextReader) =>
  extractAttachments([{ kind: "file", name, bytes }], { limits: LIMITS, deadline: Date.now() + 600_000, ...(pdf ? { pdf } : {}) });

const WORDS = "borgeren har søgt om hjælp til sagen efter servicelovens § 85 kommunen afgørelse bevilget afslag klage ankestyrelsen ydelse bolig børn familie jobcenter sygedagpenge tilbud".split(" ");

/**
 * Every text node with a letter in it replaced by seeded random words of about the same length:
 * a long letter, not one page repeated. Repeated pages compress 100:1, which makes inflating
 * unrealistically cheap next to everything else; varied text compresses like real documents.
 */
function varyText(body: string, seed: number): string {
  const rnd = mulberry32(seed);
  return body.replace(/>([^<]*[A-Za-zæøå][^<]*)</g, (_m, text: string) => {
    let out = "";
    while (out.length < text.length) out += (out ? " " : "") + (rnd() < 0.1 ? String(Math.floor(rnd() * 100000)) : (WORDS[Math.floor(rnd() * WORDS.length)] as string));
    return ">" + out + "<";
  });
}

/** A bigger package: the fixture's main XML part with its body repeated `times` times (optionally varied). */
function scaleZip(file: string, part: string, open: string, close: string, times: number, varied = false): Uint8Array {
  const files = unzipSync(new Uint8Array(readFileSync(join(FIX, file))));
  const xml = decoder.decode(files[part]);
  const a = xml.indexOf(open) + open.length;
  const b = xml.lastIndexOf(close);
  const body = xml.slice(a, b).repeat(times);
  files[part] = strToU8(xml.slice(0, a) + (varied ? varyText(body, 4711) : body) + xml.slice(b));
  return zipSync(files, { level: 6 });
}

/**
 * A register extract: `rows` rows of a name, a 9-digit number and a small number. Plain markup as
 * Excel and LibreOffice write it takes the fast path (xlsx-plain-cells.ts); with a namespace
 * prefix on every tag, as some generators write it, the generic scanner reads every cell.
 */
function bigSheet(rows: number, prefix = ""): Uint8Array {
  const x = prefix ? prefix + ":" : "";
  let sheet = `<${x}worksheet${prefix ? ` xmlns:${prefix}="s"` : ""}><${x}sheetData>`;
  for (let r = 1; r <= rows; r++) {
    sheet += `<${x}row r="${r}"><${x}c r="A${r}" t="inlineStr"><${x}is><${x}t>Navn ${r}</${x}t></${x}is></${x}c>`;
    sheet += `<${x}c r="B${r}"><${x}v>${100000000 + r}</${x}v></${x}c><${x}c r="C${r}"><${x}v>${r * 3}</${x}v></${x}c></${x}row>`;
  }
  sheet += `</${x}sheetData></${x}worksheet>`;
  return zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  });
}

function row(cells: Array<string | number>): string {
  return cells.map((c) => (typeof c === "number" ? c.toFixed(2) : c).toString().padEnd(13)).join(" | ");
}

export async function bench(): Promise<void> {
  // Peak memory first, before other work raises the process's high-water mark.
  const csvLine = "Anna Ørsted;Randersvej 12;8900;Randers C;150375-6125;bemærkning om sagen\r\n";
  const csvFull = strToU8(csvLine.repeat(Math.ceil((25 * MB) / csvLine.length)));
  const csv = csvFull.subarray(0, csvFull.lastIndexOf(10, 25 * MB - 1) + 1);
  const csvZip = zipSync({ "eksport.csv": csv }, { level: 6 });
  for (const [label, name, bytes] of [
    [`${(csv.length / MB).toFixed(1)} MB CSV`, "stor.csv", csv],
    [`${(csvZip.length / MB).toFixed(1)} MB zip holding that CSV`, "stor.zip", csvZip],
  ] as const) {
    const before = process.resourceUsage().maxRSS;
    const heap0 = process.memoryUsage();
    const t = performance.now();
    const r = await extract(name, bytes);
    const ms = performance.now() - t;
    const heap1 = process.memoryUsage();
    const peak = (process.resourceUsage().maxRSS - before) / 1024;
    console.log(
      `${label}: ${ms.toFixed(0)} ms, ${r.segments.length} segments, unreadable=${JSON.stringify(r.unreadable.map((u) => u.why))}, ` +
        `peak RSS growth ${peak.toFixed(0)} MB, heap+buffers after ${((heap1.heapUsed + heap1.arrayBuffers - heap0.heapUsed - heap0.arrayBuffers) / MB).toFixed(0)} MB`,
    );
  }

  // Each format against its floors, all three run alternately (bench/floors.ts says what each
  // floor does): bare = the library inflating and decoding exactly the parts ours read (recorded
  // from a run of ours, so never a slide master, theme or notes rels ours skips); place = bare +
  // the least work that gives each finding its place. Targets: ≤ 1.3× the place floor for every
  // format; docx and odt also ≤ 1.5× bare.
  console.log(`\nper format, ours against its floors (medians and ranges, ours and both floors alternating)`);
  header();
  const sheet = bigSheet(40_000);
  const cases: Array<[string, string, Uint8Array, (b: Uint8Array, p: ReadonlySet<string>) => number, string]> = [
    ["docx", "stor.docx", scaleZip("brev.docx", "word/document.xml", "<w:body>", "<w:sectPr", 300), documentFloor, "text runs"],
    ["docx varied", "lang.docx", scaleZip("brev.docx", "word/document.xml", "<w:body>", "<w:sectPr", 300, true), documentFloor, "text runs"],
    ["odt", "stor.odt", scaleZip("brev.odt", "content.xml", "<office:text>", "</office:text>", 300), documentFloor, "text runs"],
    ["odt varied", "lang.odt", scaleZip("brev.odt", "content.xml", "<office:text>", "</office:text>", 300, true), documentFloor, "text runs"],
    ["xlsx", "stor.xlsx", sheet, cellsFloor, "cells"],
    ["xlsx prefixed", "stor-x.xlsx", bigSheet(40_000, "x"), cellsFloor, "cells"],
    ["pptx", "dias.pptx", new Uint8Array(readFileSync(join(FIX, "dias.pptx"))), slidesFloor, "slide order + text runs"],
    ["pptx varied", "lang.pptx", scaleZip("dias.pptx", "ppt/slides/slide1.xml", "<p:spTree>", "</p:spTree>", 300, true), slidesFloor, "slide order + text runs"],
    ["ods", "liste.ods", new Uint8Array(readFileSync(join(FIX, "liste.ods"))), odsCellsFloor, "cells"],
    ["ods varied", "lang.ods", scaleZip("liste.ods", "content.xml", 'table:default-cell-style-name="Default"/>', "</table:table>", 2000, true), odsCellsFloor, "cells"],
  ];
  for (const [fmt, name, bytes, placeFloor, placeWork] of cases) {
    const parts = await partsRead(name, bytes);
    const [ours, bare, place] = await alternate([() => extract(name, bytes), () => bareParts(bytes, parts), () => placeFloor(bytes, parts)]);
    const label = `${fmt} (${(bytes.length / MB).toFixed(2)} MB, ${parts.size} parts read)`;
    ratioRow(`${label} vs place floor`, ours!, place!, "ms", `bare + ${placeWork}`, 1.3);
    if (/^(docx|odt)/.test(fmt)) ratioRow(`${label} vs bare`, ours!, bare!, "ms", "unzip+decode of the parts read", 1.5);
    else infoRow(`${label} vs bare`, ours!, bare!, "ms", "unzip+decode of the parts read", "(for scale)");
  }
  {
    const csvSmall = csv.subarray(0, 4 * MB);
    const [ours, bare, place] = await alternate([() => extract("a.csv", csvSmall), () => decoder.decode(csvSmall).length, () => linesFloor(csvSmall)]);
    const label = `csv (${(csvSmall.length / MB).toFixed(2)} MB)`;
    ratioRow(`${label} vs place floor`, ours!, place!, "ms", "decode + line ends counted", 1.3);
    infoRow(`${label} vs bare`, ours!, bare!, "ms", "decode", "(for scale)");
  }

  // PDF: our mini reader and our pdf.js adapter, each against bare pdf.js text on the same files.
  console.log("\n" + row(["pdf", "input MB", "mini ms", "pdf.js ms", "mini/bare", "adapter/bare"]) + "   (bare = raw pdf.js getTextContent)");
  const pdfjs = createPdfjsReader(loadPdfjs);
  const dyn = new Function("s", "return import(s)") as (s: string) => Promise<{ getDocument: (o: object) => { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<unknown> }> }>; destroy(): Promise<void> } }>;
  const lib = await dyn("pdfjs-dist/legacy/build/pdf.mjs");
  for (const f of ["brev.pdf", "brev-gs.pdf", "brev-objstm.pdf", "brev-cairo.pdf"]) {
    const bytes = new Uint8Array(readFileSync(join(FIX, f)));
    const bare = await time(async () => {
      const task = lib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
      const doc = await task.promise;
      for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
      await task.destroy();
    });
    const mini = await time(() => extract(f, bytes));
    const adapter = await time(() => extract(f, bytes, pdfjs));
    console.log(row([f, bytes.length / MB, mini, bare, mini / bare, adapter / bare]));
  }

  // Bombs: time to a verdict.
  const { buildZip, zeroDeflate } = await import("../test/helpers/zip-builder");
  const bomb = zeroDeflate(1 << 30);
  for (const [label, size] of [["1 GiB bomb, honest header", 1 << 30], ["1 GiB bomb, header says 1,000 B", 1000]] as const) {
    const zip = buildZip([{ name: "nuller.bin", data: bomb, method: 8, size }]);
    const t = performance.now();
    const r = await extract("bombe.zip", zip);
    console.log(`${label}: ${(performance.now() - t).toFixed(1)} ms → ${r.unreadable.map((u) => u.why).join(",")}, real bytes inflated ${r.peaks.inflatedBytes}`);
  }
}
