/**
 * The letter bounds (letter-bound.ts) checked on their own, found by mutation testing
 * (docs/mutation.md, "letter-bound.ts"). They are a filter in front of the weighted DP, so two things
 * must hold: a bound never exceeds the DP's distance (else a real look-alike is dropped), and it is
 * the documented bound, not a weaker one (else the filter quietly stops filtering). Seeded, so a
 * failure names a pair that reproduces.
 */
import { mulberry32 } from "../../../test/helpers/seeded-random";
import type { LookalikeFinding } from "../finding";
import { weightedDistance } from "./domain-distance";
import { isCheapSubstitutionCode } from "./keyboard";
import { letterBoundInHalves, letterCountCut, letterMask, prepareLabel, repeatedLetterMask } from "./letter-bound";
import { compileDomainLists, findLookalikes } from "./lookalike-domain";

// Letters a folded label can hold: ASCII, æøå (folded away in the rule, but the functions take any
// string), and Cyrillic look-alikes that pass folding unchanged. No two of the non-ASCII ones share
// a bag slot, so counting by character below is the bag the module counts. Cyrillic р (U+0440)
// falls in mask slot 0, which no ASCII letter uses; а and е alias into the cheap table's rows when
// a code ≥ 256 is not guarded.
const COMMON = "abcdefghijklmnopqrstuvwxyz";
const RARE = "0123456789-æøå\u0430\u043e\u0435\u0440";

function pick(random: () => number, text: string): string {
  return text.charAt(Math.floor(random() * text.length));
}

function randomChar(random: () => number): string {
  return random() < 0.8 ? pick(random, COMMON) : pick(random, RARE);
}

function randomLabel(random: () => number, length: number): string {
  let label = "";
  for (let i = 0; i < length; i++) label += randomChar(random);
  return label;
}

/** A character that is a cheap (half-edit) substitute for `ch`, or a random one when it has none. */
function cheapFor(random: () => number, ch: string): string {
  const code = ch.charCodeAt(0);
  const partners: string[] = [];
  for (let d = 0; d < 256; d++) if (isCheapSubstitutionCode(code, d)) partners.push(String.fromCharCode(d));
  return partners.length > 0 ? partners[Math.floor(random() * partners.length)]! : randomChar(random);
}

/** One typing slip: a missing, extra, doubled, replaced (often by a cheap partner) or swapped letter. */
function slip(random: () => number, label: string): string {
  const at = Math.floor(random() * label.length);
  const ch = label.charAt(at);
  switch (Math.floor(random() * 6)) {
    case 0:
      return label.length > 1 ? label.slice(0, at) + label.slice(at + 1) : label + randomChar(random);
    case 1:
      return label.slice(0, at) + randomChar(random) + label.slice(at);
    case 2:
      return label.slice(0, at) + ch + label.slice(at);
    case 3:
      return label.slice(0, at) + cheapFor(random, ch) + label.slice(at + 1);
    case 4:
      return label.slice(0, at) + randomChar(random) + label.slice(at + 1);
    default:
      return at + 1 < label.length ? label.slice(0, at) + label.charAt(at + 1) + ch + label.slice(at + 2) : label + ch;
  }
}

/** Seeded pairs (intended, typed): a label and one to four slips of it, or two unrelated labels. */
function pairs(seed: number, count: number): Array<[string, string]> {
  const random = mulberry32(seed);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 30);
    const intended = randomLabel(random, length);
    if (random() < 0.25) {
      out.push([intended, randomLabel(random, Math.max(1, length + Math.floor(random() * 5) - 2))]);
      continue;
    }
    let typed = intended;
    const slips = 1 + Math.floor(random() * 4);
    for (let s = 0; s < slips; s++) typed = slip(random, typed);
    out.push(random() < 0.5 ? [intended, typed] : [typed, intended]);
  }
  return out;
}

/** The weighted DP's distance in half-edits, computed in full (max far above any pair here). */
function dpHalves(intended: string, typed: string): number {
  return weightedDistance(intended, typed, 100) * 2;
}

/**
 * letterBoundInHalves as its comment defines it: a/b letters left unmatched on each side, a'/b' of
 * them without a cheap partner among the other side's unmatched letters, bound max(a + a', b + b').
 */
