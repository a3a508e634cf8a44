/**
 * The extractor boundary: limits, bombs, nesting, time budget, and "never silent, never a crash".
 * Hostile zips are written byte by byte (test/helpers/zip-builder.ts).
 */
import { deflateSync, strToU8, zipSync } from "fflate";
import { flatText, maskedNumbers } from "../../../test/helpers/cpr-like-numbers";
import { buildZip, zeroDeflate } from "../../../test/helpers/zip-builder";
import type { AttachmentInput } from "../message";
import type { Limits } from "../policy/policy";
import type { PdfReadResult, PdfTextReader } from "./extract";
import { extractAttachments } from "./extract";

const LIMITS: Limits = { sendBudgetMs: 4000, maxAttachmentBytes: 25 << 20, maxInflatedBytes: 128 << 20, maxArchiveEntries: 10000, maxNestingDepth: 3 };
const GiB = 1 << 30;

const file = (name: string, bytes: Uint8Array): AttachmentInput => ({ kind: "file", name, bytes });
const run = (atts: AttachmentInput[], over: Partial<Limits> = {}, extra: { deadline?: number; clock?: () => number; pdf?: PdfTextReader } = {}) =>
  extractAttachments(atts, { limits: { ...LIMITS, ...over }, deadline: extra.deadline ?? Date.now() + 60_000, ...(extra.clock ? { clock: extra.clock } : {}), ...(extra.pdf ? { pdf: extra.pdf } : {}) });

