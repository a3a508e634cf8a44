/**
 * A typed fake of the Office.js surface Postvagt uses (src/addin/office/office-types.ts), built from
 * a core `Message`: a compose item you can read AND write (subject, body, to/cc/bcc, sessionData,
 * sensitivity label, sendAsync), attachments served through getAttachmentContentAsync as Base64
 * (files), Eml (attached mails) or Url (cloud), `requirements.isSetSupported` up to a configurable
 * Mailbox set (so tests see an old client as an old client), displayLanguage, platform,
 * Office.actions.associate and event objects that record `completed`.
 *
 * Used by jest tests, by the conformance suite, by the bare-`vm` test of the classic bundle and by
 * the browser simulator page, so it uses no Node API and no DOM: only the language.
 * Callbacks run asynchronously, as Office's do. Faults are injectable per API ("fail" calls back
 * with status failed, "hang" never calls back) to exercise the handler's error and timeout paths.
 */
import type { AttachmentInput, Message, Recipient, RecipientField } from "../core/index";
import type {
  AsyncResultLike,
  AttachmentContentLike,
  AttachmentDetailsLike,
  ComposeItemLike,
  EmailAddressDetailsLike,
  MailboxEventLike,
  OfficeCallback,
  OfficeLike,
  OfficeRuntimeLike,
  OfficeThemeLike,
  RoamingSettingsLike,
  SmartAlertsCompletion,
} from "../addin/office/office-types";

export type FakeApi =
  | "subject.getAsync"
  | "subject.setAsync"
  | "body.getAsync"
  | "body.setAsync"
  | "recipients.getAsync"
  | "recipients.setAsync"
  | "from.getAsync"
  | "getAttachmentsAsync"
  | "getAttachmentContentAsync"
  | "sessionData.getAsync"
  | "sessionData.setAsync"
  | "getInitializationContextAsync"
  | "sendAsync"
  | "sensitivityLabel.getAsync"
  | "sensitivityLabel.setAsync"
  | "removeAttachmentAsync"
  | "roamingSettings.saveAsync";

export type Fault = "fail" | "hang";

export interface FakeOfficeOptions {
  /** Highest Mailbox requirement set the fake client supports ("1.12" … "1.16"). Default "1.15". */
  readonly maxMailboxSet?: string;
  /** Office.context.displayLanguage. Default "da-DK". */
  readonly displayLanguage?: string;
  /** Office.context.platform. Default "PC". */
  readonly platform?: string;
  /** Per-API faults. */
  readonly faults?: Partial<Record<FakeApi, Fault>>;
  /** Attachment names whose content call fails even without a global fault (office-js #6581). */
  readonly failingAttachments?: readonly string[];
  /** What getInitializationContextAsync returns (the Smart Alerts contextData). */
  readonly initializationContext?: string;
  /** The signed-in user; also the compose `from`. Default the message's `from`. */
  readonly userEmail?: string;
  /** Offer OfficeRuntime.storage (classic event runtime). Default true. */
  readonly runtimeStorage?: boolean;
  /** Milliseconds before each callback (0 = next microtask). Needs setTimeout when > 0. */
  readonly latencyMs?: number;
  /** Delay per attachment content call, on top of latencyMs (a slow download). */
  readonly attachmentLatencyMs?: number;
  /** Called after the add-in changed the draft (a set call succeeded): the simulator redraws. */
  readonly onDraftChange?: (api: FakeApi) => void;
  /** Office.context.officeTheme; absent = the host gives none (as before Mailbox 1.14). */
  readonly officeTheme?: OfficeThemeLike;
}

/** The draft as the fake holds it; tests read it back after a fix. */
export interface FakeDraft {
  subject: string;
  bodyHtml: string;
  bodyText: string;
  to: EmailAddressDetailsLike[];
  cc: EmailAddressDetailsLike[];
  bcc: EmailAddressDetailsLike[];
  attachments: FakeAttachment[];
  sensitivityLabel: string;
  sent: boolean;
}

