/**
 * The one place that reads a domain or an e-mail address, built on `host-name.ts`:
 *  - `normalizeDomain` / `normalizeAddress`: what the admin wrote in the policy, in the policy's
 *    normal form (lower case, punycode), or the reason it is refused (parsePolicy names the field);
 *  - `domainOfAddress`: the domain of a sender or recipient in that same form (secure route, the
 *    own domain learned from the sender, the recipient memory);
 *  - `parseAddress` / `normalizeDomainEntry`: an address or list entry as a host in both forms,
 *    for the look-alike rule (docs/design/lookalike-domains.md §5 steps 1–2).
 */
import { toASCII } from "punycode/";
import { getDomain, getPublicSuffix } from "tldts";
import { type HostName, MAX_HOST_LENGTH, isLdhHost, parseHost } from "./host-name";
import type { PolicyIssueCode, PolicyIssueHint, PolicyIssueValues } from "./policy/policy-issue";

export { type HostName, parseHost } from "./host-name";

export type ParsedAddress =
  | { readonly ok: true; readonly local: string; readonly host: HostName }
  | { readonly ok: false };

/** Why a written domain or address was refused: the code, English words, and the sentence's hint and values. */
export interface Refusal {
  readonly ok: false;
  readonly code: PolicyIssueCode;
  readonly problem: string;
  readonly hint: PolicyIssueHint;
  readonly values: PolicyIssueValues;
}

