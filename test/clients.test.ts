/**
 * The main send scenarios on every client profile of the strict fake (classic 2206-2402, classic
 * 2403+, new Outlook, web, Mac new UI, LTSC 2024): the real handler, the real adapter, the bodies,
 * attachments and timing each client really hands over. Every run also checks the protocol: exactly
 * one event.completed, no violation recorded by the fake. Facts: docs/design/outlook-fake-fidelity.md.
 */
import { onAppointmentSend } from "../src/addin/launchevent/on-appointment-send";
import { onMessageSend, type SendOutcome } from "../src/addin/launchevent/on-message-send";
import { APPOINTMENT_TASKPANE_COMMAND_ID, TASKPANE_COMMAND_ID } from "../src/addin/office/manifest-ids";
import type { Message } from "../src/core/index";
import { PROFILE_NAMES, type ClientProfileName } from "../src/simulator/fake-profiles";
import type { FakeOfficeOptions } from "../src/simulator/fake-office";
import { draft, harness, utf8, type PolicyResponse } from "./helpers/send-harness";
import { makeDocx } from "./e2e/attachments";

const OWN: PolicyResponse = { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [] } };
// Synthetic numbers (no living person): born 1875; and a dotted date failing modulus 11 (medium).
const HIGH_CPR = "CPR-nr.: 150375-6125";
const MEDIUM_CPR = "15.06.50-3720";
const LOGO = { name: "image001.png", bytes: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]) };

async function sendOn(profile: ClientProfileName, message: Message, fake: FakeOfficeOptions = {}, policy = OWN) {
  const h = harness(message, { policy, fake: { profile, inlineImages: [LOGO], ...fake } });
  const event = h.fake.createEvent();
  const outcome: SendOutcome = await onMessageSend(event, h.sendDeps());
  await new Promise((r) => setTimeout(r, 30));
  expect(event.completions).toHaveLength(1);
  expect(h.fake.violations).toEqual([]);
  return { h, outcome, completion: event.completions[0]! };
}

const buttonFrom114 = (profile: ClientProfileName) => profile !== "classic-2206";

describe.each(PROFILE_NAMES)("on %s", (profile) => {
  it("lets a clean mail with a signature logo go, without a word about the logo", async () => {
    const { outcome } = await sendOn(profile, draft({ bodyHtml: "<p>Hej,</p><p>Venlig hilsen</p>" }));
    expect(outcome.path).toBe("allow");
  });

  it("blocks a CPR number in the client's own body HTML, masked, with the task pane button where the client has it", async () => {
    const { outcome, completion } = await sendOn(profile, draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }));
    expect(outcome.path).toBe("block");
    expect(completion.errorMessage).toContain("150375-****");
    expect(completion.commandId === TASKPANE_COMMAND_ID).toBe(buttonFrom114(profile));
  });

  it("blocks a look-alike of the own domain", async () => {
    const message = draft({ recipients: [{ address: "sagsbehandler@anders.dk", field: "to" }] });
    const { outcome, completion } = await sendOn(profile, message);
    expect(outcome.path).toBe("block");
    expect(completion.errorMessage).toContain("anders.dk");
  });

  it("blocks a CPR number in a Word attachment that arrives without a contentType", async () => {
    const docx = makeDocx([HIGH_CPR]);
    const { outcome } = await sendOn(profile, draft({ attachments: [{ kind: "file", name: "Ansøgning.docx", bytes: docx }] }));
    expect(outcome.path).toBe("block");
  });

  it("checks an attachment whose first read fails with 5001 and whose second comes back empty", async () => {
    const attachments = [{ kind: "file" as const, name: "notat.txt", bytes: utf8(HIGH_CPR) }];
    const { outcome } = await sendOn(profile, draft({ attachments }), { attachmentSteps: { "notat.txt": [{ code: 5001 }, "empty"] } });
    expect(outcome.path).toBe("block");
  });

  it("warns about an attached mail with a medium CPR number, and a second Send of the same mail goes (or Send Anyway)", async () => {
    const eml = utf8(`Subject: Sag\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nFødt ${MEDIUM_CPR}\r\n`);
    const message = draft({ attachments: [{ kind: "file", name: "Sag.eml", bytes: eml, contentType: "message/rfc822" }] });
    const h = harness(message, { policy: OWN, fake: { profile } });
    const first = h.fake.createEvent();
    expect((await onMessageSend(first, h.sendDeps())).path).toBe("warn");
    const second = h.fake.createEvent();
    const again = await onMessageSend(second, h.sendDeps());
    if (buttonFrom114(profile)) {
      // 1.14+: the dialog offers Send Anyway; a second Send shows the warning again.
      expect(first.completions[0]?.sendModeOverride).toBe("promptUser");
      expect(again.path).toBe("warn");
    } else {
      // Classic 2206-2402: the attached mail's bytes differ on each read, the warning must still match.
      expect(again.path).toBe("warn-repeat-allowed");
    }
    expect(h.fake.violations).toEqual([]);
  });
});

