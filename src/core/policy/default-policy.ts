/**
 * The built-in policy: what Postvagt does for a Danish municipality that has configured nothing.
 * Every value is explained in docs/policy.md; change the two together.
 */
import {
  MAX_ARCHIVE_ENTRIES,
  MAX_ATTACHMENT_BYTES,
  MAX_INFLATED_BYTES,
  MAX_NESTING_DEPTH,
  SEND_BUDGET_MS,
} from "../extractors/limits";
import type { Limits, Policy } from "./policy";

/** Policies are read, never edited: freezing catches a caller that tries. */
export function freezeDeep<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Object.keys, not Object.values: the send bundle runs on ES2016 built-ins.
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) freezeDeep(record[key]);
  }
  return value;
}

/**
 * Limit defaults: the extractor's own constants (extractors/limits.ts says what each one bounds),
 * so the policy and the readers cannot drift apart.
 */
export const DEFAULT_LIMITS: Limits = freezeDeep({
  sendBudgetMs: SEND_BUDGET_MS,
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  maxInflatedBytes: MAX_INFLATED_BYTES,
  maxArchiveEntries: MAX_ARCHIVE_ENTRIES,
  maxNestingDepth: MAX_NESTING_DEPTH,
});

export const DEFAULT_POLICY: Policy = freezeDeep({
  // Empty: the add-in learns the own domain from the sender's address (see scanMessage).
  ownDomains: [],
  trustedDomains: [],
  knownDomains: [],
  useBuiltInDomainList: true,
  // high = a hyphenated valid number or a keyword: almost never anything else (docs/design/cpr-number.md §6.2).
  // medium = a compact or dotted number without a keyword: worth a question, not a stop.
  // low = shown in the task pane only; a block here would be the alert fatigue of docs/design/prior-art.md §3.4.
  cpr: { high: "block", medium: "warn", low: "allow", contextWindow: 100 },
  // A look-alike of the organisation's own domain is the Randers case: a stranger receives citizens' data.
  lookalike: { own: "block", trusted: "warn", known: "warn" },
  invalidRecipient: "warn",
  // Never a silent pass, never a stop for every PDF scan: tell the user and let them decide.
  unreadableAttachment: "warn",
  // Images are listed in the task pane as not checked, but do not stop the send: signature logos
  // and inline pictures are in most mails, and a warning on each would teach users to click past
  // every warning (docs/design/prior-art.md §3.4). Scanned PDFs stay under unreadableAttachment.
  imageAttachment: "allow",
  secureRoute: { kind: "none" },
  // None by default: whether Digital Post or a gateway domain is secure depends on the organisation's
  // own mail routing (a connector or transport rule), which only the admin knows.
  secureRecipients: { domains: [], addresses: [] },
  // "warn" on failure: the user is told the mail was not checked and may send anyway. Neither the
  // silent send of office-js #3180 nor the organisation-wide send stop of office-js #6303.
  onError: "warn",
  onTimeout: "warn",
  limits: DEFAULT_LIMITS,
  language: "auto",
  // Shown, not a stop: a first mail to a new partner is normal; the line makes the user look twice.
  newExternalDomain: "show",
  // Off: a user who confirms every warning teaches themselves to click past them; the admin opts in.
  confirmLookalikes: false,
});
