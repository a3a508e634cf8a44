/**
 * The CPR rule against every vector of docs/design/cpr-number.md §7, with the clock pinned. All numbers are synthetic
 * (docs/design/cpr-number.md §7): births 1858–1915, births after today with the clock moved to 2041, or numbers that
 * fail modulus 11 on a date other than 1 January.
 */
import type { TextSegment } from "../location";
import { htmlToText } from "../text/html-to-text";
import { findCprInSegments, findCprNumbers, type CprMatch } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23
const Y2041 = new Date(2041, 5, 1);

/** Synthetic numbers born 2030–2039 that pass modulus 11: valid only with the clock in 2041. */
const FUTURE_MOD11 = ["0203305001", "1711335001", "0909386004", "2512397002"];

function only(text: string, now: Date = NOW): CprMatch {
  const found = findCprNumbers(text, { now });
  expect(found).toHaveLength(1);
  return found[0] as CprMatch;
}

describe("docs/design/cpr-number.md §7: must detect, HIGH", () => {
  it.each<[string, string, string, Date]>([
    ["CPR-nr.: 150375-6125", "150375-****", "hyphen", NOW],
    ["241210-2145", "241210-****", "hyphen", NOW],
    ["150650-3720", "150650-****", "hyphen", NOW],
    ["010190-5811", "010190-****", "hyphen", NOW],
    ["030968-4711", "030968-****", "hyphen", NOW],
    ["290200-4810", "290200-****", "hyphen", NOW],
    ["personnummer 1506503720", "150650-****", "compact", NOW],
    ["150650\u20133720", "150650-****", "hyphen", NOW], // en dash
    ["150650\u20113720", "150650-****", "hyphen", NOW], // non-breaking hyphen
    ["150650\u22123720", "150650-****", "hyphen", NOW], // minus sign
    ["150650 - 3720", "150650-****", "hyphen", NOW],
    ["150650\u00A0-\u00A03720", "150650-****", "hyphen", NOW],
    ["150650\u2009-\u20093720", "150650-****", "hyphen", NOW], // thin spaces
    ["\uFF11\uFF15\uFF10\uFF16\uFF15\uFF10-\uFF13\uFF17\uFF12\uFF10", "150650-****", "hyphen", NOW], // full-width
    ["241210\u00A02145", "241210-****", "space", NOW],
    ["150650\u200B-3720", "150650-****", "hyphen", NOW],
    ["CPR 1506\u00AD503720", "150650-****", "compact", NOW],
    ["CPR 15\u200B06\u200D50\uFEFF3720", "150650-****", "compact", NOW],
    ["150650-3720_ansoegning.pdf", "150650-****", "hyphen", NOW],
    ["120840-7135", "120840-****", "hyphen", Y2041],
    ["personnummer 121212-1212", "121212-****", "hyphen", NOW], // Swedish test person: PII, documented behaviour
  ])("%j → %s (%s)", (text, masked, form, now) => {
    const m = only(text, now);
    expect(m).toMatchObject({ masked, form, confidence: "high" });
  });

  it.each([
    ["<span>1506</span><span>50-3720</span>"],
    ["150650&#8209;3720"],
    ["<b>150650</b>-3720"],
    ["150650&#45;3720"],
    ["<p>150650&nbsp;-&nbsp;3720</p>"],
  ])("HTML %s → HIGH", (html) => {
    expect(only(htmlToText(html))).toMatchObject({ masked: "150650-****", confidence: "high" });
  });

  it("a table with header CPR and compact cells: all HIGH by column", () => {
    const html =
      "<table><tr><th>CPR</th><th>Navn</th></tr>" +
      "<tr><td>1506503720</td><td>A</td></tr><tr><td>2412102145</td><td>B</td></tr><tr><td>1503756125</td><td>C</td></tr></table>";
    const found = findCprNumbers(htmlToText(html), { now: NOW });
    expect(found.map((m) => [m.masked, m.confidence])).toEqual([
      ["150650-****", "high"],
      ["241210-****", "high"],
      ["150375-****", "high"],
    ]);
    for (const m of found) expect(m.reasons).toContain("cpr-column");
  });

  it("a CPR column header far beyond the keyword window still names its column", () => {
    const filler = "Hansen Andersen Jørgensen Christensen".repeat(3);
    const rows = ["1506503720", "2412102145", "1503756125", "0101905811"].map((n, i) => `${filler} ${i}\t${n}\tbemærkning ${i}`);
    const text = "Navn\tCPR\tNote\n" + rows.join("\n");
    const found = findCprNumbers(text, { now: NOW });
    expect(found).toHaveLength(4);
    for (const m of found) {
      expect(m.confidence).toBe("high");
      expect(m.reasons).toContain("cpr-column");
    }
    // The header's column only: a number in another column of the same table is not raised.
    const other = findCprNumbers("Navn\tCPR\n" + `${filler}\t1506503720\n1506503720\t${filler}`, { now: NOW });
    expect(other.map((m) => m.confidence)).toEqual(["high", "low"]);
  });

  it("a 9-digit value under a CPR header lost its leading zero (XLSX 000000-0000)", () => {
    const m = only("CPR\tNavn\n506503720\tA");
    expect(m).toMatchObject({ masked: "050650-****", confidence: "high", form: "compact" });
    expect(m.reasons).toEqual(expect.arrayContaining(["leading-zero-restored", "cpr-column"]));
    // Without the header a 9-digit number is nothing.
    expect(findCprNumbers("Ordre\tNavn\n506503720\tA", { now: NOW })).toEqual([]);
  });
});

