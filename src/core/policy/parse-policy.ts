/**
 * The admin's policy file → a typed Policy, or every problem in it as a value that names the field
 * (`trustedDomains[2]: "randers" is not a domain`). A wrong policy must never half-apply: either
 * the whole file is valid, or the caller gets the list and decides (the CLI exits 2; the add-in
 * keeps the built-in policy and says so).
 */
import { toASCII } from "punycode/";
import { getDomain, getPublicSuffix } from "tldts";
import type { Action, FailMode, HelpContact, Limits, Policy, SecureRoute } from "./policy";
import { withDefaults, type PolicyInput } from "./with-defaults";
import type { EnumNoun, FoundValue, LimitUnit, PolicyIssue, PolicyIssueCode, PolicyIssueHint, PolicyIssueValues } from "./policy-issue";

export type { EnumNoun, FoundValue, LimitUnit, PolicyIssue, PolicyIssueCode, PolicyIssueHint, PolicyIssueValues } from "./policy-issue";

export type PolicyResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

const ACTIONS: readonly Action[] = ["block", "warn", "allow"];
const FAIL_MODES: readonly FailMode[] = ["block", "warn", "allow"];
const LANGUAGES: readonly Policy["language"][] = ["auto", "da", "en"];
const NEW_DOMAIN_MODES: readonly Policy["newExternalDomain"][] = ["warn", "show", "off"];

/** Inclusive bounds: below is meaningless, above is a typo (an extra zero) or an attack on memory. */
interface Range {
  readonly min: number;
  readonly max: number;
  readonly unit: LimitUnit;
}

export const LIMIT_RANGES: Readonly<Record<keyof Limits, Range>> = {
  // Smart Alerts aborts the handler after 5 minutes whatever we say.
  sendBudgetMs: { min: 100, max: 290_000, unit: "ms" },
  maxAttachmentBytes: { min: 1024, max: 1024 * 1024 * 1024, unit: "bytes" },
  maxInflatedBytes: { min: 1024, max: 2 * 1024 * 1024 * 1024, unit: "bytes" },
  maxArchiveEntries: { min: 1, max: 100_000, unit: "entries" },
  maxNestingDepth: { min: 0, max: 20, unit: "levels" },
};

export const CONTEXT_WINDOW_RANGE: Range = { min: 0, max: 1000, unit: "characters" };

const TOP_KEYS = [
  "$schema",
  "ownDomains",
  "trustedDomains",
  "knownDomains",
  "useBuiltInDomainList",
  "cpr",
  "lookalike",
  "invalidRecipient",
  "unreadableAttachment",
  "imageAttachment",
  "secureRoute",
  "secureRecipients",
  "onError",
  "onTimeout",
  "limits",
  "language",
  "newExternalDomain",
  "confirmLookalikes",
  "helpContact",
  "name",
  "version",
] as const;
const CPR_KEYS = ["high", "medium", "low", "contextWindow"] as const;
const LOOKALIKE_KEYS = ["own", "trusted", "known"] as const;
const LIMIT_KEYS = Object.keys(LIMIT_RANGES) as (keyof Limits)[];
const SECURE_RECIPIENT_KEYS = ["domains", "addresses"] as const;
const HELP_CONTACT_KEYS = ["text", "url"] as const;
const ROUTE_KINDS = ["none", "subject-tag", "sensitivity-label"] as const;
const ROUTE_KEYS: Readonly<Record<(typeof ROUTE_KINDS)[number], readonly string[]>> = {
  none: ["kind"],
  "subject-tag": ["kind", "tag"],
  "sensitivity-label": ["kind", "labelId", "labelName"],
};

/**
 * Every key the parser accepts, per section: the published JSON Schema is tested against this, so
 * schema and parser cannot drift apart (test/policy-schema.test.ts).
 */
export const POLICY_KEYS = {
  top: TOP_KEYS,
  cpr: CPR_KEYS,
  lookalike: LOOKALIKE_KEYS,
  limits: LIMIT_KEYS,
  secureRecipients: SECURE_RECIPIENT_KEYS,
  secureRoute: ROUTE_KEYS,
  helpContact: HELP_CONTACT_KEYS,
} as const;

