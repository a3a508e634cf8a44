/**
 * Pins the budget's boundaries, which mutation testing (npm run mutate, docs/mutation.md) found
 * unguarded: every cap lets exactly its limit through and stops one unit above it, the deadline
 * is reached at (not after) its instant, and the text cap is enforced at all.
 */
import { Budget, entryCapName, ExtractStop, isExtractStop, overflowStop } from "./budget";
import { BOMB_RATIO, effectiveLimits, MAX_TEXT_CHARS, type EffectiveLimits } from "./limits";

const limits = (over: Partial<EffectiveLimits> = {}): EffectiveLimits => ({ ...effectiveLimits(undefined), ...over });

/** What a call throws (or undefined): the stop's reason and limit, compared as plain data. */
function stopOf(fn: () => void): { why: string; limit: string | undefined } | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (!isExtractStop(e)) throw e;
    return { why: e.why, limit: e.limit };
  }
}

describe("Budget: the deadline", () => {
  it("is expired at the deadline's instant and not one millisecond before", () => {
    let now = 999;
    const budget = new Budget(limits(), 1000, () => now);
    expect(budget.expired()).toBe(false);
    expect(stopOf(() => budget.tick())).toBeUndefined();
    now = 1000;
    expect(budget.expired()).toBe(true);
    expect(stopOf(() => budget.tick())).toEqual({ why: "timeout", limit: "SEND_BUDGET_MS" });
    now = 5000;
    expect(budget.expired()).toBe(true);
  });
});

describe("Budget: inflated bytes", () => {
  it("lets exactly the cap through and stops one byte above it, naming the limit", () => {
    const budget = new Budget(limits({ maxInflatedBytes: 100 }), Infinity, () => 0);
    budget.resetForAttachment(10);
    expect(budget.wouldOverflow(100)).toBe(false);
    expect(budget.wouldOverflow(101)).toBe(true);
    budget.addInflated(60);
    budget.addInflated(40);
    expect(budget.inflatedSoFar()).toBe(100);
    expect(budget.wouldOverflow(0)).toBe(false);
    expect(budget.wouldOverflow(1)).toBe(true);
    expect(stopOf(() => budget.addInflated(1))).toEqual({ why: "too-large", limit: "MAX_INFLATED_BYTES" });
    // The refused bytes were not counted.
    expect(budget.inflatedSoFar()).toBe(100);
  });

  it("a new attachment starts from zero, while the peak remembers the largest", () => {
    const budget = new Budget(limits({ maxInflatedBytes: 100 }), Infinity, () => 0);
    budget.resetForAttachment(10);
    budget.addInflated(90);
    budget.resetForAttachment(10);
    expect(budget.inflatedSoFar()).toBe(0);
    budget.addInflated(30);
    expect(budget.inflatedSoFar()).toBe(30);
    expect(budget.peaks().inflatedBytes).toBe(90);
    budget.addInflated(70);
    expect(budget.peaks().inflatedBytes).toBe(100);
  });

  it("calls an overflow a bomb by the ratio to the current attachment's raw size", () => {
    const budget = new Budget(limits({ maxInflatedBytes: 1000 }), Infinity, () => 0);
    budget.resetForAttachment(1); // 1001 bytes from 1 raw byte: far above the ratio
    expect(stopOf(() => budget.addInflated(1001))?.why).toBe("zip-bomb");
    budget.resetForAttachment(900); // 1001 from 900: merely too large
    expect(stopOf(() => budget.addInflated(1001))?.why).toBe("too-large");
  });
});

describe("Budget: extracted text (MAX_TEXT_CHARS)", () => {
  it("is the fixed cap in force for every scan", () => {
    expect(effectiveLimits(undefined).maxTextChars).toBe(MAX_TEXT_CHARS);
  });

  it("lets exactly the cap through and stops one character above it", () => {
    const budget = new Budget(limits({ maxTextChars: 50 }), Infinity, () => 0);
    budget.resetForAttachment(10);
    budget.addText(20);
    budget.addText(30);
    expect(stopOf(() => budget.addText(1))).toEqual({ why: "too-large", limit: "MAX_TEXT_CHARS" });
    expect(budget.peaks().textChars).toBe(50);
  });

  it("counts per attachment: a reset gives the next attachment the whole allowance", () => {
    const budget = new Budget(limits({ maxTextChars: 50 }), Infinity, () => 0);
    budget.resetForAttachment(10);
    budget.addText(40);
    budget.resetForAttachment(10);
    expect(stopOf(() => budget.addText(50))).toBeUndefined();
    expect(budget.peaks()).toEqual({ inflatedBytes: 0, textChars: 50 });
  });

  it("the peak keeps the largest attachment, not the last", () => {
    const budget = new Budget(limits({ maxTextChars: 50 }), Infinity, () => 0);
    budget.addText(40);
    budget.resetForAttachment(10);
    budget.addText(5);
    expect(budget.peaks().textChars).toBe(40);
  });
});

describe("entryCapName", () => {
  it("names the per-entry cap only when it is strictly the smaller one", () => {
    expect(entryCapName(limits({ maxEntryInflatedBytes: 10, maxInflatedBytes: 11 }))).toBe("MAX_ENTRY_INFLATED_BYTES");
    expect(entryCapName(limits({ maxEntryInflatedBytes: 10, maxInflatedBytes: 10 }))).toBe("MAX_INFLATED_BYTES");
    expect(entryCapName(limits({ maxEntryInflatedBytes: 11, maxInflatedBytes: 10 }))).toBe("MAX_INFLATED_BYTES");
  });
});

describe("overflowStop", () => {
  it("is a bomb strictly above BOMB_RATIO times the compressed size", () => {
    expect(overflowStop(10 * BOMB_RATIO, 10).why).toBe("too-large");
    expect(overflowStop(10 * BOMB_RATIO + 1, 10).why).toBe("zip-bomb");
    expect(overflowStop(10 * BOMB_RATIO + 1, 10, "MAX_ENTRY_INFLATED_BYTES").limit).toBe("MAX_ENTRY_INFLATED_BYTES");
  });

  it("treats an empty compressed size as one byte", () => {
    expect(overflowStop(BOMB_RATIO, 0).why).toBe("too-large");
    expect(overflowStop(BOMB_RATIO + 1, 0).why).toBe("zip-bomb");
  });

  it("is an ExtractStop, which isExtractStop recognises and nothing else passes", () => {
    const stop = overflowStop(1, 1);
    expect(stop).toBeInstanceOf(ExtractStop);
    expect(isExtractStop(stop)).toBe(true);
    expect(isExtractStop(new Error("x"))).toBe(false);
    expect(isExtractStop({ why: "timeout" })).toBe(false);
  });
});
