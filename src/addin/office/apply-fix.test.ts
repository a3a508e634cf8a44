import type { Message } from "../../core";
import { createFakeOffice, type FakeOfficeOptions } from "../../simulator/fake-office";
import { connectTaskpane, createComposeEditor } from "./apply-fix";
import type { OfficeLike } from "./office-types";

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
    expect(fake.draft.bodyHtml).toBe("<p>Hej <b>Borger</b></p>");
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