/** Longest subject tag we accept: it is prepended to every protected mail's subject. */
const MAX_TAG_LENGTH = 40;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Two or more LABELs joined by dots, in one pass (labels hold no dot, so it cannot backtrack). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ASCII_HOST = /^[a-z0-9.-]+$/;
/** The input is already a bare host name: tldts need not extract or validate one (its costliest steps). */
const TLD_OPTIONS = { extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;

/**
 * Size caps, each answering a measured cost (docs/design/hostile-input.md): the file in characters,
 * entries per list, characters per list entry, and issues reported (a 100,000-entry list of
 * mistakes is reported by its first 200, and the count of the rest).
 */
export const MAX_POLICY_CHARS = 32 * 1024 * 1024;
export const MAX_POLICY_LIST_ENTRIES = 250_000;
/** Far above any real domain (253) or address (254), low enough to bound the work per entry. */
const MAX_ENTRY_CHARS = 4096;
const MAX_ISSUES = 200;
/** Keys longer than this get no did-you-mean (its cost is the product of the lengths). */
const MAX_GUESS_KEY = 64;

type Json = unknown;
type Obj = Readonly<Record<string, Json>>;

class Issues {
  readonly list: PolicyIssue[] = [];
  private more = 0;
  add(path: string, code: PolicyIssueCode, problem: string, hint: PolicyIssueHint, values: PolicyIssueValues = {}): void {
    if (this.list.length >= MAX_ISSUES) {
      this.more++;
      return;
    }
    this.list.push({ path, code, message: path === "" ? problem : `${path}: ${problem}`, hint, values });
  }
  /** The issues, with one last line counting those left out. */
  done(): PolicyIssue[] {
    if (this.more > 0) {
      const code = this.list[0]?.code ?? "invalid-json";
      this.list.push({ path: "", code, message: `... and ${this.more} more issues of the same kinds`, hint: "more-issues", values: { count: this.more } });
    }
    return this.list;
  }
}

function found(value: Json): FoundValue {
  if (value === null) return { text: "null" };
  if (Array.isArray(value)) return { kind: "array" };
  if (typeof value === "string") return { text: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value) };
  if (typeof value === "number") return { text: Number.isNaN(value) ? "NaN" : String(value) };
  if (typeof value === "object") return { kind: "object" };
  return { text: String(value) };
}

function describe(value: Json): string {
  const f = found(value);
  return "text" in f ? f.text : f.kind === "array" ? "an array" : "an object";
}

function isObject(value: Json): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Optimal-string-alignment distance (a swap of neighbours costs 1): for did-you-mean on keys and values. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 4)) ? best : undefined;
}

function checkKeys(obj: Obj, allowed: readonly string[], base: string, issues: Issues): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const guess = key.length <= MAX_GUESS_KEY ? closest(key, allowed) : undefined;
    const listed = allowed.filter((k) => k !== "$schema");
    // A key is shown at most 60 characters long: a 1 MB key must not become a 1 MB message.
    const shownKey = key.length > 60 ? `${key.slice(0, 57)}...` : key;
    issues.add(
      join(base, shownKey),
      "unknown-key",
      `unknown key "${shownKey}"${guess ? `; did you mean "${guess}"?` : `; allowed here: ${listed.join(", ")}`}`,
      guess ? "unknown-key-guess" : "unknown-key",
      guess ? { key: shownKey, guess } : { key: shownKey, allowed: listed },
    );
  }
}

function join(base: string, key: string): string {
  return base === "" ? key : `${base}.${key}`;
}

/** Normalised, ASCII (punycode) form of an admin-written domain, or the issue with it. */
/** Why a written domain or address was refused: the code, English words, and the sentence's hint and values. */
interface Refusal {
  readonly ok: false;
  readonly code: PolicyIssueCode;
  readonly problem: string;
  readonly hint: PolicyIssueHint;
  readonly values: PolicyIssueValues;
}

