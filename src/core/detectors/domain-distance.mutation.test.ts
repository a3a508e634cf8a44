/**
 * The slip a finding names (describeEdit) and the typing-slip rule for short names
 * (isSingleTypingSlip), through findLookalikes with lists compiled in each test. Found by mutation
 * testing (docs/mutation.md); every expectation is the rule's current behaviour.
 */
import type { LookalikeFinding } from "../finding";
import { compileDomainLists, findLookalikes } from "./lookalike-domain";

function check(domain: string, own: string): ReturnType<typeof findLookalikes> {
  return findLookalikes([{ address: `a@${domain}`, field: "to" }], compileDomainLists({ own: [own], trusted: [], useBuiltInList: false }));
}

function only(domain: string, own: string): LookalikeFinding {
  const findings = check(domain, own);
  expect(findings).toHaveLength(1);
  return findings[0] as LookalikeFinding;
}

describe("two slips side by side are named 'several', not one slip of two letters", () => {
  it.each([
    ["frederiksbg.dk", "two letters missing"],
    ["frederiksxxberg.dk", "two letters added"],
    ["frederiksbxg.dk", "two letters typed as one"],
    ["frederisxberg.dk", "two letters replaced, the second typed first"],
    ["frederiskerg.dk", "two letters swapped and the next one missing"],
  ])("%s for frederiksberg.dk: %s", (domain) => {
    expect(only(domain, "frederiksberg.dk")).toMatchObject({ reason: "typo", edit: { op: "several" } });
  });
});

describe("a three-letter name and one added key: a slip only next to a neighbouring key", () => {
  it("astr.dk for ast.dk: r sits next to the t before it", () => {
    expect(only("astr.dk", "ast.dk")).toMatchObject({ reason: "typo", edit: { op: "extra", char: "r" } });
  });

  it("asrt.dk for ast.dk: r sits next to the t after it", () => {
    expect(only("asrt.dk", "ast.dk")).toMatchObject({ reason: "typo", edit: { op: "extra", char: "r" } });
  });

  it("aast.dk for ast.dk: a doubled letter", () => {
    expect(only("aast.dk", "ast.dk")).toMatchObject({ reason: "typo", edit: { op: "extra", char: "a" } });
  });

  it("asqt.dk is not ast.dk: q is next to neither s nor t", () => {
    expect(check("asqt.dk", "ast.dk")).toEqual([]);
  });
});

describe("look-alike letters plus a slip take one plain edit, not two cheap ones", () => {
  it("ramclerd.dk is not randers.dk: cl reads d, but m for n and d for s are two edits", () => {
    expect(check("ramclerd.dk", "randers.dk")).toEqual([]);
  });
});
