/**
 * Where a user's confirmed recipients live: Office.context.roamingSettings, which belong to one user
 * in one mailbox, follow them to every Outlook they use, and can be read in the task pane (where a
 * user confirms) and in the send handler (which honours it). Nothing leaves the mailbox.
 *
 * Roaming settings are loaded once, when a runtime starts: a send handler whose runtime started
 * before the confirmation may not see it. So the pane also writes the list to the runtime store
 * (OfficeRuntime.storage, shared by the add-in's runtimes), and the send handler reads both.
 * Roaming settings hold 32 KB in all, so the list is capped; the oldest confirmation goes first.
 * See docs/design/confirmed-recipients.md.
 */
import { confirmationKey } from "../../core/index";
import { officeCall } from "./office-async";
import type { OfficeLike, RoamingSettingsLike } from "./office-types";
import type { KeyValueStore } from "./runtime-storage";

export const CONFIRMED_KEY = "postvagt.confirmedRecipients.v1";
/** About 60 characters per address: 300 stay well inside the 32 KB roaming settings hold. */
export const MAX_CONFIRMED = 300;

export interface ConfirmationStore {
  /** The confirmed addresses (normalised); [] when there are none or the host keeps no settings. */
  list(): Promise<readonly string[]>;
  /** Whether the change was saved in the user's roaming settings. */
  add(address: string): Promise<boolean>;
  remove(address: string): Promise<boolean>;
}

function clean(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((a): a is string => typeof a === "string" && a.length <= 320).map(confirmationKey);
}

function readRoaming(settings: RoamingSettingsLike | undefined): string[] {
  try {
    return clean(settings?.get(CONFIRMED_KEY));
  } catch {
    return [];
  }
}

async function readMirror(mirror: KeyValueStore | undefined): Promise<string[] | undefined> {
  if (!mirror) return undefined;
  try {
    const text = await mirror.get(CONFIRMED_KEY);
    return text === null ? undefined : clean(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export function confirmationStore(office: OfficeLike | undefined, mirror?: KeyValueStore): ConfirmationStore {
  const settings = office?.context.roamingSettings;
  // The newest list this runtime knows: the mirror when the pane wrote one, else roaming settings.
  const current = async (): Promise<string[]> => (await readMirror(mirror)) ?? readRoaming(settings);
  const save = async (next: readonly string[]): Promise<boolean> => {
    await mirror?.set(CONFIRMED_KEY, JSON.stringify(next)).catch(() => undefined);
    if (!office || !settings) return false;
    try {
      settings.set(CONFIRMED_KEY, next);
      await officeCall<void>(office, "roamingSettings.saveAsync", (cb) => settings.saveAsync(cb));
      return true;
    } catch {
      return false;
    }
  };
  return {
    list: current,
    async add(address) {
      const key = confirmationKey(address);
      const rest = (await current()).filter((a) => a !== key);
      return save([...rest, key].slice(-MAX_CONFIRMED));
    },
    async remove(address) {
      const key = confirmationKey(address);
      return save((await current()).filter((a) => a !== key));
    },
  };
}
