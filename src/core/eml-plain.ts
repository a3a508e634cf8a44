/**
 * The common large case, a single-part plain-text mail in UTF-8 (or plain ASCII), read without
 * postal-mime's line-by-line body handling: it gathers a body as one piece per line and joins them
 * again, which for a 20 MB draft cost most of a scan's time and several copies of the body at the
 * peak (docs/design/cli-build.md, "Large mail"). postal-mime still reads the header block; the body
 * is decoded once here and given the shape postal-mime gives it (line ends "\n", one at the end),
 * so the message is the same either way (eml-plain.test.ts compares the two).
 */
import { latin1Text } from "./eml-utf7";
import { decodeUtf8IfValid } from "./extractors/text-decode";

export interface PlainMail {
  /** The header block, blank line included: postal-mime parses only this. */
  readonly head: Uint8Array;
  /** The body as postal-mime would give it as `text`; undefined for an empty body. */
  readonly text: string | undefined;
}

/** Not a plain mail after its line ends were changed in place: these bytes are the mail now. */
export interface OtherMail {
  readonly bytes: Uint8Array;
}

/** End of the header block (just past its blank line), or -1 when there is no body. */
function headerEnd(b: Uint8Array): number {
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) {
    if (b[i + 1] === 0x0a) return i + 2;
    if (b[i + 1] === 0x0d && b[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

function isAscii(b: Uint8Array, start: number): boolean {
  for (let i = start; i < b.length; i++) if ((b[i] as number) > 0x7f) return false;
  return true;
}

/** A header field's unfolded value, or undefined when the block lacks it. */
function field(head: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\n)${name}:[ \\t]*([^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*)`, "i").exec(head);
  return m ? (m[1] as string).replace(/\r?\n/g, " ") : undefined;
}

/**
 * The mail split into its header block and its decoded body when it is one plain-text part whose
 * body needs no decoding beyond UTF-8 (no transfer encoding, no format=flowed, not an attachment);
 * undefined for anything else, which postal-mime then reads whole.
 */
export function plainMail(input: Uint8Array, mayOverwrite = false): PlainMail | OtherMail | undefined {
  let b = input;
  const end = headerEnd(b);
  if (end < 0) return undefined;
  const head = latin1Text(b, 0, end);
  if (field(head, "content-disposition") !== undefined) return undefined;
  const cte = (field(head, "content-transfer-encoding") ?? "7bit").trim().toLowerCase();
  if (cte !== "7bit" && cte !== "8bit" && cte !== "binary") return undefined;
  const type = field(head, "content-type") ?? "text/plain";
  const [value = "", ...params] = type.split(";");
  if (value.trim().toLowerCase() !== "text/plain") return undefined;
  let charset = "us-ascii";
  for (const p of params) {
    const m = /^\s*([\w*-]+)\s*=\s*"?([^"]*)"?\s*$/.exec(p);
    if (!m || (m[1] as string).toLowerCase() !== "charset") return undefined;
    charset = (m[2] as string).trim().toLowerCase();
  }
  const utf8 = charset === "utf-8" || charset === "utf8";
  if (!utf8 && charset !== "us-ascii") return undefined;
  // A lone CR inside a line is left to postal-mime, whose handling of it this does not copy.
  if (hasLoneCr(b, end)) return undefined;
  // The caller's own buffer: CRLF becomes LF in place, so the text is decoded once and never
  // copied again to change its line ends (a 20 MB body is then 20 MB of text, not 40).
  if (!utf8 && !isAscii(b, end)) return undefined;
  if (mayOverwrite) b = b.subarray(0, end + crlfToLfInPlace(b, end));
  let text = decodeUtf8IfValid(b, end);
  // Invalid UTF-8: postal-mime reads it (LF and CRLF line ends give it the same text).
  if (text === undefined) return b === input ? undefined : { bytes: b };
  if (!mayOverwrite) text = text.replace(/\r\n/g, "\n");
  if (text !== "" && text.charCodeAt(text.length - 1) !== 0x0a) text += "\n";
  return { head: b.subarray(0, end), text: text === "" ? undefined : text };
}

function hasLoneCr(b: Uint8Array, from: number): boolean {
  for (let i = b.indexOf(0x0d, from); i >= 0; i = b.indexOf(0x0d, i + 1)) if (b[i + 1] !== 0x0a) return true;
  return false;
}

/** Removes the CR of every CRLF in b[from..] by moving the rest down; returns the new length of that range. */
function crlfToLfInPlace(b: Uint8Array, from: number): number {
  let write = from;
  let read = from;
  for (let i = b.indexOf(0x0d, from); i >= 0; i = b.indexOf(0x0d, i + 1)) {
    b.copyWithin(write, read, i);
    write += i - read;
    read = i + 1;
  }
  b.copyWithin(write, read, b.length);
  return write + (b.length - read) - from;
}
