/**
 * The text state of one content stream (ISO 32000-1 §9.3-9.4): text and line matrices, font and
 * spacing, the text operators, and how shown strings become characters on lines (a new line where
 * the baseline moves by more than half the font size, a space where a gap is wider than 15 % of it).
 */
import type { Font } from "./pdf-fonts";
import { FALLBACK_FONT } from "./pdf-fonts";
import type { PdfValue } from "./pdf-lexer";
import { isString } from "./pdf-lexer";
import { cp1252Char } from "./text-decode";

export type Matrix = [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
export function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** The `i`-th operand from the end (1 = last) as a number; 0 when it is not one. */
export function operand(operands: readonly PdfValue[], i: number): number {
  const x = operands[operands.length - i];
  return typeof x === "number" ? x : 0;
}

/** Where a page's text goes: its lines so far and where the last characters ended. */
export interface LineSink {
  readonly lines: string[];
  line: string;
  lastX: number;
  lastY: number;
  hasText: boolean;
  /** Counts characters added; throws when the document's text bound is reached. */
  count(n: number): void;
}

/**
 * NUL characters removed. A ToUnicode CMap that maps glyphs to `<0000 0031>` (UTF-16 with a NUL
 * before each character), or UTF-16 bytes shown through a one-byte font, gives "\u00001\u00005...";
 * pdf.js and the mini reader both kept the NULs, which hid the number from the CPR matcher
 * (docs/design/hostile-input.md). NUL is never text.
 */
export function pdfText(s: string): string {
  return s.indexOf("\u0000") < 0 ? s : s.split("\u0000").join("");
}

export class TextState {
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  private font: Font = FALLBACK_FONT;
  private fontSize = 12;
  private charSpacing = 0;
  private wordSpacing = 0;
  private hScale = 1;
  private leading = 0;

  /** `Tf`: the size always; the font when the name resolved to one. */
  setFont(font: Font | undefined, size: number): void {
    this.fontSize = size;
    if (font) this.font = font;
  }

  /** A text operator (§9.3-9.4, §9.4.3); other operators are ignored. */
  operator(op: string, operands: readonly PdfValue[], ctm: Matrix, sink: LineSink): void {
    switch (op) {
      case "BT":
        this.tm = IDENTITY;
        this.tlm = IDENTITY;
        break;
      case "Tc":
        this.charSpacing = operand(operands, 1);
        break;
      case "Tw":
        this.wordSpacing = operand(operands, 1);
        break;
      case "Tz":
        this.hScale = operand(operands, 1) / 100;
        break;
      case "TL":
        this.leading = operand(operands, 1);
        break;
      case "Td":
        this.moveLine(operand(operands, 2), operand(operands, 1));
        break;
      case "TD":
        this.leading = -operand(operands, 1);
        this.moveLine(operand(operands, 2), operand(operands, 1));
        break;
      case "Tm":
        if (operands.length >= 6) {
          this.tlm = [operand(operands, 6), operand(operands, 5), operand(operands, 4), operand(operands, 3), operand(operands, 2), operand(operands, 1)];
          this.tm = this.tlm;
        }
        break;
      case "T*":
        this.moveLine(0, -this.leading);
        break;
      case "Tj":
      case "'":
      case '"':
        if (op !== "Tj") this.moveLine(0, -this.leading);
        if (op === '"') {
          this.wordSpacing = operand(operands, 3);
          this.charSpacing = operand(operands, 2);
        }
        this.showValue(operands[operands.length - 1], ctm, sink);
        break;
      case "TJ":
        this.showArray(operands[operands.length - 1], ctm, sink);
        break;
    }
  }

  private moveLine(tx: number, ty: number): void {
    this.tlm = mul([1, 0, 0, 1, tx, ty], this.tlm);
    this.tm = this.tlm;
  }

  private showValue(s: PdfValue | undefined, ctm: Matrix, sink: LineSink): void {
    if (isString(s)) this.show(s.s, ctm, sink);
  }

  /** `TJ`: strings shown, numbers move left by thousandths of the font size. */
  private showArray(arr: PdfValue | undefined, ctm: Matrix, sink: LineSink): void {
    if (!Array.isArray(arr)) return;
    for (const item of arr) {
      if (isString(item)) this.show(item.s, ctm, sink);
      else if (typeof item === "number") this.tm = mul([1, 0, 0, 1, (-item / 1000) * this.fontSize * this.hScale, 0], this.tm);
    }
  }

  /** One shown string: its characters appended to the sink's line, the text matrix advanced. */
  private show(bytes: string, ctm: Matrix, sink: LineSink): void {
    const m = mul(this.tm, ctm);
    const x = m[4];
    const y = m[5];
    const size = Math.abs(this.fontSize) * (Math.sqrt(m[2] * m[2] + m[3] * m[3]) || 1);
    const { text, advance } = this.decode(bytes);
    if (text !== "") {
      if (sink.hasText) {
        const dy = Math.abs(y - sink.lastY);
        if (dy > size * 0.5) {
          sink.lines.push(sink.line);
          sink.line = "";
        } else {
          const gap = x - sink.lastX;
          const endsSpace = /\s$/.test(sink.line);
          if ((gap > size * 0.15 || gap < -size) && !endsSpace && !/^\s/.test(text) && sink.line !== "") sink.line += " ";
        }
      }
      sink.count(text.length);
      sink.line += text;
      sink.hasText = true;
    }
    this.tm = mul([1, 0, 0, 1, advance * this.hScale, 0], this.tm);
    const after = mul(this.tm, ctm);
    sink.lastX = after[4];
    sink.lastY = y;
  }

  /** Character codes → text (ToUnicode, else /Differences, else cp1252 for one-byte fonts) and the advance. */
  private decode(bytes: string): { text: string; advance: number } {
    const font = this.font;
    let text = "";
    let advance = 0;
    const step = font.codeBytes;
    for (let i = 0; i + step <= bytes.length; i += step) {
      const code = step === 2 ? (bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1) : bytes.charCodeAt(i);
      const mapped = font.toUnicode?.get(code) ?? font.encoding?.get(code);
      if (mapped !== undefined) text += mapped;
      else if (!font.opaque && step === 1) text += String.fromCharCode(cp1252Char(code));
      advance += (font.width(code) / 1000) * this.fontSize + this.charSpacing + (step === 1 && code === 32 ? this.wordSpacing : 0);
    }
    return { text: pdfText(text), advance };
  }
}
