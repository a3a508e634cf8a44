/**
 * The task pane's door to Office: connecting to the draft, and the one-click fixes applied to it.
 *
 * Deliberately thin: each method reads one thing, hands it to a pure edit the pane chose
 * (taskpane/edits/*), and writes the result back only if it changed. What to change is decided
 * and tested outside Office; this file only knows how Office wants it done.
 *
 * Office quirks that shape it:
 * - `to/cc/bcc.setAsync` REPLACES the whole list, so a fix reads the list and writes it back whole;
 *   it takes at most 100 recipients per call, so longer lists go as setAsync(first 100) and then
 *   addAsync in hundreds. getAsync returns only resolved recipients: what the user typed and Outlook
 *   has not resolved yet cannot be kept (see docs/design/outlook-fake-fidelity.md).
 * - On an invite the fields are requiredAttendees (our "to") and optionalAttendees (our "cc").
 * - `body.setAsync` must keep the body's type: HTML stays HTML, plain text stays plain text; it
 *   takes at most 1,000,000 characters, so a bigger result is refused before it is sent.
 * - Sensitivity labels need Mailbox 1.13, a Purview-enabled tenant and ReadWriteItem; anything
 *   missing is reported as "not-supported" so the pane can say what to do by hand.
 * - Errors come back as values: a `throw` inside an Office callback escapes every `try`.
 */
import type { RecipientField } from "../../core";
import { connectMailbox, type MailboxHost } from "./mailbox-host";
import { macLocalStorage, newerSend, readLocalSend, type LocalStorageLike } from "./mac-storage";
import { parseContextData, type SharedSendResult } from "./shared-state";
import { OfficeCallError, getOffice, officeCall } from "./office-async";
import type { ComposeItemLike, OfficeCallback, OfficeLike, RecipientsLike } from "./office-types";

export interface RecipientEntry {
  readonly emailAddress: string;
  readonly displayName: string;
}

export type EditErrorCode = "no-item" | "not-supported" | "office-error" | "body-too-large";

/** body.setAsync's documented limit. */
export const BODY_SET_MAX_CHARS = 1_000_000;
/** Recipients.setAsync/addAsync: at most this many per call. */
export const RECIPIENTS_PER_CALL = 100;

export type EditResult =
  | { readonly ok: true; readonly changed: boolean }
  | { readonly ok: false; readonly code: EditErrorCode; readonly detail?: string };

export interface BodyEdit {
  readonly html: (html: string) => string;
  readonly text: (text: string) => string;
}

export type LabelSupport = "supported" | "not-supported" | "catalog-disabled";

export interface ComposeEditor {
  readSubject(): Promise<string | undefined>;
  editSubject(edit: (subject: string) => string): Promise<EditResult>;
  editBody(edit: BodyEdit): Promise<EditResult>;
  editRecipients(
    field: RecipientField,
    edit: (list: readonly RecipientEntry[]) => readonly RecipientEntry[],
  ): Promise<EditResult>;
  labelSupport(): Promise<LabelSupport>;
  readLabel(): Promise<string | undefined>;
  setLabel(labelId: string): Promise<EditResult>;
  /** Removes the (first) attachment with exactly this name (removeAttachmentAsync, Mailbox 1.1). */
  removeAttachment(name: string): Promise<EditResult>;
}

/** Optional members this file feature-detects; not every client (or the fake) has them. */
interface BodyWithType {
  getTypeAsync?(callback: OfficeCallback<string>): void;
}
interface ContextWithLabels {
  sensitivityLabelsCatalog?: { getIsEnabledAsync(callback: OfficeCallback<boolean>): void };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; detail: string };

/** officeCall as a value: the editor reports failures, it never rejects. */
async function call<T>(office: OfficeLike, api: string, start: (callback: OfficeCallback<T>) => void): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await officeCall<T>(office, api, start) };
  } catch (error) {
    return { ok: false, detail: error instanceof OfficeCallError ? error.message : api };
  }
}

