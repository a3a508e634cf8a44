import { areAdjacentKeys, isCheapSubstitution } from "./keyboard";

describe("Danish keyboard adjacency", () => {
  it.each([
    ["q", "w"], ["q", "a"], ["a", "z"], ["k", "o"], ["k", "i"], ["m", "k"], ["r", "d"], ["l", "æ"],
    ["æ", "ø"], ["p", "å"], ["n", "b"], ["-", "."],
  ])("%s and %s are neighbouring keys", (a, b) => {
    expect(areAdjacentKeys(a, b)).toBe(true);
    expect(areAdjacentKeys(b, a)).toBe(true);
    expect(isCheapSubstitution(a, b)).toBe(true);
  });

  it.each([
    ["n", "v"], ["y", "i"], ["q", "s"], ["a", "p"], ["k", "a"], ["o", "u"],
  ])("%s and %s are not neighbours", (a, b) => {
    expect(areAdjacentKeys(a, b)).toBe(false);
  });
});

describe("look-alike substitutions (docs/design/lookalike-domains.md §5 step 6)", () => {
  it.each([["b", "d"], ["m", "n"], ["n", "r"], ["c", "e"], ["g", "q"], ["i", "l"], ["l", "1"], ["i", "1"], ["u", "v"], ["o", "0"]])(
    "%s/%s costs half an edit",
    (a, b) => {
      expect(isCheapSubstitution(a, b)).toBe(true);
      expect(isCheapSubstitution(b, a)).toBe(true);
    },
  );

  it.each([["a", "a"], ["a", "x"], ["r", "z"], ["\u0430", "a"]])("%s/%s is not cheap", (a, b) => {
    expect(isCheapSubstitution(a, b)).toBe(false);
  });
});
