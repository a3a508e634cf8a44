/** @jest-environment node */
import fc from "fast-check";
import { installRuntimeShims, shimAtob, ShimBlob, ShimTextDecoder, ShimTextEncoder } from "./runtime-shims";

describe("runtime shims", () => {
  it("installs only what is missing", () => {
    expect(installRuntimeShims({})).toEqual(["TextEncoder", "TextDecoder", "Blob", "atob"]);
    expect(installRuntimeShims(globalThis as unknown as Record<string, unknown>)).toEqual([]);
  });

  it("replaces a Blob that cannot be built from arrays (office-js #5869)", () => {
    class BrokenBlob {
      constructor() {
        throw new Error("not supported");
      }
    }
    const g: Record<string, unknown> = { Blob: BrokenBlob, TextEncoder, TextDecoder, atob };
    expect(installRuntimeShims(g)).toEqual(["Blob"]);
    expect(g.Blob).toBe(ShimBlob);
  });

  it("TextEncoder/TextDecoder agree with Node's for UTF-8 (seeded)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const bytes = new ShimTextEncoder().encode(s);
        expect(Array.from(bytes)).toEqual(Array.from(new TextEncoder().encode(s)));
        expect(new ShimTextDecoder("utf-8").decode(bytes)).toBe(new TextDecoder("utf-8").decode(bytes));
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it.each([
    ["windows-1252", [0x80, 0xe6, 0x41], "€æA"],
    ["latin1", [0x93, 0x94], "\u201c\u201d"],
    ["utf-16le", [0xff, 0xfe, 0x41, 0x00, 0xe6, 0x00], "Aæ"],
    ["utf-16be", [0x00, 0x41], "A"],
    ["utf-8", [0xc3, 0x28], "\ufffd("],
  ])("decodes %s", (label, bytes, text) => {
    expect(new ShimTextDecoder(label).decode(new Uint8Array(bytes))).toBe(text);
  });

  it("refuses charsets it does not know (postal-mime then falls back)", () => {
    expect(() => new ShimTextDecoder("shift_jis")).toThrow(RangeError);
  });

  it("Blob concatenates its parts", async () => {
    const blob = new ShimBlob([new Uint8Array([1, 2]), "æ", new ShimBlob([new Uint8Array([3])])]);
    expect(blob.size).toBe(5);
    expect(Array.from(new Uint8Array(await blob.arrayBuffer()))).toEqual([1, 2, 0xc3, 0xa6, 3]);
    expect(Object.prototype.toString.call(blob)).toBe("[object Blob]");
  });

  it("atob agrees with the platform's", () => {
    expect(shimAtob("w6ZoZWo=")).toBe(atob("w6ZoZWo="));
    expect(() => shimAtob("**")).toThrow();
  });
});