export function normalizeDomain(raw: string): { ok: true; domain: string } | Refusal {
  if (raw.length > MAX_ENTRY_CHARS) {
    const f = { text: JSON.stringify(`${raw.slice(0, 57)}...`) };
    return { ok: false, code: "too-long", problem: `${f.text} is ${raw.length} characters; at most ${MAX_ENTRY_CHARS}`, hint: "entry-too-long", values: { found: f, count: raw.length, max: MAX_ENTRY_CHARS } };
  }
  const shown = JSON.stringify(raw);
  const f = { text: shown };
  let d = raw.trim().toLowerCase();
  if (d.endsWith(".")) d = d.slice(0, -1);
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
  let ascii: string;
  try {
    // Plain ASCII (nearly every entry) is its own ASCII form: NFC and punycode cost ~12 µs each.
    ascii = ASCII_HOST.test(d) ? d : toASCII(d.normalize("NFC"));
  } catch {
    return { ok: false, code: "not-a-domain", problem: `${shown} is not a domain`, hint: "domain-invalid", values: { found: f } };
  }
  if (ascii.length > 253 || !HOST.test(ascii)) {
    return { ok: false, code: "not-a-domain", problem: `${shown} is not a domain; write it as name.tld, such as "randers.dk"`, hint: "domain-format", values: { found: f } };
  }
  // getDomain first: it is null only for a public suffix (or worse), so most entries cost one lookup.
  if (getDomain(ascii, TLD_OPTIONS) === null && getPublicSuffix(ascii, TLD_OPTIONS) === ascii) {
    return { ok: false, code: "public-suffix", problem: `${shown} is a public suffix shared by many owners; write one organisation's domain`, hint: "domain-public-suffix", values: { found: f } };
  }
  return { ok: true, domain: ascii };
}

function parseDomains(value: Json, path: string, issues: Issues): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(path, "wrong-type", `must be an array of domains such as ["randers.dk"], not ${describe(value)}`, "domains-type", { found: found(value) });
    return undefined;
  }
  if (value.length > MAX_POLICY_LIST_ENTRIES) {
    issues.add(path, "too-large", `has ${value.length} entries; at most ${MAX_POLICY_LIST_ENTRIES} are accepted`, "list-too-large", { count: value.length, max: MAX_POLICY_LIST_ENTRIES });
    return undefined;
  }
  const out: string[] = [];
  // A Set, not out.includes: de-duplication was quadratic (90,000 domains took ~10 s).
  const seen = new Set<string>();
  value.forEach((entry: Json, i: number) => {
    const at = `${path}[${i}]`;
    if (typeof entry !== "string") {
      issues.add(at, "wrong-type", `must be a domain in quotes, not ${describe(entry)}`, "domain-type", { found: found(entry) });
      return;
    }
    const n = normalizeDomain(entry);
    if (!n.ok) issues.add(at, n.code, n.problem, n.hint, n.values);
    else if (!seen.has(n.domain)) {
      seen.add(n.domain);
      out.push(n.domain);
    }
  });
  return out;
}

/** A local part we accept: printable, no spaces, no angle brackets or quotes (write the bare address). */
const LOCAL_PART = /^[^\s@<>"(),;:\\[\]]{1,64}$/;

/** Normalised (lower-case, ASCII domain) form of an admin-written address, or the issue with it. */
function normalizeAddress(raw: string): { ok: true; address: string } | Refusal {
  if (raw.length > MAX_ENTRY_CHARS) {
    const f = { text: JSON.stringify(`${raw.slice(0, 57)}...`) };
    return { ok: false, code: "too-long", problem: `${f.text} is ${raw.length} characters; at most ${MAX_ENTRY_CHARS}`, hint: "entry-too-long", values: { found: f, count: raw.length, max: MAX_ENTRY_CHARS } };
  }
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
    return {
      ok: false,
      code: "not-an-address",
      problem: `${shown} is not an address; write a full address such as "sikkerpost@randers.dk", or put a domain in secureRecipients.domains`,
      hint: "address-no-at",
      values: { found: f },
    };
  }
  const local = a.slice(0, at);
  if (!LOCAL_PART.test(local)) {
    return { ok: false, code: "not-an-address", problem: `${shown} is not an address; write it as name@domain, such as "sikkerpost@randers.dk"`, hint: "address-local", values: { found: f } };
  }
  const domain = normalizeDomain(a.slice(at + 1));
  if (!domain.ok) {
    return {
      ok: false,
      code: "not-an-address",
      problem: `${shown} is not an address: its domain ${domain.problem}`,
      hint: "address-domain",
      values: { found: f, inner: { hint: domain.hint, values: domain.values } },
    };
  }
  return { ok: true, address: `${local}@${domain.domain}` };
}

