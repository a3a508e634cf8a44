/** @jest-environment node */
/**
 * The TextDecoder substitute is built on the core's decoders: for arbitrary bytes (invalid UTF-8,
 * UTF-16, every windows-1252 byte) it gives what the WHATWG Encoding Standard says, and it never calls itself when installed as the global decoder.
 */
import fc from "fast-check";
import { ShimTextDecoder } from "./runtime-shims";
// eslint-disable-next-line no-restricted-imports -- the decoders the substitute is built on, tested together.
import { cp1252Char, decodeUtf8, usePureDecoders } from "../../core/extractors/text-decode";

describe("the TextDecoder substitute", () => {
  it.each(["utf-8", "utf-16le", "utf-16be"])("%s: the same string as Node's decoder for any bytes (seeded)", (label) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        // Two differences, both as before the substitute was built on the core: an odd last byte
        // of UTF-16 is dropped (Node gives U+FFFD), and a lone surrogate is kept (Node gives U+FFFD).
        const even = label.indexOf("utf-16") === 0 ? bytes.subarray(0, bytes.length & ~1) : bytes;
        const ours = new ShimTextDecoder(label).decode(even);
        const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/.test(ours);
        if (!lone) expect(ours).toBe(new TextDecoder(label).decode(even));
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it("windows-1252: every byte as the WHATWG table maps it", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(new ShimTextDecoder("windows-1252").decode(all), (c) => c.charCodeAt(0))).toEqual(Array.from(all, cp1252Char));
  });

  it("windows-1252: the bytes with no character of their own stay themselves, as WHATWG maps them", () => {
    expect(new ShimTextDecoder("windows-1252").decode(Uint8Array.of(0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x96))).toBe("\u0081\u008d\u008f\u0090\u009d\u2013");
  });

  it("installed as the global decoder, the core's UTF-8 fast path finds it and does not recurse", () => {
    const g = globalThis as { TextDecoder?: unknown };
    const saved = g.TextDecoder;
    g.TextDecoder = ShimTextDecoder;
    usePureDecoders(false);
    try {
      expect(decodeUtf8(Uint8Array.of(0xc3, 0xa6, 0x31))).toBe("æ1");
    } finally {
      g.TextDecoder = saved;
      usePureDecoders(false);
    }
  });
});
