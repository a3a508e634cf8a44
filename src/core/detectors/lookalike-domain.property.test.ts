/**
 * Seeded property tests of the look-alike rule, apart from the example tests in
 * lookalike-domain.test.ts because they take most of its time (three of them 3.5-4.6 s each): the
 * example file is then short enough for mutation testing's test list (jest.mutate-lookalike.config.js,
 * docs/mutation.md), as cpr.property.test.ts is for the CPR rule.
 */
import fc from "fast-check";
import { hasSlipShape } from "./domain-distance";
import { BUILT_IN_PUBLIC_DOMAINS, compileDomainLists, findLookalikes } from "./lookalike-domain";
import { randers, to } from "../../../test/helpers/randers-lists";


describe("properties (seeded)", () => {
  const params = { seed: 20260421, numRuns: 400 };

  it("never throws on arbitrary addresses, and returns at most one finding per recipient", () => {
    const anyAddress = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.tuple(fc.string({ maxLength: 20 }), fc.string({ unit: "binary", maxLength: 40 })).map(([a, b]) => `${a}@${b}`),
      fc.tuple(fc.string({ maxLength: 10 }), fc.domain()).map(([a, d]) => `${a}@${d}`),
    );
    fc.assert(
      fc.property(fc.array(anyAddress, { maxLength: 5 }), (addresses) => {
        const findings = findLookalikes(addresses.map(to), randers);
        expect(findings.length).toBeLessThanOrEqual(addresses.length);
      }),
      params,
    );
  });

  it("never throws when the lists themselves are arbitrary strings", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 30 }), { maxLength: 4 }), fc.string({ maxLength: 30 }), (entries, address) => {
        const lists = compileDomainLists({ own: entries, trusted: entries, known: entries, confirmed: entries, useBuiltInList: false });
        findLookalikes([to(address)], lists);
      }),
      params,
    );
  });

  it("every single-edit typo of a built-in domain (label ≥ 4) with a slip's shape is flagged: the scan's filters drop no true match", () => {
    // Names with a generic word (kommune, region) are compared without it, by design (aregioner vs
    // regioner compares "aer" with "er", a 2-letter rule): they are left out here. Edits without a
    // slip's shape (a far key in front of the name, a far letter in a four-letter name) are the
    // rule's own choice, tested in domain-distance.test.ts; this property is about the filters.
    const targets = BUILT_IN_PUBLIC_DOMAINS.filter((d) => d.indexOf(".") >= 4 && !/kommune|region/.test(d));
    const known = new Set(BUILT_IN_PUBLIC_DOMAINS);
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [] });
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.nat(), fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), fc.integer({ min: 0, max: 3 }), (domain, at, letter, op) => {
        const dot = domain.indexOf(".");
        const label = domain.slice(0, dot);
        const i = at % label.length;
        const typo =
          op === 0 ? label.slice(0, i) + label.slice(i + 1)
          : op === 1 ? label.slice(0, i) + letter + label.slice(i)
          : op === 2 ? label.slice(0, i) + letter + label.slice(i + 1)
          : label.slice(0, i) + label.charAt(i + 1) + label.charAt(i) + label.slice(i + 2);
        const host = typo + domain.slice(dot);
        fc.pre(typo !== label && typo.length > 0 && !known.has(host) && !/^-|-$/.test(typo) && hasSlipShape(label, typo));
        const findings = findLookalikes([to(`x@${host}`)], lists);
        expect(findings).toHaveLength(1);
        expect(findings[0]!.kind).toBe("lookalike-domain");
      }),
      { seed: 77, numRuns: 2000 },
    );
  });

  const plainDomain = fc.domain().filter((d) => !/(^|\.)..--/.test(d));
  const subLabel = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);

  it("never flags an exact own or trusted domain, or any subdomain of one", () => {
    fc.assert(
      fc.property(plainDomain, fc.array(subLabel, { maxLength: 3 }), fc.boolean(), fc.constantFrom("to", "cc", "bcc"), (domain, subs, asOwn, field) => {
        const lists = compileDomainLists(asOwn ? { own: [domain], trusted: ["randers.dk"] } : { own: ["randers.dk"], trusted: [domain] });
        const host = [...subs, domain].join(".");
        expect(findLookalikes([{ address: `x@${host}`, field }], lists)).toEqual([]);
        expect(findLookalikes([{ address: `x@${host.toUpperCase()}.`, field }], lists)).toEqual([]);
      }),
      params,
    );
  });
});
