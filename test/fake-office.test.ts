/**
 * The fake Office (src/simulator/fake-office.ts) is what every handler test, the conformance suite,
 * the bare-vm test and the simulator stand on, so it gets its own checks. This runs in plain Node
 * (the "cli" jest project), which also proves it needs no DOM.
 */
import { BODY_MAX_CHARS, createFakeOffice, decodeUtf8, encodeBase64, type FakeInlineImage } from "../src/simulator/fake-office";
import { PROFILE_NAMES } from "../src/simulator/fake-profiles";
import type {
  AsyncResultLike,
  AttachmentContentLike,
  AttachmentDetailsLike,
  EmailAddressDetailsLike,
  SharedPropertiesLike,
} from "../src/addin/office/office-types";
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
  it("serves the draft through the async API, asynchronously (kind fake: the body as given)", async () => {
    const fake = createFakeOffice(message, { kind: "kind" });
    const item = fake.Office.context.mailbox.item!;
    let sync = true;
    const subject = call<string>((cb) => item.subject.getAsync(cb));
    sync = false;
    expect((await subject).value).toBe("Sag");
    expect(sync).toBe(false);
    expect((await call<string>((cb) => item.body.getAsync("html", cb))).value).toBe("Hej &lt;du&gt;<br>linje 2");
    expect((await call<string>((cb) => item.body.getAsync("text", cb))).value).toBe("Hej <du>\nlinje 2");
    const cc = await call<Array<{ emailAddress: string }>>((cb) => item.cc!.getAsync(cb));
    expect(cc.value.map((r) => r.emailAddress)).toEqual(["b@randers.dk"]);
  });

  it("serves attachments as Outlook does: Base64 files, Eml items, Url cloud links, failing items", async () => {
    const fake = createFakeOffice(message, { profile: "web" });
    const item = fake.Office.context.mailbox.item!;
    const list = (await call<Array<{ id: string; attachmentType: string }>>((cb) => item.getAttachmentsAsync(cb))).value;
    // Web: the cloud file (added with "Upload and share") is not listed at all.
    expect(list.map((a) => a.attachmentType)).toEqual(["file", "item", "item"]);
    const contents = await Promise.all(list.map((a) => call<{ format: string; content: string }>((cb) => item.getAttachmentContentAsync(a.id, cb))));
    expect(contents[0]!.value).toEqual({ format: "base64", content: "aGk=" });
    expect(contents[1]!.value).toEqual({ format: "eml", content: "Subject: æ" });
    expect(contents[2]!.status).toBe("failed");
  });

  it("writes back: subject, body, recipients, label, send", async () => {
    const fake = createFakeOffice(message);
    const item = fake.Office.context.mailbox.item!;
    await call<void>((cb) => item.subject.setAsync("[sikker] Sag", cb));
    await call<void>((cb) => item.body.setAsync("<p>150375-****</p>", { coercionType: "html" }, cb));
    await call<void>((cb) => item.to!.setAsync([{ emailAddress: "a@randers.dk", displayName: "A" }, "x@randers.dk"], cb));
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
    const supported = Object.fromEntries(Object.keys(expected).map((v) => [v, fake.Office.context.requirements!.isSetSupported("Mailbox", v)]));
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

  it("records associated handlers and every completed call; a second one is a violation and throws", async () => {
    const fake = createFakeOffice(message);
    let thrown: unknown;
    fake.Office.actions!.associate("h", (event) => {
      event.completed({ allowEvent: true });
      try {
        event.completed({ allowEvent: false });
      } catch (e) {
        thrown = e;
      }
    });
    const { event, completion } = await fake.fire("h");
    expect(completion).toEqual({ allowEvent: true });
    expect(event.completions).toHaveLength(2);
    expect(fake.violations).toEqual(["event.completed called 2 times"]);
    expect(thrown).toBeInstanceOf(Error);
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

const cid = (html: string) => (html.match(/cid:[^"'\s>]+/g) ?? []).length;

describe("the strict fake (the default) is the documented Outlook", () => {
  const logo: FakeInlineImage = { name: "image001.png", bytes: new Uint8Array([137, 80, 78, 71]) };

  it("answers as a macrotask: after every microtask queued before it, with jitter", async () => {
    const fake = createFakeOffice(message);
    const order: string[] = [];
    fake.Office.context.mailbox.item!.subject.getAsync(() => order.push("office"));
    await Promise.resolve().then(() => order.push("microtask"));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(["microtask", "office"]);
  });

  it("gives compose attachments no contentType, and attached items no extension (but on Mac)", async () => {
    const withExt: Message = { ...message, attachments: [{ kind: "file", name: "Svar.eml", bytes: new Uint8Array([65]), contentType: "message/rfc822" }] };
    for (const [profile, name] of [["classic-2403", "Svar"], ["mac", "Svar.eml"]] as const) {
      const fake = createFakeOffice(withExt, { profile });
      const list = (await call<AttachmentDetailsLike[]>((cb) => fake.Office.context.mailbox.item!.getAttachmentsAsync(cb))).value;
      expect(list[0]).not.toHaveProperty("contentType");
      expect(list[0]!.name).toBe(name);
      expect(list[0]!.attachmentType).toBe(profile === "mac" ? "file" : "item");
    }
  });

  it("writes the body as classic Outlook does (Word HTML) and as the web does (elementToProof)", async () => {
    const classic = createFakeOffice(message, { inlineImages: [logo] });
    const html = (await call<string>((cb) => classic.Office.context.mailbox.item!.body.getAsync("html", cb))).value;
    for (const mark of ["WordSection1", "class=MsoNormal", "<o:p></o:p>", "<!--[if gte mso 9]>", "<![if !vml]>", "<v:imagedata", "Hej &lt;du&gt;"]) expect(html).toContain(mark);
    expect(cid(html)).toBe(2);
    const text = (await call<string>((cb) => classic.Office.context.mailbox.item!.body.getAsync("text", cb))).value;
    expect(text).toContain("Hej <du>");
    expect(text).not.toMatch(/MsoNormal|behavior|shapedefaults/);

    const web = createFakeOffice(message, { profile: "web" });
    expect((await call<string>((cb) => web.Office.context.mailbox.item!.body.getAsync("html", cb))).value).toContain('class="elementToProof"');
    await call<void>((cb) => web.Office.context.mailbox.item!.body.setAsync("<html><body><p>x</p></body></html>", { coercionType: "html" }, cb));
    expect(web.draft.bodyHtml).toBe('<html><body><div class="elementToProof"><p>x</p></div></body></html>');
  });

  it("lists inline images as isInline, and on the web cannot serve them (office-js #6203)", async () => {
    for (const [profile, status] of [["classic-2403", "succeeded"], ["web", "failed"]] as const) {
      const fake = createFakeOffice(message, { profile, inlineImages: [logo] });
      const item = fake.Office.context.mailbox.item!;
      const list = (await call<AttachmentDetailsLike[]>((cb) => item.getAttachmentsAsync(cb))).value;
      const inline = list.find((a) => a.isInline)!;
      expect(inline.name).toBe("image001.png");
      expect((await call<AttachmentContentLike>((cb) => item.getAttachmentContentAsync(inline.id, cb))).status).toBe(status);
    }
  });

  it("plays each attachment's script: empty, 5001, interim id (renumbered after), then the content", async () => {
    const fake = createFakeOffice(message, { attachmentSteps: { "a.txt": ["empty", { code: 5001 }, "interim", "ok"] } });
    const item = fake.Office.context.mailbox.item!;
    const get = (id: string) => call<AttachmentContentLike>((cb) => item.getAttachmentContentAsync(id, cb));
    expect((await get("0")).value).toEqual({ format: "base64", content: "" });
    expect((await get("0")).error).toMatchObject({ code: 5001 });
    expect((await get("0")).error).toMatchObject({ name: "InvalidAttachmentId" });
    const list = (await call<AttachmentDetailsLike[]>((cb) => item.getAttachmentsAsync(cb))).value;
    expect(list[0]!.id).toBe("0-final");
    expect((await get("0-final")).value).toEqual({ format: "base64", content: "aGk=" });
  });

  it("serves an attached item as different EML on each read in classic Outlook (office-js #6856)", async () => {
    const fake = createFakeOffice(message);
    const item = fake.Office.context.mailbox.item!;
    const a = await call<AttachmentContentLike>((cb) => item.getAttachmentContentAsync("1", cb));
    const b = await call<AttachmentContentLike>((cb) => item.getAttachmentContentAsync("1", cb));
    expect(a.value.content).not.toBe(b.value.content);
    expect(a.value.content.endsWith("Subject: æ")).toBe(true);
  });

  it("returns only resolved recipients, and setAsync drops what was typed but not resolved", async () => {
    const fake = createFakeOffice(message, { unresolved: ["skrevet@anders.dk"] });
    const to = fake.Office.context.mailbox.item!.to!;
    expect((await call<EmailAddressDetailsLike[]>((cb) => to.getAsync(cb))).value.map((r) => r.emailAddress)).toEqual(["a@randers.dk"]);
    expect(fake.draft.unresolved).toHaveLength(1);
    await call<void>((cb) => to.setAsync(["a@randers.dk"], cb));
    expect(fake.draft.unresolved).toHaveLength(0);
  });

  it("takes at most 100 recipients per setAsync/addAsync call (NumberOfRecipientsExceeded); Mac new UI has no limit", async () => {
    const many = Array.from({ length: 101 }, (_, i) => `p${i}@randers.dk`);
    const fake = createFakeOffice(message);
    const to = fake.Office.context.mailbox.item!.to!;
    expect((await call<void>((cb) => to.setAsync(many, cb))).error).toMatchObject({ name: "NumberOfRecipientsExceeded" });
    expect((await call<void>((cb) => to.addAsync!(many, cb))).status).toBe("failed");
    expect((await call<void>((cb) => to.setAsync(many.slice(0, 100), cb))).status).toBe("succeeded");
    expect((await call<void>((cb) => to.addAsync!(many.slice(100), cb))).status).toBe("succeeded");
    expect(fake.draft.to).toHaveLength(101);
    const mac = createFakeOffice(message, { profile: "mac" });
    expect((await call<void>((cb) => mac.Office.context.mailbox.item!.to!.setAsync(many, cb))).status).toBe("succeeded");
  });

  it("refuses a body over 1,000,000 characters (DataExceedsMaximumSize)", async () => {
    const fake = createFakeOffice(message);
    const body = fake.Office.context.mailbox.item!.body;
    const result = await call<void>((cb) => body.setAsync("x".repeat(BODY_MAX_CHARS + 1), { coercionType: "text" }, cb));
    expect(result.error).toMatchObject({ name: "DataExceedsMaximumSize" });
  });

  it("fails with a documented code, also after a delay (a read that ends after the deadline)", async () => {
    const fake = createFakeOffice(message, { faults: { "body.getAsync": { code: 5001, afterMs: 60 } } });
    const started = Date.now();
    const result = await call<string>((cb) => fake.Office.context.mailbox.item!.body.getAsync("html", cb));
    expect(result.error).toMatchObject({ code: 5001 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("can lack Office.context.requirements, or have an isSetSupported that throws (office-js #5091, #2286)", () => {
    expect(createFakeOffice(message, { requirements: "missing" }).Office.context.requirements).toBeUndefined();
    expect(() => createFakeOffice(message, { requirements: "throws" }).Office.context.requirements!.isSetSupported("Mailbox", "1.12")).toThrow();
  });

  it("has a profile per client: requirement set, platform, runtime storage, localStorage", () => {
    const seen = PROFILE_NAMES.map((profile) => {
      const fake = createFakeOffice(message, { profile });
      return [profile, fake.profile.maxMailboxSet, fake.Office.context.platform, fake.OfficeRuntime !== undefined, fake.localStorage !== undefined];
    });
    expect(seen).toEqual([
      ["classic-2206", "1.13", "PC", true, false],
      ["classic-2403", "1.15", "PC", true, false],
      ["new-outlook", "1.15", "OfficeOnline", false, false],
      ["web", "1.15", "OfficeOnline", false, false],
      ["mac", "1.14", "Mac", false, true],
      ["ltsc-2024", "1.14", "PC", true, false],
    ]);
  });

  it("on Mac, a sessionData write reaches another runtime only after a delay (office-js #5951)", async () => {
    const fake = createFakeOffice(message, { profile: "mac", maxMailboxSet: "1.14" });
    const data = fake.Office.context.mailbox.item!.sessionData!;
    await call<void>((cb) => data.setAsync("k", "v", cb));
    expect((await call<string>((cb) => data.getAsync("k", cb))).status).toBe("failed");
  });

  it("shared and delegate mailboxes: getSharedPropertiesAsync gives the owner; without Read permission reads fail with 9020", async () => {
    const own = createFakeOffice(message);
    expect((await call<SharedPropertiesLike>((cb) => own.Office.context.mailbox.item!.getSharedPropertiesAsync!(cb))).status).toBe("failed");
    const shared = createFakeOffice(message, { mailbox: { kind: "shared", owner: "borgerservice@randers.dk", permissions: 3 } });
    const props = await call<SharedPropertiesLike>((cb) => shared.Office.context.mailbox.item!.getSharedPropertiesAsync!(cb));
    expect(props.value).toMatchObject({ owner: "borgerservice@randers.dk", delegatePermissions: 3 });
    const noRead = createFakeOffice(message, { mailbox: { kind: "delegate", owner: "chef@randers.dk", permissions: 2 } });
    expect((await call<string>((cb) => noRead.Office.context.mailbox.item!.body.getAsync("html", cb))).error).toMatchObject({ code: 9020 });
  });

  it("composes a meeting invite: attendees and location instead of to/cc/bcc", async () => {
    const fake = createFakeOffice(message, { appointment: { location: "Mødelokale 2" } });
    const item = fake.Office.context.mailbox.item!;
    expect(item.itemType).toBe("appointment");
    expect(item.to).toBeUndefined();
    expect((await call<EmailAddressDetailsLike[]>((cb) => item.requiredAttendees!.getAsync(cb))).value.map((r) => r.emailAddress)).toEqual(["a@randers.dk"]);
    expect((await call<string>((cb) => item.location!.getAsync(cb))).value).toBe("Mødelokale 2");
  });

  it("raises InitializationContextChanged in an open pane that listens (Mailbox 1.15)", async () => {
    const fake = createFakeOffice(message);
    const seen: string[] = [];
    fake.Office.context.mailbox.item!.addHandlerAsync!("olkInitializationContextChanged", (args) => seen.push(args.initializationContextData ?? ""));
    fake.changeInitializationContext("ny");
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(["ny"]);
  });
});
