/**
 * The CPR rule against every vector of docs/design/cpr-number.md §7, with the clock pinned. All numbers are synthetic
 * (docs/design/cpr-number.md §7): births 1858–1915, births after today with the clock moved to 2041, or numbers that
 * fail modulus 11 on a date other than 1 January.
 */
import { htmlToText } from "../text/html-to-text";
import { findCprInSegments, findCprNumbers, type CprMatch } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23
const Y2041 = new Date(2041, 5, 1);


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

describe("a finding never holds the number", () => {
  it("no field of a match or finding contains the serial digits", () => {
    const text = "CPR 150650-3720, 1506503720, 15.06.50-3720, 150650 3720";
    const json = JSON.stringify(findCprNumbers(text, { now: NOW })) + JSON.stringify(findCprInSegments([{ text, location: { part: "body" } }], { now: NOW }));
    expect(json).not.toMatch(/3720/);
    expect(json).toMatch(/150650-\*\*\*\*/);
  });
});
