/**
 * A typed fake of the Office.js surface Postvagt uses (src/addin/office/office-types.ts), built from
 * a core `Message`: a compose item you can read AND write (subject, body, to/cc/bcc, sessionData,
 * sensitivity label, sendAsync), attachments served through getAttachmentContentAsync as Base64
 * (files), Eml (attached mails) or Url (cloud), `requirements.isSetSupported` up to a configurable
 * Mailbox set (so tests see an old client as an old client), displayLanguage, platform,
 * Office.actions.associate and event objects that record `completed`.
 *
 * Used by jest tests, by the conformance suite, by the bare-`vm` test of the classic bundle and by
 * the browser simulator page, so it uses no Node API and no DOM: only the language (and setTimeout).
 *
 * STRICT by default: it behaves like the documented Outlook, and like its public bug tracker where
 * the two differ (docs/design/outlook-fake-fidelity.md has each behaviour with its source):
 * callbacks arrive as macrotasks with jitter; compose attachments carry no contentType; attached
 * Outlook items have no file extension and (classic) different bytes on each read; bodies are the
 * client's own HTML (Word HTML on classic); only resolved recipients come back and setAsync/addAsync
 * take at most 100 per call; body.setAsync refuses more than 1,000,000 characters; a second
 * event.completed is recorded as a violation (and throws). `kind: "kind"` turns the client quirks
 * off for demos and for tests of the core's own behaviour; `profile` picks the client.
 * Faults are injectable per API ("fail" calls back failed, "hang" never calls back, or a spec with
 * Office's error code and a delay: a read that fails after the deadline).
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
  RecipientsLike,
  SharedPropertiesLike,
  OfficeThemeLike,
  RoamingSettingsLike,
  SmartAlertsCompletion,
} from "../addin/office/office-types";
import { bodyAfterSet, bodyAsClientWrites, htmlToPlain, type InlineImageRef } from "./fake-bodies";
import { CLIENT_PROFILES, type ClientProfile, type ClientProfileName } from "./fake-profiles";

export type { ClientProfileName } from "./fake-profiles";

export type FakeApi =
  | "subject.getAsync"
  | "subject.setAsync"
  | "body.getAsync"
  | "body.setAsync"
  | "recipients.getAsync"
  | "recipients.setAsync"
  | "from.getAsync"
  | "location.getAsync"
  | "getAttachmentsAsync"
  | "getAttachmentContentAsync"
  | "getSharedPropertiesAsync"
  | "sessionData.getAsync"
  | "sessionData.setAsync"
  | "getInitializationContextAsync"
  | "sendAsync"
  | "sensitivityLabel.getAsync"
  | "sensitivityLabel.setAsync"
  | "internetHeaders.setAsync"
  | "removeAttachmentAsync"
  | "roamingSettings.saveAsync";

/** An Office error as the callback reports it: documented codes (5001 internal error, 9020 generic response…). */
export interface FaultSpec {
  readonly code: number;
  readonly name?: string;
  /** Call back only after this many ms: a read that fails after the send's deadline. */
  readonly afterMs?: number;
}

export type Fault = "fail" | "hang" | FaultSpec;

/**
 * What one getAttachmentContentAsync call for a named attachment does, in order: "ok" serves the
 * content; "empty" succeeds with "" (office-js #6098); "interim" fails as an id that is no longer
 * valid because the upload finished and the attachment got its final id (office-js #6050, #4768);
 * a FaultSpec fails with that code (5001: office-js #2842, #6581). After the script, "ok".
 */
export type AttachmentStep = "ok" | "empty" | "interim" | FaultSpec;

/** An image in the body (a signature logo, a pasted screenshot): an inline attachment plus a cid: reference. */
export interface FakeInlineImage {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentId?: string;
}

/** Where the draft lives: the user's own mailbox, a shared mailbox, or another user's (delegate access). */
export type FakeMailboxKind =
  | { readonly kind: "own" }
  | { readonly kind: "shared" | "delegate"; readonly owner: string; readonly permissions: number };

