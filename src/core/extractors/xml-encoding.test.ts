import { isExtractStop } from "./budget";
import { detectXmlEncoding, xmlPartSource, xmlPartText } from "./xml-encoding";

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16 = (s: string, le: boolean): Uint8Array => Uint8Array.from(Array.from(s).reduce<number[]>((a, c) => a.concat(le ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)]), []));

function stopOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return isExtractStop(e) ? { why: e.why, cause: e.cause } : e;
  }
  return undefined;
}

describe("detectXmlEncoding (XML 1.0 Appendix F)", () => {
  it.each([
    ["UTF-8 mark", bytes(0xef, 0xbb, 0xbf, 0x3c), { encoding: "utf-8", bom: 3 }],
    ["UTF-16LE mark", bytes(0xff, 0xfe, 0x3c, 0), { encoding: "utf-16le", bom: 2 }],
    ["UTF-16BE mark", bytes(0xfe, 0xff, 0, 0x3c), { encoding: "utf-16be", bom: 2 }],
    ["UTF-16LE declaration, no mark", utf16('<?xml encoding="UTF-16"?>', true), { encoding: "utf-16le", bom: 0 }],
    ["UTF-16BE declaration, no mark", utf16('<?xml encoding="UTF-16"?>', false), { encoding: "utf-16be", bom: 0 }],
    ["no declaration", ascii("<w:document/>"), { encoding: "utf-8", bom: 0 }],
    ["declared UTF-8", ascii('<?xml version="1.0" encoding="UTF-8"?><a/>'), { encoding: "utf-8", bom: 0 }],
    ["declared ISO-8859-1", ascii("<?xml version='1.0' encoding='ISO-8859-1'?><a/>"), { encoding: "windows-1252", bom: 0 }],
    ["empty", bytes(), { encoding: "utf-8", bom: 0 }],
  ])("%s", (_l, b, expected) => {
    expect(detectXmlEncoding(b)).toEqual(expected);
  });

  it.each([
    ["UTF-32LE mark", bytes(0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0)],
    ["UTF-32BE mark", bytes(0, 0, 0xfe, 0xff, 0, 0, 0, 0x3c)],
    ["UTF-32LE", bytes(0x3c, 0, 0, 0, 0x3f, 0, 0, 0)],
    ["UTF-32BE", bytes(0, 0, 0, 0x3c, 0, 0, 0, 0x3f)],
    ["EBCDIC", bytes(0x4c, 0x6f, 0xa7, 0x94)],
    ["declared Shift_JIS, a byte past ASCII", Uint8Array.from([...ascii('<?xml version="1.0" encoding="Shift_JIS"?><a>'), 0x82, 0xa0, ...ascii("</a>")])],
  ])("%s is refused as an unsupported encoding", (_l, b) => {
    expect(stopOf(() => detectXmlEncoding(b))).toEqual({ why: "unsupported", cause: "unsupported-encoding" });
  });

  it("a code page we do not know, declared over bytes that are all ASCII, is read as ASCII", () => {
    expect(detectXmlEncoding(ascii('<?xml version="1.0" encoding="Shift_JIS"?><a>1</a>'))).toEqual({ encoding: "utf-8", bom: 0 });
  });
});

describe("xmlPartSource and xmlPartText", () => {
  it("UTF-8 stays bytes for the byte scanner; other encodings become text without their mark", () => {
    const utf8 = ascii("<a>1</a>");
    expect(xmlPartSource(utf8)).toBe(utf8);
    expect(xmlPartSource(bytes(0xfe, 0xff, 0, 0x3c, 0, 0x61, 0, 0x3e))).toBe("<a>");
    expect(xmlPartText(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa6))).toBe("æ");
    expect(xmlPartText(bytes(0xff, 0xfe, 0xe6, 0))).toBe("æ");
    expect(xmlPartText(ascii("<?xml encoding='windows-1252'?>\x96"))).toBe("<?xml encoding='windows-1252'?>\u2013");
  });
});
