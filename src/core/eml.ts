/**
 * An RFC 5322 message (.eml bytes) → the core's `Message`. Used by the CLI for each file and by the
 * attachment extractor for attached mails, so both see a mail the same way.
 *
 * postal-mime is lenient by design: it turns any byte string into "a message" (a file of random
 * bytes becomes one header named after its first line). A scanner must not report such a file as
 * clean, so this module decides what counts as a mail and returns an error value otherwise.
 */
import PostalMime from "postal-mime";
import { decodeUtf8, isValidUtf8 } from "./extractors/text-decode";
import type { AttachmentInput, Message, Recipient, RecipientField } from "./message";

export type EmlError =
  /** Zero bytes, or only whitespace. */
  | "empty"
  /** No well-formed header field: not a mail at all (a text file, a binary, a truncated download). */
  | "not-a-message"
  /** postal-mime refused it: MIME nesting or header size beyond its limits, or malformed beyond repair. */
  | "parse-failed";

export type EmlResult =
  | { readonly ok: true; readonly message: Message }
  | { readonly ok: false; readonly error: EmlError; readonly detail?: string };

export interface EmlOptions {
  /** Deepest MIME multipart nesting accepted. Deeper structures are a parser attack, not mail. */
  readonly maxMimeDepth?: number;
}

/** Real mail nests a handful of multiparts; 50 leaves room for odd clients and stops stack attacks. */
const DEFAULT_MAX_MIME_DEPTH = 50;

/** RFC 5322 field-name: printable ASCII except ":" and space. */
const FIELD_NAME = /^[!-9;-~]+$/;

/** Best guess at an extension for nameless parts, so the extractor and the report have a name. */
const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  "text/plain": ".txt",
  "text/html": ".html",
  "text/csv": ".csv",
  "text/calendar": ".ics",
  "message/rfc822": ".eml",
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/gif": ".gif",
};

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

function toBytes(input: Uint8Array | ArrayBuffer | string): Uint8Array | string {
  return input instanceof ArrayBuffer ? new Uint8Array(input) : input;
}

/**
 * The input as postal-mime takes it without a copy. It copies any view into a fresh ArrayBuffer
 * (so a view never reads its neighbours in a larger buffer); a view that spans its whole buffer,
 * as a file read into memory does, is handed over as that buffer, which postal-mime only reads.
 * That saves a copy of the whole message: 20 MB for a 20 MB mail.
 */
function forParser(raw: Uint8Array | string): ArrayBuffer | Uint8Array | string {
  if (typeof raw === "string") return raw;
  const buffer = raw.buffer;
  return buffer instanceof ArrayBuffer && raw.byteOffset === 0 && raw.byteLength === buffer.byteLength ? buffer : raw;
}

function attachmentBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === "string") {
    // Only reached if someone changes attachmentEncoding; keep it total rather than throw.
    const out = new Uint8Array(content.length);
    for (let i = 0; i < content.length; i++) out[i] = content.charCodeAt(i) & 0xff;
    return out;
  }
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function addressesOf(list: readonly PostalMime.Address[] | undefined, field: RecipientField, out: Recipient[]): void {
  if (!list) return;
  for (const entry of list) {
    if (entry.group) {
      for (const member of entry.group) pushMailbox(member, field, out);
    } else {
      pushMailbox(entry, field, out);
    }
  }
}

function pushMailbox(box: PostalMime.Mailbox, field: RecipientField, out: Recipient[]): void {
  const address = box.address.trim();
  // A display name with no address ("Undisclosed recipients:;") is not a recipient.
  if (address === "") return;
  out.push(box.name ? { address, displayName: box.name, field } : { address, field });
}

function firstAddress(from: PostalMime.Address | undefined): string | undefined {
  if (!from) return undefined;
  if (from.group) return from.group[0]?.address || undefined;
  return from.address || undefined;
}

const ENABLED_LABEL = /MSIP_Label_([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})_Enabled\s*=\s*true/i;

/**
 * The Purview sensitivity label a sent mail carries: Outlook writes it into the `msip_labels`
 * header as `MSIP_Label_<guid>_Enabled=true; MSIP_Label_<guid>_SetDate=...; ...`.
 */
