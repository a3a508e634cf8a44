/**
 * How the protected domains are indexed (lookalike-targets.ts), seen through findLookalikes with
 * lists compiled in each test (the indexes are built once per list, see lookalike-domain.mutation.test.ts).
 * Found by mutation testing (docs/mutation.md); every expectation is the rule's current behaviour.
 */
import type { LookalikeFinding } from "../finding";
import { compileDomainLists, findLookalikes } from "./lookalike-domain";

function check(domain: string, own: string[]): ReturnType<typeof findLookalikes> {
  return findLookalikes([{ address: `a@${domain}`, field: "to" }], compileDomainLists({ own, trusted: [], useBuiltInList: false }));
}

function only(domain: string, own: string[]): LookalikeFinding {
  const findings = findLookalikes([{ address: `a@${domain}`, field: "to" }], compileDomainLists({ own, trusted: [], useBuiltInList: false }));
  expect(findings).toHaveLength(1);
  return findings[0] as LookalikeFinding;
}

describe("the target index", () => {
  it("three protected domains with one name: the first listed is the one named", () => {
    const own = ["vejstrup.dk", "vejstrup.se", "vejstrup.no"];
    expect(only("vejstrup.com", own)).toMatchObject({ resembles: "vejstrup.dk", reason: "tld-swap" });
  });

  it("a name glued to a two-label suffix without its dot: examplecouk.com for example.co.uk", () => {
    expect(only("examplecouk.com", ["example.co.uk"])).toMatchObject({ resembles: "example.co.uk", reason: "embedded-name" });
  });

  it("a protected name that starts with a lure word: vejstrup.dk for mitvejstrup.dk", () => {
    expect(only("vejstrup.dk", ["mitvejstrup.dk"])).toMatchObject({ resembles: "mitvejstrup.dk", reason: "affix", edit: { op: "several" } });
  });

  it("a one-letter name with a look-alike digit is checked and passes: 1.dk", () => {
    expect(check("1.dk", ["randers.dk"])).toEqual([]);
  });

  it("the long Danish spelling keeps the generic-word rule: nxerrxkommune.dk is two slips in nørre, not one in the whole name", () => {
    expect(check("nxerrxkommune.dk", ["nørrekommune.dk"])).toEqual([]);
    expect(only("noerrxkommune.dk", ["nørrekommune.dk"])).toMatchObject({ resembles: "nørrekommune.dk", reason: "typo" });
  });
});
