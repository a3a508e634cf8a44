/**
 * What postal-mime would read as an empty or partial mail, repaired in the bytes before it parses
 * them, or named as unread (docs/design/hostile-input.md, "Mail that parses as empty"):
 *  - lines ended by a bare CR (old Mac clients): read as one header line, so no body at all;
 *  - a multipart, at any depth, whose boundary= is missing or never occurs: it gets the
 *    delimiter its body uses (RFC 2046 §5.1.1), or is read as text and reported as unreadable;
 *  - a part in UTF-7 (RFC 2152), which no TextDecoder knows: transcoded to UTF-8;
 *  - multipart nesting deeper than MAX_MIME_DEPTH: read as text from there down and reported.
 * Only the headers and the delimiter lines are looked at; a mail that needs none of this is
 * handed back as it came (no copy: a 100 MB mail stays 100 MB).
 */
import { MAX_MIME_DEPTH } from "./extractors/limits";
import type { UnreadableAttachmentFinding } from "./finding";
import { decodeBase64, decodeQuotedPrintable, decodeUtf7, isUtf7Label, latin1Text, utf7WordsToUtf8 } from "./eml-utf7";
import { encodeUtf8 } from "./text/encode-utf8";

/**
 * A part of the mail not read as MIME (it is read as text where it can be), named by its place:
 * "MIME-del 1.2" is the second part inside the first, 1-based.
 */
export type UnreadPart = Omit<UnreadableAttachmentFinding, "kind">;

export interface Repaired {
  readonly bytes: Uint8Array;
  readonly unread: readonly UnreadPart[];
  /** Text with digits outside every part of a multipart (preamble, epilogue): read as text files. */
  readonly outside: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>;
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly bytes: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;
const latin1Bytes = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
};

/** True when the first line end (within the first 64 KB) is a CR with no LF after it. */
function usesBareCr(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  for (let i = 0; i < n; i++) {
    if (b[i] === LF) return false;
    if (b[i] === CR) return b[i + 1] !== LF;
  }
  return false;
}

/** Every bare CR as CRLF (RFC 5322 §2.1 ends lines with CRLF). */
function crToCrlf(b: Uint8Array): Uint8Array {
  let extra = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === CR && b[i + 1] !== LF) extra++;
  const out = new Uint8Array(b.length + extra);
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    out[n++] = c;
    if (c === CR && b[i + 1] !== LF) out[n++] = LF;
  }
  return out;
}

/**
 * Where the header block starting at `start` ends: just past its blank line, or, when a line that
 * is neither a field ("Name: value") nor a folded continuation comes first, at that line, where
 * the body evidently starts (a sender dropped the blank line). `missingBlank` says which.
 */
function headerEnd(b: Uint8Array, start: number, end: number, root: boolean): { at: number; missingBlank: boolean } {
  let line = start;
  // The mail's own first line must be a field (else it is no mail); a part may have no header at all.
  let fields = root ? 0 : 1;
  while (line < end) {
    // In a header block a bare CR ends a line too (a mix of line ends is read as the sender meant it).
    let content = line;
    while (content < end && b[content] !== LF && !(b[content] === CR && b[content + 1] !== LF)) content++;
    const next = b[content] === CR && b[content + 1] === LF ? content + 2 : content + 1;
    if (b[content] === LF && content > line && b[content - 1] === CR) content--;
    if (content === line) return { at: Math.min(end, next), missingBlank: false };
    const first = b[line] as number;
    if (fields > 0 && first !== 0x20 && first !== 0x09 && !isField(b, line, content)) return { at: line, missingBlank: true };
    fields++;
    line = next;
  }
  return { at: end, missingBlank: false };
}

/** RFC 5322 §2.2: a field name of printable ASCII but ":" (no space), then ":". */
function isField(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end && i < start + 200; i++) {
    const c = b[i] as number;
    if (c === 0x3a) return i > start;
    if (c < 0x21 || c > 0x7e) return false;
  }
  return false;
}

const CONTENT_TYPE = /(^|\n)content-type:[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/i;
const CTE = /(^|\n)content-transfer-encoding:[ \t]*([^\r\n]*)/i;
/** Content-Transfer-Encoding values of RFC 2045 §6.1, and the uuencode forms mailers still write. */
const TRANSFER_ENCODINGS = ["7bit", "8bit", "binary", "quoted-printable", "base64", "x-uuencode", "uuencode", "x-uue"];
const knownEncoding = (head: string): boolean => {
  const m = CTE.exec(head);
  return m === null || TRANSFER_ENCODINGS.indexOf((m[2] as string).trim().toLowerCase()) >= 0;
};
const param = (field: string, name: string): string | undefined => {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, "i").exec(field);
  return m ? (m[1] ?? m[2] ?? "") : undefined;
};