function parseAddresses(value: Json, path: string, issues: Issues): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(path, "wrong-type", `must be an array of addresses such as ["sikkerpost@randers.dk"], not ${describe(value)}`, "addresses-type", { found: found(value) });
    return undefined;
  }
  if (value.length > MAX_POLICY_LIST_ENTRIES) {
    issues.add(path, "too-large", `has ${value.length} entries; at most ${MAX_POLICY_LIST_ENTRIES} are accepted`, "list-too-large", { count: value.length, max: MAX_POLICY_LIST_ENTRIES });
    return undefined;
  }
  const out: string[] = [];
  // A Set, not out.includes: de-duplication was quadratic (90,000 domains took ~10 s).
  const seen = new Set<string>();
  value.forEach((entry: Json, i: number) => {
    const at = `${path}[${i}]`;
    if (typeof entry !== "string") {
      issues.add(at, "wrong-type", `must be an address in quotes, not ${describe(entry)}`, "address-type", { found: found(entry) });
      return;
    }
    const n = normalizeAddress(entry);
    if (!n.ok) issues.add(at, n.code, n.problem, n.hint, n.values);
    else if (!seen.has(n.address)) {
      seen.add(n.address);
      out.push(n.address);
    }
  });
  return out;
}

const ENUM_NOUNS: Readonly<Record<EnumNoun, string>> = { action: "an action", "fail-mode": "a fail mode", language: "a language", route: "a secure route", "new-domain-mode": "a mode" };

function parseEnum<T extends string>(
  value: Json,
  path: string,
  allowed: readonly T[],
  code: PolicyIssueCode,
  noun: EnumNoun,
  issues: Issues,
): T | undefined {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((a) => `"${a}"`).join(", ");
  const guess = typeof value === "string" ? closest(value, allowed) : undefined;
  const values: PolicyIssueValues = { found: found(value), noun, allowed, ...(guess ? { guess } : {}) };
  issues.add(path, code, `${describe(value)} is not ${ENUM_NOUNS[noun]}; use one of ${list}${guess ? ` (did you mean "${guess}"?)` : ""}`, guess ? "enum-guess" : "enum", values);
  return undefined;
}

function parseInteger(value: Json, path: string, range: Range, issues: Issues): number | undefined {
  if (typeof value !== "number") {
    issues.add(path, "wrong-type", `must be a number (${range.unit}) without quotes, not ${describe(value)}`, "number-type", { unit: range.unit, found: found(value) });
    return undefined;
  }
  if (!Number.isInteger(value)) {
    issues.add(path, "not-an-integer", `must be a whole number of ${range.unit}, not ${describe(value)}`, "not-an-integer", { unit: range.unit, found: found(value) });
    return undefined;
  }
  if (value < range.min || value > range.max) {
    issues.add(path, "out-of-range", `${value} is out of range; use ${range.min} to ${range.max} ${range.unit}`, "out-of-range", {
      found: found(value),
      min: range.min,
      max: range.max,
      unit: range.unit,
    });
    return undefined;
  }
  return value;
}

function parseBoolean(value: Json, path: string, issues: Issues): boolean | undefined {
  if (typeof value === "boolean") return value;
  issues.add(path, "wrong-type", `must be true or false without quotes, not ${describe(value)}`, "boolean-type", { found: found(value) });
  return undefined;
}

