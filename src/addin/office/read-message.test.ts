/** @jest-environment node */
import type { Message } from "../../core/index";
import { createFakeOffice } from "../../simulator/fake-office";
import { readCapabilities } from "./capabilities";
import { OfficeCallError } from "./office-async";
import { attachmentKey, readMessage, readRecipients } from "./read-message";
import { RETRY_DELAYS_MS } from "./read-attachments";

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

const message: Message = {
  subject: "Sag 7",
  bodyHtml: "<p>Hej</p>",
  bodyText: "Hej",
  recipients: [
    { address: "a@randers.dk", displayName: "A", field: "to" },
    { address: "b@randers.dk", displayName: "B", field: "cc" },
    { address: "c@randers.dk", displayName: "C", field: "bcc" },
  ],
  attachments: [
    { kind: "file", name: "stor.pdf", bytes: bytes("%PDF-".padEnd(5000, "x")), contentType: "application/pdf" },
    { kind: "file", name: "lille.txt", bytes: bytes("hej"), contentType: "text/plain" },
    { kind: "file", name: "Videresendt", bytes: bytes("Subject: x\r\n\r\nøh"), contentType: "message/rfc822" },
    { kind: "unavailable", name: "Sky.docx", reason: "cloud" },
    { kind: "unavailable", name: "Trukket", reason: "item-unavailable" },
  ],
  from: "me@randers.dk",
};

describe("readMessage", () => {
  it("builds the same Message the kind fake was built from", async () => {
    const fake = createFakeOffice(message, { kind: "kind" });
    const read = await readMessage(fake.Office, fake.Office.context.mailbox.item!, { maxAttachmentBytes: 1_000_000 });
    expect(read.message).toEqual(message);
    expect(read.attachments.map((a) => a.name)).toEqual(message.attachments.map((a) => a.name));
  });

  it("reads the applied sensitivity label where the client has the API (1.13), so the label route is recognised", async () => {
    const labelled: Message = { ...message, sensitivityLabelId: "6a1f0e3c-1b2d-4c5e-8f90-123456789abc" };
    const fake = createFakeOffice(labelled);
    const read = await readMessage(fake.Office, fake.Office.context.mailbox.item!, { maxAttachmentBytes: 1_000_000 });
    expect(read.message.sensitivityLabelId).toBe("6a1f0e3c-1b2d-4c5e-8f90-123456789abc");

    const old = createFakeOffice(labelled, { maxMailboxSet: "1.12" });
    const readOld = await readMessage(old.Office, old.Office.context.mailbox.item!, { maxAttachmentBytes: 1_000_000 });
    expect(readOld.message.sensitivityLabelId).toBeUndefined();
  });

  it("fetches the smallest attachments first", async () => {
    const fake = createFakeOffice(message);
    await readMessage(fake.Office, fake.Office.context.mailbox.item!, { maxAttachmentBytes: 1_000_000 });
    const order = fake.calls.filter((c) => c.startsWith("getAttachmentContentAsync")).map((c) => fake.draft.attachments[Number(c.slice(26, -1))]!.details.name);
    expect(order).toEqual(["Trukket", "lille.txt", "Videresendt", "stor.pdf"]);
  });

  it("does not fetch a file over the size limit", async () => {
    const fake = createFakeOffice(message);
    const read = await readMessage(fake.Office, fake.Office.context.mailbox.item!, { maxAttachmentBytes: 1024 });
    expect(read.message.attachments[0]).toEqual({ kind: "unavailable", name: "stor.pdf", reason: "too-large" });
  });

  it("skips attachments the caller has cached, by content key", async () => {
    const fake = createFakeOffice(message);
    const key = attachmentKey("lille.txt", 3, "aGVq");
    const read = await readMessage(fake.Office, fake.Office.context.mailbox.item!, { maxAttachmentBytes: 1_000_000, skipAttachment: (k) => k === key });
    expect(read.attachments.find((a) => a.name === "lille.txt")).toEqual({ name: "lille.txt", key, skipped: true });
    expect(read.message.attachments.map((a) => a.name)).not.toContain("lille.txt");
  });

  it("neither hashes nor asks the cache when no entry can be the attachment: no key, the file still read", async () => {
    const fake = createFakeOffice(message);
    const asked: string[] = [];
    const read = await readMessage(fake.Office, fake.Office.context.mailbox.item!, {
      maxAttachmentBytes: 1_000_000,
      mayBeCached: (name, size) => name === "stor.pdf" && size === 5000,
      skipAttachment: (k) => (asked.push(k), false),
    });
    expect(asked).toEqual([expect.stringMatching(/^stor\.pdf\|5000\|[0-9a-f]{8}$/)]);
    expect(read.attachments.find((a) => a.name === "lille.txt")).toEqual({ name: "lille.txt", skipped: false, input: { kind: "file", name: "lille.txt", bytes: bytes("hej") } });
    expect(read.attachments.find((a) => a.name === "stor.pdf")?.key).toBe(asked[0]);
  });

  it.each(["subject.getAsync", "body.getAsync", "recipients.getAsync", "getAttachmentsAsync"] as const)(
    "rejects with an OfficeCallError when %s fails",
    async (api) => {
      const fake = createFakeOffice(message, { faults: { [api]: "fail" } });
      await expect(readMessage(fake.Office, fake.Office.context.mailbox.item!, { maxAttachmentBytes: 1 })).rejects.toBeInstanceOf(OfficeCallError);
    },
  );

  it("falls back to the user's address when compose `from` fails", async () => {
    const fake = createFakeOffice(message, { faults: { "from.getAsync": "fail" }, userEmail: "profile@randers.dk" });
    const read = await readMessage(fake.Office, fake.Office.context.mailbox.item!, { maxAttachmentBytes: 1 });
    expect(read.message.from).toBe("profile@randers.dk");
  });
});