function documentedBound(intended: string, typed: string): number {
  const left = new Map<number, number>();
  for (let i = 0; i < typed.length; i++) left.set(typed.charCodeAt(i), (left.get(typed.charCodeAt(i)) ?? 0) + 1);
  const fromIntended: number[] = [];
  for (let i = 0; i < intended.length; i++) {
    const code = intended.charCodeAt(i);
    const n = left.get(code) ?? 0;
    if (n > 0) left.set(code, n - 1);
    else fromIntended.push(code);
  }
  const fromTyped: number[] = [];
  for (const [code, n] of left) for (let k = 0; k < n; k++) fromTyped.push(code);
  const full = (mine: number[], other: number[]): number => mine.filter((c) => !other.some((d) => isCheapSubstitutionCode(c, d))).length;
  return Math.max(fromIntended.length + full(fromIntended, fromTyped), fromTyped.length + full(fromTyped, fromIntended));
}

/** Letters per mask slot (`code & 31`), as letterMask and repeatedLetterMask group them. */
function slotCounts(text: string): number[] {
  const counts = new Array<number>(32).fill(0);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) & 31]!++;
  return counts;
}

/** cheapSlot[s][t]: some character of slot s has a cheap substitute in slot t. */
const cheapSlot: boolean[][] = (() => {
  const table = Array.from({ length: 32 }, () => new Array<boolean>(32).fill(false));
  for (let c = 0; c < 256; c++) for (let d = 0; d < 256; d++) if (isCheapSubstitutionCode(c, d)) table[c & 31]![d & 31] = true;
  return table;
})();

/**
 * letterCountCut as its comment states the rule, read from letter counts per slot: a slot one side
 * fills and the other lacks is one unmatched letter, a slot filled twice against at most once one
 * more; each costs 1 half-edit with a cheap substitute among the other side's slots, else 2; the
 * unmatched counts differ by the length gap. Cut when any of these exceeds the limit.
 */
function documentedCut(intended: string, typed: string, limit: number): boolean {
  const from = slotCounts(intended);
  const to = slotCounts(typed);
  const side = (mine: number[], other: number[]): { count: number; halves: number } => {
    let count = 0;
    let halves = 0;
    for (let s = 0; s < 32; s++) {
      const lost = (mine[s]! >= 1 && other[s] === 0 ? 1 : 0) + (mine[s]! >= 2 && other[s]! <= 1 ? 1 : 0);
      const cheap = other.some((n, t) => n > 0 && cheapSlot[s]![t]);
      count += lost;
      halves += lost * (cheap ? 1 : 2);
    }
    return { count, halves };
  };
  const f = side(from, to);
  const t = side(to, from);
  const gap = intended.length - typed.length;
  return Math.max(f.count, t.count, t.count + gap, f.count - gap, f.halves, t.halves) > limit;
}

function cut(intended: string, typed: string, limit: number): boolean {
  const gap = intended.length - typed.length;
  return letterCountCut(letterMask(intended), repeatedLetterMask(intended), letterMask(typed), repeatedLetterMask(typed), gap, limit);
}

const LIMITS = [0, 1, 2, 3, 4, 6];
const PAIRS = pairs(19, 1500);

describe("the letter bounds never exceed the weighted distance (a filter must not drop a real match)", () => {
  it("letterBoundInHalves ≤ the DP, at every limit, on seeded near and random pairs", () => {
    for (const [intended, typed] of PAIRS) {
      const dp = dpHalves(intended, typed);
      const prepared = prepareLabel(typed);
      for (const limit of LIMITS) {
        const bound = letterBoundInHalves(intended, prepared, limit);
        if (bound > dp) throw new Error(`bound ${bound} > DP ${dp} for ${JSON.stringify([intended, typed, limit])}`);
      }
    }
  });

  it("letterCountCut cuts only where the DP is over the limit", () => {
    for (const [intended, typed] of PAIRS) {
      const dp = dpHalves(intended, typed);
      for (const limit of LIMITS) {
        if (cut(intended, typed, limit) && dp <= limit) throw new Error(`cut at DP ${dp} for ${JSON.stringify([intended, typed, limit])}`);
      }
    }
  });
});

