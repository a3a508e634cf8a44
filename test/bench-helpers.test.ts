/**
 * The arithmetic and the floors of the benchmarks (bench/rows.ts, bench/floors.ts): what decides
 * MET / NOT MET must be right, and each floor must find what it claims. No timing here.
 */
import { strToU8, zipSync } from "fflate";
import { cellsFloor, documentFloor, linesFloor, odsCellsFloor, slidesFloor, textRuns } from "../bench/floors";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { staleBuild } from "../bench/dist-check";
import { partsRead } from "../bench/parts-read";
import { limitMet, ratioMet, rotation, stats } from "../bench/rows";

describe("bench rows", () => {
  it("median of an odd and an even count, with min and max", () => {
    expect(stats([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
    expect(stats([4, 1, 3, 10])).toEqual({ median: 3.5, min: 1, max: 10, n: 4 });
    expect(() => stats([])).toThrow();
  });

  it("a ratio target is met up to and including the target, on medians", () => {
    const floor = stats([100, 100, 100]);
    expect(ratioMet(stats([130, 10, 999]), floor, 1.3)).toBe(true);
    expect(ratioMet(stats([131, 131, 131]), floor, 1.3)).toBe(false);
  });

  it("an absolute limit is met only below it", () => {
    expect(limitMet(stats([1199, 5000, 1]), 1200)).toBe(true);
    expect(limitMet(stats([1200]), 1200)).toBe(false);
  });

  it("rotation runs each function first equally often", () => {
    expect(rotation(3, 0)).toEqual([0, 1, 2]);
    expect(rotation(3, 1)).toEqual([1, 2, 0]);
    expect(rotation(3, 5)).toEqual([2, 0, 1]);
    const firsts = [0, 1, 2, 3, 4, 5].map((r) => rotation(3, r)[0]);
    expect(firsts.filter((f) => f === 0)).toHaveLength(2);
  });
});

describe("the bundle benches refuse a stale build", () => {
  it("names a missing bundle and sources newer than it", () => {
    const dir = mkdtempSync(join(tmpdir(), "postvagt-stale-"));
    try {
      const bundle = join(dir, "dist", "launchevent.js");
      const src = join(dir, "src");
      mkdirSync(join(dir, "dist"));
      mkdirSync(join(src, "core"), { recursive: true });
      expect(staleBuild(bundle, [src])).toMatch(/missing/);
      writeFileSync(join(src, "core", "a.ts"), "");
      writeFileSync(bundle, "");
      utimesSync(join(src, "core", "a.ts"), new Date(1000), new Date(1000));
      expect(staleBuild(bundle, [src])).toBeUndefined();
      writeFileSync(join(src, "core", "b.test.ts"), ""); // tests are not in the bundle
      utimesSync(bundle, new Date(2000), new Date(2000));
      expect(staleBuild(bundle, [src])).toBeUndefined();
      utimesSync(join(src, "core", "a.ts"), new Date(), new Date());
      expect(staleBuild(bundle, [src])).toMatch(/older than the sources/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bench floors find what they claim", () => {
  it("the parts a floor inflates are those our reader read, never one it skips", async () => {
    const pptx = new Uint8Array(readFileSync(join(__dirname, "fixtures", "attachments", "dias.pptx")));
    const parts = await partsRead("dias.pptx", pptx);
    expect(parts).toContain("ppt/slides/slide1.xml");
    expect(parts).toContain("ppt/notesSlides/notesSlide3.xml");
    for (const skipped of ["ppt/notesSlides/_rels/notesSlide1.xml.rels", "ppt/slideMasters/slideMaster1.xml", "ppt/theme/theme1.xml"]) expect(parts).not.toContain(skipped);
  });

  it("a part too big for one inflate push, read in slices, is recorded too", async () => {
    // A sheet whose deflated size is far above one push (16 KB): the reader reads it with
    // readSliced, which does not pass through read. Unrecorded, the floors would skip the one part
    // that matters and measure next to nothing.
    let sheet = "<worksheet><sheetData>";
    for (let r = 1; r <= 20_000; r++) sheet += `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 1000003}</v></c></row>`;
    sheet += "</sheetData></worksheet>";
    const xlsx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8('<workbook xmlns:r="r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
    });
    expect(xlsx.length).toBeGreaterThan(64 * 1024);
    expect(await partsRead("stor.xlsx", xlsx)).toContain("xl/worksheets/sheet1.xml");
  });

  it("text runs: the visible text between tags", () => {
    const runs: string[] = [];
    expect(textRuns('<a><b x="1">Hej</b>\n  <c/>med dig</a>', runs)).toBe(2);
    expect(runs).toEqual(["Hej", "med dig"]);
  });

  it("documentFloor reads only the parts it is given", () => {
    const zip = zipSync({ "word/document.xml": strToU8("<w:t>A</w:t><w:t>B</w:t>"), "word/styles.xml": strToU8("<s>X</s>") });
    expect(documentFloor(zip, new Set(["word/document.xml"]))).toBe(2);
    expect(documentFloor(zip, new Set(["word/document.xml", "word/styles.xml"]))).toBe(3);
  });

  it("cellsFloor finds every cell, prefixed or not, inline strings included", () => {
    const sheet = (x: string) =>
      `<${x}worksheet><${x}sheetData><${x}row r="1"><${x}c r="A1" t="inlineStr"><${x}is><${x}t>Navn</${x}t></${x}is></${x}c><${x}c r="B1"><${x}v>7</${x}v></${x}c></${x}row></${x}sheetData></${x}worksheet>`;
    for (const x of ["", "x:"]) expect(cellsFloor(zipSync({ "xl/worksheets/sheet1.xml": strToU8(sheet(x)) }), new Set(["xl/worksheets/sheet1.xml"]))).toBe(2);
  });

  it("slidesFloor orders slides by the presentation and reads their text", () => {
    const zip = zipSync({
      "ppt/presentation.xml": strToU8('<p:presentation><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId1"/></p:sldIdLst></p:presentation>'),
      "ppt/_rels/presentation.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="slides/slide1.xml"/><Relationship Id="rId2" Target="slides/slide2.xml"/></Relationships>'),
      "ppt/slides/slide1.xml": strToU8("<a:t>En</a:t>"),
      "ppt/slides/slide2.xml": strToU8("<a:t>To</a:t>"),
    });
    // 2 slides placed + 2 text runs.
    expect(slidesFloor(zip, new Set(["ppt/presentation.xml", "ppt/_rels/presentation.xml.rels", "ppt/slides/slide1.xml", "ppt/slides/slide2.xml"]))).toBe(4);
  });

  it("odsCellsFloor counts repeated columns and skips empty cells", () => {
    const content =
      '<table:table><table:table-row><table:table-cell table:number-columns-repeated="2"><text:p>a</text:p></table:table-cell><table:table-cell/><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table>';
    expect(odsCellsFloor(zipSync({ "content.xml": strToU8(content) }), new Set(["content.xml"]))).toBe(2);
  });

  it("linesFloor counts lines", () => {
    expect(linesFloor(strToU8("a\r\nb\nc"))).toBe(3);
  });
});
