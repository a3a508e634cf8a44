/**
 * `postvagt scan` reads PDFs with pdf.js, and with core's mini reader only when pdf.js cannot be
 * loaded. pdf.js is ESM-only and cannot load inside jest's CommonJS sandbox, so the pdf.js runs go
 * through the real command (`node bin/postvagt.js`, a child process); the fallback and the wiring
 * run in-process with an injected opener.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import type { Message, PdfReadResult, PdfTextReader } from "../core";
import { emlWithAttachments, runLengthPdf } from "../../test/conformance/pdf-mail";
import { main } from "./main";
import { choosePdfReader } from "./pdf-reader";

jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "postvagt.js");
const RANDERS = join(ROOT, "examples", "policies", "randers.policy.json");
const FIXTURES = join(ROOT, "test", "fixtures", "attachments");
const PDFS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".pdf"))
  .sort();
// Synthetic (born 1875, docs/design/cpr-number.md §7). A RunLengthDecode page: both readers decode it.
const RUN_LENGTH_PDF = runLengthPdf(["Ansøgning om hjælp", "CPR-nr. 150375-6125"]);
// Owner password only (scripts/make-attachment-fixtures.ts): pdf.js opens it with the empty user
// password; the mini reader cannot decrypt it. A finding in it proves pdf.js did the reading.
const OWNER_ONLY = "kun-ejerkode.pdf";
const OWNER_ONLY_DIR = join(ROOT, "test", "fixtures", "pdfjs-only");

interface Expected {
  findings: Array<{ masked: string; place?: { kind: string; page?: number } }>;
  unreadable?: Record<string, string>;
}
type Line = { file: string; verdict?: string; findings?: Array<Record<string, unknown>>; error?: string };

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "postvagt-pdf-"));
  for (const f of PDFS) writeFileSync(join(temp, `${f}.eml`), emlWithAttachments([{ name: f, bytes: new Uint8Array(readFileSync(join(FIXTURES, f))) }]));
  writeFileSync(join(temp, "runlength.eml"), emlWithAttachments([{ name: "ansoegning.pdf", bytes: RUN_LENGTH_PDF }]));
  writeFileSync(join(temp, "owner-only.eml"), emlWithAttachments([{ name: OWNER_ONLY, bytes: new Uint8Array(readFileSync(join(OWNER_ONLY_DIR, OWNER_ONLY))) }]));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const parseLines = (stdout: string): Map<string, Line> =>
  new Map(
    stdout
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => {
        const line = JSON.parse(l) as Line;
        return [line.file, line];
      }),
  );

function spawnScan(): { code: number | null; stderr: string; lines: Map<string, Line> } {
  const r = spawnSync(process.execPath, [BIN, "scan", "--json", "--policy", RANDERS, temp], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
  return { code: r.status, stderr: r.stderr, lines: parseLines(r.stdout) };
}

async function runInProcess(args: string[], openPdfReader: () => Promise<PdfTextReader>): Promise<{ code: number; stderr: string; lines: Map<string, Line> }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, openPdfReader });
  return { code, stderr, lines: parseLines(stdout) };
}

/** The findings a fixture's .expected.json asks for, in the CLI's JSON shape; order-free. */
function expectFixture(line: Line | undefined, name: string): void {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), "utf8")) as Expected;
  expect(line?.error).toBeUndefined();
  const findings = line?.findings ?? [];
  const cpr = findings.filter((f) => f.kind === "cpr").map((f) => ({ masked: f.masked, location: f.location }));
  for (const want of expected.findings) {
    const page = want.place?.kind === "page" ? want.place.page : undefined;
    expect(cpr).toContainEqual({ masked: want.masked, location: { part: "attachment", attachment: name, detail: `side ${String(page)}` } });
  }
  const unreadable = findings.filter((f) => f.kind === "unreadable-attachment").map((f) => `${String(f.attachment)}:${String(f.why)}${f.cause ? `/${String(f.cause)}` : ""}`);
  // A fixture with no expectation about failures may only fail as "corrupt" (the truncated PDF),
  // as in src/core/extractors/fixtures.test.ts; a failure is never silent.
  const want = expected.unreadable ? Object.entries(expected.unreadable).map(([k, v]) => `${k === "" ? name : `${name}/${k}`}:${v}`) : cpr.length === 0 ? [`${name}:corrupt`] : [];
  expect(unreadable.sort()).toEqual(want.sort());
}

