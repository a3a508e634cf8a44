/**
 * An RFC 5322 message (.eml bytes) → the core's `Message`. Used by the CLI for each file and by the
 * attachment extractor for attached mails, so both see a mail the same way.
 *
 * postal-mime is lenient by design: it turns any byte string into "a message" (a file of random
 * bytes becomes one header named after its first line). A scanner must not report such a file as
 * clean, so this module decides what counts as a mail and returns an error value otherwise.
 */
import PostalMime from "postal-mime";
import { plainMail } from "./eml-plain";
import { repairMime, type Repaired, type UnreadPart } from "./eml-repair";
import { latin1Text } from "./eml-utf7";
import { MAX_MIME_DEPTH } from "./extractors/limits";
import { decodeUtf8, isValidUtf8 } from "./extractors/text-decode";
import type { AttachmentInput, Message, Recipient, RecipientField } from "./message";
import { encodeUtf8 } from "./text/encode-utf8";

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
  /**
   * Deepest MIME multipart nesting read as MIME (default MAX_MIME_DEPTH); below it the rest is
   * read as text and the part is reported in `unreadParts`, naming the limit.
   */
  readonly maxMimeDepth?: number;
  /**
   * The bytes are the caller's to give away (read from a file for this call only): the reader may
   * change them in place rather than copy them. The CLI passes true; anything that keeps the bytes must not.
   */
  readonly mayOverwrite?: boolean;
}

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

/**
 * The input as postal-mime takes it without a copy. It copies any view into a fresh ArrayBuffer
 * (so a view never reads its neighbours in a larger buffer); a view that spans its whole buffer,
 * as a file read into memory does, is handed over as that buffer, which postal-mime only reads.
 * That saves a copy of the whole message: 20 MB for a 20 MB mail.
 */
function forParser(raw: Uint8Array): ArrayBuffer | Uint8Array {
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
  // A string is read as postal-mime reads one: as its UTF-8 bytes.
  const raw = typeof input === "string" ? encodeUtf8(input) : input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (isBlank(raw)) return { ok: false, error: "empty" };

  const maxDepth = options.maxMimeDepth ?? MAX_MIME_DEPTH;
  const repaired = repairMime(raw, maxDepth);
  const unread: UnreadPart[] = repaired.unread.slice();
  // The repair copies only what it changes; an untouched input is still the caller's to give away.
  const read = plainMail(repaired.bytes, options.mayOverwrite === true && repaired.bytes === raw);
  const plain = read && "head" in read ? read : undefined;
  const whole = read && "bytes" in read ? read.bytes : repaired.bytes;
  let email: PostalMime.Email;
  try {
    // One level of slack: the repair already read everything past maxDepth as text.
    email = await PostalMime.parse(forParser(plain ? plain.head : whole), { forceRfc822Attachments: true, attachmentEncoding: "arraybuffer", maxNestingDepth: maxDepth + 1 });
    if (plain?.text !== undefined) email = { ...email, text: plain.text };
  } catch (e) {
    return { ok: false, error: "parse-failed", detail: e instanceof Error ? e.message : String(e) };
  }

  const wellFormed = email.headerLines.some((h) => h.line.indexOf(":") > 0 && FIELD_NAME.test(h.key));
  if (!wellFormed) return { ok: false, error: "not-a-message" };

  // A mail that still parses empty is read as it stands, never passed as empty.
  if (email.text === undefined && email.html === undefined && email.attachments.length === 0) {
    const rest = rawBody(whole);
    if (rest !== undefined && /\S/.test(rest)) email = { ...email, text: rest };
  }
  return { ok: true, message: toMessage(email, unread, repaired.outside) };
}

function toMessage(email: PostalMime.Email, unread: readonly UnreadPart[], outside: Repaired["outside"]): Message {
  const recipients: Recipient[] = [];
  addressesOf(email.to, "to", recipients);
  addressesOf(email.cc, "cc", recipients);
  addressesOf(email.bcc, "bcc", recipients);
  const attachments: AttachmentInput[] = email.attachments.map((a, i) => {
    const name = a.filename && a.filename.trim() !== "" ? a.filename : `unnamed-${i + 1}${EXTENSION_BY_TYPE[a.mimeType] ?? ""}`;
    return { kind: "file", name, bytes: attachmentBytes(a.content), contentType: a.mimeType };
  });
  for (const o of outside) attachments.push({ kind: "file", name: o.name, bytes: o.bytes, contentType: "text/plain" });
  const from = firstAddress(email.from);
  const sensitivityLabelId = labelFromHeaders(email.headers);
  return {
    subject: email.subject ?? "",
    ...(email.text !== undefined ? { bodyText: email.text } : {}),
    ...(email.html !== undefined ? { bodyHtml: email.html } : {}),
    recipients,
    attachments,
    ...(from ? { from } : {}),
    ...(sensitivityLabelId ? { sensitivityLabelId } : {}),
    ...(unread.length > 0 ? { unreadParts: unread } : {}),
  };
}

/** The top-level body as text (UTF-8 when valid, else Latin-1), or undefined without one. */
function rawBody(raw: Uint8Array): string | undefined {
  for (let i = raw.indexOf(0x0a); i >= 0; i = raw.indexOf(0x0a, i + 1)) {
    const end = raw[i + 1] === 0x0a ? i + 2 : raw[i + 1] === 0x0d && raw[i + 2] === 0x0a ? i + 3 : -1;
    if (end < 0) continue;
    const body = raw.subarray(end);
    return isValidUtf8(body) ? decodeUtf8(body) : latin1Text(body);
  }
  return undefined;
}
