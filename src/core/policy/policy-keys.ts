/**
 * The policy file's vocabulary: every key per section, the values each enumerated key takes, and the
 * numeric ranges. The published JSON Schema is tested against POLICY_KEYS (test/policy-schema.test.ts).
 */
import type { Action, FailMode, Limits, Policy } from "./policy";
import type { LimitUnit } from "./policy-issue";

export const ACTIONS: readonly Action[] = ["block", "warn", "allow"];
export const FAIL_MODES: readonly FailMode[] = ["block", "warn", "allow"];
export const LANGUAGES: readonly Policy["language"][] = ["auto", "da", "en"];
export const NEW_DOMAIN_MODES: readonly Policy["newExternalDomain"][] = ["warn", "show", "off"];

/** Inclusive bounds: below is meaningless, above is a typo (an extra zero) or an attack on memory. */
export interface Range {
  readonly min: number;
  readonly max: number;
  readonly unit: LimitUnit;
}

export const LIMIT_RANGES: Readonly<Record<keyof Limits, Range>> = {
  // Smart Alerts aborts the handler after 5 minutes whatever we say.
  sendBudgetMs: { min: 100, max: 290_000, unit: "ms" },
  maxAttachmentBytes: { min: 1024, max: 1024 * 1024 * 1024, unit: "bytes" },
  maxInflatedBytes: { min: 1024, max: 2 * 1024 * 1024 * 1024, unit: "bytes" },
  maxArchiveEntries: { min: 1, max: 100_000, unit: "entries" },
  maxNestingDepth: { min: 0, max: 20, unit: "levels" },
};

export const CONTEXT_WINDOW_RANGE: Range = { min: 0, max: 1000, unit: "characters" };

export const TOP_KEYS = [
  "$schema",
  "ownDomains",
  "trustedDomains",
  "knownDomains",
  "useBuiltInDomainList",
  "cpr",
  "lookalike",
  "invalidRecipient",
  "unreadableAttachment",
  "imageAttachment",
  "secureRoute",
  "secureRecipients",
  "onError",
  "onTimeout",
  "limits",
  "language",
  "newExternalDomain",
  "confirmLookalikes",
  "helpContact",
  "name",
  "version",
] as const;
export const CPR_KEYS = ["high", "medium", "low", "contextWindow"] as const;
export const LOOKALIKE_KEYS = ["own", "trusted", "known"] as const;
export const LIMIT_KEYS = Object.keys(LIMIT_RANGES) as (keyof Limits)[];
export const SECURE_RECIPIENT_KEYS = ["domains", "addresses"] as const;
export const HELP_CONTACT_KEYS = ["text", "url"] as const;
export const ROUTE_KINDS = ["none", "subject-tag", "sensitivity-label"] as const;
export const ROUTE_KEYS: Readonly<Record<(typeof ROUTE_KINDS)[number], readonly string[]>> = {
  none: ["kind"],
  "subject-tag": ["kind", "tag"],
  "sensitivity-label": ["kind", "labelId", "labelName"],
};

/**
 * Every key the parser accepts, per section: the published JSON Schema is tested against this, so
 * schema and parser cannot drift apart (test/policy-schema.test.ts).
 */
export const POLICY_KEYS = {
  top: TOP_KEYS,
  cpr: CPR_KEYS,
  lookalike: LOOKALIKE_KEYS,
  limits: LIMIT_KEYS,
  secureRecipients: SECURE_RECIPIENT_KEYS,
  secureRoute: ROUTE_KEYS,
  helpContact: HELP_CONTACT_KEYS,
} as const;

/** Longest subject tag we accept: it is prepended to every protected mail's subject. */
export const MAX_TAG_LENGTH = 40;
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