function labelFromHeaders(headers: readonly PostalMime.Header[]): string | undefined {
  for (const h of headers) {
    if (h.key.toLowerCase() !== "msip_labels") continue;
    const m = ENABLED_LABEL.exec(h.value);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return undefined;
}

/**
 * Parses .eml bytes. Never throws: an input that is not a mail comes back as `{ ok: false }`.
 * Attached mails (message/rfc822) stay attachments with their own name, so findings inside them
 * can say "Videresendt.eml, brødtekst" rather than blending into this mail's body.
 */
export async function messageFromEml(
  input: Uint8Array | ArrayBuffer | string,
  options: EmlOptions = {},
): Promise<EmlResult> {
  const raw = toBytes(input);
  if (typeof raw === "string" ? raw.trim() === "" : isBlank(raw)) return { ok: false, error: "empty" };

  let email: PostalMime.Email;
  const source = repairBoundary(raw);
  try {
    email = await PostalMime.parse(forParser(source), {
      forceRfc822Attachments: true,
      attachmentEncoding: "arraybuffer",
      maxNestingDepth: options.maxMimeDepth ?? DEFAULT_MAX_MIME_DEPTH,
    });
  } catch (e) {
    return { ok: false, error: "parse-failed", detail: e instanceof Error ? e.message : String(e) };
  }

  const wellFormed = email.headerLines.some((h) => h.line.indexOf(":") > 0 && FIELD_NAME.test(h.key));
  if (!wellFormed) return { ok: false, error: "not-a-message" };

  const recipients: Recipient[] = [];
  addressesOf(email.to, "to", recipients);
  addressesOf(email.cc, "cc", recipients);
  addressesOf(email.bcc, "bcc", recipients);

  const attachments: AttachmentInput[] = email.attachments.map((a, i) => {
    const name = a.filename && a.filename.trim() !== "" ? a.filename : `unnamed-${i + 1}${EXTENSION_BY_TYPE[a.mimeType] ?? ""}`;
    return { kind: "file", name, bytes: attachmentBytes(a.content), contentType: a.mimeType };
  });

  // A multipart whose parts could not be found (no usable boundary) parses as an empty mail: its
  // body is then read as it stands, boundary lines and part headers included, never passed as empty.
  if (email.text === undefined && email.html === undefined && email.attachments.length === 0) {
    const rest = rawBody(raw);
    if (rest !== undefined && /\S/.test(rest)) email = { ...email, text: rest };
  }
  const from = firstAddress(email.from);
  const sensitivityLabelId = labelFromHeaders(email.headers);
  const message: Message = {
    subject: email.subject ?? "",
    ...(email.text !== undefined ? { bodyText: email.text } : {}),
    ...(email.html !== undefined ? { bodyHtml: email.html } : {}),
    recipients,
    attachments,
    ...(from ? { from } : {}),
    ...(sensitivityLabelId ? { sensitivityLabelId } : {}),
  };
  return { ok: true, message };
}

/** The bytes (or text) as Latin-1 text, for looking at headers and boundary lines. */
function latin1Of(raw: Uint8Array | string): string {
  if (typeof raw === "string") return raw;
  let s = "";
  for (let i = 0; i < raw.length; i += 8192) s += String.fromCharCode.apply(null, Array.prototype.slice.call(raw.subarray(i, i + 8192)) as number[]);
  return s;
}

function headerEnd(s: string): number {
  const m = /\r?\n\r?\n/.exec(s);
  return m ? m.index + m[0].length : -1;
}

/** The top-level body as text (UTF-8 when valid, else Latin-1), or undefined without one. */
function rawBody(raw: Uint8Array | string): string | undefined {
  const s = latin1Of(raw);
  const end = headerEnd(s);
  if (end < 0) return undefined;
  if (typeof raw === "string") return raw.slice(end);
  const body = raw.subarray(end);
  return isValidUtf8(body) ? decodeUtf8(body) : s.slice(end);
}

/**
 * A top-level multipart whose boundary= is missing, or names a delimiter that never occurs, gets
 * the boundary its body actually uses (the first "--token" line), so the parts are read (RFC 2046
 * §5.1.1 defines the delimiter line). Anything else is returned unchanged.
 */
export function repairBoundary(raw: Uint8Array | string): Uint8Array | string {
  const s = latin1Of(raw);
  const end = headerEnd(s);
  if (end < 0) return raw;
  const head = s.slice(0, end);
  const ct = /(^|\n)content-type:[ \t]*multipart\/[^\r\n]*(\r?\n[ \t][^\r\n]*)*/i.exec(head);
  if (!ct) return raw;
  const field = ct[0];
  const declared = /boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(field);
  const boundary = declared ? (declared[1] ?? declared[2] ?? "") : "";
  const body = s.slice(end);
  if (boundary !== "" && body.indexOf("--" + boundary) >= 0) return raw;
  const line = /(?:^|\n)--([\x21-\x7e][\x20-\x7e]{0,69}?)[ \t]*\r?(?:\n|$)/.exec(body);
  if (!line) return raw;
  const found = (line[1] as string).replace(/--$/, "");
  const fixed = field.replace(/;?\s*boundary\s*=\s*(?:"[^"]*"|[^;\s]*)/i, "").replace(/\s*$/, "") + `; boundary="${found.replace(/"/g, "")}"`;
  const out = s.slice(0, ct.index) + fixed + s.slice(ct.index + field.length);
  if (typeof raw === "string") return out;
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i) & 255;
  return bytes;
}
