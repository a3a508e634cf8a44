/**
 * Fonts as the mini PDF reader needs them: how many bytes a character code takes, how codes map to
 * Unicode (ToUnicode CMap, ISO 32000-1 §9.10.3; else /Encoding /Differences glyph names, §9.6.6),
 * and glyph widths (§9.7.4.3 for CID fonts), which place the text on its line.
 */
import type { PdfDict, PdfValue } from "./pdf-lexer";
import { isDict, isName, isRef, isString, PdfLexer } from "./pdf-lexer";
import type { PdfDocument } from "./pdf-objects";

export interface Font {
  /** Bytes per character code: 2 for Type0 (CID) fonts with Identity-like encodings. */
  readonly codeBytes: 1 | 2;
  readonly toUnicode: Map<number, string> | undefined;
  /** Code → Unicode from /Encoding for simple fonts without ToUnicode. */
  readonly encoding: Map<number, string> | undefined;
  /** Glyph widths in 1/1000 text-space units. */
  width(code: number): number;
  /** True when nothing maps codes to text (CID font with no ToUnicode): output is unreliable. */
  readonly opaque: boolean;
}

/** Glyph names used in /Differences that matter for Danish text and digits. */
const GLYPHS: Record<string, string> = {
  space: " ", hyphen: "-", minus: "-", endash: "\u2013", emdash: "\u2014", period: ".", comma: ",", colon: ":",
  semicolon: ";", slash: "/", parenleft: "(", parenright: ")", underscore: "_", ae: "\u00e6", AE: "\u00c6",
  oslash: "\u00f8", Oslash: "\u00d8", aring: "\u00e5", Aring: "\u00c5", zero: "0", one: "1", two: "2", three: "3",
  four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", nbspace: "\u00a0", quoteright: "\u2019",
  numbersign: "#", asterisk: "*", at: "@", ampersand: "&", percent: "%", plus: "+", equal: "=",
};

function glyphToUnicode(name: string): string | undefined {
  if (GLYPHS[name] !== undefined) return GLYPHS[name];
  if (/^[A-Za-z]$/.test(name)) return name;
  const uni = /^uni([0-9A-Fa-f]{4})/.exec(name);
  if (uni) return String.fromCharCode(parseInt(uni[1] as string, 16));
  const u = /^u([0-9A-Fa-f]{4,6})$/.exec(name);
  if (u) return String.fromCodePoint(parseInt(u[1] as string, 16));
  return undefined;
}

function utf16be(bytes: string): string {
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  if (bytes.length % 2 === 1) out += bytes.charAt(bytes.length - 1);
  return out;
}

function codeOf(bytes: string): number {
  let c = 0;
  for (let i = 0; i < bytes.length; i++) c = c * 256 + bytes.charCodeAt(i);
  return c;
}

/** Parse a ToUnicode CMap's bfchar/bfrange sections. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const lx = new PdfLexer(cmap);
  let mode: "char" | "range" | "" = "";
  let guard = 0;
  while (lx.pos < lx.end && guard++ < 2_000_000) {
    const v = lx.value();
    if (v !== undefined) {
      if (mode === "char" && isString(v)) {
        const dst = lx.value();
        if (isString(dst)) map.set(codeOf(v.s), utf16be(dst.s));
        else if (isName(dst)) {
          const g = glyphToUnicode(dst.n);
          if (g !== undefined) map.set(codeOf(v.s), g);
        }
      } else if (mode === "range" && isString(v)) {
        const hi = lx.value();
        const dst = lx.value();
        if (!isString(hi)) continue;
        const lo = codeOf(v.s);
        const top = Math.min(codeOf(hi.s), lo + 65535);
        if (isString(dst)) {
          const base = utf16be(dst.s);
          const last = base.charCodeAt(base.length - 1);
          for (let c = lo; c <= top; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(last + (c - lo)));
        } else if (Array.isArray(dst)) {
          for (let c = lo; c <= top; c++) {
            const d = dst[c - lo];
            if (isString(d)) map.set(c, utf16be(d.s));
          }
        }
      }
      continue;
    }
    lx.skipWhite();
    const w = lx.word();
    if (w === "") {
      lx.pos++;
      continue;
    }
    if (w === "beginbfchar") mode = "char";
    else if (w === "beginbfrange") mode = "range";
    else if (w === "endbfchar" || w === "endbfrange") mode = "";
  }
  return map;
}

/** The font a `Tf` names, from the resources' /Font dictionary. */
export function loadFont(doc: PdfDocument, fontRef: PdfValue | undefined): Font {
  const f = doc.dict(fontRef);
  const subtype = f ? doc.resolve(f.d.get("Subtype")) : undefined;
  const isType0 = isName(subtype) && subtype.n === "Type0";
  const tu = f ? f.d.get("ToUnicode") : undefined;
  const toUnicodeText = isRef(tu) ? doc.streamText(tu.r) : undefined;
  const toUnicode = toUnicodeText !== undefined ? parseToUnicode(toUnicodeText) : undefined;
  const encoding = f ? differences(doc, f) : undefined;
  const { widths, defaultWidth } = !f ? { widths: new Map<number, number>(), defaultWidth: 500 } : isType0 ? cidWidths(doc, f) : simpleWidths(doc, f);
  return {
    codeBytes: isType0 ? 2 : 1,
    toUnicode,
    encoding,
    width: (code) => widths.get(code) ?? defaultWidth,
    opaque: isType0 && toUnicode === undefined,
  };
}

