/**
 * The simulator's mailbox: one fake Office (fake-office.ts) holding the draft the compose window
 * edits, the send handler reads and the task pane fixes. Wraps the few things the page does to it:
 * typing recipients, attaching files from disk, sending, opening the pane with the Smart Alerts
 * button's contextData.
 */
import type { RecipientField } from "../core";
import { HANDLER_NAMES } from "../addin/office/manifest-ids";
import type { EmailAddressDetailsLike, SmartAlertsCompletion } from "../addin/office/office-types";
import { bodyAsClientWrites, editableBody } from "./fake-bodies";
import { CLIENT_PROFILES } from "./fake-profiles";
import { createFakeOffice, encodeBase64, type ClientProfileName, type FakeApi, type FakeOffice, type FakeOfficeOptions } from "./fake-office";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface SimulatorMailbox {
  readonly fake: FakeOffice;
  /** Whether the add-in's event page has registered its send handler yet. */
  handlerReady(): boolean;
  setRecipients(field: RecipientField, text: string): void;
  /**
   * What the user typed into the body editor, stored the way the client writes it (strict: Word
   * HTML on classic, the web's wrapper on web and new Outlook, as the fake's bodies are).
   */
  setBodyFromEditor(html: string, text: string): void;
  /** The draft's body as the editor shows it: the client's dress taken off (fake-bodies.ts). */
  editorBody(): string;
  recipientsText(field: RecipientField): string;
  addAttachment(name: string, bytes: Uint8Array, contentType: string): void;
  removeAttachment(id: string): void;
  /** Runs the add-in's OnMessageSend handler, as Outlook does when Send is pressed. */
  send(): Promise<SmartAlertsCompletion | undefined>;
  /** Runs a pre-scan handler (recipients or attachments changed), if the add-in registered it. */
  notify(handler: "recipientsChanged" | "attachmentsChanged"): void;
  /** What the task pane's getInitializationContextAsync returns: the button's contextData, or "". */
  setInitializationContext(context: string): void;
}

/** "a@b.dk; c@d.dk" → addresses; commas work too, blanks are dropped. */
export function parseRecipients(text: string): EmailAddressDetailsLike[] {
  return text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((address) => ({ emailAddress: address, displayName: address, recipientType: "externalUser" }));
}

export function createSimulatorMailbox(options: {
  readonly displayLanguage: string;
  readonly from: string;
  readonly onDraftChange: (api: FakeApi) => void;
  /** The client to be (default classic 2403+: Mailbox 1.15, the Smart Alerts button, Send Anyway). */
  readonly profile?: ClientProfileName;
  /** "kind" turns the clients' quirks off (for demos); the default is the strict fake. */
  readonly kind?: "strict" | "kind";
  /** Compose a meeting invite with this location instead of a message. */
  readonly appointment?: { readonly location: string };
  readonly officeTheme?: FakeOfficeOptions["officeTheme"];
}): SimulatorMailbox {
  const settings: Mutable<FakeOfficeOptions> = {
    displayLanguage: options.displayLanguage,
    userEmail: options.from,
    profile: options.profile ?? "classic-2403",
    kind: options.kind ?? "strict",
    ...(options.appointment ? { appointment: options.appointment } : {}),
    initializationContext: "",
    onDraftChange: options.onDraftChange,
    ...(options.officeTheme ? { officeTheme: options.officeTheme } : {}),
  };
  const fake = createFakeOffice({ subject: "", bodyHtml: "", recipients: [], attachments: [], from: options.from }, settings);
  let nextId = 1;
  // An invite goes through the add-in's OnAppointmentSend handler, as in Outlook.
  const sendHandler = options.appointment ? HANDLER_NAMES.appointmentSend : HANDLER_NAMES.send;

  return {
    fake,
    handlerReady: () => fake.associated.has(sendHandler),
    setRecipients(field, text) {
      fake.draft[field] = parseRecipients(text);
    },
    setBodyFromEditor(html, text) {
      const strict = settings.kind !== "kind";
      fake.draft.bodyHtml = strict ? bodyAsClientWrites(CLIENT_PROFILES[settings.profile ?? "classic-2403"], html, []) : html;
      fake.draft.bodyText = text;
    },
    editorBody() {
      return settings.kind === "kind" ? fake.draft.bodyHtml : editableBody(fake.draft.bodyHtml);
    },
    recipientsText(field) {
      return fake.draft[field].map((r) => r.emailAddress).join("; ");
    },
    addAttachment(name, bytes, contentType) {
      fake.draft.attachments.push({
        // As Outlook hands compose attachments over: no contentType (the kind fake keeps it for demos).
        details: {
          id: `sim-${nextId++}`,
          name,
          size: bytes.length,
          ...(settings.kind === "kind" ? { contentType } : {}),
          attachmentType: "file",
          isInline: false,
        },
        content: { format: "base64", content: encodeBase64(bytes) },
      });
    },
    removeAttachment(id) {
      fake.draft.attachments = fake.draft.attachments.filter((a) => a.details.id !== id);
    },
    async send() {
      const { completion } = await fake.fire(sendHandler);
      return completion;
    },
    notify(handler) {
      const name = HANDLER_NAMES[handler];
      if (fake.associated.has(name)) void fake.fire(name).catch(() => undefined);
    },
    setInitializationContext(context) {
      settings.initializationContext = context;
    },
  };
}
