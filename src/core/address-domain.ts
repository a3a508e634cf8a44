/**
 * The domain of an e-mail address in the policy's normal form (lower case, punycode), or undefined
 * when there is none. One place for "the part after the last @", so the secure-recipient check and
 * the own domain learned from the sender read an address the same way.
 */
import { normalizeDomain } from "./policy/parse-policy";

export function domainOfAddress(address: string): string | undefined {
  const at = address.lastIndexOf("@");
  if (at < 0) return undefined;
  // Headers may leave a closing ">" or trailing space after the host ("Jens <jens@randers.dk>").
  const n = normalizeDomain(address.slice(at + 1).replace(/[>\s]+$/, ""));
  return n.ok ? n.domain : undefined;
}
