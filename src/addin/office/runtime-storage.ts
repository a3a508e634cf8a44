/**
 * A small key-value store for the policy cache that survives between event runs. Classic Outlook's
 * JavaScript-only runtime starts afresh for every event and has no localStorage, but it does have
 * OfficeRuntime.storage (10 MB per domain, runtimes docs); browser runtimes have sessionStorage.
 * Without either, an in-memory map (lives as long as the runtime does).
 */
import type { OfficeRuntimeLike } from "./office-types";

export interface KeyValueStore {
  readonly kind: "office-runtime" | "session-storage" | "memory";
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    kind: "memory",
    get: (key) => Promise.resolve(map.has(key) ? map.get(key)! : null),
    set: (key, value) => {
      map.set(key, value);
      return Promise.resolve();
    },
  };
}

interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function webStorage(storage: WebStorageLike): KeyValueStore {
  return {
    kind: "session-storage",
    get: (key) => {
      try {
        return Promise.resolve(storage.getItem(key));
      } catch {
        return Promise.resolve(null);
      }
    },
    set: (key, value) => {
      try {
        storage.setItem(key, value);
      } catch {
        // Quota or privacy mode: the cache is an optimisation only.
      }
      return Promise.resolve();
    },
  };
}

/** The best store this runtime offers. Arguments are for tests; by default the globals are used. */
export function runtimeStore(
  officeRuntime: OfficeRuntimeLike | undefined = (globalThis as { OfficeRuntime?: OfficeRuntimeLike }).OfficeRuntime,
  session: WebStorageLike | undefined = safeSessionStorage(),
): KeyValueStore {
  const storage = officeRuntime?.storage;
  if (storage && typeof storage.getItem === "function" && typeof storage.setItem === "function") {
    return {
      kind: "office-runtime",
      get: (key) => storage.getItem(key).catch(() => null),
      set: (key, value) => storage.setItem(key, value).catch(() => undefined),
    };
  }
  if (session) return webStorage(session);
  return memoryStore();
}

function safeSessionStorage(): WebStorageLike | undefined {
  try {
    const s = (globalThis as { sessionStorage?: WebStorageLike }).sessionStorage;
    return s && typeof s.getItem === "function" ? s : undefined;
  } catch {
    // Accessing sessionStorage throws in sandboxed frames.
    return undefined;
  }
}
