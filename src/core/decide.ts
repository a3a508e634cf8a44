/**
 * Findings + policy → allow / warn / block, with the action each finding earned. Pure and total:
 * the same findings under the same policy always give the same verdict.
 */
import type { Finding } from "./finding";
import type { Action, Policy, SecureRouteMatch } from "./policy/policy";
import type { ScanResult } from "./scan";
import { protectedBySecureRoute } from "./secure-route";

export type VerdictKind = Action;

export interface VerdictReason {
  readonly finding: Finding;
  readonly action: Action;
}

export interface Verdict {
  readonly verdict: VerdictKind;
  /** Every finding with its action, strictest first (block, warn, allow), otherwise in scan order. */
  readonly reasons: readonly VerdictReason[];
  /** Set when the scan did not finish: the verdict then also reflects policy.onTimeout / onError. */
  readonly incomplete?: "timeout" | "error";
}

const SEVERITY: Readonly<Record<Action, number>> = { allow: 0, warn: 1, block: 2 };

export function stricter(a: Action, b: Action): Action {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/**
 * The action the policy assigns to one finding. On a secure route (ScanResult.secureRoute) a CPR
 * number in the body or an attachment, and an attachment that could not be read, are allowed: the
 * route protects them. A number in the subject keeps its action, because no route encrypts the
 * subject; a wrong recipient keeps its action, because the encrypted mail still reaches them.
 */
export function actionFor(finding: Finding, policy: Policy, secureRoute?: SecureRouteMatch): Action {
  switch (finding.kind) {
    case "cpr":
      if (secureRoute !== undefined && protectedBySecureRoute(finding)) return "allow";
      return policy.cpr[finding.confidence];
    case "lookalike-domain":
      return policy.lookalike[finding.target];
    case "invalid-recipient":
      return policy.invalidRecipient;
    case "unreadable-attachment":
      // Encrypted in transit, an attachment we could not read is protected like one we could.
      if (secureRoute !== undefined && protectedBySecureRoute(finding)) return "allow";
      return finding.cause === "image" ? policy.imageAttachment : policy.unreadableAttachment;
  }
}

export function decide(findings: readonly Finding[], policy: Policy, secureRoute?: SecureRouteMatch): Verdict {
  const reasons = findings.map((finding) => ({ finding, action: actionFor(finding, policy, secureRoute) }));
  // Array.prototype.sort is stable (ES2019), so equal actions keep scan order.
  reasons.sort((a, b) => SEVERITY[b.action] - SEVERITY[a.action]);
  const verdict = reasons.reduce<Action>((v, r) => stricter(v, r.action), "allow");
  return { verdict, reasons };
}

/**
 * The verdict for a whole scan: the findings' verdict, made at least as strict as the policy's
 * fail mode when the scan ran out of time or a part of it failed. A timeout never loosens a verdict:
 * a CPR found before the budget ran out still blocks under onTimeout "allow".
 */
export function decideResult(result: ScanResult, policy: Policy): Verdict {
  const base = decide(result.findings, policy, result.secureRoute);
  if (result.errors.length > 0) {
    return { ...base, verdict: stricter(base.verdict, policy.onError), incomplete: "error" };
  }
  if (result.timedOut) {
    return { ...base, verdict: stricter(base.verdict, policy.onTimeout), incomplete: "timeout" };
  }
  return base;
}
