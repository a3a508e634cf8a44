import { DEFAULT_POLICY } from "../policy/default-policy";
import { withDefaults } from "../policy/with-defaults";
import type { Finding, MaskedCpr } from "../finding";
import {
  emptyMemory,
  externalDomains,
  hashDomain,
  isKnownDomain,
  MEMORY_MAX_CHARS,
  newDomainsForCpr,
  parseMemory,
  rememberDomains,
} from "./recipient-memory";

const policy = withDefaults({ ownDomains: ["randers.dk"], trustedDomains: ["aarhus.dk"], secureRecipients: { domains: ["digital-post.dk"], addresses: [] } });
const cpr: Finding = { kind: "cpr", location: { part: "body" }, masked: "150650-****" as MaskedCpr, confidence: "high", form: "hyphen", reasons: [], span: { start: 0, end: 11 } };
const lookalike: Finding = {
  kind: "lookalike-domain", recipient: "a@anders.dk", field: "to", domain: "anders.dk", resembles: "randers.dk", target: "own", reason: "typo", suggestion: "a@randers.dk",
};

describe("recipient memory", () => {
  it("stores salted hashes, not names", () => {
    const m = rememberDomains(emptyMemory("salt-a"), ["example.dk"], 20000);
    expect(JSON.stringify(m)).not.toContain("example");
    expect(m.entries[0]![0]).toMatch(/^[0-9a-f]{16}$/);
    expect(hashDomain("salt-a", "example.dk")).not.toBe(hashDomain("salt-b", "example.dk"));
    expect(hashDomain("salt-a", "Example.DK ")).toBe(hashDomain("salt-a", "example.dk"));
    expect(isKnownDomain(m, "example.dk")).toBe(true);
    expect(isKnownDomain(m, "example.com")).toBe(false);
    expect(isKnownDomain(undefined, "example.dk")).toBe(false);
  });

  it("keeps the most recently used first and drops the least recently used to fit the limit", () => {
    let m = emptyMemory("s");
    for (let i = 0; i < 3000; i++) m = rememberDomains(m, [`d${i}.dk`], 20000 + i);
    expect(JSON.stringify(m).length).toBeLessThanOrEqual(MEMORY_MAX_CHARS);
    expect(isKnownDomain(m, "d2999.dk")).toBe(true);
    expect(isKnownDomain(m, "d0.dk")).toBe(false);
    const kept = m.entries.length;
    expect(kept).toBeGreaterThan(500);
    // Using an old domain again moves it to the front: the next one to go is another.
    const oldest = `d${3000 - kept}.dk`;
    expect(isKnownDomain(m, oldest)).toBe(true);
    m = rememberDomains(m, [oldest], 30000);
    m = rememberDomains(m, ["new.dk"], 30001);
    expect(isKnownDomain(m, oldest)).toBe(true);
    expect(isKnownDomain(m, `d${3001 - kept}.dk`)).toBe(false);
    // 32 KB is Outlook's limit for all of the add-in's settings.
    expect(MEMORY_MAX_CHARS).toBeLessThan(32 * 1024);
  });

  it("reads anything that is not a memory as none", () => {
    for (const raw of [undefined, null, 1, "x", { v: 2, salt: "s", entries: [] }, { v: 1, salt: "", entries: [] }, { v: 1, salt: "s" }]) {
      expect(parseMemory(raw)).toBeUndefined();
    }
    expect(parseMemory({ v: 1, salt: "s", entries: [["0123456789abcdef", 1], ["example.dk", 2], "x"] })?.entries).toEqual([["0123456789abcdef", 1]]);
  });

  it("counts only external domains: not own, trusted, secure, or a look-alike", () => {
    const recipients = ["a@randers.dk", "b@sub.randers.dk", "c@aarhus.dk", "d@x.digital-post.dk", "e@anders.dk", "f@example.dk", "g@EXAMPLE.dk", "h@kommune.example.com"].map((address) => ({ address }));
    expect(externalDomains(recipients, [lookalike], policy)).toEqual(["example.dk", "kommune.example.com"]);
    expect(externalDomains(recipients, [], DEFAULT_POLICY)).toContain("anders.dk");
  });

  it("names new domains only on a mail with a CPR finding", () => {
    const m = rememberDomains(emptyMemory("s"), ["known.dk"], 1);
    expect(newDomainsForCpr(["known.dk", "new.dk"], [cpr], m)).toEqual(["new.dk"]);
    expect(newDomainsForCpr(["known.dk", "new.dk"], [lookalike], m)).toEqual([]);
    expect(newDomainsForCpr(["new.dk"], [cpr], undefined)).toEqual(["new.dk"]);
  });
});
