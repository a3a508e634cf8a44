import type { Message } from "../../core";
import { createFakeOffice, type FakeOfficeOptions } from "../../simulator/fake-office";
import { maskCprInHtml } from "../taskpane/edits/mask-cpr";
import { removeRecipient, replaceRecipient } from "../taskpane/edits/recipients";
import { BODY_SET_MAX_CHARS, connectTaskpane, createComposeEditor, editWordHtml } from "./apply-fix";
import type { OfficeLike } from "./office-types";
import { LOCAL_SEND_KEY, mapStorage, writeLocalSend } from "./mac-storage";
import { connectMailbox } from "./mailbox-host";
import { contextDataFor } from "./shared-state";

const message: Message = {
  subject: "Sag om bolig",
  bodyHtml: "<p>Hej <b>borger</b></p>",
  recipients: [
    { address: "borger@example.dk", displayName: "Borger", field: "to" },
    { address: "sagsbehandler@anders.dk", field: "to" },
    { address: "leder@randers.dk", displayName: "Leder", field: "cc" },
  ],
  attachments: [],
  from: "sagsbehandler@randers.dk",
};

function setup(options: FakeOfficeOptions = {}) {
  const fake = createFakeOffice(message, options);
  return { fake, editor: createComposeEditor(fake.Office) };
}

describe("createComposeEditor", () => {
  it("edits the subject and writes it back", async () => {
    const { fake, editor } = setup();
    await expect(editor.editSubject((s) => `[sikker] ${s}`)).resolves.toEqual({ ok: true, changed: true });
    expect(fake.draft.subject).toBe("[sikker] Sag om bolig");
  });

  it("does not write when the edit changes nothing", async () => {
    const { fake, editor } = setup();
    await expect(editor.editSubject((s) => s)).resolves.toEqual({ ok: true, changed: false });
    expect(fake.calls).not.toContain("subject.setAsync");
  });

  it("edits the body as HTML and keeps it HTML", async () => {
    const { fake, editor } = setup();
    const result = await editor.editBody({ html: (h) => h.replace("borger", "Borger"), text: () => "unused" });
    expect(result).toEqual({ ok: true, changed: true });
    expect(fake.draft.bodyHtml).toContain("<p class=MsoNormal>Hej <b>Borger</b><o:p></o:p></p>");
    expect(fake.draft.bodyHtml).toContain("WordSection1");
    expect(fake.calls).toContain("body.setAsync(html)");
  });

  it("writes the whole recipient list back, the others unchanged", async () => {
    const { fake, editor } = setup();
    const result = await editor.editRecipients("to", (list) =>
      list.map((r) => (r.emailAddress === "sagsbehandler@anders.dk" ? { emailAddress: "sagsbehandler@randers.dk", displayName: "" } : r)),
    );
    expect(result).toEqual({ ok: true, changed: true });
    expect(fake.draft.to.map((r) => [r.emailAddress, r.displayName])).toEqual([
      ["borger@example.dk", "Borger"],
      ["sagsbehandler@randers.dk", "sagsbehandler@randers.dk"],
    ]);
    expect(fake.draft.cc.map((r) => r.emailAddress)).toEqual(["leder@randers.dk"]);
  });

  it.each([
    ["subject.getAsync", (e: ReturnType<typeof setup>["editor"]) => e.editSubject((s) => s + "!")],
    ["subject.setAsync", (e: ReturnType<typeof setup>["editor"]) => e.editSubject((s) => s + "!")],
    ["body.setAsync", (e: ReturnType<typeof setup>["editor"]) => e.editBody({ html: (h) => h + "!", text: (t) => t })],
    ["recipients.setAsync", (e: ReturnType<typeof setup>["editor"]) => e.editRecipients("to", () => [])],
  ] as const)("reports a failing %s as a value, never a throw", async (api, run) => {
    const { editor } = setup({ faults: { [api]: "fail" } });
    await expect(run(editor)).resolves.toMatchObject({ ok: false, code: "office-error" });
  });

  it("reports no item as such", async () => {
    const { fake } = setup();
    const office = { ...fake.Office, context: { ...fake.Office.context, mailbox: { item: null } } } as OfficeLike;
    await expect(createComposeEditor(office).editSubject((s) => s)).resolves.toEqual({ ok: false, code: "no-item" });
  });

  describe("sensitivity labels", () => {
    it("is not supported below Mailbox 1.13 (no sensitivityLabel on the item)", async () => {
      const { editor } = setup({ maxMailboxSet: "1.12" });
      await expect(editor.labelSupport()).resolves.toBe("not-supported");
      await expect(editor.setLabel("label-guid")).resolves.toEqual({ ok: false, code: "not-supported" });
    });

    function withCatalog(enabled: boolean) {
      const { fake } = setup();
      const office = {
        ...fake.Office,
        context: {
          ...fake.Office.context,
          sensitivityLabelsCatalog: {
            getIsEnabledAsync: (cb: (r: { status: unknown; value: boolean }) => void) => cb({ status: "succeeded", value: enabled }),
          },
        },
      } as OfficeLike;
      return { fake, editor: createComposeEditor(office) };
    }

    it("is not supported without the labels catalog (the simulator's case)", async () => {
      const { editor } = setup();
      await expect(editor.labelSupport()).resolves.toBe("not-supported");
    });

    it("says when the tenant has labels turned off", async () => {
      await expect(withCatalog(false).editor.labelSupport()).resolves.toBe("catalog-disabled");
    });

    it("sets the label where supported, once", async () => {
      const { fake, editor } = withCatalog(true);
      await expect(editor.setLabel("label-guid")).resolves.toEqual({ ok: true, changed: true });
      expect(fake.draft.sensitivityLabel).toBe("label-guid");
      await expect(editor.readLabel()).resolves.toBe("label-guid");
      await expect(editor.setLabel("label-guid")).resolves.toEqual({ ok: true, changed: false });
    });
  });
});

