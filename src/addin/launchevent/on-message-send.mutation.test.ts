/**
 * The send handler's time arithmetic and bookkeeping, pinned with a hand-driven clock and timers so
 * the tests take milliseconds: mutation testing (npm run mutate, docs/mutation.md) runs each of them
 * once per mutant. Everything goes through onMessageSend and the fake Office, as in Outlook.
 * No docblock environment: the mutation runner can only instrument the configured one (node).
 */
import { MAX_FINDINGS_PER_PART, minimalCompletion, onMessageSend } from "./on-message-send";
import { TASKPANE_COMMAND_ID } from "../office/manifest-ids";
import { parseContextData, parseSharedState, SESSION_KEY } from "../office/shared-state";
import { AUDIT_HEADER_NAME, FINISH_MARGIN_MS, HARD_CAP_MS, MAX_LOAD_ALLOWANCE_MS, parseMarker, type Message } from "../../core/index";
import { draft, harness, utf8, type PolicyResponse } from "../../../test/helpers/send-harness";

const HIGH_CPR = "CPR-nr.: 150375-6125"; // synthetic: born 1875 (docs/design/cpr-number.md §7)
const MEDIUM_CPR = "15.06.50-3720"; // synthetic: fails modulus 11, dotted form → medium

function policy(body: Record<string, unknown> = {}): PolicyResponse {
  return { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [], ...body } };
}

interface FakeTimer {
  readonly fn: () => void;
  readonly ms: number;
  cleared: boolean;
}

/** Timers that never fire on their own: a test fires one by hand, or looks at what was asked. */
function manualTimers() {
  const timers: FakeTimer[] = [];
  return {
    timers,
    setTimer: (fn: () => void, ms: number) => {
      const t: FakeTimer = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h: unknown) => {
      (h as FakeTimer).cleared = true;
    },
  };
}

async function run(message: Message, options: Parameters<typeof harness>[1] & { clock?: () => number; startedAt?: number } = {}) {
  const h = harness(message, options);
  const t = manualTimers();
  const event = h.fake.createEvent();
  const deps = h.sendDeps({
    setTimer: t.setTimer,
    clearTimer: t.clearTimer,
    clock: options.clock ?? (() => 50_000),
    ...(options.startedAt !== undefined ? { startedAt: options.startedAt } : {}),
  });
  const outcome = await onMessageSend(event, deps);
  const shared = parseSharedState(h.fake.sessionData.get(SESSION_KEY));
  return { h, t, event, outcome, completion: event.completions[0], shared };
}

/** The audit marker the handler set, or undefined. */
function markerOf(value: string | undefined) {
  const parsed = parseMarker(value);
  return parsed.ok ? parsed.marker : undefined;
}

