/**
 * Pauses inside one office document, PDF, RTF or .msg (budget.ts `Slicing`), not timed. A clock
 * that says "slice used up" at every look makes every pause point a yield, so the count of yields
 * is the count of pause points a reader passed: that bounds the work between two of them (~64 KB
 * of XML or RTF, one inflate push, a megabyte decoded, one PDF page or content stream). Sliced or
 * not, a reader reads the same text; a host that abandons at a yield ends the attachment there.
 */
import { unzipSync } from "fflate";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { bigDocx, bigOdt, bigRtf, bigXlsx } from "../../../test/helpers/big-documents";
import { manyObjectsPdf, writePdf } from "../../../test/helpers/hostile-pdf";
import { compressRtf, makeMsg } from "../../../test/helpers/msg-writer";
import { realisticPdf } from "../../../test/helpers/realistic-pdf";
import { Budget } from "./budget";
import { extractAttachments, type Extraction } from "./extract";
import { effectiveLimits, INFLATE_CHUNK_BYTES } from "./limits";
import { PdfDocument } from "./pdf-objects";
import { xmlPartText, xmlPartTextSteps } from "./xml-encoding";
import { readZipDirectory } from "./zip";
import { extractSliced } from "../../../test/helpers/extract-sliced";


const extractWhole = (name: string, bytes: Uint8Array): Promise<Extraction> =>
  extractAttachments([{ kind: "file", name, bytes }], { limits: DEFAULT_POLICY.limits, deadline: Date.now() + 60_000 });

const KB64 = 65536;
const part = (zip: Uint8Array, name: string): number => (unzipSync(zip)[name] as Uint8Array).length;
const budget = (): Budget => new Budget(effectiveLimits(undefined), Date.now() + 60_000, () => Date.now());

/** Inflate pushes of a deflated entry: one per INFLATE_CHUNK_BYTES of its compressed bytes. */
function pushes(zip: Uint8Array, name: string): number {
  const e = readZipDirectory(zip, budget()).find((x) => x.name === name);
  return Math.ceil((e?.compressedSize ?? 0) / INFLATE_CHUNK_BYTES);
}

/** One page whose /Contents is `streams` content streams, each a line of text. */
function pageOfStreams(streams: number): Uint8Array {
  const refs = Array.from({ length: streams }, (_, i) => `${5 + i} 0 R`).join(" ");
  const objects: Array<string | [string, string]> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents [${refs}] >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  for (let i = 0; i < streams; i++) objects.push(["", `BT /F1 12 Tf 72 ${800 - i * 14} Td (Linje ${i + 1}) Tj ET`]);
  return writePdf(objects);
}

const docxStored = bigDocx(2_000, 0);
const docxDeflated = bigDocx(2_000);
const xlsxStored = bigXlsx(12_000, 0);
const odtStored = bigOdt(8_000, 0);
const rtf = bigRtf(6_000);
const rtfInMsg = bigRtf(3_000);
const msg = makeMsg({ subject: "Sag", compressedRtf: compressRtf(rtfInMsg), attachment: { name: "bilag.txt", data: new Uint8Array(Buffer.from("Bilag til sagen")) } });
const pdfPages = realisticPdf(7, 40, 1_000);
const pdfStreams = pageOfStreams(30);

/** [what, name, bytes, the fewest yields its pause points give]. One yield is the one before the attachment. */
const CASES: Array<[string, string, Uint8Array, number]> = [
  ["docx, part stored: the byte scanner every 64 KB", "stor.docx", docxStored, Math.floor(part(docxStored, "word/document.xml") / KB64)],
  [
    "docx, part deflated: and after every inflate push",
    "stor.docx",
    docxDeflated,
    Math.floor(part(docxDeflated, "word/document.xml") / KB64) + pushes(docxDeflated, "word/document.xml") - 1,
  ],
  ["xlsx, sheet stored: the fast path every 64 KB", "stor.xlsx", xlsxStored, Math.floor(part(xlsxStored, "xl/worksheets/sheet1.xml") / KB64)],
  ["odt, content stored: the text scanner every 64 KB", "stor.odt", odtStored, Math.floor(part(odtStored, "content.xml") / KB64)],
  ["rtf: every 64 KB", "stor.rtf", rtf, Math.floor(rtf.length / KB64)],
  // Exact: after the file is parsed, before its RTF body, every 64 KB of it, before its attachment
  // (then the nested file's own pause in extract.ts).
  ["msg with an RTF body: the RTF body every 64 KB", "brev.msg", msg, Math.floor(rtfInMsg.length / KB64) + 5],
  ["pdf: between pages", "stor.pdf", pdfPages, 40],
  ["pdf: between the content streams of a page", "linjer.pdf", pdfStreams, 30],
];

