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

export type PolicyIssueCode =
  | "invalid-json"
  | "not-an-object"
  | "unknown-key"
  | "required"
  | "wrong-type"
  | "not-a-domain"
  | "public-suffix"
  | "wildcard"
  | "not-an-action"
  | "not-a-fail-mode"
  | "not-a-language"
  | "not-an-integer"
  | "out-of-range"
  | "unknown-route"
  | "empty"
  | "too-long"
  | "not-a-guid"
  | "not-an-address"
  | "not-a-link";

export interface PolicyIssue {
  /** Where in the file: "trustedDomains[2]", "limits.sendBudgetMs", "" for the whole file. */
  readonly path: string;
  readonly code: PolicyIssueCode;
  /** English, starts with the path, says what to write instead. */
  readonly message: string;
}

export type PolicyResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

const ACTIONS: readonly Action[] = ["block", "warn", "allow"];
const FAIL_MODES: readonly FailMode[] = ["block", "warn", "allow"];
const LANGUAGES: readonly Policy["language"][] = ["auto", "da", "en"];

/** Inclusive bounds: below is meaningless, above is a typo (an extra zero) or an attack on memory. */
interface Range {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
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
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

type Json = unknown;
type Obj = Readonly<Record<string, Json>>;

class Issues {
  readonly list: PolicyIssue[] = [];
  add(path: string, code: PolicyIssueCode, problem: string): void {
    this.list.push({ path, code, message: path === "" ? problem : `${path}: ${problem}` });
  }
}

function describe(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "object") return "an object";
  return String(value);
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
    const guess = closest(key, allowed);
    issues.add(
      join(base, key),
      "unknown-key",
      `unknown key "${key}"${guess ? `; did you mean "${guess}"?` : `; allowed here: ${allowed.filter((k) => k !== "$schema").join(", ")}`}`,
    );
  }
}

function join(base: string, key: string): string {
  return base === "" ? key : `${base}.${key}`;
}

/** Normalised, ASCII (punycode) form of an admin-written domain, or the issue with it. */
export function normalizeDomain(raw: string): { ok: true; domain: string } | { ok: false; code: PolicyIssueCode; problem: string } {
  const shown = JSON.stringify(raw);
  let d = raw.trim().toLowerCase();
  if (d.endsWith(".")) d = d.slice(0, -1);
  if (d === "") return { ok: false, code: "empty", problem: "is empty; write a domain such as \"randers.dk\"" };
  if (d.startsWith("*.")) {
    return { ok: false, code: "wildcard", problem: `${shown}: no wildcards; subdomains are always included, write "${d.slice(2)}"` };
  }
  if (d.includes("@")) {
    const host = d.slice(d.lastIndexOf("@") + 1);
    return { ok: false, code: "not-a-domain", problem: `${shown} is an address, not a domain; write "${host}"` };
  }
  if (d.includes("://") || d.includes("/")) {
    return { ok: false, code: "not-a-domain", problem: `${shown} is a web address; write only the domain, such as "randers.dk"` };
  }
  let ascii: string;
  try {
    ascii = toASCII(d.normalize("NFC"));
  } catch {
    return { ok: false, code: "not-a-domain", problem: `${shown} is not a domain` };
  }
  const labels = ascii.split(".");
  if (labels.length < 2 || ascii.length > 253 || !labels.every((l) => LABEL.test(l))) {
    return { ok: false, code: "not-a-domain", problem: `${shown} is not a domain; write it as name.tld, such as "randers.dk"` };
  }
  if (getPublicSuffix(ascii) === ascii && getDomain(ascii) === null) {
    return { ok: false, code: "public-suffix", problem: `${shown} is a public suffix shared by many owners; write one organisation's domain` };
  }
  return { ok: true, domain: ascii };
}

