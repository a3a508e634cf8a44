/**
 * Policy problems through i18n: every hint core can produce has a sentence in each language, the
 * English one is exactly core's `message` (scripts that read it see no change), and the Danish one
 * names the same field and leaves no placeholder unfilled.
 */
import { parsePolicy, type PolicyIssue } from "../core";
import { da as daStrings } from "./strings/policy-issue";
import { describePolicyIssue } from "./policy-issue";

const BASE = { ownDomains: ["randers.dk"], trustedDomains: [] };
const LABEL = "0e2b4f6a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";

/** Bad policies, together producing every hint (the last test checks that). */
const CORPUS: unknown[] = [
  "{ownDomains",
  [],
  null,
  { trustedDomains: [] },
  { ...BASE, trustedDomain: [] },
  { ...BASE, colour: "red" },
  { ownDomains: "randers.dk", trustedDomains: [42] },
  { ...BASE, trustedDomains: ["", "*.aarhus.dk", "post@aarhus.dk", "https://aarhus.dk/", "aar hus.dk", "randers", "co.uk", `${"a".repeat(2100)}\u{10FFFF}.dk`] },
  { ...BASE, secureRecipients: "x" },
  { ...BASE, secureRecipients: { addresses: "x" } },
  { ...BASE, secureRecipients: { addresses: [1, "", "Jens <jens@randers.dk>", "<>", "digital-post.dk", "a b@randers.dk", "a@randers"] } },
  { ...BASE, useBuiltInDomainList: "yes" },
  { ...BASE, limits: { sendBudgetMs: "4000", maxArchiveEntries: 1.5, maxNestingDepth: -1 } },
  { ...BASE, cpr: { high: "Block", low: "stop" }, onTimeout: "retry", language: "de" },
  { ...BASE, secureRoute: "[sikker]" },
  { ...BASE, secureRoute: { kind: "tag" } },
  { ...BASE, secureRoute: { kind: "subject-tag" } },
  { ...BASE, secureRoute: { kind: "subject-tag", tag: 7 } },
  { ...BASE, secureRoute: { kind: "subject-tag", tag: " " } },
  { ...BASE, secureRoute: { kind: "subject-tag", tag: "x".repeat(41) } },
  { ...BASE, secureRoute: { kind: "sensitivity-label" } },
  { ...BASE, secureRoute: { kind: "sensitivity-label", labelId: "Fortroligt" } },
  { ...BASE, secureRoute: { kind: "sensitivity-label", labelId: LABEL, labelName: 3 } },
  { ...BASE, $schema: 1 },
  { ...BASE, name: 7, version: "  ", helpContact: { text: "Ring til IT", url: "javascript:alert(1)" } },
  { ...BASE, helpContact: {} },
  // The size caps: an entry, a list, the whole file, and more issues than are listed.
  { ...BASE, trustedDomains: ["x".repeat(5000)] },
  { ...BASE, knownDomains: new Array<string>(250_001).fill("aarhus.dk") },
  " ".repeat(32 * 1024 * 1024 + 1),
  { ...BASE, knownDomains: new Array<string>(205).fill("randers") },
];

const ISSUES: PolicyIssue[] = CORPUS.flatMap((input) => {
  const r = parsePolicy(input);
  if (r.ok) throw new Error(`expected issues for ${JSON.stringify(input)}`);
  return [...r.issues];
});

describe("describePolicyIssue", () => {
  it.each(ISSUES.map((i) => [i.message, i] as const))("English is core's message: %s", (_m, issue) => {
    expect(describePolicyIssue("en", issue)).toBe(issue.message);
  });

  it.each(ISSUES.map((i) => [i.message, i] as const))("Danish names the field and fills every value: %s", (_m, issue) => {
    const text = describePolicyIssue("da", issue);
    if (issue.path !== "") expect(text.startsWith(`${issue.path}: `)).toBe(true);
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(text).not.toBe(issue.message);
    // The value the admin wrote is quoted back as written, in either language.
    const found = issue.values.found;
    if (found && "text" in found) expect(text).toContain(found.text);
  });

  it("has a Danish sentence for every hint, and the corpus produces every hint", () => {
    const produced = new Set(ISSUES.map((i) => i.hint));
    for (const i of ISSUES) if (i.values.inner) produced.add(i.values.inner.hint);
    expect([...produced].sort()).toEqual(Object.keys(daStrings.hint).sort());
  });

  it("names arrays and objects in words of the language", () => {
    const r = parsePolicy({ ownDomains: {}, trustedDomains: [], cpr: [] });
    if (r.ok) throw new Error("expected issues");
    expect(r.issues.map((i) => describePolicyIssue("da", i))).toEqual([
      "ownDomains: skal være en liste af domæner som [\"randers.dk\"], ikke et objekt",
      'cpr: skal være et objekt som {"high": ...}, ikke en liste',
    ]);
  });
});
