import fc from "fast-check";
import { encodeUtf8 } from "../text/encode-utf8";
import type { XmlHandler } from "./xml";
import { attr, scanXml } from "./xml";

const SEED = 20261123;

type Event = ["open", string, string, boolean] | ["close", string] | ["text", string];

/** Every event the scanner reports, in order. `wanted` decides `wantsText` when given. */
function events(
  source: string | Uint8Array,
  options: { names?: readonly string[]; attrsOf?: readonly string[]; wanted?: (open: readonly string[]) => boolean } = {},
): Event[] {
  const out: Event[] = [];
  const open: string[] = [];
  const h: XmlHandler = {
    open(name, attrs, selfClosing) {
      out.push(["open", name, attrs, selfClosing]);
      if (!selfClosing) open.push(name);
    },
    close(name) {
      out.push(["close", name]);
      if (open[open.length - 1] === name) open.pop();
    },
    text(raw) {
      // Adjacent runs (split around a skipped tag) are one text for comparison.
      const last = out[out.length - 1];
      if (last && last[0] === "text") last[1] += raw;
      else out.push(["text", raw]);
    },
    ...(options.wanted ? { wantsText: () => (options.wanted as (o: readonly string[]) => boolean)(open) } : {}),
    ...(options.names ? { names: options.names } : {}),
    ...(options.attrsOf ? { attrsOf: options.attrsOf } : {}),
  };
  scanXml(source, h);
  return out;
}

/** The byte scanner and the text scanner must agree on every input: readers choose freely. */
function expectSameBothWays(xml: string, options: Parameters<typeof events>[1] = {}): Event[] {
  const fromText = events(xml, options);
  expect(events(encodeUtf8(xml), options)).toEqual(fromText);
  return fromText;
}

