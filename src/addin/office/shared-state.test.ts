/** @jest-environment node */
import type { Finding, MaskedCpr } from "../../core/index";
import {
  contextDataFor,
  emptySharedState,
  maskForStorage,
  parseContextData,
  parseSharedState,
  serializeSharedState,
  type SharedState,
} from "./shared-state";

const cpr = (i: number): Finding => ({
    kind: "cpr",
    location: { part: "attachment", attachment: `bilag-${i}.pdf`, place: { kind: "page", page: i } },
  masked: "150375-****" as MaskedCpr,
  confidence: "high",
  form: "hyphen",
  reasons: ["keyword"],
  span: { start: i, end: i + 11 },
});

describe("maskForStorage", () => {
  it.each([
    ['{"name":"150375-6125_ansoegning.pdf"}', '{"name":"150375-****_ansoegning.pdf"}'],
    ['{"name":"scan 1503756125.pdf"}', '{"name":"scan 150375-****.pdf"}'],
    ['{"at":1795442340999,"size":1234}', '{"at":1795442340999,"size":1234}'],
    ['{"masked":"150375-****"}', '{"masked":"150375-****"}'],
  ])("%s → %s", (input, output) => {
    expect(maskForStorage(input)).toBe(output);
  });
});

describe("serializeSharedState", () => {
  it("round-trips", () => {
    const state: SharedState = { v: 1, attachments: { "a|1|00000000": { name: "a", at: 1, findings: [cpr(1)] } }, warned: "warn:1:abc" };
    expect(parseSharedState(serializeSharedState(state, 50_000))).toEqual(state);
  });

  it("fits the 50,000-character limit by dropping the oldest cached attachments first", () => {
    const attachments: Record<string, { name: string; at: number; findings: Finding[] }> = {};
    for (let i = 0; i < 400; i++) attachments[`bilag-${i}.pdf|100|0000000${i % 10}`] = { name: `bilag-${i}.pdf`, at: i, findings: [cpr(i)] };
    const text = serializeSharedState({ v: 1, attachments }, 50_000);
    expect(text.length).toBeLessThanOrEqual(50_000);
    const kept = parseSharedState(text).attachments;
    const ages = Object.values(kept).map((a) => a.at);
    expect(ages.length).toBeGreaterThan(10);
    expect(Math.min(...ages)).toBeGreaterThan(400 - ages.length - 1);
  });

  it("shortens the send result when even that does not fit", () => {
    const reasons = Array.from({ length: 300 }, (_, i) => ({ finding: cpr(i), action: "block" as const }));
    const text = serializeSharedState({ v: 1, attachments: {}, send: { at: 1, verdict: "block", reasons, total: 300 } }, 5_000);
    expect(text.length).toBeLessThanOrEqual(5_000);
    const send = parseSharedState(text).send!;
    expect(send.total).toBe(300);
    expect(send.reasons.length).toBeLessThan(300);
  });

  it.each([undefined, "", "{", '{"v":2,"attachments":{}}', "[]"])("reads %j as empty", (text) => {
    expect(parseSharedState(text)).toEqual(emptySharedState());
  });
});

describe("contextData", () => {
  it("is a string (classic Windows before 2402 takes only strings) that the task pane parses back", () => {
    const send = { at: 5, verdict: "block" as const, reasons: [{ finding: cpr(1), action: "block" as const }], total: 1 };
    const data = contextDataFor(send);
    expect(typeof data).toBe("string");
    expect(parseContextData(data)).toEqual(send);
  });

  it.each(["", "not json", '{"a":1}', "null"])("ignores %j", (text) => {
    expect(parseContextData(text)).toBeUndefined();
  });
});