function parseSection<K extends string>(value: Json, path: string, keys: readonly K[], issues: Issues): Partial<Record<K, Json>> | undefined {
  if (!isObject(value)) {
    issues.add(path, "wrong-type", `must be an object such as {"${keys[0]}": ...}, not ${describe(value)}`, "section-type", { example: keys[0] as string, found: found(value) });
    return undefined;
  }
  checkKeys(value, keys, path, issues);
  return value as Partial<Record<K, Json>>;
}

function parseSecureRoute(value: Json, issues: Issues): SecureRoute | undefined {
  const path = "secureRoute";
  if (!isObject(value)) {
    issues.add(path, "wrong-type", `must be an object such as {"kind": "subject-tag", "tag": "[sikker]"}, not ${describe(value)}`, "route-type", { found: found(value) });
    return undefined;
  }
  const kind = parseEnum(value.kind, `${path}.kind`, ROUTE_KINDS, "unknown-route", "route", issues);
  if (kind === undefined) return undefined;
  checkKeys(value, ROUTE_KEYS[kind], path, issues);
  if (kind === "none") return { kind };
  if (kind === "subject-tag") {
    const tag = value.tag;
    if (tag === undefined) {
      issues.add(`${path}.tag`, "required", `is required with "kind": "subject-tag"; write the tag your transport rule encrypts, such as "[sikker]"`, "required-tag");
      return undefined;
    }
    if (typeof tag !== "string") {
      issues.add(`${path}.tag`, "wrong-type", `must be the subject tag your transport rule encrypts, such as "[sikker]", not ${describe(tag)}`, "tag-type", { found: found(tag) });
      return undefined;
    }
    const trimmed = tag.trim();
    if (trimmed === "") {
      issues.add(`${path}.tag`, "empty", `is empty; write the tag your transport rule looks for, such as "[sikker]"`, "tag-empty");
      return undefined;
    }
    if (trimmed.length > MAX_TAG_LENGTH || /[\r\n]/.test(trimmed)) {
      issues.add(`${path}.tag`, "too-long", `must be one line of at most ${MAX_TAG_LENGTH} characters`, "tag-too-long", { max: MAX_TAG_LENGTH });
      return undefined;
    }
    return { kind, tag: trimmed };
  }
  const labelId = value.labelId;
  if (labelId === undefined) {
    issues.add(`${path}.labelId`, "required", `is required with "kind": "sensitivity-label"; copy the label's GUID from the Purview portal`, "required-label-id");
    return undefined;
  }
  if (typeof labelId !== "string" || !GUID.test(labelId.trim())) {
    issues.add(
      `${path}.labelId`,
      "not-a-guid",
      `${describe(labelId)} is not a label id; copy the label's GUID from the Purview portal (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`,
      "label-not-guid",
      { found: found(labelId) },
    );
    return undefined;
  }
  const labelName = value.labelName;
  if (labelName !== undefined && typeof labelName !== "string") {
    issues.add(`${path}.labelName`, "wrong-type", `must be the label's display name in quotes, not ${describe(labelName)}`, "label-name-type", { found: found(labelName) });
    return undefined;
  }
  return labelName === undefined ? { kind, labelId: labelId.trim() } : { kind, labelId: labelId.trim(), labelName };
}

/** One line of text shown to users: no line breaks, not empty, at most `max` characters. */
function parseLine(value: Json, path: string, max: number, example: string, issues: Issues): string | undefined {
  if (typeof value !== "string") {
    issues.add(path, "wrong-type", `must be text in quotes, such as "${example}", not ${describe(value)}`, "text-type", { example, found: found(value) });
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === "") {
    issues.add(path, "empty", `is empty; write text such as "${example}", or leave the key out`, "text-empty", { example });
    return undefined;
  }
  if (trimmed.length > max || /[\r\n]/.test(trimmed)) {
    issues.add(path, "too-long", `must be one line of at most ${max} characters`, "tag-too-long", { max });
    return undefined;
  }
  return trimmed;
}

