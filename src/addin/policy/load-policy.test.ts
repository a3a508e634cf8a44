/** @jest-environment node */
import { DEFAULT_POLICY } from "../../core/index";
import { memoryStore } from "../office/runtime-storage";
import { POLICY_MAX_AGE_MS } from "../../core/index";
import { loadPolicy, POLICY_CACHE_KEY, type FetchLike } from "./load-policy";

const URL = "https://addins.example.dk/postvagt/policy.json";
const ADMIN = { ownDomains: ["randers.dk"], trustedDomains: ["aarhus.dk"] };

function fetchOf(...responses: Array<{ status: number; body?: string } | "network" | "hang">): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  let i = 0;
  const fetch: FetchLike = (url) => {
    calls.push(url);
    const r = responses[Math.min(i++, responses.length - 1)]!;
    if (r === "network") return Promise.reject(new TypeError("Failed to fetch"));
    if (r === "hang") return new Promise(() => undefined);
    return Promise.resolve({ ok: r.status < 400, status: r.status, text: () => Promise.resolve(r.body ?? "") });
  };
  return { fetch, calls };
}

const timers = { setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimer: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };

describe("loadPolicy", () => {
  it("loads, validates and caches the admin's policy", async () => {
    const store = memoryStore();
    const { fetch, calls } = fetchOf({ status: 200, body: JSON.stringify(ADMIN) });
    const first = await loadPolicy({ url: URL, fetch, store, ...timers });
    expect(first.source).toBe("remote");
    expect(first.policy.ownDomains).toEqual(["randers.dk"]);
    const second = await loadPolicy({ url: URL, fetch, store, ...timers });
    expect(second.source).toBe("cache");
    expect(calls).toEqual([URL]);
  });

  it("asks again once the cache is older than the lifetime", async () => {
    const store = memoryStore();
    let now = 1_000_000;
    const { fetch, calls } = fetchOf({ status: 200, body: JSON.stringify(ADMIN) });
    await loadPolicy({ url: URL, fetch, store, clock: () => now, ...timers });
    now += POLICY_MAX_AGE_MS + 1;
    expect((await loadPolicy({ url: URL, fetch, store, clock: () => now, ...timers })).source).toBe("remote");
    expect(calls).toHaveLength(2);
  });

  it.each([
    ["absent (404)", { status: 404 }, /HTTP 404/],
    ["not JSON", { status: 200, body: "<html>" }, /not JSON/],
    ["invalid", { status: 200, body: JSON.stringify({ ownDomains: "randers.dk", trustedDomains: [] }) }, /invalid: ownDomains/],
  ] as const)("falls back to the built-in default when policy.json is %s, and logs why", async (_what, response, reason) => {
    const logs: string[] = [];
    const loaded = await loadPolicy({ url: URL, fetch: fetchOf(response).fetch, store: memoryStore(), log: (l) => logs.push(l), ...timers });
    expect(loaded.source).toBe("default");
    expect(loaded.policy).toBe(DEFAULT_POLICY);
    expect(logs.join("\n")).toMatch(reason);
  });

  it("keeps a stale copy through a network failure", async () => {
    const store = memoryStore();
    let now = 0;
    const { fetch } = fetchOf({ status: 200, body: JSON.stringify(ADMIN) }, "network");
    await loadPolicy({ url: URL, fetch, store, clock: () => now, ...timers });
    now = POLICY_MAX_AGE_MS * 3;
    const loaded = await loadPolicy({ url: URL, fetch, store, clock: () => now, ...timers });
    expect(loaded.source).toBe("stale-cache");
    expect(loaded.policy.ownDomains).toEqual(["randers.dk"]);
  });

  it("gives up on a server that never answers", async () => {
    const started = Date.now();
    const loaded = await loadPolicy({ url: URL, fetch: fetchOf("hang").fetch, timeoutMs: 100, ...timers });
    expect(loaded.source).toBe("default");
    expect(loaded.reason).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("never trusts a tampered cache: it is validated again", async () => {
    const store = memoryStore();
    await store.set(POLICY_CACHE_KEY, JSON.stringify({ fetchedAt: Date.now(), url: URL, raw: { ownDomains: 5 } }));
    const { fetch, calls } = fetchOf({ status: 200, body: JSON.stringify(ADMIN) });
    expect((await loadPolicy({ url: URL, fetch, store, ...timers })).source).toBe("remote");
    expect(calls).toHaveLength(1);
  });

  it("without a URL or fetch uses the default", async () => {
    expect((await loadPolicy({ url: undefined })).source).toBe("default");
    expect((await loadPolicy({ url: URL })).reason).toMatch(/no fetch/);
  });

  it("sends no credentials and nothing but the URL", async () => {
    const seen: unknown[] = [];
    const fetch: FetchLike = (url, init) => {
      seen.push([url, init]);
      return Promise.resolve({ ok: false, status: 404, text: () => Promise.resolve("") });
    };
    await loadPolicy({ url: URL, fetch });
    expect(seen).toEqual([[URL, { credentials: "omit", cache: "no-cache" }]]);
  });
});