const failed = (detail: string): EditResult => ({ ok: false, code: "office-error", detail });
const noItem: EditResult = { ok: false, code: "no-item" };

const sameList = (a: readonly RecipientEntry[], b: readonly RecipientEntry[]): boolean =>
  a.length === b.length &&
  a.every((r, i) => r.emailAddress === b[i]?.emailAddress && r.displayName === b[i]?.displayName);

/**
 * Classic Outlook's Word HTML holds "downlevel-revealed" conditionals (`<![if !vml]><img …><![endif]>`)
 * beside VML shapes in `<!--[if gte vml 1]>` comments. An HTML parser turns the former into plain
 * comments, so after a DOM round trip Word would show the VML shape AND the fallback <img>: every
 * signature logo twice. They are parked in comments (which survive a round trip verbatim) while the
 * edit runs, and put back after. See docs/design/outlook-fake-fidelity.md.
 */
const PARKED = "postvagt-parked:";
export function editWordHtml(html: string, edit: (html: string) => string): string {
  if (html.indexOf(PARKED) >= 0 || html.indexOf("<![") < 0) return edit(html);
  const parked = html.replace(/<!\[(if [^\]]*|endif)\]>/gi, (_m, what: string) => `<!--${PARKED}${what}-->`);
  const edited = edit(parked);
  if (edited === parked) return html;
  return edited.replace(/<!--postvagt-parked:([^>]*?)-->/g, (_m, what: string) => `<![${what}]>`);
}

/** isSetSupported may be missing or throw (office-js #5091, #2286): then the newer API is not used. */
function supportsSet(office: OfficeLike, version: string): boolean {
  try {
    return office.context.requirements?.isSetSupported("Mailbox", version) === true;
  } catch {
    return false;
  }
}

/** The Office field behind one of our recipient fields: on an invite, to/cc are the required/optional attendees. */
function recipientsOf(item: ComposeItemLike, field: RecipientField): RecipientsLike | undefined {
  if (item.requiredAttendees || item.optionalAttendees) {
    return field === "to" ? item.requiredAttendees : field === "cc" ? item.optionalAttendees : undefined;
  }
  return item[field];
}

/** setAsync with the first 100, then addAsync in hundreds: the whole list, within the per-call limit. */
async function writeRecipients(office: OfficeLike, recipients: RecipientsLike, field: string, out: RecipientEntry[]): Promise<EditResult> {
  const first = out.slice(0, RECIPIENTS_PER_CALL);
  if (out.length > RECIPIENTS_PER_CALL && typeof recipients.addAsync !== "function") return { ok: false, code: "not-supported" };
  const set = await call<void>(office, `${field}.setAsync`, (cb) => recipients.setAsync(first, cb));
  if (!set.ok) return failed(set.detail);
  for (let i = RECIPIENTS_PER_CALL; i < out.length; i += RECIPIENTS_PER_CALL) {
    const chunk = out.slice(i, i + RECIPIENTS_PER_CALL);
    const added = await call<void>(office, `${field}.addAsync`, (cb) => recipients.addAsync!(chunk, cb));
    if (!added.ok) return failed(added.detail);
  }
  return { ok: true, changed: true };
}