describe("docs/design/cpr-number.md §7: medium or low", () => {
  it.each<[string, string, string, string, Date]>([
    ["15.06.50-3720", "medium", "dotted", "150650-****", NOW],
    ["15 06 50-3720", "medium", "dotted", "150650-****", NOW],
    ["15-06-50-3720", "medium", "dotted", "150650-****", NOW],
    ["1506503720", "low", "compact", "150650-****", NOW],
    ["1208407135", "medium", "compact", "120840-****", Y2041],
    ["2412102145", "low", "compact", "241210-****", NOW],
    ["2412102145_scan.pdf", "low", "compact", "241210-****", NOW],
    ["150650-37XX", "low", "partly-masked", "150650-****", NOW],
    ["1506503***", "low", "partly-masked", "150650-****", NOW],
    ["750650-3720", "low", "substitute", "750650-****", NOW],
    ["1506501AB3", "low", "substitute", "150650-****", NOW],
  ])("%j → %s (%s)", (text, confidence, form, masked, now) => {
    expect(only(text, now)).toMatchObject({ confidence, form, masked });
  });

  it("modulus 11 sets the compact level: fail → LOW, pass with plausible age → MEDIUM", () => {
    expect(only("0101905811").reasons).toEqual(expect.arrayContaining(["mod11-fail", "first-of-january"]));
    expect(only("1208407135", Y2041).reasons).toContain("mod11-pass");
  });
});

describe("docs/design/cpr-number.md §7: must not detect (invalid or future)", () => {
  it.each<[string, Date]>([
    ["290200-0123", NOW],
    ["290201-1234", NOW],
    ["310490-1234", NOW],
    ["000190-1234", NOW],
    ["011390-1234", NOW],
    ["320190-1234", NOW],
    ["150645-5120", NOW],
    ["120840-7135", NOW],
    ["1208407135", NOW],
    ["150650-XXXX", NOW],
    ["150650-xxxx", NOW],
    ["150650-****", NOW],
    ["150650-\u2022\u2022\u2022\u2022", NOW],
    ["150650XXXX", NOW],
    ["CPR: 150650-****", NOW],
    ["XXXXXX-XXXX", NOW],
    ["xxxxxx-3720", NOW], // a serial alone identifies no one (docs/design/cpr-number.md §4)
  ])("%j → nothing", (text, now) => {
    expect(findCprNumbers(text, { now })).toEqual([]);
  });
});

