/**
 * The Office adapter: a compose item → the core's `Message`, the same shape the CLI builds from an
 * .eml (core/eml.ts). Reads subject, body (HTML and text), to/cc/bcc, the sender and every
 * attachment. Attachments that cannot be had become `{ kind: "unavailable" }` with a reason, never a
 * silent gap: cloud links (format Url), items Outlook refuses to serialise, API failures, and files
 * larger than the policy's limit (not fetched at all: the base64 string alone would be 4/3 of it).
 */
import type { AttachmentInput, Message, Recipient, RecipientField } from "../../core/index";
import { decodeBase64, encodeUtf8, fnv1a } from "./base64";
import { officeCall } from "./office-async";
import type { AttachmentDetailsLike, ComposeItemLike, EmailAddressDetailsLike, OfficeLike } from "./office-types";

/** Identifies an attachment's content across calls (classic Outlook's compose ids are indices). */
export function attachmentKey(name: string, size: number, base64: string): string {
  return `${name}|${size}|${fnv1a(base64)}`;
}

export interface ReadOptions {
  /** Files larger than this are reported "too-large" without fetching their content. */
  readonly maxAttachmentBytes: number;
  /**
   * Called with each file attachment's key once its content is fetched. Returning true skips
   * decoding and leaves the attachment out of the Message (the caller has its findings cached).
   */
  readonly skipAttachment?: (key: string, name: string) => boolean;
}

export interface ReadAttachment {
  readonly name: string;
  /** Set for attachments whose content was fetched (file and item attachments). */
  readonly key?: string;
  /** True when skipAttachment said the caller already knows its findings. */
  readonly skipped: boolean;
  /** What went into the Message for this attachment (absent when skipped). */
  readonly input?: AttachmentInput;
}

export interface ReadResult {
  readonly message: Message;
  /** Every attachment Outlook listed, in its order, with its cache key. */
  readonly attachments: readonly ReadAttachment[];
}

function toRecipients(list: readonly EmailAddressDetailsLike[] | null | undefined, field: RecipientField): Recipient[] {
  const out: Recipient[] = [];
  for (const r of list ?? []) {
    const address = (r.emailAddress ?? "").trim();
    if (address === "") continue;
    out.push(r.displayName ? { address, displayName: r.displayName, field } : { address, field });
  }
  return out;
}

async function readAttachment(
  office: OfficeLike,
  item: ComposeItemLike,
  details: AttachmentDetailsLike,
  options: ReadOptions,
): Promise<{ input?: AttachmentInput; read: ReadAttachment }> {
  const name = details.name;
  const unavailable = (reason: "cloud" | "item-unavailable" | "api-error" | "too-large") => ({
    input: { kind: "unavailable" as const, name, reason },
    read: { name, skipped: false },
  });
  if (details.attachmentType === "cloud") return unavailable("cloud");
  if (details.size > options.maxAttachmentBytes) return unavailable("too-large");

  let content: { format: string; content: string };
  try {
    content = await officeCall(office, "getAttachmentContentAsync", (cb) => item.getAttachmentContentAsync(details.id, cb));
  } catch {
    // Web/new Outlook throw for items attached by drag-and-drop (AttachmentContent docs); classic
    // fails files attached through Windows "Send to" (office-js #6581).
    return unavailable(details.attachmentType === "item" ? "item-unavailable" : "api-error");
  }

  switch (content.format) {
    case "base64": {
      const key = attachmentKey(name, details.size, content.content);
      if (options.skipAttachment?.(key, name)) return { read: { name, key, skipped: true } };
      const decoded = decodeBase64(content.content);
      if (!decoded.ok) return unavailable("api-error");
      return {
        input: { kind: "file", name, bytes: decoded.bytes, ...(details.contentType ? { contentType: details.contentType } : {}) },
        read: { name, key, skipped: false },
      };
    }
    case "eml": {
      // An attached mail comes as its MIME text; the extractor reads .eml bytes like the CLI does.
      const key = attachmentKey(name, details.size, content.content);
      if (options.skipAttachment?.(key, name)) return { read: { name, key, skipped: true } };
      return {
        input: { kind: "file", name, bytes: encodeUtf8(content.content), contentType: "message/rfc822" },
        read: { name, key, skipped: false },
      };
    }
    case "iCalendar": {
      const key = attachmentKey(name, details.size, content.content);
      if (options.skipAttachment?.(key, name)) return { read: { name, key, skipped: true } };
      return {
        input: { kind: "file", name, bytes: encodeUtf8(content.content), contentType: "text/calendar" },
        read: { name, key, skipped: false },
      };
    }
    case "url":
      return unavailable("cloud");
    default:
      return unavailable("api-error");
  }
}

/**
 * Reads the item. Rejects (OfficeCallError) only when subject, body or recipients cannot be read:
 * without them there is no message to judge, and the handler applies policy.onError.
 */