/** Links users may open from the pane: a web page, a mail address or a phone number; nothing that runs. */
const HELP_URL = /^(?:https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+|tel:\+?[0-9 ()-]{3,20})$/i;

function parseHelpContact(value: Json, issues: Issues): HelpContact | undefined {
  const s = parseSection(value, "helpContact", HELP_CONTACT_KEYS, issues);
  if (!s) return undefined;
  if (!("text" in s)) {
    issues.add("helpContact.text", "required", `is required; write one sentence such as "Ring til IT-support på 8915 1234."`, "required-help-text");
    return undefined;
  }
  const text = parseLine(s.text, "helpContact.text", 200, "Ring til IT-support på 8915 1234.", issues);
  if (text === undefined) return undefined;
  if (!("url" in s)) return { text };
  const url = typeof s.url === "string" ? s.url.trim() : s.url;
  if (typeof url !== "string" || url.length > 500 || !HELP_URL.test(url)) {
    issues.add("helpContact.url", "not-a-link", `${describe(s.url)} is not a link users can open; write an https:, mailto: or tel: link, such as "https://intra.randers.dk/it-hjaelp"`, "not-a-link", { found: found(s.url) });
    return undefined;
  }
  return { text, url };
}

/**
 * Validates a policy (parsed JSON, or the JSON text) and fills the defaults. Never throws.
 * `ownDomains` and `trustedDomains` are required (an empty array is fine: the own domain is then
 * learned from the sender); everything else falls back to DEFAULT_POLICY.
 */
export function parsePolicy(input: unknown): PolicyResult {
  if (typeof input !== "string") return parseUncached(input);
  // Once per policy content per runtime: the send handler, the pre-scans and the pane all ask
  // with the same text, and the compiled domain lists (scan.ts) are cached by the Policy object,
  // so a repeated text also reuses them. Results are frozen, so sharing them is safe.
  const hit = PARSED.get(input);
  if (hit) return hit;
  const result = parseUncached(input);
  if (!result.ok) Object.freeze(result.issues);
  Object.freeze(result);
  if (PARSED.size >= PARSED_KEEP) PARSED.delete(PARSED.keys().next().value as string);
  PARSED.set(input, result);
  return result;
}

/** The last few policy texts and their results, oldest first. */
const PARSED = new Map<string, PolicyResult>();
const PARSED_KEEP = 4;

