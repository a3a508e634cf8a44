/** @jest-environment node */
import fc from "fast-check";
import { decodeBase64, decodeBase64Chunked, encodeUtf8, fnv1a, fnv1aChunked, allowNativeBase64 } from "./base64";

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

describe("decoding and hashing in chunks (a 25 MB attachment must not hold the event loop)", () => {
  /** A gate that counts its calls and never stops. */
  function counting(chunkChars: number) {
    const g = { calls: 0, chunkChars, gate: () => (g.calls++, false) };
    return g;
  }

  it("gives the same bytes and hash as in one go, asking the gate between every chunk (seeded)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
        const b64 = Buffer.from(bytes).toString("base64");
        const g = counting(chunk);
        const decoded = await decodeBase64Chunked(b64, g);
        expect(decoded !== "stopped" && decoded.ok && Array.from(decoded.bytes)).toEqual(Array.from(bytes));
        // No more than `chunk` characters between two checks: one check before every chunk but the
        // first, up to the chunk that holds the padding (the rest is not read).
        const last = b64.indexOf("=") >= 0 ? b64.indexOf("=") : b64.length - 1;
        expect(g.calls).toBe(b64.length === 0 ? 0 : Math.floor(last / chunk));
        const h = counting(chunk);
        expect(await fnv1aChunked(b64, h)).toBe(fnv1a(b64));
        expect(h.calls).toBe(Math.max(0, Math.ceil(b64.length / chunk) - 1));
      }),
      { seed: 1313, numRuns: 200 },
    );
  });

  it("keeps the FNV test vectors and refuses what decodeBase64 refuses", async () => {
    expect(await fnv1aChunked("foobar", counting(2))).toBe("bf9cf968");
    expect(await decodeBase64Chunked("aGVs*G8=", counting(2))).toEqual({ ok: false });
  });

  it("stops at the first check after the gate says stop, without reading on", async () => {
    const text = "QUJD".repeat(1000);
    let calls = 0;
    const stopThird = { chunkChars: 100, gate: () => ++calls === 3 };
    expect(await fnv1aChunked(text, stopThird)).toBe("stopped");
    expect(calls).toBe(3);
    calls = 0;
    expect(await decodeBase64Chunked(text, stopThird)).toBe("stopped");
    expect(calls).toBe(3);
  });
});

describe("the platform's base64 decoder as a fast path (the same bytes, the same stops)", () => {
  type Proto = { setFromBase64?: unknown };
  const proto = Uint8Array.prototype as unknown as Proto;
  const realSet = proto.setFromBase64;
  const g = globalThis as unknown as { atob?: (s: string) => string };
  const realAtob = g.atob;
  let calls = 0;
  /**
   * A decoder laxer than any browser's: Node's Buffer skips characters it does not know, reads
   * "-" and "_", and stops quietly at "=". Whatever it gets wrong must still come out right.
   */
  function lax(this: Uint8Array, text: string): { read: number; written: number } {
    calls++;
    const bytes = Buffer.from(text, "base64");
    const n = Math.min(bytes.length, this.length);
    this.set(bytes.subarray(0, n));
    return { read: text.length, written: n };
  }
  afterEach(() => {
    if (realSet === undefined) delete proto.setFromBase64;
    else proto.setFromBase64 = realSet;
    g.atob = realAtob;
    allowNativeBase64(true);
  });

  /** Base64 with damage a host might hand over: line breaks, a form feed, "=" inside, bad or URL-safe characters. */
  const damaged = fc
    .tuple(fc.uint8Array({ maxLength: 120 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom("\r\n", " ", "\f", "=", "==", "*", "-", "_", "\u00e6")), { maxLength: 3 }))
    .map(([bytes, edits]) => {
      let text = Buffer.from(bytes).toString("base64");
      for (const [at, what] of edits) text = text.slice(0, at % (text.length + 1)) + what + text.slice(at % (text.length + 1));
      return text;
    });

  async function agreesWithTheLoop(text: string, chunk: number): Promise<void> {
    allowNativeBase64(false);
    const pure = await decodeBase64Chunked(text, { chunkChars: chunk, gate: () => false });
    const pureWhole = decodeBase64(text);
    allowNativeBase64(true);
    const fast = await decodeBase64Chunked(text, { chunkChars: chunk, gate: () => false });
    expect(fast).toEqual(pure);
    expect(decodeBase64(text)).toEqual(pureWhole);
  }

  it("Uint8Array.prototype.setFromBase64 (Chromium): used, and never trusted beyond what the loop would give (seeded)", async () => {
    proto.setFromBase64 = lax;
    allowNativeBase64(true);
    calls = 0;
    await agreesWithTheLoop(Buffer.from("hello world, and more").toString("base64"), 8);
    expect(calls).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(damaged, fc.constantFrom(4, 8, 12, 64, 5, 7, 1 << 18), (text, chunk) => agreesWithTheLoop(text, chunk)),
      { seed: 2016, numRuns: 400 },
    );
  });

  it("atob where there is no setFromBase64: used, with the same guard (seeded)", async () => {
    delete proto.setFromBase64;
    let atobCalls = 0;
    g.atob = (text: string) => (atobCalls++, Buffer.from(text, "base64").toString("latin1"));
    allowNativeBase64(true);
    await agreesWithTheLoop(Buffer.from("hello world, and more").toString("base64"), 8);
    expect(atobCalls).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(damaged, fc.constantFrom(4, 8, 5, 1 << 18), (text, chunk) => agreesWithTheLoop(text, chunk)),
      { seed: 2017, numRuns: 300 },
    );
  });

  it("a host decoder that fails its probe, or throws, leaves the loop to do it all", async () => {
    delete proto.setFromBase64;
    g.atob = () => "wrong";
    allowNativeBase64(true);
    expect(decodeBase64("aGVsbG8=")).toEqual({ ok: true, bytes: new Uint8Array(Buffer.from("hello")) });
    g.atob = undefined;
    allowNativeBase64(true);
    expect(decodeBase64("aGVs\r\nbG8=")).toEqual({ ok: true, bytes: new Uint8Array(Buffer.from("hello")) });
  });

  it("an atob that decodes with this module (the runtime shim) does not call itself", () => {
    delete proto.setFromBase64;
    let shimCalls = 0;
    g.atob = (text: string) => {
      shimCalls++;
      const d = decodeBase64(text);
      if (!d.ok) throw new Error("bad");
      return Buffer.from(d.bytes).toString("latin1");
    };
    allowNativeBase64(true);
    shimCalls = 0;
    expect(decodeBase64("aGVsbG8=")).toEqual({ ok: true, bytes: new Uint8Array(Buffer.from("hello")) });
    // Once: inside it, the decode it asks for takes the loop (not the shim again, and again…).
    expect(shimCalls).toBe(1);
  });
});
