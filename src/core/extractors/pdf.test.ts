/**
 * The mini PDF reader against pdf.js (the condition for using a smaller extractor in
 * classic Outlook): on PDFs from several producers it must find, page by page, every CPR-shaped
 * number pdf.js finds; the same files re-encoded in LZW and RunLength, and one-page PDFs in other
 * filter and predictor chains, hold it to that too. pdf.js is ESM-only and jest runs CommonJS here, so pdf.js runs in a child
 * process through the CLI's reader (src/cli/pdfjs-text.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zlibSync } from "fflate";
import { flatText, maskedNumbers } from "../../../test/helpers/cpr-like-numbers";
import type { Refilter } from "../../../test/helpers/pdf-refilter";
import { manyCharsPdf, writePdf } from "../../../test/helpers/hostile-pdf";
import { lzwEncode, onePagePdf, pngPredict, refilterPdf, runLengthEncode } from "../../../test/helpers/pdf-refilter";
import { Budget } from "./budget";
import { extractAttachments } from "./extract";
import { effectiveLimits } from "./limits";
import type { PdfReadResult } from "./pdf";
import { pageSegment, readPdfMini } from "./pdf";
import { parseToUnicode } from "./pdf-fonts";

const ROOT = join(__dirname, "..", "..", "..");
const DIR = join(ROOT, "test", "fixtures", "attachments");
const PRODUCERS = ["brev.pdf", "brev-gs.pdf", "brev-objstm.pdf", "brev-cairo.pdf"];
const ALL = [...PRODUCERS, "krypteret.pdf", "scannet.pdf", "afkortet.pdf"];

const budget = (): Budget => new Budget(effectiveLimits(undefined), Date.now() + 60_000, () => Date.now());

function numbersByPage(result: PdfReadResult): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const p of result.pages) out.set(p.page, maskedNumbers(flatText(pageSegment(p.lines))));
  return out;
}

// The same producers' files with every Flate stream re-encoded in a filter older producers (and
// some scanners' OCR layers) write; pdf.js reads them all, so the mini reader must too.
const REFILTERS: ReadonlyArray<[string, Refilter]> = [
  ["lzw", { filter: "LZWDecode", earlyChange: 1 }],
  ["lzw-early0", { filter: "LZWDecode", earlyChange: 0 }],
  ["rl", { filter: "RunLengthDecode" }],
];
const REFILTERED = PRODUCERS.flatMap((f) => REFILTERS.map(([tag, to]) => ({ name: `${f.replace(/\.pdf$/, "")}-${tag}.pdf`, source: f, to })));

// One-page PDFs with SYNTHETIC numbers (docs/design/cpr-number.md §7), each page stream in another filter chain.
const LINES = ["Ansøgning om hjælp", "CPR-nr. 150375-6125", "Barn: 241210-2145", "Sagen vedrører 150650-", "3720 og ikke andre"];
const latin = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const ONE_PAGE: ReadonlyArray<[string, (c: Uint8Array) => { dict: string; data: Uint8Array }]> = [
  ["lzw.pdf", (c) => ({ dict: "/Filter /LZWDecode", data: lzwEncode(c, { earlyChange: 1 }) })],
  ["lzw-early0.pdf", (c) => ({ dict: "/Filter /LZW /DecodeParms << /EarlyChange 0 >>", data: lzwEncode(c, { earlyChange: 0 }) })],
  ["rl.pdf", (c) => ({ dict: "/Filter /RL", data: runLengthEncode(c) })],
  ["flate-png.pdf", (c) => ({ dict: "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 16 >>", data: zlibSync(pngPredict(c, 16)) })],
  ["lzw-png.pdf", (c) => ({ dict: "/Filter /LZWDecode /DecodeParms << /Predictor 15 /Columns 7 >>", data: lzwEncode(pngPredict(c, 7), { earlyChange: 1 }) })],
  ["flate-tiff.pdf", (c) => ({ dict: "/Filter /FlateDecode /DecodeParms << /Predictor 2 /Columns 9 >>", data: zlibSync(tiffPredict(c, 9)) })],
  [
    "ahx-lzw.pdf",
    (c) => ({
      dict: "/Filter [/ASCIIHexDecode /LZWDecode] /DecodeParms [null << /EarlyChange 0 >>]",
      data: latin(Array.from(lzwEncode(c, { earlyChange: 0 }), (b) => b.toString(16).padStart(2, "0")).join("") + ">"),
    }),
  ],
];

/** TIFF predictor 2, one 8-bit colour: each byte minus its left neighbour in the row. */
function tiffPredict(data: Uint8Array, columns: number): Uint8Array {
  const out = data.slice();
  for (let i = data.length - 1; i >= 0; i--) if (i % columns !== 0) out[i] = ((data[i] as number) - (data[i - 1] as number)) & 255;
  return out;
}