interface Delimiter {
  /** Where the line break before the delimiter line starts (the part before ends here). */
  readonly before: number;
  /** Just past the delimiter line's own line break. */
  readonly after: number;
  readonly close: boolean;
}

/** The delimiter lines `--boundary` in [start, end), at line starts (RFC 2046 §5.1.1). */
function delimiters(b: Uint8Array, start: number, end: number, boundary: Uint8Array): Delimiter[] {
  const out: Delimiter[] = [];
  let line = start;
  while (line < end) {
    const nl = b.indexOf(LF, line);
    const lineEnd = nl < 0 || nl >= end ? end : nl;
    if (b[line] === 0x2d && b[line + 1] === 0x2d && matches(b, line + 2, boundary)) {
      let k = line + 2 + boundary.length;
      const close = b[k] === 0x2d && b[k + 1] === 0x2d;
      if (close) k += 2;
      while (k < lineEnd && (b[k] === 0x20 || b[k] === 0x09 || b[k] === CR)) k++;
      if (k === lineEnd) {
        const before = line === start ? start : b[line - 2] === CR ? line - 2 : line - 1;
        out.push({ before, after: Math.min(end, lineEnd + 1), close });
        if (close) break;
      }
    }
    line = lineEnd + 1;
  }
  return out;
}

function matches(b: Uint8Array, at: number, token: Uint8Array): boolean {
  for (let j = 0; j < token.length; j++) if (b[at + j] !== token[j]) return false;
  return token.length > 0;
}

