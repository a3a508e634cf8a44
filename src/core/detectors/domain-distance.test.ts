import fc from "fast-check";
import { damerauLevenshtein, describeEdit, hasSlipShape, isSingleTypingSlip, typoDistance, weightedDistance } from "./domain-distance";
import { letterBoundInHalves, prepareLabel } from "./letter-bound";
import { referenceDistance } from "../../../test/helpers/reference-distance";

describe("damerauLevenshtein", () => {
  it.each([
    ["randers", "randers", 0],
    ["randers", "anders", 1],
    ["randers", "rander", 1],
    ["randers", "randres", 1],
    ["randers", "ranedrs", 1],
    ["randers", "randerss", 1],
    ["randers", "rambers", 2],
    ["nyborg", "viborg", 2],
    ["vejle", "vejen", 2],
    ["", "abc", 3],
  ])("%s → %s = %d", (a, b, d) => {
    expect(damerauLevenshtein(a, b, 5)).toBe(d);
  });

  it("returns more than max as soon as max is out of reach", () => {
    expect(damerauLevenshtein("randers", "gmailcom", 1)).toBeGreaterThan(1);
  });
});

describe("weightedDistance: neighbouring-key and look-alike substitutions cost 0.5", () => {
  it.each([
    ["randers", "rambers", 1], // n→m and d→b are look-alikes
    ["randers", "randerd", 0.5], // s→d neighbouring keys
    ["randers", "randerx", 0.5], // x sits below s on the ISO layout
    ["politi", "pol1ti", 0.5],
    ["nyborg", "viborg", 2], // n/v and y/i are unrelated: not a slip
    ["vejle", "vejen", 2],
    ["kk", "kl", 0.5],
    ["randers", "anders", 1],
  ])("%s → %s = %d", (a, b, d) => {
    expect(weightedDistance(a, b, 3)).toBe(d);
  });
});

describe("describeEdit: the slip spelled out", () => {
  it.each([
    ["randers", "anders", { op: "missing", char: "r" }],
    ["randers", "rander", { op: "missing", char: "s" }],
    ["borger", "borgger", { op: "extra", char: "g" }],
    ["randers", "ran-ders", { op: "extra", char: "-" }],
    ["randers", "randerd", { op: "replaced", from: "s", to: "d" }],
    ["randers", "randres", { op: "swapped", chars: "er" }],
    ["skat", "sakt", { op: "swapped", chars: "ka" }],
    ["randers", "rambers", { op: "several" }],
    ["randers", "randers", { op: "several" }],
  ])("%s → %s", (intended, typed, edit) => {
    expect(describeEdit(intended, typed)).toEqual(edit);
  });
});

describe("isSingleTypingSlip: the only rule for labels of 1–3 characters", () => {
  it.each([
    ["kk", "k", true], // omission
    ["kk", "kkk", true], // doubled letter
    ["kk", "kjk", true], // inserted neighbouring key
    ["kk", "k-k", true], // hyphen
    ["kk", "jk", true], // neighbouring-key substitution
    ["kk", "lk", true],
    ["rm", "mr", true], // swap
    ["kl", "k1", true], // look-alike
    ["kk", "kka", false], // a is nowhere near k
    ["kk", "ak", false],
    ["kk", "xyz", false],
    ["sst", "dst", true], // s/d are neighbours: why the known list must hold dst.dk
  ])("%s → %s: %s", (intended, typed, expected) => {
    expect(isSingleTypingSlip(intended, typed)).toBe(expected);
  });
});