export interface FakeOfficeOptions {
  /** "strict" (default): the documented client with its tracked quirks. "kind": none of them (demos). */
  readonly kind?: "strict" | "kind";
  /** Which client to be (default "classic-2403"); see fake-profiles.ts. */
  readonly profile?: ClientProfileName;
  /** Highest Mailbox requirement set; overrides the profile's. */
  readonly maxMailboxSet?: string;
  /** Office.context.displayLanguage. Default "da-DK". */
  readonly displayLanguage?: string;
  /** Office.context.platform; overrides the profile's. */
  readonly platform?: string;
  /** Per-API faults. */
  readonly faults?: Partial<Record<FakeApi, Fault>>;
  /** Attachment names whose content call always fails (office-js #6581: files added through "Send to"). */
  readonly failingAttachments?: readonly string[];
  /** Per attachment name, what its successive content calls do. */
  readonly attachmentSteps?: Readonly<Record<string, readonly AttachmentStep[]>>;
  /** Images in the body, carried as inline attachments (isInline true). */
  readonly inlineImages?: readonly FakeInlineImage[];
  /** Addresses typed but not resolved: shown in the compose window, not returned by getAsync. */
  readonly unresolved?: readonly string[];
  /** What getInitializationContextAsync returns (the Smart Alerts contextData). */
  readonly initializationContext?: string;
  /** The signed-in user (userProfile). Default the message's `from`. */
  readonly userEmail?: string;
  /** Where the draft lives. Default the user's own mailbox. */
  readonly mailbox?: FakeMailboxKind;
  /** Compose a meeting invite instead of a message: recipients to/cc/bcc become required/optional attendees/resources. */
  readonly appointment?: { readonly location: string };
  /** "missing": Office.context.requirements is undefined; "throws": isSetSupported throws (office-js #5091, #2286). */
  readonly requirements?: "ok" | "missing" | "throws";
  /** Offer OfficeRuntime.storage; overrides the profile's. */
  readonly runtimeStorage?: boolean;
  /** Milliseconds before each callback, on top of the jitter. */
  readonly latencyMs?: number;
  /** Random extra delay per callback, 0..jitterMs (strict default 3). */
  readonly jitterMs?: number;
  /** Seed for the jitter (default 1): runs are repeatable. */
  readonly seed?: number;
  /** Delay per attachment content call, on top of latencyMs (a slow download). */
  readonly attachmentLatencyMs?: number;
  /** Offer item.internetHeaders (Mailbox 1.8). Default true; false = a client that cannot write headers. */
  readonly internetHeaders?: boolean;
  /** Roaming settings already saved for this user (the recipient memory), by name. */
  readonly roamingSettings?: Readonly<Record<string, unknown>>;
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
  /** Typed, not resolved: never returned by getAsync, dropped by setAsync on that field. */
  unresolved: Array<{ field: "to" | "cc" | "bcc"; emailAddress: string }>;
  attachments: FakeAttachment[];
  sensitivityLabel: string;
  /** Internet headers the add-in set (item.internetHeaders), by name. */
  headers: Record<string, string>;
  location: string;
  sent: boolean;
}

