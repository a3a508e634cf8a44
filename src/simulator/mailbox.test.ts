import type { MailboxEventLike } from "../addin/office/office-types";
import { createSimulatorMailbox, parseRecipients } from "./mailbox";

function mailbox() {
  const changes: string[] = [];
  const box = createSimulatorMailbox({ displayLanguage: "da-DK", from: "sagsbehandler@randers.dk", onDraftChange: (api) => changes.push(api) });
  return { box, changes };
}

describe("parseRecipients", () => {
  it.each([
    ["a@b.dk", ["a@b.dk"]],
    ["a@b.dk; c@d.dk", ["a@b.dk", "c@d.dk"]],
    [" a@b.dk , c@d.dk ;", ["a@b.dk", "c@d.dk"]],
    ["", []],
  ])("%j", (text, addresses) => {
    expect(parseRecipients(text).map((r) => r.emailAddress)).toEqual(addresses);
  });
});

describe("createSimulatorMailbox", () => {
  it("holds what the compose window types, as Office returns it", async () => {
    const { box } = mailbox();
    box.setRecipients("to", "sagsbehandler@anders.dk; borger@example.dk");
    const to = await new Promise<Array<{ emailAddress: string }>>((done) => box.fake.Office.context.mailbox.item!.to!.getAsync((r) => done(r.value)));
    expect(to.map((r) => r.emailAddress)).toEqual(["sagsbehandler@anders.dk", "borger@example.dk"]);
    expect(box.recipientsText("to")).toBe("sagsbehandler@anders.dk; borger@example.dk");
  });

  it("serves an attached file's bytes as Base64, and can remove it", async () => {
    const { box } = mailbox();
    box.addAttachment("notat.txt", new TextEncoder().encode("Hej"), "text/plain");
    const item = box.fake.Office.context.mailbox.item!;
    const list = await new Promise<Array<{ id: string; name: string }>>((done) => item.getAttachmentsAsync((r) => done(r.value)));
    expect(list.map((a) => a.name)).toEqual(["notat.txt"]);
    const content = await new Promise<{ format: string; content: string }>((done) => item.getAttachmentContentAsync(list[0]!.id, (r) => done(r.value)));
    expect(content).toEqual({ format: "base64", content: "SGVq" });
    box.removeAttachment(list[0]!.id);
    expect(box.fake.draft.attachments).toEqual([]);
  });

  it("tells the page when the add-in changed the draft", async () => {
    const { box, changes } = mailbox();
    await new Promise((done) => box.fake.Office.context.mailbox.item!.subject.setAsync("[sikker] Sag", done));
    expect(changes).toEqual(["subject.setAsync"]);
    expect(box.fake.draft.subject).toBe("[sikker] Sag");
  });

  it("runs the handler the add-in associated, and hands the button's contextData to the pane", async () => {
    const { box } = mailbox();
    expect(box.handlerReady()).toBe(false);
    box.fake.Office.actions!.associate("onMessageSendHandler", (event: MailboxEventLike) =>
      event.completed({ allowEvent: false, errorMessage: "Stop", commandId: "postvagtOpenPane", contextData: "ctx" }),
    );
    expect(box.handlerReady()).toBe(true);
    await expect(box.send()).resolves.toMatchObject({ allowEvent: false, contextData: "ctx" });
    box.setInitializationContext("ctx");
    const context = await new Promise<string>((done) =>
      box.fake.Office.context.mailbox.item!.getInitializationContextAsync!((r) => done(r.value)),
    );
    expect(context).toBe("ctx");
  });

  it("composes a meeting invite on request: attendees, location, and Send runs the add-in's OnAppointmentSend", async () => {
    const box = createSimulatorMailbox({ displayLanguage: "da-DK", from: "a@randers.dk", onDraftChange: () => undefined, appointment: { location: "Lokale 2" } });
    box.setRecipients("to", "kollega@randers.dk");
    const item = box.fake.Office.context.mailbox.item!;
    expect(item.itemType).toBe("appointment");
    const attendees = await new Promise<Array<{ emailAddress: string }>>((done) => item.requiredAttendees!.getAsync((r) => done(r.value)));
    expect(attendees.map((r) => r.emailAddress)).toEqual(["kollega@randers.dk"]);
    box.fake.Office.actions!.associate("onAppointmentSendHandler", (event: MailboxEventLike) => event.completed({ allowEvent: true }));
    expect(box.handlerReady()).toBe(true);
    await expect(box.send()).resolves.toEqual({ allowEvent: true });
  });

  it("holds compose attachments as Outlook does: no contentType", () => {
    const { box } = mailbox();
    box.addAttachment("a.txt", new Uint8Array([104]), "text/plain");
    expect(box.fake.draft.attachments[0]!.details).not.toHaveProperty("contentType");
  });
});

describe("the body editor writes the body as the client does", () => {
  const typed = "Kære Hans. Dit CPR-nr. er <b>150650</b>-3720.";
  const make = (profile: "classic-2206" | "classic-2403" | "web" | "mac", kind?: "kind") =>
    createSimulatorMailbox({ displayLanguage: "da-DK", from: "sagsbehandler@randers.dk", onDraftChange: () => undefined, profile, ...(kind ? { kind } : {}) });
  const read = (box: ReturnType<typeof make>) =>
    new Promise<string>((done) => box.fake.Office.context.mailbox.item!.body.getAsync("html", (r) => done(r.value as string)));

  it.each(["classic-2206", "classic-2403"] as const)("%s: Word HTML (WordSection1, MsoNormal, <o:p>, conditional comments)", async (profile) => {
    const box = make(profile);
    box.setBodyFromEditor(typed, "Kære Hans. Dit CPR-nr. er 150650-3720.");
    const html = await read(box);
    expect(html).toContain('<div class=WordSection1><p class=MsoNormal>Kære Hans. Dit CPR-nr. er <b>150650</b>-3720.<o:p></o:p></p></div>');
    expect(html).toMatch(/<!--\[if gte mso 9\]>/);
    expect(html).toContain('xmlns:o="urn:schemas-microsoft-com:office:office"');
  });

  it("web: the elementToProof wrapper", async () => {
    const box = make("web");
    box.setBodyFromEditor(typed, "");
    expect(await read(box)).toMatch(/<body dir="ltr"><div class="elementToProof" style="[^"]*">Kære Hans/);
  });

  it.each(["classic-2403", "web", "mac"] as const)("%s: the editor gets back what was typed, so typing on does not dress it twice", (profile) => {
    const box = make(profile);
    box.setBodyFromEditor(`<p>${typed}</p>`, "");
    expect(box.editorBody()).toBe(`<p>${typed}</p>`);
    box.setBodyFromEditor(box.editorBody(), "");
    expect(box.editorBody()).toBe(`<p>${typed}</p>`);
  });

  it("the kind fake keeps the editor's HTML as it is (demos)", async () => {
    const box = make("classic-2403", "kind");
    box.setBodyFromEditor(typed, "");
    expect(await read(box)).toBe(typed);
  });
});
