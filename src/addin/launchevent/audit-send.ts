/**
 * What the send handler records when it lets a mail go: the X-Postvagt audit marker (counts and codes
 * only, core/audit). Called from one place in on-message-send.ts, just before event.completed, for
 * every path; it decides itself whether the path lets the mail go. Never rejects, never throws: a
 * marker that cannot be written is logged and the mail's fate is unchanged.
 * See docs/audit.md and docs/design/audit-marker.md.
 */
import { buildMarker, markerOf, policyIdOf, type Action, type Finding, type Policy, type SecureRouteMatch } from "../../core/index";
import type { MailboxHost } from "../office/mailbox-host";
import type { SmartAlertsCompletion } from "../office/office-types";

export interface LetGoInput {
  /** "warn-repeat-allowed": the second Send of the same warning (clients before Mailbox 1.14). */
  readonly path: string;
  readonly completion: SmartAlertsCompletion;
  readonly reasons: ReadonlyArray<{ readonly finding: Finding; readonly action: Action }>;
  readonly secureRoute?: SecureRouteMatch;
  readonly incomplete?: "timeout" | "error";
  readonly policy: Policy;
}

/**
 * The marker for this outcome, or undefined when the outcome stops the mail. A stop that offers
 * "Send anyway" (sendModeOverride) lets the mail go from Outlook's own dialog without running the
 * handler again, so it is marked now, as sent after a warning.
 */
export function auditMarkerFor(input: LetGoInput): string | undefined {
  const sendAnyway = input.completion.allowEvent !== true && input.completion.sendModeOverride !== undefined;
  if (input.completion.allowEvent !== true && !sendAnyway) return undefined;
  return buildMarker(
    markerOf({
      reasons: input.reasons,
      sentAfterWarning: sendAnyway || input.path === "warn-repeat-allowed",
      ...(input.secureRoute !== undefined ? { secureRoute: input.secureRoute } : {}),
      ...(input.incomplete !== undefined ? { incomplete: input.incomplete } : {}),
      policyId: policyIdOf(input.policy),
    }),
  );
}

/** Writes the marker where the outcome lets the mail go and the client can. Resolves always. */
export async function recordLetGo(host: MailboxHost | undefined, input: LetGoInput, log: (line: string) => void): Promise<void> {
  let marker: string | undefined;
  try {
    marker = auditMarkerFor(input);
  } catch {
    log("send: audit marker could not be built");
    return;
  }
  if (marker === undefined || !host) return;
  if (!host.writeAuditHeader) {
    log("send: client cannot write internet headers (no audit marker)");
    return;
  }
  try {
    await host.writeAuditHeader(marker);
  } catch {
    log("send: could not write the audit marker");
  }
}
