/**
 * One way for every bench to print a target: the measure, its floor (measured in the same run,
 * alternately with ours), both as median and range, the ratio of the medians, the target, and
 * MET / NOT MET. The machine is shared, so a single run says little: read the ranges too.
 */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/** Median (the mean of the middle two for an even count), min, max. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error("stats of no samples");
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, n: s.length };
}

/** MET when ours/floor (ratio of medians) is at most the target. */
export const ratioMet = (ours: Stats, floor: Stats, target: number): boolean => ours.median / floor.median <= target;
/** MET when ours stays under an absolute limit (median). */
export const limitMet = (ours: Stats, limit: number): boolean => ours.median < limit;

const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const showStats = (s: Stats, unit: string): string => `${fmt(s.median)} ${unit} (${fmt(s.min)}–${fmt(s.max)})`;

export function header(): void {
  console.log("| row | ours: median (range) | floor: median (range) | ours/floor | target | |");
  console.log("|---|---|---|---|---|---|");
}

/** A row whose target is a ratio to its floor (ratio of medians). */
export function ratioRow(name: string, ours: Stats, floor: Stats, unit: string, floorName: string, target: number): void {
  const ratio = ours.median / floor.median;
  console.log(
    `| ${name} | ${showStats(ours, unit)} | ${floorName}: ${showStats(floor, unit)} | ${ratio.toFixed(2)}× | ≤ ${target}× | ${ratioMet(ours, floor, target) ? "MET" : "NOT MET"} |`,
  );
}

/** A row whose target is an absolute bound on ours (the floor is printed for scale). */
export function limitRow(name: string, ours: Stats, floor: Stats | undefined, unit: string, floorName: string, limit: number): void {
  const ratio = floor ? `${(ours.median / floor.median).toFixed(2)}×` : "–";
  console.log(
    `| ${name} | ${showStats(ours, unit)} | ${floor ? `${floorName}: ${showStats(floor, unit)}` : floorName} | ${ratio} | < ${fmt(limit)} ${unit} | ${limitMet(ours, limit) ? "MET" : "NOT MET"} |`,
  );
}

/** A row whose target is a minimum (e.g. a speed-up): ours/floor must be at least `target`. */
export function speedupRow(name: string, ours: Stats, floor: Stats, unit: string, floorName: string, target: number): void {
  const speedup = floor.median / ours.median;
  console.log(
    `| ${name} | ${showStats(ours, unit)} | ${floorName}: ${showStats(floor, unit)} | ${speedup.toFixed(2)}× faster | ≥ ${target}× faster | ${speedup >= target ? "MET" : "NOT MET"} |`,
  );
}

/** A row printed for scale, with no target of its own (e.g. the same measure unthrottled). */
export function infoRow(name: string, ours: Stats, floor: Stats | undefined, unit: string, floorName: string, note: string): void {
  const ratio = floor ? `${(ours.median / floor.median).toFixed(2)}×` : "–";
  console.log(`| ${name} | ${showStats(ours, unit)} | ${floor ? `${floorName}: ${showStats(floor, unit)}` : "–"} | ${ratio} | ${note} | |`);
}

/** The order of the functions in round `round`: rotated by one each round, so each runs first as often. */
export function rotation(count: number, round: number): number[] {
  return Array.from({ length: count }, (_, k) => (round + k) % count);
}

/**
 * Times each function alternately (rotating order, after `warmups` untimed rounds) until each has
 * at least `minRuns` samples and `minMs` have passed (at most `maxRuns`): on a shared machine the
 * speed drifts within seconds, and timing one after the other would measure the drift.
 */
export async function alternate(
  fns: ReadonlyArray<() => unknown>,
  { minRuns = 15, minMs = 1500, maxRuns = 200, warmups = 3 }: { minRuns?: number; minMs?: number; maxRuns?: number; warmups?: number } = {},
): Promise<Stats[]> {
  for (let w = 0; w < warmups; w++) for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  const start = performance.now();
  for (let round = 0; round < minRuns || (performance.now() - start < minMs && round < maxRuns); round++) {
    for (const k of rotation(fns.length, round)) {
      const t = performance.now();
      await fns[k]!();
      times[k]!.push(performance.now() - t);
    }
  }
  return times.map(stats);
}
