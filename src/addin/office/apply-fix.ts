/**
 * The task pane's door to Office: connecting to the draft, and the one-click fixes applied to it.
 *
 * Deliberately thin: each method reads one thing, hands it to a pure edit the pane chose
 * (taskpane/edits/*), and writes the result back only if it changed. What to change is decided
 * and tested outside Office; this file only knows how Office wants it done.
 *
 * Office quirks that shape it:
 * - `to/cc/bcc.setAsync` REPLACES the whole list, so a fix reads the list and writes it back whole.
 * - `body.setAsync` must keep the body's type: HTML stays HTML, plain text stays plain text.
 * - Sensitivity labels need Mailbox 1.13, a Purview-enabled tenant and ReadWriteItem; anything
 *   missing is reported as "not-supported" so the pane can say what to do by hand.
 * - Errors come back as values: a `throw` inside an Office callback escapes every `try`.
 */
import type { RecipientField } from "../../core";
import { connectMailbox, type MailboxHost } from "./mailbox-host";
import { OfficeCallError, getOffice, officeCall } from "./office-async";
import type { ComposeItemLike, OfficeCallback, OfficeLike } from "./office-types";

export interface RecipientEntry {
  readonly emailAddress: string;
  readonly displayName: string;
}

export type EditErrorCode = "no-item" | "not-supported" | "office-error";

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
      const next = type === office.CoercionType.Html ? edit.html(got.value) : edit.text(got.value);
      if (next === got.value) return { ok: true, changed: false };
      const set = await call<void>(office, "body.setAsync", (cb) => it.body.setAsync(next, { coercionType: type }, cb));
      return set.ok ? { ok: true, changed: true } : failed(set.detail);
    },

    async editRecipients(field, edit) {
      const it = item();
      if (!it) return noItem;
      const recipients = it[field];
      const got = await call<Array<{ emailAddress: string; displayName?: string }>>(office, `${field}.getAsync`, (cb) =>
        recipients.getAsync(cb),
      );
      if (!got.ok) return failed(got.detail);
      const list = got.value.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName ?? "" }));
      const next = edit(list);
      if (sameList(list, next)) return { ok: true, changed: false };
      // Office resolves a recipient from its address; an empty display name would show as blank.
      const out = next.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName || r.emailAddress }));
      const set = await call<void>(office, `${field}.setAsync`, (cb) => recipients.setAsync(out, cb));
      return set.ok ? { ok: true, changed: true } : failed(set.detail);
    },

    async labelSupport() {
      const it = item();
      if (!it?.sensitivityLabel || !office.context.requirements.isSetSupported("Mailbox", "1.13")) {
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
}

/** Waits for Office, then connects to the compose item; undefined outside Outlook (or the simulator). */
export async function connectTaskpane(office: OfficeLike | undefined = getOffice()): Promise<TaskpaneConnection | undefined> {
  if (!office) return undefined;
  if (typeof office.onReady === "function") await office.onReady();
  const mailbox = connectMailbox(office);
  const item = office.context.mailbox.item;
  if (!mailbox || !item) return undefined;
  return {
    displayLanguage: mailbox.capabilities.displayLanguage,
    mailbox,
    editor: createComposeEditor(office),
    async initializationContext() {
      const get = item.getInitializationContextAsync;
      if (typeof get !== "function") return undefined;
      const got = await call<string>(office, "getInitializationContextAsync", (cb) => get.call(item, cb));
      return got.ok ? got.value : undefined;
    },
  };
}