describe("node bin/postvagt.js scan: PDFs read by pdf.js", () => {
  let run: ReturnType<typeof spawnScan>;
  beforeAll(() => {
    run = spawnScan();
  });

  it("loads pdf.js without a word on stderr, and prints one line per mail", () => {
    expect(run.stderr).toBe("");
    expect(run.lines.size).toBe(PDFS.length + 2);
    expect(run.code).toBe(1);
  });

  it("reads a PDF with an owner password only, which only pdf.js can decrypt: proof that pdf.js did the reading", () => {
    const expected = JSON.parse(readFileSync(join(OWNER_ONLY_DIR, `${OWNER_ONLY}.expected.json`), "utf8")) as Expected;
    const findings = run.lines.get(join(temp, "owner-only.eml"))?.findings ?? [];
    expect(findings.filter((f) => f.kind === "unreadable-attachment")).toEqual([]);
    const cpr = findings.filter((f) => f.kind === "cpr").map((f) => ({ masked: f.masked, location: f.location }));
    expect(expected.findings.length).toBeGreaterThan(5);
    for (const want of expected.findings) {
      const page = want.place?.kind === "page" ? want.place.page : undefined;
      expect(cpr).toContainEqual({ masked: want.masked, location: { part: "attachment", attachment: OWNER_ONLY, detail: `side ${String(page)}` } });
    }
  });

  it("has the PDF fixtures (several producers, encrypted, scanned, truncated)", () => {
    expect(PDFS).toEqual(expect.arrayContaining(["brev.pdf", "brev-gs.pdf", "brev-cairo.pdf", "brev-objstm.pdf", "krypteret.pdf", "scannet.pdf", "afkortet.pdf"]));
  });

  it.each(PDFS)("%s gives every expected finding, page by page", (name) => {
    expectFixture(run.lines.get(join(temp, `${name}.eml`)), name);
  });

  it("finds the number in a RunLengthDecode PDF", () => {
    const line = run.lines.get(join(temp, "runlength.eml"));
    expect(line?.verdict).toBe("block");
    expect(line?.findings).toEqual([
      expect.objectContaining({ kind: "cpr", masked: "150375-****", location: { part: "attachment", attachment: "ansoegning.pdf", detail: "side 1" } }),
    ]);
  });
});

describe("when pdf.js cannot be loaded, the mini reader takes over and says so", () => {
  const cannotLoad = jest.fn(() => Promise.reject(new Error("Cannot find package 'pdfjs-dist'\n    at somewhere")));
  let run: Awaited<ReturnType<typeof runInProcess>>;
  beforeAll(async () => {
    run = await runInProcess(["scan", "--json", "--policy", RANDERS, temp], cannotLoad);
  });

  it("warns once on stderr, tries to load once, and still scans every mail", () => {
    expect(cannotLoad).toHaveBeenCalledTimes(1);
    expect(run.stderr).toBe("postvagt: advarsel: pdf.js kunne ikke indlæses (Cannot find package 'pdfjs-dist'); PDF-filer læses med den indbyggede læser\n");
    expect(run.lines.size).toBe(PDFS.length + 2);
    expect(run.code).toBe(1);
  });

  it("reports the owner-password-only PDF as encrypted: not read, but never a silent pass", () => {
    const findings = run.lines.get(join(temp, "owner-only.eml"))?.findings ?? [];
    expect(findings.filter((f) => f.kind === "cpr")).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: "unreadable-attachment", attachment: OWNER_ONLY, why: "encrypted" }));
  });

  it.each(PDFS)("%s gives every expected finding with the mini reader", (name) => {
    expectFixture(run.lines.get(join(temp, `${name}.eml`)), name);
  });

  it("finds the number in the RunLengthDecode PDF too (the mini reader decodes RunLength and LZW)", () => {
    const line = run.lines.get(join(temp, "runlength.eml"));
    expect(line?.findings).toEqual([
      expect.objectContaining({ kind: "cpr", masked: "150375-****", location: { part: "attachment", attachment: "ansoegning.pdf", detail: "side 1" } }),
    ]);
  });

  it("warns in English with --lang en", async () => {
    const en = await runInProcess(["scan", "--json", "--lang", "en", join(temp, "brev.pdf.eml")], () => Promise.reject(new Error("no import()")));
    expect(en.stderr).toBe("postvagt: warning: pdf.js could not be loaded (no import()); PDF files are read with the built-in reader\n");
  });
});

