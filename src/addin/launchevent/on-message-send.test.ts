/** @jest-environment node */
import { onMessageSend } from "./on-message-send";
import { onAttachmentsChanged } from "./pre-scan";
import { TASKPANE_COMMAND_ID } from "../office/manifest-ids";
import { parseContextData, parseSharedState, SESSION_KEY } from "../office/shared-state";
import { DEFAULT_POLICY, FINISH_MARGIN_MS, HARD_CAP_MS, type Message } from "../../core/index";
import { draft, harness, utf8, type PolicyResponse } from "../../../test/helpers/send-harness";

/** A full CPR number: DDMMYY-NNNN, or ten digits standing alone (not part of a timestamp). */
const FULL_CPR = /(?<!\d)\d{6}-?\d{4}(?!\d)/;
const HIGH_CPR = "CPR-nr.: 150375-6125"; // synthetic: born 1875 (docs/design/cpr-number.md §7)
const MEDIUM_CPR = "15.06.50-3720"; // synthetic: fails modulus 11, dotted form → medium
const OWN = { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [] } } as const;

function policy(body: Record<string, unknown>): PolicyResponse {
  return { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [], ...body } };
}

async function send(message: Message, options: Parameters<typeof harness>[1] = {}) {
  const h = harness(message, options);
  const event = h.fake.createEvent();
  const outcome = await onMessageSend(event, h.sendDeps());
  return { h, event, outcome, completion: event.completions[0] };
}

/** Lets stray timers and callbacks run, so a second `completed` would be seen. */
const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

describe("onMessageSend: verdicts", () => {
  it("allows a clean mail with exactly one completion", async () => {
    const { event, outcome } = await send(draft(), { policy: OWN });
    await settle();
    expect(event.completions).toEqual([{ allowEvent: true }]);
    expect(outcome.path).toBe("allow");
  });

  it("blocks a CPR number in the body, showing only the masked number", async () => {
    const { event, completion, outcome, h } = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN });
    await settle();
    expect(event.completions).toHaveLength(1);
    expect(outcome.path).toBe("block");
    expect(completion?.allowEvent).toBe(false);
    expect(completion?.errorMessage).toContain("150375-****");
    expect(completion?.errorMessage).toContain("Postvagt har stoppet mailen.");
    expect(completion?.errorMessage?.length).toBeLessThanOrEqual(500);
    expect(completion?.errorMessageMarkdown?.length).toBeLessThanOrEqual(500);
    expect(completion?.commandId).toBe(TASKPANE_COMMAND_ID);
    expect(completion?.cancelLabel).toBe("Ret mailen");
    expect(completion?.sendModeOverride).toBeUndefined();
    expect(JSON.stringify(completion)).not.toMatch(FULL_CPR);
    const context = parseContextData(completion?.contextData as string);
    expect(context?.verdict).toBe("block");
    expect(context?.reasons[0]?.finding.kind).toBe("cpr");
    // Shared with the task pane, masked.
    const stored = h.fake.sessionData.get(SESSION_KEY)!;
    expect(stored).not.toMatch(FULL_CPR);
    expect(parseSharedState(stored).send?.verdict).toBe("block");
  });

  it("blocks a look-alike of the own domain and names what it resembles", async () => {
    const message = draft({ recipients: [{ address: "sagsbehandler@anders.dk", field: "to" }] });
    const { completion, outcome } = await send(message, { policy: OWN });
    expect(outcome.path).toBe("block");
    expect(completion?.errorMessage).toContain("anders.dk");
    expect(completion?.errorMessage).toContain("randers.dk");
  });

  it("warns with Outlook's Send Anyway (sendModeOverride) on Mailbox 1.14+", async () => {
    const { completion, outcome } = await send(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: OWN });
    expect(outcome.path).toBe("warn");
    expect(completion).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: TASKPANE_COMMAND_ID });
    expect(completion?.errorMessage).toContain("150650-****");
  });

  it("writes English when Outlook's display language is English", async () => {
    const { completion } = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN, fake: { displayLanguage: "en-US" } });
    expect(completion?.errorMessage).toContain("Postvagt stopped this mail.");
    expect(completion?.cancelLabel).toBe("Fix the mail");
  });

  it("follows policy.language over the display language", async () => {
    const { completion } = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), {
      policy: policy({ language: "da" }),
      fake: { displayLanguage: "en-US" },
    });
    expect(completion?.errorMessage).toContain("Postvagt har stoppet mailen.");
  });
});

