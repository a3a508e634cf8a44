/**
 * The send check (Smart Alerts, OnMessageSend): read → scan → decide → exactly one event.completed.
 *
 * Linear and total:
 *  - one `finish` guarded by a flag is the only caller of event.completed, so every path completes
 *    once: the normal end, a thrown error (→ policy.onError), and the deadline timer
 *    (→ policy.onTimeout), whichever comes first;
 *  - the deadline counts from when the bundle started evaluating and is capped at HARD_CAP_MS, well
 *    inside the 5 s after which Outlook shows "taking longer than expected" — the policy may only
 *    shorten it;
 *  - the scan also gets the deadline itself, because a timer cannot interrupt synchronous work:
 *    the extractors check it between pages and entries.
 * Nothing here touches the Office global: Outlook is reached through `MailboxHost` (office/).
 */
import { decideResult, DEFAULT_POLICY, FINISH_MARGIN_MS, HARD_CAP_MS, MAX_LOAD_ALLOWANCE_MS, scanMessage, stricter, withoutConfirmed, type Action, type Finding, type Policy, type ScanResult, type SecureRouteMatch } from "../../core/index";
import type { AnyLang } from "../../i18n/t";
import type { Capabilities } from "../office/capabilities";
import type { MailboxHost } from "../office/mailbox-host";
import { notReadInTime } from "../office/read-message";
import { TASKPANE_COMMAND_ID } from "../office/manifest-ids";
import type { MailboxEventLike, SmartAlertsCompletion } from "../office/office-types";
import { contextDataFor, emptySharedState, type SharedReason, type SharedSendResult, type SharedState } from "../office/shared-state";
import type { LoadedPolicy } from "../policy/load-policy";
import { buildAlert, type AlertKind } from "./alert-message";
import { recipientNotice, recordLetGo, withNoticeLine, type RecipientNotice } from "./audit-send";
import { fingerprint } from "./fingerprint";

/**
 * CPR findings kept per part (subject, body, each attachment): the alert lists five and the task
 * pane a page; a register extract's 100,000s would only cost the send its time. The rest are counted.
 */
export const MAX_FINDINGS_PER_PART = 50;

export interface SendDeps {
  /** undefined when Office or the item is missing: handled as an error. */
  readonly host: MailboxHost | undefined;
  readonly loadPolicy: () => Promise<LoadedPolicy>;
  readonly clock?: () => number;
  /** When the bundle started evaluating (epoch ms): bundle load counts against the 5 s. */
  readonly startedAt?: number;
  /** setTimeout; absent in a runtime without timers (then only the scan's own deadline holds). */
  readonly setTimer?: ((fn: () => void, ms: number) => unknown) | undefined;
  readonly clearTimer?: ((handle: unknown) => void) | undefined;
  readonly log?: (line: string) => void;
  /** "Today" for the CPR date rules; tests pin it. */
  readonly now?: Date;
  /** Recipients this user confirmed in the task pane (policy.confirmLookalikes); read at send time. */
  readonly confirmedRecipients?: () => Promise<readonly string[]>;
}

export type SendPath = "allow" | "block" | "warn" | "warn-repeat-allowed" | "timeout" | "error";

export interface SendOutcome {
  readonly path: SendPath;
  readonly completion: SmartAlertsCompletion;
  readonly elapsedMs: number;
}

function languageOf(policy: Policy, caps: Capabilities | undefined): AnyLang {
  if (policy.language !== "auto") return policy.language;
  return (caps?.displayLanguage ?? "").toLowerCase().startsWith("en") ? "en" : "da";
}

function raceDeadline<T>(work: Promise<T>, ms: number, deps: SendDeps): Promise<T | "late"> {
  if (!deps.setTimer) return work;
  return new Promise<T | "late">((resolve, reject) => {
    const handle = deps.setTimer!(() => resolve("late"), Math.max(0, ms));
    const stop = () => deps.clearTimer?.(handle);
    work.then(
      (v) => {
        stop();
        resolve(v);
      },
      (e: unknown) => {
        stop();
        reject(e);
      },
    );
  });
}

