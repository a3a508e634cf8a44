/**
 * Hostile policies: huge lists, huge keys, repeated parses. Times are the bench's business
 * (bench/policy.bench.ts); here: the caps name the field, and one content is parsed once.
 */
import { MAX_POLICY_LIST_ENTRIES, parsePolicy } from "./parse-policy";

const BASE = { ownDomains: ["randers.dk"], trustedDomains: [] as string[] };

describe("size caps name the field", () => {
  it("a list longer than MAX_POLICY_LIST_ENTRIES", () => {
    const r = parsePolicy(JSON.stringify({ ...BASE, trustedDomains: Array.from({ length: MAX_POLICY_LIST_ENTRIES + 1 }, (_, i) => `d${i}.dk`) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: "trustedDomains", code: "too-large" });
  });

  it("a 1 MB unknown key is reported, shortened, without a did-you-mean over its length", () => {
    const key = "x".repeat(1 << 20);
    const r = parsePolicy(JSON.stringify({ ...BASE, [key]: 1 }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.code).toBe("unknown-key");
      expect(r.issues[0]!.message.length).toBeLessThan(600);
    }
  });

  it("a 1 MB domain entry is too long, shown shortened", () => {
    const r = parsePolicy(JSON.stringify({ ...BASE, trustedDomains: ["a".repeat(1 << 20) + ".dk"] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ path: "trustedDomains[0]", code: "too-long" });
      expect(r.issues[0]!.message.length).toBeLessThan(600);
    }
  });

  it("100,000 mistakes are reported by the first 200 and a count", () => {
    const r = parsePolicy(JSON.stringify({ ...BASE, trustedDomains: Array.from({ length: 100_000 }, () => 1) }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.length).toBe(201);
      expect(r.issues[200]!.message).toContain("99800 more");
    }
  });

  it("duplicates are removed keeping first-seen order (a Set, not a scan per entry)", () => {
    const r = parsePolicy(JSON.stringify({ ...BASE, trustedDomains: ["b.dk", "a.dk", "B.dk", "a.dk."] }));
    expect(r.ok && r.policy.trustedDomains).toEqual(["b.dk", "a.dk"]);
  });
});

describe("parsed once per content", () => {
  it("the same text gives the same (frozen) policy object, so compiled lists are reused too", () => {
    const text = JSON.stringify({ ...BASE, trustedDomains: ["aarhus.dk"] });
    const a = parsePolicy(text);
    const b = parsePolicy(String(text));
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    // Another content is parsed on its own.
    expect(parsePolicy(JSON.stringify({ ...BASE, trustedDomains: ["kk.dk"] }))).not.toBe(a);
  });
});
