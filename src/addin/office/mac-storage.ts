/**
 * Outlook on Mac: the event runtime and the task pane share data through window.localStorage, not
 * reliably through sessionData (a write there can reach the pane late, office-js #5951); the
 * runtimes docs name localStorage as the Mac channel. The send handler leaves its result there too,
 * in the same masked form as the Smart Alerts contextData, and the pane takes the newer of the two.
 * See docs/design/outlook-fake-fidelity.md.
 */
import type { OfficeLike } from "./office-types";
import { contextDataFor, parseContextData, type SharedSendResult } from "./shared-state";

export interface LocalStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const LOCAL_SEND_KEY = "postvagt.send";
/** A result older than this belongs to an earlier draft, not to the one the pane is open on. */
export const LOCAL_SEND_MAX_AGE_MS = 10 * 60 * 1000;

/** localStorage where the client is Outlook on Mac and the runtime has it; undefined elsewhere. */
export function macLocalStorage(office: OfficeLike, explicit?: LocalStorageLike): LocalStorageLike | undefined {
  let platform = "";
  try {
    platform = String(office.context.platform ?? "");
  } catch {
    return undefined;
  }
  if (platform !== "Mac") return undefined;
  try {
    const storage = explicit ?? (globalThis as { localStorage?: LocalStorageLike }).localStorage;
    return storage && typeof storage.getItem === "function" ? storage : undefined;
  } catch {
    // Access can throw in a sandboxed frame.
    return undefined;
  }
}

export function writeLocalSend(storage: LocalStorageLike, result: SharedSendResult): void {
  try {
    storage.setItem(LOCAL_SEND_KEY, contextDataFor(result));
  } catch {
    // Quota or privacy settings: sessionData still carries it.
  }
}

export function readLocalSend(storage: LocalStorageLike, now: number): SharedSendResult | undefined {
  try {
    const result = parseContextData(storage.getItem(LOCAL_SEND_KEY));
    return result && now - result.at <= LOCAL_SEND_MAX_AGE_MS ? result : undefined;
  } catch {
    return undefined;
  }
}

/** The newer of two send results (either may be missing). */
export function newerSend(a: SharedSendResult | undefined, b: SharedSendResult | undefined): SharedSendResult | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.at > a.at ? b : a;
}

/** A Map as localStorage (the fake's Mac profile). */
export function mapStorage(map: Map<string, string>): LocalStorageLike {
  return { getItem: (k) => (map.has(k) ? map.get(k)! : null), setItem: (k, v) => void map.set(k, v) };
}
