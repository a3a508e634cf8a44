/**
 * The recipient memory in Office.context.roamingSettings: per user and add-in, follows the user
 * between Outlook clients, 32 KB for all settings (core/audit/recipient-memory.ts keeps it under).
 * Feature-detected; every failure is "no memory", never an error on the send path.
 * See docs/design/audit-marker.md.
 */
import { MEMORY_SETTING, parseMemory, type RecipientMemory } from "../../core/index";
import { officeCall } from "./office-async";
import type { OfficeLike } from "./office-types";

export interface MemoryStore {
  /** The memory as loaded with the add-in (roaming settings are read once, at load). */
  load(): RecipientMemory | undefined;
  /** Saves it (undefined forgets it) to the user's mailbox. Rejects when Outlook refuses. */
  save(memory: RecipientMemory | undefined): Promise<void>;
  /** A fresh random salt for a user without a memory yet. */
  newSalt(): string;
}

function randomHex(bytes: number): string {
  const out: number[] = [];
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c && typeof c.getRandomValues === "function") {
    const a = new Uint8Array(bytes);
    c.getRandomValues(a);
    for (let i = 0; i < a.length; i++) out.push(a[i]!);
  } else {
    // The classic JavaScript-only runtime may lack crypto: the salt is not a secret, only per user.
    for (let i = 0; i < bytes; i++) out.push(Math.floor(Math.random() * 256));
  }
  return out.map((b) => (b < 16 ? "0" : "") + b.toString(16)).join("");
}

export function roamingMemoryStore(office: OfficeLike): MemoryStore | undefined {
  let settings;
  try {
    settings = office.context.roamingSettings;
  } catch {
    return undefined;
  }
  if (!settings || typeof settings.get !== "function" || typeof settings.saveAsync !== "function") return undefined;
  const s = settings;
  return {
    load: () => {
      try {
        return parseMemory(s.get(MEMORY_SETTING));
      } catch {
        return undefined;
      }
    },
    save: (memory) => {
      try {
        if (memory === undefined) s.remove(MEMORY_SETTING);
        else s.set(MEMORY_SETTING, memory);
      } catch {
        return Promise.reject(new Error("roamingSettings.set failed"));
      }
      return officeCall<void>(office, "roamingSettings.saveAsync", (cb) => s.saveAsync(cb));
    },
    newSalt: () => randomHex(8),
  };
}
