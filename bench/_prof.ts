import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { Session } from "node:inspector/promises";
import { HANDLER_NAMES } from "../src/addin/office/manifest-ids";
import { SESSION_KEY } from "../src/addin/office/shared-state";
import { createFakeOffice } from "../src/simulator/fake-office";
import { benchDraft } from "./draft";
(async () => {
  const code = readFileSync("dist/launchevent.js", "utf8");
  const message = benchDraft();
  const s = new Session(); s.connect();
  await s.post("Profiler.enable"); await s.post("Profiler.setSamplingInterval", { interval: 200 });
  const fake = createFakeOffice(message);
  const context: Record<string, unknown> = { Office: fake.Office, OfficeRuntime: fake.OfficeRuntime, console: { log: (l: string) => console.error(l) }, setTimeout, clearTimeout,
    fetch: () => Promise.resolve(new Response(readFileSync("dist/policy.json", "utf8"))) };
  createContext(context);
  await s.post("Profiler.start");
  const t = performance.now();
  runInContext(code, context, { filename: "launchevent.js" });
  const t1 = performance.now();
  await fake.fire(HANDLER_NAMES.send);
  const t2 = performance.now();
  fake.sessionData.delete(SESSION_KEY);
  const { profile } = await s.post("Profiler.stop");
  console.log(`evaluate ${(t1 - t).toFixed(0)} ms, send ${(t2 - t1).toFixed(0)} ms`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  const self = new Map<string, number>();
  profile.samples!.forEach((id, i) => {
    const n = byId.get(id)!; const f = n.callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${v.toFixed(0).padStart(6)} ms ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
})();
