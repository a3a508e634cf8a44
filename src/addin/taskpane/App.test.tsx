/**
 * The whole pane against the real core and the fake Office mailbox: what it shows, what a screen
 * reader hears, what each one-click fix does to the draft, and that no full CPR number is ever in
 * the DOM. Synthetic numbers only: 150650-3720 and 241210-2145 (docs/design/cpr-number.md §7).
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import { strToU8, zipSync } from "fflate";
import userEvent from "@testing-library/user-event";
import { DEFAULT_POLICY, type AttachmentInput, type Message, type Policy } from "../../core";
import { createFakeOffice, type FakeOffice, type FakeOfficeOptions } from "../../simulator/fake-office";
import { connectTaskpane } from "../office/apply-fix";
import { CONFIRMED_KEY, confirmationStore } from "../office/roaming-confirmations";
import { memoryStore } from "../office/runtime-storage";
import { contextDataFor } from "../office/shared-state";
import { App } from "./App";
import type { PaneServices, SendCheck } from "./pane-services";
import { cprFinding } from "./test-data";

const RANDERS: Policy = { ...DEFAULT_POLICY, ownDomains: ["randers.dk"] };
const TAGGED: Policy = { ...RANDERS, secureRoute: { kind: "subject-tag", tag: "[sikker]" } };
const FULL_CPR = /\d{6}\s*[-\u2010-\u2015.]?\s*\d{4}/;

function draft(partial: Partial<Message>): Message {
  return { subject: "Sag om boligstøtte", bodyHtml: "<p>Hej</p>", recipients: [{ address: "borger@example.dk", field: "to" }], attachments: [], from: "sagsbehandler@randers.dk", ...partial };
}

type SetupOptions = FakeOfficeOptions & {
  sendCheck?: SendCheck;
  pdfReader?: PaneServices["pdfReader"];
  extra?: Partial<PaneServices>;
  confirmations?: boolean;
};

async function setup(message: Message, policy: Policy = RANDERS, options: SetupOptions = {}) {
  const fake: FakeOffice = createFakeOffice(message, options);
  const connection = await connectTaskpane(fake.Office);
  if (!connection) throw new Error("no connection");
  const lang = options.displayLanguage?.startsWith("en") ? "en" : "da";
  const services: PaneServices = {
    lang,
    now: () => new Date("2026-06-01T12:00:00Z"),
    loadPolicy: () => Promise.resolve(policy),
    readMessage: async (p) => (await connection.mailbox.readMessage({ maxAttachmentBytes: p.limits.maxAttachmentBytes })).message,
    sendCheck: () => Promise.resolve(options.sendCheck),
    editor: connection.editor,
    ...(options.pdfReader ? { pdfReader: options.pdfReader } : {}),
    ...(options.confirmations ? { confirmations: confirmationStore(fake.Office, memoryStore()) } : {}),
    ...options.extra,
  };
  render(<App services={services} />);
  return { fake };
}

const verdict = (name: string | RegExp) => screen.findByRole("group", { name });
const announcer = () => screen.getByRole("status");

function expectNoFullCpr() {
  expect(document.body.innerHTML).not.toMatch(FULL_CPR);
  expect(document.body.textContent).not.toMatch(FULL_CPR);
}

describe("App: the verdict, by kind of draft", () => {
  it.each([
    ["a clean draft", draft({}), "Intet at rette", "success"],
    ["a CPR number in the body", draft({ bodyHtml: "<p>CPR: <b>150650</b>-3720</p>" }), "Mailen kan ikke sendes endnu", "error"],
    ["a look-alike recipient", draft({ recipients: [{ address: "sagsbehandler@anders.dk", field: "to" }] }), "Mailen kan ikke sendes endnu", "error"],
    ["a dotted number (medium: warn)", draft({ bodyHtml: "<p>Født 15.06.50-3720</p>" }), "Tjek mailen, før du sender", "warning"],
    ["an attachment that cannot be read", draft({ attachments: [{ kind: "unavailable", name: "Link.docx", reason: "cloud" }] }), "Ikke alt kunne tjekkes", "info"],
  ])("%s", async (_name, message, title, intent) => {
    await setup(message);
    const bar = await verdict(title);
    expect(bar).toHaveAttribute("data-intent", intent);
    expectNoFullCpr();
  });
});

describe("App: one-click fixes, each followed by a re-scan", () => {
  it("masks a CPR number in the body, keeps the bold, and announces it", async () => {
    const { fake } = await setup(draft({ bodyHtml: "<p>Borgerens CPR: <b>150650</b>-3720 – hilsen</p>" }));
    await verdict("Mailen kan ikke sendes endnu");
    expectNoFullCpr();
    await userEvent.click(screen.getByRole("button", { name: "Skjul cifrene i 150650-**** i brødteksten" }));
    await verdict("Intet at rette");
    // The strict fake holds classic Outlook's Word HTML: the paragraph sits inside it, masked.
    expect(fake.draft.bodyHtml).toContain("Borgerens CPR: <b>150650</b>-**** – hilsen<o:p></o:p></p>");
    expect(announcer()).toHaveTextContent("Cifrene er skjult: 150650-**** i brødteksten. Tjekket igen: alt er i orden. Tryk Send igen.");
    expectNoFullCpr();
  });

  it("masks a CPR number in the subject", async () => {
    const { fake } = await setup(draft({ subject: "Sag 241210-2145" }));
    await userEvent.click(await screen.findByRole("button", { name: "Skjul cifrene i 241210-**** i emnefeltet" }));
    await verdict("Intet at rette");
    expect(fake.draft.subject).toBe("Sag 241210-****");
  });

  it("corrects a look-alike recipient to the suggested domain and keeps the others", async () => {
    const { fake } = await setup(
      draft({
        recipients: [
          { address: "borger@example.dk", field: "to" },
          { address: "sagsbehandler@anders.dk", field: "to" },
          { address: "leder@randers.dk", field: "cc" },
        ],
      }),
    );
    await verdict("Mailen kan ikke sendes endnu");
    expect(screen.getByText(/Mente du randers\.dk\?/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Ret til sagsbehandler@randers.dk" }));
    await verdict("Intet at rette");
    expect(fake.draft.to.map((r) => r.emailAddress)).toEqual(["borger@example.dk", "sagsbehandler@randers.dk"]);
    expect(fake.draft.cc.map((r) => r.emailAddress)).toEqual(["leder@randers.dk"]);
    expect(announcer()).toHaveTextContent("sagsbehandler@anders.dk er rettet til sagsbehandler@randers.dk.");
  });

  it("removes a look-alike recipient", async () => {
    const { fake } = await setup(draft({ recipients: [{ address: "a@rander.dk", field: "cc" }, { address: "b@example.dk", field: "cc" }] }));
    await userEvent.click(await screen.findByRole("button", { name: "Fjern a@rander.dk fra Cc" }));
    await verdict("Intet at rette");
    expect(fake.draft.cc.map((r) => r.emailAddress)).toEqual(["b@example.dk"]);
  });

  it("applies the subject-tag route for a CPR number in an attachment, once", async () => {
    const file: AttachmentInput = { kind: "file", name: "150650-3720 notat.txt", bytes: new TextEncoder().encode("Notat om borgeren"), contentType: "text/plain" };
    const { fake } = await setup(draft({ attachments: [file] }), TAGGED);
    await verdict("Mailen kan ikke sendes endnu");
    expect(screen.getByRole("list", { name: "I filen 150650-**** notat.txt" })).toBeInTheDocument();
    expect(screen.getByText("Postvagt kan ikke rette i filen. Fjern den, eller send mailen sikkert.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Send sikkert (emnet får [sikker])" }));
    await verdict("Intet at rette");
    expect(fake.draft.subject).toBe("[sikker] Sag om boligstøtte");
    expect(screen.getByText("Emnet begynder med [sikker]. Mailen sendes krypteret.")).toBeInTheDocument();
    expect(announcer()).toHaveTextContent("Emnet begynder nu med [sikker].");
    expectNoFullCpr();
  });

  it("says so when a fix fails, and keeps the finding", async () => {
    const { fake } = await setup(draft({ bodyHtml: "<p>150650-3720</p>" }), RANDERS, { faults: { "body.setAsync": "fail" } });
    await userEvent.click(await screen.findByRole("button", { name: "Skjul cifrene i 150650-**** i brødteksten" }));
    await waitFor(() => expect(announcer()).toHaveTextContent("Det lykkedes ikke. Prøv igen, eller ret det selv i mailen."));
    expect(screen.getByRole("group", { name: "Mailen kan ikke sendes endnu" })).toBeInTheDocument();
    expect(fake.draft.bodyHtml).toContain("<p class=MsoNormal>150650-3720<o:p></o:p></p>");
  });

  it("moves focus to the verdict when the pressed button disappears", async () => {
    await setup(draft({ bodyHtml: "<p>150650-3720</p>" }));
    await userEvent.click(await screen.findByRole("button", { name: "Skjul cifrene i 150650-**** i brødteksten" }));
    const bar = await verdict("Intet at rette");
    await waitFor(() => expect(bar).toHaveFocus());
  });
});

describe("App: where the findings come from", () => {
  it("shows the send check's result at once, then the fresh scan", async () => {
    const check: SendCheck = { verdict: "block", reasons: [{ finding: cprFinding("150650-****", { part: "body" }), action: "block" }] };
    // The draft was fixed by hand after the send: the fresh scan finds nothing.
    await setup(draft({}), RANDERS, { sendCheck: check });
    await verdict("Intet at rette");
    expect(screen.queryByText("Fundet ved afsendelsen. Tjekker mailen igen …")).toBeNull();
  });

  it("reads the Smart Alerts button's contextData in index.tsx's format", async () => {
    const context = contextDataFor({ at: 0, verdict: "block", reasons: [{ finding: cprFinding("150650-****", { part: "body" }), action: "block" }], total: 1 });
    const { fake } = await setup(draft({}), RANDERS, { initializationContext: context });
    await verdict("Intet at rette");
    const connection = await connectTaskpane(fake.Office);
    await expect(connection?.initializationContext()).resolves.toBe(context);
  });

  it("speaks English when Outlook does", async () => {
    await setup(draft({ recipients: [{ address: "sagsbehandler@anders.dk", field: "to" }] }), RANDERS, { displayLanguage: "en-US" });
    await verdict("The message cannot be sent yet");
    expect(screen.getByRole("button", { name: "Change to sagsbehandler@randers.dk" })).toBeInTheDocument();
  });

  it("reads PDFs with the host's PDF reader (pdf.js in a browser) when there is one", async () => {
    const pdf: AttachmentInput = { kind: "file", name: "Afgørelse.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n"), contentType: "application/pdf" };
    const read = jest.fn(() => Promise.resolve({ status: "ok" as const, pageCount: 2, pages: [{ page: 2, lines: ["CPR-nr. 150650-3720"] }] }));
    const pdfReader = jest.fn(() => Promise.resolve({ name: "fake pdf.js", read }));
    await setup(draft({ attachments: [pdf] }), RANDERS, { pdfReader });
    const list = await screen.findByRole("list", { name: "I filen Afgørelse.pdf" });
    expect(within(list).getByText("150650-****")).toBeInTheDocument();
    expect(within(list).getByText(/side 2/)).toBeInTheDocument();
    expect(read).toHaveBeenCalledTimes(1);
    expectNoFullCpr();
  });

  it("does not load a PDF reader for a draft without attachments", async () => {
    const pdfReader = jest.fn(() => Promise.resolve(undefined));
    await setup(draft({}), RANDERS, { pdfReader });
    await verdict("Intet at rette");
    expect(pdfReader).not.toHaveBeenCalled();
  });

  it("shows an error with a retry when the draft cannot be read", async () => {
    await setup(draft({}), RANDERS, { faults: { "subject.getAsync": "fail" } });
    expect(await screen.findByRole("group", { name: "Mailen kunne ikke tjekkes" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Prøv igen" })).toBeInTheDocument();
  });
});

describe("App: never a full CPR number in the DOM", () => {
  it.each([
    ["hyphen", "<p>150650-3720</p>"],
    ["compact with keyword", "<p>CPR-nr. 1506503720</p>"],
    ["split across elements", "<p><span>1506</span><span>50-3720</span></p>"],
    ["two numbers", "<p>241210-2145 og 150650-3720</p>"],
  ])("%s", async (_name, bodyHtml) => {
    await setup(draft({ subject: "Vedr. 241210-2145", bodyHtml }));
    await verdict("Mailen kan ikke sendes endnu");
    expectNoFullCpr();
    const region = screen.getByRole("region", { name: /CPR-numre/ });
    expect(within(region).getAllByText(/\d{6}-\*{4}/).length).toBeGreaterThan(0);
  });
});

describe("App: a way out for every finding", () => {
  const zip = (): AttachmentInput => ({
    kind: "file",
    name: "Bilag.zip",
    bytes: zipSync({ "a.txt": strToU8("CPR-nr. 150650-3720"), "b.txt": strToU8("CPR-nr. 241210-2145") }),
    contentType: "application/zip",
  });

  it("removes an attached file in one click, re-checks, and shows what it changed", async () => {
    const { fake } = await setup(draft({ attachments: [zip()] }), TAGGED);
    await verdict("Mailen kan ikke sendes endnu");
    // One group for the zip, its inner files under it, one hint and one remove button.
    expect(screen.getByText("2 filer i Bilag.zip")).toBeInTheDocument();
    expect(screen.getAllByText("Postvagt kan ikke rette i filen. Fjern den, eller send mailen sikkert.")).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: "Fjern Bilag.zip" }));
    await verdict("Intet at rette");
    expect(fake.draft.attachments).toEqual([]);
    const change = screen.getByTestId("pane-change");
    expect(change).toHaveTextContent("Rettet");
    expect(change).toHaveTextContent("Bilag.zip er fjernet fra mailen.");
    // A removed file cannot be put back from the pane: no undo offered.
    expect(within(change).queryByRole("button", { name: "Fortryd" })).toBeNull();
    expect(announcer()).toHaveTextContent("Bilag.zip er fjernet fra mailen. Tjekket igen: alt er i orden.");
  });

  it("undoes a recipient change, visibly", async () => {
    const { fake } = await setup(draft({ recipients: [{ address: "sagsbehandler@anders.dk", field: "to" }] }));
    await userEvent.click(await screen.findByRole("button", { name: "Ret til sagsbehandler@randers.dk" }));
    await verdict("Intet at rette");
    expect(screen.getByTestId("pane-change")).toHaveTextContent("sagsbehandler@anders.dk er rettet til sagsbehandler@randers.dk.");
    await userEvent.click(within(screen.getByTestId("pane-change")).getByRole("button", { name: "Fortryd" }));
    await verdict("Mailen kan ikke sendes endnu");
    expect(fake.draft.to.map((r) => r.emailAddress)).toEqual(["sagsbehandler@anders.dk"]);
    expect(screen.getByTestId("pane-change")).toHaveTextContent("Fortrudt. Mailen er som før.");
  });

  it("undoes the subject tag", async () => {
    const file: AttachmentInput = { kind: "file", name: "notat.txt", bytes: strToU8("CPR-nr. 150650-3720"), contentType: "text/plain" };
    const { fake } = await setup(draft({ attachments: [file] }), TAGGED);
    await userEvent.click(await screen.findByRole("button", { name: "Send sikkert (emnet får [sikker])" }));
    await verdict("Intet at rette");
    await userEvent.click(within(screen.getByTestId("pane-change")).getByRole("button", { name: "Fortryd" }));
    await verdict("Mailen kan ikke sendes endnu");
    expect(fake.draft.subject).toBe("Sag om boligstøtte");
  });

  it("after the route, says what it protects and what it cannot, and offers to hide the subject's number right there", async () => {
    const file: AttachmentInput = { kind: "file", name: "notat.txt", bytes: strToU8("CPR-nr. 150650-3720"), contentType: "text/plain" };
    const { fake } = await setup(draft({ subject: "[sikker] Sag 241210-2145", attachments: [file] }), TAGGED);
    await verdict("Mailen kan ikke sendes endnu");
    expect(screen.getByText("Mailen sendes krypteret ([sikker]). Brødteksten og de vedhæftede filer er beskyttet.")).toBeInTheDocument();
    const route = screen.getByRole("region", { name: "Send sikkert" });
    expect(within(route).getByText("Emnefeltet bliver ikke krypteret. Skjul CPR-nummeret i emnet, før du sender.")).toBeInTheDocument();
    expect(screen.getByText("Filen sendes krypteret, så nummeret er beskyttet.")).toBeInTheDocument();
    expect(screen.queryByText(/eller send mailen sikkert/)).toBeNull();
    await userEvent.click(within(route).getByRole("button", { name: "Skjul cifrene i 241210-**** i emnefeltet" }));
    await verdict("Intet at rette");
    expect(fake.draft.subject).toBe("[sikker] Sag 241210-****");
  });

  it("lets the user confirm a look-alike of a known domain, remembers it for them, and can forget it", async () => {
    const policy: Policy = { ...RANDERS, trustedDomains: ["aarhus.dk"], confirmLookalikes: true };
    const { fake } = await setup(draft({ recipients: [{ address: "sag@aarhuss.dk", field: "to" }] }), policy, { confirmations: true });
    await verdict("Tjek mailen, før du sender");
    await userEvent.click(screen.getByRole("button", { name: "Det er den rigtige modtager: sag@aarhuss.dk" }));
    await verdict("Intet at rette");
    expect(fake.roaming.get(CONFIRMED_KEY)).toEqual(["sag@aarhuss.dk"]);
    const confirmed = screen.getByRole("region", { name: "Modtagere, du har godkendt (1)" });
    expect(within(confirmed).getByText("sag@aarhuss.dk")).toBeInTheDocument();
    expect(screen.getByTestId("pane-change")).toHaveTextContent("sag@aarhuss.dk er godkendt som rigtig modtager.");
    await userEvent.click(within(confirmed).getByRole("button", { name: "Glem, at sag@aarhuss.dk er godkendt" }));
    await verdict("Tjek mailen, før du sender");
    expect(fake.roaming.get(CONFIRMED_KEY)).toEqual([]);
  });

  it("never offers the confirmation for a look-alike of the organisation's own domain, and shows the help contact", async () => {
    const policy: Policy = {
      ...RANDERS,
      confirmLookalikes: true,
      helpContact: { text: "Ring til IT-support på 8915 1234.", url: "https://intra.randers.dk/it" },
    };
    await setup(draft({ recipients: [{ address: "sagsbehandler@anders.dk", field: "to" }] }), policy, { confirmations: true });
    await verdict("Mailen kan ikke sendes endnu");
    expect(screen.queryByRole("button", { name: /Det er den rigtige modtager/ })).toBeNull();
    expect(screen.getByText("Adressen ligner jeres egen. Kun IT kan godkende den.")).toBeInTheDocument();
    const help = screen.getByRole("group", { name: "Spørg IT" });
    expect(help).toHaveTextContent("Ring til IT-support på 8915 1234.");
    expect(within(help).getByRole("link", { name: "intra.randers.dk/it" })).toHaveAttribute("href", "https://intra.randers.dk/it");
  });

  it("offers no confirmation when the policy does not allow it (the default)", async () => {
    const policy: Policy = { ...RANDERS, trustedDomains: ["aarhus.dk"] };
    await setup(draft({ recipients: [{ address: "sag@aarhuss.dk", field: "to" }] }), policy, { confirmations: true });
    await verdict("Tjek mailen, før du sender");
    expect(screen.queryByRole("button", { name: /Det er den rigtige modtager/ })).toBeNull();
  });
});

describe("App: which rules, and which theme", () => {
  it("names the policy, its version and where it came from", async () => {
    await setup(draft({}), { ...RANDERS, name: "Randers Kommune", version: "2026-12-01" }, { extra: { policySource: "remote" } });
    await verdict("Intet at rette");
    expect(screen.getByRole("contentinfo")).toHaveTextContent("Regler: Randers Kommune, version 2026-12-01 – hentet fra din organisation");
    expect(screen.queryByText("Din organisations regler kunne ikke hentes")).toBeNull();
  });

  it("says in plain words when the organisation's rules could not be loaded", async () => {
    await setup(draft({}), RANDERS, { extra: { policySource: "default" } });
    await verdict("Intet at rette");
    expect(screen.getByRole("group", { name: "Din organisations regler kunne ikke hentes" })).toBeInTheDocument();
    expect(screen.getByRole("contentinfo")).toHaveTextContent("Regler: Postvagts standardregler");
  });

  it.each([
    [{ bodyBackgroundColor: "#262626" }, "dark"],
    [{ bodyBackgroundColor: "#ffffff" }, "light"],
    [undefined, "light"],
  ] as const)("follows Outlook's theme %j → %s", async (officeTheme, theme) => {
    await setup(draft({}), RANDERS, { extra: officeTheme ? { officeTheme } : {} });
    await verdict("Intet at rette");
    expect(document.querySelector("[data-theme]")).toHaveAttribute("data-theme", theme);
  });
});
