/**
 * Office packages whose XML parts are re-encoded in UTF-16 (big- or little-endian, with a byte
 * order mark or with only an XML declaration saying so), built from the committed fixtures: every
 * `.xml` and `.rels` entry is decoded from UTF-8 and written again in the chosen encoding, the rest
 * (ODF's `mimetype` first and stored, media) is copied as it is. Word and LibreOffice open such
 * files; a reader that takes the parts for UTF-8 sees no text in them. The seeded variant picks
 * one encoding per part, so one package mixes all four.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { mulberry32 } from "./seeded-random";

export type Utf16Variant = "utf-16le-bom" | "utf-16be-bom" | "utf-16le-decl" | "utf-16be-decl";
export const UTF16_VARIANTS: readonly Utf16Variant[] = ["utf-16le-bom", "utf-16be-bom", "utf-16le-decl", "utf-16be-decl"];

const DECL = /^<\?xml[^>]*\?>/;

/** `text` as UTF-16 code units in the given byte order, after an optional byte order mark. */
export function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? "\ufeff" : "") + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = u & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = u >> 8;
  }
  return out;
}

/** A UTF-8 XML part written again in `variant`; its declaration (added if missing) says UTF-16. */
export function reencodeXml(utf8: Uint8Array, variant: Utf16Variant): Uint8Array {
  let text = new TextDecoder("utf-8").decode(utf8); // drops a UTF-8 mark
  const decl = '<?xml version="1.0" encoding="UTF-16"?>';
  text = DECL.test(text) ? text.replace(DECL, (d) => (/encoding=/.test(d) ? d.replace(/encoding=(["'])[^"']*\1/, 'encoding="UTF-16"') : d.replace("?>", ' encoding="UTF-16"?>'))) : decl + text;
  return encodeUtf16(text, variant.indexOf("le") >= 0, variant.indexOf("bom") >= 0);
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/**
 * The package with every XML part in `variant`, or, given a seed, each part in a variant drawn
 * from it. Entry order is kept (ODF needs `mimetype` first and uncompressed).
 */
export function reencodePackage(zip: Uint8Array, variant: Utf16Variant | { seed: number }): Uint8Array {
  const random = typeof variant === "string" ? undefined : mulberry32(variant.seed);
  const files = unzipSync(zip);
  const out: Zippable = {};
  for (const name of Object.keys(files)) {
    const data = files[name] as Uint8Array;
    if (name === "mimetype") out[name] = [data, { level: 0 }];
    else if (!isXmlPart(name) || name.slice(-1) === "/") out[name] = data;
    else out[name] = reencodeXml(data, random ? (UTF16_VARIANTS[Math.floor(random() * UTF16_VARIANTS.length)] as Utf16Variant) : (variant as Utf16Variant));
  }
  return zipSync(out);
}

/** The package with one XML part replaced by `bytes` as they are (an encoding nobody should decode). */
export function replacePart(zip: Uint8Array, part: string, bytes: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  if (!files[part]) throw new Error(`no ${part} in the package`);
  const out: Zippable = {};
  for (const name of Object.keys(files)) out[name] = name === part ? bytes : name === "mimetype" ? [files[name] as Uint8Array, { level: 0 }] : (files[name] as Uint8Array);
  return zipSync(out);
}

// Bytes of word/document.xml in encodings no Office reader of ours decodes (each holds the
// project's synthetic test number, docs/design/cpr-number.md §7).
const DOCUMENT = '<?xml version="1.0" encoding="ENC"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>CPR 150375-6125</w:t></w:r></w:p></w:body></w:document>';
function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const s = (bom ? "\ufeff" : "") + text;
  const out = new Uint8Array(s.length * 4);
  for (let i = 0; i < s.length; i++) new DataView(out.buffer).setUint32(4 * i, s.charCodeAt(i), littleEndian);
  return out;
}
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** That word/document.xml in ASCII bytes, its declaration naming `encoding` (true or not). */
export const documentDeclaring = (encoding: string): Uint8Array => ascii(DOCUMENT.replace("ENC", encoding));
export const UNDECODABLE: Array<[string, Uint8Array]> = [
  ["UTF-32LE with a mark", utf32(DOCUMENT.replace("ENC", "UTF-32"), true, true)],
  ["UTF-32BE with a mark", utf32(DOCUMENT.replace("ENC", "UTF-32"), false, true)],
  ["UTF-32LE without a mark", utf32(DOCUMENT.replace("ENC", "UTF-32"), true, false)],
  ["UTF-32BE without a mark", utf32(DOCUMENT.replace("ENC", "UTF-32"), false, false)],
  // "<?xml" in EBCDIC (code page 037), then anything: the first four bytes say EBCDIC.
  ["EBCDIC", Uint8Array.from([0x4c, 0x6f, 0xa7, 0x94, 0x93, 0x40, 0xa5, 0x85, 0x99, 0xa2, 0x89, 0x96, 0x95])],
  ["declared Shift_JIS, with bytes past ASCII", withKana(documentDeclaring("Shift_JIS"))],
  ["declared an encoding nobody knows, with bytes past ASCII", withKana(documentDeclaring("x-postvagt-unknown"))],
];
/** The part with a Shift_JIS hiragana "a" (0x82 0xA0) before the number: bytes past ASCII. */
function withKana(b: Uint8Array): Uint8Array {
  const at = b.indexOf(0x43 /* C of CPR */, b.indexOf(0x3c /* < */, 40));
  const out = new Uint8Array(b.length + 2);
  out.set(b.subarray(0, at), 0);
  out.set([0x82, 0xa0], at);
  out.set(b.subarray(at), at + 2);
  return out;
}
/** A code page we do not decode, declared over bytes that are all ASCII: read, as every such code page reads them. */
export const DECLARED_OVER_ASCII: Array<[string, Uint8Array]> = [
  ["declared Shift_JIS", documentDeclaring("Shift_JIS")],
  ["declared an encoding nobody knows", documentDeclaring("x-postvagt-unknown")],
];