describe("docs/design/cpr-number.md §7: hard negatives stay quiet", () => {
  it.each([
    ["Tlf. +45 12 34 56 78"],
    ["tlf. 12345678"],
    ["004512345678"],
    ["+4512345678"],
    ["CVR-nr. 12345674"],
    ["DK12345674"],
    ["Reg.nr. 1234 kontonr. 0104851258"], // passes date + modulus 11: the bank context silences it
    ["1234-0104851258"], // reg.nr + account without words
    ["1234 0104851258"],
    ["1234-1234567890"],
    ["1234 0001234567"],
    ["EAN 5798000012349"],
    ["IBAN DK50 0040 0440 1162 43"],
    ["DK5000400440116243"],
    ["J.nr. 2011-323-0246"],
    ["født 01-01-1990"],
    ["01.01.1990"],
    ["1990-01-01"],
    ["kl. 10.15-12.30"],
    ["https://example.org/x?ts=1704067204"], // passes date + modulus 11
    ["timestamp 1704067204"],
    ["P-nr. 1003381249"], // passes date + modulus 11
    ["100108\t8900"], // table cells never join
    ["Fakturanr. 3104901234"],
    ["ISBN 8702123456"],
    ["Beløb: 1.506.503,72 kr."],
    ["Norsk fødselsnummer 15065012345"],
  ])("%j → nothing", (text) => {
    expect(findCprNumbers(text, { now: NOW })).toEqual([]);
  });

  it("postcode and town after the space form: LOW, never more", () => {
    const m = only("Ordrenr. 100108 8900 Randers C");
    expect(m.confidence).toBe("low");
    expect(m.reasons).toContain("postcode-follows");
    expect(only("Leveret 100108 8900 Randers C").confidence).toBe("low");
  });

  it("an HTML table row with cells 100108 and 8900 finds nothing", () => {
    expect(findCprNumbers(htmlToText("<table><tr><td>100108</td><td>8900</td></tr></table>"), { now: NOW })).toEqual([]);
  });
});

describe("digit boundaries, not \\b", () => {
  it.each([
    ["1506503720_ansøgning.pdf", 0, 10],
    ["CPR150650-3720.docx", 3, 14],
    ["nr:150650-3720", 3, 14],
    ["abc150650-3720def", 3, 14],
    ["(150650-3720)", 1, 12],
  ])("%j is found at %i–%i", (text, start, end) => {
    expect(only(text)).toMatchObject({ start, end });
  });

  it.each([["11506503720"], ["15065037201"], ["9150650-3720"], ["150650-37201"], ["1506503720\u200B1"]])(
    "%j (inside a longer digit run) is not found",
    (text) => {
      expect(findCprNumbers(text, { now: NOW })).toEqual([]);
    },
  );
});

describe("offsets land on the original characters", () => {
  it.each([
    ["Se \uFF11\uFF15\uFF10\uFF16\uFF15\uFF10-\uFF13\uFF17\uFF12\uFF10 her", 3, 14],
    ["Se 150650\u200B-3720 her", 3, 15],
    ["Se 1506\u00AD50\u2013\u200B3720.", 3, 16],
    ["Se 15.06.50-3720.", 3, 16],
  ])("%j → %i–%i", (text, start, end) => {
    expect(only(text)).toMatchObject({ start, end });
  });
});

describe("soft and hard line breaks", () => {
  it("a PDF wrap listed in softBreaks is crossed", () => {
    const text = "Borger 150650-\n3720 er oplyst";
    const m = findCprNumbers(text, { now: NOW, softBreaks: [14] });
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ start: 7, end: 19, masked: "150650-****", confidence: "high" });
    expect(findCprNumbers(text, { now: NOW })).toEqual([]);
  });

  it("\\r\\n soft breaks and wraps inside the date part", () => {
    expect(findCprNumbers("CPR 1506\r\n503720", { now: NOW, softBreaks: [8] })).toHaveLength(1);
  });

  it.each([["150650\n3720"], ["150650-\n3720"], ["100108\t8900"], ["150650\u2028-3720"], ["1506\n503720"]])(
    "%j without soft breaks is never one number",
    (text) => {
      expect(findCprNumbers(text, { now: NOW })).toEqual([]);
    },
  );

  it("a soft break offset that is not a line break is ignored", () => {
    expect(findCprNumbers("150650 3720x", { now: NOW, softBreaks: [6, 99, -1] })).toHaveLength(1);
  });
});