/** The boundary a body uses: its first `--token` line (trailing "--" and blanks removed). */
function boundaryInBody(b: Uint8Array, start: number, end: number): string | undefined {
  let line = start;
  while (line < end) {
    const nl = b.indexOf(LF, line);
    const lineEnd = nl < 0 || nl >= end ? end : nl;
    if (b[line] === 0x2d && b[line + 1] === 0x2d && lineEnd - line <= 76) {
      const m = /^--([\x21-\x7e][\x20-\x7e]{0,69}?)[ \t\r]*$/.exec(latin1Text(b, line, lineEnd));
      if (m) return (m[1] as string).replace(/--$/, "").replace(/"/g, "");
    }
    line = lineEnd + 1;
  }
  return undefined;
}

class Walker {
  readonly splices: Splice[] = [];
  readonly unread: UnreadPart[] = [];
  readonly outsideText: Array<{ readonly name: string; readonly bytes: Uint8Array }> = [];
  constructor(private readonly b: Uint8Array, private readonly maxDepth: number) {}

  part(start: number, end: number, depth: number, name: string): void {
    const b = this.b;
    const { at: bodyStart, missingBlank } = headerEnd(b, start, end, depth === 0);
    const head = latin1Text(b, start, bodyStart);
    let newHead = /=\?[^?\s]+\?[QqBb]\?/.test(head) ? utf7WordsToUtf8(head) : head;
    if (newHead.indexOf("\r") >= 0) newHead = newHead.replace(/\r(?!\n)/g, "\r\n");
    if (missingBlank) newHead += "\r\n";
    const ct = CONTENT_TYPE.exec(newHead);
    const field = ct ? (ct[2] as string) : "";
    const type = field.split(";")[0]?.trim().toLowerCase() ?? "";
    if (/^multipart\//.test(type)) {
      newHead = this.multipart(newHead, field, bodyStart, end, depth, name, ct);
    } else if (isUtf7Label(param(field, "charset") ?? "")) {
      if (this.utf7(newHead, bodyStart, start, end)) return;
    } else if (!knownEncoding(newHead)) {
      // RFC 2045 §6.4: a part in an encoding we do not know is to be treated as opaque bytes, so
      // it is named as not read rather than read as if it were plain text (or as empty).
      this.unread.push({ attachment: name, why: "unsupported", cause: "unsupported-encoding" });
    }
    if (newHead !== head) this.splices.push({ start, end: bodyStart, bytes: latin1Bytes(newHead) });
  }

  /** Finds and checks the boundary, then walks the parts; returns the (maybe rewritten) header. */
  private multipart(head: string, field: string, bodyStart: number, end: number, depth: number, name: string, ct: RegExpExecArray | null): string {
    const replaceField = (value: string): string => head.slice(0, (ct as RegExpExecArray).index) + (ct as RegExpExecArray)[1] + "Content-Type: " + value + head.slice((ct as RegExpExecArray).index + (ct as RegExpExecArray)[0].length);
    if (depth >= this.maxDepth) {
      this.unread.push({ attachment: name, why: "too-large", cause: "nesting-too-deep", limit: "MAX_MIME_DEPTH" });
      return replaceField("text/plain; charset=utf-8");
    }
    const declared = param(field, "boundary") ?? "";
    let boundary = declared;
    let found = boundary !== "" ? delimiters(this.b, bodyStart, end, latin1Bytes(boundary)) : [];
    if (found.length === 0) {
      boundary = boundaryInBody(this.b, bodyStart, end) ?? "";
      found = boundary !== "" ? delimiters(this.b, bodyStart, end, latin1Bytes(boundary)) : [];
    }
    if (found.length === 0) {
      // No delimiter at all: the body is read as text, and the part is named as not read as MIME.
      this.unread.push({ attachment: name, why: "corrupt" });
      return replaceField("text/plain; charset=utf-8");
    }
    let last = found[0] as Delimiter;
    for (let i = 0; i < found.length; i++) {
      const d = found[i] as Delimiter;
      last = d;
      if (d.close) break;
      const next = found[i + 1];
      this.part(d.after, next ? next.before : end, depth + 1, `${name}.${i + 1}`);
    }
    // Text before the first delimiter or after the last is no part, and no client is meant to show
    // it; but a delimiter line a sender garbled puts a part there. Text with digits in it is read.
    this.outside(bodyStart, (found[0] as Delimiter).before, `${name}, før delene.txt`);
    this.outside(last.close ? last.after : end, end, `${name}, efter delene.txt`);
    if (boundary === declared) return head;
    const rest = field.replace(/;?\s*boundary\s*=\s*(?:"[^"]*"|[^;\s]*)/i, "").replace(/\s*$/, "");
    return replaceField(`${rest}; boundary="${boundary}"`);
  }

  private outside(start: number, end: number, name: string): void {
    for (let i = start; i < end; i++) {
      const c = this.b[i] as number;
      if (c >= 0x30 && c <= 0x39) {
        this.outsideText.push({ name, bytes: this.b.slice(start, end) });
        return;
      }
    }
  }

  /** A UTF-7 leaf: its text decoded and written back as UTF-8 under a header that says so. */
  private utf7(head: string, bodyStart: number, start: number, end: number): boolean {
    const cte = (CTE.exec(head)?.[2] ?? "7bit").trim().toLowerCase();
    const raw = latin1Text(this.b, bodyStart, end);
    let text: string;
    if (cte === "base64") text = latin1Text(decodeBase64(raw));
    else if (cte === "quoted-printable") text = latin1Text(decodeQuotedPrintable(raw));
    else if (cte === "7bit" || cte === "8bit" || cte === "binary" || cte === "") text = raw;
    else return false;
    const newHead = head
      .replace(/(charset\s*=\s*)"?[^";\s]+"?/i, "$1utf-8")
      .replace(/(^|\n)content-transfer-encoding:[ \t]*[^\r\n]*/i, "$1Content-Transfer-Encoding: 8bit");
    const headBytes = latin1Bytes(newHead);
    const bodyBytes = encodeUtf8(decodeUtf7(text));
    const bytes = new Uint8Array(headBytes.length + bodyBytes.length);
    bytes.set(headBytes, 0);
    bytes.set(bodyBytes, headBytes.length);
    this.splices.push({ start, end, bytes });
    return true;
  }
}

function applySplices(b: Uint8Array, splices: readonly Splice[]): Uint8Array {
  if (splices.length === 0) return b;
  const sorted = splices.slice().sort((x, y) => x.start - y.start);
  let size = b.length;
  for (const s of sorted) size += s.bytes.length - (s.end - s.start);
  const out = new Uint8Array(size);
  let from = 0;
  let n = 0;
  for (const s of sorted) {
    out.set(b.subarray(from, s.start), n);
    n += s.start - from;
    out.set(s.bytes, n);
    n += s.bytes.length;
    from = s.end;
  }
  out.set(b.subarray(from), n);
  return out;
}

/** The mail's bytes as postal-mime can read them, and the parts it still cannot. Never throws. */
export function repairMime(input: Uint8Array, maxDepth = MAX_MIME_DEPTH): Repaired {
  const bytes = usesBareCr(input) ? crToCrlf(input) : input;
  const walker = new Walker(bytes, maxDepth);
  walker.part(0, bytes.length, 0, "MIME-del 1");
  return { bytes: applySplices(bytes, walker.splices), unread: walker.unread, outside: walker.outsideText };
}
