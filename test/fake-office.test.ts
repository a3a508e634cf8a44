/**
 * The fake Office (src/simulator/fake-office.ts) is what every handler test, the conformance suite,
 * the bare-vm test and the simulator stand on, so it gets its own checks. This runs in plain Node
 * (the "cli" jest project), which also proves it needs no DOM.
 */
import { createFakeOffice, decodeUtf8, encodeBase64 } from "../src/simulator/fake-office";
import type { AsyncResultLike } from "../src/addin/office/office-types";
import type { Message } from "../src/core/index";

const message: Message = {
  subject: "Sag",
  bodyText: "Hej <du>\nlinje 2",
  recipients: [
    { address: "a@randers.dk", displayName: "A", field: "to" },
    { address: "b@randers.dk", field: "cc" },
    { address: "c@randers.dk", field: "bcc" },
  ],
  attachments: [
    { kind: "file", name: "a.txt", bytes: new Uint8Array([104, 105]) },
    { kind: "file", name: "Videresendt", bytes: new Uint8Array([83, 117, 98, 106, 101, 99, 116, 58, 32, 195, 166]), contentType: "message/rfc822" },
    { kind: "unavailable", name: "Referat.docx", reason: "cloud" },
    { kind: "unavailable", name: "Trukket.msg", reason: "item-unavailable" },
  ],
  from: "me@randers.dk",
};

function call<T>(invoke: (cb: (r: AsyncResultLike<T>) => void) => void): Promise<AsyncResultLike<T>> {
  return new Promise((resolve) => invoke(resolve));
}

describe("createFakeOffice", () => {
  it("serves the draft through the async API, asynchronously", async () => {
    const fake = createFakeOffice(message);
    const item = fake.Office.context.mailbox.item!;
    let sync = true;
    const subject = call<string>((cb) => item.subject.getAsync(cb));
    sync = false;
    expect((await subject).value).toBe("Sag");
    expect(sync).toBe(false);
    expect((await call<string>((cb) => item.body.getAsync("html", cb))).value).toBe("Hej &lt;du&gt;<br>linje 2");
    expect((await call<string>((cb) => item.body.getAsync("text", cb))).value).toBe("Hej <du>\nlinje 2");
    const cc = await call<Array<{ emailAddress: string }>>((cb) => item.cc.getAsync(cb));
    expect(cc.value.map((r) => r.emailAddress)).toEqual(["b@randers.dk"]);
  });

  it("serves attachments as Outlook does: Base64 files, Eml items, Url cloud links, failing items", async () => {
    const fake = createFakeOffice(message);
    const item = fake.Office.context.mailbox.item!;
    const list = (await call<Array<{ id: string; attachmentType: string }>>((cb) => item.getAttachmentsAsync(cb))).value;
    expect(list.map((a) => a.attachmentType)).toEqual(["file", "item", "cloud", "item"]);
    const contents = await Promise.all(list.map((a) => call<{ format: string; content: string }>((cb) => item.getAttachmentContentAsync(a.id, cb))));
    expect(contents[0]!.value).toEqual({ format: "base64", content: "aGk=" });
    expect(contents[1]!.value).toEqual({ format: "eml", content: "Subject: æ" });
    expect(contents[2]!.value.format).toBe("url");
    expect(contents[3]!.status).toBe("failed");
  });

  it("writes back: subject, body, recipients, label, send", async () => {
    const fake = createFakeOffice(message);
    const item = fake.Office.context.mailbox.item!;
    await call<void>((cb) => item.subject.setAsync("[sikker] Sag", cb));
    await call<void>((cb) => item.body.setAsync("<p>150375-****</p>", { coercionType: "html" }, cb));
    await call<void>((cb) => item.to.setAsync([{ emailAddress: "a@randers.dk", displayName: "A" }, "x@randers.dk"], cb));
    await call<void>((cb) => item.sensitivityLabel!.setAsync("guid-1", cb));
    await call<void>((cb) => item.sendAsync!(cb));
    expect(fake.draft).toMatchObject({ subject: "[sikker] Sag", bodyHtml: "<p>150375-****</p>", bodyText: "150375-****\n", sensitivityLabel: "guid-1", sent: true });
    expect(fake.draft.to.map((r) => r.emailAddress)).toEqual(["a@randers.dk", "x@randers.dk"]);
  });

  it.each([
    ["1.12", { "1.11": true, "1.13": false, "1.14": false, "1.15": false }],
    ["1.14", { "1.11": true, "1.13": true, "1.14": true, "1.15": false }],
    ["1.16", { "1.11": true, "1.13": true, "1.14": true, "1.15": true }],
  ])("on Mailbox %s reports and offers exactly the newer APIs", (max, expected) => {
    const fake = createFakeOffice(message, { maxMailboxSet: max });
    const supported = Object.fromEntries(Object.keys(expected).map((v) => [v, fake.Office.context.requirements.isSetSupported("Mailbox", v)]));
    expect(supported).toEqual(expected);
    const item = fake.Office.context.mailbox.item!;
    expect(item.sendAsync !== undefined).toBe(expected["1.15"]);
    expect(item.sensitivityLabel !== undefined).toBe(expected["1.13"]);
    expect(fake.sessionDataLimit).toBe(max === "1.16" ? 2_621_440 : 50_000);
  });

  it("enforces the sessionData limit and keeps the old value", async () => {
    const fake = createFakeOffice(message, { maxMailboxSet: "1.15" });
    const data = fake.Office.context.mailbox.item!.sessionData!;
    expect((await call<void>((cb) => data.setAsync("k", "small", cb))).status).toBe("succeeded");
    expect((await call<void>((cb) => data.setAsync("k", "x".repeat(50_000), cb))).status).toBe("failed");
    expect((await call<string>((cb) => data.getAsync("k", cb))).value).toBe("small");
  });

  it("injects faults: fail calls back failed, hang never calls back", async () => {
    const fake = createFakeOffice(message, { faults: { "subject.getAsync": "fail", "body.getAsync": "hang" } });
    const item = fake.Office.context.mailbox.item!;
    expect((await call<string>((cb) => item.subject.getAsync(cb))).status).toBe("failed");
    let answered = false;
    item.body.getAsync("html", () => (answered = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    expect(fake.calls).toEqual(["subject.getAsync", "body.getAsync(html)"]);
  });

  it("records associated handlers and every completed call", async () => {
    const fake = createFakeOffice(message);
    fake.Office.actions!.associate("h", (event) => {
      event.completed({ allowEvent: true });
      event.completed({ allowEvent: false });
    });
    const { event, completion } = await fake.fire("h");
    expect(completion).toEqual({ allowEvent: true });
    expect(event.completions).toHaveLength(2);
  });
});

describe("encodeBase64 / decodeUtf8", () => {
  it.each([[[]], [[0]], [[0, 1]], [[0, 1, 2]], [[255, 254, 253, 252]]])("encodes %j like Buffer", (bytes) => {
    expect(encodeBase64(new Uint8Array(bytes))).toBe(Buffer.from(bytes).toString("base64"));
  });

  it("decodes UTF-8 like Buffer, including 4-byte sequences", () => {
    const text = "æøå – 🙂 ok";
    expect(decodeUtf8(new Uint8Array(Buffer.from(text, "utf8")))).toBe(text);
  });
});
