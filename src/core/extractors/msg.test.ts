/**
 * .msg bodies: the RTF body (PidTagRtfCompressed) is read when it is the only body, never twice
 * beside a plain one, and a damaged one is reported, never passed. The fixture besked-rtf.msg
 * (fixtures.test.ts) covers Outlook's HTML-in-RTF layout; these build messages in memory.
 */
import { flatText, maskedNumbers } from "../../../test/helpers/cpr-like-numbers";
import { compressRtf, makeMsg, uncompressedRtf } from "../../../test/helpers/msg-writer";
import type { Limits } from "../policy/policy";
import { extractAttachments } from "./extract";

// Synthetic (docs/design/cpr-number.md §7): born 1875 and 1885.
const IN_RTF = "150375-6125";
const IN_SUBJECT = "050585-5528";

const LIMITS: Limits = { sendBudgetMs: 4000, maxAttachmentBytes: 25 << 20, maxInflatedBytes: 128 << 20, maxArchiveEntries: 10000, maxNestingDepth: 3 };
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const rtfBody = (text: string): Uint8Array => latin1(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\pard ${text}\\par\r\n}`);

async function scan(msg: Uint8Array, limits: Limits = LIMITS) {
  const r = await extractAttachments([{ kind: "file", name: "m.msg", bytes: msg }], { limits, deadline: Date.now() + 60_000 });
  const hits = (masked: string) => r.segments.filter((s) => maskedNumbers(flatText(s)).indexOf(masked) >= 0).map((s) => s.location.place);
  return { unreadable: r.unreadable.map((u) => (u.cause ? `${u.why}/${u.cause}` : u.why)), hits };
}

const mask = (n: string): string => `${n.slice(0, 6)}-****`;
const BODY = { kind: "mail-part", part: "body" };

describe(".msg RTF body", () => {
  it.each([
    ["LZFu", compressRtf],
    ["uncompressed (MELA)", uncompressedRtf],
  ])("reads the RTF body when it is the only one (%s)", async (_name, pack) => {
    const r = await scan(makeMsg({ subject: "Sag", compressedRtf: pack(rtfBody(`Borger ${IN_RTF}`)) }));
    expect(r).toEqual(expect.objectContaining({ unreadable: [] }));
    expect(r.hits(mask(IN_RTF))).toEqual([BODY]);
  });

  it("reports a number once when Outlook stored the body both plain and as RTF", async () => {
    const text = `Borger ${IN_RTF}`;
    const r = await scan(makeMsg({ subject: "Sag", body: `${text}\r\n`, compressedRtf: compressRtf(rtfBody(text)) }));
    expect(r.hits(mask(IN_RTF))).toEqual([BODY]);
    expect(r.unreadable).toEqual([]);
  });

  it("takes the RTF body when the plain body is blank", async () => {
    const r = await scan(makeMsg({ subject: "Sag", body: " \r\n", compressedRtf: compressRtf(rtfBody(`Borger ${IN_RTF}`)) }));
    expect(r.hits(mask(IN_RTF))).toEqual([BODY]);
  });

  const good = compressRtf(rtfBody(`Borger ${IN_RTF}`));
  const badCrc = good.slice();
  badCrc[12] = (badCrc[12] as number) ^ 0xff;
  const flipped = good.slice();
  flipped[30] = (flipped[30] as number) ^ 0x01;
  it.each([
    ["a wrong CRC", badCrc],
    ["a flipped byte", flipped],
    ["a truncated stream", good.subarray(0, good.length - 7)],
    ["a header only", good.subarray(0, 16)],
    ["garbage", latin1("not a compressed RTF stream at all")],
  ])("reports the message as corrupt for %s, keeping what it read before", async (_name, stream) => {
    const r = await scan(makeMsg({ subject: `Sag ${IN_SUBJECT}`, compressedRtf: stream }));
    expect(r.unreadable).toEqual(["corrupt"]);
    expect(r.hits(mask(IN_SUBJECT))).toEqual([{ kind: "mail-part", part: "subject" }]);
  });

  it("does not fail a message on a damaged RTF copy of a readable plain body", async () => {
    const r = await scan(makeMsg({ subject: "Sag", body: `Borger ${IN_RTF}\r\n`, compressedRtf: badCrc }));
    expect(r.unreadable).toEqual([]);
    expect(r.hits(mask(IN_RTF))).toEqual([BODY]);
  });

  it("reports an RTF body over the allowance as too large", async () => {
    const big = compressRtf(rtfBody(`Borger ${IN_RTF} ${"x".repeat(200_000)}`));
    const r = await scan(makeMsg({ subject: "Sag", compressedRtf: big }), { ...LIMITS, maxInflatedBytes: 100_000 });
    expect(r.unreadable).toEqual(["too-large"]);
    expect(r.hits(mask(IN_RTF))).toEqual([]);
  });
});

describe(".msg RTF body where the decoder is left out (the send-time bundle)", () => {
  it("says so instead of passing the body", async () => {
    jest.resetModules();
    jest.doMock("@kenjiuno/decompressrtf", () => ({}));
    const { extractAttachments: extract } = (await import("./extract")) as typeof import("./extract");
    const msg = makeMsg({ subject: "Sag", compressedRtf: compressRtf(rtfBody(`Borger ${IN_RTF}`)) });
    const r = await extract([{ kind: "file", name: "m.msg", bytes: msg }], { limits: LIMITS, deadline: Date.now() + 60_000 });
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "m.msg", why: "unsupported", cause: "not-at-send-time" }]);
    jest.dontMock("@kenjiuno/decompressrtf");
  });
});
