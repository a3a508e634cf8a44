/**
 * The Outlook clients the fake can pretend to be. Each profile bundles what differs between the
 * clients the add-in supports: the newest Mailbox requirement set, Office.context.platform, how the
 * body's HTML looks, which storage the runtimes share, and the documented or tracked quirks the fake
 * reproduces for that client. The facts and their public sources are in
 * docs/design/outlook-fake-fidelity.md; docs/clients.md is the same table for admins.
 */

export type ClientProfileName = "classic-2206" | "classic-2403" | "new-outlook" | "web" | "mac" | "ltsc-2024";

export interface ClientProfile {
  readonly name: ClientProfileName;
  /** Newest Mailbox requirement set the client reports. */
  readonly maxMailboxSet: string;
  /** Office.context.platform. */
  readonly platform: "PC" | "OfficeOnline" | "Mac";
  /** How the client writes a compose body's HTML (see fake-bodies.ts). */
  readonly bodyStyle: "word" | "owa" | "mac";
  /** Classic Windows runs event handlers in a JavaScript-only runtime with OfficeRuntime.storage. */
  readonly runtimeStorage: boolean;
  /** Builds before 2403 run event handlers on ES2016 built-ins only. */
  readonly es2016Runtime: boolean;
  /** Runtimes share window.localStorage with the task pane (the documented channel on Mac). */
  readonly localStorage: boolean;
  /** Files added with web "Upload and share" are not returned by getAttachmentsAsync. */
  readonly hidesUploadAndShare: boolean;
  /** getAttachmentContentAsync answers 404-like failures for inline images (office-js #6203). */
  readonly inlineImagesFail: boolean;
  /** Attached Outlook items come back as different EML on each read (office-js #6856). */
  readonly itemEmlVaries: boolean;
  /** Attached mails are Files named with their extension (Mac), or Items without it (Windows, web). */
  readonly itemNamesHaveExtension: boolean;
  /** A sessionData write becomes visible to another runtime only after this delay (office-js #5951). */
  readonly sessionDataLagMs: number;
  /** Recipients setAsync/addAsync accept per call (Mac new UI: no limit). */
  readonly recipientsPerCall: number | undefined;
}

const base = {
  runtimeStorage: false,
  es2016Runtime: false,
  localStorage: false,
  hidesUploadAndShare: false,
  inlineImagesFail: false,
  itemEmlVaries: false,
  itemNamesHaveExtension: false,
  sessionDataLagMs: 0,
  recipientsPerCall: 100 as number | undefined,
};

export const CLIENT_PROFILES: Readonly<Record<ClientProfileName, ClientProfile>> = {
  "classic-2206": {
    ...base,
    name: "classic-2206",
    maxMailboxSet: "1.13",
    platform: "PC",
    bodyStyle: "word",
    runtimeStorage: true,
    es2016Runtime: true,
    itemEmlVaries: true,
  },
  "classic-2403": {
    ...base,
    name: "classic-2403",
    maxMailboxSet: "1.15",
    platform: "PC",
    bodyStyle: "word",
    runtimeStorage: true,
    itemEmlVaries: true,
  },
  "new-outlook": {
    ...base,
    name: "new-outlook",
    maxMailboxSet: "1.15",
    platform: "OfficeOnline",
    bodyStyle: "owa",
    hidesUploadAndShare: true,
    inlineImagesFail: true,
  },
  web: {
    ...base,
    name: "web",
    maxMailboxSet: "1.15",
    platform: "OfficeOnline",
    bodyStyle: "owa",
    hidesUploadAndShare: true,
    inlineImagesFail: true,
  },
  mac: {
    ...base,
    name: "mac",
    maxMailboxSet: "1.14",
    platform: "Mac",
    bodyStyle: "mac",
    localStorage: true,
    itemNamesHaveExtension: true,
    sessionDataLagMs: 1500,
    recipientsPerCall: undefined,
  },
  "ltsc-2024": {
    ...base,
    name: "ltsc-2024",
    maxMailboxSet: "1.14",
    platform: "PC",
    bodyStyle: "word",
    runtimeStorage: true,
    itemEmlVaries: true,
  },
};

export const PROFILE_NAMES = Object.keys(CLIENT_PROFILES) as ClientProfileName[];