describe("the letter bounds are the documented ones, not weaker", () => {
  it("letterBoundInHalves is max(a + a', b + b') up to the limit, and above the limit when that is", () => {
    for (const [intended, typed] of PAIRS) {
      const expected = documentedBound(intended, typed);
      const prepared = prepareLabel(typed);
      for (const limit of LIMITS) {
        const bound = letterBoundInHalves(intended, prepared, limit);
        const ok = expected <= limit ? bound === expected : bound > limit;
        if (!ok) throw new Error(`bound ${bound}, documented ${expected}, for ${JSON.stringify([intended, typed, limit])}`);
      }
    }
  });

  it("letterCountCut cuts only where letterBoundInHalves is over the limit too (it is the cheaper bound)", () => {
    for (const [intended, typed] of PAIRS) {
      const prepared = prepareLabel(typed);
      for (const limit of LIMITS) {
        if (cut(intended, typed, limit) && letterBoundInHalves(intended, prepared, limit) <= limit) {
          throw new Error(`cut under the letter bound for ${JSON.stringify([intended, typed, limit])}`);
        }
      }
    }
  });

  it("letterCountCut applies the documented rule", () => {
    for (const [intended, typed] of PAIRS) {
      for (const limit of LIMITS) {
        const got = cut(intended, typed, limit);
        if (got !== documentedCut(intended, typed, limit)) throw new Error(`cut ${got} for ${JSON.stringify([intended, typed, limit])}`);
      }
    }
  });

  it("letterMask and repeatedLetterMask are the slots filled once and twice", () => {
    for (const [label] of PAIRS) {
      const counts = slotCounts(label);
      let once = 0;
      let twice = 0;
      counts.forEach((n, s) => {
        if (n >= 1) once |= 1 << s;
        if (n >= 2) twice |= 1 << s;
      });
      if (letterMask(label) !== once || repeatedLetterMask(label) !== twice) throw new Error(`masks of ${JSON.stringify(label)}`);
    }
  });
});

describe("known cases", () => {
  it.each([
    // intended, typed, half-edits (= the DP's distance: the letters alone decide these)
    ["randers", "anders", 2], // a missing letter without a cheap partner: a full edit
    ["anders", "randers", 2], // the same from the other side
    ["randers", "rambers", 2], // n→m, d→b: two look-alike substitutions of half an edit
    ["nyborg", "viborg", 4], // two unrelated substitutions
    ["randers", "randers", 0],
    ["randers", "sredanr", 0], // letters alone: order is the DP's business
    ["ranжders", "randers", 2], // a letter beyond the cheap table has no cheap partner
  ])("letterBoundInHalves(%s, %s) = %d", (intended, typed, halves) => {
    expect(letterBoundInHalves(intended, prepareLabel(typed), 4)).toBe(halves);
  });

  it("a code ≥ 256 is not read as a row of the cheap table (ab for Ŷ: a~b+1 would alias to b~v)", () => {
    expect(letterBoundInHalves("ab", prepareLabel("\u0176"), 4)).toBe(4);
  });

  it("an unmatched letter finds no cheap partner left over from an earlier call", () => {
    expect(letterBoundInHalves("n", prepareLabel("b"), 4)).toBe(1);
    expect(letterBoundInHalves("xn", prepareLabel("x"), 4)).toBe(2);
  });

  it("letterCountCut cuts borgborg against borgen (a doubled word), not borgborg against borgbrog", () => {
    expect(cut("borgborg", "borgen", 2)).toBe(true);
    expect(cut("borgborg", "borgbrog", 2)).toBe(false);
  });
});

// Through the rule: pairs the DP accepts that a too-tight letterCountCut would reject before the DP.
describe("findLookalikes keeps typos the letter cut must not reject", () => {
  const lists = compileDomainLists({ own: ["hammel.dk", "randers.dk", "horsholm.dk"], trusted: [], useBuiltInList: false, secondaryTargets: false });

  it("hamnek.dk resembles hammel.dk: a doubled m slipped to its look-alike n still costs half an edit (plus l→k)", () => {
    expect(dpHalves("hammel", "hamnek")).toBe(2);
    const findings = findLookalikes([{ address: "a@hamnek.dk", field: "to" }], lists) as LookalikeFinding[];
    expect(findings.map((f) => [f.resembles, f.reason])).toEqual([["hammel.dk", "typo"]]);
  });

  it("hprsjolm.dk resembles horsholm.dk: a neighbouring key in each of two doubled letters, one edit in all", () => {
    expect(dpHalves("horsholm", "hprsjolm")).toBe(2);
    const findings = findLookalikes([{ address: "a@hprsjolm.dk", field: "to" }], lists) as LookalikeFinding[];
    expect(findings.map((f) => [f.resembles, f.reason])).toEqual([["horsholm.dk", "typo"]]);
  });

  it("рanders.dk (Cyrillic р for r) resembles randers.dk: one р, in mask slot 0, is not read as two", () => {
    const findings = findLookalikes([{ address: "a@\u0440anders.dk", field: "to" }], lists) as LookalikeFinding[];
    expect(findings.map((f) => f.resembles)).toEqual(["randers.dk"]);
  });
});
