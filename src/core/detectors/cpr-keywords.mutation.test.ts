/**
 * Which header cells and list labels name a CPR column (cpr-keywords.ts isCprHeader and
 * isOtherNumberHeader, docs/design/cpr-number.md §6.1 step 5), at the edges mutation testing found
 * unpinned (docs/mutation.md). Through findCprNumbers: one number under a header far beyond the
 * keyword window is HIGH by its column when the header names the CPR number, LOW otherwise.
 *
 * Synthetic numbers only (§7): 150650-3720 and 241210-2145 (born 1950 and 1910) fail modulus 11
 * on a date other than 1 January; 150375-6125 is born 1875.
 */
import { findCprNumbers } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23
const FILLER = "Hansen Andersen J\u00F8rgensen Christensen".repeat(3);

/** The level of one compact number under `header`, in a tab table, 110+ characters below it. */
function under(header: string): string[] {
  return findCprNumbers(`Navn\t${header}\n${FILLER}\t1506503720`, { now: NOW }).map((m) => m.confidence);
}

describe("a header names the CPR column", () => {
  it.each([
    ["CPR"],
    ["Borgerens CPR"],
    ["XCPR / CPR"],
    ["\uFF23\uFF30\uFF32"], // full-width
    ["CP\u00ADR-nr."], // a soft hyphen in it
    ["CPR" + " ".repeat(60)], // trailing spaces do not count toward the length
    ["CPR " + "x".repeat(56)], // 60 characters
    ["CPR 1234"],
  ])("%j → HIGH", (header) => {
    expect(under(header)).toEqual(["high"]);
  });

  it.each([
    ["XCPR"],
    ["Nummer"],
    ["CPR " + "x".repeat(57)], // 61 characters: no header, a sentence
    ["CPR 12345"], // a number in it: a value, not a header
  ])("%j → LOW", (header) => {
    expect(under(header)).toEqual(["low"]);
  });
});

describe("a header naming another number keeps date-like values from forming a CPR column", () => {
  /** Three valid dates: a CPR column by count (≥ 3 values, ≥ 80 % valid) unless the header says otherwise. */
  const VALUES = ["1506503720", "2412102145", "1503756125"];
  const column = (header: string) =>
    findCprNumbers(`Navn\t${header}\n${VALUES.map((v) => `${FILLER}\t${v}`).join("\n")}`, { now: NOW }).map((m) => m.confidence);

  it.each([["Fakturanr."], ["Sagsnr."], ["Kontonr."], ["P-nummer"]])("%j → no CPR column: LOW", (header) => {
    expect(column(header)).toEqual(["low", "low", "low"]);
  });

  it.each([["Nummer"], ["Fakturanr. 12345"], ["XFaktura"], ["Fakturanr./CPR"]])("%j → a CPR column: HIGH", (header) => {
    expect(column(header)).toEqual(["high", "high", "high"]);
  });
});

describe("a keyword after a character beyond Latin-1 starts a word", () => {
  // Word's curly quotes make the window two-byte, so it is normalized and lower-cased before matching.
  it("\u201cCPR\u201d: 1506503720 → HIGH", () => {
    expect(findCprNumbers("\u201cCPR\u201d: 1506503720", { now: NOW }).map((m) => m.confidence)).toEqual(["high"]);
  });
});