describe("zip bombs and lying archives", () => {
  const bombData = zeroDeflate(GiB);

  it("a 1 GiB bomb ends as zip-bomb without inflating it", async () => {
    const zip = buildZip([{ name: "nuller.bin", data: bombData, method: 8, size: GiB }]);
    const before = process.memoryUsage().arrayBuffers;
    const r = await run([file("bombe.zip", zip)]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "bombe.zip", why: "zip-bomb", limit: "MAX_ENTRY_INFLATED_BYTES" }]);
    expect(r.peaks.inflatedBytes).toBe(0);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
  });

  it("the same bomb with a lying header (declares 1,000 bytes) stops at the first chunk", async () => {
    const zip = buildZip([{ name: "nuller.bin", data: bombData, method: 8, size: 1000 }]);
    const r = await run([file("lyver.zip", zip)]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "lyver.zip", why: "zip-bomb" }]);
    expect(r.peaks.inflatedBytes).toBeLessThanOrEqual(1000);
  });

  it("a bomb as a .docx's document.xml ends as zip-bomb", async () => {
    const zip = buildZip([
      { name: "[Content_Types].xml", data: strToU8("<Types/>"), method: 0, size: 8 },
      { name: "word/document.xml", data: bombData, method: 8, size: GiB },
    ]);
    const r = await run([file("bombe.docx", zip)]);
    expect(r.unreadable.map((u) => u.why)).toEqual(["zip-bomb"]);
  });

  it("overlapping entries (one 16 MB stream named 20 times) are stopped: the local header names another entry", async () => {
    const data = zeroDeflate(16 << 20);
    const entries = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.txt`, data, method: 8, size: 16 << 20, ...(i > 0 ? { sameDataAs: 0 } : {}) }));
    const r = await run([file("overlap.zip", buildZip(entries))], { maxInflatedBytes: 64 << 20 });
    // The first entry is zero bytes (binary: unsupported); the second's local header carries the
    // first's name, so the whole archive is reported as inconsistent before the total cap is needed.
    expect(r.unreadable[r.unreadable.length - 1]).toEqual({ kind: "unreadable-attachment", attachment: "overlap.zip", why: "corrupt", cause: "inconsistent-archive" });
    expect(r.unreadable.length).toBeLessThanOrEqual(5);
    expect(r.peaks.inflatedBytes).toBeLessThanOrEqual(64 << 20);
  });

  // Streams of at most one inflate chunk take a one-shot path (zip.ts); a header that lies about
  // them must still end exactly as on the streaming path.
  it.each([
    ["a little more than declared: corrupt entry", deflateSync(strToU8("Borger 150375-6125 ".repeat(10))), 100, "lyver.zip/a.txt", "corrupt"],
    ["a small bomb declaring 1,000 bytes: zip-bomb", zeroDeflate(1 << 20), 1000, "lyver.zip", "zip-bomb"],
  ] as const)("a small stream with a lying header, %s", async (_label, data, size, where, why) => {
    expect(data.length).toBeLessThanOrEqual(16 * 1024);
    const r = await run([file("lyver.zip", buildZip([{ name: "a.txt", data, method: 8, size }]))]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: where, why }]);
    expect(r.peaks.inflatedBytes).toBeLessThanOrEqual(size);
  });

  it("a header that claims more than the data holds is corrupt", async () => {
    const data = deflateSync(strToU8("kort tekst"));
    const r = await run([file("kort.zip", buildZip([{ name: "a.txt", data, method: 8, size: 5000 }]))]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "kort.zip/a.txt", why: "corrupt" }]);
  });

  it.each([
    ["ZipCrypto (flag bit 0)", { flags: 1, method: 8 }],
    ["WinZip AES (method 99 + extra 0x9901)", { method: 99, extra: new Uint8Array([0x01, 0x99, 7, 0, 2, 0, 0x41, 0x45, 3, 8, 0]) }],
  ])("%s entries are encrypted, reported per entry", async (_label, e) => {
    const zip = buildZip([
      { name: "hemmelig.docx", data: new Uint8Array(64), size: 64, ...e },
      { name: "aaben.txt", data: strToU8("Borger 150375-6125"), method: 0, size: 18 },
    ]);
    const r = await run([file("blandet.zip", zip)]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "blandet.zip/hemmelig.docx", why: "encrypted" }]);
    expect(r.segments.some((s) => s.location.attachment === "blandet.zip/aaben.txt" && /150375-6125/.test(s.text))).toBe(true);
  });

  it("more entries than the policy allows: too-large / too-many-entries", async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.txt`, strToU8("x")]));
    const r = await run([file("mange.zip", zipSync(files))], { maxArchiveEntries: 10 });
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "mange.zip", why: "too-large", cause: "too-many-entries", limit: "MAX_ARCHIVE_ENTRIES" }]);
  });

  it("nesting deeper than the limit is reported where it stops; shallower text is kept", async () => {
    let inner: Uint8Array = zipSync({ "bund.txt": strToU8("Dybt 241210-2145") });
    for (let level = 5; level >= 1; level--) inner = zipSync({ [`niveau${level}.zip`]: inner, [`tekst${level}.txt`]: strToU8(`Niveau ${level} 150375-6125`) });
    const r = await run([file("rede.zip", inner)]);
    expect(r.unreadable).toEqual([
      { kind: "unreadable-attachment", attachment: "rede.zip/niveau1.zip/niveau2.zip/niveau3.zip", why: "too-large", cause: "nesting-too-deep", limit: "MAX_NESTING_DEPTH" },
    ]);
    const paths = r.segments.filter((s) => /150375/.test(s.text)).map((s) => s.location.attachment);
    expect(paths.sort()).toEqual(["rede.zip/niveau1.zip/niveau2.zip/tekst3.txt", "rede.zip/niveau1.zip/tekst2.txt", "rede.zip/tekst1.txt"]);
  });
});

