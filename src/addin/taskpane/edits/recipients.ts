/**
 * Recipient list edits for the look-alike fixes. Pure: the Office adapter reads the list, these
 * decide the new one, the adapter writes it back with every other recipient untouched.
 */

import type { RecipientEntry } from "../../office/apply-fix";

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Replaces `address` with `suggestion`. A display name that was only the wrong address is replaced
 * too; a real name ("Hans Hansen") is kept. If the corrected address is already on the list, the
 * wrong one is just removed, so nobody gets the mail twice.
 */
export function replaceRecipient(
  list: readonly RecipientEntry[],
  address: string,
  suggestion: string,
): RecipientEntry[] {
  const alreadyThere = list.some((r) => same(r.emailAddress, suggestion));
  const out: RecipientEntry[] = [];
  for (const r of list) {
    if (!same(r.emailAddress, address)) {
      out.push(r);
      continue;
    }
    if (alreadyThere) continue;
    const nameWasAddress = r.displayName.trim() === "" || same(r.displayName, r.emailAddress);
    out.push({ emailAddress: suggestion, displayName: nameWasAddress ? suggestion : r.displayName });
  }
  return out;
}

export function removeRecipient(list: readonly RecipientEntry[], address: string): RecipientEntry[] {
  return list.filter((r) => !same(r.emailAddress, address));
}
