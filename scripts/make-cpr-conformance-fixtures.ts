/**
 * Generates test/fixtures/cpr-conformance/: for each case of the CPR conformance table
 * (scripts/fixtures/cpr-conformance-cases.ts) its sources (.html, .txt, .csv) and what LibreOffice
 * makes of them (.docx, .odt and .pdf from the HTML as a Writer document; .xlsx and .ods from the
 * CSV), plus cases.json with the expected levels. The outputs are committed, so CI needs no office
 * suite; run this only to rebuild them:
 *
 *   npx tsx scripts/make-cpr-conformance-fixtures.ts          rebuild everything
 *   npx tsx scripts/make-cpr-conformance-fixtures.ts --check  sources and cases.json up to date, every file present
 *
 * Needs (Debian): libreoffice-writer-nogui libreoffice-calc-nogui.
 * Office producers stamp dates into their files, so the bytes differ between runs; --check
 * compares the deterministic sources and the table, and that every produced file exists.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cases, toCsv, toHtml, toText } from "./fixtures/cpr-conformance-cases";

const OUT = join(__dirname, "..", "test", "fixtures", "cpr-conformance");
const WRITER_FORMATS = [
  ["docx", "docx:MS Word 2007 XML"],
  ["odt", "odt:writer8"],
  ["pdf", "pdf:writer_pdf_Export"],
] as const;
const CALC_FORMATS = [
  ["xlsx", "xlsx:Calc MS Excel 2007 XML"],
  ["ods", "ods:calc8"],
] as const;
export const PRODUCED = [...WRITER_FORMATS.map((f) => f[0]), ...CALC_FORMATS.map((f) => f[0])];

function sources(): Map<string, string> {
  const files = new Map<string, string>();
  const table = cases().map((c) => ({ id: c.id, context: c.context.name, form: c.form, count: c.count, expected: c.context.expected[c.form] }));
  files.set("cases.json", JSON.stringify(table, null, 1) + "\n");
  for (const c of cases()) {
    files.set(`${c.id}.html`, toHtml(c.blocks));
    files.set(`${c.id}.txt`, toText(c.blocks));
    // UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" saves it.
    files.set(`${c.id}.csv`, "\uFEFF" + toCsv(c.blocks));
  }
  return files;
}

function check(): number {
  let bad = 0;
  for (const [name, text] of sources()) {
    const path = join(OUT, name);
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
      console.error(`out of date: ${name}`);
      bad++;
    }
  }
  for (const c of cases()) {
    for (const ext of PRODUCED) {
      if (!existsSync(join(OUT, `${c.id}.${ext}`))) {
        console.error(`missing: ${c.id}.${ext}`);
        bad++;
      }
    }
  }
  console.log(bad === 0 ? "cpr-conformance fixtures: up to date" : `cpr-conformance fixtures: ${bad} problem(s); rerun without --check`);
  return bad === 0 ? 0 : 1;
}

function soffice(work: string, inFilter: string, filter: string, files: string[], outDir: string): void {
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${work}/lo-profile`, `--infilter=${inFilter}`, "--convert-to", filter, "--outdir", outDir, ...files],
    { stdio: ["ignore", "ignore", "inherit"], timeout: 900_000 },
  );
}

function build(): void {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) rmSync(join(OUT, f));
  for (const [name, text] of sources()) writeFileSync(join(OUT, name), text);
  const work = mkdtempSync(join(tmpdir(), "pv-cprconf-"));
  try {
    const ids = cases().map((c) => c.id);
    const html = ids.map((id) => join(OUT, `${id}.html`));
    const csv = ids.map((id) => join(OUT, `${id}.csv`));
    for (const [ext, filter] of WRITER_FORMATS) {
      const dir = join(work, ext);
      mkdirSync(dir);
      soffice(work, "HTML (StarWriter)", filter, html, dir);
      for (const id of ids) renameSync(join(dir, `${id}.${ext}`), join(OUT, `${id}.${ext}`));
    }
    for (const [ext, filter] of CALC_FORMATS) {
      const dir = join(work, ext);
      mkdirSync(dir);
      // CSV import: ';' separated, '"' quoted, UTF-8 (76), from line 1.
      soffice(work, "Text - txt - csv (StarCalc):59,34,76,1", filter, csv, dir);
      for (const id of ids) renameSync(join(dir, `${id}.${ext}`), join(OUT, `${id}.${ext}`));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`cpr-conformance fixtures: ${cases().length} cases written to ${OUT}`);
}

if (require.main === module) {
  if (process.argv.includes("--check")) process.exit(check());
  build();
}
