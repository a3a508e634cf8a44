/** The pane's view of the recipient memory, built from the Office adapter (roaming-memory.ts). */
import { externalDomains, newDomainsForCpr, type Finding, type Message, type Policy } from "../../core";
import type { MemoryStore } from "../office/roaming-memory";
import type { MemoryView, RecipientMemoryServices } from "./components/RecipientMemory";

/** A CPR finding stands in for "the mail has one": the pane shows new domains for such mails only. */
const ANY_CPR = [{ kind: "cpr" }] as unknown as Finding[];

export function recipientMemoryServices(
  store: MemoryStore | undefined,
  loadPolicy: () => Promise<Policy>,
  readRecipients: () => Promise<Pick<Message, "recipients">>,
): RecipientMemoryServices {
  return {
    async load(): Promise<MemoryView> {
      const policy = await loadPolicy();
      if (policy.newExternalDomain === "off" || !store) return { mode: policy.newExternalDomain, available: !!store, count: 0, fresh: [] };
      const memory = store.load();
      const { recipients } = await readRecipients();
      // Look-alike findings are the look-alike list's business: the pane lists them already.
      const fresh = newDomainsForCpr(externalDomains(recipients, [], policy), ANY_CPR, memory);
      return { mode: policy.newExternalDomain, available: true, count: memory?.entries.length ?? 0, fresh };
    },
    clear: () => (store ? store.save(undefined) : Promise.resolve()),
  };
}
