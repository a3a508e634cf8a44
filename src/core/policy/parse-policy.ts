/**
 * The admin's policy file → a typed Policy, or every problem in it as a value that names the field
 * (`trustedDomains[2]: "randers" is not a domain`). A wrong policy must never half-apply: either
 * the whole file is valid, or the caller gets the list and decides (the CLI exits 2; the add-in
 * keeps the built-in policy and says so).
 */
import { type Json, type Obj, Issues, checkKeys, describe, found, isObject } from "./issue-list";
import type { Action, Limits, Policy } from "./policy";
import type { PolicyIssue } from "./policy-issue";
import { parseSecureRoute, parseHelpContact } from "./parse-sections";
import { parseAddresses, parseBoolean, parseDomains, parseEnum, parseInteger, parseLine, parseSection } from "./parse-values";
import {
  ACTIONS, CONTEXT_WINDOW_RANGE, CPR_KEYS, FAIL_MODES, LANGUAGES, LIMIT_KEYS, LIMIT_RANGES, LOOKALIKE_KEYS, NEW_DOMAIN_MODES,
  SECURE_RECIPIENT_KEYS, TOP_KEYS,
} from "./policy-keys";
import { withDefaults, type PolicyInput } from "./with-defaults";

export type { EnumNoun, FoundValue, LimitUnit, PolicyIssue, PolicyIssueCode, PolicyIssueHint, PolicyIssueValues } from "./policy-issue";
export { normalizeDomain } from "../address-domain";
export { MAX_POLICY_LIST_ENTRIES } from "./parse-values";
export { CONTEXT_WINDOW_RANGE, LIMIT_RANGES, POLICY_KEYS } from "./policy-keys";

export type PolicyResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

/**
 * Size caps, each answering a measured cost (docs/design/hostile-input.md): the file in characters
 * here, entries per list (parse-values.ts), characters per list entry (address-domain.ts), and
 * issues reported (issue-list.ts).
 */
export const MAX_POLICY_CHARS = 32 * 1024 * 1024;

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

type PolicyOut = { -readonly [K in keyof PolicyInput]: PolicyInput[K] };

function parseUncached(input: unknown): PolicyResult {
  const issues = new Issues();
  const root = readRoot(input, issues);
  if (!root) return { ok: false, issues: issues.done() };
  checkKeys(root, TOP_KEYS, "", issues);
  const out: PolicyOut = {};
  // Sections in the order their issues are reported.
  parseDomainLists(root, out, issues);
  parseRules(root, out, issues);
  parseRouting(root, out, issues);
  parseTexts(root, out, issues);
  if (issues.list.length > 0) return { ok: false, issues: issues.done() };
  return { ok: true, policy: withDefaults(out) };
}

/** The policy's JSON object, or undefined after adding the issue (too large, not JSON, not an object). */
function readRoot(input: unknown, issues: Issues): Obj | undefined {
  if (typeof input === "string" && input.length > MAX_POLICY_CHARS) {
    issues.add("", "too-large", `the policy is ${input.length} characters; at most ${MAX_POLICY_CHARS} are accepted`, "policy-too-large", { count: input.length, max: MAX_POLICY_CHARS });
    return undefined;
  }
  let root: Json = input;
  if (typeof input === "string") {
    try {
      root = JSON.parse(input) as Json;
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      issues.add("", "invalid-json", `the policy is not valid JSON (${detail})`, "invalid-json", { detail });
      return undefined;
    }
  }
  if (!isObject(root)) {
    issues.add("", "not-an-object", `the policy must be a JSON object such as {"ownDomains": ["randers.dk"], "trustedDomains": []}, not ${describe(root)}`, "not-an-object", { found: found(root) });
    return undefined;
  }
  return root;
}

function parseDomainLists(root: Obj, out: PolicyOut, issues: Issues): void {
  for (const key of ["ownDomains", "trustedDomains"] as const) {
    if (!(key in root)) issues.add(key, "required", `is required; write "${key}": [] if there are none`, "required", { key });
    else out[key] = parseDomains(root[key], key, issues);
  }
  if ("knownDomains" in root) out.knownDomains = parseDomains(root.knownDomains, "knownDomains", issues);
  if ("useBuiltInDomainList" in root) out.useBuiltInDomainList = parseBoolean(root.useBuiltInDomainList, "useBuiltInDomainList", issues);
}

/** What each finding does: the CPR levels, the look-alike targets, the other findings and the fail modes. */
function parseRules(root: Obj, out: PolicyOut, issues: Issues): void {
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
}

/** The secure route and its recipients, and the limits. */
function parseRouting(root: Obj, out: PolicyOut, issues: Issues): void {
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
}

/** Language, modes and the texts shown to users. */
function parseTexts(root: Obj, out: PolicyOut, issues: Issues): void {
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
}
