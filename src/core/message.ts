/**
 * What every adapter (the Office add-in, the CLI's .eml reader, the simulator) must produce.
 * The core scans this and nothing else: it never sees an Office item or a file path.
 */

import type { UnreadableAttachmentFinding } from "./finding";

export type RecipientField = "to" | "cc" | "bcc";

export interface Recipient {
  /** The address as the client gave it, e.g. "sagsbehandler@anders.dk". */
  readonly address: string;
  readonly displayName?: string;
  readonly field: RecipientField;
}

/** Why an attachment's bytes could not be had at all (decided by the adapter, not the extractor). */
export type UnavailableReason = "cloud" | "item-unavailable" | "api-error" | "too-large";

export type AttachmentInput =
  /** Bytes of a file (or an attached mail as .eml bytes). The format is sniffed from the bytes. */
  | {
      readonly kind: "file";
      readonly name: string;
      readonly bytes: Uint8Array;
      readonly contentType?: string;
    }
  /** The adapter could not get the content: reported, never passed silently. */
  | { readonly kind: "unavailable"; readonly name: string; readonly reason: UnavailableReason };

export interface Message {
  readonly subject: string;
  /** Plain-text body, when the client gives one and no HTML. */
  readonly bodyText?: string;
  /** HTML body; preferred over bodyText when both are present (it keeps the cell/paragraph structure). */
  readonly bodyHtml?: string;
  /** A meeting invite's location line (Outlook's appointment organizer form), scanned like the subject. */
  readonly location?: string;
  readonly recipients: readonly Recipient[];
  readonly attachments: readonly AttachmentInput[];
  /** Sender address, where known (used only to learn the own domain when the policy names none). */
  readonly from?: string;
  /**
   * The Purview sensitivity label applied to the message (its GUID), where the adapter can read it:
   * Office.js `item.sensitivityLabel` (Mailbox 1.13), or the `msip_labels` header of an .eml.
   * Compared with policy.secureRoute when that route is a label.
   */
  readonly sensitivityLabelId?: string;
  /**
   * Parts of the mail itself that could not be read as MIME (no delimiter to find, or nested past
   * MAX_MIME_DEPTH): read as text where possible, and each reported, never passed as clean.
   */
  readonly unreadParts?: readonly Omit<UnreadableAttachmentFinding, "kind">[];
}