describe("onMessageSend: old requirement sets", () => {
  it.each(["1.12", "1.13"])("uses only allowEvent and errorMessage on Mailbox %s", async (max) => {
    const { completion } = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN, fake: { maxMailboxSet: max } });
    expect(Object.keys(completion ?? {}).sort()).toEqual(["allowEvent", "errorMessage"]);
    expect(completion?.errorMessage).toContain("båndet");
  });

  it("uses commandId but no Markdown on Mailbox 1.14", async () => {
    const { completion } = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN, fake: { maxMailboxSet: "1.14" } });
    expect(completion?.commandId).toBe(TASKPANE_COMMAND_ID);
    expect(completion?.errorMessageMarkdown).toBeUndefined();
  });

  it("on 1.12 a warning stops the first Send and lets the same mail go on the second", async () => {
    const h = harness(draft({ bodyHtml: `<p>dato ${MEDIUM_CPR}</p>` }), { policy: OWN, fake: { maxMailboxSet: "1.12" } });
    const first = h.fake.createEvent();
    expect((await onMessageSend(first, h.sendDeps())).path).toBe("warn");
    expect(first.completions[0]?.allowEvent).toBe(false);
    expect(first.completions[0]?.errorMessage).toContain("tryk Send igen");
    expect(first.completions[0]?.sendModeOverride).toBeUndefined();

    const second = h.fake.createEvent();
    expect((await onMessageSend(second, h.sendDeps())).path).toBe("warn-repeat-allowed");
    expect(second.completions).toEqual([{ allowEvent: true }]);

    // A changed mail is a new warning.
    h.fake.draft.bodyHtml = `<p>dato ${MEDIUM_CPR} og 15.06.50-3720 igen</p>`;
    const third = h.fake.createEvent();
    await onMessageSend(third, h.sendDeps());
    const fourth = h.fake.createEvent();
    expect((await onMessageSend(fourth, h.sendDeps())).path).toBe("warn-repeat-allowed");
    expect(third.completions[0]?.allowEvent).toBe(false);
  });

  it("on 1.12 a block is never waved through by sending twice", async () => {
    const h = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN, fake: { maxMailboxSet: "1.12" } });
    for (let i = 0; i < 2; i++) {
      const event = h.fake.createEvent();
      expect((await onMessageSend(event, h.sendDeps())).path).toBe("block");
    }
  });
});

describe("onMessageSend: timeout", () => {
  const attachment = { kind: "file" as const, name: "bilag.txt", bytes: utf8("intet her") };

  it.each([
    ["block", false],
    ["allow", true],
  ] as const)("a never-answering getAttachmentContentAsync completes by the deadline with onTimeout %s", async (onTimeout, allowed) => {
    const h = harness(draft({ attachments: [attachment] }), {
      policy: policy({ onTimeout, limits: { sendBudgetMs: 400 } }),
      fake: { faults: { getAttachmentContentAsync: "hang" } },
    });
    const event = h.fake.createEvent();
    const started = Date.now();
    const outcome = await onMessageSend(event, h.sendDeps());
    const elapsed = Date.now() - started;
    await settle(200);
    expect(event.completions).toHaveLength(1);
    expect(outcome.path).toBe("timeout");
    expect(event.completions[0]?.allowEvent).toBe(allowed);
    // The deadline is the policy's 400 ms; generous upper bound for a loaded CI machine.
    expect(elapsed).toBeLessThan(2000);
  });

  it("onTimeout warn lets the user send anyway", async () => {
    const h = harness(draft({ attachments: [attachment] }), {
      policy: policy({ onTimeout: "warn", limits: { sendBudgetMs: 300 } }),
      fake: { faults: { getAttachmentContentAsync: "hang" } },
    });
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, h.sendDeps());
    expect(outcome.path).toBe("timeout");
    expect(event.completions[0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(event.completions[0]?.errorMessage).toContain("nåede ikke");
  });

  it("never waits longer than the hard cap, bundle load included, whatever the policy's budget", async () => {
    const h = harness(draft({ attachments: [attachment] }), {
      policy: policy({ onTimeout: "block", limits: { sendBudgetMs: 200_000 } }),
      fake: { faults: { getAttachmentContentAsync: "hang" } },
    });
    // The bundle began loading 1.5 s before the handler ran: that time counts.
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, h.sendDeps({ startedAt: Date.now() - 1500 }));
    expect(outcome.path).toBe("timeout");
    expect(event.completions).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThanOrEqual(HARD_CAP_MS);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(HARD_CAP_MS - FINISH_MARGIN_MS - 50);
  });

  it("a bundle loaded long before the event (a reused runtime) does not eat the budget", async () => {
    const h = harness(draft(), { policy: OWN });
    const outcome = await onMessageSend(h.fake.createEvent(), h.sendDeps({ startedAt: Date.now() - 60_000 }));
    expect(outcome.path).toBe("allow");
  });
});