describe("shared and delegate mailboxes", () => {
  const LEARN: PolicyResponse = { kind: "json", body: { ownDomains: [], trustedDomains: [] } };
  const lookalike = draft({ recipients: [{ address: "sagsbehandler@anders.dk", field: "to" }], from: "me@privat.example" });

  it.each(["shared", "delegate"] as const)("checks a draft in a %s mailbox and learns the own domain from its owner", async (kind) => {
    const { outcome, completion } = await sendOn("classic-2403", lookalike, {
      userEmail: "me@privat.example",
      mailbox: { kind, owner: "borgerservice@randers.dk", permissions: 3 },
    }, LEARN);
    expect(outcome.path).toBe("block");
    expect(completion.errorMessage).toContain("randers.dk");
  });

  it.each([
    ["block", false],
    ["allow", true],
  ] as const)("a delegate the item refuses to (9020) gets the policy's onError (%s), never a silent pass", async (onError, allowed) => {
    const policy: PolicyResponse = { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [], onError } };
    const { outcome, completion } = await sendOn("web", draft(), { mailbox: { kind: "delegate", owner: "chef@randers.dk", permissions: 2 } }, policy);
    expect(outcome.path).toBe("error");
    expect(completion.allowEvent).toBe(allowed);
  });

  it("an item Outlook reports as null (mailbox hidden from the address list) is an error under the policy, not a crash", async () => {
    const h = harness(draft(), { policy: { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [], onError: "block" } } });
    (h.fake.Office.context.mailbox as { item: unknown }).item = null;
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, h.sendDeps());
    expect(outcome.path).toBe("error");
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(false);
  });
});

describe("meeting invites (OnAppointmentSend)", () => {
  async function invite(profile: ClientProfileName, message: Message, location = "Mødelokale 2") {
    const h = harness(message, { policy: OWN, fake: { profile, appointment: { location } } });
    const event = h.fake.createEvent();
    const outcome = await onAppointmentSend(event, h.sendDeps());
    await new Promise((r) => setTimeout(r, 30));
    expect(event.completions).toHaveLength(1);
    expect(h.fake.violations).toEqual([]);
    return { outcome, completion: event.completions[0]! };
  }

  it.each(PROFILE_NAMES)("%s: a CPR number in the location blocks the invite, and says where", async (profile) => {
    const { outcome, completion } = await invite(profile, draft(), `Hos borgeren, ${HIGH_CPR}`);
    expect(outcome.path).toBe("block");
    expect(completion.errorMessage).toContain("mødestedet");
    expect(completion.errorMessage).not.toContain("6125");
    // The organizer form's own pane button.
    if (buttonFrom114(profile)) expect(completion.commandId).toBe(APPOINTMENT_TASKPANE_COMMAND_ID);
  });

  it("a look-alike optional attendee blocks; a clean invite goes", async () => {
    const lookalike = draft({ recipients: [{ address: "kollega@randers.dk", field: "to" }, { address: "sagsbehandler@anders.dk", field: "cc" }] });
    expect((await invite("web", lookalike)).outcome.path).toBe("block");
    expect((await invite("web", draft({ recipients: [{ address: "kollega@randers.dk", field: "to" }] }))).outcome.path).toBe("allow");
  });

  it("a CPR number in the body or in an attachment of the invite blocks", async () => {
    expect((await invite("classic-2403", draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }))).outcome.path).toBe("block");
    const attachments = [{ kind: "file" as const, name: "Dagsorden.docx", bytes: makeDocx([HIGH_CPR]) }];
    expect((await invite("mac", draft({ attachments }))).outcome.path).toBe("block");
  });
});

describe("timing: a read that fails after the deadline", () => {
  it.each([
    ["block", false],
    ["allow", true],
  ] as const)("completes once by the deadline with onTimeout %s, and the late failure changes nothing", async (onTimeout, allowed) => {
    const policy: PolicyResponse = { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [], onTimeout } };
    const h = harness(draft(), { policy, fake: { faults: { "body.getAsync": { code: 5001, afterMs: 4500 } } } });
    const event = h.fake.createEvent();
    const started = Date.now();
    const outcome = await onMessageSend(event, h.sendDeps());
    expect(Date.now() - started).toBeLessThan(4000);
    expect(outcome.path).toBe("timeout");
    expect(event.completions[0]?.allowEvent).toBe(allowed);
    await new Promise((r) => setTimeout(r, 1200));
    expect(event.completions).toHaveLength(1);
    expect(h.fake.violations).toEqual([]);
  }, 15_000);
});