describe("scanXml", () => {
  it.each([
    ["plain", '<w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve">Borger </w:t></w:r></w:p>'],
    ["multi-byte text, short and long", `<t>æøå</t><t>${"Ærø og Åbenrå — “citat” 😀 ".repeat(5)}</t>`],
    ["comment hiding tags", "<a><!-- <t>ikke her</t> --><t>her</t></a>"],
    ["CDATA is text", "<a><![CDATA[1 < 2 & <b>]]></a>"],
    ["processing instruction and doctype", '<?xml version="1.0"?><!DOCTYPE x><a>tekst</a>'],
    ["self-closing with and without attributes", '<a><br/><tab w:pos="720"/><x:y  /></a>'],
    ["closing tag with spaces", "<a>1</a ><b>2</ b>"],
    ["text after the last tag", "<a/>hale"],
    ["unterminated tag drops the rest", "<a>1</a><b x='"],
    ["entities stay raw", "<t>&lt;150650&gt; &amp; &#x41;</t>"],
    ["attribute with > inside quotes (stops at the first >, as before)", '<a title="x>y">z</a>'],
    ["a lone < at the end, after a > in the last word (found a loop once)", "<w:p><"],
    ["lengths around word boundaries", "<a>1</a><bb>22</bb><ccc>333</ccc><dddd>4444</dddd>>"],
  ])("%s: bytes and text give the same events", (_label, xml) => {
    expect(expectSameBothWays(xml).length).toBeGreaterThan(0);
  });

  it("decodes multi-byte text exactly, however long the run", () => {
    const long = "Ærø og Åbenrå — “citat” 😀 ".repeat(5);
    expect(events(encodeUtf8(`<t>æøå</t><t>${long}</t>`))).toEqual([
      ["open", "t", "", false],
      ["text", "æøå"],
      ["close", "t"],
      ["open", "t", "", false],
      ["text", long],
      ["close", "t"],
    ]);
  });

  it("reads bytes that start at any offset of their buffer (a stored zip entry is a view)", () => {
    const xml = "<w:p><w:t>150650</w:t><w:t>-3720</w:t></w:p>";
    for (let offset = 0; offset < 8; offset++) {
      const buf = new Uint8Array(offset + xml.length + 3);
      buf.set(encodeUtf8(xml), offset);
      expect(events(buf.subarray(offset, offset + xml.length), { names: ["t"] })).toEqual(events(xml, { names: ["t"] }));
    }
  });

  it("skips a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encodeUtf8("<a>x</a>")]);
    expect(events(bytes)).toEqual([["open", "a", "", false], ["text", "x"], ["close", "a"]]);
  });

  it("reports only listed names, with prefixes stripped, and still hands over the text between", () => {
    const xml = '<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>150650</w:t></w:r><w:r><w:t>-3720</w:t></w:r></w:p>';
    const got = expectSameBothWays(xml, { names: ["p", "t"] });
    expect(got).toEqual([
      ["open", "p", "", false],
      ["open", "t", "", false],
      ["text", "150650"],
      ["close", "t"],
      ["open", "t", "", false],
      ["text", "-3720"],
      ["close", "t"],
      ["close", "p"],
    ]);
  });

  it("does not match a listed name by prefix only (t vs tab, tbl)", () => {
    const got = expectSameBothWays("<w:tbl><w:tab/><w:t>x</w:t></w:tbl>", { names: ["t"] });
    expect(got.filter((e) => e[0] === "open").map((e) => e[1])).toEqual(["t"]);
  });

  it("passes no text the handler does not want", () => {
    const got = expectSameBothWays("<a>nej<t>ja</t>nej<b>nej</b></a>", { names: ["t"], wanted: (open) => open.indexOf("t") >= 0 });
    expect(got.filter((e) => e[0] === "text").map((e) => e[1])).toEqual(["ja"]);
  });

  it("reads attributes of listed tags from either source", () => {
    for (const src of ['<c r="B12" t="s" s="3"/>', encodeUtf8('<x:c r="B12" t="s" s="3"/>')]) {
      const seen: Array<string | undefined> = [];
      scanXml(src, { open: (_n, attrs) => seen.push(attr(attrs, "r"), attr(attrs, "s")), close() {}, text() {}, names: ["c"] });
      expect(seen).toEqual(["B12", "3"]);
    }
  });

  it("hands attributes only to the tags that asked for them", () => {
    const xml = '<w:p w:rsidR="00A1"><w:tab w:pos="720"/><w:r w:rsidR="00B2"><w:t xml:space="preserve">x</w:t></w:r></w:p>';
    const got = expectSameBothWays(xml, { names: ["p", "tab", "t"], attrsOf: ["tab"] });
    expect(got.filter((e) => e[0] === "open")).toEqual([
      ["open", "p", "", false],
      ["open", "tab", ' w:pos="720"', true],
      ["open", "t", "", false],
    ]);
  });

  it("still names every tag when a part uses more distinct names than the cache holds", () => {
    const names = Array.from({ length: 600 }, (_, i) => `n${i}`);
    const xml = names.map((n) => `<${n}>${n}</${n}>`).join("");
    const got = expectSameBothWays(xml);
    expect(got.filter((e) => e[0] === "close").map((e) => e[1])).toEqual(names);
  });

  it("decodes text from bytes exactly as a whole-part decode would, valid UTF-8 or not (seeded)", () => {
    // Short runs are decoded by hand (two-byte letters), the rest natively: both must match.
    const chunk = fc.oneof(
      fc.constantFrom("<t>", "</t>", "<p>", "</p>").map((s) => Array.from(encodeUtf8(s))),
      fc.array(fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x3c && c !== 0x3e), { maxLength: 80 }),
      fc.constantFrom([0xc3, 0xa6], [0xc3, 0xb8], [0xc3], [0xe2, 0x80, 0x91], [0xf0, 0x9f, 0x98, 0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80]),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 30 }), (chunks) => {
        const bytes = new Uint8Array(chunks.flat());
        expect(events(bytes)).toEqual(events(new TextDecoder().decode(bytes)));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it("agrees both ways on random markup, with and without a name list (seeded)", () => {
    const piece = fc.constantFrom(
      "<w:p>", "</w:p>", "<w:t>", "</w:t>", "<w:tab/>", '<w:r w:rsidR="00AB">', "</w:r>", "<!-- <w:t>x</w:t> -->",
      "<![CDATA[a<b]]>", "<?pi x?>", "æø", "150650", "-", "&amp;", "<", ">", " ", "</ w:t >", "<a:t>", "😀", "<e x='>'>",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (pieces, filtered) => {
        const xml = pieces.join("");
        expectSameBothWays(xml, filtered ? { names: ["p", "t", "tab"], attrsOf: ["tab"], wanted: (open) => open.indexOf("t") >= 0 } : {});
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});