describe("mini PDF reader vs pdf.js", () => {
  let oracle: Record<string, PdfReadResult>;
  const made = new Map<string, Uint8Array>();
  let temp = "";

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "postvagt-pdf-filters-"));
    for (const r of REFILTERED) made.set(r.name, refilterPdf(new Uint8Array(readFileSync(join(DIR, r.source))), r.to));
    for (const [name, encode] of ONE_PAGE) made.set(name, onePagePdf(LINES, encode));
    const files = [...ALL.map((f) => join(DIR, f))];
    for (const [name, bytes] of made) {
      writeFileSync(join(temp, name), bytes);
      files.push(join(temp, name));
    }
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const json = execFileSync(tsx, [join(ROOT, "scripts", "fixtures", "pdf-text-dump.ts"), ...files], { cwd: ROOT, maxBuffer: 64 << 20 }).toString("utf8");
    const parsed = JSON.parse(json) as Record<string, PdfReadResult>;
    oracle = Object.fromEntries([...ALL.map((f) => [f, parsed[join(DIR, f)] as PdfReadResult]), ...[...made.keys()].map((f) => [f, parsed[join(temp, f)] as PdfReadResult])]);
  }, 120_000);
  afterAll(() => {
    if (temp !== "") rmSync(temp, { recursive: true, force: true });
  });

  it.each(PRODUCERS)("%s: every number pdf.js finds, on the same page", (file) => {
    const mini = readPdfMini(new Uint8Array(readFileSync(join(DIR, file))), budget());
    const ref = oracle[file] as PdfReadResult;
    expect(mini.status).toBe("ok");
    expect(ref.status).toBe("ok");
    expect(mini.pageCount).toBe(ref.pageCount);
    const mine = numbersByPage(mini);
    const theirs = numbersByPage(ref);
    let total = 0;
    for (const [page, nums] of theirs) {
      total += nums.length;
      const got = mine.get(page) ?? [];
      expect({ page, missing: nums.filter((n) => got.indexOf(n) < 0) }).toEqual({ page, missing: [] });
    }
    // The fixture plants 22 printable numbers, five of them wrapped across lines.
    expect(total).toBeGreaterThanOrEqual(22);
  });

  it("both report the user-password PDF as encrypted", () => {
    expect(readPdfMini(new Uint8Array(readFileSync(join(DIR, "krypteret.pdf"))), budget()).status).toBe("encrypted");
    expect(oracle["krypteret.pdf"]?.status).toBe("encrypted");
  });

  it("both find no text in the scanned PDF", () => {
    const mini = readPdfMini(new Uint8Array(readFileSync(join(DIR, "scannet.pdf"))), budget());
    expect(mini.pages.map((p) => p.lines.join("").trim()).join("")).toBe("");
    expect((oracle["scannet.pdf"]?.pages ?? []).map((p) => p.lines.join("").trim()).join("")).toBe("");
  });

  it("the truncated PDF is never a clean pass: pdf.js fails, the mini reader reports corrupt", () => {
    expect(readPdfMini(new Uint8Array(readFileSync(join(DIR, "afkortet.pdf"))), budget()).status).toBe("corrupt");
    expect(oracle["afkortet.pdf"]?.status).toBe("corrupt");
  });

  it.each(REFILTERED.map((r) => [r.name, r.source]))("%s (%s re-encoded): every number pdf.js finds, on the same page", (name, source) => {
    const ref = oracle[name] as PdfReadResult;
    // The rewrite kept the document: pdf.js reads the same numbers as from the producer's own file.
    expect(numbersByPage(ref)).toEqual(numbersByPage(oracle[source] as PdfReadResult));
    const mini = readPdfMini(made.get(name) as Uint8Array, budget());
    expect(mini.status).toBe("ok");
    expect(mini.incomplete).toBe(false);
    expect(mini.pageCount).toBe(ref.pageCount);
    const mine = numbersByPage(mini);
    let total = 0;
    for (const [page, nums] of numbersByPage(ref)) {
      total += nums.length;
      const got = mine.get(page) ?? [];
      expect({ page, missing: nums.filter((n) => got.indexOf(n) < 0) }).toEqual({ page, missing: [] });
    }
    expect(total).toBeGreaterThanOrEqual(22);
  });

  it.each(ONE_PAGE.map(([name]) => name))("%s: the same numbers on page 1 as pdf.js", (name) => {
    const ref = oracle[name] as PdfReadResult;
    const mini = readPdfMini(made.get(name) as Uint8Array, budget());
    expect(ref.status).toBe("ok");
    expect(mini).toMatchObject({ status: "ok", incomplete: false, pageCount: 1 });
    const want = ["150375-****", "241210-****", "150650-****"];
    expect(numbersByPage(ref).get(1)).toEqual(want);
    expect(numbersByPage(mini).get(1)).toEqual(want);
  });
});

