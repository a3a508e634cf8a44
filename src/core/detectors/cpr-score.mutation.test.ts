/**
 * "≥ 2 valid compact numbers" (docs/design/cpr-number.md §6.2, compact row) counts compact numbers
 * only: written forms are judged on their own. Pinned through findCprNumbers; found by mutation
 * testing (docs/mutation.md). Synthetic numbers born 2030-2039 that pass modulus 11, valid only
 * with the clock in 2041 (as in cpr-context.test.ts).
 */
import type { TextSegment } from "../location";
import { findCprInSegments, findCprNumbers } from "./cpr";

const Y2041 = new Date(2041, 5, 1);

describe("repeated in one message counts compact numbers only", () => {
  it("two hyphenated numbers passing modulus 11 do not mark each other repeated", () => {
    const found = findCprNumbers("Numre: 020330-5001 og 171133-5001", { now: Y2041 });
    expect(found).toHaveLength(2);
    for (const m of found) expect(m.reasons).not.toContain("repeated-in-message");
  });

  it("a hyphenated number does not raise a compact one: the compact number stays MEDIUM", () => {
    const found = findCprNumbers(`Numre: 020330-5001 og senere ${"x".repeat(120)} 1711335001`, { now: Y2041 });
    expect(found.map((m) => [m.form, m.confidence])).toEqual([
      ["hyphen", "high"],
      ["compact", "medium"],
    ]);
    for (const m of found) expect(m.reasons).not.toContain("repeated-in-message");
  });

  it("a nine-digit value with its zero put back is no second compact number", () => {
    // 203305001 under a CPR header is 020330-5001 (HIGH by its column); it does not raise 1711335001.
    const found = findCprNumbers(`CPR\tNavn\n203305001\tA\n\n${"x".repeat(150)} 1711335001`, { now: Y2041 });
    expect(found.map((m) => [m.masked, m.confidence])).toEqual([
      ["020330-****", "high"],
      ["171133-****", "medium"],
    ]);
    expect(found[0]?.reasons).toContain("leading-zero-restored");
  });
});

/**
 * The rest of the decision table (§6.2), row by row, with the reasons an admin reads in the
 * report. Synthetic numbers (§7): 150650-3720 (1950, fails modulus 11, not 1 January),
 * 150375-6125 (1875, passes), 010175-6000 (1 January 1875, fails), and with the clock in 2041
 * 020330-5001 and 120840-7135 (born after today, pass).
 */
const NOW = new Date(2026, 10, 23);

function rows(text: string, now: Date = NOW): [string, string, string[]][] {
  return findCprNumbers(text, { now }).map((m) => [m.form, m.confidence, [...m.reasons]]);
}

