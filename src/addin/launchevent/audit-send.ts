/**
 * What the send handler records when it lets a mail go: the X-Postvagt audit marker (counts and codes
 * only, core/audit), and the recipient memory (the domains written to). Called from on-message-send.ts
 * once after the decision (recipientNotice) and once just before event.completed (the rest), for
 * every path; it decides itself whether the path lets the mail go. Never rejects, never throws: a
 * marker or memory that cannot be written is logged and the mail's fate is unchanged.
 * See docs/audit.md and docs/design/audit-marker.md.
 */
import {
  buildMarker,
  emptyMemory,
  externalDomains,
  markerOf,
  newDomainsForCpr,
  policyIdOf,
  rememberDomains,
  type Action,
  type Finding,
  type Message,
  type Policy,
  type SecureRouteMatch,
} from "../../core/index";
import { t, type AnyLang } from "../../i18n/t";
import type { MailboxHost } from "../office/mailbox-host";
import type { SmartAlertsCompletion } from "../office/office-types";
import { MAX_ALERT_CHARS } from "./alert-message";

export interface LetGoInput {
  /** "warn-repeat-allowed": the second Send of the same warning (clients before Mailbox 1.14). */
  readonly path: string;
  readonly completion: SmartAlertsCompletion;
  readonly reasons: ReadonlyArray<{ readonly finding: Finding; readonly action: Action }>;
  readonly secureRoute?: SecureRouteMatch;
  readonly incomplete?: "timeout" | "error";
  readonly policy: Policy;
  /** The recipient memory's part (recipientNotice): remembered when the mail goes. */
  readonly notice?: RecipientNotice;
  /** Epoch ms, for the memory's "last written to" day. */
  readonly now: number;
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

/** Writes the marker and the memory where the outcome lets the mail go and the client can. Resolves always. */
export async function recordLetGo(host: MailboxHost | undefined, input: LetGoInput, log: (line: string) => void): Promise<void> {
  await Promise.all([writeMarker(host, input, log), rememberRecipients(host, input.completion, input.notice, input.now, log)]);
}

async function writeMarker(host: MailboxHost | undefined, input: LetGoInput, log: (line: string) => void): Promise<void> {
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

/** What the recipient memory adds to this send: the domains to remember, and the new ones. */
export interface RecipientNotice {
  /** External recipient domains, remembered when the mail goes. */
  readonly remember: readonly string[];
  /** Those never written to before, on a mail with a CPR finding: one more line in the alert. */
  readonly fresh: readonly string[];
}

/**
 * The memory's part of the decision. With newExternalDomain "warn", a CPR finding that would go
 * through becomes a warning when the mail goes to a domain never written to; with "show" only the
 * line is added; "off" does nothing. It never lowers an action: a look-alike stays what its own rule
 * says however often the domain was used (externalDomains leaves look-alikes out entirely).
 */
export function recipientNotice<R extends { readonly finding: Finding; readonly action: Action }>(
  host: MailboxHost | undefined,
  message: Message,
  reasons: readonly R[],
  policy: Policy,
): { readonly reasons: readonly R[]; readonly notice?: RecipientNotice } {
  const store = host?.recipientMemory;
  if (policy.newExternalDomain === "off" || !store) return { reasons };
  const findings = reasons.map((r) => r.finding);
  const remember = externalDomains(message.recipients ?? [], findings, policy);
  const fresh = newDomainsForCpr(remember, findings, store.load());
  if (policy.newExternalDomain !== "warn" || fresh.length === 0) return { reasons, notice: { remember, fresh } };
  const raised = reasons.map((r) => (r.finding.kind === "cpr" && r.action === "allow" ? { ...r, action: "warn" as Action } : r));
  return { reasons: raised, notice: { remember, fresh } };
}

/** Adds "Du har ikke skrevet til example.dk før" to an alert, within Outlook's 500 characters. */
export function withNoticeLine(completion: SmartAlertsCompletion, notice: RecipientNotice | undefined, lang: AnyLang): SmartAlertsCompletion {
  if (!notice || notice.fresh.length === 0 || completion.allowEvent !== false) return completion;
  const line = t(lang, "audit.memory.newDomain", { domain: notice.fresh.join(", ") });
  const add = (text: string | undefined, sep: string): string | undefined => {
    if (text === undefined) return undefined;
    const room = MAX_ALERT_CHARS - line.length - sep.length;
    if (room <= 0) return text;
    return (text.length <= room ? text : `${text.slice(0, room - 1)}…`) + sep + line;
  };
  const out: SmartAlertsCompletion = { ...completion };
  const plain = add(completion.errorMessage, "\n");
  if (plain !== undefined) out.errorMessage = plain;
  const markdown = add(completion.errorMessageMarkdown, "\n\n");
  if (markdown !== undefined) out.errorMessageMarkdown = markdown;
  return out;
}

/** Remembers the mail's external domains once it goes (allowEvent true). Resolves always. */
async function rememberRecipients(
  host: MailboxHost | undefined,
  completion: SmartAlertsCompletion,
  notice: RecipientNotice | undefined,
  now: number,
  log: (line: string) => void,
): Promise<void> {
  const store = host?.recipientMemory;
  if (!store || !notice || notice.remember.length === 0 || completion.allowEvent !== true) return;
  try {
    const memory = store.load() ?? emptyMemory(store.newSalt());
    await store.save(rememberDomains(memory, notice.remember, Math.floor(now / 86_400_000)));
  } catch {
    log("send: could not save the recipient memory");
  }
}
