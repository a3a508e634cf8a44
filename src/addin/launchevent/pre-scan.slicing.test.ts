/** @jest-environment node */
/**
 * A Send that arrives while the attachments pre-scan is inside one big document, PDF or RTF: the
 * pre-scan stops at that yield (it never yields again), caches nothing, and the send check runs and
 * completes once, inside its cap. Not timed: the pre-scan's clock moves 20 ms at every reading, so
 * its 50 ms slices end after a few pause points; the Send is started at the third yield that comes
 * from extraction (Budget.pause: one before the attachment, then inside it), so it lands
 * mid-attachment whatever the reader.
 */
import { onMessageSend } from "./on-message-send";
import { onAttachmentsChanged } from "./pre-scan";
import { HARD_CAP_MS } from "../../core/index";
import { bigDocx, bigOdt, bigRtf, bigXlsx } from "../../../test/helpers/big-documents";
import { realisticPdf } from "../../../test/helpers/realistic-pdf";
import { draft, harness } from "../../../test/helpers/send-harness";

const OWN = { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [] } } as const;

const CASES: Array<[string, Uint8Array]> = [
  ["Afgørelse.docx", bigDocx(2_000)],
  ["Liste.xlsx", bigXlsx(12_000)],
  ["Notat.odt", bigOdt(8_000)],
  ["Sagsakter.pdf", realisticPdf(7, 40, 1_000)],
  ["Brev.rtf", bigRtf(6_000)],
];

describe("a Send that arrives while the pre-scan reads inside one big attachment", () => {
  it.each(CASES)("%s: the pre-scan stops at that yield and the send completes", async (name, bytes) => {
    const h = harness(draft({ attachments: [{ kind: "file", name, bytes }] }), { policy: OWN });
    let send: ReturnType<typeof onMessageSend> | undefined;
    const sendEvent = h.fake.createEvent();
    let readerYields = 0;
    let yieldsAfterSend = 0;
    let t = 0;
    const clock = () => (t += 20);
    const yieldControl = () => {
      if (send) yieldsAfterSend++;
      else if (/extractors[\\/]budget\.ts/.test(new Error().stack ?? "") && ++readerYields === 3) send = onMessageSend(sendEvent, h.sendDeps());
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    };
    const pre = h.fake.createEvent();
    await onAttachmentsChanged(pre, { ...h.preScanDeps(), clock, yieldControl, sendPending: () => send !== undefined });
    expect(readerYields).toBe(3);
    expect(yieldsAfterSend).toBe(0);
    expect(pre.completions).toEqual([undefined]);
    expect(h.logs.join("\n")).toContain("0 attachment(s) scanned, 0 cached, stopped for a send");
    const outcome = await send!;
    expect(sendEvent.completions).toHaveLength(1);
    expect(outcome.path).toBe("allow");
    expect(outcome.elapsedMs).toBeLessThanOrEqual(HARD_CAP_MS);
  });
});
