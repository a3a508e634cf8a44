/**
 * A finding's rule, named by the policy field that decides its action (`cpr.medium`,
 * `lookalike.own`, ...): what the admin edits, what the CLI's summary prints, and what the audit
 * marker lists for a mail sent after a warning. Codes only.
 */
import type { Finding } from "../finding";

export type RuleCode =
  | "cpr.high"
  | "cpr.medium"
  | "cpr.low"
  | "lookalike.own"
  | "lookalike.trusted"
  | "lookalike.known"
  | "invalidRecipient"
  | "unreadableAttachment"
  | "imageAttachment";

/** Display order: the order of docs/policy.md. */
export const RULE_CODES: readonly RuleCode[] = [
  "cpr.high",
  "cpr.medium",
  "cpr.low",
  "lookalike.own",
  "lookalike.trusted",
  "lookalike.known",
  "invalidRecipient",
  "unreadableAttachment",
  "imageAttachment",
];

export function ruleCodeOf(finding: Finding): RuleCode {
  switch (finding.kind) {
    case "cpr":
      return `cpr.${finding.confidence}` as RuleCode;
    case "lookalike-domain":
      return `lookalike.${finding.target}` as RuleCode;
    case "invalid-recipient":
      return "invalidRecipient";
    case "unreadable-attachment":
      return finding.cause === "image" ? "imageAttachment" : "unreadableAttachment";
  }
}