describe("hasSlipShape: a slip of the hand, not another word (names of 4+ letters)", () => {
  it.each<[string, string]>([
    ["esbjerg", "wesbjerg"], // a neighbouring key of the first letter, in front
    ["esbjerg", "eesbjerg"], // the first letter doubled
    ["randers", "rabders"], // a far or near letter inside a longer name: one edit is enough
    ["randers", "rqnders"],
    ["skat", "skst"], // four letters: a neighbouring key
    ["skat", "skct"], // one bit off (a ^ c = 2)
    ["skat", "sk0t"], // a digit where a letter belongs
    ["skat", "sk9t"],
    ["skat", "sket"], // one bit off (a ^ e = 4)
    ["skat", "ska"], // a missing letter
    ["skat", "sakt"], // two neighbours swapped
    ["viborg", "viboeh"], // two half-cost slips on six letters
    ["mitid", "mltld"], // two look-alikes on five letters: a forger's, not a word
    ["vejle", "vejae"], // a far letter on five letters: one edit is enough
    ["skat", "skot"], // four letters: a vowel for a vowel
    ["borger", "eborger"], // a service prefix in front (e-, i-, m-)
    ["skat", "iskat"],
    ["datatilsynet", "udatatilsynet"], // a long name takes two edits anywhere
  ])("%s → %s is a slip", (intended, typed) => {
    expect(hasSlipShape(intended, typed)).toBe(true);
  });

  it.each<[string, string]>([
    ["esbjerg", "yesbjerg"], // "yes" + Esbjerg: y is far from e
    ["randers", "xranders"],
    ["hvidovre", "xhvidovre"], // eight letters: still one edit, so the front counts
    ["skat", "sk-t"], // a hyphen for a letter is neither a digit nor a slip
    ["skat", "seat"], // e for k: neither a neighbour, a look-alike nor one bit off
    ["skat", "skal"],
    ["vejle", "venoe"], // two half-cost slips on five letters
    ["skat", "dlat"], // two half-cost slips on four letters
  ])("%s → %s is another word", (intended, typed) => {
    expect(hasSlipShape(intended, typed)).toBe(false);
  });

  it("a name compared without a shared generic word is judged by its whole labels: length and front", () => {
    // "vejle" + "kommune" against "venoe" + "kommune": the word removed, five letters remain.
    expect(hasSlipShape("vejle", "venoe", "vejlekommune", "venoekommune")).toBe(true);
    // "region" removed: the front is still the whole name's (rregionh doubles its first letter) …
    expect(hasSlipShape("h", "rh", "regionh", "rregionh")).toBe(true);
    expect(hasSlipShape("h", "th", "regionh", "tregionh")).toBe(true);
    // … and a letter after the word is inside the name, not in front of it.
    expect(hasSlipShape("sjaelland", "nsjaelland", "regionsjaelland", "regionnsjaelland")).toBe(true);
    expect(hasSlipShape("h", "xh", "regionh", "xregionh")).toBe(false);
    // Over eight letters a name takes two edits anywhere, its front too.
    expect(hasSlipShape("esbjerg", "yesbjerg", "esbjergkommune", "yesbjergkommune")).toBe(true);
  });
});

describe("the fast paths agree with a plain full-matrix DP (seeded properties)", () => {
  const reference = referenceDistance;
  // Labels over a small alphabet with neighbours and look-alikes, so near misses are common.
  const label = fc.stringMatching(/^[adefgklmnorsv1-]{0,12}$/);
  const params = { seed: 4242, numRuns: 3000 };

  it("banded, early-exiting weightedDistance equals the full DP whenever it is within max", () => {
    fc.assert(
      fc.property(label, label, fc.constantFrom(0.5, 1, 2), (a, b, max) => {
        const fast = weightedDistance(a, b, max);
        const full = reference(a, b);
        if (full <= max) expect(fast).toBe(full);
        else expect(fast).toBeGreaterThan(max);
      }),
      params,
    );
  });

  it("letterBoundInHalves never exceeds the true distance (a filter must not drop a real match)", () => {
    fc.assert(
      fc.property(label, label, (a, b) => {
        expect(letterBoundInHalves(a, prepareLabel(b), 100) / 2).toBeLessThanOrEqual(reference(a, b));
      }),
      params,
    );
  });

  it("typoDistance (filters + DP) equals the full DP within max", () => {
    fc.assert(
      fc.property(label, label, fc.constantFrom(1, 2), (a, b, max) => {
        const full = reference(a, b);
        const fast = typoDistance(a, prepareLabel(b), max, true);
        if (full <= max) expect(fast).toBe(full);
        else expect(fast).toBeGreaterThan(max);
      }),
      params,
    );
  });
});