describe("a PDF whose text sits in a filter the mini reader cannot decode", () => {
  const LIMITS = { sendBudgetMs: 4000, maxAttachmentBytes: 25 << 20, maxInflatedBytes: 128 << 20, maxArchiveEntries: 10000, maxNestingDepth: 3 };
  const extract = (name: string, bytes: Uint8Array) => extractAttachments([{ kind: "file", name, bytes }], { limits: LIMITS, deadline: Date.now() + 60_000 });

  it("is reported unreadable for its encoding, not as a scanned image", async () => {
    const pdf = onePagePdf(LINES, (c) => ({ dict: "/Filter /JBIG2Decode", data: c }));
    const mini = readPdfMini(pdf, budget());
    expect(mini).toMatchObject({ status: "ok", incomplete: true });
    const r = await extract("ansoegning.pdf", pdf);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "ansoegning.pdf", why: "unsupported", cause: "unsupported-encoding" }]);
  });

  it("a page with readable text and an undecodable stream: the text is scanned, and the rest is reported for its encoding", async () => {
    const pdf = onePagePdf(LINES, (c) => ({ dict: "", data: c }), { dict: "/Filter /JBIG2Decode", data: new Uint8Array([1, 2, 3, 4]) });
    const r = await extract("ansoegning.pdf", pdf);
    expect(r.segments.some((s) => s.location.place?.kind === "page" && s.text.length > 0)).toBe(true);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "ansoegning.pdf", why: "unsupported", cause: "unsupported-encoding" }]);
  });

  it("a predictor it cannot undo counts the same way, instead of reading predicted bytes as text", async () => {
    const pdf = onePagePdf(LINES, (c) => ({ dict: "/Filter /FlateDecode /DecodeParms << /Predictor 2 /BitsPerComponent 4 /Columns 9 >>", data: zlibSync(c) }));
    const r = await extract("ansoegning.pdf", pdf);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "ansoegning.pdf", why: "unsupported", cause: "unsupported-encoding" }]);
  });

  it("the scanned PDF (no undecodable stream) is still a scanned image", async () => {
    const r = await extract("scannet.pdf", new Uint8Array(readFileSync(join(DIR, "scannet.pdf"))));
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "scannet.pdf", why: "unsupported", cause: "no-text-layer" }]);
  });
});

describe("pageSegment: soft breaks only where a number can wrap", () => {
  it.each([
    [["Borger 150650-", "3720 er"], [14]],
    [["Borger 150650 -", "3720"], [15]],
    [["Borger 150650", "-3720"], [13]],
    [["Ordre 100108", "8900 Randers"], []],
    [["Navn", "CPR"], []],
    [["et ord-", "deling"], []],
    [["slut -", "3720"], []],
  ])("%j → soft at %j", (lines, soft) => {
    const seg = pageSegment(lines);
    expect(seg.text).toBe(lines.join("\n"));
    expect(seg.softBreaks).toEqual(soft);
  });
});

describe("parseToUnicode", () => {
  it("reads bfchar and bfrange (incl. array form)", () => {
    const cmap = `begincmap 2 beginbfchar <01> <0031> <0002> <00E6> endbfchar
      1 beginbfrange <10> <12> <0041> endbfrange 1 beginbfrange <20> <21> [<0078> <0079>] endbfrange endcmap`;
    const m = parseToUnicode(cmap);
    expect([m.get(1), m.get(2), m.get(0x10), m.get(0x12), m.get(0x20), m.get(0x21)]).toEqual(["1", "æ", "A", "C", "x", "y"]);
  });
});