describe("the boundary", () => {
  it("emits every file name as its own segment, even of files it cannot read", async () => {
    const r = await run([file("150650-3720_scan.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]))]);
    expect(r.segments).toEqual([{ text: "150650-3720_scan.png", location: { part: "attachment", attachment: "150650-3720_scan.png", place: { kind: "file-name" } } }]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "150650-3720_scan.png", why: "unsupported", cause: "image" }]);
  });

  it.each([
    ["cloud", { why: "unsupported", cause: "cloud" }],
    ["item-unavailable", { why: "unsupported", cause: "item-unavailable" }],
    ["api-error", { why: "unsupported", cause: "api-error" }],
    ["too-large", { why: "too-large" }],
  ] as const)("an unavailable attachment (%s) is reported", async (reason, want) => {
    const r = await run([{ kind: "unavailable", name: "x.docx", reason }]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "x.docx", ...want }]);
  });

  it("a file above maxAttachmentBytes is too-large, unread", async () => {
    const r = await run([file("stor.txt", strToU8("150375-6125 ".repeat(100)))], { maxAttachmentBytes: 100 });
    expect(r.unreadable.map((u) => u.why)).toEqual(["too-large"]);
    expect(r.segments.length).toBe(1);
  });

  it.each([
    ["maxAttachmentBytes", Number.NaN],
    ["maxInflatedBytes", 0],
    ["maxArchiveEntries", -1],
    ["maxNestingDepth", Number.POSITIVE_INFINITY],
    ["maxAttachmentBytes", "25" as unknown as number],
  ])("a limit %s = %p is refused with its name, never replaced by a default", async (name, value) => {
    await expect(run([file("a.txt", strToU8("Borger 150375-6125"))], { [name]: value })).rejects.toThrow(new RegExp(`limit ${name} must be`));
  });

  it("a limit at its smallest sane value is taken as given (nesting depth 0 opens no container)", async () => {
    const r = await run([file("a.zip", zipSync({ "a.txt": strToU8("Borger 150375-6125") }))], { maxNestingDepth: 0 });
    expect(r.unreadable.map((u) => [u.why, u.cause])).toEqual([["too-large", "nesting-too-deep"]]);
  });

  it.each([
    ["gzip", [0x1f, 0x8b, 8, 0, 0, 0]],
    ["random binary", [0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0xff, 0xfe, 0x10, 0x11]],
  ])("%s is unsupported/unknown-format", async (_l, bytes) => {
    const r = await run([file("x.bin", new Uint8Array(bytes))]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "x.bin", why: "unsupported", cause: "unknown-format" }]);
  });

  it("sniffs by content: a .pdf that is a zip is read as a zip", async () => {
    const r = await run([file("faktura.pdf", zipSync({ "a.txt": strToU8("Borger 150375-6125") }))]);
    expect(r.segments.some((s) => s.location.attachment === "faktura.pdf/a.txt" && s.text === "Borger 150375-6125")).toBe(true);
  });
});

describe("time budget", () => {
  const pages = (n: number): PdfReadResult["pages"] => Array.from({ length: n }, (_, i) => ({ page: i + 1, lines: [`Side ${i + 1} 150375-6125`] }));
  const pdfBytes = strToU8("%PDF-1.7\n");

  it("a reader that runs out of time keeps its pages; the rest is timeout", async () => {
    let now = 0;
    const reader: PdfTextReader = {
      name: "fake",
      read: async (_b, control) => {
        now = 100; // the deadline passes while reading
        return { status: control.expired() ? "timeout" : "ok", pages: pages(2), pageCount: 5 };
      },
    };
    const r = await run([file("a.pdf", pdfBytes), file("b.txt", strToU8("Borger 241210-2145"))], {}, { deadline: 50, clock: () => now, pdf: reader });
    expect(r.unreadable).toEqual([
      { kind: "unreadable-attachment", attachment: "a.pdf", why: "timeout", limit: "SEND_BUDGET_MS" },
      { kind: "unreadable-attachment", attachment: "b.txt", why: "timeout", limit: "SEND_BUDGET_MS" },
    ]);
    expect(r.segments.filter((s) => s.location.place?.kind === "page").length).toBe(2);
    // Names are still scanned after the deadline: they cost nothing.
    expect(r.segments.map((s) => s.text)).toContain("b.txt");
  });

  it("the deadline is checked between zip entries (injected clock)", async () => {
    let calls = 0;
    const zip = zipSync({ "1.txt": strToU8("en 150375-6125"), "2.txt": strToU8("to 241210-2145"), "3.txt": strToU8("tre") });
    // Time moves one tick per clock read; the deadline lands inside the archive.
    const r = await run([file("z.zip", zip)], {}, { deadline: 8, clock: () => calls++ });
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "z.zip", why: "timeout", limit: "SEND_BUDGET_MS" }]);
    expect(r.segments.some((s) => /150375-6125/.test(s.text))).toBe(true);
    expect(r.segments.some((s) => /tre/.test(s.text))).toBe(false);
  });
});

