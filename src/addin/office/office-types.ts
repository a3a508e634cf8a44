/**
 * The exact slice of Office.js the add-in uses, as structural types. The real `Office` global
 * satisfies them (they mirror @types/office-js); the simulator's fake (src/simulator/fake-office.ts)
 * implements them and nothing more, so a call the add-in starts making that the fake lacks is a
 * compile error, not a silent gap in the tests.
 */

export interface OfficeError {
  readonly name?: string;
  readonly message?: string;
  readonly code?: number;
}

export interface AsyncResultLike<T> {
  /** Office.AsyncResultStatus.Succeeded / Failed ("succeeded" / "failed" at run time). */
  readonly status: unknown;
  readonly value: T;
  readonly error?: OfficeError;
  readonly asyncContext?: unknown;
}

export type OfficeCallback<T> = (result: AsyncResultLike<T>) => void;

export interface EmailAddressDetailsLike {
  readonly emailAddress: string;
  readonly displayName?: string;
  readonly recipientType?: string;
}

export interface RecipientsLike {
  getAsync(callback: OfficeCallback<EmailAddressDetailsLike[]>): void;
  setAsync(
    recipients: ReadonlyArray<string | { emailAddress: string; displayName?: string }>,
    callback: OfficeCallback<void>,
  ): void;
  /** Appends to the field (Mailbox 1.1); like setAsync, at most 100 recipients per call. */
  addAsync?(
    recipients: ReadonlyArray<string | { emailAddress: string; displayName?: string }>,
    callback: OfficeCallback<void>,
  ): void;
}

/** Office.SharedProperties (Mailbox 1.8 shared folders, 1.13 shared mailboxes). */
export interface SharedPropertiesLike {
  readonly owner: string;
  /** Office.MailboxEnums.DelegatePermissions bitmask: Read 1, Write 2, DeleteOwn 4, DeleteAll 8, EditOwn 16, EditAll 32. */
  readonly delegatePermissions: number;
  readonly targetMailbox?: string;
}

export interface LocationLike {
  getAsync(callback: OfficeCallback<string>): void;
}

export interface SubjectLike {
  getAsync(callback: OfficeCallback<string>): void;
  setAsync(subject: string, callback: OfficeCallback<void>): void;
}

export interface BodyLike {
  getAsync(coercionType: string, callback: OfficeCallback<string>): void;
  setAsync(data: string, options: { coercionType: string }, callback: OfficeCallback<void>): void;
}

export interface FromLike {
  getAsync(callback: OfficeCallback<EmailAddressDetailsLike>): void;
}

export interface AttachmentDetailsLike {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly contentType?: string;
  /** Office.MailboxEnums.AttachmentType: "file" | "item" | "cloud". */
  readonly attachmentType: string;
  readonly isInline: boolean;
}

export interface AttachmentContentLike {
  /** Office.MailboxEnums.AttachmentContentFormat: "base64" | "eml" | "url" | "iCalendar". */
  readonly format: string;
  readonly content: string;
}

export interface SessionDataLike {
  getAsync(name: string, callback: OfficeCallback<string>): void;
  setAsync(name: string, value: string, callback: OfficeCallback<void>): void;
  removeAsync(name: string, callback: OfficeCallback<void>): void;
}

/** item.internetHeaders (Mailbox 1.8, compose): custom headers that travel with the mail. */
export interface InternetHeadersLike {
  getAsync(names: string[], callback: OfficeCallback<Record<string, string>>): void;
  setAsync(headers: Record<string, string>, callback: OfficeCallback<void>): void;
  removeAsync(names: string[], callback: OfficeCallback<void>): void;
}

/** Office.context.roamingSettings (Mailbox 1.1): per user and add-in, 32 KB, saved with saveAsync. */
export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: OfficeCallback<void>): void;
}

export interface SensitivityLabelLike {
  getAsync(callback: OfficeCallback<string>): void;
  setAsync(label: string, callback: OfficeCallback<void>): void;
}