/** Code → Unicode from a simple font's /Encoding /Differences, for the glyph names we know. */
function differences(doc: PdfDocument, f: PdfDict): Map<number, string> | undefined {
  const enc = doc.resolve(f.d.get("Encoding"));
  if (!isDict(enc)) return undefined;
  const diffs = doc.resolve(enc.d.get("Differences"));
  if (!Array.isArray(diffs)) return undefined;
  const encoding = new Map<number, string>();
  let code = 0;
  for (const item of diffs) {
    if (typeof item === "number") code = item;
    else if (isName(item)) {
      const u = glyphToUnicode(item.n);
      if (u !== undefined) encoding.set(code, u);
      code++;
    }
  }
  return encoding;
}

interface Widths {
  readonly widths: Map<number, number>;
  readonly defaultWidth: number;
}

/** A Type0 font's widths: /DW and /W of its descendant (`c [w1 w2 ...]` and `c1 c2 w` runs). */
function cidWidths(doc: PdfDocument, f: PdfDict): Widths {
  const widths = new Map<number, number>();
  const desc = doc.resolve(f.d.get("DescendantFonts"));
  const d0 = Array.isArray(desc) ? doc.dict(desc[0]) : undefined;
  if (!d0) return { widths, defaultWidth: 500 };
  const dw = doc.resolve(d0.d.get("DW"));
  const w = doc.resolve(d0.d.get("W"));
  if (Array.isArray(w)) {
    for (let i = 0; i < w.length && widths.size < 65536; ) {
      const first = doc.resolve(w[i]);
      const second = doc.resolve(w[i + 1]);
      if (typeof first !== "number") break;
      if (Array.isArray(second)) {
        second.forEach((x, k) => {
          const val = doc.resolve(x);
          if (typeof val === "number") widths.set(first + k, val);
        });
        i += 2;
      } else {
        const val = doc.resolve(w[i + 2]);
        if (typeof second === "number" && typeof val === "number") {
          for (let c = first; c <= second && c - first < 65536; c++) widths.set(c, val);
        }
        i += 3;
      }
    }
  }
  return { widths, defaultWidth: typeof dw === "number" ? dw : 1000 };
}

/** A simple font's widths: /FirstChar + /Widths, /MissingWidth from its descriptor. */
function simpleWidths(doc: PdfDocument, f: PdfDict): Widths {
  const widths = new Map<number, number>();
  const first = doc.resolve(f.d.get("FirstChar"));
  const w = doc.resolve(f.d.get("Widths"));
  if (typeof first === "number" && Array.isArray(w)) {
    w.forEach((x, k) => {
      const val = doc.resolve(x);
      if (typeof val === "number") widths.set(first + k, val);
    });
  }
  const fd = doc.dict(f.d.get("FontDescriptor"));
  const mw = fd ? doc.resolve(fd.d.get("MissingWidth")) : undefined;
  return { widths, defaultWidth: typeof mw === "number" && mw > 0 ? mw : 500 };
}

/** Before the first `Tf`, or for a name the resources do not hold: one byte per code, cp1252. */
export const FALLBACK_FONT: Font = { codeBytes: 1, toUnicode: undefined, encoding: undefined, width: () => 500, opaque: false };
