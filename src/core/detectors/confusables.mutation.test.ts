/**
 * Every look-alike character of the skeleton (confusables.ts) makes a homoglyph finding through
 * findLookalikes: a name spelt with it instead of its ASCII prototype. Without the entry the same
 * name would be only a one-letter typo of the protected one (reason "typo"), so each row pins one
 * entry of the table. Found by mutation testing (docs/mutation.md).
 */
import type { LookalikeFinding } from "../finding";
import { compileDomainLists, findLookalikes } from "./lookalike-domain";

/** The look-alike letter and the ASCII letter it reads as, as confusables.ts lists them. */
const LOOK_ALIKES: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic
  ["\u0430", "a"], ["\u044c", "b"], ["\u0441", "c"], ["\u0501", "d"], ["\u0435", "e"], ["\u04bd", "e"],
  ["\u0451", "e"], ["\u050d", "g"], ["\u04bb", "h"], ["\u0456", "i"], ["\u0457", "i"], ["\u0458", "j"],
  ["\u043a", "k"], ["\u04cf", "l"], ["\u043c", "m"], ["\u043f", "n"], ["\u043e", "o"], ["\u0440", "p"],
  ["\u051b", "q"], ["\u0455", "s"], ["\u0442", "t"], ["\u0475", "v"], ["\u051d", "w"], ["\u0445", "x"],
  ["\u0443", "y"], ["\u04af", "y"],
  // Greek
  ["\u03b1", "a"], ["\u03b2", "b"], ["\u03b5", "e"], ["\u03b7", "n"], ["\u03b9", "i"], ["\u03ba", "k"],
  ["\u03bc", "u"], ["\u03bd", "v"], ["\u03bf", "o"], ["\u03c1", "p"], ["\u03c3", "o"], ["\u03c4", "t"],
  ["\u03c5", "u"], ["\u03c7", "x"], ["\u03b3", "y"], ["\u03c9", "w"],
  // Latin extended and IPA
  ["\u0131", "i"], ["\u0237", "j"], ["\u0251", "a"], ["\u0261", "g"], ["\u0269", "i"], ["\u026a", "i"],
  ["\u029f", "l"], ["\u0274", "n"], ["\u1d0f", "o"], ["\u0280", "r"], ["\ua731", "s"], ["\u1d1c", "u"],
  ["\u1d20", "v"], ["\u1d21", "w"], ["\u1d22", "z"], ["\u028f", "y"], ["\u1d04", "c"], ["\u1d05", "d"],
  ["\u1d07", "e"], ["\u029c", "h"], ["\u1d0a", "j"], ["\u1d0b", "k"], ["\u1d0d", "m"], ["\u1d18", "p"],
  ["\u1d1b", "t"], ["\u0142", "l"], ["\u0111", "d"], ["\u00f0", "d"], ["\u0127", "h"], ["\u0167", "t"],
];

/** A protected name with the prototype inside it (the letters around it form no look-alike sequence). */
const protectedName = (ascii: string): string => `vej${ascii}strup`;

describe("every look-alike letter of the skeleton table", () => {
  it.each(LOOK_ALIKES.map(([c, ascii]) => [`U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`, c, ascii]))(
    "%s for %s: a homoglyph of the protected name",
    (_code, c, ascii) => {
      const lists = compileDomainLists({ own: [`${protectedName(ascii)}.dk`], trusted: [], useBuiltInList: false });
      const findings = findLookalikes([{ address: `a@vej${c}strup.dk`, field: "to" }], lists);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject<Partial<LookalikeFinding>>({ kind: "lookalike-domain", reason: "homoglyph" });
    },
  );
});

describe("a name of Danish letters alone is spelt out too", () => {
  // The tests for æ/ø/å must not need another letter beside them in the label.
  it.each([
    ["o.dk", "ø.dk"],
    ["oe.dk", "ø.dk"],
    ["a.dk", "å.dk"],
    ["aa.dk", "å.dk"],
    ["ae.dk", "æ.dk"],
  ])("%s is %s spelt out: a homoglyph", (domain, own) => {
    const lists = compileDomainLists({ own: [own], trusted: [], useBuiltInList: false });
    expect(findLookalikes([{ address: `a@${domain}`, field: "to" }], lists)).toMatchObject([{ resembles: own, reason: "homoglyph" }]);
  });
});

describe("letters spelt out as two (œ, þ, ß), where one edit is not enough to reach the name", () => {
  it.each([
    ["bœk.dk", "boek.dk"],
    ["þor.dk", "thor.dk"],
    ["faß.dk", "fass.dk"],
  ])("%s reads as %s: a homoglyph", (domain, own) => {
    const lists = compileDomainLists({ own: [own], trusted: [], useBuiltInList: false });
    expect(findLookalikes([{ address: `a@${domain}`, field: "to" }], lists)).toMatchObject([{ resembles: own, reason: "homoglyph" }]);
  });
});

describe("the look-alike sequences of the skeleton, where no other rule catches the name", () => {
  function findings(domain: string, own: string): ReturnType<typeof findLookalikes> {
    const lists = compileDomainLists({ own: [own], trusted: [], useBuiltInList: false });
    return findLookalikes([{ address: `a@${domain}`, field: "to" }], lists);
  }

  // At the label's second letter: a sequence found at index 1 is read like one found anywhere.
  it.each([
    ["arnager.dk", "amager.dk"], // rn for m
    ["svvipp.dk", "swipp.dk"], // vv for w
    ["oclense.dk", "odense.dk"], // cl for d
    ["aldertslund.dk", "albertslund.dk"], // ld for lb, the first l at index 1
  ])("%s is a homoglyph of %s", (domain, own) => {
    expect(findings(domain, own)).toMatchObject([{ resembles: own, reason: "homoglyph" }]);
  });

  // On a suffix no typo lands on, only the equal skeleton flags these: lb/ld read as b, ii as u,
  // not as nothing.
  it.each([
    ["ldorger.se", "borger.dk"],
    ["kiiltur.se", "kultur.dk"],
  ])("%s is a homoglyph of %s", (domain, own) => {
    expect(findings(domain, own)).toMatchObject([{ resembles: own, reason: "homoglyph", edit: { op: "several" } }]);
  });
});