describe("context keywords (docs/design/cpr-number.md §6.4)", () => {
  it.each([
    ["CPR: 1506503720"],
    ["cpr.nr. 1506503720"],
    ["Cpr-nummer 1506503720"],
    ["CPR#1506503720"],
    ["Pers.nr. 1506503720"],
    ["Personnr: 1506503720"],
    ["Sygesikringsbevis 1506503720"],
    ["Civil registration number 1506503720"],
    ["Personal identification number: 1506503720"],
    ["SSN 1506503720"],
    ["1506503720 (CPR)"],
    ["CPR\u2011nr. 1506503720"], // non-breaking hyphen in the keyword
    ["https://sag.kommune.dk/vis?cpr=1506503720"],
  ])("strong keyword: %j → HIGH", (text) => {
    const m = only(text);
    expect(m.confidence).toBe("high");
    expect(m.reasons).toContain("keyword");
  });

  it.each([["Borgerens nummer 1506503720"], ["Født: 1506503720"], ["Ansøger 1506503720"], ["Date of birth 1506503720"]])(
    "weak keyword alone: %j → MEDIUM, never HIGH",
    (text) => {
      const m = only(text);
      expect(m.confidence).toBe("medium");
      expect(m.reasons).toContain("weak-keyword");
    },
  );

  it.each([
    ["Kontonr. 150650-3720", "medium"],
    ["Tlf 150650-3720", "medium"],
    ["Faktura 15.06.50-3720", "low"],
    ["Sagsnr. 150650 3720", "low"],
  ])("negative label on a written form: %j → %s", (text, confidence) => {
    const m = only(text);
    expect(m.confidence).toBe(confidence);
    expect(m.reasons).toContain("negative-context");
  });

  it.each([["Kontonr. 1506503720"], ["Tlf.: 1506503720"], ["Ordrenr 1003381249"], ["Faktura nr. 1208407135"], ["P-nummer 1003381249"]])(
    "negative label on the compact form: %j → nothing",
    (text) => {
      expect(findCprNumbers(text, { now: Y2041 })).toEqual([]);
    },
  );

  it("P-nr. is neutral for the hyphenated form", () => {
    expect(only("P-nr. 150650-3720").confidence).toBe("high");
  });

  it("a negative keyword labels only the number right after it", () => {
    // "tlf" labels the phone number, not the CPR number after it.
    expect(only("Tlf. 12345678, CPR 1506503720").confidence).toBe("high");
    expect(only("Tlf. 12345678 og 150650-3720").confidence).toBe("high");
    // A strong keyword followed by a closer negative label: the label wins.
    expect(findCprNumbers("CPR oplyst. Kontonr. 0104851258", { now: NOW })).toEqual([]);
  });

  it("a URL lowers the written form; a cpr= parameter raises it", () => {
    const inUrl = only("https://example.org/a/150650-3720/b");
    expect(inUrl.confidence).toBe("medium");
    expect(inUrl.reasons).toContain("in-url");
    expect(only("https://example.org/?cpr=150650-3720").confidence).toBe("high");
  });

  it("the window is configurable (default 100 characters, same text)", () => {
    const text = "CPR " + "x".repeat(150) + " 1506503720";
    expect(only(text).confidence).toBe("low");
    expect(findCprNumbers(text, { now: NOW, contextWindow: 200 })[0]?.confidence).toBe("high");
    expect(findCprNumbers("CPR 1506503720", { now: NOW, contextWindow: 0 })[0]?.confidence).toBe("low");
    expect(findCprNumbers("CPR 1506503720", { now: NOW, contextWindow: Number.NaN })[0]?.confidence).toBe("high");
  });
});