describe("the decision table, row by row", () => {
  it.each<[string, Date, [string, string, string[]][]]>([
    // hyphen: HIGH alone, MEDIUM under a negative label or in a URL
    ["150650-3720", NOW, [["hyphen", "high", ["mod11-fail"]]]],
    ["Tlf 150650-3720", NOW, [["hyphen", "medium", ["mod11-fail", "negative-context"]]]],
    ["https://example.org/a/150650-3720", NOW, [["hyphen", "medium", ["mod11-fail", "negative-context", "in-url"]]]],
    // a keyword inside a URL path raises nothing: the URL wins
    ["https://example.org/cpr/150650-3720", NOW, [["hyphen", "medium", ["mod11-fail", "negative-context", "in-url"]]]],
    ["https://example.org/cpr/1506503720", NOW, []],
    // dotted: MEDIUM, LOW under a negative label, and a weak keyword does not lift that
    ["15.06.50-3720", NOW, [["dotted", "medium", ["mod11-fail"]]]],
    ["Tlf 15.06.50-3720", NOW, [["dotted", "low", ["mod11-fail", "negative-context"]]]],
    ["F\u00F8dt, tlf 15.06.50-3720", NOW, [["dotted", "low", ["weak-keyword", "mod11-fail", "negative-context"]]]],
    // single space: HIGH with modulus 11 or on 1 January, else MEDIUM; LOW under a label or before a town
    ["150650 3720", NOW, [["space", "medium", ["mod11-fail"]]]],
    ["020330 5001", new Date(2041, 5, 1), [["space", "high", ["mod11-pass"]]]],
    ["010175 6000", NOW, [["space", "high", ["mod11-fail", "first-of-january", "age-over-110"]]]],
    ["Tlf 150650 3720", NOW, [["space", "low", ["mod11-fail", "negative-context"]]]],
    ["Ordre 150650 3720 Randers", NOW, [["space", "low", ["mod11-fail", "negative-context", "postcode-follows"]]]],
    ["Sendt 150650 3720 Randers", NOW, [["space", "low", ["mod11-fail", "postcode-follows"]]]],
    ["F\u00F8dt 150650 3720 Randers", NOW, [["space", "medium", ["weak-keyword", "mod11-fail", "postcode-follows"]]]],
    // compact: MEDIUM with modulus 11 and a plausible age, else LOW; nothing under a label
    ["1506503720", NOW, [["compact", "low", ["mod11-fail"]]]],
    ["1208407135", new Date(2041, 5, 1), [["compact", "medium", ["mod11-pass"]]]],
    ["1503756125", NOW, [["compact", "low", ["mod11-pass", "age-over-110"]]]],
    ["F\u00F8dt 1503756125", NOW, [["compact", "medium", ["weak-keyword", "mod11-pass", "age-over-110"]]]],
    ["Tlf 1506503720", NOW, []],
    // any form with a strong keyword: HIGH
    ["CPR 1506503720", NOW, [["compact", "high", ["keyword", "mod11-fail"]]]],
    ["CPR, f\u00F8dt 1506503720", NOW, [["compact", "high", ["keyword", "weak-keyword", "mod11-fail"]]]],
  ])("%j → %j", (text, now, expected) => {
    expect(rows(text, now)).toEqual(expected);
  });
});

describe("partly masked and substitute numbers are LOW at most", () => {
  it.each<[string, [string, string, string[]][]]>([
    ["150650-37XX", [["partly-masked", "low", ["partly-masked"]]]],
    ["CPR: 150650-37XX", [["partly-masked", "low", ["partly-masked", "keyword"]]]],
    ["750650-3720", [["substitute", "low", ["substitute-number"]]]],
    ["750650 3720", [["substitute", "low", ["substitute-number"]]]],
    ["CPR 750650-3720", [["substitute", "low", ["substitute-number", "keyword"]]]],
    // compact, a substitute number is a random ten-digit number unless a keyword names it
    ["7506503720", []],
    ["CPR 7506503720", [["substitute", "low", ["substitute-number", "keyword"]]]],
    // under a negative label or in a URL: nothing
    ["Tlf 750650-3720", []],
    ["https://example.org/a/750650-3720", []],
  ])("%j → %j", (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe("a number in an attachment's name says so", () => {
  const named = (name: string): TextSegment => ({ text: name, location: { part: "attachment", attachment: name, place: { kind: "file-name" } } });

  it.each<[string, string, string[]]>([
    ["150650-3720_ansoegning.pdf", "high", ["mod11-fail", "in-file-name"]],
    ["150650-37XX_scan.pdf", "low", ["partly-masked", "in-file-name"]],
    ["CPR_150650-37XX.pdf", "low", ["partly-masked", "keyword", "in-file-name"]],
    ["750650-3720.pdf", "low", ["substitute-number", "in-file-name"]],
    ["CPR_7506503720.pdf", "low", ["substitute-number", "keyword", "in-file-name"]],
  ])("%j → %s %j", (name, confidence, reasons) => {
    const found = findCprInSegments([named(name)], { now: NOW });
    expect(found.map((f) => [f.confidence, [...f.reasons]])).toEqual([[confidence, reasons]]);
  });
});
