import { createFakeOffice } from "../../simulator/fake-office";
import { CONFIRMED_KEY, MAX_CONFIRMED, confirmationStore } from "./roaming-confirmations";
import { memoryStore } from "./runtime-storage";

const fakeOffice = () => createFakeOffice({ subject: "", recipients: [], attachments: [] });

describe("confirmationStore", () => {
  it("saves a confirmation in the user's roaming settings, once, in one form", async () => {
    const fake = fakeOffice();
    const store = confirmationStore(fake.Office);
    await expect(store.list()).resolves.toEqual([]);
    await expect(store.add(" Borger@Anders.DK")).resolves.toBe(true);
    await store.add("borger@anders.dk");
    await expect(store.list()).resolves.toEqual(["borger@anders.dk"]);
    // Saved (saveAsync), not only set.
    expect(fake.roaming.get(CONFIRMED_KEY)).toEqual(["borger@anders.dk"]);
  });

  it("mirrors the list to the runtime store, which a send handler started earlier reads first", async () => {
    const fake = fakeOffice();
    const mirror = memoryStore();
    await confirmationStore(fake.Office, mirror).add("borger@anders.dk");
    // Another runtime whose roaming settings were loaded before the change: sees it through the mirror.
    const stale = createFakeOffice({ subject: "", recipients: [], attachments: [] });
    await expect(confirmationStore(stale.Office, mirror).list()).resolves.toEqual(["borger@anders.dk"]);
    await expect(confirmationStore(stale.Office).list()).resolves.toEqual([]);
  });

  it("forgets one address and keeps the others", async () => {
    const store = confirmationStore(fakeOffice().Office, memoryStore());
    await store.add("a@anders.dk");
    await store.add("b@anders.dk");
    await store.remove("A@anders.dk");
    await expect(store.list()).resolves.toEqual(["b@anders.dk"]);
  });

  it("keeps at most MAX_CONFIRMED, dropping the oldest", async () => {
    const fake = fakeOffice();
    fake.roaming.set(CONFIRMED_KEY, Array.from({ length: MAX_CONFIRMED }, (_, i) => `p${i}@anders.dk`));
    const store = confirmationStore(fake.Office);
    await store.add("ny@anders.dk");
    const list = await store.list();
    expect(list).toHaveLength(MAX_CONFIRMED);
    expect(list[0]).toBe("p1@anders.dk");
    expect(list[list.length - 1]).toBe("ny@anders.dk");
  });

  it("reads garbage as nothing, and reports a failed save", async () => {
    const fake = fakeOffice();
    fake.roaming.set(CONFIRMED_KEY, "borger@anders.dk");
    await expect(confirmationStore(fake.Office).list()).resolves.toEqual([]);
    fake.roaming.set(CONFIRMED_KEY, [1, "ok@anders.dk", null]);
    await expect(confirmationStore(fake.Office).list()).resolves.toEqual(["ok@anders.dk"]);
    fake.setFault("roamingSettings.saveAsync", "fail");
    await expect(confirmationStore(fake.Office).add("x@anders.dk")).resolves.toBe(false);
    await expect(confirmationStore(undefined).list()).resolves.toEqual([]);
    await expect(confirmationStore(undefined).add("x@anders.dk")).resolves.toBe(false);
  });
});
