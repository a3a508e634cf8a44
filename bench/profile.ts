/**
 * A short CPU profile summary for the benches (BENCH_PROFILE=1): self time per function from a
 * DevTools-protocol profile (Chromium's or Node's inspector), top first. The bundle is minified,
 * so a frame in it is shown with the first characters of its code, enough to find it in the sources.
 * Frames without a file, such as "(program)" and "dispatch", are time outside the page's
 * JavaScript: Chromium's throttling pauses, waits for the fake's callbacks, the inspector itself.
 */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{ readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number } }>;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export function topSelfTime(profile: CpuProfile, code: Readonly<Record<string, string>>, top = 12): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id);
    if (!f) return;
    const file = f.url.split("/").pop() ?? "";
    const source = code[file];
    const at = source && f.lineNumber === 0 ? ` «${source.slice(f.columnNumber, f.columnNumber + 70).replace(/\s+/g, " ")}»` : "";
    const key = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}${at}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${k}`);
}
