/**
 * Pre-scans while the user is still writing, so the send check has less to do:
 *  - OnMessageAttachmentsChanged: each new attachment is extracted and scanned on its own, and its
 *    findings cached in sessionData under name + size + content hash. At send the bytes are still
 *    fetched (to hash them), but a cached attachment is not extracted again: the slow part.
 *    A cached attachment's findings are those of the attachment alone; message-wide signals (the same
 *    number repeated in the body) are not applied to them.
 *  - OnMessageRecipientsChanged: the recipients' look-alike check is cheap and needs no cache; the
 *    gain is the policy fetch, which lands in the cache so the send does not wait for the network.
 *    The result is left in sessionData for a task pane that is open.
 * Both complete their event exactly once, and never block anything: these events cannot stop a send.
 */
import { actionFor, PRE_SCAN_BUDGET_MS, scanMessage, type Finding } from "../../core/index";
import type { MailboxHost } from "../office/mailbox-host";
import type { MailboxEventLike } from "../office/office-types";
import type { CachedAttachment, SharedState } from "../office/shared-state";
import type { LoadedPolicy } from "../policy/load-policy";


export interface PreScanDeps {
  readonly host: MailboxHost | undefined;
  readonly loadPolicy: () => Promise<LoadedPolicy>;
  readonly clock?: () => number;
  readonly log?: (line: string) => void;
  readonly now?: Date;
  /**
   * Hands the event loop back between slices of work (the add-in: setTimeout 0), so a Send that
   * arrives meanwhile runs at once. Without it a pre-scan runs straight through.
   */
  readonly yieldControl?: () => Promise<void>;
  /** True while a send check runs in this runtime: the pre-scan stops at its next yield. */
  readonly sendPending?: () => boolean;
}

function completeOnce(event: MailboxEventLike, log: (line: string) => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    try {
      event.completed();
    } catch {
      log("pre-scan: event.completed threw");
    }
  };
}

export async function onAttachmentsChanged(event: MailboxEventLike, deps: PreScanDeps): Promise<void> {
  const log = deps.log ?? (() => undefined);
  const clock = deps.clock ?? (() => Date.now());
  const complete = completeOnce(event, log);
  try {
    const host = deps.host;
    if (!host) return;
    const start = clock();
    const { policy } = await deps.loadPolicy();
    const state = await host.readSharedState();
    const pending = deps.sendPending ?? (() => false);
    const read = await host.readMessage({
      maxAttachmentBytes: policy.limits.maxAttachmentBytes,
      skipAttachment: (key) => Object.prototype.hasOwnProperty.call(state.attachments, key),
      readInlineImages: policy.imageAttachment !== "allow",
      // Hashing and decoding a big attachment yield too, and end when a Send takes over.
      clock,
      deadline: start + PRE_SCAN_BUDGET_MS,
      ...(deps.yieldControl ? { yieldControl: deps.yieldControl, abandon: pending } : {}),
    });
    const attachments: Record<string, CachedAttachment> = {};
    for (const a of read.attachments) if (a.key && a.skipped) attachments[a.key] = state.attachments[a.key]!;
    let scanned = 0;
    // A Send may already have ended the read of an attachment at one of its yields.
    let stopped = pending() && read.attachments.some((a) => a.timedOut === true);
    for (const a of read.attachments) {
      if (!a.key || a.skipped || !a.input) continue;
      if (deps.yieldControl) await deps.yieldControl();
      if (pending()) {
        stopped = true;
        break;
      }
      const result = await scanMessage({ subject: "", recipients: [], attachments: [a.input] }, policy, {
        clock,
        deadline: start + PRE_SCAN_BUDGET_MS,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.yieldControl ? { yieldControl: deps.yieldControl, abandon: pending } : {}),
      });
      // An attachment that did not finish (timeout, or a Send took over) or failed is not cached:
      // the send reads it again.
      if (result.timedOut || result.errors.length > 0) {
        if (pending()) stopped = true;
        continue;
      }
      // A send check now owns sessionData (its result is what the task pane reads): no write.
      if (pending()) {
        stopped = true;
        break;
      }
      attachments[a.key] = { name: a.name, at: clock(), findings: [...result.findings] as Finding[] };
      scanned++;
      // Written as each one is done, so a Send that arrives next reuses it. Attachments no longer
      // on the item drop out of the cache.
      await host.writeSharedState({ ...state, attachments: { ...attachments } });
    }
    if (scanned === 0 && !stopped) {
      const next: SharedState = { ...state, attachments };
      await host.writeSharedState(next);
    }
    log(`pre-scan: ${scanned} attachment(s) scanned, ${Object.keys(attachments).length} cached${stopped ? ", stopped for a send" : ""}`);
  } catch (e) {
    log(`pre-scan: attachments failed (${e instanceof Error ? e.name : "unknown"})`);
  } finally {
    complete();
  }
}

export async function onRecipientsChanged(event: MailboxEventLike, deps: PreScanDeps): Promise<void> {
  const log = deps.log ?? (() => undefined);
  const clock = deps.clock ?? (() => Date.now());
  const complete = completeOnce(event, log);
  try {
    const host = deps.host;
    if (!host) return;
    const { policy } = await deps.loadPolicy();
    const [recipients, state] = await Promise.all([host.readRecipients(), host.readSharedState()]);
    const result = await scanMessage({ subject: "", attachments: [], ...recipients }, policy, {
      clock,
      ...(deps.now ? { now: deps.now } : {}),
    });
    const reasons = result.findings.map((finding) => ({ finding, action: actionFor(finding, policy) }));
    await host.writeSharedState({ ...state, recipients: { at: clock(), reasons } });
    log(`pre-scan: recipients checked (${reasons.length} findings)`);
  } catch (e) {
    log(`pre-scan: recipients failed (${e instanceof Error ? e.name : "unknown"})`);
  } finally {
    complete();
  }
}
