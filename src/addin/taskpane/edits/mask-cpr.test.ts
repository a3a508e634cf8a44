import type { MaskedCpr } from "../../../core";
import { maskChars } from "../../../core";
import { maskCprInHtml, maskCprInPlainText } from "./mask-cpr";

// Synthetic numbers only (docs/design/cpr-number.md §7): 150650-3720 fails modulus 11 on an ordinary date,
// 241210-2145 is from 1910.
const NOW = new Date("2026-06-01T12:00:00Z");
const A = "150650-****" as MaskedCpr;
const B = "241210-****" as MaskedCpr;
/** Ten CPR digits in a row, with or without a separator: what must never survive a mask. */
const FULL = /\d{6}\s*[-\u2010-\u2015]?\s*\d{4}/;

describe("maskChars", () => {
  it.each([
    ["150650-3720", "150650-****"],
    ["1506503720", "150650-****"],
    ["150650 - 3720", "150650-****"],
    ["15.06.50-3720", "15.06.50-****"],
    ["150650-37XX", "150650-****"],
  ])("%s → %s", (input, expected) => {
    expect(maskChars(input.split("")).join("")).toBe(expected);
  });
});

describe("maskCprInPlainText", () => {
  it.each([
    ["Sag 150650-3720 om bolig", A, "Sag 150650-**** om bolig"],
    ["CPR 1506503720", A, "CPR 150650-****"],
    ["150650-3720 og 241210-2145", B, "150650-3720 og 241210-****"],
    ["150650-3720 og 241210-2145", "all", "150650-**** og 241210-****"],
  ] as const)("%j, target %s", (input, target, expected) => {
    const out = maskCprInPlainText(input, target, NOW);
    expect(out.text).toBe(expected);
    expect(out.masked).toBeGreaterThan(0);
  });

  it("returns the text itself when nothing matches", () => {
    const text = "Ingen numre her, kun tlf. 12345678";
    expect(maskCprInPlainText(text, "all", NOW)).toEqual({ text, masked: 0 });
  });
});

describe("maskCprInHtml keeps the formatting", () => {
  it.each([
    ["bold date part", "<p>Se <b>150650</b>-3720 her</p>", "<p>Se <b>150650</b>-**** her</p>"],
    ["split across spans", "<p><span>1506</span><span>50-3720</span></p>", "<p><span>1506</span><span>50-****</span></p>"],
    ["serial in a link", '<p>150650-<a href="https://x.example/">3720</a></p>', '<p>150650-<a href="https://x.example/">****</a></p>'],
    ["italic around all", "<div><i>150650-3720</i> og <u>tekst</u></div>", "<div><i>150650-****</i> og <u>tekst</u></div>"],
    ["compact form gets a hyphen", "<p>CPR: 1506503720</p>", "<p>CPR: 150650-****</p>"],
    ["table cell", "<table><tbody><tr><td>CPR</td><td>150650-3720</td></tr></tbody></table>", "<table><tbody><tr><td>CPR</td><td>150650-****</td></tr></tbody></table>"],
    ["entity hyphen", "<p>150650&#8209;3720</p>", "<p>150650-****</p>"],
  ])("%s", (_name, html, expected) => {
    const out = maskCprInHtml(html, A, NOW);
    expect(out.text).toBe(expected);
    expect(out.masked).toBe(1);
    expect(out.text).not.toMatch(FULL);
  });

  it("masks every occurrence of the target and leaves other numbers", () => {
    const html = "<p>150650-3720</p><p>241210-2145</p><p>igen <b>150650-3720</b></p>";
    const out = maskCprInHtml(html, A, NOW);
    expect(out.masked).toBe(2);
    expect(out.text).toBe("<p>150650-****</p><p>241210-2145</p><p>igen <b>150650-****</b></p>");
  });

  it("never joins two paragraphs into one number", () => {
    const html = "<p>150650</p><p>3720</p>";
    expect(maskCprInHtml(html, "all", NOW)).toEqual({ text: html, masked: 0 });
  });

  it("keeps a whole document whole: head, styles and doctype", () => {
    const html =
      '<!DOCTYPE html><html><head><style>p{color:red}</style></head><body><p class="MsoNormal">Borger <b>241210-2145</b></p></body></html>';
    const out = maskCprInHtml(html, B, NOW);
    expect(out.text).toBe(
      '<!DOCTYPE html><html><head><style>p{color:red}</style></head><body><p class="MsoNormal">Borger <b>241210-****</b></p></body></html>',
    );
  });

  it("does not touch script or style text", () => {
    const html = "<style>/* 150650-3720 */</style><p>tekst</p>";
    expect(maskCprInHtml(html, "all", NOW).masked).toBe(0);
  });

  it("returns the input string unchanged (not re-serialized) when nothing matches", () => {
    const html = "<P>Hej<BR>med dig</P>";
    expect(maskCprInHtml(html, "all", NOW).text).toBe(html);
  });
});
