/**
 * What the core reports. A finding never holds a full CPR number: only the branded masked form
 * (`DDMMYY-****`) and offsets into the scanned text, so nothing that renders a finding can leak one.
 */
import type { Location } from "./location";
import type { RecipientField } from "./message";

/** `DDMMYY-****`. The only constructor is `maskCpr` in detectors/mask.ts. */
export type MaskedCpr = string & { readonly __brand: "MaskedCpr" };

export type Confidence = "high" | "medium" | "low";

/** How the number was written (docs/design/cpr-number.md §6.1). */
export type CprForm = "hyphen" | "space" | "compact" | "dotted" | "partly-masked" | "substitute";

/** Why a number got its confidence. Codes, not prose: i18n turns them into words. */
export type CprReason =
  | "keyword"
  | "weak-keyword"
  | "cpr-column"
  | "repeated-in-message"
  | "mod11-pass"
  | "mod11-fail"
  | "first-of-january"
  | "negative-context"
  | "in-url"
  | "age-over-110"
  | "postcode-follows"
  | "leading-zero-restored"
  | "in-file-name"
  | "partly-masked"
  | "substitute-number";

export interface CprFinding {
  readonly kind: "cpr";
  readonly location: Location;
  readonly masked: MaskedCpr;
  readonly confidence: Confidence;
  readonly form: CprForm;
  readonly reasons: readonly CprReason[];
  /** Offsets into the scanned segment's text (after extraction), for masking in place. */
  readonly span: { readonly start: number; readonly end: number };
}

/** Which structural or typing rule made a domain a look-alike (docs/design/lookalike-domains.md §5). */
export type LookalikeReason =
  | "embedded-name"
  | "split-label"
  | "tld-swap"
  | "homoglyph"
  | "typo"
  | "affix";

/** The typing slip spelled out, so the message can say "der mangler et 'r'". */
export type DomainEdit =
  | { readonly op: "missing"; readonly char: string }
  | { readonly op: "extra"; readonly char: string }
  | { readonly op: "replaced"; readonly from: string; readonly to: string }
  | { readonly op: "swapped"; readonly chars: string }
  | { readonly op: "other-suffix"; readonly from: string; readonly to: string }
  | { readonly op: "look-alike-characters" }
  | { readonly op: "added-word"; readonly word: string }
  | { readonly op: "several" };

export interface LookalikeFinding {
  readonly kind: "lookalike-domain";
  readonly recipient: string;
  readonly field: RecipientField;
  /** The recipient's domain as in the header (ASCII/punycode form kept for display). */
  readonly domain: string;
  /** The same domain in Unicode, present only when it differs from `domain` (IDN): show both. */
  readonly domainUnicode?: string;
  /** The own/trusted/known domain it resembles. */
  readonly resembles: string;
  /** Which list the resembled domain is on: decides the action (policy.lookalike). */
  readonly target: "own" | "trusted" | "known";
  readonly reason: LookalikeReason;
  readonly edit?: DomainEdit;
  /** The recipient address with the domain corrected: the one-click fix. */
  readonly suggestion: string;
}

export interface InvalidRecipientFinding {
  readonly kind: "invalid-recipient";
  readonly recipient: string;
  readonly field: RecipientField;
}

/** The CLI contract's reasons; `cause` carries the finer code. */
export type UnreadableReason =
  | "encrypted"
  | "corrupt"
  | "too-large"
  | "zip-bomb"
  | "timeout"
  | "unsupported";

export type UnreadableCause =
  | "no-text-layer"
  | "image"
  | "nesting-too-deep"
  | "too-many-entries"
  | "cloud"
  | "item-unavailable"
  | "api-error"
  | "legacy-format"
  /** Excel's binary workbook (.xlsb): records, not XML, and no maintained reader for them. */
  | "binary-workbook"
  /** The reader for this format is left out of the send-time bundle (the task pane reads it). */
  | "not-at-send-time"
  /** A PDF whose streams use a filter (encoding) the reader cannot undo: its text, if any, was not read. */
  | "unsupported-encoding"
  /** A bound of ours (named in `limit`) stopped the reader: the file was read only in part. */
  | "limit-reached"
  /** A zip whose directory lies: two entries with one name, or a count that does not match. */
  | "inconsistent-archive"
  | "unknown-format";

export interface UnreadableAttachmentFinding {
  readonly kind: "unreadable-attachment";
  /** Name chain, outermost first, joined with "/". */
  readonly attachment: string;
  readonly why: UnreadableReason;
  readonly cause?: UnreadableCause;
  /** The bound that was reached (a constant's name in extractors/limits.ts), when one was. */
  readonly limit?: string;
}

export type Finding =
  | CprFinding
  | LookalikeFinding
  | InvalidRecipientFinding
  | UnreadableAttachmentFinding;