describe("the opened reader is the one core reads PDFs with", () => {
  it("passes it to the scan, for PDFs nested in a zip too, and maps its pages to `side N`", async () => {
    const calls: number[] = [];
    const reader: PdfTextReader = {
      name: "spy",
      read(bytes): Promise<PdfReadResult> {
        calls.push(bytes.length);
        return Promise.resolve({ status: "ok", pageCount: 2, pages: [{ page: 2, lines: ["CPR-nr. 150375-6125"] }] });
      },
    };
    const other = runLengthPdf(["Intet her"]);
    const zip = zipSync({ "b.pdf": other });
    const eml = join(temp, "spy.eml");
    writeFileSync(eml, emlWithAttachments([{ name: "a.pdf", bytes: RUN_LENGTH_PDF }, { name: "bundle.zip", bytes: zip, contentType: "application/zip" }]));
    const r = await runInProcess(["scan", "--json", "--policy", RANDERS, eml], () => Promise.resolve(reader));
    expect(calls).toEqual([RUN_LENGTH_PDF.length, other.length]);
    expect(r.stderr).toBe("");
    const cpr = r.lines.get(eml)?.findings?.filter((f) => f.kind === "cpr").map((f) => f.location);
    expect(cpr).toEqual([
      { part: "attachment", attachment: "a.pdf", detail: "side 2" },
      { part: "attachment", attachment: "bundle.zip/b.pdf", detail: "side 2" },
    ]);
  });

  it("a reader's encrypted and corrupt results end as unreadable-attachment with that why", async () => {
    const eml = join(temp, "two.eml");
    writeFileSync(eml, emlWithAttachments([{ name: "x.pdf", bytes: RUN_LENGTH_PDF }, { name: "y.pdf", bytes: RUN_LENGTH_PDF.subarray(0, 200) }]));
    const reader: PdfTextReader = {
      name: "fake",
      read: (bytes) => Promise.resolve({ status: bytes.length === RUN_LENGTH_PDF.length ? "encrypted" : "corrupt", pages: [], pageCount: 0 }),
    };
    const r = await runInProcess(["scan", "--json", eml], () => Promise.resolve(reader));
    const unreadable = r.lines.get(eml)?.findings?.filter((f) => f.kind === "unreadable-attachment");
    expect(unreadable).toEqual([expect.objectContaining({ attachment: "x.pdf", why: "encrypted" }), expect.objectContaining({ attachment: "y.pdf", why: "corrupt" })]);
  });
});

describe("choosePdfReader", () => {
  const reader: PdfTextReader = { name: "r", read: () => Promise.reject(new Error("not read here")) };
  const file = (name: string, text: string): Message => ({ subject: "", recipients: [], attachments: [{ kind: "file", name, bytes: new TextEncoder().encode(text) }] });
  const withFile = file("a.pdf", "%PDF-1.4\n");
  const noFile: Message = { subject: "", recipients: [], attachments: [{ kind: "unavailable", name: "b.pdf", reason: "cloud" }] };

  it("opens nothing for mails without an attachment that is or may hold a PDF, then opens once on the first that has one", async () => {
    const open = jest.fn(() => Promise.resolve(reader));
    const warn = jest.fn();
    const choice = choosePdfReader(open, warn);
    expect(await choice.forMessage(noFile)).toBeUndefined();
    // A CSV named .pdf is read as text by the extractor, so pdf.js is not needed for it.
    expect(await choice.forMessage(file("oversigt.csv", "navn;sagsnr\r\n"))).toBeUndefined();
    expect(await choice.forMessage(file("fejlnavngivet.pdf", "navn;sagsnr\r\n"))).toBeUndefined();
    expect(open).not.toHaveBeenCalled();
    expect(await choice.forMessage(withFile)).toBe(reader);
    expect(await choice.forMessage(withFile)).toBe(reader);
    expect(open).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ["a zip (a PDF may be inside)", "PK\u0003\u0004rest"],
    ["an attached mail", "From: a@randers.dk\r\nSubject: x\r\n\r\nbody"],
  ])("opens it for %s", async (_what, text) => {
    const open = jest.fn(() => Promise.resolve(reader));
    expect(await choosePdfReader(open, jest.fn()).forMessage(file("x", text))).toBe(reader);
  });

  it.each<[string, unknown, string]>([
    ["an Error: its first line", new Error("boom\n  at x"), "boom"],
    ["a string", "no module", "no module"],
    ["an empty message", new Error(""), "unknown error"],
  ])("on a load failure (%s) warns once, falls back, and does not retry", async (_name, error, reason) => {
    const open = jest.fn(() => Promise.reject(error));
    const warn = jest.fn();
    const choice = choosePdfReader(open, warn);
    expect(await choice.forMessage(withFile)).toBeUndefined();
    expect(await choice.forMessage(withFile)).toBeUndefined();
    expect(open).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(reason);
  });
});
