/**
 * The send handler's time arithmetic and bookkeeping, pinned with a hand-driven clock and timers so
 * the tests take milliseconds: mutation testing (npm run mutate, docs/mutation.md) runs each of them
 * once per mutant. Everything goes through onMessageSend and the fake Office, as in Outlook.
 * No docblock environment: the mutation runner can only instrument the configured one (node).
 */
import { FINISH_MARGIN_MS, HARD_CAP_MS, MAX_FINDINGS_PER_PART, MAX_LOAD_ALLOWANCE_MS, minimalCompletion, onMessageSend } from "./on-message-send";
import { TASKPANE_COMMAND_ID } from "../office/manifest-ids";
import { parseContextData, parseSharedState, SESSION_KEY } from "../office/shared-state";
import type { Message } from "../../core/index";
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

  it("onError allow lets the mail go with no other option", async () => {
    const { completion, outcome } = await run(draft(), { policy: policy({ onError: "allow" }), fake: { faults: { "body.getAsync": "fail" } } });
    expect(outcome.path).toBe("error");
    expect(completion).toEqual({ allowEvent: true });
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