describe("onMessageSend: Office failures", () => {
  it.each([
    ["block", false],
    ["allow", true],
  ] as const)("a failing body read applies onError %s", async (onError, allowed) => {
    const { event, outcome } = await send(draft(), { policy: policy({ onError }), fake: { faults: { "body.getAsync": "fail" } } });
    await settle();
    expect(outcome.path).toBe("error");
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(allowed);
  });

  it("onError warn (the default) offers Send Anyway", async () => {
    const { completion, outcome } = await send(draft(), { fake: { faults: { "recipients.getAsync": "fail" } } });
    expect(DEFAULT_POLICY.onError).toBe("warn");
    expect(outcome.path).toBe("error");
    expect(completion).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
  });

  it("a missing mailbox item is an error, completed once", async () => {
    const h = harness(draft(), { policy: policy({ onError: "block" }) });
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, { ...h.sendDeps(), host: undefined });
    expect(outcome.path).toBe("error");
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(false);
  });

  it("one failing attachment is reported as uninspected, not as an error", async () => {
    const message = draft({ attachments: [{ kind: "file", name: "sendt-til.pdf", bytes: utf8("%PDF-1.4") }] });
    const { completion, outcome } = await send(message, { policy: OWN, fake: { failingAttachments: ["sendt-til.pdf"] } });
    expect(outcome.path).toBe("warn");
    expect(completion?.errorMessage).toContain("sendt-til.pdf");
  });

  it("a cloud attachment is reported as not inspected", async () => {
    const message = draft({ attachments: [{ kind: "unavailable", name: "Referat.docx", reason: "cloud" }] });
    const { completion, outcome } = await send(message, { policy: OWN });
    expect(outcome.path).toBe("warn");
    expect(completion?.errorMessage).toContain("Referat.docx");
  });

  it("a failing sessionData write does not stop the answer", async () => {
    const { event, outcome } = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), {
      policy: OWN,
      fake: { faults: { "sessionData.setAsync": "fail" } },
    });
    expect(outcome.path).toBe("block");
    expect(event.completions).toHaveLength(1);
  });
});

