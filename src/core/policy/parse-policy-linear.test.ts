/**
 * Parsing a policy is linear in its lists (docs/design/hostile-input.md): shown by counting the
 * operations a list entry costs, not by timing (speed lives in bench/policy.bench.ts). Doubling a
 * list must double the Set lookups and leave the number of linear array scans (includes, indexOf,
 * some, find, filter) unchanged: a scan per entry, as the quadratic de-duplication was, fails here.
 */
import { parsePolicy } from "./parse-policy";

function domains(n: number, seed: number): string[] {
  const out: string[] = [];
  // Every tenth entry repeats an earlier one: de-duplication has work to do.
  for (let i = 0; i < n; i++) out.push(i % 10 === 9 ? `org${seed}x${i - 5}.dk` : `org${seed}x${i}.dk`);
  return out;
}

type Counted = "includes" | "indexOf" | "some" | "find" | "filter";
const SCANS: readonly Counted[] = ["includes", "indexOf", "some", "find", "filter"];

function countOps(run: () => void): { scans: number; setHas: number } {
  const originals = SCANS.map((name) => Array.prototype[name]);
  const originalHas = Set.prototype.has;
  let scans = 0;
  let setHas = 0;
  SCANS.forEach((name, k) => {
    const original = originals[k] as (...args: unknown[]) => unknown;
    (Array.prototype as unknown as Record<string, unknown>)[name] = function (this: unknown[], ...args: unknown[]): unknown {
      scans++;
      return original.apply(this, args);
    };
  });
  Set.prototype.has = function (this: Set<unknown>, value: unknown): boolean {
    setHas++;
    return originalHas.call(this, value);
  };
  try {
    run();
  } finally {
    SCANS.forEach((name, k) => ((Array.prototype as unknown as Record<string, unknown>)[name] = originals[k]));
    Set.prototype.has = originalHas;
  }
  return { scans, setHas };
}

describe("parsePolicy work per list entry", () => {
  it.each(["trustedDomains", "knownDomains"])("%s: Set lookups double with the list, array scans do not grow", (key) => {
    const ops = [2000, 4000].map((n) =>
      countOps(() => {
        const r = parsePolicy(JSON.stringify({ ownDomains: ["randers.dk"], trustedDomains: [], [key]: domains(n, n) }));
        expect(r.ok).toBe(true);
        if (r.ok) expect((r.policy as unknown as Record<string, string[]>)[key]).toHaveLength(n - n / 10);
      }),
    );
    expect(ops[1]!.scans).toBe(ops[0]!.scans);
    expect(ops[1]!.setHas).toBeGreaterThanOrEqual(2 * ops[0]!.setHas - 10);
    expect(ops[1]!.setHas).toBeLessThanOrEqual(2 * ops[0]!.setHas + 10);
  });

  it("secure addresses: the same", () => {
    const addresses = (n: number): string[] => domains(n, n).map((d) => `sikker@${d}`);
    const ops = [2000, 4000].map((n) =>
      countOps(() => {
        const r = parsePolicy({ ownDomains: [], trustedDomains: [], secureRecipients: { addresses: addresses(n) } });
        expect(r.ok).toBe(true);
      }),
    );
    expect(ops[1]!.scans).toBe(ops[0]!.scans);
    expect(ops[1]!.setHas).toBeLessThanOrEqual(2 * ops[0]!.setHas + 10);
  });
});
