import fc from "fast-check";
import { isLdhHost, parseHost } from "./host-name";

/** The regular expression the policy parser used before the one-pass check (labels 1–63 LDH, ≥ 2 labels). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

describe("isLdhHost", () => {
  it.each([
    ["randers.dk", true],
    ["mail.randers.dk", true],
    ["a-b.c-d.dk", true],
    ["xn--rnders-iua.dk", true],
    ["randers", false],
    ["-randers.dk", false],
    ["randers-.dk", false],
    ["randers..dk", false],
    [".randers.dk", false],
    ["randers.dk.", false],
    ["Randers.dk", false],
    ["rånders.dk", false],
    ["ran ders.dk", false],
    [`${"a".repeat(63)}.dk`, true],
    [`${"a".repeat(64)}.dk`, false],
    [`${"abcd.".repeat(50)}dk`, true],
    [`${"abcd.".repeat(51)}dk`, false],
  ])("%s → %s", (text, expected) => {
    expect(isLdhHost(text)).toBe(expected);
  });

  it("agrees with the former regular expression and length cap (seeded)", () => {
    const char = fc.constantFrom(..."ab0-.-.Z");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 80 }).map((cs) => cs.join("")), fc.nat(3), (text, repeat) => {
        const t = text.repeat(repeat + 1);
        expect(isLdhHost(t)).toBe(t.length <= 253 && HOST.test(t));
      }),
      { seed: 20261207, numRuns: 3000 },
    );
  });
});

describe("parseHost fast path", () => {
  it("gives the same host as the label-by-label path for plain ASCII names", () => {
    // Upper case takes the label-by-label path; lower case the one-pass path: same result.
    for (const name of ["randers.dk", "mail.randers.dk", "a-b.example.co.uk", "skat.dk"]) {
      expect(parseHost(name)).toEqual(parseHost(name.toUpperCase()));
    }
  });

  it("leaves A-labels and numeric top-level labels to the label-by-label path", () => {
    expect(parseHost("xn--rnders-iua.dk")?.unicode).toBe("rånders.dk");
    expect(parseHost("xn--zz--.dk")).toBeUndefined();
    expect(parseHost("10.0.0.1")).toBeUndefined();
  });
});
