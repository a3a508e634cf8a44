/**
 * Parsers for one value of the policy: a list of domains or addresses, an enumerated word, a
 * number in range, a boolean, a section object, a line of text. Each returns the value or
 * `undefined` after adding the issue that names the field. Lists are linear in their length:
 * one normalisation and one Set lookup per entry (de-duplication by `includes` was quadratic).
 */
import { type Refusal, normalizeAddress, normalizeDomain } from "../address-domain";
import { type Json, type Issues, checkKeys, closest, describe, found, isObject } from "./issue-list";
import type { EnumNoun, PolicyIssueCode, PolicyIssueValues } from "./policy-issue";
import type { Range } from "./policy-keys";

/** Entries per list: far above any real organisation's partners, low enough to bound the work. */
export const MAX_POLICY_LIST_ENTRIES = 250_000;

interface ListKind {
  readonly example: string;
  readonly listHint: "domains-type" | "addresses-type";
  readonly noun: string;
  readonly entryHint: "domain-type" | "address-type";
  readonly normalize: (raw: string) => { ok: true; value: string } | Refusal;
}

const DOMAINS: ListKind = {
  example: `["randers.dk"]`,
  listHint: "domains-type",
  noun: "a domain",
  entryHint: "domain-type",
  normalize: (raw) => {
    const n = normalizeDomain(raw);
    return n.ok ? { ok: true, value: n.domain } : n;
  },
};

const ADDRESSES: ListKind = {
  example: `["sikkerpost@randers.dk"]`,
  listHint: "addresses-type",
  noun: "an address",
  entryHint: "address-type",
  normalize: (raw) => {
    const n = normalizeAddress(raw);
    return n.ok ? { ok: true, value: n.address } : n;
  },
};

export function parseDomains(value: Json, path: string, issues: Issues): string[] | undefined {
  return parseList(value, path, issues, DOMAINS);
}

export function parseAddresses(value: Json, path: string, issues: Issues): string[] | undefined {
  return parseList(value, path, issues, ADDRESSES);
}

/**
 * The normalised, de-duplicated entries of a list, in their order. Linear: one normalisation and
 * one Set lookup per entry (de-duplication by `includes` was quadratic: 90,000 domains took ~10 s),
 * and an entry's path (`trustedDomains[7]`) is only spelt out for an entry with an issue.
 */
function parseList(value: Json, path: string, issues: Issues, kind: ListKind): string[] | undefined {
  const plural = kind === DOMAINS ? "domains" : "addresses";
  if (!Array.isArray(value)) {
    issues.add(path, "wrong-type", `must be an array of ${plural} such as ${kind.example}, not ${describe(value)}`, kind.listHint, { found: found(value) });
    return undefined;
  }
  if (value.length > MAX_POLICY_LIST_ENTRIES) {
    issues.add(path, "too-large", `has ${value.length} entries; at most ${MAX_POLICY_LIST_ENTRIES} are accepted`, "list-too-large", { count: value.length, max: MAX_POLICY_LIST_ENTRIES });
    return undefined;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) continue; // (a hole in a sparse array, as forEach skips it)
    const entry: Json = value[i];
    if (typeof entry !== "string") {
      issues.add(`${path}[${i}]`, "wrong-type", `must be ${kind.noun} in quotes, not ${describe(entry)}`, kind.entryHint, { found: found(entry) });
      continue;
    }
    const n = kind.normalize(entry);
    if (!n.ok) issues.add(`${path}[${i}]`, n.code, n.problem, n.hint, n.values);
    else if (!seen.has(n.value)) {
      seen.add(n.value);
      out.push(n.value);
    }
  }
  return out;
}

const ENUM_NOUNS: Readonly<Record<EnumNoun, string>> = { action: "an action", "fail-mode": "a fail mode", language: "a language", route: "a secure route", "new-domain-mode": "a mode" };

export function parseEnum<T extends string>(
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

export function parseInteger(value: Json, path: string, range: Range, issues: Issues): number | undefined {
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

export function parseBoolean(value: Json, path: string, issues: Issues): boolean | undefined {
  if (typeof value === "boolean") return value;
  issues.add(path, "wrong-type", `must be true or false without quotes, not ${describe(value)}`, "boolean-type", { found: found(value) });
  return undefined;
}

export function parseSection<K extends string>(value: Json, path: string, keys: readonly K[], issues: Issues): Partial<Record<K, Json>> | undefined {
  if (!isObject(value)) {
    issues.add(path, "wrong-type", `must be an object such as {"${keys[0]}": ...}, not ${describe(value)}`, "section-type", { example: keys[0] as string, found: found(value) });
    return undefined;
  }
  checkKeys(value, keys, path, issues);
  return value as Partial<Record<K, Json>>;
}

/** One line of text shown to users: no line breaks, not empty, at most `max` characters. */
export function parseLine(value: Json, path: string, max: number, example: string, issues: Issues): string | undefined {
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