export function createComposeEditor(office: OfficeLike): ComposeEditor {
  const item = (): ComposeItemLike | undefined => office.context.mailbox.item ?? undefined;

  return {
    async readSubject() {
      const it = item();
      if (!it) return undefined;
      const got = await call<string>(office, "subject.getAsync", (cb) => it.subject.getAsync(cb));
      return got.ok ? got.value : undefined;
    },

    async editSubject(edit) {
      const it = item();
      if (!it) return noItem;
      const got = await call<string>(office, "subject.getAsync", (cb) => it.subject.getAsync(cb));
      if (!got.ok) return failed(got.detail);
      const next = edit(got.value);
      if (next === got.value) return { ok: true, changed: false };
      const set = await call<void>(office, "subject.setAsync", (cb) => it.subject.setAsync(next, cb));
      return set.ok ? { ok: true, changed: true } : failed(set.detail);
    },

    async editBody(edit) {
      const it = item();
      if (!it) return noItem;
      const body = it.body as ComposeItemLike["body"] & BodyWithType;
      let type = office.CoercionType.Html;
      if (typeof body.getTypeAsync === "function") {
        const got = await call<string>(office, "body.getTypeAsync", (cb) => body.getTypeAsync?.(cb));
        if (!got.ok) return failed(got.detail);
        if (String(got.value).toLowerCase() === String(office.CoercionType.Text).toLowerCase()) type = office.CoercionType.Text;
      }
      const got = await call<string>(office, "body.getAsync", (cb) => it.body.getAsync(type, cb));
      if (!got.ok) return failed(got.detail);
      const next = type === office.CoercionType.Html ? editWordHtml(got.value, edit.html) : edit.text(got.value);
      if (next === got.value) return { ok: true, changed: false };
      if (next.length > BODY_SET_MAX_CHARS) return { ok: false, code: "body-too-large" };
      const set = await call<void>(office, "body.setAsync", (cb) => it.body.setAsync(next, { coercionType: type }, cb));
      return set.ok ? { ok: true, changed: true } : failed(set.detail);
    },

    async editRecipients(field, edit) {
      const it = item();
      if (!it) return noItem;
      const recipients = recipientsOf(it, field);
      if (!recipients) return { ok: false, code: "not-supported" };
      const got = await call<Array<{ emailAddress: string; displayName?: string }>>(office, `${field}.getAsync`, (cb) =>
        recipients.getAsync(cb),
      );
      if (!got.ok) return failed(got.detail);
      const list = got.value.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName ?? "" }));
      const next = edit(list);
      if (sameList(list, next)) return { ok: true, changed: false };
      // Office resolves a recipient from its address; an empty display name would show as blank.
      const out = next.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName || r.emailAddress }));
      return writeRecipients(office, recipients, field, out);
    },

    async labelSupport() {
      const it = item();
      if (!it?.sensitivityLabel || !supportsSet(office, "1.13")) {
        return "not-supported";
      }
      const catalog = (office.context as ContextWithLabels).sensitivityLabelsCatalog;
      if (!catalog) return "not-supported";
      const enabled = await call<boolean>(office, "sensitivityLabelsCatalog.getIsEnabledAsync", (cb) => catalog.getIsEnabledAsync(cb));
      if (!enabled.ok) return "not-supported";
      return enabled.value ? "supported" : "catalog-disabled";
    },

    async readLabel() {
      const label = item()?.sensitivityLabel;
      if (!label) return undefined;
      const got = await call<string>(office, "sensitivityLabel.getAsync", (cb) => label.getAsync(cb));
      return got.ok ? got.value : undefined;
    },

    async setLabel(labelId) {
      const label = item()?.sensitivityLabel;
      if (!label) return { ok: false, code: "not-supported" };
      if ((await this.labelSupport()) !== "supported") return { ok: false, code: "not-supported" };
      const current = await call<string>(office, "sensitivityLabel.getAsync", (cb) => label.getAsync(cb));
      if (current.ok && current.value === labelId) return { ok: true, changed: false };
      const set = await call<void>(office, "sensitivityLabel.setAsync", (cb) => label.setAsync(labelId, cb));
      return set.ok ? { ok: true, changed: true } : failed(set.detail);
    },

    async removeAttachment(name) {
      const it = item();
      if (!it) return noItem;
      const remove = it.removeAttachmentAsync;
      if (typeof remove !== "function") return { ok: false, code: "not-supported" };
      const got = await call<Array<{ id: string; name: string }>>(office, "getAttachmentsAsync", (cb) => it.getAttachmentsAsync(cb));
      if (!got.ok) return failed(got.detail);
      const target = got.value.find((a) => a.name === name);
      if (!target) return { ok: true, changed: false };
      const done = await call<void>(office, "removeAttachmentAsync", (cb) => remove.call(it, target.id, cb));
      return done.ok ? { ok: true, changed: true } : failed(done.detail);
    },
  };
}