describe("readCapabilities", () => {
  it.each([
    ["1.12", { dialogButton: false, sendModeOverride: false, markdown: false, sessionDataLimit: 50_000 }],
    ["1.14", { dialogButton: true, sendModeOverride: true, markdown: false, sessionDataLimit: 50_000 }],
    ["1.15", { dialogButton: true, sendModeOverride: true, markdown: true, sessionDataLimit: 50_000 }],
    ["1.16", { dialogButton: true, sendModeOverride: true, markdown: true, sessionDataLimit: 2_621_440 }],
  ])("Mailbox %s", (max, expected) => {
    const fake = createFakeOffice(message, { maxMailboxSet: max, displayLanguage: "en-GB", platform: "Mac" });
    expect(readCapabilities(fake.Office)).toEqual({ ...expected, promptUserValue: "promptUser", displayLanguage: "en-GB", platform: "Mac" });
  });
});

describe("readMessage against what real Outlook hands over (the strict fake)", () => {
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]);
  const read = (fake: ReturnType<typeof createFakeOffice>, extra: Partial<Parameters<typeof readMessage>[2]> = {}) =>
    readMessage(fake.Office, fake.Office.context.mailbox.item!, { maxAttachmentBytes: 1_000_000, sleep: () => Promise.resolve(), ...extra });
  const only = (name: string, m: Message = message): Message => ({ ...m, attachments: m.attachments.filter((a) => a.name === name) });

  it("reads files without a contentType (the core sniffs them) and leaves inline images out unless asked", async () => {
    const fake = createFakeOffice(only("lille.txt"), { inlineImages: [{ name: "image001.png", bytes: png }] });
    const plain = await read(fake);
    expect(plain.message.attachments).toEqual([{ kind: "file", name: "lille.txt", bytes: bytes("hej") }]);
    expect(plain.attachments.map((a) => [a.name, a.inline === true])).toEqual([["lille.txt", false], ["image001.png", true]]);
    const withImages = await read(fake, { readInlineImages: true });
    expect(withImages.message.attachments.map((a) => a.name)).toEqual(["lille.txt", "image001.png"]);
  });

  it("web: an inline image the client cannot serve is not reported, unless the policy asks about images", async () => {
    const fake = createFakeOffice(only("lille.txt"), { profile: "web", inlineImages: [{ name: "image001.png", bytes: png }] });
    expect((await read(fake)).message.attachments.map((a) => a.kind)).toEqual(["file"]);
    const asked = await read(fake, { readInlineImages: true });
    expect(asked.message.attachments[1]).toEqual({ kind: "unavailable", name: "image001.png", reason: "api-error" });
  });

  it("retries content that came back empty once; empty twice is could-not-be-checked, never a clean empty file", async () => {
    const once = createFakeOffice(only("lille.txt"), { attachmentSteps: { "lille.txt": ["empty"] } });
    expect((await read(once)).message.attachments).toEqual([{ kind: "file", name: "lille.txt", bytes: bytes("hej") }]);
    const twice = createFakeOffice(only("lille.txt"), { attachmentSteps: { "lille.txt": ["empty", "empty"] } });
    const result = await read(twice);
    expect(result.message.attachments).toEqual([{ kind: "unavailable", name: "lille.txt", reason: "api-error" }]);
    expect(result.attachments[0]!.key).toBeUndefined();
    expect(twice.calls.filter((c) => c.startsWith("getAttachmentContentAsync"))).toHaveLength(2);
  });

  it("retries 5001 with a bounded backoff, and gives up as could-not-be-checked", async () => {
    const flaky = createFakeOffice(only("lille.txt"), { attachmentSteps: { "lille.txt": [{ code: 5001 }, { code: 5001 }] } });
    const waits: number[] = [];
    const ok = await read(flaky, { sleep: (ms) => (waits.push(ms), Promise.resolve()) });
    expect(ok.message.attachments[0]).toMatchObject({ kind: "file", name: "lille.txt" });
    expect(waits).toEqual(RETRY_DELAYS_MS.slice(0, 2));
    const broken = createFakeOffice(only("lille.txt"), { attachmentSteps: { "lille.txt": Array(10).fill({ code: 5001 }) } });
    const failed = await read(broken);
    expect(failed.message.attachments[0]).toEqual({ kind: "unavailable", name: "lille.txt", reason: "api-error" });
    expect(broken.calls.filter((c) => c.startsWith("getAttachmentContentAsync"))).toHaveLength(RETRY_DELAYS_MS.length + 1);
  });

  it("does not start a retry that would end past the deadline", async () => {
    const flaky = createFakeOffice(only("lille.txt"), { attachmentSteps: { "lille.txt": [{ code: 5001 }] } });
    const result = await read(flaky, { retryUntil: Date.now() + 10 });
    expect(result.message.attachments[0]).toMatchObject({ kind: "unavailable", reason: "api-error" });
    expect(flaky.calls.filter((c) => c.startsWith("getAttachmentContentAsync"))).toHaveLength(1);
  });

  it("follows an interim id (file still uploading) to the final one by listing the attachments again", async () => {
    const fake = createFakeOffice(only("lille.txt"), { attachmentSteps: { "lille.txt": ["interim"] } });
    const result = await read(fake);
    expect(result.message.attachments[0]).toMatchObject({ kind: "file", name: "lille.txt" });
    expect(fake.calls).toContain("getAttachmentContentAsync(0-final)");
  });

  it("gives an attached Outlook item no cache key: its bytes differ on every read (office-js #6856)", async () => {
    const fake = createFakeOffice(only("Videresendt"));
    const a = await read(fake);
    const b = await read(fake);
    expect(a.attachments[0]!.key).toBeUndefined();
    expect(a.message.attachments[0]).toMatchObject({ kind: "file", contentType: "message/rfc822" });
    expect(a.message.attachments[0]).not.toEqual(b.message.attachments[0]);
  });

  it("reads Word HTML bodies whole (the core turns them into text)", async () => {
    const fake = createFakeOffice(message);
    expect((await read(fake)).message.bodyHtml).toContain("WordSection1");
  });

  it("learns whose mailbox it is from getSharedPropertiesAsync in a shared or delegated mailbox", async () => {
    const shared = createFakeOffice(message, { userEmail: "me@privat.example", mailbox: { kind: "shared", owner: "borgerservice@randers.dk", permissions: 3 } });
    expect((await read(shared)).message.from).toBe("borgerservice@randers.dk");
    const own = createFakeOffice(message, { userEmail: "me@randers.dk" });
    expect((await read(own)).message.from).toBe("me@randers.dk");
  });

  it("rejects with Office's code where a delegate may not read the item (9020): the handler's onError applies", async () => {
    const fake = createFakeOffice(message, { mailbox: { kind: "delegate", owner: "chef@randers.dk", permissions: 2 } });
    await expect(read(fake)).rejects.toMatchObject({ name: "OfficeCallError", code: 9020 });
  });

  it("reads a meeting invite: required attendees as to, optional as cc, and the location", async () => {
    const fake = createFakeOffice(message, { appointment: { location: "Borgerservice, lokale 2" } });
    const result = await read(fake);
    expect(result.message.recipients.map((r) => [r.field, r.address])).toEqual([["to", "a@randers.dk"], ["cc", "b@randers.dk"]]);
    expect(result.message.location).toBe("Borgerservice, lokale 2");
    expect((await readRecipients(fake.Office, fake.Office.context.mailbox.item!)).recipients).toHaveLength(2);
  });
});

describe("readCapabilities where the host's requirements API is broken", () => {
  it.each(["missing", "throws"] as const)("requirements %s: only what Mailbox 1.12 guarantees is used", (requirements) => {
    const fake = createFakeOffice(message, { requirements });
    expect(readCapabilities(fake.Office)).toMatchObject({ dialogButton: false, sendModeOverride: false, markdown: false });
  });
});
