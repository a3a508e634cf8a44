/**
 * The Office adapter: a compose item → the core's `Message`, the same shape the CLI builds from an
 * .eml (core/eml.ts). Reads subject, body (HTML and text), to/cc/bcc, the sender and every
 * attachment. Attachments that cannot be had become `{ kind: "unavailable" }` with a reason, never a
 * silent gap: cloud links (format Url), items Outlook refuses to serialise, API failures, and files
 * larger than the policy's limit (not fetched at all: the base64 string alone would be 4/3 of it).
 */
import type { AttachmentInput, Message, Recipient, RecipientField, UnreadableAttachmentFinding } from "../../core/index";
import { officeCall } from "./office-async";
import type { AttachmentDetailsLike, ComposeItemLike, EmailAddressDetailsLike, OfficeLike, RecipientsLike, SharedPropertiesLike } from "./office-types";
import { readAttachment, type AttachmentReadOptions, type ReadAttachment } from "./read-attachments";

export { attachmentKey, type ReadAttachment } from "./read-attachments";

export type ReadOptions = AttachmentReadOptions;

export interface ReadResult {
  readonly message: Message;
  /** Every attachment Outlook listed, in its order, with its cache key. */
  readonly attachments: readonly ReadAttachment[];
}

/** The attachments whose decoding stopped at options.deadline, each as "not read in time". */
export function notReadInTime(read: ReadResult): UnreadableAttachmentFinding[] {
  const out: UnreadableAttachmentFinding[] = [];
  for (const a of read.attachments) if (a.timedOut) out.push({ kind: "unreadable-attachment", attachment: a.name, why: "timeout" });
  return out;
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

/** True for a meeting invite being composed (OnAppointmentSend). */
export function isAppointment(office: OfficeLike, item: ComposeItemLike): boolean {
  const appointment = office.MailboxEnums?.ItemType?.Appointment ?? "appointment";
  return item.itemType !== undefined && String(item.itemType) === String(appointment);
}

/**
 * The fields whose addresses are checked, as the core's to/cc/bcc: a message's own fields; an
 * invite's required attendees as "to" and optional attendees as "cc" (resources such as rooms are
 * booked through the location, which is scanned as text).
 */
function recipientFields(item: ComposeItemLike): Array<{ field: RecipientField; api: string; recipients: RecipientsLike | undefined }> {
  if (item.requiredAttendees || item.optionalAttendees) {
    return [
      { field: "to", api: "requiredAttendees.getAsync", recipients: item.requiredAttendees },
      { field: "cc", api: "optionalAttendees.getAsync", recipients: item.optionalAttendees },
    ];
  }
  return [
    { field: "to", api: "to.getAsync", recipients: item.to },
    { field: "cc", api: "cc.getAsync", recipients: item.cc },
    { field: "bcc", api: "bcc.getAsync", recipients: item.bcc },
  ];
}

/** Every checked recipient field; rejects (OfficeCallError) when one cannot be read. */
async function readAllRecipients(office: OfficeLike, item: ComposeItemLike): Promise<Recipient[]> {
  const fields = recipientFields(item);
  const lists = await Promise.all(
    fields.map((f) =>
      f.recipients ? officeCall<EmailAddressDetailsLike[]>(office, f.api, (cb) => f.recipients!.getAsync(cb)) : Promise.resolve([]),
    ),
  );
  const out: Recipient[] = [];
  fields.forEach((f, i) => {
    for (const r of toRecipients(lists[i], f.field)) out.push(r);
  });
  return out;
}

/**
 * Reads the item. Rejects (OfficeCallError) only when subject, body or recipients cannot be read:
 * without them there is no message to judge, and the handler applies policy.onError.
 */
export async function readMessage(office: OfficeLike, item: ComposeItemLike, options: ReadOptions): Promise<ReadResult> {
  const html = office.CoercionType.Html;
  const text = office.CoercionType.Text;
  const [subject, bodyHtml, bodyText, recipients, from, list, label, location] = await Promise.all([
    officeCall<string>(office, "subject.getAsync", (cb) => item.subject.getAsync(cb)),
    officeCall<string>(office, "body.getAsync(html)", (cb) => item.body.getAsync(html, cb)),
    // Plain text as well, as the CLI has both parts of a multipart/alternative mail. Web Outlook's
    // Text rendering can be unreliable (Office.Body reference); the core prefers the HTML when present.
    officeCall<string>(office, "body.getAsync(text)", (cb) => item.body.getAsync(text, cb)).catch(() => undefined),
    readAllRecipients(office, item),
    readSender(office, item),
    officeCall<AttachmentDetailsLike[]>(office, "getAttachmentsAsync", (cb) => item.getAttachmentsAsync(cb)),
    readSensitivityLabel(office, item),
    item.location ? officeCall<string>(office, "location.getAsync", (cb) => item.location!.getAsync(cb)) : Promise.resolve(undefined),
  ]);

  // Smallest first: the most attachments read before a deadline. Results keep Outlook's order.
  const attachmentList = list ?? [];
  const order = attachmentList.map((_, i) => i).sort((a, b) => attachmentList[a]!.size - attachmentList[b]!.size);
  const results: Array<{ input?: AttachmentInput; read: ReadAttachment }> = new Array(attachmentList.length);
  let late = false;
  for (const i of order) {
    // Past the deadline the rest is not fetched: each is reported as not read in time.
    const r: { input?: AttachmentInput; read: ReadAttachment } = late ? { read: { name: attachmentList[i]!.name, skipped: false, timedOut: true } } : await readAttachment(office, item, attachmentList[i]!, options);
    late = late || r.read.timedOut === true;
    results[i] = r;
  }

  const attachments: AttachmentInput[] = [];
  for (const r of results) if (r.input) attachments.push(r.input);

  const message: Message = {
    subject: subject ?? "",
    ...(bodyText !== undefined && bodyText !== "" ? { bodyText } : {}),
    ...(bodyHtml !== undefined && bodyHtml !== "" ? { bodyHtml } : {}),
    ...(typeof location === "string" && location.trim() !== "" ? { location } : {}),
    recipients,
    attachments,
    ...(from ? { from } : {}),
    ...(label ? { sensitivityLabelId: label } : {}),
  };
  return { message, attachments: results.map((r) => (r.input ? { ...r.read, input: r.input } : r.read)) };
}

/** Recipients and sender only: what the OnMessageRecipientsChanged pre-scan needs. */
export async function readRecipients(office: OfficeLike, item: ComposeItemLike): Promise<Pick<Message, "recipients" | "from">> {
  const [recipients, from] = await Promise.all([readAllRecipients(office, item), readSender(office, item)]);
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

/**
 * Whose mail this is, to learn the own domain from: the owner of the shared mailbox or delegated
 * mailbox the draft lives in (getSharedPropertiesAsync), else the compose `from`, else the
 * signed-in user. In the user's own mailbox getSharedPropertiesAsync fails, which is the normal case.
 */
async function readSender(office: OfficeLike, item: ComposeItemLike): Promise<string | undefined> {
  const [owner, from] = await Promise.all([readSharedOwner(office, item), readFrom(office, item)]);
  return owner ?? from;
}

async function readSharedOwner(office: OfficeLike, item: ComposeItemLike): Promise<string | undefined> {
  if (typeof item.getSharedPropertiesAsync !== "function") return undefined;
  try {
    const shared = await officeCall<SharedPropertiesLike>(office, "getSharedPropertiesAsync", (cb) => item.getSharedPropertiesAsync!(cb));
    const owner = typeof shared?.owner === "string" ? shared.owner.trim() : "";
    return owner.indexOf("@") > 0 ? owner : undefined;
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