/** Resolves once `check` holds, polling the event loop (the fake Office answers asynchronously). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(check()).toBe(true);
}

describe("onMessageSend: when the clock starts", () => {
  it("counts bundle load up to MAX_LOAD_ALLOWANCE_MS, and none from a runtime loaded earlier or in the future", async () => {
    const at = (startedAt: number) => run(draft(), { policy: policy(), clock: () => 50_000, startedAt }).then((r) => r.outcome.elapsedMs);
    await expect(at(50_000 - MAX_LOAD_ALLOWANCE_MS)).resolves.toBe(MAX_LOAD_ALLOWANCE_MS);
    await expect(at(50_000 - MAX_LOAD_ALLOWANCE_MS - 1)).resolves.toBe(0);
    await expect(at(50_000 - 10)).resolves.toBe(10);
    await expect(at(50_001)).resolves.toBe(0);
  });

  it("elapsedMs is the time from the start to the decision", async () => {
    let now = 1_000;
    const clock = () => (now += 7);
    const { outcome } = await run(draft(), { policy: policy(), clock });
    // entered = 1007; every later reading adds 7: the outcome is built a whole number of steps later.
    expect(outcome.elapsedMs % 7).toBe(0);
    expect(outcome.elapsedMs).toBeGreaterThan(0);
  });
});

describe("onMessageSend: the deadline timer", () => {
  it("is armed with the default budget, then re-armed with the policy's, minus the finish margin", async () => {
    const { t } = await run(draft(), { policy: policy({ limits: { sendBudgetMs: 1000 } }) });
    // Default 4000 is capped at HARD_CAP_MS; margin min(300, floor(3800 / 4)).
    expect(t.timers[0]!.ms).toBe(HARD_CAP_MS - FINISH_MARGIN_MS);
    expect(t.timers[0]!.cleared).toBe(true);
    // Policy 1000 ms: margin floor(1000 / 4) = 250 < 300.
    expect(t.timers[1]!.ms).toBe(1000 - 250);
    // The finish step's own wait: margin - 50.
    expect(t.timers[2]!.ms).toBe(200);
    expect(t.timers.every((x) => x.cleared)).toBe(true);
  });

  it("a policy budget above the hard cap is cut to it; a tiny one still leaves the finish step 20 ms", async () => {
    const big = await run(draft(), { policy: policy({ limits: { sendBudgetMs: 200_000 } }) });
    expect(big.t.timers[1]!.ms).toBe(HARD_CAP_MS - FINISH_MARGIN_MS);
    expect(big.t.timers[2]!.ms).toBe(FINISH_MARGIN_MS - 50);
    const tiny = await run(draft(), { policy: policy({ limits: { sendBudgetMs: 100 } }) });
    expect(tiny.t.timers[1]!.ms).toBe(100 - 25);
    expect(tiny.t.timers[2]!.ms).toBe(20);
  });

  it("the remaining time is measured from the start, not from when the policy arrived", async () => {
    let now = 10_000;
    const { t } = await run(draft(), { policy: policy({ limits: { sendBudgetMs: 2000 } }), clock: () => (now += 100) });
    // Re-armed some readings after the start (10_100): 2000 - 300 - (reading - start) < 1700.
    expect(t.timers[1]!.ms).toBeLessThan(2000 - FINISH_MARGIN_MS);
    expect(t.timers[1]!.ms % 100).toBe(0);
  });

  it.each([
    ["block", false],
    ["allow", true],
  ] as const)("firing while the read hangs completes once with onTimeout %s, and records the timeout", async (onTimeout, allowed) => {
    const h = harness(draft({ attachments: [{ kind: "file", name: "bilag.txt", bytes: utf8("intet") }] }), {
      policy: policy({ onTimeout }),
      fake: { faults: { getAttachmentContentAsync: "hang" } },
    });
    const t = manualTimers();
    const event = h.fake.createEvent();
    const pending = onMessageSend(event, h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => 7 }));
    await until(() => t.timers.length >= 2);
    // The read has been asked for (the state read is done): fire the current deadline timer.
    await new Promise((r) => setTimeout(r, 20));
    t.timers[t.timers.length - 1]!.fn();
    const outcome = await pending;
    expect(outcome.path).toBe("timeout");
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(allowed);
    const send = parseSharedState(h.fake.sessionData.get(SESSION_KEY)).send;
    expect(send?.incomplete).toBe("timeout");
    expect(send?.verdict).toBe(onTimeout);
    expect(h.logs.join("\n")).toContain("send: timeout in");
  });

  it("a hanging sessionData write waits only for the finish step's timer", async () => {
    const h = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy(), fake: { faults: { "sessionData.setAsync": "hang" } } });
    const t = manualTimers();
    const event = h.fake.createEvent();
    const pending = onMessageSend(event, h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => 7 }));
    await until(() => t.timers.length >= 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(event.completions).toHaveLength(0);
    t.timers[2]!.fn();
    const outcome = await pending;
    expect(outcome.path).toBe("block");
    expect(event.completions).toHaveLength(1);
  });
});

describe("onMessageSend: what the task pane and the log are told", () => {
  it("a block: verdict, counts and the masked finding in the shared state, the count in the log", async () => {
    const { shared, h, outcome } = await run(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy() });
    expect(outcome.path).toBe("block");
    expect(shared.send).toMatchObject({ verdict: "block", total: 1, at: 50_000 });
    expect(shared.send?.incomplete).toBeUndefined();
    expect(shared.send?.reasons).toHaveLength(1);
    expect(h.logs).toContain("send: block in 0 ms (1 findings)");
  });

  it("a warning: verdict warn, and the clean mail's log line says allow with no findings", async () => {
    const warned = await run(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: policy() });
    expect(warned.shared.send?.verdict).toBe("warn");
    expect(warned.outcome.path).toBe("warn");
    const clean = await run(draft(), { policy: policy() });
    expect(clean.h.logs).toContain("send: allow in 0 ms (0 findings)");
    expect(clean.shared.send?.verdict).toBe("allow");
  });

  it(`keeps ${MAX_FINDINGS_PER_PART} CPR findings per part and counts the rest`, async () => {
    const numbers: string[] = [];
    // Synthetic: day 01-28 of 1875-style numbers with a 1858-1899 serial (docs/design/cpr-number.md §7).
    for (let i = 0; i < MAX_FINDINGS_PER_PART + 7; i++) numbers.push(`CPR-nr.: ${String(1 + (i % 28)).padStart(2, "0")}0${1 + (i % 9)}75-${6000 + i}`);
    const { shared, completion, h } = await run(draft({ bodyHtml: `<p>${numbers.join("<br>")}</p>` }), { policy: policy() });
    expect(shared.send?.total).toBe(MAX_FINDINGS_PER_PART + 7);
    expect(completion?.allowEvent).toBe(false);
    const context = parseContextData(completion?.contextData as string);
    expect(context?.total).toBe(MAX_FINDINGS_PER_PART + 7);
    expect(h.logs).toContain(`send: block in 0 ms (${MAX_FINDINGS_PER_PART + 7} findings)`);
  });

  it("an error: the shared state says incomplete error, with onError's verdict", async () => {
    const { shared, outcome, h } = await run(draft(), { policy: policy({ onError: "block" }), fake: { faults: { "body.getAsync": "fail" } } });
    expect(outcome.path).toBe("error");
    expect(shared.send).toMatchObject({ verdict: "block", incomplete: "error", total: 0 });
    expect(h.logs.join("\n")).toMatch(/send: error \(\w+\)/);
  });
});

describe("onMessageSend: completion options by client", () => {
  it("a block on Mailbox 1.14+: the task pane button with the summary, no Send Anyway", async () => {
    const { completion } = await run(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy() });
    expect(completion).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID, cancelLabel: "Ret mailen" });
    expect(completion?.sendModeOverride).toBeUndefined();
    expect(parseContextData(completion?.contextData as string)?.verdict).toBe("block");
    // Markdown escapes the stars.
    expect(completion?.errorMessageMarkdown).toContain("150375-\\*\\*\\*\\*");
  });

  it("a warning on 1.12 has only the basic options and is remembered for the second Send", async () => {
    const { completion, outcome, shared } = await run(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: policy(), fake: { maxMailboxSet: "1.12" } });
    expect(outcome.path).toBe("warn");
    expect(Object.keys(completion ?? {}).sort()).toEqual(["allowEvent", "errorMessage"]);
    expect(shared.warned).toEqual(expect.any(String));
  });

  it("onError warn without Send Anyway (1.12) stops the first Send and lets the second go", async () => {
    const h = harness(draft(), { policy: policy({ onError: "warn" }), fake: { maxMailboxSet: "1.12", faults: { "body.getAsync": "fail" } } });
    const t = manualTimers();
    const deps = h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => 7 });
    const first = h.fake.createEvent();
    expect((await onMessageSend(first, deps)).path).toBe("error");
    expect(first.completions[0]?.allowEvent).toBe(false);
    const second = h.fake.createEvent();
    expect((await onMessageSend(second, deps)).path).toBe("warn-repeat-allowed");
  });

  it("onError allow lets the mail go with no other option, its audit marker saying the check failed", async () => {
    const { completion, outcome, h } = await run(draft(), { policy: policy({ onError: "allow" }), fake: { faults: { "body.getAsync": "fail" } } });
    expect(outcome.path).toBe("error");
    expect(completion).toEqual({ allowEvent: true });
    expect(markerOf(h.fake.draft.headers[AUDIT_HEADER_NAME])).toMatchObject({ verdict: "allow", incomplete: "error" });
  });

  it("a mail on the secure route is let go with the route in its audit marker", async () => {
    const tagged = policy({ secureRoute: { kind: "subject-tag", tag: "[sikker]" } });
    const { outcome, h } = await run(draft({ subject: "[sikker] Sag 2026-117", bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: tagged });
    expect(outcome.path).toBe("allow");
    const marker = markerOf(h.fake.draft.headers[AUDIT_HEADER_NAME]);
    expect(marker).toMatchObject({ verdict: "route", route: "subject-tag", cpr: 1 });
    expect(marker?.incomplete).toBeUndefined();
  });

  it("onError block on 1.14+ stops with the task pane button and no Send Anyway", async () => {
    const { completion, outcome } = await run(draft(), { policy: policy({ onError: "block" }), fake: { faults: { "body.getAsync": "fail" } } });
    expect(outcome.path).toBe("error");
    expect(completion).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID });
    expect(completion?.sendModeOverride).toBeUndefined();
  });

  it("minimalCompletion keeps only what every Smart Alerts client takes", () => {
    expect(minimalCompletion({ allowEvent: true, errorMessage: "x" })).toEqual({ allowEvent: true });
    expect(minimalCompletion({ allowEvent: false, errorMessage: "x", commandId: "c", cancelLabel: "l" })).toEqual({ allowEvent: false, errorMessage: "x" });
  });
});

describe("onMessageSend: language, alert wording and the next step", () => {
  const block = draft({ bodyHtml: `<p>${HIGH_CPR}</p>` });

  it.each([
    ["auto", "da-DK", "Postvagt har stoppet mailen."],
    ["auto", "EN-gb", "Postvagt stopped this mail."],
    ["auto", "fr-FR", "Postvagt har stoppet mailen."],
    ["en", "da-DK", "Postvagt stopped this mail."],
    ["da", "en-US", "Postvagt har stoppet mailen."],
  ])("policy.language %s with Outlook in %s", async (language, displayLanguage, expected) => {
    const { completion } = await run(block, { policy: policy({ language }), fake: { displayLanguage } });
    expect(completion?.errorMessage).toContain(expected);
  });

  it("names the task pane button where there is one, the ribbon where there is not", async () => {
    const modern = await run(block, { policy: policy() });
    expect(modern.completion?.errorMessage).toContain("Ret mailen");
    expect(modern.completion?.errorMessage).not.toContain("båndet");
    const old = await run(block, { policy: policy(), fake: { maxMailboxSet: "1.12" } });
    expect(old.completion?.errorMessage).toContain("båndet");
  });

  it("says what to do next: nothing for a block, 'send anyway', 'send again', or 'try again' for a failed check", async () => {
    const blocked = (await run(block, { policy: policy() })).completion?.errorMessage ?? "";
    expect(blocked).not.toMatch(/alligevel|Send igen|Prøv igen/);
    const warned = await run(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: policy() });
    expect(warned.completion).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(warned.completion?.errorMessage).toContain("kan du sende den alligevel");
    const again = await run(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: policy(), fake: { maxMailboxSet: "1.12" } });
    expect(again.completion?.errorMessage).toContain("tryk Send igen");
    const failed = await run(draft(), { policy: policy({ onError: "block" }), fake: { faults: { "body.getAsync": "fail" } } });
    expect(failed.completion?.errorMessage).toContain("Prøv igen om lidt");
  });

  it("the alert counts the findings it could not list, those past the per-part cap included", async () => {
    const numbers: string[] = [];
    for (let i = 0; i < MAX_FINDINGS_PER_PART + 7; i++) numbers.push(`CPR-nr.: ${String(1 + (i % 28)).padStart(2, "0")}0${1 + (i % 9)}75-${6000 + i}`);
    const { completion } = await run(draft({ bodyHtml: `<p>${numbers.join("<br>")}</p>` }), { policy: policy() });
    expect(completion?.errorMessage).toContain(`og ${MAX_FINDINGS_PER_PART + 7 - 5} mere`);
  });

  it("says in its log line when the built-in policy was used", async () => {
    const { h } = await run(draft(), { policy: { kind: "status", status: 404 } });
    expect(h.logs).toContain("send: allow in 0 ms (0 findings; built-in default policy)");
  });
});

describe("onMessageSend: a scan stopped by its own deadline", () => {
  const attachment = { kind: "file" as const, name: "bilag.txt", bytes: utf8("intet her") };

  /** The clock stands still until the mail is read, then jumps `jump` ms past the start. */
  async function jumpAfterRead(message: Message, body: Record<string, unknown>, jump: number, fake: NonNullable<Parameters<typeof harness>[1]>["fake"] = {}) {
    const h = harness(message, { policy: policy({ unreadableAttachment: "allow", limits: { sendBudgetMs: 2000 }, ...body }), fake });
    const t = manualTimers();
    let now = 1_000;
    const base = h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => now });
    const host = base.host!;
    const readThenLate: typeof host.readMessage = (options) =>
      host.readMessage(options).then((r) => {
        now += jump;
        return r;
      });
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, { ...base, host: { ...host, capabilities: host.capabilities, readMessage: readThenLate } });
    return { outcome, event, shared: parseSharedState(h.fake.sessionData.get(SESSION_KEY)), marker: markerOf(h.fake.draft.headers[AUDIT_HEADER_NAME]) };
  }

  it("the scan's deadline is the budget minus the finish margin", async () => {
    // 2000 ms budget, 300 ms margin: 1800 ms in is past the scan's deadline (1700), not the budget's.
    const late = await jumpAfterRead(draft({ attachments: [attachment] }), { onTimeout: "allow" }, 1800);
    expect(late.outcome.path).toBe("timeout");
    expect(late.event.completions[0]).toEqual({ allowEvent: true });
    expect(late.shared.send).toMatchObject({ incomplete: "timeout", verdict: "allow" });
    // The audit marker of a mail let go unchecked says so.
    expect(late.marker).toMatchObject({ verdict: "allow", incomplete: "timeout" });
    const inTime = await jumpAfterRead(draft({ attachments: [attachment] }), { onTimeout: "allow" }, 1600);
    expect(inTime.outcome.path).toBe("allow");
    expect(inTime.marker?.incomplete).toBeUndefined();
  });

  it("a CPR number found before the stop still blocks under onTimeout allow", async () => {
    const { outcome } = await jumpAfterRead(draft({ bodyHtml: `<p>${HIGH_CPR}</p>`, attachments: [attachment] }), { onTimeout: "allow" }, 1800);
    expect(outcome.path).toBe("block");
  });

  it("a warning found before the stop does not lower onTimeout block", async () => {
    const { outcome, event } = await jumpAfterRead(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>`, attachments: [attachment] }), { onTimeout: "block" }, 1800);
    expect(outcome.path).toBe("timeout");
    expect(event.completions[0]?.allowEvent).toBe(false);
  });

  it("onTimeout warn on 1.12 is a 'timeout' path with 'send again'; on 1.14 with Send Anyway", async () => {
    const old = await jumpAfterRead(draft({ attachments: [attachment] }), { onTimeout: "warn" }, 1800, { maxMailboxSet: "1.12" });
    expect(old.outcome.path).toBe("timeout");
    expect(old.event.completions[0]?.errorMessage).toContain("tryk Send igen");
    const modern = await jumpAfterRead(draft({ attachments: [attachment] }), { onTimeout: "warn" }, 1800);
    expect(modern.outcome.path).toBe("timeout");
    expect(modern.event.completions[0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
  });
});

describe("onMessageSend: exactly once, whatever happens", () => {
  it("a deadline timer that fires after the answer does not complete again", async () => {
    const { t, event } = await run(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy() });
    t.timers[1]!.fn();
    await new Promise((r) => setTimeout(r, 20));
    expect(event.completions).toHaveLength(1);
  });

  it("a missing mailbox item is an error, completed once by onError", async () => {
    const h = harness(draft(), { policy: policy({ onError: "block" }) });
    const t = manualTimers();
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, { ...h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => 7 }), host: undefined });
    expect(outcome.path).toBe("error");
    expect(event.completions).toEqual([expect.objectContaining({ allowEvent: false })]);
    expect(h.logs).toContain("send: error (Error)");
  });

  it("without timers (a runtime that has none) the answer still comes", async () => {
    const h = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy() });
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, h.sendDeps({ setTimer: undefined, clearTimer: undefined, clock: () => 7 }));
    expect(outcome.path).toBe("block");
    expect(event.completions).toHaveLength(1);
  });

  it("event.completed throwing is retried once with minimal options; a second throw is logged, not retried", async () => {
    const h = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: policy() });
    const calls: unknown[] = [];
    const t = manualTimers();
    const deps = h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => 7 });
    await onMessageSend({ completed: (o?: unknown) => { calls.push(o); if (calls.length === 1) throw new Error("refused"); } }, deps);
    expect(calls).toHaveLength(2);
    expect(Object.keys(calls[1] as object).sort()).toEqual(["allowEvent", "errorMessage"]);
    expect(h.logs).toContain("send: event.completed threw; retrying with minimal options");
    let n = 0;
    await onMessageSend({ completed: () => { n++; throw new Error("refused"); } }, deps);
    expect(n).toBe(2);
    expect(h.logs).toContain("send: event.completed threw again");
  });

  it("a warning remembered on 1.12 lets the second Send go with allowEvent only", async () => {
    const h = harness(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: policy(), fake: { maxMailboxSet: "1.12" } });
    const t = manualTimers();
    const deps = h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => 7 });
    await onMessageSend(h.fake.createEvent(), deps);
    const second = h.fake.createEvent();
    expect((await onMessageSend(second, deps)).path).toBe("warn-repeat-allowed");
    expect(second.completions).toEqual([{ allowEvent: true }]);
  });
});

describe("onMessageSend: what the scan is given", () => {
  it("the injected 'today' reaches the CPR rule", async () => {
    // Born 2040 (7th digit 5, YY 40): a number only with the clock in 2041, held by nobody today.
    const mail = draft({ bodyHtml: "<p>CPR-nr.: 010640-5003</p>" });
    const h = harness(mail, { policy: policy() });
    const t = manualTimers();
    const in2041 = await onMessageSend(h.fake.createEvent(), h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => 7, now: new Date(2041, 5, 1) }));
    expect(in2041.path).toBe("block");
    expect((await run(mail, { policy: policy() })).outcome.path).toBe("allow");
  });

  it("confirmed recipients count only when the policy allows confirmations", async () => {
    const partner = (confirmLookalikes: boolean) =>
      policy({ trustedDomains: ["aarhus.dk"], lookalike: { own: "block", trusted: "block", known: "block" }, confirmLookalikes });
    const send = async (confirmLookalikes: boolean, confirmed: readonly string[] | "fails") => {
      const h = harness(draft({ recipients: [{ address: "sag@aarhuss.dk", field: "to" }] }), { policy: partner(confirmLookalikes) });
      const t = manualTimers();
      const confirmedRecipients = () => (confirmed === "fails" ? Promise.reject(new Error("storage")) : Promise.resolve(confirmed));
      return (await onMessageSend(h.fake.createEvent(), h.sendDeps({ setTimer: t.setTimer, clearTimer: t.clearTimer, clock: () => 7, confirmedRecipients }))).path;
    };
    await expect(send(true, ["sag@aarhuss.dk"])).resolves.toBe("allow");
    await expect(send(false, ["sag@aarhuss.dk"])).resolves.toBe("block");
    await expect(send(true, [])).resolves.toBe("block");
    await expect(send(true, "fails")).resolves.toBe("block");
  });
});
