/**
 * The CPR rule over a message's segments (cpr-pass.ts), and the regex rules every module of the
 * rule keeps. Synthetic numbers only, as in cpr.test.ts.
 */
import type { TextSegment } from "../location";
import { findCprInSegments } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23
const Y2041 = new Date(2041, 5, 1);

/** Synthetic numbers born 2030–2039 that pass modulus 11: valid only with the clock in 2041. */
const FUTURE_MOD11 = ["0203305001", "1711335001", "0909386004", "2512397002"];


describe("findCprInSegments", () => {
  const seg = (text: string, location: TextSegment["location"], softBreaks?: number[]): TextSegment =>
    softBreaks ? { text, location, softBreaks } : { text, location };

  it("returns findings with the segment's location and span", () => {
    const segments = [
      seg("Vedr. borger", { part: "subject" }),
      seg("Hej\nCPR: 150650-3720", { part: "body" }),
      seg("150650-3720_ansoegning.pdf", { part: "attachment", attachment: "150650-3720_ansoegning.pdf", place: { kind: "file-name" } }),
      seg("2412102145_scan.pdf", { part: "attachment", attachment: "2412102145_scan.pdf", place: { kind: "file-name" } }),
    ];
    const f = findCprInSegments(segments, { now: NOW });
    expect(f).toEqual([
      expect.objectContaining({ kind: "cpr", location: { part: "body" }, span: { start: 9, end: 20 }, confidence: "high", masked: "150650-****" }),
      expect.objectContaining({ location: segments[2]?.location, confidence: "high" }),
      expect.objectContaining({ location: segments[3]?.location, confidence: "low" }),
    ]);
    expect(f[1]?.reasons).toContain("in-file-name");
    expect(f[2]?.reasons).toContain("in-file-name");
  });

  it("keywords do not cross segments", () => {
    const f = findCprInSegments([seg("CPR", { part: "subject" }), seg("1506503720", { part: "body" })], { now: NOW });
    expect(f.map((x) => x.confidence)).toEqual(["low"]);
  });

  it("repeated-in-message works across segments", () => {
    const f = findCprInSegments(
      [seg(`Sag ${FUTURE_MOD11[2]}`, { part: "subject" }), seg(`Se ${FUTURE_MOD11[3]}`, { part: "attachment", attachment: "a.txt" })],
      { now: Y2041 },
    );
    expect(f.map((x) => x.confidence)).toEqual(["high", "high"]);
    for (const x of f) expect(x.reasons).toContain("repeated-in-message");
  });

  it("spreadsheet cells: a CPR header in A1 names column A, a lost leading zero is restored", () => {
    const cell = (cellRef: string, text: string): TextSegment =>
      seg(text, { part: "attachment", attachment: "Liste.xlsx", place: { kind: "cell", sheet: "Ark1", cell: cellRef } });
    const f = findCprInSegments([cell("A1", "CPR"), cell("B1", "Navn"), cell("A2", "506503720"), cell("B2", "1506503720"), cell("A3", "1506503720")], {
      now: NOW,
    });
    expect(f.map((x) => [(x.location.place as { cell: string }).cell, x.masked, x.confidence])).toEqual([
      ["A2", "050650-****", "high"],
      // The header names column A only; B2 is HIGH because "CPR" stands within the keyword window
      // (one row up), exactly as in the same table in an HTML body.
      ["B2", "150650-****", "high"],
      ["A3", "150650-****", "high"],
    ]);
    expect(f[0]?.reasons).toContain("leading-zero-restored");
    expect(f[1]?.reasons).toContain("keyword");
    expect(f[1]?.reasons).not.toContain("cpr-column");
    expect(f[2]?.reasons).toContain("cpr-column");
  });

  it("spreadsheet cells: ≥ 3 valid values make a column without a header", () => {
    const cell = (cellRef: string, text: string): TextSegment =>
      seg(text, { part: "attachment", attachment: "Liste.xlsx", place: { kind: "cell", sheet: "Ark1", cell: cellRef } });
    const f = findCprInSegments([cell("C2", "1506503720"), cell("C3", "2412102145"), cell("C4", "1503756125")], { now: NOW });
    expect(f.map((x) => x.confidence)).toEqual(["high", "high", "high"]);
  });

  it("uses each segment's own soft breaks", () => {
    const f = findCprInSegments([seg("Borger 150650-\n3720", { part: "attachment", attachment: "a.pdf", place: { kind: "page", page: 2 } }, [14])], {
      now: NOW,
    });
    expect(f).toHaveLength(1);
    expect(f[0]?.span).toEqual({ start: 7, end: 19 });
  });

  it("an empty message has no findings", () => {
    expect(findCprInSegments([], { now: NOW })).toEqual([]);
    expect(findCprInSegments([seg("", { part: "subject" })], { now: NOW })).toEqual([]);
  });
});

