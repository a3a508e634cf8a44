/**
 * The slip a finding names (describeEdit) and the typing-slip rule for short names
 * (isSingleTypingSlip), through findLookalikes with lists compiled in each test; the DP's edges
 * (prefix pairs, labels longer than its first rows, letters past Latin-1) also through its exports.
 * Found by mutation testing (docs/mutation.md); every expectation is the rule's current behaviour.
 */
import fc from "fast-check";
import type { LookalikeFinding } from "../finding";
import { damerauLevenshtein, weightedDistance } from "./domain-distance";
import { referenceDistance } from "../../../test/helpers/reference-distance";
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

describe("a label folded past 70 letters: the DP rows grow", () => {
  // A DNS label holds at most 63 characters, but 36 æ spell out as 72 letters (ae). The rows start
  // at 72 cells; a middle of 71 letters or more needs more.
  const ae = (k: number): string => "æ".repeat(k);
  const intended = `ab${ae(17)}xy${ae(16)}cd`;

  it("two swaps and a letter added at the end of a 72-letter name are no typo; one swap is", () => {
    // (the added letter keeps the last row's minimum within the limit: only the last cell tells)
    expect(check(`ba${ae(17)}yx${ae(16)}cdz.dk`, `${intended}.dk`)).toEqual([]);
    expect(only(`ba${ae(17)}xy${ae(16)}cd.dk`, `${intended}.dk`)).toMatchObject({ reason: "typo", edit: { op: "swapped", chars: "ab" } });
  });

  it("the distance of two 72-letter labels that differ at both ends", () => {
    const a = `b${"ae".repeat(35)}b`;
    expect(weightedDistance(a, `v${"ae".repeat(35)}v`, 2)).toBe(1); // b/v neighbouring keys, twice
    expect(weightedDistance(a, `x${"ae".repeat(35)}x`, 2)).toBe(2);
    expect(weightedDistance(a, `xx${"ae".repeat(35)}xx`, 2)).toBeGreaterThan(2);
  });
});

describe("a label that is the other cut short: the shared prefix and suffix do not overlap", () => {
  const reference = referenceDistance;

  it.each([
    ["vejstrupp", "vejstrup", 1],
    ["abccc", "abc", 2],
    ["abcbc", "abc", 2],
    ["abc", "abccc", 2],
  ])("%s → %s = %d", (a, b, d) => {
    expect(weightedDistance(a, b, 2)).toBe(d);
    expect(damerauLevenshtein(a, b, 2)).toBe(d);
  });

  it("one label the other plus up to three letters, either way round, agrees with a full DP (seeded)", () => {
    // Three letters, so the added ones often repeat the last of the shorter label.
    const label = fc.stringMatching(/^[abs]{0,8}$/);
    const added = fc.stringMatching(/^[abs]{1,3}$/);
    fc.assert(
      fc.property(label, added, fc.boolean(), fc.constantFrom(1, 2), (s, x, longerFirst, max) => {
        const [a, b] = longerFirst ? [s + x, s] : [s, s + x];
        for (const weighted of [true, false]) {
          const fast = weighted ? weightedDistance(a, b, max) : damerauLevenshtein(a, b, max);
          const full = reference(a, b, weighted);
          if (full <= max) expect(fast).toBe(full);
          else expect(fast).toBeGreaterThan(max);
        }
      }),
      { seed: 1907, numRuns: 600 },
    );
  });

  it("vejstrup.dk is closer to vejstruo.dk (one neighbouring key) than to vejstrupp.dk (one letter missing)", () => {
    const lists = compileDomainLists({ own: ["vejstrupp.dk", "vejstruo.dk"], trusted: [], useBuiltInList: false });
    expect(findLookalikes([{ address: "a@vejstrup.dk", field: "to" }], lists)).toMatchObject([{ resembles: "vejstruo.dk" }]);
  });
});

describe("a letter past Latin-1 typed for a Latin one is a full edit", () => {
  // Cyrillic а (U+0430) is no neighbouring key of k; read through the 256×256 table it would index
  // the pair o/0, a look-alike.
  it("fredreiаsnerg.dk is no typo of frederiksberg.dk: a swap, а for k and n for b are 2.5 edits", () => {
    expect(check("fredrei\u0430snerg.dk", "frederiksberg.dk")).toEqual([]);
    expect(only("fredreiksnerg.dk", "frederiksberg.dk")).toMatchObject({ reason: "typo" });
  });

  it("\u0430oldinhkommune.dk is no typo of koldingkommune.dk: а for k and h for g are 1.5 edits in kolding", () => {
    expect(check("\u0430oldinhkommune.dk", "koldingkommune.dk")).toEqual([]);
    expect(weightedDistance("kolding", "\u0430oldinh", 2)).toBe(1.5);
  });
});