describe("docx scanner details (hand-built parts)", () => {
  const docx = (body: string): Uint8Array =>
    zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8(`<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`),
    });

  it.each([
    ["runs joined without separators", `<w:p><w:r><w:t>15</w:t></w:r><w:r><w:t>0375-61</w:t></w:r><w:r><w:t>25</w:t></w:r></w:p>`, ["150375-6125"]],
    ["noBreakHyphen → U+2011", `<w:p><w:r><w:t>150375</w:t><w:noBreakHyphen/><w:t>6125</w:t></w:r></w:p>`, ["150375\u20116125"]],
    ["a deletion is its own segment", `<w:p><w:del><w:r><w:delText>150375-6125</w:delText></w:r></w:del><w:ins><w:r><w:t>indsat</w:t></w:r></w:ins></w:p>`, ["indsat", "150375-6125"]],
    ["cells are separate", `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>100108</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8900</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, ["100108", "8900"]],
    ["Fallback (VML copy) is skipped", `<w:p><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>boks</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>boks</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:p>`, ["boks"]],
    ["tab stops are not text", `<w:p><w:pPr><w:tabs><w:tab w:pos="100"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>`, ["a\tb"]],
    ["entities decoded", `<w:p><w:r><w:t>&#49;50375&#x2d;6125 &amp; &lt;</w:t></w:r></w:p>`, ["150375-6125 & <"]],
    ["symbol characters (Symbol font's private-use F0xx)", `<w:p w:rsidR="00AB12CD"><w:r><w:t>15037</w:t><w:sym w:font="Symbol" w:char="F035"/><w:t>-6125</w:t></w:r></w:p>`, ["150375-6125"]],
  ])("%s", async (_l, body, want) => {
    const r = await run([file("d.docx", docx(body))]);
    expect(r.segments.slice(1).map((s) => s.text)).toEqual(want);
  });
});