export interface FakeAttachment {
  readonly details: AttachmentDetailsLike;
  readonly content: AttachmentContentLike | undefined;
  /** Cloud files added with web "Upload and share": on the draft, not in getAttachmentsAsync there. */
  readonly uploadAndShare?: boolean;
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
  readonly profile: ClientProfile;
  readonly draft: FakeDraft;
  readonly sessionData: Map<string, string>;
  readonly runtimeStorage: Map<string, string>;
  /** window.localStorage as the Mac runtimes share it (undefined where the profile has none). */
  readonly localStorage: Map<string, string> | undefined;
  /** Office.context.roamingSettings as saved (saveAsync), shared by the pane and the send handler. */
  readonly roaming: Map<string, unknown>;
  /** Handlers registered through Office.actions.associate. */
  readonly associated: Map<string, (event: MailboxEventLike) => void>;
  /** Every API call made, in order ("body.getAsync(html)", "getAttachmentContentAsync(2)"…). */
  readonly calls: string[];
  /** Protocol breaches by the add-in (a second event.completed): a test asserts this stays empty. */
  readonly violations: string[];
  /** Characters sessionData may hold (50,000 up to Mailbox 1.15, 2,621,440 from 1.16). */
  readonly sessionDataLimit: number;
  createEvent(): FakeEvent;
  /** Runs an associated handler with a fresh event and resolves with its first completion. */
  fire(name: string): Promise<{ event: FakeEvent; completion: SmartAlertsCompletion | undefined }>;
  setFault(api: FakeApi, fault: Fault | undefined): void;
  /** Raises InitializationContextChanged in an open task pane (Mailbox 1.15), as a new Smart Alerts button press does. */
  changeInitializationContext(data: string): void;
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

/** Roaming settings allowed per add-in (Office.RoamingSettings docs: 32 KB, error 9057 beyond). */
const ROAMING_LIMIT = 32 * 1024;

const SUCCEEDED = "succeeded";
const FAILED = "failed";
/** body.setAsync: "The string is limited to 1,000,000 characters" (Office.Body reference). */
export const BODY_MAX_CHARS = 1_000_000;
/** Recipients.setAsync/addAsync: at most 100 per call (Office.Recipients reference). */
export const RECIPIENTS_PER_CALL = 100;

function versionAtMost(version: string, max: string): boolean {
  const [a1, a2] = version.split(".").map(Number);
  const [b1, b2] = max.split(".").map(Number);
  return a1! < b1! || (a1 === b1 && (a2 ?? 0) <= (b2 ?? 0));
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Standard base64 with padding, by hand (no Buffer/btoa: the fake also runs in a bare context).
 * Built from character codes in blocks: appending 4-character strings 8 million times (a 25 MB
 * attachment) leaves a rope of that many pieces, hundreds of MB, which Outlook's flat string is not.
 */
export function encodeBase64(bytes: Uint8Array): string {
  const codes = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const alphabet = new Uint8Array(64);
  for (let k = 0; k < 64; k++) alphabet[k] = B64.charCodeAt(k);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    codes[o++] = alphabet[n >> 18]!;
    codes[o++] = alphabet[(n >> 12) & 63]!;
    codes[o++] = alphabet[(n >> 6) & 63]!;
    codes[o++] = alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    codes[o++] = alphabet[n >> 18]!;
    codes[o++] = alphabet[(n >> 12) & 63]!;
    codes[o++] = rest === 2 ? alphabet[(n >> 6) & 63]! : 0x3d;
    codes[o++] = 0x3d;
  }
  const parts: string[] = [];
  for (let at = 0; at < o; at += 8192) parts.push(String.fromCharCode.apply(null, codes.subarray(at, Math.min(o, at + 8192)) as unknown as number[]));
  return parts.join("");
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

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function recipientsOf(message: Message, field: RecipientField): EmailAddressDetailsLike[] {
  return message.recipients
    .filter((r: Recipient) => r.field === field)
    .map((r) => ({ emailAddress: r.address, displayName: r.displayName ?? r.address, recipientType: "externalUser" }));
}

/** A small seeded generator (mulberry32) for the callback jitter: runs repeat exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function attachmentOf(a: AttachmentInput, index: number, strict: boolean, profile: ClientProfile): FakeAttachment {
  // Classic Outlook's compose ids are indices; the adapter must not rely on them.
  const id = String(index);
  // Compose attachments carry no contentType (AttachmentDetailsCompose has none); the kind fake keeps it.
  const type = (t: string) => (strict ? {} : { contentType: t });
  if (a.kind === "unavailable") {
    if (a.reason === "cloud") {
      return {
        details: { id, name: a.name, size: 0, ...type("application/octet-stream"), attachmentType: "cloud", isInline: false },
        content: { format: "url", content: `https://onedrive.example.invalid/${encodeURIComponent(a.name)}` },
        uploadAndShare: true,
      };
    }
    // An item Outlook cannot serialise (drag-and-dropped in web Outlook): content call fails.
    return {
      details: { id, name: a.name, size: 1, ...type("message/rfc822"), attachmentType: "item", isInline: false },
      content: undefined,
    };
  }
  if (a.contentType === "message/rfc822" && strict && profile.itemNamesHaveExtension) {
    // Mac: an attached mail is a File with its extension, served as Base64 (AttachmentDetailsCompose.attachmentType).
    return {
      details: { id, name: /\.(eml|msg)$/i.test(a.name) ? a.name : `${a.name}.eml`, size: a.bytes.length, attachmentType: "file", isInline: false },
      content: { format: "base64", content: encodeBase64(a.bytes) },
    };
  }
  if (a.contentType === "message/rfc822") {
    // An attached Outlook item (type Item) is named without extension (AttachmentDetailsCompose.name).
    const name = strict ? a.name.replace(/\.(eml|msg)$/i, "") : a.name;
    return {
      details: { id, name, size: a.bytes.length, ...type(a.contentType), attachmentType: "item", isInline: false },
      content: { format: "eml", content: decodeUtf8(a.bytes) },
    };
  }
  return {
    details: { id, name: a.name, size: a.bytes.length, ...type(a.contentType ?? "application/octet-stream"), attachmentType: "file", isInline: false },
    content: { format: "base64", content: encodeBase64(a.bytes) },
  };
}

function inlineOf(image: FakeInlineImage, index: number, strict: boolean): FakeAttachment & { ref: InlineImageRef } {
  const contentId = image.contentId ?? `image00${index + 1}.png@01DB0000.00000000`;
  return {
    details: {
      id: `inline-${index}`,
      name: image.name,
      size: image.bytes.length,
      ...(strict ? {} : { contentType: "image/png" }),
      attachmentType: "file",
      isInline: true,
    },
    content: { format: "base64", content: encodeBase64(image.bytes) },
    ref: { contentId, name: image.name },
  };
}

interface FakeContext {
  readonly options: FakeOfficeOptions;
  readonly strict: boolean;
  readonly profile: ClientProfile;
  readonly draft: FakeDraft;
  readonly calls: string[];
  readonly faults: Map<FakeApi, Fault>;
  schedule(fn: () => void, extraMs?: number): void;
}

function failure<T>(code: number | undefined, name: string): AsyncResultLike<T> {
  return { status: FAILED, value: undefined as T, error: { name, message: name, ...(code !== undefined ? { code } : {}) } };
}

/** An error result from produce(): name and (where Office documents one) code. */
class FakeError extends Error {
  constructor(
    name: string,
    readonly code?: number,
  ) {
    super(name);
    this.name = name;
  }
}

function makeRespond(ctx: FakeContext) {
  return function respond<T>(api: FakeApi, label: string, callback: OfficeCallback<T> | undefined, produce: () => T | Error, extraMs = 0): void {
    ctx.calls.push(label);
    const fault = ctx.faults.get(api);
    if (fault === "hang") return;
    const spec: FaultSpec | undefined = fault === "fail" ? { code: 9020, name: "GenericResponseError" } : fault;
    ctx.schedule(() => {
      if (!callback) return;
      let result: AsyncResultLike<T>;
      if (spec) {
        result = failure<T>(spec.code, spec.name ?? "GenericResponseError");
      } else {
        const value = produce();
        result =
          value instanceof Error
            ? failure<T>(value instanceof FakeError ? value.code : 9999, value.name)
            : { status: SUCCEEDED, value };
        if (!(value instanceof Error) && DRAFT_CHANGES.has(api)) ctx.options.onDraftChange?.(api);
      }
      callback(result);
    }, extraMs + (spec?.afterMs ?? 0));
  };
}

type Respond = ReturnType<typeof makeRespond>;
type RecipientInput = ReadonlyArray<string | { emailAddress: string; displayName?: string }>;

function recipientsApi(ctx: FakeContext, respond: Respond, field: "to" | "cc" | "bcc", label: string): RecipientsLike {
  const limit = ctx.strict ? ctx.profile.recipientsPerCall : undefined;
  const toDetails = (list: RecipientInput) =>
    list.map((r) =>
      typeof r === "string"
        ? { emailAddress: r, displayName: r, recipientType: "externalUser" }
        : { emailAddress: r.emailAddress, displayName: r.displayName ?? r.emailAddress, recipientType: "externalUser" },
    );
  const tooMany = (list: RecipientInput) => limit !== undefined && list.length > limit;
  return {
    getAsync(callback) {
      // Only resolved recipients come back (Office.Recipients getAsync reference).
      respond("recipients.getAsync", `${label}.getAsync`, callback, () => ctx.draft[field].map((r) => ({ ...r })));
    },
    setAsync(list, callback) {
      respond("recipients.setAsync", `${label}.setAsync(${list.length})`, callback, () => {
        if (tooMany(list)) return new FakeError("NumberOfRecipientsExceeded");
        ctx.draft[field] = toDetails(list);
        // setAsync overwrites the field: what the user typed and Outlook had not resolved is gone.
        ctx.draft.unresolved = ctx.draft.unresolved.filter((u) => u.field !== field);
        return undefined;
      });
    },
    addAsync(list, callback) {
      respond("recipients.setAsync", `${label}.addAsync(${list.length})`, callback, () => {
        if (tooMany(list)) return new FakeError("NumberOfRecipientsExceeded");
        ctx.draft[field] = [...ctx.draft[field], ...toDetails(list)];
        return undefined;
      });
    },
  };
}

function attachmentApis(ctx: FakeContext, respond: Respond, failingNames: readonly string[]) {
  const steps = new Map<string, AttachmentStep[]>();
  for (const name of Object.keys(ctx.options.attachmentSteps ?? {})) steps.set(name, [...ctx.options.attachmentSteps![name]!]);
  let reads = 0;
  const listed = () =>
    ctx.draft.attachments.filter((a) => !(ctx.strict && ctx.profile.hidesUploadAndShare && a.uploadAndShare && a.details.attachmentType === "cloud"));
  const varies = (a: FakeAttachment) => ctx.strict && ctx.profile.itemEmlVaries && a.details.attachmentType === "item" && a.content?.format === "eml";
  return {
    getAttachmentsAsync(callback: OfficeCallback<AttachmentDetailsLike[]>) {
      respond("getAttachmentsAsync", "getAttachmentsAsync", callback, () =>
        listed().map((a) => (varies(a) ? { ...a.details, size: a.details.size + 40 + (reads % 7) } : { ...a.details })),
      );
    },
    getAttachmentContentAsync(id: string, callback: OfficeCallback<AttachmentContentLike>) {
      respond(
        "getAttachmentContentAsync",
        `getAttachmentContentAsync(${id})`,
        callback,
        () => {
          const a = ctx.draft.attachments.find((x) => x.details.id === id);
          if (!a) return new FakeError("InvalidAttachmentId");
          const step = steps.get(a.details.name)?.shift() ?? "ok";
          if (step === "empty") return { format: a.content?.format ?? "base64", content: "" };
          if (step === "interim") return new FakeError("InvalidAttachmentId");
          if (step !== "ok") return new FakeError(step.name ?? "InternalError", step.code);
          if (!a.content || failingNames.includes(a.details.name)) return new FakeError("AttachmentTypeNotSupported");
          if (a.details.isInline && ctx.strict && ctx.profile.inlineImagesFail) return new FakeError("GenericResponseError", 9020);
          if (varies(a)) {
            // Classic Outlook serialises an attached item afresh on each read (office-js #6856).
            reads++;
            return { format: "eml", content: `X-Postvagt-Fake-Read: ${reads}-${Date.now()}\r\n${a.content.content}` };
          }
          return { ...a.content };
        },
        ctx.options.attachmentLatencyMs ?? 0,
      );
    },
    /** After an "interim" step the attachment gets a new id, as when the upload finishes. */
    renumber(name: string) {
      ctx.draft.attachments = ctx.draft.attachments.map((a) =>
        a.details.name === name ? { ...a, details: { ...a.details, id: `${a.details.id}-final` } } : a,
      );
    },
  };
}

export function createFakeOffice(message: Message, options: FakeOfficeOptions = {}): FakeOffice {
  const strict = options.kind !== "kind";
  const profile: ClientProfile = CLIENT_PROFILES[options.profile ?? "classic-2403"];
  const maxSet = options.maxMailboxSet ?? profile.maxMailboxSet;
  const platform = options.platform ?? profile.platform;
  const faults = new Map<FakeApi, Fault>();
  for (const api of Object.keys(options.faults ?? {}) as FakeApi[]) faults.set(api, options.faults![api]!);
  const calls: string[] = [];
  const violations: string[] = [];
  const sessionData = new Map<string, string>();
  const runtimeStorage = new Map<string, string>();
  const localStorage = profile.localStorage ? new Map<string, string>() : undefined;
  const roaming = new Map<string, unknown>();
  // Unsaved changes, as Outlook keeps them until saveAsync.
  const roamingPending = new Map<string, unknown>();
  const associated = new Map<string, (event: MailboxEventLike) => void>();
  const sessionDataLimit = versionAtMost("1.16", maxSet) ? 2_621_440 : 50_000;
  const has = (version: string) => versionAtMost(version, maxSet);
  const userEmail = options.userEmail ?? message.from ?? "sagsbehandler@kommune.example";
  const mailboxKind: FakeMailboxKind = options.mailbox ?? { kind: "own" };
  const random = seeded(options.seed ?? 1);
  const jitter = options.jitterMs ?? (strict ? 3 : 0);

  const inline = (options.inlineImages ?? []).map((img, i) => inlineOf(img, i, strict));
  const inner = message.bodyHtml ?? (message.bodyText !== undefined ? escapeHtml(message.bodyText).replace(/\n/g, "<br>") : "");
  const refs = inline.map((i) => i.ref);
  const html = strict ? bodyAsClientWrites(profile, inner, refs) : inner + refs.map((r) => `<img src="cid:${r.contentId}" alt="${r.name}">`).join("");
  const draft: FakeDraft = {
    subject: message.subject,
    bodyHtml: html,
    bodyText: message.bodyText ?? htmlToPlain(html),
    to: recipientsOf(message, "to"),
    cc: recipientsOf(message, "cc"),
    bcc: recipientsOf(message, "bcc"),
    unresolved: [],
    attachments: [...message.attachments.map((a, i) => attachmentOf(a, i, strict, profile)), ...inline.map(({ details, content }) => ({ details, content }))],
    sensitivityLabel: message.sensitivityLabelId ?? "",
    headers: {},
    location: options.appointment?.location ?? "",
    sent: false,
  };
  for (const address of options.unresolved ?? []) draft.unresolved.push({ field: "to", emailAddress: address });

  const schedule = (fn: () => void, extraMs = 0): void => {
    // Office answers from its own message loop: a macrotask, never the same microtask checkpoint.
    const delay = (options.latencyMs ?? 0) + extraMs + (jitter > 0 ? Math.floor(random() * (jitter + 1)) : 0);
    if (strict || delay > 0) setTimeout(fn, delay);
    else void Promise.resolve().then(fn);
  };
  const ctx: FakeContext = { options, strict, profile, draft, calls, faults, schedule };
  const respond = makeRespond(ctx);
  const attachments = attachmentApis(ctx, respond, options.failingAttachments ?? []);
  const contextHandlers: Array<(args: { type?: string; initializationContextData?: string }) => void> = [];

  const sessionSize = () => {
    let total = 0;
    sessionData.forEach((v, k) => (total += k.length + v.length));
    return total;
  };
  // Mac: another runtime sees a write only after a delay (office-js #5951).
  const visibleSession = new Map<string, string>();
  const publish = (name: string, value: string | undefined) => {
    const apply = () => (value === undefined ? visibleSession.delete(name) : visibleSession.set(name, value));
    if (strict && profile.sessionDataLagMs > 0) setTimeout(apply, profile.sessionDataLagMs);
    else apply();
  };
  const appointment = options.appointment !== undefined;
  const reads = mailboxKind.kind === "own" || (mailboxKind.permissions & 1) === 1;
  // A delegate without Read permission: item reads fail with 9020 (office-js #3527).
  const guarded = (api: FakeApi): boolean => !reads && api !== "getSharedPropertiesAsync";
  const guardedRespond: Respond = (api, label, callback, produce, extra) =>
    respond(api, label, callback, guarded(api) ? () => new FakeError("GenericResponseError", 9020) : produce, extra);

  const item: ComposeItemLike = {
    itemType: appointment ? "appointment" : "message",
    subject: {
      getAsync: (callback) => guardedRespond("subject.getAsync", "subject.getAsync", callback, () => draft.subject),
      setAsync: (subject, callback) =>
        guardedRespond("subject.setAsync", "subject.setAsync", callback, () => {
          draft.subject = subject;
        }),
    },
    body: {
      getAsync: (coercionType, callback) =>
        guardedRespond("body.getAsync", `body.getAsync(${coercionType})`, callback, () =>
          coercionType === "html" ? draft.bodyHtml : draft.bodyText,
        ),
      setAsync: (data, opts, callback) =>
        guardedRespond("body.setAsync", `body.setAsync(${opts.coercionType})`, callback, () => {
          if (strict && data.length > BODY_MAX_CHARS) return new FakeError("DataExceedsMaximumSize");
          if (opts.coercionType === "html") {
            draft.bodyHtml = strict ? bodyAfterSet(profile, data) : data;
            draft.bodyText = htmlToPlain(draft.bodyHtml);
          } else {
            draft.bodyText = data;
            draft.bodyHtml = escapeHtml(data).replace(/\n/g, "<br>");
          }
          return undefined;
        }),
    },
    ...(appointment
      ? {
          requiredAttendees: recipientsApi(ctx, guardedRespond, "to", "requiredAttendees"),
          optionalAttendees: recipientsApi(ctx, guardedRespond, "cc", "optionalAttendees"),
          location: { getAsync: (callback) => guardedRespond("location.getAsync", "location.getAsync", callback, () => draft.location) },
        }
      : {
          to: recipientsApi(ctx, guardedRespond, "to", "to"),
          cc: recipientsApi(ctx, guardedRespond, "cc", "cc"),
          bcc: recipientsApi(ctx, guardedRespond, "bcc", "bcc"),
        }),
    ...(appointment
      ? {}
      : {
          from: {
            getAsync: (callback: OfficeCallback<EmailAddressDetailsLike>) =>
              // The signed-in user, also in a shared or delegated mailbox: only getSharedPropertiesAsync names the owner.
              guardedRespond("from.getAsync", "from.getAsync", callback, () => ({ emailAddress: userEmail, displayName: userEmail })),
          },
        }),
    getAttachmentsAsync: (callback) => {
      if (guarded("getAttachmentsAsync")) guardedRespond("getAttachmentsAsync", "getAttachmentsAsync", callback, () => []);
      else attachments.getAttachmentsAsync(callback);
    },
    getAttachmentContentAsync: (id, callback) => {
      if (guarded("getAttachmentContentAsync")) {
        guardedRespond("getAttachmentContentAsync", `getAttachmentContentAsync(${id})`, callback, () => ({ format: "", content: "" }));
        return;
      }
      attachments.getAttachmentContentAsync(id, (result) => {
        const a = draft.attachments.find((x) => x.details.id === id);
        if (result.error?.name === "InvalidAttachmentId" && a) attachments.renumber(a.details.name);
        callback(result);
      });
    },
    getSharedPropertiesAsync: (callback) =>
      respond("getSharedPropertiesAsync", "getSharedPropertiesAsync", callback, () =>
        mailboxKind.kind === "own"
          ? new FakeError("GenericResponseError", 9020)
          : ({ owner: mailboxKind.owner, delegatePermissions: mailboxKind.permissions, targetMailbox: mailboxKind.owner } as SharedPropertiesLike),
      ),
    ...(has("1.11")
      ? {
          sessionData: {
            getAsync: (name: string, callback: OfficeCallback<string>) =>
              respond("sessionData.getAsync", "sessionData.getAsync", callback, () => {
                const store = strict && profile.sessionDataLagMs > 0 ? visibleSession : sessionData;
                return store.has(name) ? store.get(name)! : new FakeError("KeyNotFound");
              }),
            setAsync: (name: string, value: string, callback: OfficeCallback<void>) =>
              respond("sessionData.setAsync", "sessionData.setAsync", callback, () => {
                const before = sessionData.get(name);
                sessionData.set(name, value);
                if (sessionSize() > sessionDataLimit) {
                  if (before === undefined) sessionData.delete(name);
                  else sessionData.set(name, before);
                  return new FakeError("SessionObjectMaxLengthExceeded");
                }
                publish(name, value);
                return undefined;
              }),
            removeAsync: (name: string, callback: OfficeCallback<void>) =>
              respond("sessionData.setAsync", "sessionData.removeAsync", callback, () => {
                sessionData.delete(name);
                publish(name, undefined);
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
          addHandlerAsync: (type: unknown, handler: (args: { type?: string; initializationContextData?: string }) => void, callback?: OfficeCallback<void>) => {
            if (type === "olkInitializationContextChanged") contextHandlers.push(handler);
            schedule(() => callback?.({ status: SUCCEEDED, value: undefined }));
          },
        }
      : {}),
    ...(options.internetHeaders !== false
      ? {
          internetHeaders: {
            getAsync: (names: string[], callback: OfficeCallback<Record<string, string>>) =>
              respond("internetHeaders.setAsync", "internetHeaders.getAsync", callback, () => {
                const out: Record<string, string> = {};
                for (const n of names) if (Object.prototype.hasOwnProperty.call(draft.headers, n)) out[n] = draft.headers[n]!;
                return out;
              }),
            setAsync: (headers: Record<string, string>, callback: OfficeCallback<void>) =>
              respond("internetHeaders.setAsync", "internetHeaders.setAsync", callback, () => {
                // Same name replaces the value, as Office documents.
                for (const n of Object.keys(headers)) draft.headers[n] = headers[n]!;
              }),
            removeAsync: (names: string[], callback: OfficeCallback<void>) =>
              respond("internetHeaders.setAsync", "internetHeaders.removeAsync", callback, () => {
                for (const n of names) delete draft.headers[n];
              }),
          },
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

  // Roaming settings: what was saved (roaming, shared by the pane and the send handler) and the
  // unsaved changes Outlook keeps until saveAsync; 32 KB in all, counted as JSON.
  for (const name of Object.keys(options.roamingSettings ?? {})) roaming.set(name, JSON.parse(JSON.stringify(options.roamingSettings![name])) as unknown);
  const roamingSettings: RoamingSettingsLike = {
    get: (name) => (roamingPending.has(name) ? roamingPending.get(name) : roaming.get(name)),
    set: (name, value) => void roamingPending.set(name, JSON.parse(JSON.stringify(value)) as unknown),
    remove: (name) => void roamingPending.set(name, undefined),
    saveAsync: (callback) =>
      respond("roamingSettings.saveAsync", "roamingSettings.saveAsync", callback, () => {
        const next = new Map(roaming);
        roamingPending.forEach((v, k) => (v === undefined ? next.delete(k) : next.set(k, v)));
        let total = 0;
        next.forEach((v, k) => (total += k.length + JSON.stringify(v).length));
        if (total > ROAMING_LIMIT) return Object.assign(new Error("SettingsSizeExceeded"), { name: "SettingsSizeExceeded" });
        roaming.clear();
        next.forEach((v, k) => roaming.set(k, v));
        roamingPending.clear();
        return undefined;
      }),
  };

  const isSetSupported = (name: string, minVersion?: string) => {
    if (options.requirements === "throws") throw new TypeError("Cannot read properties of undefined (reading 'isSetSupported')");
    return name.toLowerCase() === "mailbox" && versionAtMost(minVersion ?? "1.1", maxSet);
  };
  const Office: OfficeLike = {
    context: {
      mailbox: { item, userProfile: { emailAddress: userEmail } },
      ...(options.requirements === "missing" ? {} : { requirements: { isSetSupported } }),
      displayLanguage: options.displayLanguage ?? "da-DK",
      platform,
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
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" }, ItemType: { Message: "message", Appointment: "appointment" } },
    EventType: { InitializationContextChanged: "olkInitializationContextChanged" },
    onReady: (callback) => {
      const info = { host: "Outlook", platform };
      if (callback) schedule(() => callback(info));
      return Promise.resolve(info);
    },
  };

  const useRuntimeStorage = options.runtimeStorage ?? (strict ? profile.runtimeStorage : true);
  const OfficeRuntime: OfficeRuntimeLike | undefined = !useRuntimeStorage
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
      completed(opts?: SmartAlertsCompletion) {
        completions.push(opts);
        if (completions.length === 1) {
          resolve(opts);
          return;
        }
        // The event is over after the first call; a second one is a bug in the handler.
        violations.push(`event.completed called ${completions.length} times`);
        if (strict) throw new Error("event.completed was already called for this event");
      },
    };
  };

  return {
    Office,
    OfficeRuntime,
    profile,
    draft,
    sessionData,
    runtimeStorage,
    localStorage,
    roaming,
    associated,
    calls,
    violations,
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
    changeInitializationContext(data) {
      for (const h of contextHandlers) schedule(() => h({ type: "olkInitializationContextChanged", initializationContextData: data }));
    },
  };
}