describe("onMessageSend: policy", () => {
  it("falls back to the built-in default on an invalid policy.json, and logs why", async () => {
    const { outcome, h } = await send(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), {
      policy: { kind: "json", body: { ownDomains: [], trustedDomains: [], cpr: { high: "explode" } } },
    });
    expect(outcome.path).toBe("block");
    expect(h.logs.join("\n")).toMatch(/built-in default \(policy\.json is invalid: cpr\.high: not-an-action/);
  });

  it("falls back to the default when policy.json is absent", async () => {
    const { outcome, h } = await send(draft(), { policy: { kind: "status", status: 404 } });
    expect(outcome.path).toBe("allow");
    expect(h.logs.join("\n")).toContain("HTTP 404");
  });

  it("an admin's policy changes the verdict (look-alikes of partners only warn)", async () => {
    const message = draft({ recipients: [{ address: "x@anders.dk", field: "to" }] });
    const { outcome } = await send(message, { policy: policy({ lookalike: { own: "warn", trusted: "warn", known: "warn" } }) });
    expect(outcome.path).toBe("warn");
  });

  it("logs carry no mail content", async () => {
    const subject = "Fortroligt: Jens Hansens sag";
    const { h } = await send(draft({ subject, bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN });
    const logged = h.logs.join("\n");
    expect(logged).not.toContain("Jens");
    expect(logged).not.toMatch(/\d{6}/);
  });

  it("the policy request carries nothing from the mail", async () => {
    const { h } = await send(draft({ subject: "Sag 150375", bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN });
    expect(h.fetches).toEqual(["https://addins.example.dk/postvagt/policy.json"]);
  });
});

describe("onMessageSend: pre-scan cache", () => {
  it("a pre-scanned attachment is not extracted again: its cached findings are used", async () => {
    const message = draft({ attachments: [{ kind: "file", name: "notat.txt", bytes: utf8(`Notat ${HIGH_CPR}`) }] });
    const h = harness(message, { policy: OWN });
    const pre = h.fake.createEvent();
    await onAttachmentsChanged(pre, h.preScanDeps());
    expect(pre.completions).toEqual([undefined]);
    const state = parseSharedState(h.fake.sessionData.get(SESSION_KEY));
    const keys = Object.keys(state.attachments);
    expect(keys).toHaveLength(1);
    expect(state.attachments[keys[0]!]!.findings.some((f) => f.kind === "cpr")).toBe(true);
    expect(h.fake.sessionData.get(SESSION_KEY)).not.toMatch(FULL_CPR);

    // Tamper with the cache: if the send re-extracted the file it would still block.
    h.fake.sessionData.set(SESSION_KEY, JSON.stringify({ ...state, attachments: { [keys[0]!]: { name: "notat.txt", at: 1, findings: [] } } }));
    const event = h.fake.createEvent();
    expect((await onMessageSend(event, h.sendDeps())).path).toBe("allow");
  });

  it("a changed attachment misses the cache", async () => {
    const message = draft({ attachments: [{ kind: "file", name: "notat.txt", bytes: utf8("intet") }] });
    const h = harness(message, { policy: OWN });
    await onAttachmentsChanged(h.fake.createEvent(), h.preScanDeps());
    h.fake.draft.attachments[0] = {
      details: { ...h.fake.draft.attachments[0]!.details, size: 30 },
      content: { format: "base64", content: Buffer.from(`Notat ${HIGH_CPR}`).toString("base64") },
    };
    expect((await onMessageSend(h.fake.createEvent(), h.sendDeps())).path).toBe("block");
  });
});

describe("onMessageSend: hashing only where the cache could answer", () => {
  /** The options the send hands to readMessage, captured. */
  async function readOptionsOf(h: ReturnType<typeof harness>) {
    const base = h.sendDeps();
    const host = base.host!;
    let options: Parameters<typeof host.readMessage>[0] | undefined;
    const readMessage: typeof host.readMessage = (o) => {
      options = o;
      return host.readMessage(o);
    };
    await onMessageSend(h.fake.createEvent(), { ...base, host: { ...host, capabilities: host.capabilities, readMessage } });
    return options!;
  }

  it("with no pre-scan entry under an attachment's name and size, its content is not hashed", async () => {
    const h = harness(draft({ attachments: [{ kind: "file", name: "notat.txt", bytes: utf8("intet") }] }), { policy: OWN });
    const options = await readOptionsOf(h);
    expect(options.mayBeCached?.("notat.txt", 5)).toBe(false);
  });

  it("an entry under the same name and size is looked up (a name holding | included); another size is not", async () => {
    const h = harness(draft({ attachments: [{ kind: "file", name: "a|5|b.txt", bytes: utf8("intet") }] }), { policy: OWN });
    await onAttachmentsChanged(h.fake.createEvent(), h.preScanDeps());
    const options = await readOptionsOf(h);
    expect(options.mayBeCached?.("a|5|b.txt", 5)).toBe(true);
    expect(options.mayBeCached?.("a|5|b.txt", 6)).toBe(false);
    // "a" of 5 bytes shares the prefix "a|5|": it is hashed for nothing, never wrongly left unhashed.
    expect(options.mayBeCached?.("a", 5)).toBe(true);
    expect(options.mayBeCached?.("b", 5)).toBe(false);
  });
});

describe("onMessageSend: guarantees (exactly one completion, retry, fail modes)", () => {
  it("a read that fails after the deadline does not complete the event a second time", async () => {
    const h = harness(draft(), { policy: policy({ onTimeout: "block", onError: "allow", limits: { sendBudgetMs: 300 } }) });
    const base = h.sendDeps();
    const host = base.host!;
    let failed = false;
    // The read answers only after the deadline's finish has completed the event, and then fails.
    const slowFailingRead = () =>
      new Promise<never>((_resolve, reject) =>
        setTimeout(() => {
          failed = true;
          reject(new Error("read failed late"));
        }, 600),
      );
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, { ...base, host: { ...host, capabilities: host.capabilities, readMessage: slowFailingRead } });
    expect(outcome.path).toBe("timeout");
    await settle(700);
    expect(failed).toBe(true);
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(false); // onTimeout block, not onError allow
  });

  it.each([
    ["allow", true],
    ["block", false],
  ] as const)("a scan stopped by its own deadline (not the timer) applies onTimeout %s", async (onTimeout, allowed) => {
    const attachment = { kind: "file" as const, name: "bilag.txt", bytes: utf8("intet her") };
    const h = harness(draft({ attachments: [attachment] }), { policy: policy({ onTimeout, unreadableAttachment: "allow" }) });
    const base = h.sendDeps();
    const host = base.host!;
    // The clock jumps past the deadline once the read is done: the scan, not the timer, sees it.
    let offset = 0;
    const readThenLate: typeof host.readMessage = (options) =>
      host.readMessage(options).then((r) => {
        offset = 60_000;
        return r;
      });
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, {
      ...base,
      clock: () => Date.now() + offset,
      host: { ...host, capabilities: host.capabilities, readMessage: readThenLate },
    });
    expect(outcome.path).toBe("timeout");
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(allowed);
  });

  it("event.completed throwing is retried once with minimal options", async () => {
    const h = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }), { policy: OWN });
    const calls: unknown[] = [];
    const event = {
      completed(options?: unknown) {
        calls.push(options);
        if (calls.length === 1) throw new Error("refused");
      },
    };
    const outcome = await onMessageSend(event, h.sendDeps());
    expect(outcome.path).toBe("block");
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID });
    expect(Object.keys(calls[1] as object).sort()).toEqual(["allowEvent", "errorMessage"]);
    expect((calls[1] as { errorMessage: string }).errorMessage).toContain("150375-****");
    expect(h.logs.join("\n")).toContain("retrying with minimal options");
  });

  it("a client that refuses both tries is not asked a third time, and the handler still ends", async () => {
    const h = harness(draft(), { policy: OWN });
    let calls = 0;
    const event = {
      completed() {
        calls++;
        throw new Error("refused");
      },
    };
    const outcome = await onMessageSend(event, h.sendDeps());
    await settle();
    expect(outcome.path).toBe("allow");
    expect(calls).toBe(2);
  });
});

