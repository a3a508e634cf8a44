/**
 * Seeded property tests over every reader: random bytes, and the real fixtures mutated (bytes
 * flipped, cut, spliced). Whatever comes in, `extractAttachments` resolves (never throws), every
 * failure is a known reason, and the counted inflation and text stay under the limits.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Limits } from "../policy/policy";
import { extractAttachments } from "./extract";
import { readPdfMini } from "./pdf";
import { Budget } from "./budget";
import { effectiveLimits } from "./limits";
import { readRtf } from "./rtf";
import { decodeText, decodeUtf8, usePureDecoders } from "./text-decode";

const DIR = join(__dirname, "..", "..", "..", "test", "fixtures", "attachments");
const SEED = 20261123;
const LIMITS: Limits = { sendBudgetMs: 4000, maxAttachmentBytes: 4 << 20, maxInflatedBytes: 8 << 20, maxArchiveEntries: 500, maxNestingDepth: 3 };
const REASONS = ["encrypted", "corrupt", "too-large", "zip-bomb", "timeout", "unsupported"];

const fixtures = readdirSync(DIR)
  .filter((f) => !f.endsWith(".json") && f !== "src")
  .sort()
  .map((f) => [f, new Uint8Array(readFileSync(join(DIR, f)))] as const);

async function checkTotal(name: string, bytes: Uint8Array): Promise<void> {
  const r = await extractAttachments([{ kind: "file", name, bytes }], { limits: LIMITS, deadline: Date.now() + 30_000 });
  expect(r.segments[0]?.location.place).toEqual({ kind: "file-name" });
  for (const u of r.unreadable) expect(REASONS).toContain(u.why);
  expect(r.peaks.inflatedBytes).toBeLessThanOrEqual(LIMITS.maxInflatedBytes);
  for (const s of r.segments) {
    expect(typeof s.text).toBe("string");
    for (const b of s.softBreaks ?? []) expect(s.text.charAt(b)).toBe("\n");
  }
}

/** A mutation of `base`: flips, a cut, a splice of another fixture's bytes. */
const mutated = (base: Uint8Array) =>
  fc
    .record({
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
      splice: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })), { nil: undefined }),
    })
    .map(({ flips, cut, splice }) => {
      let b = base.slice();
      for (const [at, v] of flips) if (b.length > 0) b[at % b.length] = v;
      if (splice && b.length > 0) {
        const at = splice[0] % b.length;
        const next = new Uint8Array(b.length + splice[1].length);
        next.set(b.subarray(0, at));
        next.set(splice[1], at);
        next.set(b.subarray(at), at + splice[1].length);
        b = next;
      }
      if (cut !== undefined && b.length > 1) b = b.subarray(0, 1 + (cut % (b.length - 1)));
      return b;
    });

describe("fuzz: never throws past the boundary, never exceeds the limits", () => {
  it("random bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), (b) => checkTotal("x.bin", b)), { seed: SEED, numRuns: 200 });
  });

  it("random bytes behind each magic number", async () => {
    const heads = ["PK\u0003\u0004", "%PDF-1.7\n", "{\\rtf1 ", "From: a\r\nTo: b\r\nSubject: c\r\n\r\n", "<html>", "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1"];
    const arb = fc.tuple(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 2048 })).map(([h, rest]) => {
      const head = Uint8Array.from(h, (c) => c.charCodeAt(0));
      const out = new Uint8Array(head.length + rest.length + 512);
      out.set(head);
      out.set(rest, head.length);
      return out;
    });
    await fc.assert(fc.asyncProperty(arb, (b) => checkTotal("y", b)), { seed: SEED, numRuns: 200 });
  });

  it.each(fixtures)("mutated %s", async (name, base) => {
    await fc.assert(fc.asyncProperty(mutated(base), (b) => checkTotal(name, b)), { seed: SEED, numRuns: 25 });
  });

  it("the mini PDF reader and the RTF reader alone never throw", () => {
    const budget = (): Budget => new Budget(effectiveLimits(LIMITS), Date.now() + 30_000, () => Date.now());
    const pdf = fixtures.find(([n]) => n === "brev-gs.pdf")?.[1] as Uint8Array;
    const rtf = fixtures.find(([n]) => n === "brev.rtf")?.[1] as Uint8Array;
    fc.assert(
      fc.property(mutated(pdf), (b) => {
        const r = readPdfMini(b, budget());
        expect(["ok", "encrypted", "corrupt", "timeout", "too-large", "zip-bomb"]).toContain(r.status);
      }),
      { seed: SEED, numRuns: 60 },
    );
    fc.assert(
      fc.property(mutated(rtf), (b) => {
        const texts: string[] = [];
        expect(() => readRtf(b, { budget: budget(), emit: (t) => texts.push(t), nested: () => undefined })).not.toThrow();
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("the pure UTF-8 decoder agrees with the platform's on any bytes", () => {
    const native = new TextDecoder("utf-8");
    usePureDecoders(true);
    try {
      fc.assert(
        fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }).map((s) => new TextEncoder().encode(s))), (b) => {
          expect(decodeUtf8(b)).toBe(native.decode(b));
        }),
        { seed: SEED, numRuns: 500 },
      );
    } finally {
      usePureDecoders(false);
    }
  });
});

describe("text files: one-pass UTF-8 check and line ends", () => {
  const textOf = (b: Uint8Array, pure: boolean): string => {
    usePureDecoders(pure);
    try {
      return decodeText(b);
    } finally {
      usePureDecoders(false);
    }
  };

  it("the native strict path and the pure path pick the same encoding and text on any bytes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }).map((s) => new TextEncoder().encode(s))), (b) => {
        expect(textOf(b, false)).toBe(textOf(b, true));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it.each([
    ["LF", "a\nb\n\nc", [["a", 1], ["b", 2], ["c", 4]]],
    ["CRLF", "a\r\nb\r\n\r\nc\r\n", [["a", 1], ["b", 2], ["c", 4]]],
    ["lone CR", "a\rb\r\rc", [["a", 1], ["b", 2], ["c", 4]]],
    ["mixed", "a\r\nb\rc\nd", [["a", 1], ["b", 2], ["c", 3], ["d", 4]]],
    ["no line end", "abc", [["abc", 1]]],
    ["only line ends", "\r\n\n\r", []],
  ])("lines of a %s file are numbered as an editor numbers them", async (_label, text, expected) => {
    const r = await extractAttachments([{ kind: "file", name: "a.txt", bytes: new TextEncoder().encode(text) }], {
      limits: { sendBudgetMs: 4000, maxAttachmentBytes: 1 << 20, maxInflatedBytes: 1 << 20, maxArchiveEntries: 10, maxNestingDepth: 3 },
      deadline: Date.now() + 60_000,
    });
    const lines = r.segments.filter((s) => s.location.place?.kind === "line").map((s) => [s.text, s.location.place?.kind === "line" ? s.location.place.line : 0]);
    expect(lines).toEqual(expected);
  });
});
