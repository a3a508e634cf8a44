/**
 * The loops the send check runs per character or per number read no globals (Math.max, Math.imul,
 * Math.clz32): a sandboxed runtime can make each global lookup slow (docs/design/outlook-runtime.md,
 * "Hot loops"). Each test swaps the global for one that throws, after the modules have loaded.
 */
import { scanShapes } from "./detectors/cpr-scan";
import { compileDomainLists, findLookalikes } from "./detectors/lookalike-domain";

type MathFn = "max" | "imul" | "clz32";

function withoutMath<T>(names: readonly MathFn[], run: () => T): T {
  const saved = names.map((n) => [n, Math[n]] as const);
  for (const n of names) {
    (Math as unknown as Record<string, unknown>)[n] = () => {
      throw new Error(`global Math.${n} read in a hot loop`);
    };
  }
  try {
    return run();
  } finally {
    for (const [n, fn] of saved) (Math as unknown as Record<string, unknown>)[n] = fn;
  }
}

const NOW = new Date("2026-06-01T00:00:00Z");

describe("hot loops", () => {
  it("the CPR shape scan finds the same numbers with Math.max gone", () => {
    // Synthetic numbers (no person can hold them: see test/helpers/cpr-like-numbers.ts).
    const text = "Borger 150375-6125, tlf. 12345678, sag 010203-4567 og 311299 1234.".repeat(20);
    const expected = scanShapes(text, NOW).map((s) => s.digits);
    expect(expected.length).toBeGreaterThan(0);
    expect(withoutMath(["max"], () => scanShapes(text, NOW).map((s) => s.digits))).toEqual(expected);
  });

  it("the look-alike comparison gives the same findings with Math.imul and Math.clz32 gone", () => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: ["kombit.dk"], known: [], useBuiltInList: true, secondaryTargets: true });
    const recipients = [
      { address: "sag@anders.dk", field: "to" as const },
      { address: "post@komblt.dk", field: "cc" as const },
      { address: "x@randres.dk", field: "to" as const },
    ];
    const expected = findLookalikes(recipients, lists);
    expect(expected.length).toBeGreaterThan(0);
    expect(withoutMath(["imul", "clz32"], () => findLookalikes(recipients, lists))).toEqual(expected);
  });
});
