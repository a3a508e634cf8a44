/**
 * The worksheet fast path (xlsx-plain-cells.ts) must read exactly what the generic scanner reads,
 * on every input, and must really be taken on the markup real producers write.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { Place } from "../location";
import { Budget } from "./budget";
import type { EmitExtra, ReadContext } from "./context";
import { effectiveLimits } from "./limits";
import { plainCellsStart, readPlainCells } from "./xlsx-plain-cells";
import { scanSheet } from "./xlsx-sheet";

const SEED = 20261123;
const FIXTURES = join(__dirname, "..", "..", "..", "test", "fixtures", "attachments");

type Emitted = [string, Place | undefined, EmitExtra | undefined];

/** Everything `scanSheet` emits, with or without the fast path. */
async function emitted(xml: string, plainCells: boolean): Promise<Emitted[]> {
  const out: Emitted[] = [];
  const limits = effectiveLimits({ sendBudgetMs: 4000, maxAttachmentBytes: 1 << 20, maxInflatedBytes: 1 << 22, maxArchiveEntries: 100, maxNestingDepth: 3 });
  const ctx: ReadContext = {
    budget: new Budget(limits, Date.now() + 60_000, Date.now),
    emit: (text, place, extra) => out.push([text, place, extra]),
    nested: () => undefined,
  };
  // Shared strings 0–2; style 1 shows ten digits as `000000-0000`.
  await scanSheet(xml, "Ark1", ["CPR-nr.", "Navn", "1503756125"], new Map([[1, "-"]]), ctx, { plainCells });
  return out;
}

/** Cells as a sink sees them, and where the fast path stopped. */
function plainRead(xml: string): { cells: string[]; stoppedAt: string } {
  const cells: string[] = [];
  const start = plainCellsStart(xml);
  if (start < 0) return { cells, stoppedAt: "(not started)" };
  const end = readPlainCells(xml, start, {
    row: () => undefined,
    cell: (r, t, s, v, inline) => cells.push([r, t ?? "", s ?? "", v ?? inline ?? ""].join("|")),
    tick: () => undefined,
  });
  return { cells, stoppedAt: xml.slice(end, end + 12) };
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="x"><dimension ref="A1:C3"/><sheetData>';
const SHEET_TAIL = '</sheetData><headerFooter><oddHeader>&amp;CSag 2412102145</oddHeader></headerFooter></worksheet>';

describe("xlsx worksheet fast path", () => {
  it("reads the whole of a plain sheet, as Excel and LibreOffice write it", async () => {
    const xml =
      SHEET_HEAD +
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>150375612</v></c><c r="B2" t="inlineStr"><is><t>Anna &amp; Bo</t></is></c><c r="C2" s="1"/></row>' +
      '<row r="3"><c r="A3" s="1"><f>A2+0</f><v>241210214</v></c><c r="B3" t="str"><f t="shared" si="0"/><v>x</v></c></row>' +
      SHEET_TAIL;
    const { cells, stoppedAt } = plainRead(xml);
    expect(stoppedAt).toBe("</sheetData>");
    expect(cells).toEqual(["A1|s||0", "B1|s|2|1", "A2|||150375612", "B2|inlineStr||Anna &amp; Bo", "C2||1|", "A3||1|241210214", "B3|str||x"]);
    expect(await emitted(xml, true)).toEqual(await emitted(xml, false));
  });

  it("reads the LibreOffice fixture's sheet to its end", async () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(FIXTURES, "liste.xlsx"))));
    const xml = new TextDecoder().decode(files["xl/worksheets/sheet1.xml"]);
    const { cells, stoppedAt } = plainRead(xml);
    expect(stoppedAt).toBe("</sheetData>");
    expect(cells.length).toBeGreaterThan(4);
    expect(await emitted(xml, true)).toEqual(await emitted(xml, false));
  });

  it.each([
    ["a comment", "<!-- x -->"],
    ["a rich-text cell", '<c r="A9" t="inlineStr"><is><r><t>1503</t></r><r><t>756125</t></r></is></c>'],
    ["attributes in another order", '<c r="A9" t="n" s="1"><v>150375612</v></c>'],
    ["a prefixed cell", '<x:c r="A9"><x:v>150375612</x:v></x:c>'],
    ["a cell without a reference", "<c><v>150375612</v></c>"],
    ["CDATA in a value", "<c r=\"A9\" t=\"str\"><v><![CDATA[1503756125]]></v></c>"],
  ])("hands over to the generic scanner at %s, which reads the rest", async (_label, odd) => {
    const xml = SHEET_HEAD + '<row r="9"><c r="B9"><v>241210214</v></c>' + odd + '<c r="D9" t="s"><v>2</v></c></row>' + SHEET_TAIL;
    expect(plainRead(xml).stoppedAt).toBe((odd + "<c r=\"D9\"").slice(0, 12));
    expect(await emitted(xml, true)).toEqual(await emitted(xml, false));
  });

  it("does not start when a comment or instruction before the sheet data could hide markup", () => {
    expect(plainCellsStart('<worksheet><!-- <sheetData> --><sheetData><row r="1"/></sheetData></worksheet>')).toBe(-1);
    expect(plainCellsStart("<worksheet><?pi <sheetData>?><sheetData></sheetData></worksheet>")).toBe(-1);
    expect(plainCellsStart('<?xml version="1.0"?><worksheet><sheetData>')).toBeGreaterThan(0);
  });

  it("reads what the generic scanner reads on random sheets (seeded)", async () => {
    const piece = fc.constantFrom(
      '<row r="1">', '<row r="7" spans="1:3" ht="12.8">', "<row>", '<row r="2"/>', "</row>", "\n  ",
      '<c r="A1" t="s"><v>0</v></c>', '<c r="B1" s="1"><v>150375612</v></c>', '<c r="C1"><v>2412102145</v></c>',
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve"> CPR </t></is></c>', '<c r="B2" s="1" t="n"><v>1.50375612E8</v></c>',
      '<c r="C2" t="s"><v>2</v></c>', '<c r="D2"/>', '<c r="E2" t="b"><v>1</v></c>', '<c r="A3"><f>SUM(A1:A2)</f><v>241210214</v></c>',
      '<c r="AB12" t="str"><f t="shared" si="0"/><v>&lt;150375-6125&gt;</v></c>', '<c r="A4"></c>', '<c r="A5" t="e"><v>#N/A</v></c>',
      // Forms the fast path leaves to the generic scanner:
      '<c r="A6" t="n" s="1"><v>150375612</v></c>', "<c><v>150375612</v></c>", '<x:c r="A7"><x:v>2412102145</x:v></x:c>',
      '<c r="A8" t="inlineStr"><is><r><t>1503</t></r><r><t>756125</t></r></is></c>', "<!-- <c r=\"Z1\"><v>150375612</v></c> -->",
      '<c r="A9" t="str"><v><![CDATA[1503756125]]></v></c>', "<oddFooter>Side &amp;P</oddFooter>", '<c r="A10" cm="1"><v>150375612</v></c>',
      // Damage:
      "<", ">", '"', "<c", "</c>", "<v>", "</sheetData>", "<sheetData>", "<row", '<c r="', "&#49;",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.boolean(), async (pieces, withTail) => {
        const xml = SHEET_HEAD + pieces.join("") + (withTail ? SHEET_TAIL : "");
        expect(await emitted(xml, true)).toEqual(await emitted(xml, false));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
