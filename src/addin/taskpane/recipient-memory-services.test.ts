import { DEFAULT_POLICY, emptyMemory, MEMORY_SETTING, rememberDomains, type Policy } from "../../core";
import { roamingMemoryStore } from "../office/roaming-memory";
import { createFakeOffice } from "../../simulator/fake-office";
import { recipientMemoryServices } from "./recipient-memory-services";

/** The built-in policy with a few top-level keys of the admin's. */
function withDefaults(keys: Partial<Policy>): Policy {
  return { ...DEFAULT_POLICY, ...keys };
}

const message = { subject: "", recipients: [{ address: "a@known.dk", field: "to" as const }, { address: "b@new.dk", field: "to" as const }, { address: "c@randers.dk", field: "to" as const }], attachments: [] };

describe("recipientMemoryServices", () => {
  it("shows the count and the new domains, and forgets them in the user's mailbox", async () => {
    const fake = createFakeOffice(message, { roamingSettings: { [MEMORY_SETTING]: rememberDomains(emptyMemory("s"), ["known.dk", "other.dk"], 1) } });
    const store = roamingMemoryStore(fake.Office);
    const policy = withDefaults({ ownDomains: ["randers.dk"] });
    const services = recipientMemoryServices(store, () => Promise.resolve(policy), () => Promise.resolve(message));
    expect(await services.load()).toEqual({ mode: "show", available: true, count: 2, fresh: ["new.dk"] });
    await services.clear();
    expect(fake.roaming.has(MEMORY_SETTING)).toBe(false);
    expect((await services.load()).count).toBe(0);
  });

  it("reports off and unavailable", async () => {
    const off = recipientMemoryServices(undefined, () => Promise.resolve(withDefaults({ newExternalDomain: "off" })), () => Promise.resolve(message));
    expect(await off.load()).toMatchObject({ mode: "off" });
    const none = recipientMemoryServices(undefined, () => Promise.resolve(withDefaults({})), () => Promise.resolve(message));
    expect(await none.load()).toMatchObject({ mode: "show", available: false });
  });
});