export async function readMessage(office: OfficeLike, item: ComposeItemLike, options: ReadOptions): Promise<ReadResult> {
  const html = office.CoercionType.Html;
  const text = office.CoercionType.Text;
  const [subject, bodyHtml, bodyText, to, cc, bcc, from, list, label] = await Promise.all([
    officeCall<string>(office, "subject.getAsync", (cb) => item.subject.getAsync(cb)),
    officeCall<string>(office, "body.getAsync(html)", (cb) => item.body.getAsync(html, cb)),
    // Plain text as well, as the CLI has both parts of a multipart/alternative mail. Web Outlook's
    // Text rendering can be unreliable (officejs.md §4); the core prefers the HTML when present.
    officeCall<string>(office, "body.getAsync(text)", (cb) => item.body.getAsync(text, cb)).catch(() => undefined),
    officeCall<EmailAddressDetailsLike[]>(office, "to.getAsync", (cb) => item.to.getAsync(cb)),
    officeCall<EmailAddressDetailsLike[]>(office, "cc.getAsync", (cb) => item.cc.getAsync(cb)),
    officeCall<EmailAddressDetailsLike[]>(office, "bcc.getAsync", (cb) => item.bcc.getAsync(cb)),
    readFrom(office, item),
    officeCall<AttachmentDetailsLike[]>(office, "getAttachmentsAsync", (cb) => item.getAttachmentsAsync(cb)),
    readSensitivityLabel(office, item),
  ]);

  // Smallest first: the most attachments read before a deadline. Results keep Outlook's order.
  const attachmentList = list ?? [];
  const order = attachmentList.map((_, i) => i).sort((a, b) => attachmentList[a]!.size - attachmentList[b]!.size);
  const results: Array<{ input?: AttachmentInput; read: ReadAttachment }> = new Array(attachmentList.length);
  for (const i of order) results[i] = await readAttachment(office, item, attachmentList[i]!, options);

  const recipients = [...toRecipients(to, "to"), ...toRecipients(cc, "cc"), ...toRecipients(bcc, "bcc")];
  const attachments: AttachmentInput[] = [];
  for (const r of results) if (r.input) attachments.push(r.input);

  const message: Message = {
    subject: subject ?? "",
    ...(bodyText !== undefined && bodyText !== "" ? { bodyText } : {}),
    ...(bodyHtml !== undefined && bodyHtml !== "" ? { bodyHtml } : {}),
    recipients,
    attachments,
    ...(from ? { from } : {}),
    ...(label ? { sensitivityLabelId: label } : {}),
  };
  return { message, attachments: results.map((r) => (r.input ? { ...r.read, input: r.input } : r.read)) };
}

/** Recipients and sender only: what the OnMessageRecipientsChanged pre-scan needs. */
export async function readRecipients(office: OfficeLike, item: ComposeItemLike): Promise<Pick<Message, "recipients" | "from">> {
  const [to, cc, bcc, from] = await Promise.all([
    officeCall<EmailAddressDetailsLike[]>(office, "to.getAsync", (cb) => item.to.getAsync(cb)),
    officeCall<EmailAddressDetailsLike[]>(office, "cc.getAsync", (cb) => item.cc.getAsync(cb)),
    officeCall<EmailAddressDetailsLike[]>(office, "bcc.getAsync", (cb) => item.bcc.getAsync(cb)),
    readFrom(office, item),
  ]);
  const recipients = [...toRecipients(to, "to"), ...toRecipients(cc, "cc"), ...toRecipients(bcc, "bcc")];
  return { recipients, ...(from ? { from } : {}) };
}

/**
 * The applied sensitivity label's GUID (Mailbox 1.13), so a mail already on the policy's label
 * route is recognised at send time as the CLI recognises it from the msip_labels header. Absent or
 * failing → no label: every finding then keeps its normal action, the safe side.
 */
async function readSensitivityLabel(office: OfficeLike, item: ComposeItemLike): Promise<string | undefined> {
  if (!item.sensitivityLabel) return undefined;
  try {
    const id = await officeCall<string>(office, "sensitivityLabel.getAsync", (cb) => item.sensitivityLabel!.getAsync(cb));
    return typeof id === "string" && id.trim() !== "" ? id.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** The sender: compose `from` (1.7) where it answers, else the signed-in user's address. */
async function readFrom(office: OfficeLike, item: ComposeItemLike): Promise<string | undefined> {
  if (item.from) {
    try {
      const details = await officeCall<EmailAddressDetailsLike>(office, "from.getAsync", (cb) => item.from!.getAsync(cb));
      if (details?.emailAddress) return details.emailAddress;
    } catch {
      // fall through to the profile: the sender only seeds the own domain
    }
  }
  return office.context.mailbox.userProfile?.emailAddress || undefined;
}