describe("a Send during a pre-scan", () => {
  /** A register extract: one synthetic CPR number (born 1858-1899) on every line. */
  function register(rows: number): Uint8Array {
    const lines = ["Navn;CPR-nr.;By"];
    for (let i = 0; i < rows; i++) {
      const dd = String(1 + (i % 28)).padStart(2, "0");
      lines.push(`Borger ${i};${dd}0${1 + (i % 9)}${58 + (i % 42)}-${5000 + (i % 1000)};Randers`);
    }
    return utf8(lines.join("\n"));
  }

  it("takes over at once: the pre-scan stops at its next yield, the send reuses what was done and completes in time", async () => {
    const message = draft({
      attachments: [
        { kind: "file", name: "notat.txt", bytes: utf8("intet her") },
        { kind: "file", name: "register.csv", bytes: register(20_000) },
      ],
    });
    const h = harness(message, { policy: OWN });
    let sendsRunning = 0;
    let send: Promise<Awaited<ReturnType<typeof onMessageSend>>> | undefined;
    const sendEvent = h.fake.createEvent();
    let yields = 0;
    let yieldsAfterSend = 0;
    const yieldControl = () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          yields++;
          if (send) yieldsAfterSend++;
          // Send arrives once notat.txt is cached and the register is being read.
          const cached = Object.keys(parseSharedState(h.fake.sessionData.get(SESSION_KEY)).attachments);
          if (!send && cached.length === 1) {
            sendsRunning++;
            send = onMessageSend(sendEvent, h.sendDeps());
          }
          resolve();
        }, 0),
      );
    const pre = h.fake.createEvent();
    await onAttachmentsChanged(pre, { ...h.preScanDeps(), yieldControl, sendPending: () => sendsRunning > 0 });
    expect(send).toBeDefined();
    // The pre-scan gave up at the first yield after the Send arrived.
    expect(yieldsAfterSend).toBe(0);
    expect(pre.completions).toEqual([undefined]);
    expect(h.logs.join("\n")).toContain("stopped for a send");

    const outcome = await send!;
    await settle();
    expect(sendEvent.completions).toHaveLength(1);
    expect(outcome.path).toBe("block");
    expect(outcome.elapsedMs).toBeLessThanOrEqual(HARD_CAP_MS);
    const state = parseSharedState(h.fake.sessionData.get(SESSION_KEY));
    // notat.txt from the pre-scan is still cached; the unfinished register was never cached.
    expect(Object.values(state.attachments).map((a) => a.name)).toEqual(["notat.txt"]);
    expect(yields).toBeGreaterThan(2);
  });
});

