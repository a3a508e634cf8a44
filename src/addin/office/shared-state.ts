/**
 * What the event handlers leave for the task pane (and for the next send), per item, in
 * `item.sessionData` (Mailbox 1.11): Outlook has no shared runtime, and sessionData is the documented
 * channel that also reaches classic Outlook's JavaScript-only runtime (docs/design/outlook-platform.md §4). The Smart
 * Alerts button passes the send result a second way, as `contextData` (getInitializationContextAsync).
 *
 * Only masked data is ever written: findings carry `DDMMYY-****` by construction, and every JSON
 * string passes through `maskForStorage` first, so even an attachment named after a CPR number is
 * stored masked. The whole object must fit the client's limit (50,000 characters up to Mailbox 1.15):
 * the attachment cache is dropped oldest first, then the lists are shortened.
 */
import { redactCpr, type Action, type Finding } from "../../core/index";
import { officeCall } from "./office-async";
import type { ComposeItemLike, OfficeLike } from "./office-types";

export const SESSION_KEY = "postvagt";

export interface SharedReason {
  readonly finding: Finding;
  readonly action: Action;
}

export interface SharedSendResult {
  /** Epoch ms of the check. */
  readonly at: number;
  readonly verdict: Action;
  readonly incomplete?: "timeout" | "error";
  /** Strictest first; possibly shortened to fit (see `total`). */
  readonly reasons: readonly SharedReason[];
  /** How many reasons there were before shortening. */
  readonly total: number;
}

export interface CachedAttachment {
  readonly name: string;
  readonly at: number;
  /** Findings of this attachment scanned on its own (OnMessageAttachmentsChanged pre-scan). */
  readonly findings: readonly Finding[];
}

export interface SharedState {
  readonly v: 1;
  readonly send?: SharedSendResult;
  /** The last recipients pre-scan (OnMessageRecipientsChanged), for a task pane that is open. */
  readonly recipients?: { readonly at: number; readonly reasons: readonly SharedReason[] };
  /** Keyed by attachmentKey(name, size, hash of content). */
  readonly attachments: Readonly<Record<string, CachedAttachment>>;
  /** Fingerprint of the warning last shown where Outlook offers no "Send anyway" (Mailbox < 1.14). */
  readonly warned?: string;
}

export function emptySharedState(): SharedState {
  return { v: 1, attachments: {} };
}

/** A bare 10-digit or DDMMYY-NNNN run left anywhere: masked whatever the detector thought of it. */
const CPR_SHAPE = /\b(\d{6})[- ]?\d{4}\b/g;

/** Last line of defence before anything leaves the handler: no full CPR number in stored text. */
export function maskForStorage(json: string): string {
  return redactCpr(json).replace(CPR_SHAPE, "$1-****");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Tolerant: anything unreadable (an older version, a truncated write) is an empty state. */
export function parseSharedState(text: string | null | undefined): SharedState {
  if (!text) return emptySharedState();
  try {
    const raw: unknown = JSON.parse(text);
    if (!isRecord(raw) || raw.v !== 1 || !isRecord(raw.attachments)) return emptySharedState();
    return raw as unknown as SharedState;
  } catch {
    return emptySharedState();
  }
}

function shortened(result: SharedSendResult, max: number): SharedSendResult {
  return result.reasons.length <= max ? result : { ...result, reasons: result.reasons.slice(0, max) };
}

/**
 * Serialises the state within `limit` characters. Drops cached attachments oldest first, then
 * shortens the reason lists, and as a last resort keeps only the verdict.
 */
export function serializeSharedState(state: SharedState, limit: number): string {
  const attachments = Object.keys(state.attachments)
    .map((key) => ({ key, entry: state.attachments[key]! }))
    .sort((a, b) => b.entry.at - a.entry.at);
  let current: SharedState = state;
  const render = (s: SharedState) => maskForStorage(JSON.stringify(s));
  let text = render(current);
  while (text.length > limit && attachments.length > 0) {
    attachments.pop();
    const kept: Record<string, CachedAttachment> = {};
    for (const a of attachments) kept[a.key] = a.entry;
    current = { ...current, attachments: kept };
    text = render(current);
  }
  for (const max of [50, 10, 3, 0]) {
    if (text.length <= limit) break;
    current = {
      ...current,
      ...(current.send ? { send: shortened(current.send, max) } : {}),
      ...(current.recipients ? { recipients: { ...current.recipients, reasons: current.recipients.reasons.slice(0, max) } } : {}),
    };
    text = render(current);
  }
  return text.length <= limit ? text : render(emptySharedState());
}

/** contextData for the Smart Alerts button: always a string (classic Windows before 2402 takes only strings). */
export function contextDataFor(result: SharedSendResult): string {
  return maskForStorage(JSON.stringify({ postvagt: 1, send: shortened(result, 10) }));
}

/** The task pane's side of contextData: the send result, or undefined for anything else. */
export function parseContextData(text: string | null | undefined): SharedSendResult | undefined {
  if (!text) return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    if (!isRecord(raw) || raw.postvagt !== 1 || !isRecord(raw.send)) return undefined;
    return raw.send as unknown as SharedSendResult;
  } catch {
    return undefined;
  }
}

export async function readSharedState(office: OfficeLike, item: ComposeItemLike): Promise<SharedState> {
  const store = item.sessionData;
  if (!store) return emptySharedState();
  try {
    const text = await officeCall<string>(office, "sessionData.getAsync", (cb) => store.getAsync(SESSION_KEY, cb));
    return parseSharedState(text);
  } catch {
    // A key never set fails on some hosts: the same as empty.
    return emptySharedState();
  }
}

/** Rejects (OfficeCallError) when the host refuses the write; callers decide whether that matters. */
export async function writeSharedState(
  office: OfficeLike,
  item: ComposeItemLike,
  state: SharedState,
  limit: number,
): Promise<void> {
  const store = item.sessionData;
  if (!store) return;
  // The limit covers the whole sessionData object of the add-in; leave room for the key and JSON.
  const text = serializeSharedState(state, limit - SESSION_KEY.length - 16);
  await officeCall<void>(office, "sessionData.setAsync", (cb) => store.setAsync(SESSION_KEY, text, cb));
}