describe("the reader counts the characters it reads (MAX_TEXT_CHARS bounds its memory, not only what is emitted)", () => {
  it("stops at the scan's text bound, keeps the pages read before it, and names the bound", () => {
    const small = new Budget({ ...effectiveLimits(undefined), maxTextChars: 2_600 }, Date.now() + 60_000, () => Date.now());
    // Five pages of 1,000 characters, then the page with the number: the bound falls on page 3.
    const r = readPdfMini(manyCharsPdf(5, 1000), small);
    expect(r).toEqual(expect.objectContaining({ status: "too-large", limit: "MAX_TEXT_CHARS" }));
    expect(r.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(readPdfMini(manyCharsPdf(5, 1000), budget()).status).toBe("ok");
  });
});

describe("damaged page content references (fuzzer finds, where pdf.js read the number and we said clean)", () => {
  const page = (contents: string): Uint8Array =>
    writePdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
      `<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents ${contents} >>`,
      ["", "BT /F1 12 Tf 72 700 Td (CPR-nr. 150375-6125) Tj ET"],
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",
      ["", "BT /F1 12 Tf 72 700 Td (Side 2) Tj ET"],
    ]);
  const text = (r: PdfReadResult): string => r.pages.map((p) => p.lines.join("\n")).join("\n");

  it("a reference whose generation is written as a whole number in another form (`4 -0.0 R`) is read, as pdf.js does", () => {
    const r = readPdfMini(page("4 -0.0 R"), budget());
    expect(text(r)).toContain("150375-6125");
  });

  it.each([
    ["a reference to a missing object", "99 0 R"],
    ["a reference to an object that is not a stream", "5 0 R"],
    ["a bare number", "4"],
  ])("%s: the page is reported as read in part (incomplete), never clean", (_name, contents) => {
    const r = readPdfMini(page(contents), budget());
    expect(r.status).toBe("ok");
    expect(r.incomplete).toBe(true);
  });

  it.each([
    ["a key whose value is junk (`/Parent NaN 0 R`) before /Contents", "/Parent NaN 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R"],
    ["a stray word after a key (`/X16 X16 X16`)", "/Resources << /Font << /F1 5 0 R >> /XObject << /X16 X16 X16 >> >> /Contents 4 0 R"],
  ])("%s: the rest of the dictionary is still read, as pdf.js does", (_name, dict) => {
    const bytes = writePdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      `<< /Type /Page ${dict} >>`,
      ["", "BT /F1 12 Tf 72 700 Td (CPR-nr. 150375-6125) Tj ET"],
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    expect(text(readPdfMini(bytes, budget()))).toContain("150375-6125");
  });

  it("a stream whose `endstream` keyword is missing ends at its /Length when `endobj` follows: the objects after it are still read", () => {
    const bytes = writePdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
      "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
      // Compressed: before, the stream ran on to the next "endstream", and the text it swallowed was lost in the inflater's tail.
      ["/Filter /FlateDecode", Buffer.from(zlibSync(Buffer.from("BT 72 700 Td (Side 1) Tj ET", "latin1"))).toString("latin1")],
      "<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>",
      ["", "BT 72 700 Td (CPR-nr. 150375-6125) Tj ET"],
    ]);
    const latin = Buffer.from(bytes).toString("latin1");
    const cut = latin.indexOf("endstream");
    const damaged = new Uint8Array(Buffer.from(latin.slice(0, cut) + latin.slice(cut + "endstream".length), "latin1"));
    expect(text(readPdfMini(damaged, budget()))).toContain("150375-6125");
  });

  it("a page-tree leaf that is not a /Page (an object replaced by another) makes the file incomplete", () => {
    const bytes = writePdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /ObjStm /N 1000000 /First 0 >>"]);
    expect(readPdfMini(bytes, budget()).incomplete).toBe(true);
  });

  it("a page-tree kid that points at no object (`0 0 R`) makes the file incomplete", () => {
    const bytes = writePdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 0 0 R] /Count 2 >>", "<< /Type /Page /Parent 2 0 R >>"]);
    expect(readPdfMini(bytes, budget()).incomplete).toBe(true);
  });

  it("a page without /Contents is blank, not incomplete", () => {
    const bytes = writePdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R >>"]);
    expect(readPdfMini(bytes, budget()).incomplete).toBe(false);
  });
});
