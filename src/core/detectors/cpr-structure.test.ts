/**
 * The document's structure reaches the CPR rule in every carrier (docs/cpr-rule.en.md): a header
 * above a column, a label cell beside a number, a label line above it, and the column rule, in the
 * body and in attachments alike. Every case here was measured LOW, missing or lowered before the
 * structure was laid out. All numbers are synthetic: they fail modulus 11 on a date other than
 * 1 January, which the CPR office says is normally never issued.
 */
import { zipSync, strToU8 } from "fflate";
import type { CprFinding } from "../finding";
import type { AttachmentInput, Message } from "../message";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { scanMessage } from "../scan";
import type { TextSegment } from "../location";
import { findCprInSegments } from "./cpr";
import { flowsOf, segmentAt } from "./cpr-structure";

const NOW = new Date(2026, 10, 23);
/** Valid dates, fail modulus 11, not 1 January. */
const FAIL = ["1506503720", "2203614517", "0711723308", "2809671942"];

function cp1252(text: string): Uint8Array {
  // Latin-1 letters only (æ, ø, å), which windows-1252 encodes as their code point.
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function file(name: string, bytes: Uint8Array): AttachmentInput {
  return { kind: "file", name, bytes };
}

async function cprOf(m: Partial<Message>): Promise<CprFinding[]> {
  const message: Message = { subject: "", recipients: [], attachments: [], ...m };
  const r = await scanMessage(message, DEFAULT_POLICY, { now: NOW });
  return r.findings.filter((f): f is CprFinding => f.kind === "cpr");
}

const levels = (fs: readonly CprFinding[]): string[] => fs.map((f) => f.confidence);

function docx(bodyXml: string): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${bodyXml}</w:body></w:document>`),
  });
}
const para = (t: string): string => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const table = (rows: string[][]): string =>
  "<w:tbl>" + rows.map((r) => "<w:tr>" + r.map((c) => `<w:tc>${para(c)}</w:tc>`).join("") + "</w:tr>").join("") + "</w:tbl>";

describe("the issue's examples", () => {
  it("a ;-separated windows-1252 .csv with a CPR-nr. header: every number under it is HIGH", async () => {
    const csv = ["Navn;CPR-nr.;Forløb", ...FAIL.map((n, i) => `Borger ${i};${n};Åben`)].join("\r\n");
    const f = await cprOf({ attachments: [file("Udtræk.csv", cp1252(csv))] });
    expect(levels(f)).toEqual(["high", "high", "high", "high"]);
    for (const x of f) expect(x.reasons).toContain("cpr-column");
    expect(f.map((x) => x.location.place)).toEqual([2, 3, 4, 5].map((line) => ({ kind: "line", line })));
  });

  it("a .docx two-column table Personnummer | number: HIGH, as the same table in the body", async () => {
    const rows = [["Personnummer", FAIL[0] as string]];
    const inDocx = await cprOf({ attachments: [file("Notat.docx", docx(table(rows)))] });
    const inBody = await cprOf({ bodyHtml: `<table><tr><td>Personnummer</td><td>${FAIL[0]}</td></tr></table>` });
    expect(levels(inBody)).toEqual(["high"]);
    expect(levels(inDocx)).toEqual(["high"]);
  });

  it("a .docx table with a CPR header row names its column", async () => {
    const rows = [["Navn", "CPR-nr."], ...FAIL.slice(0, 2).map((n, i) => [`Borger ${i}`, n])];
    const f = await cprOf({ attachments: [file("Liste.docx", docx(para("Oversigt over borgere med et langt navn her") + table(rows)))] });
    expect(levels(f)).toEqual(["high", "high"]);
    expect(f[0]?.reasons).toContain("cpr-column");
  });

  it("a .docx header names its column beyond the keyword window (wide rows)", async () => {
    const long = "Bemærkning om forløbet, aftaler og opfølgning med borgeren i perioden, herunder møder og telefonsamtaler";
    const rows = [["CPR-nr.", long, long], [FAIL[0] as string, long, long], [FAIL[1] as string, long, long]];
    const f = await cprOf({ attachments: [file("Oversigt.docx", docx(table(rows)))] });
    expect(levels(f)).toEqual(["high", "high"]);
    for (const x of f) expect(x.reasons).toEqual(expect.arrayContaining(["cpr-column"]));
    expect(f[1]?.reasons).not.toContain("keyword");
  });

  it("a label line above a number in a .txt reaches it, as in the body", async () => {
    const text = `Ansøgning om hjælp\r\nCpr-nummer:\r\n\r\n${FAIL[0]}\r\n`;
    expect(levels(await cprOf({ bodyText: text }))).toEqual(["high"]);
    expect(levels(await cprOf({ attachments: [file("ansøgning.txt", cp1252(text))] }))).toEqual(["high"]);
  });

  it("a phone in pairs on the line above is a number between: its label does not jump to the CPR", async () => {
    const compact = `Jens Hansen\nTlf. 20 30 40 50\n${FAIL[0]}`;
    const spaced = `Jens Hansen\nTlf. 20 30 40 50\n${(FAIL[0] as string).slice(0, 6)} ${(FAIL[0] as string).slice(6)}`;
    const c = await cprOf({ bodyText: compact });
    expect(levels(c)).toEqual(["low"]);
    expect(c[0]?.reasons).not.toContain("negative-context");
    const s = await cprOf({ bodyText: spaced });
    expect(levels(s)).toEqual(["medium"]);
    expect(s[0]?.reasons).not.toContain("negative-context");
  });

  it("a negative label still labels the number right after it", async () => {
    expect(levels(await cprOf({ bodyText: `Tlf. ${FAIL[0]}` }))).toEqual([]);
    expect(levels(await cprOf({ bodyText: `Kontonr.\n${FAIL[0]}` }))).toEqual([]);
  });

  it("the column rule (≥ 3 values, ≥ 80 % valid dates) holds in a .csv without a header", async () => {
    const csv = FAIL.map((n, i) => `${i};${n};x`).join("\n");
    const f = await cprOf({ attachments: [file("liste.csv", cp1252(csv))] });
    expect(levels(f)).toEqual(["high", "high", "high", "high"]);
  });
});

describe("layout", () => {
  const at = (attachment: string, text: string, place?: TextSegment["location"]["place"], tableCell?: TextSegment["tableCell"]): TextSegment => ({
    text,
    location: place ? { part: "attachment", attachment, place } : { part: "attachment", attachment },
    ...(tableCell ? { tableCell } : {}),
  });

  it("lays a Word table out as tab-separated rows with a blank line around it", () => {
    const segs = [
      at("a.docx", "Før"),
      at("a.docx", "A", undefined, { table: 0, row: 0, col: 0 }),
      at("a.docx", "B", undefined, { table: 0, row: 0, col: 1 }),
      at("a.docx", "C", undefined, { table: 0, row: 1, col: 1 }),
      at("a.docx", "Efter"),
    ];
    const [flow] = flowsOf(segs);
    expect(flow?.text).toBe("Før\n\nA\tB\n\tC\n\nEfter");
    expect(flow && segmentAt(flow, flow.text.indexOf("C"))).toBe(3);
  });

  it("keeps files, places and file names apart", () => {
    const flows = flowsOf([at("a.txt", "x", { kind: "line", line: 1 }), at("b.txt", "y", { kind: "line", line: 1 }), at("b.txt", "b.txt", { kind: "file-name" })]);
    expect(flows.map((f) => f.text)).toEqual(["x", "y", "b.txt"]);
  });

  it("a span is relative to its own segment", () => {
    const segs = [at("a.txt", "CPR-nr.", { kind: "line", line: 1 }), at("a.txt", `  ${FAIL[0]}`, { kind: "line", line: 2 })];
    const [f] = findCprInSegments(segs, { now: NOW });
    expect(f?.span).toEqual({ start: 2, end: 12 });
    expect(f?.location.place).toEqual({ kind: "line", line: 2 });
  });
});

describe("reading only around the numbers gives what reading everything gives", () => {
  const WORDS = ["Navn", "CPR-nr.", "Tlf.", "20 30 40 50", "borger", "konto", "sag", "Åben", "x".repeat(120), "", "Personnummer:"];
  const NUMS = ["1506503720", "150650-3720", "150650 3720", "2203614517", "506503720", "12345678", "3112995004"];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i", async (seed) => {
    const { mulberry32 } = await import("../../../test/helpers/seeded-random");
    const rnd = mulberry32(seed);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const segs: TextSegment[] = [];
    let line = 1;
    for (let i = 0; i < 400; i++) {
      const cells = 1 + Math.floor(rnd() * 3);
      const parts: string[] = [];
      for (let c = 0; c < cells; c++) parts.push(rnd() < 0.3 ? pick(NUMS) : pick(WORDS));
      line += rnd() < 0.1 ? 2 : 1;
      const text = parts.join(rnd() < 0.5 ? "\t" : " ");
      if (text.trim() !== "") segs.push({ text, location: { part: "attachment", attachment: "a.txt", place: { kind: "line", line } } });
    }
    const got = findCprInSegments(segs, { now: NOW }).map((f) => JSON.stringify([f.location, f.span, f.confidence, f.reasons]));
    const [flow] = flowsOf(segs);
    const whole = findCprInSegments([{ text: flow!.text, location: { part: "body" } }], { now: NOW }).map((f) => {
      const k = segmentAt(flow!, f.span!.start);
      const at = flow!.starts[k]!;
      return JSON.stringify([segs[flow!.segs[k]!]!.location, { start: f.span!.start - at, end: f.span!.end - at }, f.confidence, f.reasons]);
    });
    expect(got.length).toBeGreaterThan(10);
    expect(got).toEqual(whole);
  });
});
