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

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]!, n: s.length };
}

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
    `| ${name} | ${showStats(ours, unit)} | ${floorName}: ${showStats(floor, unit)} | ${ratio.toFixed(2)}× | ≤ ${target}× | ${ratio <= target ? "MET" : "NOT MET"} |`,
  );
}

/** A row whose target is an absolute bound on ours (the floor is printed for scale). */
export function limitRow(name: string, ours: Stats, floor: Stats | undefined, unit: string, floorName: string, limit: number): void {
  const ratio = floor ? `${(ours.median / floor.median).toFixed(2)}×` : "–";
  console.log(
    `| ${name} | ${showStats(ours, unit)} | ${floor ? `${floorName}: ${showStats(floor, unit)}` : floorName} | ${ratio} | < ${fmt(limit)} ${unit} | ${ours.median < limit ? "MET" : "NOT MET"} |`,
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
