/**
 * Recipients a user has confirmed as the ones they meant (policy.confirmLookalikes): a citizen who
 * really owns anders.dk. A confirmation covers one address, for one user, and only a look-alike of
 * a trusted or known domain; a look-alike of the organisation's own domains is the Randers case and
 * only the admin can allow it (trustedDomains). Where confirmations are kept is the add-in's
 * business; here they are a list of addresses. See docs/design/confirmed-recipients.md.
 */
import type { Finding, LookalikeFinding } from "./finding";
import type { Policy } from "./policy/policy";

/** The form a confirmation is stored and compared in: trimmed, lower-case. */
export function confirmationKey(address: string): string {
  return address.trim().toLowerCase();
}

/** Whether the policy lets the user confirm this finding's recipient. */
export function confirmable(finding: Finding, policy: Policy): finding is LookalikeFinding {
  return policy.confirmLookalikes && finding.kind === "lookalike-domain" && finding.target !== "own";
}

/**
 * The findings without the look-alikes the user has confirmed. A confirmation the policy no longer
 * allows (confirmLookalikes turned off, or the domain became an own domain's look-alike) is ignored.
 */
export function withoutConfirmed(findings: readonly Finding[], policy: Policy, confirmed: readonly string[]): Finding[] {
  if (!policy.confirmLookalikes || confirmed.length === 0) return findings.slice();
  const keys = new Set(confirmed.map(confirmationKey));
  return findings.filter((f) => !(confirmable(f, policy) && keys.has(confirmationKey(f.recipient))));
}