function parseDomains(value: Json, path: string, issues: Issues): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(path, "wrong-type", `must be an array of domains such as ["randers.dk"], not ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((entry: Json, i: number) => {
    const at = `${path}[${i}]`;
    if (typeof entry !== "string") {
      issues.add(at, "wrong-type", `must be a domain in quotes, not ${describe(entry)}`);
      return;
    }
    const n = normalizeDomain(entry);
    if (!n.ok) issues.add(at, n.code, n.problem);
    else if (!out.includes(n.domain)) out.push(n.domain);
  });
  return out;
}

/** A local part we accept: printable, no spaces, no angle brackets or quotes (write the bare address). */
const LOCAL_PART = /^[^\s@<>"(),;:\\[\]]{1,64}$/;

/** Normalised (lower-case, ASCII domain) form of an admin-written address, or the issue with it. */
function normalizeAddress(raw: string): { ok: true; address: string } | { ok: false; code: PolicyIssueCode; problem: string } {
  const shown = JSON.stringify(raw);
  const a = raw.trim().toLowerCase();
  if (a === "") return { ok: false, code: "empty", problem: "is empty; write an address such as \"sikkerpost@randers.dk\"" };
  if (a.includes("<") || a.includes(">")) {
    const inner = /<([^<>]*)>/.exec(a)?.[1]?.trim();
    return { ok: false, code: "not-an-address", problem: `${shown}: write only the address${inner ? `, "${inner}"` : ""}, without a name or < >` };
  }
  const at = a.lastIndexOf("@");
  if (at < 0) {
    return { ok: false, code: "not-an-address", problem: `${shown} is not an address; write a full address such as "sikkerpost@randers.dk", or put a domain in secureRecipients.domains` };
  }
  const local = a.slice(0, at);
  if (!LOCAL_PART.test(local)) {
    return { ok: false, code: "not-an-address", problem: `${shown} is not an address; write it as name@domain, such as "sikkerpost@randers.dk"` };
  }
  const domain = normalizeDomain(a.slice(at + 1));
  if (!domain.ok) {
    return { ok: false, code: "not-an-address", problem: `${shown} is not an address: its domain ${domain.problem}` };
  }
  return { ok: true, address: `${local}@${domain.domain}` };
}

function parseAddresses(value: Json, path: string, issues: Issues): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(path, "wrong-type", `must be an array of addresses such as ["sikkerpost@randers.dk"], not ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((entry: Json, i: number) => {
    const at = `${path}[${i}]`;
    if (typeof entry !== "string") {
      issues.add(at, "wrong-type", `must be an address in quotes, not ${describe(entry)}`);
      return;
    }
    const n = normalizeAddress(entry);
    if (!n.ok) issues.add(at, n.code, n.problem);
    else if (!out.includes(n.address)) out.push(n.address);
  });
  return out;
}

function parseEnum<T extends string>(
  value: Json,
  path: string,
  allowed: readonly T[],
  code: PolicyIssueCode,
  noun: string,
  issues: Issues,
): T | undefined {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((a) => `"${a}"`).join(", ");
  const guess = typeof value === "string" ? closest(value, allowed) : undefined;
  issues.add(path, code, `${describe(value)} is not ${noun}; use one of ${list}${guess ? ` (did you mean "${guess}"?)` : ""}`);
  return undefined;
}

function parseInteger(value: Json, path: string, range: Range, issues: Issues): number | undefined {
  if (typeof value !== "number") {
    issues.add(path, "wrong-type", `must be a number (${range.unit}) without quotes, not ${describe(value)}`);
    return undefined;
  }
  if (!Number.isInteger(value)) {
    issues.add(path, "not-an-integer", `must be a whole number of ${range.unit}, not ${describe(value)}`);
    return undefined;
  }
  if (value < range.min || value > range.max) {
    issues.add(path, "out-of-range", `${value} is out of range; use ${range.min} to ${range.max} ${range.unit}`);
    return undefined;
  }
  return value;
}

function parseBoolean(value: Json, path: string, issues: Issues): boolean | undefined {
  if (typeof value === "boolean") return value;
  issues.add(path, "wrong-type", `must be true or false without quotes, not ${describe(value)}`);
  return undefined;
}

function parseSection<K extends string>(value: Json, path: string, keys: readonly K[], issues: Issues): Partial<Record<K, Json>> | undefined {
  if (!isObject(value)) {
    issues.add(path, "wrong-type", `must be an object such as {"${keys[0]}": ...}, not ${describe(value)}`);
    return undefined;
  }
  checkKeys(value, keys, path, issues);
  return value as Partial<Record<K, Json>>;
}

function parseSecureRoute(value: Json, issues: Issues): SecureRoute | undefined {
  const path = "secureRoute";
  if (!isObject(value)) {
    issues.add(path, "wrong-type", `must be an object such as {"kind": "subject-tag", "tag": "[sikker]"}, not ${describe(value)}`);
    return undefined;
  }
  const kind = parseEnum(value.kind, `${path}.kind`, ROUTE_KINDS, "unknown-route", "a secure route", issues);
  if (kind === undefined) return undefined;
  checkKeys(value, ROUTE_KEYS[kind], path, issues);
  if (kind === "none") return { kind };
  if (kind === "subject-tag") {
    const tag = value.tag;
    if (tag === undefined) {
      issues.add(`${path}.tag`, "required", `is required with "kind": "subject-tag"; write the tag your transport rule encrypts, such as "[sikker]"`);
      return undefined;
    }
    if (typeof tag !== "string") {
      issues.add(`${path}.tag`, "wrong-type", `must be the subject tag your transport rule encrypts, such as "[sikker]", not ${describe(tag)}`);
      return undefined;
    }
    const trimmed = tag.trim();
    if (trimmed === "") {
      issues.add(`${path}.tag`, "empty", `is empty; write the tag your transport rule looks for, such as "[sikker]"`);
      return undefined;
    }
    if (trimmed.length > MAX_TAG_LENGTH || /[\r\n]/.test(trimmed)) {
      issues.add(`${path}.tag`, "too-long", `must be one line of at most ${MAX_TAG_LENGTH} characters`);
      return undefined;
    }
    return { kind, tag: trimmed };
  }
  const labelId = value.labelId;
  if (labelId === undefined) {
    issues.add(`${path}.labelId`, "required", `is required with "kind": "sensitivity-label"; copy the label's GUID from the Purview portal`);
    return undefined;
  }
  if (typeof labelId !== "string" || !GUID.test(labelId.trim())) {
    issues.add(
      `${path}.labelId`,
      "not-a-guid",
      `${describe(labelId)} is not a label id; copy the label's GUID from the Purview portal (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`,
    );
    return undefined;
  }
  const labelName = value.labelName;
  if (labelName !== undefined && typeof labelName !== "string") {
    issues.add(`${path}.labelName`, "wrong-type", `must be the label's display name in quotes, not ${describe(labelName)}`);
    return undefined;
  }
  return labelName === undefined ? { kind, labelId: labelId.trim() } : { kind, labelId: labelId.trim(), labelName };
}