export interface ComposeItemLike {
  /** Office.MailboxEnums.ItemType: "message" or "appointment". Absent in hosts that do not say (a message). */
  readonly itemType?: string;
  readonly subject: SubjectLike;
  readonly body: BodyLike;
  /** Messages only; an appointment has requiredAttendees/optionalAttendees instead. */
  readonly to?: RecipientsLike;
  readonly cc?: RecipientsLike;
  readonly bcc?: RecipientsLike;
  /** Appointment organizer. */
  readonly requiredAttendees?: RecipientsLike;
  readonly optionalAttendees?: RecipientsLike;
  /** Appointment organizer: the location line (rooms booked as resources appear in it). */
  readonly location?: LocationLike;
  /** Mailbox 1.8/1.13: fails when the item is not in a shared folder or shared mailbox. */
  getSharedPropertiesAsync?(callback: OfficeCallback<SharedPropertiesLike>): void;
  /** Item events; the pane listens for InitializationContextChanged (Mailbox 1.15). */
  addHandlerAsync?(eventType: unknown, handler: (args: { type?: string; initializationContextData?: string }) => void, callback?: OfficeCallback<void>): void;
  /** Compose `from` (Mailbox 1.7). */
  readonly from?: FromLike;
  getAttachmentsAsync(callback: OfficeCallback<AttachmentDetailsLike[]>): void;
  getAttachmentContentAsync(id: string, callback: OfficeCallback<AttachmentContentLike>): void;
  /** Mailbox 1.11. */
  readonly sessionData?: SessionDataLike;
  /** Mailbox 1.8: the `contextData` a Smart Alerts button passed to the task pane. */
  getInitializationContextAsync?(callback: OfficeCallback<string>): void;
  /** Mailbox 1.15: send from the task pane after a fix. */
  sendAsync?(callback: OfficeCallback<void>): void;
  /** Mailbox 1.13. */
  readonly sensitivityLabel?: SensitivityLabelLike;
  /** Mailbox 1.8: the audit marker (see docs/design/audit-marker.md). */
  readonly internetHeaders?: InternetHeadersLike;
  /** Mailbox 1.1 (compose): the task pane's "Fjern fil". */
  removeAttachmentAsync?(id: string, callback: OfficeCallback<void>): void;
}

/** Office.context.officeTheme (Mailbox 1.14, task pane only). */
export interface OfficeThemeLike {
  readonly bodyBackgroundColor?: string;
  readonly isDarkTheme?: boolean;
}

export interface SmartAlertsCompletion {
  allowEvent?: boolean;
  errorMessage?: string;
  errorMessageMarkdown?: string;
  cancelLabel?: string;
  commandId?: string;
  contextData?: unknown;
  sendModeOverride?: string;
}

/** The event object Outlook passes to a launch-event handler. */
export interface MailboxEventLike {
  completed(options?: SmartAlertsCompletion): void;
}

export interface OfficeLike {
  readonly context: {
    readonly mailbox: {
      readonly item: ComposeItemLike | null | undefined;
      readonly userProfile?: { readonly emailAddress?: string };
    };
    /** Missing or throwing in some hosts and moments (office-js #5091, #2286): always guard. */
    readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    /** The recipient memory (see docs/design/audit-marker.md). */
    readonly roamingSettings?: RoamingSettingsLike;
    readonly displayLanguage?: string;
    readonly platform?: unknown;
    readonly officeTheme?: OfficeThemeLike;
  };
  readonly actions?: { associate(name: string, handler: (event: MailboxEventLike) => void): void };
  readonly AsyncResultStatus: { readonly Succeeded: unknown; readonly Failed: unknown };
  readonly CoercionType: { readonly Text: string; readonly Html: string };
  readonly MailboxEnums?: {
    readonly SendModeOverride?: { readonly PromptUser: string };
    readonly ItemType?: { readonly Message: string; readonly Appointment: string };
  };
  readonly EventType?: { readonly InitializationContextChanged?: unknown };
  onReady?(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<{ host: unknown; platform: unknown }>;
}

/** OfficeRuntime.storage: present in classic Outlook's event runtime (and in browser runtimes). */
export interface RuntimeStorageLike {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

export interface OfficeRuntimeLike {
  readonly storage?: RuntimeStorageLike;
}
