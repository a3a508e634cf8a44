/**
 * PDF syntax: the value types and a cursor that tokenizes them (ISO 32000-1 §7.2-7.3), shared by the
 * object parser (pdf-objects.ts), the content-stream interpreter (pdf-content.ts) and the ToUnicode
 * CMap parser (pdf-fonts.ts). Bytes are handled as a Latin-1 string: one char per byte.
 */

export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict;
export interface PdfName {
  readonly n: string;
}
export interface PdfString {
  /** Raw bytes as a Latin-1 string. */
  readonly s: string;
}
export interface PdfRef {
  readonly r: number;
}
export interface PdfDict {
  readonly d: Map<string, PdfValue>;
}

export const isName = (v: PdfValue | undefined): v is PdfName => typeof v === "object" && v !== null && "n" in v;
export const isString = (v: PdfValue | undefined): v is PdfString => typeof v === "object" && v !== null && "s" in v;
export const isRef = (v: PdfValue | undefined): v is PdfRef => typeof v === "object" && v !== null && "r" in v;
export const isDict = (v: PdfValue | undefined): v is PdfDict => typeof v === "object" && v !== null && "d" in v;

function isWhite(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;
}
function isDelim(c: number): boolean {
  return c === 40 || c === 41 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 47 || c === 37;
}

/** A cursor over PDF syntax. Shared by the object parser and the content-stream tokenizer. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly src: string,
    start = 0,
    readonly end = src.length,
  ) {
    this.pos = start;
  }

  skipWhite(): void {
    const s = this.src;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (isWhite(c)) this.pos++;
      else if (c === 37 /* % comment */) {
        while (this.pos < this.end && s.charCodeAt(this.pos) !== 10 && s.charCodeAt(this.pos) !== 13) this.pos++;
      } else break;
    }
  }

  /** A bare word (operator, keyword or number text). */
  word(): string {
    const s = this.src;
    const start = this.pos;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (isWhite(c) || isDelim(c)) break;
      this.pos++;
    }
    return s.slice(start, this.pos);
  }

  name(): PdfName {
    this.pos++; // '/'
    const raw = this.word();
    return { n: raw.indexOf("#") >= 0 ? raw.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : raw };
  }

  literalString(): PdfString {
    const s = this.src;
    this.pos++; // '('
    let depth = 1;
    let out = "";
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos++);
      if (c === 92 /* \ */) {
        const e = s.charAt(this.pos++);
        switch (e) {
          case "n": out += "\n"; break;
          case "r": out += "\r"; break;
          case "t": out += "\t"; break;
          case "b": out += "\b"; break;
          case "f": out += "\f"; break;
          case "\r":
            if (s.charAt(this.pos) === "\n") this.pos++;
            break;
          case "\n":
            break;
          default:
            if (e >= "0" && e <= "7") {
              let oct = e;
              for (let k = 0; k < 2 && s.charAt(this.pos) >= "0" && s.charAt(this.pos) <= "7"; k++) oct += s.charAt(this.pos++);
              out += String.fromCharCode(parseInt(oct, 8) & 0xff);
            } else out += e;
        }
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41 && --depth === 0) break;
      out += String.fromCharCode(c);
    }
    return { s: out };
  }

  hexString(): PdfString {
    const s = this.src;
    this.pos++; // '<'
    let hex = "";
    while (this.pos < this.end) {
      const ch = s.charAt(this.pos++);
      if (ch === ">") break;
      if (/[0-9a-fA-F]/.test(ch)) hex += ch;
    }
    if (hex.length % 2 === 1) hex += "0";
    let out = "";
    for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
    return { s: out };
  }

  /** Parse one value; `undefined` at the end or on an operator word (content streams). */
  value(depth = 0): PdfValue | undefined {
    this.skipWhite();
    if (this.pos >= this.end || depth > 64) return undefined;
    const s = this.src;
    const c = s.charCodeAt(this.pos);
    if (c === 47) return this.name();
    if (c === 40) return this.literalString();
    if (c === 60) return s.charCodeAt(this.pos + 1) === 60 ? this.dictionary(depth) : this.hexString();
    if (c === 91) return this.array(depth);
    if (c === 93 || c === 62 || c === 41 || c === 123 || c === 125) {
      this.pos++;
      return undefined;
    }
    return this.bareValue();
  }

  /** `<< /Key value ... >>`, the cursor on the first `<`. */
  private dictionary(depth: number): PdfDict {
    const s = this.src;
    this.pos += 2;
    const d = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhite();
      if (this.pos >= this.end) break;
      if (s.charCodeAt(this.pos) === 62) {
        // Only `>>` ends a dictionary. A lone `>` (left by a damaged hex string that a stray `<`
        // opened) is junk, as in pdf.js: ending here would drop the keys after it (a form's
        // /XObject) and misplace the end of every dictionary around it.
        if (s.charCodeAt(this.pos + 1) === 62 || this.pos + 1 >= this.end) {
          this.pos += 2;
          break;
        }
        this.pos++;
        continue;
      }
      if (s.charCodeAt(this.pos) !== 47) {
        // Junk inside a dictionary: skip a token so a damaged file cannot stall us.
        this.pos++;
        continue;
      }
      const key = this.name().n;
      const before = this.pos;
      const v = this.value(depth + 1);
      if (v === undefined) {
        // A key with no value (an operator word, a stray delimiter): skip on, as pdf.js does, so
        // the rest of the dictionary (and the stream after it) is still read.
        if (this.pos === before) this.pos++;
        continue;
      }
      d.set(key, v);
    }
    return { d };
  }

  /** `[ value ... ]`, the cursor on the `[`. */
  private array(depth: number): PdfValue[] {
    const s = this.src;
    this.pos++;
    const arr: PdfValue[] = [];
    for (;;) {
      this.skipWhite();
      if (this.pos >= this.end) break;
      if (s.charCodeAt(this.pos) === 93) {
        this.pos++;
        break;
      }
      const before = this.pos;
      const v = this.value(depth + 1);
      if (v === undefined) {
        if (this.pos === before) this.pos++;
        continue;
      }
      arr.push(v);
    }
    return arr;
  }

  /** A number, a reference `N G R`, true/false/null; an operator word is given back (undefined). */
  private bareValue(): PdfValue | undefined {
    const s = this.src;
    const save = this.pos;
    const w = this.word();
    if (w === "") {
      this.pos++;
      return undefined;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      const num = Number(w);
      // "N G R" is a reference: look ahead without consuming if it is not.
      if (/^\d+$/.test(w)) {
        const after = this.pos;
        this.skipWhite();
        const g = this.word();
        // The generation is ignored; like pdf.js, any whole number is accepted ("8 -0.0 R").
        if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(g) && Number(g) % 1 === 0) {
          this.skipWhite();
          if (s.charAt(this.pos) === "R" && (this.pos + 1 >= this.end || isWhite(s.charCodeAt(this.pos + 1)) || isDelim(s.charCodeAt(this.pos + 1)))) {
            this.pos++;
            return { r: num };
          }
        }
        this.pos = after;
      }
      return num;
    }
    if (w === "true") return true;
    if (w === "false") return false;
    if (w === "null") return null;
    // An operator word: give it back to the caller (content streams).
    this.pos = save;
    return undefined;
  }
}