describe("xlsx: lost leading zeros", () => {
  const xlsx = (cells: string, styles = ""): Uint8Array =>
    zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8(`<workbook xmlns:r="r"><sheets><sheet name="Ark2" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      "xl/sharedStrings.xml": strToU8(`<sst><si><t>CPR-nr.</t></si><si><r><t>Navn</t></r><rPh><t>fonetisk</t></rPh></si></sst>`),
      "xl/styles.xml": strToU8(styles),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${cells}</sheetData></worksheet>`),
    });
  const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="000000\\-0000"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

  it.each([
    ["format 000000-0000", `<row r="14"><c r="C14" s="1"><v>506503720</v></c></row>`, styles, "050650-3720", true],
    ["column headed CPR-nr.", `<row r="1"><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="B2"><v>506503720</v></c></row>`, "", "0506503720", true],
    ["no CPR column, no format: unchanged", `<row r="2"><c r="B2"><v>506503720</v></c></row>`, "", "506503720", false],
    ["ten digits keep their value, formatted", `<row r="3"><c r="C3" s="1"><v>1506503720</v></c></row>`, styles, "150650-3720", false],
    ["exponent notation", `<row r="1"><c r="B1" t="s"><v>0</v></c></row><row r="4"><c r="B4"><v>5.0650372E8</v></c></row>`, "", "0506503720", true],
  ])("%s", async (_l, cells, st, text, restored) => {
    const r = await run([file("x.xlsx", xlsx(cells, st))]);
    const seg = r.segments.find((s) => s.location.place?.kind === "cell" && /\d{9}/.test(s.text.replace("-", "")));
    expect(seg?.text).toBe(text);
    expect(seg?.restoredLeadingZero === true).toBe(restored);
    expect(maskedNumbers(flatText(seg ?? { text: "" })).length).toBe(text.replace("-", "").length === 10 ? 1 : 0);
  });

  it.each([
    ["attributes in any order, single quotes", `<row r="5"><c t='s' s="0" r='E5'><v>1</v></c></row>`, "E5", "Navn"],
    ["prefixed attributes", `<row r="6"><c x:r="F6" x:t="inlineStr"><is><t>præfiks</t></is></c></row>`, "F6", "præfiks"],
    ["spaces around =", `<row r="7"><c r = "G7" t = "inlineStr"><is><t>luft</t></is></c></row>`, "G7", "luft"],
    ["no r: follows the previous cell of the row", `<row r="8"><c r="B8"><v>1</v></c><c t="inlineStr"><is><t>næste</t></is></c></row>`, "C8", "næste"],
    ["the first of a repeated attribute counts", `<row r="9"><c r="H9" r="Z99" t="inlineStr" t="n"><is><t>første</t></is></c></row>`, "H9", "første"],
  ])("reads a cell's attributes: %s", async (_l, cells, ref, text) => {
    const r = await run([file("x.xlsx", xlsx(cells))]);
    expect(r.segments.find((s) => s.text === text)?.location.place).toEqual({ kind: "cell", sheet: "Ark2", cell: ref });
  });

  it("reads a sheet's print header and footer, without the &L &C &R codes", async () => {
    const sheet = `<row r="1"><c r="A1"><v>1</v></c></row></sheetData><headerFooter><oddHeader>&amp;LSag &amp;C150650-3720</oddHeader><firstFooter>&amp;"Arial,Fed"Side &amp;P</firstFooter></headerFooter><sheetData>`;
    const r = await run([file("x.xlsx", xlsx(sheet))]);
    const sections = r.segments
      .filter((s) => s.location.place?.kind === "section" && s.location.place.section !== "metadata")
      .map((s) => [s.location.place, s.text.trim()]);
    expect(sections).toEqual([
      [{ kind: "section", section: "header" }, "Sag  150650-3720"],
      [{ kind: "section", section: "footer" }, "Side"],
    ]);
  });

  it("leaves out number cells too short to hold a CPR number, never text cells", async () => {
    const cells = `<row r="1"><c r="A1"><v>12345678</v></c><c r="B1"><v>123456789</v></c><c r="C1"><v>3.5</v></c><c r="D1" t="inlineStr"><is><t>7</t></is></c><c r="E1"><v>1.23456789E9</v></c></row>`;
    const r = await run([file("x.xlsx", xlsx(cells))]);
    expect(r.segments.filter((s) => s.location.place?.kind === "cell").map((s) => s.text)).toEqual(["123456789", "7", "1234567890"]);
  });

  it("locates cells as sheet + reference, and skips phonetic runs", async () => {
    const r = await run([file("x.xlsx", xlsx(`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="D9" t="inlineStr"><is><t>indlejret</t></is></c></row>`))]);
    expect(r.segments.filter((s) => s.location.place?.kind === "cell").map((s) => [s.text, s.location.place])).toEqual([
      ["Navn", { kind: "cell", sheet: "Ark2", cell: "A1" }],
      ["indlejret", { kind: "cell", sheet: "Ark2", cell: "D9" }],
    ]);
  });
});

describe("xlsb: Excel's binary workbook", () => {
  // LibreOffice cannot write .xlsb, so the package is built by hand: the parts Excel writes, with
  // record bytes that only have to be there (nothing reads them).
  const xlsb = zipSync({
    "[Content_Types].xml": strToU8(`<Types><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`),
    "_rels/.rels": strToU8("<Relationships/>"),
    "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00, 0x84, 0x01, 0x00]),
    "xl/worksheets/sheet1.bin": new Uint8Array([0x81, 0x01, 0x00, 0x82, 0x01, 0x00]),
  });

  it("is one clear verdict for the whole file, not a list of its internal parts", async () => {
    const r = await run([file("Oversigt.xlsb", xlsb)]);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "Oversigt.xlsb", why: "unsupported", cause: "binary-workbook" }]);
    expect(r.segments.map((s) => s.location.attachment)).toEqual(["Oversigt.xlsb"]);
  });
});