describe("core regex rules (classic Outlook's ES2016 runtime)", () => {
  // swc cannot lower regex syntax: no lookbehind, named groups, s flag or \p{} in core regexes.
  // Every module of the rule (cpr*.ts), so a file split off later is checked too.
  const { readdirSync } = require("node:fs") as typeof import("node:fs");
  const rule = readdirSync(__dirname).filter((f) => /^cpr.*\.ts$/.test(f) && !/\.test\.ts$/.test(f));
  const files = [...rule, "mask.ts", "../text/normalize.ts", "../text/html-to-text.ts"];
  it.each(files)("%s uses none of them", (file) => {
    const { readFileSync } = require("node:fs") as typeof import("node:fs");
    const { join } = require("node:path") as typeof import("node:path");
    const ts = require("typescript") as typeof import("typescript");
    const source = readFileSync(join(__dirname, file), "utf8");
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
    const patterns: string[] = [];
    const flags: string[] = [];
    const visit = (node: import("typescript").Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf("/");
        patterns.push(text.slice(1, slash));
        flags.push(text.slice(slash + 1));
      } else if (ts.isNewExpression(node) && node.expression.getText() === "RegExp") {
        // Built from string pieces: check every string literal in it, and the flags argument.
        const args = node.arguments ?? [];
        const flagArg = args[1];
        if (flagArg && ts.isStringLiteral(flagArg)) flags.push(flagArg.text);
      } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        patterns.push(node.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) {
      expect([file, p, /\(\?<[=!A-Za-z]/.test(p)]).toEqual([file, p, false]);
      expect([file, p, /\\[pP]\{/.test(p)]).toEqual([file, p, false]);
    }
    for (const f of flags) expect([file, f, f.indexOf("s") >= 0]).toEqual([file, f, false]);
  });
});


describe("a flow is laid out only where a number can see past its segment", () => {
  // The pass reads a flow's segments on their own when no number in it can see past its segment
  // (analyzeAlone). A soft-break list with only an invalid offset changes no text but makes every
  // flow be laid out, so the two must give the same findings: seeded lines of prose, labels, tabbed
  // rows and synthetic numbers (see test/helpers/cpr-like-numbers.ts), with keywords near the edges.
  const WORDS = ["CPR-nr.:", "cpr", "Tlf.", "konto", "født", "borger", "faktura", "Personnummer", "og", "sagen", "x", "abc"];
  const NUMBERS = ["150650-3720", "1506503720", "150650 3720", "15.06.50-3720", "241210-2145", "2412102145", "12345678", "0101905811"];
  const line = (rnd: () => number): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(rnd() * 40);
    for (let i = 0; i < n; i++) {
      const x = rnd();
      parts.push(x < 0.2 ? (NUMBERS[Math.floor(rnd() * NUMBERS.length)] as string) : (WORDS[Math.floor(rnd() * WORDS.length)] as string));
      parts.push(rnd() < 0.08 ? "\t" : " ");
    }
    // A label at the end of a line, for a number at the start of the next one.
    if (rnd() < 0.5) parts.push(rnd() < 0.5 ? "CPR-nr.:" : "Tlf.");
    return parts.join("");
  };
  it.each([1, 2, 3, 4, 5, 6])("seed %i", async (seed) => {
    const { mulberry32 } = await import("../../../test/helpers/seeded-random");
    const rnd = mulberry32(seed);
    for (let round = 0; round < 100; round++) {
      const segs: TextSegment[] = [];
      const count = 1 + Math.floor(rnd() * 12);
      for (let i = 0; i < count; i++) segs.push({ text: line(rnd), location: { part: "attachment", attachment: "a.txt", place: { kind: "line", line: i + 1 } } });
      const contextWindow = Math.floor(rnd() * 60);
      const quick = findCprInSegments(segs, { now: NOW, contextWindow });
      const laidOut = findCprInSegments(segs, { now: NOW, contextWindow, softBreaks: [-1] });
      expect(quick).toEqual(laidOut);
    }
  });
});
