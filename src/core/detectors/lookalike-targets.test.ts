/**
 * Compiling the look-alike lists is linear in their length: each protected domain adds a fixed
 * number of index keys and map operations. Shown by counting, not timing (speed lives in
 * bench/lookalike.bench.ts and bench/policy.bench.ts).
 */
import { compileDomainLists, compiledSize, findLookalikes } from "./lookalike-domain";
import { MultiMap } from "./lookalike-targets";

function trusted(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`partner${i.toString(36)}x${(i * 7919) % 10007}.dk`);
  return out;
}

function countMapOps(run: () => void): number {
  const { set, get } = Map.prototype;
  let ops = 0;
  Map.prototype.set = function (this: Map<unknown, unknown>, k: unknown, v: unknown) {
    ops++;
    return set.call(this, k, v);
  };
  Map.prototype.get = function (this: Map<unknown, unknown>, k: unknown) {
    ops++;
    return get.call(this, k);
  };
  try {
    run();
  } finally {
    Map.prototype.set = set;
    Map.prototype.get = get;
  }
  return ops;
}

describe("compileDomainLists is linear", () => {
  const own = ["randers.dk"];
  const sizes = [2000, 4000];
  const measured = sizes.map((n) => {
    const lists = compileDomainLists({ own, trusted: trusted(n), useBuiltInList: false });
    let size = { targets: 0, keys: 0 };
    const ops = countMapOps(() => {
      size = compiledSize(lists); // builds the indexes
    });
    return { n, ops, ...size };
  });

  it("one target per distinct domain", () => {
    for (const m of measured) expect(m.targets).toBe(m.n + 1);
  });

  it("index keys and map operations grow in proportion to the list", () => {
    const [a, b] = measured as [(typeof measured)[0], (typeof measured)[0]];
    expect(b.keys).toBeLessThanOrEqual(2 * a.keys + 10);
    expect(b.ops).toBeLessThanOrEqual(2 * a.ops + 50);
    // A handful per domain (forms, skeleton, lure-word cuts), not one per pair of domains.
    expect(b.ops / b.n).toBeLessThan(12);
  });

  it("a repeated domain is one target", () => {
    const lists = compileDomainLists({ own, trusted: ["skat.dk", "SKAT.DK", "skat.dk.", "borger.dk"], useBuiltInList: false });
    expect(compiledSize(lists).targets).toBe(3);
  });

  it("the indexes are built on the first recipient that no list allows, not before", () => {
    const lists = compileDomainLists({ own, trusted: trusted(500), useBuiltInList: false });
    const onList = countMapOps(() => findLookalikes([{ address: "a@randers.dk", field: "to" }, { address: "b@mail.randers.dk", field: "cc" }], lists));
    expect(onList).toBe(0);
    const first = countMapOps(() => findLookalikes([{ address: "a@randrs.dk", field: "to" }], lists));
    const second = countMapOps(() => findLookalikes([{ address: "a@randrs.dk", field: "to" }], lists));
    expect(first).toBeGreaterThan(500);
    expect(second).toBeLessThan(100);
  });
});

describe("MultiMap", () => {
  it("keeps values in insertion order, one or many per key", () => {
    const m = new MultiMap<{ id: number }>();
    const [a, b, c] = [{ id: 1 }, { id: 2 }, { id: 3 }];
    m.add("x", a);
    m.add("y", b);
    m.add("x", c);
    expect(m.get("x")).toEqual([a, c]);
    expect(m.get("y")).toEqual([b]);
    expect(m.get("z")).toEqual([]);
    expect(m.size).toBe(2);
  });
});
