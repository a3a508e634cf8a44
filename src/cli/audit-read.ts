/**
 * `postvagt audit`: one exported mail → what the report needs, and nothing else: the X-Postvagt
 * marker (parsed by core's parseMarker), the ISO week of its Date header, and the sending client's
 * family from X-Mailer / User-Agent. The body is never read: an .eml is read up to the end of its
 * header block only, a .msg for its transport headers only. A file that is not a mail is a finding
 * of its own ("bad file"), never a crash.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { AUDIT_HEADER_NAME, parseMarker, type AuditMarker, type MarkerError } from "../core";

export type AuditRecord =
  | { readonly kind: "marked"; readonly week: string; readonly client: string; readonly marker: AuditMarker }
  | { readonly kind: "unmarked"; readonly week: string; readonly client: string }
  /** An X-Postvagt header that is not a v=1 marker (another version, damaged, forged). */
  | { readonly kind: "bad-marker"; readonly week: string; readonly client: string; readonly error: MarkerError["code"] }
  /** A .msg without internet headers (e.g. a draft, some Sent Items copies): cannot tell. */
  | { readonly kind: "no-headers" }
  | { readonly kind: "bad-file"; readonly why: BadFileReason };

export type BadFileReason = "read-failed" | "empty" | "not-a-mail" | "header-too-large" | "msg-unreadable";

/** Header blocks larger than this are not a mail we can read (and not worth reading on). */
export const MAX_HEADER_BYTES = 1024 * 1024;
const CHUNK = 64 * 1024;
export const UNKNOWN_WEEK = "ukendt";
export const UNKNOWN_CLIENT = "ukendt klient";

/** The bytes up to the blank line that ends the header block (or undefined when there is none). */
function readHeaderBlock(path: string): { bytes?: Uint8Array; why?: BadFileReason } {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return { why: "read-failed" };
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      const joined = Buffer.concat(chunks);
      const end = headerEnd(joined);
      if (end >= 0) return { bytes: joined.subarray(0, end) };
      if (total > MAX_HEADER_BYTES) return { why: "header-too-large" };
    }
    const all = Buffer.concat(chunks);
    // A mail without a body is still a mail: its headers run to the end of the file.
    return total === 0 ? { why: "empty" } : { bytes: all };
  } catch {
    return { why: "read-failed" };
  } finally {
    closeSync(fd);
  }
}

function headerEnd(bytes: Buffer): number {
  const crlf = bytes.indexOf("\r\n\r\n");
  const lf = bytes.indexOf("\n\n");
  if (crlf < 0) return lf;
  if (lf < 0) return crlf;
  return Math.min(crlf, lf);
}

/** RFC 5322 header fields, unfolded, names lower-cased; the first occurrence of each wins. */
export function parseHeaderFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  let name: string | undefined;
  let value = "";
  const flush = () => {
    if (name !== undefined && !fields.has(name)) fields.set(name, value.trim());
    name = undefined;
  };
  for (const line of lines) {
    if (/^[ \t]/.test(line) && name !== undefined) {
      value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const m = /^([!-9;-~]+):(.*)$/.exec(line);
    if (m) {
      name = m[1]!.toLowerCase();
      value = m[2]!;
    }
  }
  flush();
  return fields;
}

const MAIL_FIELDS = ["from", "date", "subject", "message-id", "received", "to"];

/** ISO 8601 week of a date, "2026-W49"; UNKNOWN_WEEK when the Date header is missing or unreadable. */
export function isoWeek(dateHeader: string | undefined): string {
  const ms = dateHeader === undefined ? NaN : Date.parse(dateHeader);
  if (!isFinite(ms)) return UNKNOWN_WEEK;
  const d = new Date(ms);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(day + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${week < 10 ? "0" : ""}${week}`;
}

/**
 * The client's family from X-Mailer or User-Agent, with every digit removed (versions and build
 * numbers are noise, and a custom header must never put a number in the report), 40 characters at most.
 */
export function clientOf(fields: ReadonlyMap<string, string>): string {
  const raw = fields.get("x-mailer") ?? fields.get("user-agent") ?? "";
  const cleaned = raw
    .replace(/[^A-Za-z ()/_-]+/g, " ")
    .replace(/\(\s*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 40)
    .replace(/[\s/_-]+$/, "");
  return cleaned === "" ? UNKNOWN_CLIENT : cleaned;
}

export function recordFromHeaders(text: string): AuditRecord {
  const fields = parseHeaderFields(text);
  if (!MAIL_FIELDS.some((f) => fields.has(f))) return { kind: "bad-file", why: "not-a-mail" };
  const week = isoWeek(fields.get("date"));
  const client = clientOf(fields);
  const raw = fields.get(AUDIT_HEADER_NAME.toLowerCase());
  if (raw === undefined) return { kind: "unmarked", week, client };
  const parsed = parseMarker(raw);
  return parsed.ok ? { kind: "marked", week, client, marker: parsed.marker } : { kind: "bad-marker", week, client, error: parsed.error.code };
}

/** The transport headers of an Outlook .msg (PidTagTransportMessageHeaders), if it has them. */
async function msgHeaders(path: string): Promise<{ text?: string; why?: BadFileReason }> {
  let bytes: Buffer;
  try {
    const { readFileSync } = await import("node:fs");
    bytes = readFileSync(path);
  } catch {
    return { why: "read-failed" };
  }
  if (bytes.length === 0) return { why: "empty" };
  try {
    const mod = (await import("@kenjiuno/msgreader")) as unknown as { default: new (b: ArrayBuffer) => { getFileData(): { headers?: string; error?: string } } };
    const Reader = (mod.default as unknown as { default?: typeof mod.default }).default ?? mod.default;
    const data = new Reader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer).getFileData();
    if (data.error) return { why: "msg-unreadable" };
    return { text: data.headers ?? "" };
  } catch {
    return { why: "msg-unreadable" };
  }
}

export async function readAuditRecord(path: string): Promise<AuditRecord> {
  if (path.toLowerCase().endsWith(".msg")) {
    const got = await msgHeaders(path);
    if (got.why) return { kind: "bad-file", why: got.why };
    if (!got.text || got.text.trim() === "") return { kind: "no-headers" };
    return recordFromHeaders(got.text);
  }
  const block = readHeaderBlock(path);
  if (!block.bytes) return { kind: "bad-file", why: block.why ?? "read-failed" };
  // Header fields are ASCII (RFC 5322); latin1 maps every byte to one character, never throws.
  return recordFromHeaders(Buffer.from(block.bytes).toString("latin1"));
}