function parseUncached(input: unknown): PolicyResult {
  const issues = new Issues();
  if (typeof input === "string" && input.length > MAX_POLICY_CHARS) {
    issues.add("", "too-large", `the policy is ${input.length} characters; at most ${MAX_POLICY_CHARS} are accepted`, "policy-too-large", { count: input.length, max: MAX_POLICY_CHARS });
    return { ok: false, issues: issues.done() };
  }
  let root: Json = input;
  if (typeof input === "string") {
    try {
      root = JSON.parse(input) as Json;
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      issues.add("", "invalid-json", `the policy is not valid JSON (${detail})`, "invalid-json", { detail });
      return { ok: false, issues: issues.done() };
    }
  }
  if (!isObject(root)) {
    issues.add("", "not-an-object", `the policy must be a JSON object such as {"ownDomains": ["randers.dk"], "trustedDomains": []}, not ${describe(root)}`, "not-an-object", { found: found(root) });
    return { ok: false, issues: issues.done() };
  }

  checkKeys(root, TOP_KEYS, "", issues);
  const out: { -readonly [K in keyof PolicyInput]: PolicyInput[K] } = {};

  for (const key of ["ownDomains", "trustedDomains"] as const) {
    if (!(key in root)) issues.add(key, "required", `is required; write "${key}": [] if there are none`, "required", { key });
    else out[key] = parseDomains(root[key], key, issues);
  }
  if ("knownDomains" in root) out.knownDomains = parseDomains(root.knownDomains, "knownDomains", issues);
  if ("useBuiltInDomainList" in root) out.useBuiltInDomainList = parseBoolean(root.useBuiltInDomainList, "useBuiltInDomainList", issues);

  if ("cpr" in root) {
    const s = parseSection(root.cpr, "cpr", CPR_KEYS, issues);
    if (s) {
      const cpr: { -readonly [K in keyof Policy["cpr"]]?: Policy["cpr"][K] } = {};
      for (const level of ["high", "medium", "low"] as const) {
        if (level in s) cpr[level] = parseEnum(s[level], `cpr.${level}`, ACTIONS, "not-an-action", "action", issues);
      }
      if ("contextWindow" in s) cpr.contextWindow = parseInteger(s.contextWindow, "cpr.contextWindow", CONTEXT_WINDOW_RANGE, issues);
      out.cpr = cpr;
    }
  }
  if ("lookalike" in root) {
    const s = parseSection(root.lookalike, "lookalike", LOOKALIKE_KEYS, issues);
    if (s) {
      const lookalike: { -readonly [K in keyof Policy["lookalike"]]?: Action } = {};
      for (const target of LOOKALIKE_KEYS) {
        if (target in s) lookalike[target] = parseEnum(s[target], `lookalike.${target}`, ACTIONS, "not-an-action", "action", issues);
      }
      out.lookalike = lookalike;
    }
  }
  for (const key of ["invalidRecipient", "unreadableAttachment", "imageAttachment"] as const) {
    if (key in root) out[key] = parseEnum(root[key], key, ACTIONS, "not-an-action", "action", issues);
  }
  for (const key of ["onError", "onTimeout"] as const) {
    if (key in root) out[key] = parseEnum(root[key], key, FAIL_MODES, "not-a-fail-mode", "fail-mode", issues);
  }
  if ("secureRoute" in root) out.secureRoute = parseSecureRoute(root.secureRoute, issues);
  if ("secureRecipients" in root) {
    const s = parseSection(root.secureRecipients, "secureRecipients", SECURE_RECIPIENT_KEYS, issues);
    if (s) {
      const secureRecipients: { domains?: string[]; addresses?: string[] } = {};
      if ("domains" in s) secureRecipients.domains = parseDomains(s.domains, "secureRecipients.domains", issues);
      if ("addresses" in s) secureRecipients.addresses = parseAddresses(s.addresses, "secureRecipients.addresses", issues);
      out.secureRecipients = secureRecipients;
    }
  }
  if ("limits" in root) {
    const s = parseSection(root.limits, "limits", LIMIT_KEYS, issues);
    if (s) {
      const limits: { -readonly [K in keyof Limits]?: number } = {};
      for (const key of LIMIT_KEYS) {
        if (key in s) limits[key] = parseInteger(s[key], `limits.${key}`, LIMIT_RANGES[key], issues);
      }
      out.limits = limits;
    }
  }
  if ("language" in root) out.language = parseEnum(root.language, "language", LANGUAGES, "not-a-language", "language", issues);
  if ("newExternalDomain" in root) {
    out.newExternalDomain = parseEnum(root.newExternalDomain, "newExternalDomain", NEW_DOMAIN_MODES, "not-a-mode", "new-domain-mode", issues);
  }
  if ("confirmLookalikes" in root) out.confirmLookalikes = parseBoolean(root.confirmLookalikes, "confirmLookalikes", issues);
  if ("helpContact" in root) out.helpContact = parseHelpContact(root.helpContact, issues);
  if ("name" in root) out.name = parseLine(root.name, "name", 80, "Randers Kommune", issues);
  if ("version" in root) out.version = parseLine(root.version, "version", 40, "2026-12-01", issues);
  if ("$schema" in root && typeof root.$schema !== "string") {
    issues.add("$schema", "wrong-type", `must be a URL or path in quotes, not ${describe(root.$schema)}`, "schema-type", { found: found(root.$schema) });
  }

  if (issues.list.length > 0) return { ok: false, issues: issues.done() };
  return { ok: true, policy: withDefaults(out) };
}
