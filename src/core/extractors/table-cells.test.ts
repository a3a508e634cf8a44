/**
 * Word and Writer tables tell each paragraph's cell (row, column) to the CPR rule, read from
 * LibreOffice's own output (test/fixtures/cpr-conformance, made by
 * scripts/make-cpr-conformance-fixtures.ts): a header row `Navn | CPR-nr. | Forløb` and one row.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { maskedNumbers } from "../../../test/helpers/cpr-like-numbers";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { extractAttachments } from "./extract";

const DIR = join(__dirname, "../../../test/fixtures/cpr-conformance");

async function cells(file: string): Promise<Array<[string, number, number]>> {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  const r = await extractAttachments([{ kind: "file", name: file, bytes }], { limits: DEFAULT_POLICY.limits, deadline: Date.now() + 60_000 });
  // Masked, so a failure prints no full number (project rule; these are synthetic anyway).
  return r.segments.filter((s) => s.tableCell).map((s) => [maskedNumbers(s.text)[0] ?? s.text, s.tableCell!.row, s.tableCell!.col]);
}

describe.each(["docx", "odt"])("%s", (ext) => {
  it("a table's paragraphs carry their row and column", async () => {
    expect(await cells(`header-above.hyphen.${ext}`)).toEqual([
      ["Navn", 0, 0],
      ["CPR-nr.", 0, 1],
      ["Forløb", 0, 2],
      ["Borger A", 1, 0],
      ["150650-****", 1, 1],
      ["Åben", 1, 2],
    ]);
  });

  it("paragraphs outside a table carry none", async () => {
    expect(await cells(`label-above.hyphen.${ext}`)).toEqual([]);
  });
});
