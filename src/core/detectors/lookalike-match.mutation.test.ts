/**
 * The look-alike rules of lookalike-match.ts at their edges, through findLookalikes with lists
 * compiled in each test: which match wins, the edit a finding names on another suffix, the length
 * limits of the typo rule, generic words, and the look-alike-plus-slip rule. Found by mutation
 * testing (docs/mutation.md); every expectation is the rule's current behaviour.
 */
import type { LookalikeFinding } from "../finding";
import { type DomainLists, compileDomainLists, findLookalikes } from "./lookalike-domain";

function check(domain: string, lists: DomainLists): ReturnType<typeof findLookalikes> {
  return findLookalikes([{ address: `a@${domain}`, field: "to" }], compileDomainLists({ useBuiltInList: false, ...lists }));
}

function only(domain: string, lists: DomainLists): LookalikeFinding {
  const findings = check(domain, lists);
  expect(findings).toHaveLength(1);
  return findings[0] as LookalikeFinding;
}

const own = (...domains: string[]): DomainLists => ({ own: domains, trusted: [] });

describe("which match wins", () => {
  it("an own typo beats a trusted name embedded earlier in the host", () => {
    // skat.dk.anders.dk: skat.dk (trusted) is embedded, anders is a typo of randers (own).
    const lists = { own: ["randers.dk"], trusted: ["skat.dk"] };
    expect(only("skat.dk.anders.dk", lists)).toMatchObject({ resembles: "randers.dk", target: "own", reason: "typo" });
  });

  it("among equal look-alike-plus-slip matches the target listed first wins, whatever its length", () => {
    // ramclers reads ramders: one letter from randers and from ramderss.
    expect(only("ramclers.dk", own("randers.dk", "ramderss.dk")).resembles).toBe("randers.dk");
    expect(only("ramclers.dk", own("ramderss.dk", "randers.dk")).resembles).toBe("ramderss.dk");
    expect(only("ramclers.dk", own("randers.dk", "rumders.dk")).resembles).toBe("randers.dk");
    expect(only("ramclers.dk", own("rumders.dk", "randers.dk")).resembles).toBe("rumders.dk");
  });

  it("among equal typo matches the target listed first wins", () => {
    // randerx is one neighbouring key from randers (s/x) and from randerz (z/x).
    expect(only("randerx.dk", own("randers.dk", "randerz.dk")).resembles).toBe("randers.dk");
    expect(only("randerx.dk", own("randerz.dk", "randers.dk")).resembles).toBe("randerz.dk");
  });
});

describe("the structural rules", () => {
  it("a name with a multi-label suffix embedded in a longer host", () => {
    expect(only("example.co.uk.evil.com", own("example.co.uk"))).toMatchObject({ reason: "embedded-name", resembles: "example.co.uk" });
  });

  it("a name under a three-label suffix embedded in a longer host: example.act.edu.au.evil.com", () => {
    // act.edu.au is one public suffix of three labels; act and act.edu are none.
    expect(only("example.act.edu.au.evil.com", own("example.act.edu.au"))).toMatchObject({ reason: "embedded-name", resembles: "example.act.edu.au" });
    expect(only("randers.act.edu.au.evil.com", own("randers.dk"))).toMatchObject({ reason: "embedded-name", resembles: "randers.dk" });
  });

  it("an embedded name spelt as listed and under its own suffix beats one that is not, whatever the order", () => {
    // ran-ders.dk.evil.com holds ran-ders.dk exactly and randers.dk with a hyphen slip.
    expect(only("ran-ders.dk.evil.com", own("randers.dk", "ran-ders.dk")).resembles).toBe("ran-ders.dk");
    // example.co.uk.evil.com holds example.co.uk exactly and example.com's name under co and co.uk.
    expect(only("example.co.uk.evil.com", own("example.com", "example.co.uk")).resembles).toBe("example.co.uk");
  });

  it("a name glued to another protected domain's suffix is not embedded: randerscom.net", () => {
    // The index holds the glued suffixes dk and com; randers is glued to com, but randers.dk's is dk.
    expect(check("randerscom.net", own("randers.dk", "example.com"))).toEqual([]);
    expect(only("randersdk.net", own("randers.dk", "example.com"))).toMatchObject({ reason: "embedded-name", resembles: "randers.dk" });
  });

  it("an embedded name is folded: rånders.dk.evil.com", () => {
    expect(only("rånders.dk.evil.com", own("randers.dk"))).toMatchObject({ reason: "embedded-name" });
  });

  it("a lure word in front names the word: mitranders.dk", () => {
    expect(only("mitranders.dk", own("randers.dk"))).toMatchObject({ reason: "affix", edit: { op: "added-word", word: "mit" } });
  });

  it("three letters in front that are no lure word are no affix: abcranders.dk", () => {
    expect(check("abcranders.dk", own("randers.dk"))).toEqual([]);
  });

  it("the name without its lure word: faxe.dk for faxekommune.dk", () => {
    expect(only("faxe.dk", own("faxekommune.dk"))).toMatchObject({ reason: "affix", edit: { op: "several" } });
  });
});