/** Far above any real domain (253) or address (254), low enough to bound the work per entry. */
export const MAX_ENTRY_CHARS = 4096;
/** The input is already a bare host name: tldts need not extract or validate one (its costliest steps). */
const TLD_OPTIONS = { extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;
/** A local part we accept: printable, no spaces, no angle brackets or quotes (write the bare address). */
const LOCAL_PART = /^[^\s@<>"(),;:\\[\]]{1,64}$/;

/**
 * The domain of an e-mail address in the policy's normal form (lower case, punycode), or undefined
 * when there is none, so the secure-recipient check and the own domain learned from the sender
 * read an address the same way.
 */
export function domainOfAddress(address: string): string | undefined {
  const at = address.lastIndexOf("@");
  if (at < 0) return undefined;
  // Headers may leave a closing ">" or trailing space after the host ("Jens <jens@randers.dk>").
  const n = normalizeDomain(address.slice(at + 1).replace(/[>\s]+$/, ""));
  return n.ok ? n.domain : undefined;
}

/**
 * Checks an address: the part after the last `@` must be a valid host name. Display-name wrappers
 * (`Name <a@b>`) and surrounding whitespace are tolerated; anything else that is not a host is
 * `{ ok: false }`, which the detector reports (never a silent pass).
 */
export function parseAddress(address: string): ParsedAddress {
  let text = address.trim();
  const open = text.lastIndexOf("<");
  if (open !== -1 && text.charAt(text.length - 1) === ">") text = text.slice(open + 1, -1).trim();
  const at = text.lastIndexOf("@");
  if (at <= 0) return { ok: false };
  const host = parseHost(text.slice(at + 1));
  return host ? { ok: true, local: text.slice(0, at), host } : { ok: false };
}

/** A policy list entry (`randers.dk`, `@randers.dk`, `*.randers.dk`, `RANDERS.DK.`) as a host, or `undefined`. */
export function normalizeDomainEntry(entry: string): HostName | undefined {
  let text = entry.trim();
  if (text.charAt(0) === "@") text = text.slice(1);
  else if (text.slice(0, 2) === "*.") text = text.slice(2);
  return parseHost(text);
}

function tooLong(raw: string): Refusal {
  const f = { text: JSON.stringify(`${raw.slice(0, 57)}...`) };
  return { ok: false, code: "too-long", problem: `${f.text} is ${raw.length} characters; at most ${MAX_ENTRY_CHARS}`, hint: "entry-too-long", values: { found: f, count: raw.length, max: MAX_ENTRY_CHARS } };
}

/** Normalised, ASCII (punycode) form of an admin-written domain, or the reason it is refused. */
export function normalizeDomain(raw: string): { ok: true; domain: string } | Refusal {
  if (raw.length > MAX_ENTRY_CHARS) return tooLong(raw);
  let d = raw.trim().toLowerCase();
  if (d.endsWith(".")) d = d.slice(0, -1);
  // Plain ASCII (nearly every entry) is its own ASCII form: NFC and punycode cost ~12 µs each.
  let ascii = isLdhHost(d) ? d : undefined;
  if (ascii === undefined) {
    const refused = refuseShape(raw, d);
    if (refused) return refused;
    try {
      ascii = toASCII(d.normalize("NFC"));
    } catch {
      return refusal(raw, "not-a-domain", "is not a domain", "domain-invalid");
    }
    if (ascii.length > MAX_HOST_LENGTH || !isLdhHost(ascii)) {
      return refusal(raw, "not-a-domain", `is not a domain; write it as name.tld, such as "randers.dk"`, "domain-format");
    }
  }
  // getDomain first: it is null only for a public suffix (or worse), so most entries cost one lookup.
  if (getDomain(ascii, TLD_OPTIONS) === null && getPublicSuffix(ascii, TLD_OPTIONS) === ascii) {
    return refusal(raw, "public-suffix", "is a public suffix shared by many owners; write one organisation's domain", "domain-public-suffix");
  }
  return { ok: true, domain: ascii };
}

/** `"<raw>" <problem>` with the raw text shown, built only for a refused entry. */
function refusal(raw: string, code: PolicyIssueCode, problem: string, hint: PolicyIssueHint): Refusal {
  const shown = JSON.stringify(raw);
  return { ok: false, code, problem: `${shown} ${problem}`, hint, values: { found: { text: shown } } };
}

/** What the admin most likely meant when a domain entry is something else: empty, a wildcard, an address or a URL. */
function refuseShape(raw: string, d: string): Refusal | undefined {
  const shown = JSON.stringify(raw);
  const f = { text: shown };
  if (d === "") return { ok: false, code: "empty", problem: "is empty; write a domain such as \"randers.dk\"", hint: "domain-empty", values: {} };
  if (d.startsWith("*.")) {
    const suggestion = d.slice(2);
    return { ok: false, code: "wildcard", problem: `${shown}: no wildcards; subdomains are always included, write "${suggestion}"`, hint: "domain-wildcard", values: { found: f, suggestion } };
  }
  if (d.includes("@")) {
    const host = d.slice(d.lastIndexOf("@") + 1);
    return { ok: false, code: "not-a-domain", problem: `${shown} is an address, not a domain; write "${host}"`, hint: "domain-is-address", values: { found: f, suggestion: host } };
  }
  if (d.includes("://") || d.includes("/")) {
    return { ok: false, code: "not-a-domain", problem: `${shown} is a web address; write only the domain, such as "randers.dk"`, hint: "domain-is-url", values: { found: f } };
  }
  return undefined;
}

/** Normalised (lower-case, ASCII domain) form of an admin-written address, or the reason it is refused. */
export function normalizeAddress(raw: string): { ok: true; address: string } | Refusal {
  if (raw.length > MAX_ENTRY_CHARS) return tooLong(raw);
  const shown = JSON.stringify(raw);
  const f = { text: shown };
  const a = raw.trim().toLowerCase();
  if (a === "") return { ok: false, code: "empty", problem: "is empty; write an address such as \"sikkerpost@randers.dk\"", hint: "address-empty", values: {} };
  if (a.includes("<") || a.includes(">")) {
    const inner = /<([^<>]*)>/.exec(a)?.[1]?.trim();
    return {
      ok: false,
      code: "not-an-address",
      problem: `${shown}: write only the address${inner ? `, "${inner}"` : ""}, without a name or < >`,
      hint: inner ? "address-brackets-inner" : "address-brackets",
      values: inner ? { found: f, suggestion: inner } : { found: f },
    };
  }
  const at = a.lastIndexOf("@");
  if (at < 0) {
    const problem = `${shown} is not an address; write a full address such as "sikkerpost@randers.dk", or put a domain in secureRecipients.domains`;
    return { ok: false, code: "not-an-address", problem, hint: "address-no-at", values: { found: f } };
  }
  const local = a.slice(0, at);
  if (!LOCAL_PART.test(local)) {
    return { ok: false, code: "not-an-address", problem: `${shown} is not an address; write it as name@domain, such as "sikkerpost@randers.dk"`, hint: "address-local", values: { found: f } };
  }
  const domain = normalizeDomain(a.slice(at + 1));
  if (!domain.ok) {
    const values: PolicyIssueValues = { found: f, inner: { hint: domain.hint, values: domain.values } };
    return { ok: false, code: "not-an-address", problem: `${shown} is not an address: its domain ${domain.problem}`, hint: "address-domain", values };
  }
  return { ok: true, address: `${local}@${domain.domain}` };
}
