import { foldLabel, foldVariants, normalizeLabel, skeleton } from "./confusables";

describe("foldLabel: the same name spelt another way", () => {
  it.each([
    ["rånders", "short", "randers"],
    ["rånders", "long", "raanders"],
    ["sorø", "short", "soro"],
    ["sorø", "long", "soroe"],
    ["ærø", "short", "aero"],
    ["ærø", "long", "aeroe"],
    ["randérs", "short", "randers"],
    ["strauß", "short", "strauss"],
    ["randers", "long", "randers"],
  ] as const)("%s (%s) → %s", (label, spelling, folded) => {
    expect(foldLabel(label, spelling)).toBe(folded);
  });

  it("keeps non-Latin letters: a Cyrillic а is not folded into a Latin a", () => {
    expect(foldLabel("r\u0430nders", "short")).toBe("r\u0430nders");
  });

  it.each([
    ["randers", ["randers"]],
    ["hjørring", ["hjorring", "hjoerring"]],
    ["tårnby", ["tarnby", "taarnby"]],
    ["æble", ["aeble"]],
  ])("foldVariants(%s) gives both Danish spellings", (label, variants) => {
    expect(foldVariants(label)).toEqual(variants);
  });
});

describe("skeleton: what a reader could mistake", () => {
  it.each([
    ["r\u0430nders", "randers"], // Cyrillic а (U+0430)
    ["\u0440\u043el\u0456t\u0456", "polltl"], // Cyrillic р, о, і with Latin l and t
    ["\u043a\u043a", "kk"], // dnstwist's cyrillic kk.dk
    ["ranclers", "randers"], // cl → d
    ["rnidt", "mldt"], // rn → m, i → l
    ["vvork", "work"], // vv → w
    ["pol1ti", "polltl"],
    ["politi", "polltl"],
    ["b0rger", "borger"],
    ["ｒａｎｄｅｒｓ", "randers"], // fullwidth, via NFKC
    ["rånders", "randers"],
    ["\u03c1and\u03b5rs", "panders"], // Greek ρ reads as p, ε as e
  ])("skeleton(%s) = %s", (label, expected) => {
    expect(skeleton(label)).toBe(expected);
  });

  it("normalizeLabel lower-cases and composes (NFC)", () => {
    expect(normalizeLabel("RA\u0308NDERS")).toBe("ränders");
  });
});