export interface FakeAttachment {
  readonly details: AttachmentDetailsLike;
  readonly content: AttachmentContentLike | undefined;
}

export interface FakeEvent extends MailboxEventLike {
  /** Every options object `completed` was called with, in order (the handler must call it once). */
  readonly completions: Array<SmartAlertsCompletion | undefined>;
  /** Resolves at the first `completed` call. */
  readonly whenCompleted: Promise<SmartAlertsCompletion | undefined>;
}

export interface FakeOffice {
  readonly Office: OfficeLike;
  readonly OfficeRuntime: OfficeRuntimeLike | undefined;
  readonly draft: FakeDraft;
  readonly sessionData: Map<string, string>;
  readonly runtimeStorage: Map<string, string>;
  /** Office.context.roamingSettings as saved (saveAsync), shared by the pane and the send handler. */
  readonly roaming: Map<string, unknown>;
  /** Handlers registered through Office.actions.associate. */
  readonly associated: Map<string, (event: MailboxEventLike) => void>;
  /** Every API call made, in order ("body.getAsync(html)", "getAttachmentContentAsync(2)"…). */
  readonly calls: string[];
  /** Characters sessionData may hold (50,000 up to Mailbox 1.15, 2,621,440 from 1.16). */
  readonly sessionDataLimit: number;
  createEvent(): FakeEvent;
  /** Runs an associated handler with a fresh event and resolves with its first completion. */
  fire(name: string): Promise<{ event: FakeEvent; completion: SmartAlertsCompletion | undefined }>;
  setFault(api: FakeApi, fault: Fault | undefined): void;
}

/** The calls that change what the user sees in the compose window. */
const DRAFT_CHANGES: ReadonlySet<FakeApi> = new Set<FakeApi>([
  "subject.setAsync",
  "body.setAsync",
  "recipients.setAsync",
  "sensitivityLabel.setAsync",
  "sendAsync",
  "removeAttachmentAsync",
]);

const SUCCEEDED = "succeeded";
const FAILED = "failed";

function versionAtMost(version: string, max: string): boolean {
  const [a1, a2] = version.split(".").map(Number);
  const [b1, b2] = max.split(".").map(Number);
  return a1! < b1! || (a1 === b1 && (a2 ?? 0) <= (b2 ?? 0));
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 with padding, by hand (no Buffer/btoa: the fake also runs in a bare context). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`;
  }
  return out;
}

/** UTF-8 bytes → string (the Eml format is text); malformed sequences become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0 && i + 1 < bytes.length) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b < 0xf0 && i + 2 < bytes.length) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      len = 3;
    } else if (b >= 0xf0 && b < 0xf5 && i + 3 < bytes.length) {
      cp = ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      len = 4;
    }
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** Crude HTML → text for the fake's Text coercion (Outlook renders its own; tests only need words). */
function htmlToPlain(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/tr|\/li)[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function recipientsOf(message: Message, field: RecipientField): EmailAddressDetailsLike[] {
  return message.recipients
    .filter((r: Recipient) => r.field === field)
    .map((r) => ({ emailAddress: r.address, displayName: r.displayName ?? r.address, recipientType: "externalUser" }));
}

function attachmentOf(a: AttachmentInput, index: number): FakeAttachment {
  // Classic Outlook's compose ids are indices; the adapter must not rely on them.
  const id = String(index);
  if (a.kind === "unavailable") {
    if (a.reason === "cloud") {
      return {
        details: { id, name: a.name, size: 0, contentType: "application/octet-stream", attachmentType: "cloud", isInline: false },
        content: { format: "url", content: `https://onedrive.example.invalid/${encodeURIComponent(a.name)}` },
      };
    }
    // An item Outlook cannot serialise (drag-and-dropped in web Outlook): content call fails.
    return {
      details: { id, name: a.name, size: 1, contentType: "message/rfc822", attachmentType: "item", isInline: false },
      content: undefined,
    };
  }
  if (a.contentType === "message/rfc822") {
    return {
      details: { id, name: a.name, size: a.bytes.length, contentType: a.contentType, attachmentType: "item", isInline: false },
      content: { format: "eml", content: decodeUtf8(a.bytes) },
    };
  }
  return {
    details: {
      id,
      name: a.name,
      size: a.bytes.length,
      contentType: a.contentType ?? "application/octet-stream",
      attachmentType: "file",
      isInline: false,
    },
    content: { format: "base64", content: encodeBase64(a.bytes) },
  };
}

