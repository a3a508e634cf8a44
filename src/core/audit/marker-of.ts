/**
 * The marker for a mail that is let go: counts of what the check found, the route, and for a mail
 * sent after a warning the rules that warned. Shared by the send handler and the tests.
 */
import type { Finding } from "../finding";
import type { Action, Policy, SecureRouteMatch } from "../policy/policy";
import type { AuditMarker, MarkerIncomplete, MarkerRoute } from "./marker";
import { ruleCodeOf, type RuleCode } from "./rule-code";

export interface MarkerInput {
  readonly reasons: ReadonlyArray<{ readonly finding: Finding; readonly action: Action }>;
  /** The user sends after a warning (a second Send, or "Send anyway"). */
  readonly sentAfterWarning: boolean;
  readonly secureRoute?: SecureRouteMatch;
  readonly incomplete?: MarkerIncomplete;
  readonly policyId?: string;
}

const ROUTES: Readonly<Record<SecureRouteMatch, MarkerRoute>> = {
  "subject-tag": "subject-tag",
  "sensitivity-label": "label",
  "secure-recipients": "recipients",
};

export function markerOf(input: MarkerInput): Omit<AuditMarker, "v"> {
  let cpr = 0;
  let lookalike = 0;
  let unreadable = 0;
  const warned: RuleCode[] = [];
  for (const { finding, action } of input.reasons) {
    if (finding.kind === "cpr") cpr++;
    else if (finding.kind === "lookalike-domain") lookalike++;
    // Images (signature logos) are on nearly every mail: counting them would drown the signal.
    else if (finding.kind === "unreadable-attachment" && finding.cause !== "image") unreadable++;
    if (input.sentAfterWarning && action !== "allow") {
      const code = ruleCodeOf(finding);
      if (warned.indexOf(code) < 0) warned.push(code);
    }
  }
  const route = input.secureRoute !== undefined ? ROUTES[input.secureRoute] : undefined;
  return {
    verdict: input.sentAfterWarning ? "warn-sent" : route !== undefined ? "route" : "allow",
    cpr,
    lookalike,
    unreadable,
    warned,
    ...(route !== undefined ? { route } : {}),
    ...(input.incomplete !== undefined ? { incomplete: input.incomplete } : {}),
    ...(input.policyId !== undefined ? { policy: input.policyId } : {}),
  };
}

/** FNV-1a, 32 bit: a short, stable fingerprint (not a secret). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(obj[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Which policy was in force, as "p" + base-36 hash of the effective policy (key order ignored): the
 * same file gives the same id in every client and in `postvagt audit`, and a DPO sees when it changed.
 */
export function policyIdOf(policy: Policy): string {
  return `p${fnv1a(stable(policy)).toString(36)}`;
}
