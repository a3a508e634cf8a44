/** @jest-environment node */
import fc from "fast-check";
import { decodeBase64, encodeUtf8, fnv1a } from "./base64";

describe("decodeBase64", () => {
  it("agrees with Node's Buffer on random bytes (seeded)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeBase64(Buffer.from(bytes).toString("base64"));
        expect(decoded.ok && Array.from(decoded.bytes)).toEqual(Array.from(bytes));
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it.each([
    ["line-wrapped (MIME style)", "aGVs\r\nbG8=", "hello"],
    ["unpadded", "aGVsbG8", "hello"],
    ["URL-safe alphabet", "-_8", "\u00fb\u00ff"],
    ["empty", "", ""],
  ])("reads %s", (_what, input, expected) => {
    const decoded = decodeBase64(input);
    expect(decoded.ok && Buffer.from(decoded.bytes).toString("latin1")).toBe(expected);
  });

  it.each(["aGVs*G8=", "aG\u00e6Vs", "%%%%"])("refuses %j", (input) => {
    expect(decodeBase64(input).ok).toBe(false);
  });
});

describe("encodeUtf8", () => {
  it("agrees with Buffer on random strings, surrogate pairs included (seeded)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 50 }), (s) => {
        expect(Buffer.from(encodeUtf8(s)).equals(Buffer.from(s, "utf8"))).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("turns a lone surrogate into U+FFFD, as TextEncoder does", () => {
    expect(Array.from(encodeUtf8("a\ud800b"))).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });
});

describe("fnv1a", () => {
  it.each([
    ["", "811c9dc5"],
    ["a", "e40c292c"],
    ["foobar", "bf9cf968"],
  ])("matches the FNV-1a test vector for %j", (input, hash) => {
    expect(fnv1a(input)).toBe(hash);
  });
});

describe("fnv1a's loop reads no globals", () => {
  it("still hashes with Math.imul gone after load (it was read once, at load)", () => {
    const real = Math.imul;
    Math.imul = () => {
      throw new Error("global Math.imul read in the hash loop");
    };
    try {
      expect(fnv1a("foobar")).toBe("bf9cf968");
    } finally {
      Math.imul = real;
    }
  });
});
