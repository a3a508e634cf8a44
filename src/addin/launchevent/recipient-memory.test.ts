/** @jest-environment node */
/**
 * The recipient memory on the real send handler (fake Office, roaming settings): the extra line for
 * a CPR mail to a domain never written to, the policy's warn / show / off, remembering only mail that
 * goes, and never making a look-alike acceptable.
 */
import { onMessageSend } from "./on-message-send";
import { emptyMemory, MEMORY_SETTING, parseMemory, rememberDomains, type Message } from "../../core/index";
import { draft, harness } from "../../../test/helpers/send-harness";

const HIGH_CPR = "CPR-nr.: 150375-6125"; // synthetic (docs/design/cpr-number.md §7)
const MEDIUM_CPR = "15.06.50-3720"; // synthetic, dotted → medium
const NEW_LINE = "Du har ikke skrevet til example.com før";

function policy(extra: Record<string, unknown> = {}) {
  return { kind: "json" as const, body: { ownDomains: ["randers.dk"], trustedDomains: [], ...extra } };
}

async function sendWith(h: ReturnType<typeof harness>) {
  const event = h.fake.createEvent();
  const outcome = await onMessageSend(event, h.sendDeps());
  return { outcome, completion: event.completions[0] };
}

const to = (address: string): Partial<Message> => ({ recipients: [{ address, field: "to" }] });

describe("recipient memory at send", () => {
  it("adds one line to the alert for a CPR mail to a domain never written to (show, the default)", async () => {
    const h = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy() });
    const { outcome, completion } = await sendWith(h);
    expect(outcome.path).toBe("block");
    expect(completion?.errorMessage).toContain(NEW_LINE);
    expect(completion?.errorMessageMarkdown).toContain(NEW_LINE);
    expect(completion?.errorMessage!.length).toBeLessThanOrEqual(500);
  });

  it("remembers the domain once a mail to it goes, as a hash, and then says nothing", async () => {
    const h = harness(draft(), { policy: policy() });
    expect((await sendWith(h)).outcome.path).toBe("allow");
    const saved = JSON.stringify(h.fake.roaming.get(MEMORY_SETTING));
    expect(saved).toBeDefined();
    expect(saved).not.toContain("example");
    h.fake.draft.bodyHtml = `<p>${HIGH_CPR}</p>`;
    const { outcome, completion } = await sendWith(h);
    expect(outcome.path).toBe("block");
    expect(completion?.errorMessage).not.toContain("skrevet til");
  });

  it("does not remember a mail it stops", async () => {
    const h = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy() });
    await sendWith(h);
    expect(h.fake.roaming.has(MEMORY_SETTING)).toBe(false);
  });

  it("warn: a CPR finding the policy allows becomes a warning to a new domain, not to a known one", async () => {
    const p = policy({ newExternalDomain: "warn", cpr: { medium: "allow" } });
    const fresh = await sendWith(harness(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: p }));
    expect(fresh.outcome.path).toBe("warn");
    expect(fresh.completion?.errorMessage).toContain(NEW_LINE);
    const known = { [MEMORY_SETTING]: rememberDomains(emptyMemory("s1"), ["example.com"], 20000) };
    const again = await sendWith(harness(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: p, fake: { roamingSettings: known } }));
    expect(again.outcome.path).toBe("allow");
  });

  it("show: the same mail goes through (only a line where an alert is shown anyway)", async () => {
    const { outcome } = await sendWith(harness(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: policy({ cpr: { medium: "allow" } }) }));
    expect(outcome.path).toBe("allow");
  });

  it("off: no line, nothing remembered (the admin's switch)", async () => {
    const blocked = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy({ newExternalDomain: "off" }) });
    const { completion } = await sendWith(blocked);
    expect(completion?.errorMessage).not.toContain("skrevet til");
    const allowed = harness(draft(), { policy: policy({ newExternalDomain: "off" }) });
    expect((await sendWith(allowed)).outcome.path).toBe("allow");
    expect(allowed.fake.roaming.has(MEMORY_SETTING)).toBe(false);
  });

  it("never makes a look-alike acceptable: written to anders.dk ten times, still stopped", async () => {
    let memory = emptyMemory("s2");
    for (let i = 0; i < 10; i++) memory = rememberDomains(memory, ["anders.dk"], 20000 + i);
    for (const mode of ["show", "warn"]) {
      const h = harness(draft({ ...to("sagsbehandler@anders.dk"), bodyHtml: `<p>${HIGH_CPR}</p>` }), {
        policy: policy({ newExternalDomain: mode }),
        fake: { roamingSettings: { [MEMORY_SETTING]: memory } },
      });
      const { outcome, completion } = await sendWith(h);
      expect(outcome.path).toBe("block");
      expect(completion?.errorMessage).toContain("anders.dk ligner randers.dk");
      const clean = harness(draft(to("sagsbehandler@anders.dk")), { policy: policy({ newExternalDomain: mode }), fake: { roamingSettings: { [MEMORY_SETTING]: memory } } });
      expect((await sendWith(clean)).outcome.path).toBe("block");
    }
  });

  it("never remembers a look-alike, even when its warning is overridden", async () => {
    const h = harness(draft(to("sagsbehandler@anders.dk")), { policy: policy({ lookalike: { own: "warn" } }), fake: { maxMailboxSet: "1.12" } });
    expect((await sendWith(h)).outcome.path).toBe("warn");
    expect((await sendWith(h)).outcome.path).toBe("warn-repeat-allowed");
    const saved = parseMemory(h.fake.roaming.get(MEMORY_SETTING) ?? null);
    expect(saved?.entries ?? []).toEqual([]);
  });

  it("works without roaming settings, and when saving fails", async () => {
    const h = harness(draft(), { policy: policy(), fake: { faults: { "roamingSettings.saveAsync": "fail" } } });
    const { outcome } = await sendWith(h);
    expect(outcome.path).toBe("allow");
    expect(h.logs).toContain("send: could not save the recipient memory");
  });
});