interface Decision {
  readonly kind: "allow" | AlertKind;
  readonly reasons: readonly SharedReason[];
  /** Findings left out of `reasons` by the per-part cap: counted, never listed. */
  readonly omitted?: number;
  readonly fail?: Action;
  /** The secure route the mail is on (for the audit marker). */
  readonly route?: SecureRouteMatch;
  /** The recipient memory's part (audit-send.ts). */
  readonly notice?: RecipientNotice;
}

/** Completion options for a stop, using only what this client supports. */
function stopCompletion(
  decision: Decision,
  caps: Capabilities | undefined,
  lang: AnyLang,
  next: "send-again" | "send-anyway" | "fail-block" | "none",
  summary: SharedSendResult,
): SmartAlertsCompletion {
  const button = caps?.dialogButton === true;
  const text = buildAlert({
    kind: decision.kind === "allow" ? "warn" : decision.kind,
    reasons: decision.reasons,
    ...(decision.omitted ? { omitted: decision.omitted } : {}),
    lang,
    hint: button ? "button" : "ribbon",
    next,
  });
  const completion: SmartAlertsCompletion = { allowEvent: false, errorMessage: text.errorMessage };
  if (caps?.markdown) completion.errorMessageMarkdown = text.errorMessageMarkdown;
  if (button) {
    completion.cancelLabel = text.cancelLabel;
    completion.commandId = TASKPANE_COMMAND_ID;
    completion.contextData = contextDataFor(summary);
  }
  if (next === "send-anyway" && caps?.sendModeOverride) completion.sendModeOverride = caps.promptUserValue;
  return completion;
}

/**
 * The same answer with only the options every Smart Alerts client takes (Mailbox 1.12): what is
 * left to try when a client refuses the full options.
 */
export function minimalCompletion(completion: SmartAlertsCompletion): SmartAlertsCompletion {
  return completion.allowEvent ? { allowEvent: true } : { allowEvent: false, errorMessage: completion.errorMessage };
}

/**
 * event.completed, and once more with minimal options if it throws: otherwise Outlook would wait
 * for the event until its own timeout (docs/design/outlook-runtime.md, "Completing the event").
 */
function completeWithRetry(event: MailboxEventLike, completion: SmartAlertsCompletion, log: (line: string) => void): void {
  try {
    event.completed(completion);
    return;
  } catch {
    log("send: event.completed threw; retrying with minimal options");
  }
  try {
    event.completed(minimalCompletion(completion));
  } catch {
    log("send: event.completed threw again");
  }
}

/** Whether the cache holds an entry under an attachment's name and size (keys are name|size|hash). */
function cachedUnder(cache: Readonly<Record<string, unknown>>): (name: string, size: number) => boolean {
  const keys = Object.keys(cache);
  return (name, size) => {
    const prefix = `${name}|${size}|`;
    return keys.some((k) => k.slice(0, prefix.length) === prefix);
  };
}

