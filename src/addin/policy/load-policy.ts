/**
 * The admin's policy: `policy.json` served next to the add-in's pages (the build writes the built-in
 * default there, so an admin replaces one file). Fetched with an absolute URL (the JavaScript-only
 * runtime does not support relative fetch), validated with parsePolicy, cached for `maxAgeMs`, and
 * replaced by the built-in default, with a logged reason, when absent or invalid.
 *
 * This GET is the add-in's only network request, and it carries nothing from the mail: no query,
 * no body, no cookies. The log lines name HTTP statuses and policy field paths, never mail content.
 * `loadPolicy` never rejects.
 */
import { DEFAULT_POLICY, parsePolicy, POLICY_FETCH_TIMEOUT_MS, POLICY_MAX_AGE_MS, type Policy } from "../../core/index";
import type { KeyValueStore } from "../office/runtime-storage";

export type PolicySource = "cache" | "remote" | "stale-cache" | "default";

export interface LoadedPolicy {
  readonly policy: Policy;
  readonly source: PolicySource;
  /** Why the default (or a stale copy) is used; undefined when the admin's policy was loaded. */
  readonly reason?: string;
}

export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

export type FetchLike = (url: string, init?: { credentials?: "omit"; cache?: "no-cache" }) => Promise<FetchResponseLike>;

export interface LoadPolicyOptions {
  /** Absolute URL of policy.json; undefined when the add-in could not work out its own origin. */
  readonly url: string | undefined;
  readonly fetch?: FetchLike | undefined;
  readonly store?: KeyValueStore | undefined;
  readonly clock?: () => number;
  /** How long a fetched policy is used without asking again. */
  readonly maxAgeMs?: number;
  /** The fetch gives up after this; the send budget is 4 s in all. */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
  /** setTimeout, injected; when absent (a runtime without timers) the fetch is not time-bounded here. */
  readonly setTimer?: ((fn: () => void, ms: number) => unknown) | undefined;
  readonly clearTimer?: ((handle: unknown) => void) | undefined;
}

export const POLICY_CACHE_KEY = "postvagt.policy.v1";

interface CacheRecord {
  readonly fetchedAt: number;
  readonly url: string;
  /** The policy file as served: re-validated on every read, so a cache can never smuggle in a bad policy. */
  readonly raw: unknown;
}

function describeIssues(issues: ReadonlyArray<{ path: string; code: string }>): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path || "(file)"}: ${i.code}`);
  return shown.join("; ") + (issues.length > 5 ? `; +${issues.length - 5} more` : "");
}

async function readCache(store: KeyValueStore | undefined, url: string): Promise<{ policy: Policy; fetchedAt: number } | undefined> {
  if (!store) return undefined;
  try {
    const text = await store.get(POLICY_CACHE_KEY);
    if (!text) return undefined;
    const record = JSON.parse(text) as CacheRecord;
    if (record.url !== url || typeof record.fetchedAt !== "number") return undefined;
    const parsed = parsePolicy(record.raw);
    return parsed.ok ? { policy: parsed.policy, fetchedAt: record.fetchedAt } : undefined;
  } catch {
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, options: LoadPolicyOptions): Promise<T> {
  const { setTimer, clearTimer } = options;
  if (!setTimer) return promise;
  return new Promise<T>((resolve, reject) => {
    const handle = setTimer(() => reject(new Error("timeout")), ms);
    const stop = () => clearTimer?.(handle);
    promise.then(
      (v) => {
        stop();
        resolve(v);
      },
      (e: unknown) => {
        stop();
        reject(e);
      },
    );
  });
}

type FetchOutcome = { ok: true; raw: unknown } | { ok: false; reason: string; retryable: boolean };

async function fetchPolicy(options: LoadPolicyOptions, url: string): Promise<FetchOutcome> {
  const fetchFn = options.fetch;
  if (!fetchFn) return { ok: false, reason: "no fetch in this runtime", retryable: true };
  let response: FetchResponseLike;
  let body: string;
  try {
    const timeout = options.timeoutMs ?? POLICY_FETCH_TIMEOUT_MS;
    response = await withTimeout(fetchFn(url, { credentials: "omit", cache: "no-cache" }), timeout, options);
    if (!response.ok) return { ok: false, reason: `policy.json: HTTP ${response.status}`, retryable: response.status >= 500 };
    body = await withTimeout(response.text(), timeout, options);
  } catch (e) {
    const what = e instanceof Error && e.message === "timeout" ? "timed out" : "network error";
    return { ok: false, reason: `policy.json: ${what}`, retryable: true };
  }
  try {
    return { ok: true, raw: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, reason: "policy.json is not JSON", retryable: false };
  }
}

export async function loadPolicy(options: LoadPolicyOptions): Promise<LoadedPolicy> {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? (() => Date.now());
  const url = options.url;
  if (!url) {
    const reason = "the add-in's own URL is unknown";
    log(`policy: built-in default (${reason}); the organisation's policy could not be loaded`);
    return { policy: DEFAULT_POLICY, source: "default", reason };
  }

  const cached = await readCache(options.store, url);
  const maxAge = options.maxAgeMs ?? POLICY_MAX_AGE_MS;
  if (cached && clock() - cached.fetchedAt >= 0 && clock() - cached.fetchedAt < maxAge) {
    return { policy: cached.policy, source: "cache" };
  }

  const fetched = await fetchPolicy(options, url);
  if (!fetched.ok) {
    // A server hiccup should not undo the admin's policy: a stale copy beats the default.
    if (cached && fetched.retryable) {
      log(`policy: cached copy from ${new Date(cached.fetchedAt).toISOString()} (${fetched.reason})`);
      return { policy: cached.policy, source: "stale-cache", reason: fetched.reason };
    }
    log(`policy: built-in default (${fetched.reason}); the organisation's policy could not be loaded`);
    return { policy: DEFAULT_POLICY, source: "default", reason: fetched.reason };
  }

  const parsed = parsePolicy(fetched.raw);
  if (!parsed.ok) {
    const reason = `policy.json is invalid: ${describeIssues(parsed.issues)}`;
    log(`policy: built-in default (${reason}); the organisation's policy could not be loaded`);
    return { policy: DEFAULT_POLICY, source: "default", reason };
  }
  if (options.store) {
    const record: CacheRecord = { fetchedAt: clock(), url, raw: fetched.raw };
    await options.store.set(POLICY_CACHE_KEY, JSON.stringify(record)).catch(() => undefined);
  }
  return { policy: parsed.policy, source: "remote" };
}
