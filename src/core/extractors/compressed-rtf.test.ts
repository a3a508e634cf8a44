import fc from "fast-check";
import { decompressRTF } from "@kenjiuno/decompressrtf";
import { compressRtf, rtfCrc32, uncompressedRtf } from "../../../test/helpers/msg-writer";
import { Budget, ExtractStop } from "./budget";
import { loadRtfDecompressor, rtfCrc, unpackCompressedRtf } from "./compressed-rtf";
import type { RtfDecompressor } from "./compressed-rtf";
import { effectiveLimits } from "./limits";
import { stopOf } from "../../../test/helpers/stop-of";

const SEED = 20261123;
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);
const budget = (maxInflatedBytes = 128 << 20): Budget => new Budget(effectiveLimits({ maxInflatedBytes }), Infinity, () => 0);
const lib: RtfDecompressor = decompressRTF;

/** [MS-OXRTFCP] 3.1.1, "Compressing a Simple String": the stream and the RTF it holds. */
const SPEC_EXAMPLE = Uint8Array.from(
  "2d 00 00 00 2b 00 00 00 4c 5a 46 75 f1 c5 c7 a7 03 00 0a 00 72 63 70 67 31 32 35 42 32 0a f3 20 68 65 6c 09 00 20 62 77 05 b0 6c 64 7d 0a 80 0f a0".split(" "),
  (h) => parseInt(h, 16),
);
const SPEC_RTF = "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n";

/** Header fields rewritten; the CRC covers only the contents, so it stays valid. */
function withHeader(stream: Uint8Array, at: number, value: number): Uint8Array {
  const b = stream.slice();
  new DataView(b.buffer).setUint32(at, value, true);
  return b;
}

describe("unpackCompressedRtf", () => {
  it("reads the specification's example, whose CRC it checks", () => {
    expect(rtfCrc(SPEC_EXAMPLE, 16, SPEC_EXAMPLE.length)).toBe(0xa7c7c5f1);
    expect(text(unpackCompressedRtf(SPEC_EXAMPLE, budget(), lib))).toBe(SPEC_RTF);
  });

  const long = Array.from({ length: 9000 }, (_, i) => "abc{}\\ 0123\r\nxyz"[(i * 7 + (i >> 5)) % 16]).join("");
  it.each([
    ["a short body", "{\\rtf1 hej}"],
    ["repeats (references)", "{\\rtf1 " + "hej ".repeat(300) + "}"],
    ["past the 4,096-byte dictionary", long],
    ["empty", ""],
  ])("returns what our encoder packed: %s", (_name, rtf) => {
    const b = budget();
    expect(text(unpackCompressedRtf(compressRtf(latin1(rtf)), b, lib))).toBe(rtf);
    // Real output is counted against the attachment's allowance.
    expect(b.inflatedSoFar()).toBe(rtf.length);
  });

  it("returns the uncompressed variant (MELA) as it is", () => {
    expect(text(unpackCompressedRtf(uncompressedRtf(latin1("{\\rtf1 hej}")), budget(), lib))).toBe("{\\rtf1 hej}");
  });

  const good = compressRtf(latin1("{\\rtf1\\ansi " + "Borger 150375-6125 ".repeat(20) + "}"));
  const flipped = good.slice();
  flipped[40] = (flipped[40] as number) ^ 0x20;
  it.each([
    ["a flipped byte (CRC fails)", flipped],
    ["a wrong CRC", withHeader(good, 12, 0x12345678)],
    ["a stream cut short", good.subarray(0, good.length - 5)],
    ["COMPSIZE claiming more than is there", withHeader(good, 0, good.length + 100)],
    ["COMPSIZE smaller than the header", withHeader(good, 0, 3)],
    ["an unknown type", withHeader(good, 8, 0x41414141)],
    ["fewer than 16 bytes", good.subarray(0, 10)],
    ["MELA claiming more raw bytes than follow", withHeader(uncompressedRtf(latin1("{\\rtf1 hej}")), 4, 500)],
  ])("stops %s as corrupt, without calling the decoder", (_name, stream) => {
    const decoder = jest.fn(lib);
    expect(stopOf(() => unpackCompressedRtf(stream, budget(), decoder))).toEqual(new ExtractStop("corrupt"));
    expect(decoder).not.toHaveBeenCalled();
  });

  it("refuses a declared size over the allowance before decoding", () => {
    const decoder = jest.fn(lib);
    const stop = stopOf(() => unpackCompressedRtf(withHeader(good, 4, 0x7fffffff), budget(), decoder));
    expect(stop?.why).toBe("zip-bomb");
    expect(decoder).not.toHaveBeenCalled();
  });

  it("measures the real output when the declared size lies, and stops before the decoder allocates it", () => {
    // 20,000 bytes of repeats pack into ~2,400; the header then claims 10.
    const lying = withHeader(compressRtf(latin1("x".repeat(20_000))), 4, 10);
    const decoder = jest.fn(lib);
    expect(stopOf(() => unpackCompressedRtf(lying, budget(4096), decoder))?.why).toBe("too-large");
    expect(decoder).not.toHaveBeenCalled();
    // Within the allowance the same stream is read whole: the real output, not the claim, counts.
    const b = budget();
    expect(unpackCompressedRtf(lying, b, lib).length).toBe(20_000);
    expect(b.inflatedSoFar()).toBe(20_000);
  });

  it("counts against what the attachment has already used", () => {
    const b = budget(4096);
    b.addInflated(4000);
    expect(stopOf(() => unpackCompressedRtf(compressRtf(latin1("y".repeat(500))), b, lib))?.why).toBe("too-large");
  });

  it("turns a decoder that throws into corrupt", () => {
    const throwing: RtfDecompressor = () => {
      throw new Error("boom");
    };
    expect(stopOf(() => unpackCompressedRtf(good, budget(), throwing))).toEqual(new ExtractStop("corrupt"));
  });

  it("round-trips any text (seeded)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(..."{}\\ab 01-9\r\næ".split("")), { maxLength: 6000 }), (chars) => {
        const rtf = latin1(chars.join(""));
        expect(Array.from(unpackCompressedRtf(compressRtf(rtf), budget(), lib))).toEqual(Array.from(rtf));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("measures exactly what the library writes for arbitrary token streams with a valid CRC (seeded)", () => {
    // Random contents exercise every path of the library's loop (references before the dictionary
    // fills, no end marker, a reference cut by the end); a mismatch would surface as "corrupt".
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (contents) => {
        const head = new Uint8Array(16);
        const v = new DataView(head.buffer);
        v.setUint32(0, contents.length + 12, true);
        v.setUint32(4, 0, true);
        v.setUint32(8, 0x75465a4c, true);
        v.setUint32(12, rtfCrc32(contents), true);
        const stream = new Uint8Array(16 + contents.length);
        stream.set(head);
        stream.set(contents, 16);
        const out = unpackCompressedRtf(stream, budget(), lib);
        expect(out.length).toBe(decompressRTF(Array.from(stream)).length);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("loadRtfDecompressor", () => {
  it("loads the library's decoder where it is bundled", async () => {
    const d = await loadRtfDecompressor();
    expect(d && text(Uint8Array.from(d(Array.from(SPEC_EXAMPLE))))).toBe(SPEC_RTF);
  });
});