/** One line of text shown to users: no line breaks, not empty, at most `max` characters. */
function parseLine(value: Json, path: string, max: number, example: string, issues: Issues): string | undefined {
  if (typeof value !== "string") {
    issues.add(path, "wrong-type", `must be text in quotes, such as "${example}", not ${describe(value)}`);
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === "") {
    issues.add(path, "empty", `is empty; write text such as "${example}", or leave the key out`);
    return undefined;
  }
  if (trimmed.length > max || /[\r\n]/.test(trimmed)) {
    issues.add(path, "too-long", `must be one line of at most ${max} characters`);
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
    issues.add("helpContact.text", "required", `is required; write one sentence such as "Ring til IT-support på 8915 1234."`);
    return undefined;
  }
  const text = parseLine(s.text, "helpContact.text", 200, "Ring til IT-support på 8915 1234.", issues);
  if (text === undefined) return undefined;
  if (!("url" in s)) return { text };
  const url = typeof s.url === "string" ? s.url.trim() : s.url;
  if (typeof url !== "string" || url.length > 500 || !HELP_URL.test(url)) {
    issues.add("helpContact.url", "not-a-link", `${describe(s.url)} is not a link users can open; write an https:, mailto: or tel: link, such as "https://intra.randers.dk/it-hjaelp"`);
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
  const issues = new Issues();
  let root: Json = input;
  if (typeof input === "string") {
    try {
      root = JSON.parse(input) as Json;
    } catch (e) {
      issues.add("", "invalid-json", `the policy is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      return { ok: false, issues: issues.list };
    }
  }
  if (!isObject(root)) {
    issues.add("", "not-an-object", `the policy must be a JSON object such as {"ownDomains": ["randers.dk"], "trustedDomains": []}, not ${describe(root)}`);
    return { ok: false, issues: issues.list };
  }

  checkKeys(root, TOP_KEYS, "", issues);
  const out: { -readonly [K in keyof PolicyInput]: PolicyInput[K] } = {};

  for (const key of ["ownDomains", "trustedDomains"] as const) {
    if (!(key in root)) issues.add(key, "required", `is required; write "${key}": [] if there are none`);
    else out[key] = parseDomains(root[key], key, issues);
  }
  if ("knownDomains" in root) out.knownDomains = parseDomains(root.knownDomains, "knownDomains", issues);
  if ("useBuiltInDomainList" in root) out.useBuiltInDomainList = parseBoolean(root.useBuiltInDomainList, "useBuiltInDomainList", issues);

  if ("cpr" in root) {
    const s = parseSection(root.cpr, "cpr", CPR_KEYS, issues);
    if (s) {
      const cpr: { -readonly [K in keyof Policy["cpr"]]?: Policy["cpr"][K] } = {};
      for (const level of ["high", "medium", "low"] as const) {
        if (level in s) cpr[level] = parseEnum(s[level], `cpr.${level}`, ACTIONS, "not-an-action", "an action", issues);
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
        if (target in s) lookalike[target] = parseEnum(s[target], `lookalike.${target}`, ACTIONS, "not-an-action", "an action", issues);
      }
      out.lookalike = lookalike;
    }
  }
  for (const key of ["invalidRecipient", "unreadableAttachment", "imageAttachment"] as const) {
    if (key in root) out[key] = parseEnum(root[key], key, ACTIONS, "not-an-action", "an action", issues);
  }
  for (const key of ["onError", "onTimeout"] as const) {
    if (key in root) out[key] = parseEnum(root[key], key, FAIL_MODES, "not-a-fail-mode", "a fail mode", issues);
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
  if ("language" in root) out.language = parseEnum(root.language, "language", LANGUAGES, "not-a-language", "a language", issues);
  if ("confirmLookalikes" in root) out.confirmLookalikes = parseBoolean(root.confirmLookalikes, "confirmLookalikes", issues);
  if ("helpContact" in root) out.helpContact = parseHelpContact(root.helpContact, issues);
  if ("name" in root) out.name = parseLine(root.name, "name", 80, "Randers Kommune", issues);
  if ("version" in root) out.version = parseLine(root.version, "version", 40, "2026-12-01", issues);
  if ("$schema" in root && typeof root.$schema !== "string") {
    issues.add("$schema", "wrong-type", `must be a URL or path in quotes, not ${describe(root.$schema)}`);
  }

  if (issues.list.length > 0) return { ok: false, issues: issues.list };
  return { ok: true, policy: withDefaults(out) };
}
