/**
 * Plain text (and CSV) as line segments, whole or streamed. A big text is read a piece at a time
 * (decoded, split into lines and emitted per piece), so the lines of its first megabytes exist
 * even when the deadline stops the rest (docs/design/outlook-runtime.md, "One runtime").
 */
import type { ReadContext } from "./context";
import { decodeCp1252, decodeText, decodeUtf16, decodeUtf8, decodeUtf8IfValid, isValidUtf8, sniffTextEncoding } from "./text-decode";

/** One segment per line, located by line number (1-based). Blank lines are dropped by `emit`. */
export function readLines(text: string, ctx: ReadContext): void {
  // Most files end lines in \n or \r\n: then the native search finds them. A lone \r (old Mac
  // files) is a line end too, which only the character walk below sees.
  if (text.indexOf("\r") < 0 || !hasLoneCr(text)) {
    readLinesLf(text, ctx);
    return;
  }
  let line = 1;
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (i > start) ctx.emit(text.slice(start, i), { kind: "line", line });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
    line++;
    if ((line & 0x3fff) === 0) ctx.budget.tick();
  }
}

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** `readLines` for text whose line ends are all \n or \r\n: the same segments, found natively. */
function readLinesLf(text: string, ctx: ReadContext): void {
  let line = 1;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let nl = text.indexOf("\n", start);
    if (nl < 0) nl = n;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (end > start) ctx.emit(text.slice(start, end), { kind: "line", line });
    start = nl + 1;
    line++;
    if ((line & 0x3fff) === 0) ctx.budget.tick();
  }
}

/** HTML charset: BOM, then `<meta charset>`, then UTF-8 if valid, else windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  const sniffed = sniffTextEncoding(bytes);
  if (sniffed.bomLength > 0 || sniffed.encoding === "utf-16le" || sniffed.encoding === "utf-16be") return decodeText(bytes);
  let head = "";
  for (let i = 0; i < Math.min(bytes.length, 2048); i++) head += String.fromCharCode(bytes[i] as number);
  const m = /<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_-]{1,40})/i.exec(head);
  const declared = m ? (m[1] as string).toLowerCase() : "";
  if (declared === "utf-8" || declared === "utf8") return decodeUtf8(bytes);
  if (/^(windows-1252|cp1252|iso-8859-1|iso-8859-15|latin1|us-ascii)$/.test(declared)) return decodeCp1252(bytes);
  return isValidUtf8(bytes) ? decodeUtf8(bytes) : decodeCp1252(bytes);
}

/** Texts at least this big are streamed; smaller ones are decoded whole (identical segments either way for valid UTF-8). */
export const STREAM_TEXT_MIN_BYTES = 1024 * 1024;
/** Bytes decoded and split per piece when a whole text is streamed: a few ms of work. */
export const TEXT_PIECE_BYTES = 256 * 1024;

/** What sniffTextEncoding looks at to tell UTF-16 without a BOM. */
const SNIFF_TEXT_BYTES = 4096;

type Mode = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/**
 * Bytes in, line segments out, a piece at a time: the same segments `readLines(decodeText(all))`
 * gives, with one difference a stream cannot avoid: unmarked text is read as UTF-8 until a piece
 * is not valid UTF-8, and from that piece on as windows-1252 (decodeText would read the whole file
 * as windows-1252). Digits and line ends are ASCII in both, so no number is found or lost by it.
 */
export class LineStream {
  private mode: Mode | undefined;
  /** Bytes of a character cut by the piece boundary. */
  private held: Uint8Array | undefined;
  /** The unfinished last line of the text so far. */
  private rest = "";
  /** The last piece ended in \r: a \n starting the next one belongs to it. */
  private crPending = false;
  private line = 1;
  /** Clock time spent in push so far: what the budget weighs the CPR pass's share against. */
  private spent = 0;

  constructor(private readonly ctx: ReadContext) {}

