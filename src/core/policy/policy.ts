/**
 * The admin's policy, after parsing and defaults. Keys are a contract with admins' files:
 * extend, never rename. Every field is documented in docs/policy.md.
 */

/** What happens to a finding at send time. "allow" still shows it in the task pane. */
export type Action = "block" | "warn" | "allow";

/**
 * What the send handler does when it cannot finish: the admin's choice, never an accident.
 * "warn" tells the user the mail could not be checked and lets them send anyway or wait: neither
 * a silent pass (office-js #3180) nor a municipality that cannot send at all (office-js #6303).
 */
export type FailMode = "block" | "warn" | "allow";

export type SecureRoute =
  | { readonly kind: "none" }
  /** A subject tag that the organisation's transport rule encrypts, e.g. "[sikker]". */
  | { readonly kind: "subject-tag"; readonly tag: string }
  /** A Purview sensitivity label that encrypts, applied where the client supports it. */
  | { readonly kind: "sensitivity-label"; readonly labelId: string; readonly labelName?: string };

/**
 * Recipients whose mail already travels a secure route: the organisation's secure-mail
 * gateway domain, Digital Post addresses, a secure mailbox. A CPR number in the body or an
 * attachment of a mail whose recipients are ALL secure is not warned about; one in the subject
 * still is, because subjects are not encrypted (not even on Digital Post).
 */
export interface SecureRecipients {
  /** Recipient domains, subdomains included (e.g. "digital-post.dk" covers "x.mitdk.digital-post.dk"). */
  readonly domains: readonly string[];
  /** Single recipient addresses, lower-cased. */
  readonly addresses: readonly string[];
}

/** Which secure route a message is on: it decides that body and attachment CPR numbers are allowed. */
export type SecureRouteMatch = "secure-recipients" | "subject-tag" | "sensitivity-label";

export interface Limits {
  /** Whole send-time check, including reading the item. Smart Alerts shows a wait dialog after 5 s. */
  readonly sendBudgetMs: number;
  readonly maxAttachmentBytes: number;
  readonly maxInflatedBytes: number;
  readonly maxArchiveEntries: number;
  readonly maxNestingDepth: number;
}

export interface Policy {
  /** The organisation's own mail domains. Look-alikes of these are the Randers case. */
  readonly ownDomains: readonly string[];
  /** Partners' domains: exact matches are never flagged; look-alikes of them are. */
  readonly trustedDomains: readonly string[];
  /** Extra known-legitimate domains, added to the built-in Danish public-sector list. */
  readonly knownDomains: readonly string[];
  /** Use the built-in list of Danish public-sector domains as known-legitimate (and as warn targets). */
  readonly useBuiltInDomainList: boolean;
  readonly cpr: {
    readonly high: Action;
    readonly medium: Action;
    readonly low: Action;
    /** Characters either side of a number searched for keywords (docs/design/cpr-number.md §6.1). */
    readonly contextWindow: number;
  };
  readonly lookalike: {
    /** Look-alike of an own domain. */
    readonly own: Action;
    /** Look-alike of a trusted domain. */
    readonly trusted: Action;
    /** Look-alike of another Danish public body on the built-in list (labels of 4+ letters). */
    readonly known: Action;
  };
  readonly invalidRecipient: Action;
  readonly unreadableAttachment: Action;
  /**
   * An image attachment (no text to read; no OCR at send time). Apart from unreadableAttachment
   * because nearly every external mail carries a signature logo: a warning on each would be noise.
   */
  readonly imageAttachment: Action;
  readonly secureRoute: SecureRoute;
  /** Recipients that are already a secure route (see SecureRecipients). */
  readonly secureRecipients: SecureRecipients;
  /** What the send handler does when it fails. */
  readonly onError: FailMode;
  /** What the send handler does when the budget runs out before the scan finished. */
  readonly onTimeout: FailMode;
  readonly limits: Limits;
  readonly language: "auto" | "da" | "en";
  /**
   * A CPR finding going to an external domain this user has never written to (the recipient memory,
   * docs/audit.md): "show" adds a line to the alert and the pane, "warn" also makes it a warning,
   * "off" switches the memory off (nothing is remembered).
   */
  readonly newExternalDomain: NewDomainMode;
  /**
   * The user may confirm a look-alike recipient as the one they meant (a citizen who owns
   * anders.dk). Never for look-alikes of ownDomains: only the admin allows those (trustedDomains).
   */
  readonly confirmLookalikes: boolean;
  /** Who to ask, shown in the task pane as "Spørg IT". */
  readonly helpContact?: HelpContact;
  /** The policy's name and version, shown in the task pane's footer. */
  readonly name?: string;
  readonly version?: string;
}

export interface HelpContact {
  /** One sentence: "Ring til IT-support på 8915 1234." */
  readonly text: string;
  /** https:, mailto: or tel: */
  readonly url?: string;
}

export type NewDomainMode = "warn" | "show" | "off";
