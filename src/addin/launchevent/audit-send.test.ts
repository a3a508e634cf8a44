/** @jest-environment node */
/**
 * The audit marker on the real send handler with the fake Office: written on every path that lets a
 * mail go (allow, a second Send after a warning, "Send anyway", the secure route, a fail mode of
 * "allow"), on none that stops it, and never needed for the check itself.
 */
import { onMessageSend } from "./on-message-send";
import { AUDIT_HEADER_NAME, parseMarker, type Message } from "../../core/index";
import { draft, harness, type PolicyResponse } from "../../../test/helpers/send-harness";

const HIGH_CPR = "CPR-nr.: 150375-6125"; // synthetic (docs/design/cpr-number.md §7)
const MEDIUM_CPR = "15.06.50-3720"; // synthetic, dotted → medium
const OWN: PolicyResponse = { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [] } };
const TAGGED: PolicyResponse = {
  kind: "json",
  body: { ownDomains: ["randers.dk"], trustedDomains: [], secureRoute: { kind: "subject-tag", tag: "[sikker]" } },
};

async function send(message: Message, options: Parameters<typeof harness>[1] = {}) {
  const h = harness(message, options);
  const event = h.fake.createEvent();
  const outcome = await onMessageSend(event, h.sendDeps());
  return { h, event, outcome, header: h.fake.draft.headers[AUDIT_HEADER_NAME] };
}

function marker(value: string | undefined) {
  const parsed = parseMarker(value);
  if (!parsed.ok) throw new Error(`no marker: ${JSON.stringify(value)}`);
  return parsed.marker;
}

describe("audit marker at send", () => {
  it("marks a clean mail it lets go, before completing", async () => {
    const h = harness(draft(), { policy: OWN });
    const event = h.fake.createEvent();
    const atCompletion: Array<string | undefined> = [];
    const completed = event.completed.bind(event);
    event.completed = (options) => {
      atCompletion.push(h.fake.draft.headers[AUDIT_HEADER_NAME]);
      completed(options);
    };
    const outcome = await onMessageSend(event, h.sendDeps());
    const header = h.fake.draft.headers[AUDIT_HEADER_NAME];
    expect(outcome.path).toBe("allow");
    expect(atCompletion).toEqual([header]);
    expect(marker(header)).toMatchObject({ verdict: "allow", cpr: 0, lookalike: 0, unreadable: 0, warned: [] });
    expect(marker(header).policy).toMatch(/^p[0-9a-z]+$/);
    expect(h.fake.calls.filter((c) => c === "internetHeaders.setAsync")).toHaveLength(1);
  });

  it("does not mark a mail it stops (block)", async () => {
    const { outcome, header, h } = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN });
    expect(outcome.path).toBe("block");
    expect(header).toBeUndefined();
    expect(h.fake.calls).not.toContain("internetHeaders.setAsync");
  });

  it("does not mark a look-alike it stops", async () => {
    const { outcome, header } = await send(draft({ recipients: [{ address: "sagsbehandler@anders.dk", field: "to" }] }), { policy: OWN });
    expect(outcome.path).toBe("block");
    expect(header).toBeUndefined();
  });

  it("on Mailbox 1.12: no marker on the warning, warn-sent with the rule on the second Send", async () => {
    const h = harness(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: OWN, fake: { maxMailboxSet: "1.12" } });
    expect((await onMessageSend(h.fake.createEvent(), h.sendDeps())).path).toBe("warn");
    expect(h.fake.draft.headers[AUDIT_HEADER_NAME]).toBeUndefined();
    expect((await onMessageSend(h.fake.createEvent(), h.sendDeps())).path).toBe("warn-repeat-allowed");
    const m = marker(h.fake.draft.headers[AUDIT_HEADER_NAME]);
    expect(m).toMatchObject({ verdict: "warn-sent", cpr: 1, warned: ["cpr.medium"] });
  });

  it("on Mailbox 1.14+: a warning that offers Send anyway is marked warn-sent before the dialog", async () => {
    const { outcome, header, event } = await send(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: OWN });
    expect(outcome.path).toBe("warn");
    expect(event.completions[0]?.sendModeOverride).toBe("promptUser");
    expect(marker(header)).toMatchObject({ verdict: "warn-sent", warned: ["cpr.medium"] });
  });

  it("marks the secure route: verdict=route, route=subject-tag", async () => {
    const { outcome, header } = await send(draft({ subject: "[sikker] Sag 2026-117", bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: TAGGED });
    expect(outcome.path).toBe("allow");
    expect(marker(header)).toMatchObject({ verdict: "route", route: "subject-tag", cpr: 1 });
  });

  it("marks a mail the policy lets go unchecked (onError allow) as incomplete", async () => {
    const { outcome, header } = await send(draft(), {
      policy: { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [], onError: "allow" } },
      fake: { faults: { getAttachmentsAsync: "fail" } },
    });
    expect(outcome.path).toBe("error");
    expect(marker(header)).toMatchObject({ verdict: "allow", incomplete: "error" });
  });

  it("still checks where the client cannot write headers, and says so in the log", async () => {
    const blocked = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN, fake: { internetHeaders: false } });
    expect(blocked.outcome.path).toBe("block");
    const allowed = await send(draft(), { policy: OWN, fake: { internetHeaders: false } });
    expect(allowed.outcome.path).toBe("allow");
    expect(allowed.event.completions).toEqual([{ allowEvent: true }]);
    expect(allowed.h.logs).toContain("send: client cannot write internet headers (no audit marker)");
  });

  it("lets the mail go when writing the header fails or hangs", async () => {
    for (const fault of ["fail", "hang"] as const) {
      const { outcome, event } = await send(draft(), { policy: OWN, fake: { faults: { "internetHeaders.setAsync": fault } } });
      expect(outcome.path).toBe("allow");
      expect(event.completions).toEqual([{ allowEvent: true }]);
    }
  });

  it("carries counts and codes only: no number, address or file name", async () => {
    const message = draft({
      subject: "[sikker] Sag 2026-117",
      bodyHtml: `<p>${HIGH_CPR} skriv til sagsbehandler@randers.dk</p>`,
      recipients: [{ address: "borger@example.com", field: "to" }],
    });
    const { header } = await send(message, { policy: TAGGED });
    expect(header).toBeDefined();
    expect(header).not.toMatch(/150375|6125|@|example|randers|sikker|Sag/);
  });

});
