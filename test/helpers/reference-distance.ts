/**
 * The textbook distance the fast look-alike distance must agree with: optimal string alignment over
 * the whole matrix, with a neighbour-key or look-alike substitution costing ½ when `weighted`
 * (docs/design/lookalike-domains.md §5 step 6). Slow and plain on purpose: it is the oracle.
 */
import { isCheapSubstitution } from "../../src/core/detectors/keyboard";

export function referenceDistance(a: string, b: string, weighted = true): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const x = a.charAt(i - 1);
      const y = b.charAt(j - 1);
      const sub = x === y ? 0 : weighted && isCheapSubstitution(x, y) ? 0.5 : 1;
      let best = Math.min(d[i - 1]![j - 1]! + sub, d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
      if (i > 1 && j > 1 && x === b.charAt(j - 2) && a.charAt(i - 2) === y && x !== y) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
