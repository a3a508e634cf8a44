/**
 * The CPR rule's context: keywords, columns and lists, decimals, and "repeated in one message"
 * (docs/design/cpr-number.md §6.1, §6.4). Synthetic numbers only, as in cpr.test.ts.
 */
import { htmlToText } from "../text/html-to-text";
import { findCprNumbers, type CprMatch } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23
const Y2041 = new Date(2041, 5, 1);

/** Synthetic numbers born 2030–2039 that pass modulus 11: valid only with the clock in 2041. */
const FUTURE_MOD11 = ["0203305001", "1711335001", "0909386004", "2512397002"];

function only(text: string, now: Date = NOW): CprMatch {
  const found = findCprNumbers(text, { now });
  expect(found).toHaveLength(1);
  return found[0] as CprMatch;
}

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
    // After a word that ends in "e": "e-cpr" read from inside the word must not hide the "cpr".
    ["Ansøgere-CPR: 1506503720"],
    ["Renée-CPR: 1506503720"],
    // `_` is no word character: the keyword after it stands at a word start, also when the `_`
    // is the first character of the window after the number.
    ["sag_cpr 1506503720"],
    ["1506503720_CPR"],
  ])("strong keyword: %j → HIGH", (text) => {
    const m = only(text);
    expect(m.confidence).toBe("high");
    expect(m.reasons).toContain("keyword");
  });

  it.each([
    ["Borgerens nummer 1506503720"],
    ["Født: 1506503720"],
    ["Ansøger 1506503720"],
    ["Date of birth 1506503720"],
    // "national id" read from inside "International" must not hide the "ID-nr" after it.
    ["International ID-nr.: 1506503720"],
  ])(
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