describe("connectTaskpane", () => {
  it("is undefined outside Outlook", async () => {
    await expect(connectTaskpane(undefined)).resolves.toBeUndefined();
  });

  it("connects to the item, with the display language and the button's contextData", async () => {
    const { fake } = setup({ displayLanguage: "en-GB", initializationContext: '{"postvagt":1}' });
    const connection = await connectTaskpane(fake.Office);
    expect(connection?.displayLanguage).toBe("en-GB");
    await expect(connection?.initializationContext()).resolves.toBe('{"postvagt":1}');
    const read = await connection?.mailbox.readMessage({ maxAttachmentBytes: 1000 });
    expect(read?.message.subject).toBe("Sag om bolig");
  });
});

describe("fixes on what real Outlook hands over (the strict fake)", () => {
  const NOW = new Date("2026-06-01T12:00:00Z");
  // Synthetic: born 1875, no living person holds it.
  const CPR = "150375-6125";
  const logo = { name: "image001.png", bytes: new Uint8Array([137, 80, 78, 71]) };

  it.each(["classic-2403", "web", "mac"] as const)("%s: masking a number keeps the client's markup and every inline image", async (profile) => {
    const fake = createFakeOffice({ ...message, bodyHtml: `<p>CPR-nr.: ${CPR}</p><p>Venlig hilsen</p>` }, { profile, inlineImages: [logo] });
    const before = fake.draft.bodyHtml;
    const editor = createComposeEditor(fake.Office);
    const result = await editor.editBody({ html: (h) => maskCprInHtml(h, "all", NOW).text, text: (t) => t });
    expect(result).toEqual({ ok: true, changed: true });
    const after = fake.draft.bodyHtml;
    expect(after).not.toContain(CPR);
    expect(after).toContain("150375-****");
    const cids = (html: string) => (html.match(/cid:[^"'\s>]+/g) ?? []).sort();
    expect(cids(after)).toEqual(cids(before));
    if (profile === "classic-2403") {
      for (const mark of ["WordSection1", "MsoNormal", "<o:p></o:p>", "<!--[if gte mso 9]>", "<!--[if gte vml 1]>", "<![if !vml]>", "<![endif]>", "xmlns:o="]) {
        expect(after).toContain(mark);
      }
    }
  });

  it("parks downlevel-revealed conditionals across the edit, and returns the input when nothing changed", () => {
    const html = "<html><body><![if !vml]><img src=\"cid:a\"><![endif]><p>x</p></body></html>";
    expect(editWordHtml(html, (h) => h)).toBe(html);
    const seen: string[] = [];
    const out = editWordHtml(html, (h) => (seen.push(h), h.replace("<p>x</p>", "<p>y</p>")));
    expect(seen[0]).not.toContain("<![if");
    expect(out).toBe("<html><body><![if !vml]><img src=\"cid:a\"><![endif]><p>y</p></body></html>");
  });

  it("refuses, before writing, a body over the 1,000,000-character limit", async () => {
    const fake = createFakeOffice(message);
    const editor = createComposeEditor(fake.Office);
    const result = await editor.editBody({ html: (h) => h + "x".repeat(BODY_SET_MAX_CHARS), text: (t) => t });
    expect(result).toEqual({ ok: false, code: "body-too-large" });
    expect(fake.calls.some((c) => c.startsWith("body.setAsync"))).toBe(false);
  });

  it("replaces one of 250 recipients: 100 per call, everything else kept in order with its name", async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ address: `borger${i}@example.dk`, displayName: `Borger ${i}`, field: "to" as const }));
    const fake = createFakeOffice({ ...message, recipients: [...many, { address: "sagsbehandler@anders.dk", field: "to" }] });
    const editor = createComposeEditor(fake.Office);
    const result = await editor.editRecipients("to", (list) => replaceRecipient(list, "sagsbehandler@anders.dk", "sagsbehandler@randers.dk"));
    expect(result).toEqual({ ok: true, changed: true });
    expect(fake.draft.to).toHaveLength(251);
    expect(fake.draft.to.slice(0, 250).map((r) => [r.emailAddress, r.displayName])).toEqual(many.map((r) => [r.address, r.displayName]));
    expect(fake.draft.to[250]!.emailAddress).toBe("sagsbehandler@randers.dk");
    expect(fake.calls.filter((c) => /^to\.(set|add)Async/.test(c))).toEqual(["to.setAsync(100)", "to.addAsync(100)", "to.addAsync(51)"]);
  });

  it("removes a recipient from a meeting invite's required attendees", async () => {
    const fake = createFakeOffice(message, { appointment: { location: "Lokale 1" } });
    const editor = createComposeEditor(fake.Office);
    await expect(editor.editRecipients("to", (list) => removeRecipient(list, "sagsbehandler@anders.dk"))).resolves.toEqual({ ok: true, changed: true });
    expect(fake.draft.to.map((r) => r.emailAddress)).toEqual(["borger@example.dk"]);
    expect(fake.calls).toContain("requiredAttendees.setAsync(1)");
    await expect(editor.editRecipients("bcc", (list) => list)).resolves.toEqual({ ok: false, code: "not-supported" });
  });

  it("label support is 'not-supported', not a crash, when isSetSupported throws", async () => {
    const fake = createFakeOffice(message, { requirements: "throws" });
    await expect(createComposeEditor(fake.Office).labelSupport()).resolves.toBe("not-supported");
  });
});