describe("a big document yields inside the one attachment, and reads what it reads whole", () => {
  it.each(CASES)("%s", async (_what, name, bytes, fewest) => {
    const { r, yields } = await extractSliced(name, bytes);
    expect(r.unreadable).toEqual([]);
    expect(fewest).toBeGreaterThanOrEqual(5);
    if (process.env.SHOW_YIELDS) console.log(`${_what}: ${yields} yields, fewest ${fewest}`);
    expect(yields).toBeGreaterThanOrEqual(fewest);
    expect(r.segments).toEqual((await extractWhole(name, bytes)).segments);
  });
});

describe("a Send that arrives mid-attachment takes over at the next yield", () => {
  it.each(CASES)("%s", async (_what, name, bytes) => {
    const { r, yields } = await extractSliced(name, bytes, 3);
    // Asked at every yield: the third said stop, and nothing of the reader ran on to a fourth.
    expect(yields).toBe(3);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: name, why: "timeout", limit: "SEND_BUDGET_MS" }]);
  });
});

describe("the steps under the readers", () => {
  it("a big UTF-8 part decodes a megabyte at a time to exactly the text decoded whole", () => {
    // Multi-byte characters (2, 3 and 4 bytes) everywhere, so cuts fall next to them; a mark first.
    const body = "<p>Ærø – søn 😀 ".repeat(200_000);
    const bytes = new Uint8Array(Buffer.from(`\ufeff<?xml version="1.0" encoding="UTF-8"?><doc>${body}</doc>`, "utf8"));
    const steps = xmlPartTextSteps(bytes);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBe(Math.ceil(bytes.length / (1 << 20)) - 1);
    expect(r.value).toBe(xmlPartText(bytes));
  });

  it("a part without a single ASCII byte for megabytes still decodes in steps, to the same text", () => {
    const bytes = new Uint8Array(Buffer.from(`<a>${"æ".repeat(1_600_000)}</a>`, "utf8"));
    const steps = xmlPartTextSteps(bytes);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(r.value).toBe(xmlPartText(bytes));
  });

  it.each([
    ["a U+FEFF", [0xef, 0xbb, 0xbf]],
    ["a 4-byte character", [0xf0, 0x9f, 0x98, 0x80]],
    ["stray continuation bytes", [0x80, 0x80, 0x80, 0x80, 0x80]],
    ["a lead byte without its last byte", [0xe2, 0x82]],
  ])("%s at every offset around a megabyte cut gives the text decoded whole", (_, piece) => {
    for (let shift = -6; shift <= 6; shift++) {
      // Two-byte characters up to the cut, so the piece's own bytes straddle it at some shift.
      const head = Buffer.from("<a>" + "ø".repeat(1 << 19), "utf8").subarray(0, (1 << 20) + shift);
      const bytes = new Uint8Array(Buffer.concat([head, Buffer.from(piece), Buffer.from("ø</a>" + "x".repeat(1 << 20), "utf8")]));
      const steps = xmlPartTextSteps(bytes);
      let r = steps.next();
      while (!r.done) r = steps.next();
      expect(r.value).toBe(xmlPartText(bytes));
    }
  });

  it("a PDF opens in steps: per megabyte decoded and per 256 objects indexed", () => {
    const count = 3_000;
    const bytes = manyObjectsPdf(count);
    const steps = PdfDocument.open(bytes, budget());
    let yields = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(Math.floor(count / 256) + Math.floor(bytes.length / (1 << 20)));
  });

  it("a PDF of many streams yields while it looks for object streams among them, too", () => {
    const count = 3_000;
    const streams: Array<readonly [string, string]> = [];
    for (let i = 0; i < count; i++) streams.push(["", `x${i}`]);
    const bytes = writePdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>", ...streams]);
    const steps = PdfDocument.open(bytes, budget());
    let yields = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) yields++;
    // Once per 256 objects indexed, and once per 256 streams parsed to see whether one is an ObjStm.
    expect(yields).toBeGreaterThanOrEqual(2 * Math.floor(count / 256));
  });

  it("a PDF bigger than a megabyte yields while it is decoded, before any object is indexed", () => {
    const bytes = writePdf(["<< /Type /Catalog /Pages 2 0 R >>", ["", "% padding\n".repeat(250_000)]]);
    const steps = PdfDocument.open(bytes, budget());
    let yields = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(Math.ceil(bytes.length / (1 << 20)));
  });
});
