/**
 * What this Outlook can do, asked at run time. The manifest requires only Mailbox 1.12 (Smart
 * Alerts), so the richer dialog options are used only where the client says it has them:
 * cancelLabel/commandId/contextData/sendModeOverride need 1.14, errorMessageMarkdown 1.15, and
 * sessionData holds 50,000 characters up to 1.15 and 2,621,440 from 1.16 (SessionData docs).
 */
import type { OfficeLike } from "./office-types";

export interface Capabilities {
  /** cancelLabel, commandId (task pane), contextData, sendModeOverride. */
  readonly dialogButton: boolean;
  readonly sendModeOverride: boolean;
  readonly markdown: boolean;
  /** The runtime value of Office.MailboxEnums.SendModeOverride.PromptUser. */
  readonly promptUserValue: string;
  /** Characters the add-in may keep in item.sessionData. */
  readonly sessionDataLimit: number;
  /** Office.context.displayLanguage, e.g. "da-DK"; "" when the host gives none. */
  readonly displayLanguage: string;
  /** Office.context.platform as a string ("PC", "OfficeOnline", "Mac"…), for logs only. */
  readonly platform: string;
}

function supports(office: OfficeLike, version: string): boolean {
  try {
    return office.context.requirements?.isSetSupported("Mailbox", version) === true;
  } catch {
    return false;
  }
}

export function readCapabilities(office: OfficeLike): Capabilities {
  const v114 = supports(office, "1.14");
  const v115 = v114 && supports(office, "1.15");
  const v116 = v115 && supports(office, "1.16");
  let displayLanguage = "";
  let platform = "";
  try {
    displayLanguage = String(office.context.displayLanguage ?? "");
    platform = String(office.context.platform ?? "");
  } catch {
    // Properties missing on a host: logging and language fall back to defaults.
  }
  return {
    dialogButton: v114,
    sendModeOverride: v114,
    markdown: v115,
    promptUserValue: office.MailboxEnums?.SendModeOverride?.PromptUser ?? "promptUser",
    sessionDataLimit: v116 ? 2_621_440 : 50_000,
    displayLanguage,
    platform,
  };
}
