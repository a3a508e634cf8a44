/**
 * A memory of whom this user writes to: the external domains they sent mail to, as salted hashes
 * (not names), most recently used first, bounded to fit Outlook's roaming settings (32 KB for the
 * whole add-in; see docs/design/audit-marker.md). Pure: the add-in loads and saves it.
 *
 * It only ever ADDS a line ("Du har ikke skrevet til example.dk før") to a mail with a CPR finding;
 * it never makes anything acceptable. A look-alike domain is judged by the look-alike rule alone,
 * however often it was used, and is never remembered.
 */
import { domainOfAddress } from "../address-domain";
import type { Finding } from "../finding";
import type { Policy } from "../policy/policy";
import { isSecureRecipient } from "../secure-route";

export interface RecipientMemory {
  readonly v: 1;
  /** Random per user; makes the hashes of one user's memory useless for another's. */
  readonly salt: string;
  /** [hash, day last written to (days since 1970)], most recently used first. */
  readonly entries: ReadonlyArray<readonly [string, number]>;
}

/** The setting's size cap in characters (JSON), under the 32 KB for all of the add-in's settings. */
export const MEMORY_MAX_CHARS = 24_000;
export const MEMORY_SETTING = "postvagtRecipients";

export function emptyMemory(salt: string): RecipientMemory {
  return { v: 1, salt, entries: [] };
}

/** Tolerant: anything that is not a memory of this version reads as none (undefined). */
export function parseMemory(raw: unknown): RecipientMemory | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const m = raw as { v?: unknown; salt?: unknown; entries?: unknown };
  if (m.v !== 1 || typeof m.salt !== "string" || m.salt === "" || !Array.isArray(m.entries)) return undefined;
  const entries: Array<readonly [string, number]> = [];
  for (const e of m.entries) {
    if (Array.isArray(e) && typeof e[0] === "string" && /^[0-9a-f]{16}$/.test(e[0]) && typeof e[1] === "number" && isFinite(e[1])) entries.push([e[0], e[1]]);
  }
  return { v: 1, salt: m.salt, entries };
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ("0000000" + h.toString(16)).slice(-8);
}

/** 64 bits from two seeded FNV-1a passes over salt + domain: no name is stored. Not a secret hash. */
export function hashDomain(salt: string, domain: string): string {
  const text = `${salt}|${domain.trim().toLowerCase()}`;
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01234567);
}

export function isKnownDomain(memory: RecipientMemory | undefined, domain: string): boolean {
  if (!memory) return false;
  const h = hashDomain(memory.salt, domain);
  for (const e of memory.entries) if (e[0] === h) return true;
  return false;
}

/** Adds (or moves to the front) the domains, then drops the least recently used until it fits. */
export function rememberDomains(memory: RecipientMemory, domains: readonly string[], day: number, maxChars = MEMORY_MAX_CHARS): RecipientMemory {
  const fresh: Array<readonly [string, number]> = [];
  const seen: Record<string, true> = {};
  for (const d of domains) {
    const h = hashDomain(memory.salt, d);
    if (seen[h]) continue;
    seen[h] = true;
    fresh.push([h, day]);
  }
  const entries = fresh.concat(memory.entries.filter((e) => !seen[e[0]]));
  let next: RecipientMemory = { v: 1, salt: memory.salt, entries };
  // Each entry costs the same ("[\"<16 hex>\",<day>],"): cut to the count that fits, then check.
  while (next.entries.length > 0 && JSON.stringify(next).length > maxChars) {
    const over = JSON.stringify(next).length - maxChars;
    const drop = Math.max(1, Math.ceil(over / 28));
    next = { v: 1, salt: memory.salt, entries: next.entries.slice(0, Math.max(0, next.entries.length - drop)) };
  }
  return next;
}

function ownOrTrusted(domain: string, policy: Policy): boolean {
  for (const d of policy.ownDomains.concat(policy.trustedDomains)) if (domain === d || domain.endsWith(`.${d}`)) return true;
  return false;
}

/**
 * The external recipient domains of a mail, lower-case, once each: not own, not trusted (the admin
 * already vouched for them), not a secure recipient, and never a domain a look-alike finding names.
 */
export function externalDomains(recipients: ReadonlyArray<{ readonly address: string }>, findings: readonly Finding[], policy: Policy): string[] {
  const lookalikes: Record<string, true> = {};
  for (const f of findings) if (f.kind === "lookalike-domain") lookalikes[f.domain.toLowerCase()] = true;
  const out: string[] = [];
  for (const r of recipients) {
    const domain = domainOfAddress(r.address);
    if (domain === undefined || lookalikes[domain] || out.indexOf(domain) >= 0) continue;
    if (ownOrTrusted(domain, policy) || isSecureRecipient(r.address, policy)) continue;
    out.push(domain);
  }
  return out;
}

/** The domains that earn the "never written to before" line: only on a mail with a CPR finding. */
export function newDomainsForCpr(domains: readonly string[], findings: readonly Finding[], memory: RecipientMemory | undefined): string[] {
  if (!findings.some((f) => f.kind === "cpr")) return [];
  return domains.filter((d) => !isKnownDomain(memory, d));
}