export function createFakeOffice(message: Message, options: FakeOfficeOptions = {}): FakeOffice {
  const maxSet = options.maxMailboxSet ?? "1.15";
  const faults = new Map<FakeApi, Fault>(Object.entries(options.faults ?? {}) as Array<[FakeApi, Fault]>);
  const calls: string[] = [];
  const sessionData = new Map<string, string>();
  const runtimeStorage = new Map<string, string>();
  const roaming = new Map<string, unknown>();
  // Unsaved changes, as Outlook keeps them until saveAsync.
  const roamingPending = new Map<string, unknown>();
  const associated = new Map<string, (event: MailboxEventLike) => void>();
  const sessionDataLimit = versionAtMost("1.16", maxSet) ? 2_621_440 : 50_000;
  const has = (version: string) => versionAtMost(version, maxSet);
  const userEmail = options.userEmail ?? message.from ?? "sagsbehandler@kommune.example";

  const html = message.bodyHtml ?? (message.bodyText !== undefined ? escapeHtml(message.bodyText).replace(/\n/g, "<br>") : "");
  const draft: FakeDraft = {
    subject: message.subject,
    bodyHtml: html,
    bodyText: message.bodyText ?? htmlToPlain(html),
    to: recipientsOf(message, "to"),
    cc: recipientsOf(message, "cc"),
    bcc: recipientsOf(message, "bcc"),
    attachments: message.attachments.map(attachmentOf),
    sensitivityLabel: message.sensitivityLabelId ?? "",
    sent: false,
  };

  const schedule = (fn: () => void, extraMs = 0): void => {
    const delay = (options.latencyMs ?? 0) + extraMs;
    if (delay > 0) setTimeout(fn, delay);
    else void Promise.resolve().then(fn);
  };

  function respond<T>(api: FakeApi, label: string, callback: OfficeCallback<T> | undefined, produce: () => T | Error, extraMs = 0): void {
    calls.push(label);
    const fault = faults.get(api);
    if (fault === "hang") return;
    schedule(() => {
      if (!callback) return;
      let result: AsyncResultLike<T>;
      if (fault === "fail") {
        result = { status: FAILED, value: undefined as T, error: { name: "GenericResponseError", message: "fake failure", code: 9020 } };
      } else {
        const value = produce();
        result =
          value instanceof Error
            ? { status: FAILED, value: undefined as T, error: { name: value.name, message: value.message, code: 9999 } }
            : { status: SUCCEEDED, value };
        if (!(value instanceof Error) && DRAFT_CHANGES.has(api)) options.onDraftChange?.(api);
      }
      callback(result);
    }, extraMs);
  }

  const copy = (list: EmailAddressDetailsLike[]) => list.map((r) => ({ ...r }));
  const recipients = (field: "to" | "cc" | "bcc") => ({
    getAsync(callback: OfficeCallback<EmailAddressDetailsLike[]>) {
      respond("recipients.getAsync", `${field}.getAsync`, callback, () => copy(draft[field]));
    },
    setAsync(list: ReadonlyArray<string | { emailAddress: string; displayName?: string }>, callback: OfficeCallback<void>) {
      respond("recipients.setAsync", `${field}.setAsync`, callback, () => {
        draft[field] = list.map((r) =>
          typeof r === "string"
            ? { emailAddress: r, displayName: r, recipientType: "externalUser" }
            : { emailAddress: r.emailAddress, displayName: r.displayName ?? r.emailAddress, recipientType: "externalUser" },
        );
      });
    },
  });

  const sessionSize = () => {
    let total = 0;
    sessionData.forEach((v, k) => (total += k.length + v.length));
    return total;
  };

  const item: ComposeItemLike = {
    subject: {
      getAsync: (callback) => respond("subject.getAsync", "subject.getAsync", callback, () => draft.subject),
      setAsync: (subject, callback) =>
        respond("subject.setAsync", "subject.setAsync", callback, () => {
          draft.subject = subject;
        }),
    },
    body: {
      getAsync: (coercionType, callback) =>
        respond("body.getAsync", `body.getAsync(${coercionType})`, callback, () =>
          coercionType === "html" ? draft.bodyHtml : draft.bodyText,
        ),
      setAsync: (data, opts, callback) =>
        respond("body.setAsync", `body.setAsync(${opts.coercionType})`, callback, () => {
          if (opts.coercionType === "html") {
            draft.bodyHtml = data;
            draft.bodyText = htmlToPlain(data);
          } else {
            draft.bodyText = data;
            draft.bodyHtml = escapeHtml(data).replace(/\n/g, "<br>");
          }
        }),
    },
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    from: {
      getAsync: (callback) =>
        respond("from.getAsync", "from.getAsync", callback, () => ({ emailAddress: userEmail, displayName: userEmail })),
    },
    getAttachmentsAsync: (callback) =>
      respond("getAttachmentsAsync", "getAttachmentsAsync", callback, () => draft.attachments.map((a) => ({ ...a.details }))),
    getAttachmentContentAsync: (id, callback) =>
      respond(
        "getAttachmentContentAsync",
        `getAttachmentContentAsync(${id})`,
        callback,
        () => {
          const a = draft.attachments.find((x) => x.details.id === id);
          if (!a) return Object.assign(new Error("InvalidAttachmentId"), { name: "InvalidAttachmentId" });
          if (!a.content || options.failingAttachments?.includes(a.details.name)) {
            return Object.assign(new Error("AttachmentTypeNotSupported"), { name: "AttachmentTypeNotSupported" });
          }
          return { ...a.content };
        },
        options.attachmentLatencyMs ?? 0,
      ),
    ...(has("1.11")
      ? {
          sessionData: {
            getAsync: (name: string, callback: OfficeCallback<string>) =>
              respond("sessionData.getAsync", "sessionData.getAsync", callback, () =>
                sessionData.has(name) ? sessionData.get(name)! : Object.assign(new Error("key not found"), { name: "KeyNotFound" }),
              ),
            setAsync: (name: string, value: string, callback: OfficeCallback<void>) =>
              respond("sessionData.setAsync", "sessionData.setAsync", callback, () => {
                const before = sessionData.get(name);
                sessionData.set(name, value);
                if (sessionSize() > sessionDataLimit) {
                  if (before === undefined) sessionData.delete(name);
                  else sessionData.set(name, before);
                  return Object.assign(new Error("SessionObjectMaxLengthExceeded"), { name: "SessionObjectMaxLengthExceeded" });
                }
                return undefined;
              }),
            removeAsync: (name: string, callback: OfficeCallback<void>) =>
              respond("sessionData.setAsync", "sessionData.removeAsync", callback, () => {
                sessionData.delete(name);
              }),
          },
        }
      : {}),
    removeAttachmentAsync: (id, callback) =>
      respond("removeAttachmentAsync", `removeAttachmentAsync(${id})`, callback, () => {
        const before = draft.attachments.length;
        draft.attachments = draft.attachments.filter((a) => a.details.id !== id);
        return draft.attachments.length === before ? Object.assign(new Error("InvalidAttachmentId"), { name: "InvalidAttachmentId" }) : undefined;
      }),
    getInitializationContextAsync: (callback) =>
      respond("getInitializationContextAsync", "getInitializationContextAsync", callback, () => options.initializationContext ?? ""),
    ...(has("1.15")
      ? {
          sendAsync: (callback: OfficeCallback<void>) =>
            respond("sendAsync", "sendAsync", callback, () => {
              draft.sent = true;
            }),
        }
      : {}),
    ...(has("1.13")
      ? {
          sensitivityLabel: {
            getAsync: (callback: OfficeCallback<string>) =>
              respond("sensitivityLabel.getAsync", "sensitivityLabel.getAsync", callback, () => draft.sensitivityLabel),
            setAsync: (label: string, callback: OfficeCallback<void>) =>
              respond("sensitivityLabel.setAsync", "sensitivityLabel.setAsync", callback, () => {
                draft.sensitivityLabel = label;
              }),
          },
        }
      : {}),
  };

  const roamingSettings: RoamingSettingsLike = {
    get: (name) => (roamingPending.has(name) ? roamingPending.get(name) : roaming.get(name)),
    set: (name, value) => void roamingPending.set(name, JSON.parse(JSON.stringify(value)) as unknown),
    remove: (name) => void roamingPending.set(name, undefined),
    saveAsync: (callback) =>
      respond("roamingSettings.saveAsync", "roamingSettings.saveAsync", callback, () => {
        roamingPending.forEach((v, k) => (v === undefined ? roaming.delete(k) : roaming.set(k, v)));
        roamingPending.clear();
      }),
  };

  const Office: OfficeLike = {
    context: {
      mailbox: { item, userProfile: { emailAddress: userEmail } },
      requirements: {
        isSetSupported: (name: string, minVersion?: string) =>
          name.toLowerCase() === "mailbox" && versionAtMost(minVersion ?? "1.1", maxSet),
      },
      displayLanguage: options.displayLanguage ?? "da-DK",
      platform: options.platform ?? "PC",
      roamingSettings,
      ...(options.officeTheme ? { officeTheme: options.officeTheme } : {}),
    },
    actions: {
      associate: (name, handler) => {
        associated.set(name, handler);
      },
    },
    AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: FAILED },
    CoercionType: { Text: "text", Html: "html" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    onReady: (callback) => {
      const info = { host: "Outlook", platform: options.platform ?? "PC" };
      if (callback) schedule(() => callback(info));
      return Promise.resolve(info);
    },
  };

  const OfficeRuntime: OfficeRuntimeLike | undefined =
    options.runtimeStorage === false
      ? undefined
      : {
          storage: {
            getItem: (key) => Promise.resolve(runtimeStorage.has(key) ? runtimeStorage.get(key)! : null),
            setItem: (key, value) => {
              runtimeStorage.set(key, value);
              return Promise.resolve();
            },
          },
        };

  const createEvent = (): FakeEvent => {
    const completions: Array<SmartAlertsCompletion | undefined> = [];
    let resolve: (c: SmartAlertsCompletion | undefined) => void = () => undefined;
    const whenCompleted = new Promise<SmartAlertsCompletion | undefined>((r) => (resolve = r));
    return {
      completions,
      whenCompleted,
      completed(options?: SmartAlertsCompletion) {
        completions.push(options);
        if (completions.length === 1) resolve(options);
      },
    };
  };

  return {
    Office,
    OfficeRuntime,
    draft,
    sessionData,
    runtimeStorage,
    roaming,
    associated,
    calls,
    sessionDataLimit,
    createEvent,
    async fire(name) {
      const handler = associated.get(name);
      if (!handler) throw new Error(`no handler associated as "${name}"`);
      const event = createEvent();
      handler(event);
      const completion = await event.whenCompleted;
      return { event, completion };
    },
    setFault(api, fault) {
      if (fault) faults.set(api, fault);
      else faults.delete(api);
    },
  };
}
