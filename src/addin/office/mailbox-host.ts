/**
 * Everything the event handlers need from Outlook, behind one object, so launchevent/ never names
 * the `Office` global (ESLint enforces it) and tests hand in a host built on the fake Office.
 */
import { readCapabilities, type Capabilities } from "./capabilities";
import { auditHeaderWriter, type AuditHeaderWriter } from "./internet-headers";
import { roamingMemoryStore, type MemoryStore } from "./roaming-memory";
import { getOffice } from "./office-async";
import type { MailboxEventLike, OfficeLike } from "./office-types";
import type { Message } from "../../core/index";
import { readMessage, readRecipients, type ReadOptions, type ReadResult } from "./read-message";
import { readSharedState, writeSharedState, type SharedState } from "./shared-state";
import { macLocalStorage, writeLocalSend, type LocalStorageLike } from "./mac-storage";

export interface MailboxHost {
  readonly capabilities: Capabilities;
  readMessage(options: ReadOptions): Promise<ReadResult>;
  readRecipients(): Promise<Pick<Message, "recipients" | "from">>;
  readSharedState(): Promise<SharedState>;
  writeSharedState(state: SharedState): Promise<void>;
  /** Sets the X-Postvagt marker; absent where the client cannot write internet headers (Mailbox 1.8). */
  readonly writeAuditHeader?: AuditHeaderWriter;
  /** The recipient memory (roaming settings); absent where the client has none. */
  readonly recipientMemory?: MemoryStore;
}

/**
 * The current compose item's host, or undefined when Office or the item is missing. On Mac the send
 * result also goes to localStorage (mac-storage.ts); `localStorage` is for tests.
 */
export function connectMailbox(office: OfficeLike | undefined = getOffice(), localStorage?: LocalStorageLike): MailboxHost | undefined {
  const item = office?.context?.mailbox?.item;
  if (!office || !item) return undefined;
  const capabilities = readCapabilities(office);
  const writeAuditHeader = auditHeaderWriter(office, item);
  const recipientMemory = roamingMemoryStore(office);
  const mac = macLocalStorage(office, localStorage);
  return {
    ...(recipientMemory ? { recipientMemory } : {}),
    ...(writeAuditHeader ? { writeAuditHeader } : {}),
    capabilities,
    readMessage: (options) => readMessage(office, item, options),
    readRecipients: () => readRecipients(office, item),
    readSharedState: () => readSharedState(office, item),
    writeSharedState: (state) => {
      if (mac && state.send) writeLocalSend(mac, state.send);
      return writeSharedState(office, item, state, capabilities.sessionDataLimit);
    },
  };
}

/**
 * Office.actions.associate for each handler. Mandatory: without it a SoftBlock add-in blocks every
 * send (Smart Alerts walkthrough). Returns false (and registers nothing) when Office is not loaded.
 */
export function associateHandlers(
  handlers: Readonly<Record<string, (event: MailboxEventLike) => void>>,
  office: OfficeLike | undefined = getOffice(),
): boolean {
  const actions = office?.actions;
  if (!actions || typeof actions.associate !== "function") return false;
  for (const name of Object.keys(handlers)) actions.associate(name, handlers[name]!);
  return true;
}