export async function onMessageSend(event: MailboxEventLike, deps: SendDeps): Promise<SendOutcome> {
  const clock = deps.clock ?? (() => Date.now());
  const log = deps.log ?? (() => undefined);
  const entered = clock();
  const loadedAt = deps.startedAt ?? entered;
  const start = loadedAt <= entered && entered - loadedAt <= MAX_LOAD_ALLOWANCE_MS ? loadedAt : entered;
  const host = deps.host;
  const caps = host?.capabilities;

  let policy: Policy = DEFAULT_POLICY;
  let builtInPolicy = false;
  let state: SharedState | undefined;
  let finished: SendOutcome | undefined;
  // Resolved by finish() once event.completed has been called.
  let resolveDone: (o: SendOutcome) => void = () => undefined;
  const done = new Promise<SendOutcome>((r) => (resolveDone = r));
  const budget = () => Math.min(policy.limits.sendBudgetMs, HARD_CAP_MS);
  const deadline = () => start + budget();
  const margin = () => Math.min(FINISH_MARGIN_MS, Math.floor(budget() / 4));

  /** Builds the outcome for a decision, records it for the task pane, and completes: once. */
  const finish = async (decision: Decision): Promise<void> => {
    if (finished) return;
    const lang = languageOf(policy, caps);
    const summary: SharedSendResult = {
      at: clock(),
      verdict: decision.kind === "allow" ? "allow" : decision.fail ?? (decision.kind === "block" ? "block" : "warn"),
      ...(decision.kind === "timeout" || decision.kind === "error" ? { incomplete: decision.kind } : {}),
      reasons: decision.reasons,
      total: decision.reasons.length + (decision.omitted ?? 0),
    };
    let path: SendPath;
    let completion: SmartAlertsCompletion;
    let warned: string | undefined;
    const failMode = decision.fail;
    const isWarn = decision.kind === "warn" || failMode === "warn";
    if (decision.kind === "allow" || failMode === "allow") {
      path = decision.kind === "allow" ? "allow" : decision.kind === "timeout" ? "timeout" : "error";
      completion = { allowEvent: true };
    } else if (isWarn && caps?.sendModeOverride) {
      path = decision.kind === "warn" ? "warn" : decision.kind === "timeout" ? "timeout" : "error";
      completion = stopCompletion(decision, caps, lang, "send-anyway", summary);
    } else if (isWarn) {
      // No "Send anyway" before Mailbox 1.14: the same warning twice in a row lets the mail go.
      const print = fingerprint(decision.kind, decision.reasons);
      if (state?.warned === print) {
        path = "warn-repeat-allowed";
        completion = { allowEvent: true };
      } else {
        path = decision.kind === "warn" ? "warn" : decision.kind === "timeout" ? "timeout" : "error";
        warned = print;
        completion = stopCompletion(decision, caps, lang, "send-again", summary);
      }
    } else {
      path = decision.kind === "block" ? "block" : decision.kind === "timeout" ? "timeout" : "error";
      completion = stopCompletion(decision, caps, lang, decision.kind === "block" ? "none" : "fail-block", summary);
    }
    completion = withNoticeLine(completion, decision.notice, lang);
    // Mark finished before the awaits below, so a racing path cannot complete a second time.
    const outcome: SendOutcome = { path, completion, elapsedMs: clock() - start };
    finished = outcome;

    // Cache entries must survive: when the state was never read (the timer won early), write only
    // what cannot wait (a warning to remember), accepting the loss of the pre-scan cache.
    const writes: Array<Promise<unknown>> = [];
    if (host && (state !== undefined || warned !== undefined)) {
      const { warned: _previous, ...rest } = state ?? emptySharedState();
      const next: SharedState = { ...rest, send: summary, ...(warned !== undefined ? { warned } : {}) };
      writes.push(host.writeSharedState(next).catch(() => log("send: could not write sessionData")));
    }
    // The audit marker on every path that lets the mail go (audit-send.ts decides which), in the same bounded step.
    const incomplete = decision.kind === "timeout" || decision.kind === "error" ? decision.kind : undefined;
    const extra = { ...(decision.route ? { secureRoute: decision.route } : {}), ...(incomplete ? { incomplete } : {}), ...(decision.notice ? { notice: decision.notice } : {}) };
    writes.push(recordLetGo(host, { path, completion, reasons: decision.reasons, policy, now: clock(), ...extra }, log));
    try {
      await raceDeadline(Promise.all(writes), Math.max(20, margin() - 50), deps);
    } catch {
      log("send: could not write sessionData");
    }
    // Says when the organisation's policy was not in force, so a support log shows it next to the verdict.
    log(`send: ${path} in ${clock() - start} ms (${decision.reasons.length + (decision.omitted ?? 0)} findings${builtInPolicy ? "; built-in default policy" : ""})`);
    completeWithRetry(event, completion, log);
    resolveDone(outcome);
  };

  const failDecision = (kind: "timeout" | "error", reasons: readonly SharedReason[] = []): Decision => ({
    kind,
    reasons,
    fail: kind === "timeout" ? policy.onTimeout : policy.onError,
  });

  // The deadline timer: armed now with the default budget, re-armed once the policy is known.
  let timer: unknown;
  const arm = () => {
    if (!deps.setTimer) return;
    if (timer !== undefined) deps.clearTimer?.(timer);
    timer = deps.setTimer(() => void finish(failDecision("timeout")), deadline() - margin() - clock());
  };
  arm();

  const work = async (): Promise<void> => {
    if (!host) throw new Error("no mailbox item");
    const loaded = await deps.loadPolicy();
    policy = loaded.policy;
    builtInPolicy = loaded.source === "default";
    arm();
    state = await host.readSharedState();
    const cache = state.attachments;
    const read = await host.readMessage({
      maxAttachmentBytes: policy.limits.maxAttachmentBytes,
      skipAttachment: (key) => Object.prototype.hasOwnProperty.call(cache, key),
      // No pre-scan entry with this name and size: the hash could find nothing, so it is not made.
      mayBeCached: cachedUnder(cache),
      readInlineImages: policy.imageAttachment !== "allow",
      retryUntil: deadline() - margin(),
      clock,
      // Decoding and hashing a big attachment stop here, and give the timer its turn meanwhile.
      deadline: deadline() - margin(),
      ...(deps.setTimer ? { yieldControl: () => new Promise<void>((r) => void deps.setTimer!(r, 0)) } : {}),
    });
    if (finished) return;
    const scanDeadline = deadline() - margin();
    const scanned: ScanResult = await scanMessage(read.message, policy, {
      clock,
      deadline: scanDeadline,
      maxFindingsPerPart: MAX_FINDINGS_PER_PART,
      ...(deps.now ? { now: deps.now } : {}),
    });
    const late = notReadInTime(read);
    const result: ScanResult = late.length === 0 ? scanned : { ...scanned, timedOut: true, findings: [...scanned.findings, ...late] };
    const cached: Finding[] = [];
    // A loop, not push(...): one attachment may hold more findings than a call takes arguments.
    for (const a of read.attachments) if (a.skipped && a.key) for (const f of cache[a.key]!.findings) cached.push(f);
    const confirmed = policy.confirmLookalikes && deps.confirmedRecipients ? await deps.confirmedRecipients().catch(() => []) : [];
    const findings = withoutConfirmed([...result.findings, ...cached], policy, confirmed);
    const verdict = decideResult({ ...result, findings }, policy);
    const decided: SharedReason[] = verdict.reasons.map((r) => ({ finding: r.finding, action: r.action }));
    // The recipient memory may add a line, or raise a CPR finding to a warning ("warn"); never lower one.
    const { reasons, notice } = recipientNotice(host, read.message, decided, policy);
    const findingsVerdict = reasons.reduce<Action>((v, r) => stricter(v, r.action), "allow");
    const omitted = result.omittedFindings ? { omitted: result.omittedFindings } : {};
    const route = { ...(result.secureRoute !== undefined ? { route: result.secureRoute } : {}), ...(notice ? { notice } : {}), ...omitted };
    if (!verdict.incomplete) {
      await finish({ kind: findingsVerdict === "allow" ? "allow" : findingsVerdict, reasons, ...route });
    } else if (findingsVerdict !== "allow" && stricter(findingsVerdict, verdict.verdict) === findingsVerdict) {
      // What was found before the scan stopped already decides (a CPR blocks under onTimeout "allow").
      await finish({ kind: findingsVerdict, reasons, ...route });
    } else {
      await finish({ kind: verdict.incomplete, reasons, fail: verdict.verdict, ...route });
    }
  };

  // Whichever ends first: the work (including its own error path) or the deadline's finish.
  const running = work().catch(async (e: unknown) => {
    log(`send: error (${e instanceof Error ? e.name : "unknown"})`);
    await finish(failDecision("error"));
  });
  await Promise.race([running, done]);
  if (timer !== undefined) deps.clearTimer?.(timer);
  // `running` may end first by returning early after the timer's finish began: wait for its completion.
  return done;
}
