import fc from "fast-check";
import { findCprNumbers } from "../detectors/cpr";
import { htmlToText } from "./html-to-text";

const NOW = new Date(2026, 10, 23);
const LS = "\u2028";

describe("htmlToText", () => {
  it.each([
    ["number split across spans joins with no separator", "<span>1506</span><span>50-3720</span>", "150650-3720"],
    ["split across <b>", "<b>150650</b>-3720", "150650-3720"],
    ["split across <a>, <i>, <font>, <o:p>", "<a>15</a><i>06</i><font>50</font>-<o:p>3720</o:p>", "150650-3720"],
    ["&#45; decodes to a hyphen", "150650&#45;3720", "150650-3720"],
    ["&#8209; decodes to a non-breaking hyphen", "150650&#8209;3720", "150650\u20113720"],
    ["&nbsp; is kept as U+00A0", "150650&nbsp;3720", "150650\u00A03720"],
    ["named and hex entities", "&aelig;&oslash;&aring; &#x2013; &amp;", "æøå \u2013 &"],
    ["source whitespace collapses", "<p>  CPR:\n   150650-3720  </p>", "CPR: 150650-3720"],
    ["blocks become lines", "<div>a</div><div>b</div><p>c</p><h1>d</h1>", "a\nb\nc\nd"],
    ["<br> is a line break", "a<br>b<br/>c", "a\nb\nc"],
    ["list items are lines", "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>", "a\nb\nc"],
    ["table cells → tab, rows → newline", "<table><tr><th>CPR</th><th>Navn</th></tr><tr><td>1</td><td>A</td></tr></table>", "CPR\tNavn\n1\tA"],
    ["empty cells keep their column", "<table><tr><td></td><td>x</td></tr></table>", "\tx"],
    ["paragraphs inside a cell stay on the row", "<table><tr><td><p>A</p><p>B</p></td><td>C</td></tr></table>", `A${LS}B\tC`],
    ["script, style, head and title are dropped", "<html><head><title>T</title><style>p{color:red}</style></head><body>x<script>var a='150650-3720'</script>y</body></html>", "xy"],
    ["quoted replies are kept", "<p>Svar</p><blockquote type=cite><p>CPR 150650-3720</p></blockquote>", "Svar\nCPR 150650-3720"],
    ["href, alt and title go on their own lines", "<p>Se <a href=\"https://x.dk/?cpr=150650-3720\" title=\"T\">her</a> nu</p><p>slut</p>", "Se her nu\nhttps://x.dk/?cpr=150650-3720\nT\nslut"],
    ["href percent-escapes are decoded", "<a href=\"mailto:a@b.dk?subject=CPR%20150650%2D3720\">m</a>", "m\nmailto:a@b.dk?subject=CPR 150650-3720"],
    ["a malformed escape is kept as is", "<a href=\"x%E0%A4%A\">m</a>", "m\nx%E0%A4%A"],
    ["img alt", "tekst<img src=\"cid:1\" alt=\"150650-3720\">mere", "tekstmere\n150650-3720"],
    ["comments are scanned on their own line", "a<!-- 150650-3720 -->b", "ab\n150650-3720"],
    ["pre keeps its line breaks", "<pre>a\n  b</pre>c", "a\n  b\nc"],
    ["empty input", "", ""],
    ["plain text passes through", "bare tekst 150650-3720", "bare tekst 150650-3720"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it("table cells are never glued into one number", () => {
    const text = htmlToText("<table><tr><td>100108</td> <td>8900</td></tr><tr><td>150650</td>\n<td>3720</td></tr></table>");
    expect(text).toBe("100108\t8900\n150650\t3720");
    expect(findCprNumbers(text, { now: NOW })).toEqual([]);
  });

  it("a number in a quoted reply is found", () => {
    const html =
      "<div>Tak for svaret.</div><div><br></div><div style=\"border-top:solid 1pt\"><b>Fra:</b> Borger</div>" +
      "<blockquote><div>Mit CPR-nr. er <span style=\"font-weight:bold\">1506</span>50-3720</div></blockquote>";
    const found = findCprNumbers(htmlToText(html), { now: NOW });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ masked: "150650-****", confidence: "high" });
  });

  it("column header context from an HTML table (Outlook's <p class=MsoNormal> in cells)", () => {
    const row = (name: string, n: string): string =>
      `<tr><td><p class=MsoNormal>${name}<o:p></o:p></p></td><td><p class=MsoNormal>${n}<o:p></o:p></p></td></tr>`;
    const html =
      "<table class=MsoTableGrid><tr><td><p class=MsoNormal><b>Navn</b></p></td><td><p class=MsoNormal><b>CPR</b></p></td></tr>" +
      row("Anders Andersen fra Randers Kommune, Social- og Sundhed", "1506503720") +
      row("Bente Bentsen fra Randers Kommune, Social- og Sundhed", "2412102145") +
      row("Carl Carlsen fra Randers Kommune, Social- og Sundhed", "1503756125") +
      "</table>";
    const text = htmlToText(html);
    expect(text.split("\n")[0]).toBe("Navn\tCPR");
    const found = findCprNumbers(text, { now: NOW });
    expect(found.map((m) => m.confidence)).toEqual(["high", "high", "high"]);
    expect(found[2]?.reasons).toContain("cpr-column");
  });

  it("a number in an href or alt is found", () => {
    const found = findCprNumbers(htmlToText('<a href="mailto:a@b.dk?subject=150650-3720">skriv</a>'), { now: NOW });
    expect(found.map((m) => m.masked)).toEqual(["150650-****"]);
  });

  it("never throws on arbitrary input (seeded)", () => {
    const tag = fc.constantFrom("<p>", "</p>", "<td>", "</td>", "<tr>", "<table>", "</table>", "<br>", "<span>", "</span>", "<!--", "-->", "<script>", "</script>", "<head>", "&nbsp;", "&#8209;", "&#", "<a href='", "'>", "<");
    const piece = fc.oneof(fc.string({ unit: "binary", maxLength: 8 }), tag, fc.constantFrom("150650", "-3720", "1506503720"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = htmlToText(parts.join(""));
        expect(typeof text).toBe("string");
        findCprNumbers(text, { now: NOW });
      }),
      { seed: 11, numRuns: 400 },
    );
  });
});