describe("the task pane finds the send result where the client can share it", () => {
  const result = (at: number) => ({ at, verdict: "block" as const, reasons: [], total: 0 });

  it("Mac: reads the send result from localStorage when sessionData has not caught up (office-js #5951)", async () => {
    const { fake } = setup({ profile: "mac" });
    const local = mapStorage(fake.localStorage!);
    const host = connectMailbox(fake.Office, local)!;
    await host.writeSharedState({ v: 1, attachments: {}, send: result(Date.now()) });
    // sessionData on Mac shows the write only later; localStorage has it at once.
    expect((await host.readSharedState()).send).toBeUndefined();
    const connection = (await connectTaskpane(fake.Office, local))!;
    await expect(connection.latestSendResult()).resolves.toMatchObject({ verdict: "block" });
    expect(fake.localStorage!.get(LOCAL_SEND_KEY)).toContain('"postvagt":1');
  });

  it("elsewhere: sessionData, and nothing is written to localStorage", async () => {
    const { fake } = setup({ profile: "classic-2403" });
    const map = new Map<string, string>();
    const host = connectMailbox(fake.Office, mapStorage(map))!;
    await host.writeSharedState({ v: 1, attachments: {}, send: result(Date.now()) });
    expect(map.size).toBe(0);
    const connection = (await connectTaskpane(fake.Office, mapStorage(map)))!;
    await expect(connection.latestSendResult()).resolves.toMatchObject({ verdict: "block" });
  });

  it("an open pane hears of a new send result through InitializationContextChanged (1.15)", async () => {
    const { fake } = setup({ profile: "classic-2403" });
    const connection = (await connectTaskpane(fake.Office))!;
    const seen: number[] = [];
    const stop = connection.onSendResult((r) => seen.push(r.at));
    await new Promise((r) => setTimeout(r, 20));
    fake.changeInitializationContext(contextDataFor(result(Date.now() + 1000)));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    stop();
  });

  it("without the event (Mac, 1.14) it re-reads while visible, and only while visible", async () => {
    const { fake } = setup({ profile: "mac" });
    const local = mapStorage(fake.localStorage!);
    const connection = (await connectTaskpane(fake.Office, local))!;
    let tick: () => void = () => undefined;
    let visible = false;
    const seen: number[] = [];
    const stop = connection.onSendResult((r) => seen.push(r.at), { setInterval: (fn) => (tick = fn), clearInterval: () => undefined, visible: () => visible });
    await new Promise((r) => setTimeout(r, 20));
    writeLocalSend(local, result(Date.now() + 5));
    tick();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    visible = true;
    tick();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    tick();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    stop();
  });
});

describe("removeAttachment", () => {
  it("removes the attachment with that exact name, and only it", async () => {
    const fake = createFakeOffice({
      subject: "",
      recipients: [],
      attachments: [
        { kind: "file", name: "Bilag.zip", bytes: new Uint8Array([1]) },
        { kind: "file", name: "Bilag.zip.txt", bytes: new Uint8Array([2]) },
      ],
    });
    const editor = createComposeEditor(fake.Office);
    await expect(editor.removeAttachment("Bilag.zip")).resolves.toEqual({ ok: true, changed: true });
    expect(fake.draft.attachments.map((a) => a.details.name)).toEqual(["Bilag.zip.txt"]);
    await expect(editor.removeAttachment("Bilag.zip")).resolves.toEqual({ ok: true, changed: false });
  });

  it("reports a failure as a value", async () => {
    const fake = createFakeOffice({ subject: "", recipients: [], attachments: [{ kind: "file", name: "a.txt", bytes: new Uint8Array([1]) }] });
    fake.setFault("removeAttachmentAsync", "fail");
    const result = await createComposeEditor(fake.Office).removeAttachment("a.txt");
    expect(result.ok).toBe(false);
  });
});
