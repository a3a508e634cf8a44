/** @jest-environment node */
/**
 * Reading a big attachment (decoding its base64; hashing it first only when the pre-scan cache has
 * an entry of its name and size, which this cold send has not) runs in chunks that check the send's
 * deadline and give the event loop back: the clock here is injected and jumps, nothing is timed by
 * the wall clock.
 */
import { onMessageSend } from "./on-message-send";
import { parseSharedState, SESSION_KEY } from "../office/shared-state";
import { CHUNK_CHARS } from "../office/base64";
import type { ReadOptions } from "../office/read-message";
import { draft, harness, utf8, type PolicyResponse } from "../../../test/helpers/send-harness";

const HIGH_CPR = "CPR-nr.: 150375-6125"; // synthetic: born 1875 (docs/design/cpr-number.md §7)

function policy(body: Record<string, unknown>): PolicyResponse {
  return { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [], unreadableAttachment: "allow", ...body } };
}

/** ~6 chunks of base64: big enough that the read checks its deadline several times. */
const big = { kind: "file" as const, name: "udtraek.csv", bytes: utf8("Navn;By\n".repeat(Math.ceil((CHUNK_CHARS * 4.5) / 8))) };

/**
 * A send whose clock jumps a minute ahead at the `jumpAt`-th reading of the attachment reader's
 * clock (its deadline gate reads it once when made, then once per chunk).
 */
async function sendJumping(bodyHtml: string, onTimeout: "allow" | "block", jumpAt: number) {
  const h = harness(draft({ bodyHtml, attachments: [big] }), { policy: policy({ onTimeout }) });
  const base = h.sendDeps();
  const host = base.host!;
  let offset = 0;
  let readerClock = 0;
  const clock = () => Date.now() + offset;
  const readMessage = (options: ReadOptions) =>
    host.readMessage({
      ...options,
      clock: () => {
        if (++readerClock === jumpAt) offset = 60_000;
        return clock();
      },
    });
  const event = h.fake.createEvent();
  const outcome = await onMessageSend(event, { ...base, clock, host: { ...host, capabilities: host.capabilities, readMessage } });
  await new Promise((r) => setTimeout(r, 30));
  const send = parseSharedState(h.fake.sessionData.get(SESSION_KEY)).send;
  return { event, outcome, send, readerClock };
}

describe("a big attachment's read stops at the send deadline", () => {
  it("stops reading at the first check past the deadline and still reports what was found (block)", async () => {
    const { event, outcome, send, readerClock } = await sendJumping(`<p>${HIGH_CPR}</p>`, "allow", 3);
    expect(event.completions).toHaveLength(1);
    // The body's number decides, even under onTimeout "allow"; the attachment is named as not read in time.
    expect(outcome.path).toBe("block");
    expect(event.completions[0]?.allowEvent).toBe(false);
    const kinds = (send?.reasons ?? []).map((r) => r.finding);
    expect(kinds.some((f) => f.kind === "cpr")).toBe(true);
    expect(kinds).toContainEqual({ kind: "unreadable-attachment", attachment: "udtraek.csv", why: "timeout" });
    // Read once when the gate was made, once per chunk: it stopped at the check that saw the jump.
    expect(readerClock).toBe(3);
  });

  it.each([
    ["allow", true],
    ["block", false],
  ] as const)("with nothing found, applies onTimeout %s exactly once", async (onTimeout, allowed) => {
    // The 4th reading falls in the decode: 1 when the gate is made, then one per decoded chunk.
    const { event, outcome, send } = await sendJumping("<p>Hej</p>", onTimeout, 4);
    expect(event.completions).toHaveLength(1);
    expect(outcome.path).toBe("timeout");
    expect(event.completions[0]?.allowEvent).toBe(allowed);
    expect(send?.incomplete).toBe("timeout");
  });

  it("gives the deadline timer its turn while decoding: the timer's answer is the only one", async () => {
    const h = harness(draft({ bodyHtml: `<p>${HIGH_CPR}</p>`, attachments: [big] }), { policy: policy({ onTimeout: "block" }) });
    const base = h.sendDeps();
    // Time moves 60 ms per reading, so every chunk ends a 50 ms slice and the reader yields
    // (setTimer 0). The deadline timer is held back and fires at the first such yield, as a real
    // timer would once its time has come; without the yields it could only fire after the read.
    let t = 1_000_000;
    let deadlineTimer: (() => void) | undefined;
    let yields = 0;
    const setTimer = (fn: () => void, ms: number) => {
      if (ms > 0) {
        deadlineTimer = fn;
        return 1;
      }
      yields++;
      const fire = deadlineTimer;
      deadlineTimer = undefined;
      fire?.();
      return setTimeout(fn, 0);
    };
    const readMessage = (options: ReadOptions) => base.host!.readMessage({ ...options, clock: () => (t += 60) });
    const event = h.fake.createEvent();
    const outcome = await onMessageSend(event, { ...base, clock: () => t, startedAt: t, setTimer, host: { ...base.host!, capabilities: base.host!.capabilities, readMessage } });
    await new Promise((r) => setTimeout(r, 30));
    expect(yields).toBeGreaterThan(0);
    expect(outcome.path).toBe("timeout");
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]?.allowEvent).toBe(false);
  });
});