describe("the edit a finding names: the slip on the same suffix, 'several' on another", () => {
  it.each<[string, LookalikeFinding["reason"], LookalikeFinding["edit"]]>([
    ["ran-ders.dk", "typo", { op: "extra", char: "-" }],
    ["ran-ders.se", "typo", { op: "several" }],
    ["rånders.com", "homoglyph", { op: "several" }],
    ["ranclers.com", "homoglyph", { op: "several" }],
    ["ramclers.dk", "homoglyph", { op: "look-alike-characters" }],
    ["ramclers.com", "homoglyph", { op: "several" }],
  ])("%s → %s", (domain, reason, edit) => {
    expect(only(domain, own("randers.dk"))).toMatchObject({ resembles: "randers.dk", reason, edit });
  });

  it("look-alike plus a slip on a suffix a typo cannot land on is not flagged: ramclers.se", () => {
    expect(check("ramclers.se", own("randers.dk"))).toEqual([]);
  });
});

describe("look-alike plus a slip needs a protected name of five letters or more", () => {
  it("s0lbx.dk for solbo.dk (five), not s0lx.dk for solt.dk (four)", () => {
    expect(only("s0lbx.dk", own("solbo.dk"))).toMatchObject({ reason: "homoglyph" });
    expect(check("s0lx.dk", own("solt.dk"))).toEqual([]);
  });
});

describe("the typo rule's limits", () => {
  it("a three-letter name takes only a typing slip: apt.dk is no typo of ast.dk, aat.dk is", () => {
    expect(check("apt.dk", own("ast.dk"))).toEqual([]);
    expect(only("aat.dk", own("ast.dk")).reason).toBe("typo");
  });

  it("an eight-letter name takes one edit, not two: hivdover.dk for hvidovre.dk", () => {
    expect(check("hivdover.dk", own("hvidovre.dk"))).toEqual([]);
    expect(only("hivdovre.dk", own("hvidovre.dk")).reason).toBe("typo");
  });

  it("a long name takes two edits: two letters missing, or two replaced", () => {
    expect(only("fredriksbrg.dk", own("frederiksberg.dk")).reason).toBe("typo");
    expect(only("frqderiksbxrg.dk", own("frederiksberg.dk")).reason).toBe("typo");
  });

  it("a long name takes three neighbouring-key slips (1.5 edits), though three of its letters are gone", () => {
    // i→o, k→l, b→n: the letter cut must allow a long name four unmatched letters, not two.
    expect(only("frederolsnerg.dk", own("frederiksberg.dk"))).toMatchObject({ reason: "typo", edit: { op: "several" } });
  });

  it("on another suffix only long names on a typo suffix: frederiksbreg.com yes, .se no; borged.com no", () => {
    expect(only("frederiksbreg.com", own("frederiksberg.dk"))).toMatchObject({ reason: "typo", edit: { op: "several" } });
    expect(check("frederiksbreg.se", own("frederiksberg.dk"))).toEqual([]);
    expect(check("borged.com", own("borger.dk"))).toEqual([]);
  });

  it("two letters added at one end are a word, not a slip; inside the name they are a slip", () => {
    expect(check("fcfredericia.dk", own("fredericia.dk"))).toEqual([]);
    expect(check("fredericiafc.dk", own("fredericia.dk"))).toEqual([]);
    expect(only("fredericiax.dk", own("fredericia.dk")).reason).toBe("typo");
    expect(only("fredderricia.dk", own("fredericia.dk")).reason).toBe("typo");
  });
});

