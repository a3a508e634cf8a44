/**
 * The mini PDF reader against pdf.js (the condition for using a smaller extractor in
 * classic Outlook): on PDFs from several producers it must find, page by page, every CPR-shaped
 * number pdf.js finds. pdf.js is ESM-only and jest runs CommonJS here, so pdf.js runs in a child
 * process through the CLI's reader (src/cli/pdfjs-text.ts).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { flatText, maskedNumbers } from "../../../test/helpers/cpr-like-numbers";
import { Budget } from "./budget";
import { effectiveLimits } from "./limits";
import type { PdfReadResult } from "./pdf";
import { pageSegment, parseToUnicode, readPdfMini } from "./pdf";

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

describe("mini PDF reader vs pdf.js", () => {
  let oracle: Record<string, PdfReadResult>;

  beforeAll(() => {
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const json = execFileSync(tsx, [join(ROOT, "scripts", "fixtures", "pdf-text-dump.ts"), ...ALL.map((f) => join(DIR, f))], { cwd: ROOT, maxBuffer: 64 << 20 }).toString("utf8");
    const parsed = JSON.parse(json) as Record<string, PdfReadResult>;
    oracle = Object.fromEntries(ALL.map((f) => [f, parsed[join(DIR, f)] as PdfReadResult]));
  }, 120_000);

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