describe("a Send that arrives while the pre-scan extracts one big attachment", () => {
  it("takes over at the next piece: extraction yields inside the attachment, not only between attachments", async () => {
    const lines = ["Navn;CPR-nr.;By"];
    for (let i = 0; i < 60_000; i++) lines.push(`Borger ${i};${10 + (i % 18)}0${1 + (i % 9)}${60 + (i % 39)}-${5000 + (i % 3999)};Randers`);
    const message = draft({ attachments: [{ kind: "file", name: "register.csv", bytes: utf8(lines.join("\n")) }] });
    const h = harness(message, { policy: OWN });
    let sendsRunning = 0;
    let send: Promise<Awaited<ReturnType<typeof onMessageSend>>> | undefined;
    const sendEvent = h.fake.createEvent();
    let yields = 0;
    let yieldsAfterSend = 0;
    // The pre-scan's clock moves 20 ms per reading, so its 50 ms slices end after a few pieces.
    let t = 0;
    const clock = () => (t += 20);
    const yieldControl = () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          yields++;
          if (send) yieldsAfterSend++;
          // The first yield is the one before the attachment; by the fourth, extraction is under way.
          if (!send && yields === 4) {
            sendsRunning++;
            send = onMessageSend(sendEvent, h.sendDeps());
          }
          resolve();
        }, 0),
      );
    const pre = h.fake.createEvent();
    await onAttachmentsChanged(pre, { ...h.preScanDeps(), clock, yieldControl, sendPending: () => sendsRunning > 0 });
    expect(yields).toBe(4);
    expect(yieldsAfterSend).toBe(0);
    expect(pre.completions).toEqual([undefined]);
    expect(h.logs.join("\n")).toContain("0 attachment(s) scanned, 0 cached, stopped for a send");
    const outcome = await send!;
    expect(sendEvent.completions).toHaveLength(1);
    expect(outcome.path).toBe("block");
    expect(outcome.elapsedMs).toBeLessThanOrEqual(HARD_CAP_MS);
  });
});

describe("onMessageSend: recipients the user confirmed", () => {
  const partner = (confirmLookalikes: boolean) =>
    policy({ trustedDomains: ["aarhus.dk"], lookalike: { own: "block", trusted: "block", known: "block" }, confirmLookalikes });
  const to = (address: string) => draft({ recipients: [{ address, field: "to" }] });
  const confirmed = (...addresses: string[]) => ({ confirmedRecipients: () => Promise.resolve(addresses) });

  async function sendWith(message: Message, p: PolicyResponse, extra: object) {
    const h = harness(message, { policy: p });
    const event = h.fake.createEvent();
    return (await onMessageSend(event, h.sendDeps(extra))).path;
  }

  it("lets a confirmed look-alike of a partner's domain through when the policy allows confirmations", async () => {
    await expect(sendWith(to("sag@aarhuss.dk"), partner(true), {})).resolves.toBe("block");
    await expect(sendWith(to("sag@aarhuss.dk"), partner(true), confirmed("SAG@aarhuss.dk"))).resolves.toBe("allow");
  });

  it("ignores confirmations when the policy does not allow them", async () => {
    await expect(sendWith(to("sag@aarhuss.dk"), partner(false), confirmed("sag@aarhuss.dk"))).resolves.toBe("block");
  });

  it("never lets a confirmation cover a look-alike of the organisation's own domain", async () => {
    await expect(sendWith(to("sag@anders.dk"), partner(true), confirmed("sag@anders.dk"))).resolves.toBe("block");
  });

  it("says in its log line when the built-in policy was used", async () => {
    const { h } = await send(draft(), { policy: { kind: "status", status: 404 } });
    expect(h.logs.join("\n")).toMatch(/send: allow in \d+ ms \(0 findings; built-in default policy\)/);
    expect(h.logs.join("\n")).toContain("the organisation's policy could not be loaded");
  });
});