describe("generic words two names share are left out of the distance", () => {
  it("tyrdanmark.dk is not nyidanmark.dk (tyr vs nyi), though the whole names are two edits apart", () => {
    expect(check("tyrdanmark.dk", own("nyidanmark.dk"))).toEqual([]);
  });

  it("a name made short by the shared word keeps the long-name rule: nyxdanmark.dk for nyidanmark.dk", () => {
    expect(only("nyxdanmark.dk", own("nyidanmark.dk")).reason).toBe("typo");
  });

  it("fxaekommune.dk for faxekommune.dk: the slip is in the rest of the name", () => {
    expect(only("fxaekommune.dk", own("faxekommune.dk"))).toMatchObject({ reason: "typo", edit: { op: "swapped", chars: "ax" } });
  });

  it("a name holding two generic words keeps the one the other name lacks: regionkommnue.dk for regionkommune.dk", () => {
    // Only region is shared (kommnue is no generic word): the slip is measured in kommune, not in nothing.
    expect(only("regionkommnue.dk", own("regionkommune.dk"))).toMatchObject({ reason: "typo", edit: { op: "swapped", chars: "un" } });
  });

  it("the same name with the shared word moved is no slip: kommunefaxe.dk for faxekommune.dk", () => {
    // Without kommune both names read faxe: distance 0, and a typo needs a slip.
    expect(check("kommunefaxe.dk", own("faxekommune.dk"))).toEqual([]);
  });

  it("a protected name that is only a generic word gets no typo match on names holding it: xdanmark.dk, danmarkk.dk", () => {
    // docs/design/lookalike-domains.md §5 step 6 measures the distance after removing the shared
    // word, and nothing of danmark is left to slip on. (A lure word in front is still an affix.)
    expect(check("xdanmark.dk", own("danmark.dk"))).toEqual([]);
    expect(check("danmarkk.dk", own("danmark.dk"))).toEqual([]);
    expect(only("mitdanmark.dk", own("danmark.dk"))).toMatchObject({ reason: "affix" });
  });
});

describe("a slip on another common suffix (TYPO_SUFFIXES), for names of seven letters or more", () => {
  it.each(["rander.net", "rander.org", "rander.eu", "rander.nu", "rander.co", "rander.com"])("%s is a slip of randers.dk", (domain) => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [], useBuiltInList: false });
    expect(findLookalikes([{ address: `a@${domain}`, field: "to" }], lists)).toMatchObject([{ resembles: "randers.dk", reason: "typo" }]);
  });

  it("and on .dk for a name under another suffix", () => {
    const lists = compileDomainLists({ own: ["postvagten.eu"], trusted: [], useBuiltInList: false });
    expect(findLookalikes([{ address: "a@postvagen.dk", field: "to" }], lists)).toMatchObject([{ resembles: "postvagten.eu", reason: "typo" }]);
  });

  it("but not on a suffix outside the list", () => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [], useBuiltInList: false });
    expect(findLookalikes([{ address: "a@rander.se", field: "to" }], lists)).toEqual([]);
  });
});

describe("which reason wins when one host gives several (REASON_RANK), not only which is closest", () => {
  it("the name embedded under another suffix outranks a closer look-alike of the registrable label", () => {
    // randers.com inside the host (distance 0.5) and rånders.dk as its registrable domain (distance 0).
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [], useBuiltInList: false });
    expect(findLookalikes([{ address: "a@randers.com.rånders.dk", field: "to" }], lists)).toMatchObject([{ reason: "embedded-name" }]);
  });
});