/** Everything the task pane needs from Outlook, behind one object (index.tsx builds the pane from it). */
export interface TaskpaneConnection {
  /** Office.context.displayLanguage, e.g. "da-DK"; "" when the host gives none. */
  readonly displayLanguage: string;
  readonly mailbox: MailboxHost;
  readonly editor: ComposeEditor;
  /** The `contextData` the Smart Alerts button handed over (Mailbox 1.14); undefined when opened from the ribbon. */
  initializationContext(): Promise<string | undefined>;
  /**
   * The last send check's result for this draft: the button's contextData, else the newer of
   * sessionData and (on Mac) localStorage.
   */
  latestSendResult(): Promise<SharedSendResult | undefined>;
  /**
   * Calls `listener` when a newer send result arrives while the pane is open: through
   * InitializationContextChanged (Mailbox 1.15), else by re-reading every few seconds while the
   * pane is visible. Returns a function that stops listening.
   */
  onSendResult(listener: (result: SharedSendResult) => void, env?: WatchEnv): () => void;
}

/** Timers and visibility for onSendResult (the page's by default; tests pass their own). */
export interface WatchEnv {
  readonly setInterval: (fn: () => void, ms: number) => unknown;
  readonly clearInterval: (handle: unknown) => void;
  readonly visible: () => boolean;
}

/** How often an open pane without the 1.15 event re-reads the send result while visible. */
export const SEND_RESULT_POLL_MS = 2000;

function pageEnv(): WatchEnv {
  return {
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    visible: () => typeof document === "undefined" || document.visibilityState !== "hidden",
  };
}

/** Waits for Office, then connects to the compose item; undefined outside Outlook (or the simulator). */
export async function connectTaskpane(
  office: OfficeLike | undefined = getOffice(),
  localStorage?: LocalStorageLike,
): Promise<TaskpaneConnection | undefined> {
  if (!office) return undefined;
  if (typeof office.onReady === "function") await office.onReady();
  const mailbox = connectMailbox(office, localStorage);
  const item = office.context.mailbox.item;
  if (!mailbox || !item) return undefined;
  const mac = macLocalStorage(office, localStorage);
  const stored = async (): Promise<SharedSendResult | undefined> => {
    const fromSession = (await mailbox.readSharedState()).send;
    return newerSend(fromSession, mac ? readLocalSend(mac, Date.now()) : undefined);
  };
  const initializationContext = async () => {
    const get = item.getInitializationContextAsync;
    if (typeof get !== "function") return undefined;
    const got = await call<string>(office, "getInitializationContextAsync", (cb) => get.call(item, cb));
    return got.ok ? got.value : undefined;
  };
  return {
    displayLanguage: mailbox.capabilities.displayLanguage,
    mailbox,
    editor: createComposeEditor(office),
    initializationContext,
    async latestSendResult() {
      return parseContextData(await initializationContext()) ?? (await stored());
    },
    onSendResult(listener, env = pageEnv()) {
      let last = 0;
      let stopped = false;
      const offer = (result: SharedSendResult | undefined) => {
        if (stopped || !result || result.at <= last) return;
        last = result.at;
        listener(result);
      };
      void stored().then((r) => (last = Math.max(last, r?.at ?? 0)), () => undefined);
      const eventType = office.EventType?.InitializationContextChanged;
      const canListen = eventType !== undefined && typeof item.addHandlerAsync === "function" && supportsSet(office, "1.15");
      if (canListen) {
        item.addHandlerAsync!(eventType, (args) => offer(parseContextData(args?.initializationContextData)));
      }
      // Without the event (before 1.15, Mac 1.14, LTSC): re-read while the pane is visible.
      const handle = canListen
        ? undefined
        : env.setInterval(() => {
            if (env.visible()) void stored().then(offer, () => undefined);
          }, SEND_RESULT_POLL_MS);
      return () => {
        stopped = true;
        if (handle !== undefined) env.clearInterval(handle);
      };
    },
  };
}