  push(piece: Uint8Array, final: boolean): void {
    const clock = this.ctx.budget.clock;
    const t0 = clock();
    this.read(piece, final);
    this.spent += clock() - t0;
    this.ctx.budget.streamedTextTick(this.spent);
  }

  private read(piece: Uint8Array, final: boolean): void {
    let bytes = piece;
    if (this.held) {
      const joined = new Uint8Array(this.held.length + piece.length);
      joined.set(this.held);
      joined.set(piece, this.held.length);
      bytes = joined;
      this.held = undefined;
    }
    let start = 0;
    if (this.mode === undefined) {
      // The encoding is sniffed from the first 4 KB, as decodeText does: wait for them.
      if (!final && bytes.length < SNIFF_TEXT_BYTES) {
        this.held = bytes.slice();
        return;
      }
      const sniffed = sniffTextEncoding(bytes.subarray(0, Math.min(bytes.length, SNIFF_TEXT_BYTES)));
      // A cut character can make the prefix look invalid: only a BOM or UTF-16 is decided here.
      this.mode = sniffed.encoding === "windows-1252" ? "utf-8" : sniffed.encoding;
      start = sniffed.bomLength;
    }
    const end = final ? bytes.length : this.completeUpTo(bytes, start);
    if (end < bytes.length) this.held = bytes.slice(end);
    this.lines(this.decode(bytes, start, end), final);
  }

  /** Where the last whole character of a non-final piece ends. */
  private completeUpTo(bytes: Uint8Array, start: number): number {
    const n = bytes.length;
    if (this.mode === "utf-16le" || this.mode === "utf-16be") return n - ((n - start) & 1);
    if (this.mode !== "utf-8") return n;
    // Back over at most three continuation bytes to a lead byte whose sequence is cut.
    for (let i = n - 1; i >= Math.max(start, n - 4); i--) {
      const b = bytes[i] as number;
      if (b < 0x80) return n;
      if (b >= 0xc0) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        return i + need > n ? i : n;
      }
    }
    return n;
  }

  private decode(bytes: Uint8Array, start: number, end: number): string {
    switch (this.mode) {
      case "utf-16le":
        return decodeUtf16(bytes, true, start, end);
      case "utf-16be":
        return decodeUtf16(bytes, false, start, end);
      case "utf-8": {
        const text = decodeUtf8IfValid(bytes.subarray(start, end));
        if (text !== undefined) return text;
        this.mode = "windows-1252";
        return decodeCp1252(bytes, start, end);
      }
      default:
        return decodeCp1252(bytes, start, end);
    }
  }

  private lines(decoded: string, final: boolean): void {
    let text = decoded;
    if (this.crPending && text.length > 0) {
      this.crPending = false;
      if (text.charCodeAt(0) === 10) text = text.slice(1);
    }
    text = this.rest + text;
    // As in readLines: the native search when every \r is part of a \r\n (a piece ending in \r
    // takes the walk, which carries the \r over to the next piece).
    const start = text.indexOf("\r") < 0 || !hasLoneCr(text) ? this.linesLf(text) : this.linesAnyEnd(text);
    this.rest = text.slice(start);
    if (final && this.rest.length > 0) {
      this.ctx.emit(this.rest, { kind: "line", line: this.line });
      this.rest = "";
    }
  }

  /** The whole lines of `text`, whose line ends are \n or \r\n; returns where the unfinished one starts. */
  private linesLf(text: string): number {
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > start) this.ctx.emit(text.slice(start, end), { kind: "line", line: this.line });
      start = nl + 1;
      this.line++;
    }
    return start;
  }

  /** linesLf for text with a lone \r (old Mac line ends, or a \r\n cut between two pieces). */
  private linesAnyEnd(text: string): number {
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (i > start) this.ctx.emit(text.slice(start, i), { kind: "line", line: this.line });
      if (c === 13) {
        if (i + 1 === n) this.crPending = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
      this.line++;
    }
    return start;
  }
}
