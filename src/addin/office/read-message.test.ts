/** @jest-environment node */
import type { Message } from "../../core/index";
import { createFakeOffice } from "../../simulator/fake-office";
import { readCapabilities } from "./capabilities";
import { OfficeCallError } from "./office-async";
import { attachmentKey, readMessage } from "./read-message";

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
  it("builds the same Message the fake was built from", async () => {
    const fake = createFakeOffice(message);
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
