/**
 * The look-alike rule's lists (lookalike-domain.ts) as findLookalikes sees them, each test compiling
 * its own lists: the indexes are built once per compiled list, on its first recipient, so a test that
 * reuses a list compiled elsewhere never runs the building code it depends on (mutation testing's
 * per-test coverage then credits only the first test). Found by mutation testing (docs/mutation.md).
 */
import type { LookalikeFinding } from "../finding";
import type { Recipient } from "../message";
import { compileDomainLists, compiledSize, findLookalikes } from "./lookalike-domain";

const to = (address: string): Recipient => ({ address, field: "to" });

function onlyFinding(address: string, lists: ReturnType<typeof compileDomainLists>): LookalikeFinding {
  const findings = findLookalikes([to(address)], lists);
  expect(findings).toHaveLength(1);
  return findings[0] as LookalikeFinding;
}

describe("secondary targets (the built-in list), with lists compiled in the test", () => {
  it("are on by default: silkebrog.dk resembles the known silkeborg.dk", () => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [] });
    expect(onlyFinding("a@silkebrog.dk", lists)).toMatchObject({ resembles: "silkeborg.dk", target: "known", reason: "typo" });
  });

  it("include public labels of exactly four letters (virrk.dk for virk.dk), not of three (hk.dk)", () => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [] });
    expect(onlyFinding("a@virrk.dk", lists)).toMatchObject({ resembles: "virk.dk", target: "known" });
    expect(findLookalikes([to("a@htk.dk")], lists)).toEqual([]);
  });

  it("are off with secondaryTargets: false, and the list still allows its own domains", () => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [], secondaryTargets: false });
    expect(findLookalikes([to("a@silkebrog.dk"), to("b@silkeborg.dk")], lists)).toEqual([]);
    expect(onlyFinding("c@anders.dk", lists).resembles).toBe("randers.dk");
  });
});

describe("entries and addresses the rule cannot use", () => {
  it("a list entry with no registrable domain (a bare public suffix) makes no target and breaks nothing", () => {
    for (const entry of ["co.uk", "dk"]) {
      const lists = compileDomainLists({ own: ["randers.dk", entry], trusted: [entry], known: [entry], useBuiltInList: false });
      expect(onlyFinding("a@anders.dk", lists)).toMatchObject({ resembles: "randers.dk", target: "own" });
    }
  });

  it("a list entry that is not a string is skipped (a policy file is untrusted JSON)", () => {
    const odd = [42, null, undefined, { domain: "x.dk" }] as unknown as string[];
    const lists = compileDomainLists({ own: [...odd, "randers.dk"], trusted: odd, known: odd, confirmed: odd, useBuiltInList: false });
    expect(onlyFinding("a@anders.dk", lists).resembles).toBe("randers.dk");
  });

  it("a recipient whose address is not a string is an invalid recipient, not a crash", () => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [], useBuiltInList: false });
    const odd = { address: undefined as unknown as string, field: "cc" as const };
    expect(findLookalikes([odd], lists)).toEqual([{ kind: "invalid-recipient", recipient: undefined, field: "cc" }]);
  });
});

describe("compiledSize", () => {
  it("counts one target and its keys: the form, the skeleton and the name without its lure word", () => {
    // randerskommune: byForm "randerskommune", bySkeleton "randerskommune", byShortened "randers".
    const lists = compileDomainLists({ own: ["randerskommune.dk"], trusted: [], useBuiltInList: false, secondaryTargets: false });
    expect(compiledSize(lists)).toEqual({ targets: 1, keys: 3 });
  });
});