describe("columns and lists (docs/design/cpr-number.md §6.1 step 5)", () => {
  it("≥ 3 ten-digit values, ≥ 80 % valid, in a list: HIGH without a header", () => {
    const found = findCprNumbers("Liste:\n1506503720\n2412102145\n1503756125", { now: NOW });
    expect(found.map((m) => m.confidence)).toEqual(["high", "high", "high"]);
    for (const m of found) expect(m.reasons).toContain("cpr-column");
  });

  it("a list where most values are not dates is not a CPR column", () => {
    const found = findCprNumbers("Numre:\n1506503720\n3104901234\n9912345678\n4012345678", { now: NOW });
    expect(found.map((m) => m.confidence)).toEqual(["low"]);
  });

  it("two values are not a column", () => {
    expect(findCprNumbers("Liste:\n1506503720\n2412102145", { now: NOW }).map((m) => m.confidence)).toEqual(["low", "low"]);
  });

  it("a column from an HTML table with a header far away", () => {
    const rows = Array.from({ length: 12 }, (_, i) => `<tr><td>Person nummer ${i} med et langt navn</td><td>${i % 2 ? "2412102145" : "1506503720"}</td></tr>`);
    const text = htmlToText(`<table><tr><th>Navn</th><th><p>CPR-nr.</p></th></tr>${rows.join("")}</table>`);
    const found = findCprNumbers(text, { now: NOW });
    expect(found).toHaveLength(12);
    for (const m of found) expect(m).toMatchObject({ confidence: "high" });
  });
});

describe("decimal fractions", () => {
  it.each(["0.1506503720", "0,1506503720", "-0.1506503720", "Sandsynlighed 0.2412102145 pr. år", "x = 0,150650"])("%s is no CPR number", (text) => {
    expect(findCprNumbers(text, { now: NOW })).toEqual([]);
  });

  it.each(["CPR 0. 1506503720", "Beløb: 0 kr. CPR 1506503720", "CPR: 0,-\n1506503720"])("%s still is: the zero is no integer part of it", (text) => {
    expect(findCprNumbers(text, { now: NOW }).map((m) => m.confidence)).toEqual(["high"]);
  });
});

describe("repeated in one message", () => {
  it("≥ 2 distinct compact numbers passing modulus 11 raise each other to HIGH", () => {
    const found = findCprNumbers(`Numre: ${FUTURE_MOD11[0]} og senere ${"x".repeat(120)} ${FUTURE_MOD11[1]}`, { now: Y2041 });
    expect(found.map((m) => m.confidence)).toEqual(["high", "high"]);
    for (const m of found) expect(m.reasons).toContain("repeated-in-message");
  });

  it("the same number twice is one number", () => {
    const n = FUTURE_MOD11[0] as string;
    expect(findCprNumbers(`${n} og ${n}`, { now: Y2041 }).map((m) => m.confidence)).toEqual(["medium", "medium"]);
  });

  it("only numbers passing modulus 11 count toward the two: a failing one does not raise a passing one", () => {
    const found = findCprNumbers(`${FUTURE_MOD11[0]} og 1506503720`, { now: Y2041 });
    expect(found.map((m) => m.confidence)).toEqual(["medium", "low"]);
    for (const m of found) expect(m.reasons).not.toContain("repeated-in-message");
  });

  it("compact numbers failing modulus 11 are not raised", () => {
    expect(findCprNumbers("1506503720 og 0101905811", { now: NOW }).map((m) => m.confidence)).toEqual(["low", "low"]);
  });
});

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

describe("a finding never holds the number", () => {
  it("no field of a match or finding contains the serial digits", () => {
    const text = "CPR 150650-3720, 1506503720, 15.06.50-3720, 150650 3720";
    const json = JSON.stringify(findCprNumbers(text, { now: NOW })) + JSON.stringify(findCprInSegments([{ text, location: { part: "body" } }], { now: NOW }));
    expect(json).not.toMatch(/3720/);
    expect(json).toMatch(/150650-\*\*\*\*/);
  });
});
