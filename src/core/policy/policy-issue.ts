/**
 * A problem in the admin's policy file, as a value: the stable `code` scripts rely on, the English
 * `message` (kept as it always was), and the `hint` and `values` from which any language renders
 * the same sentence (src/i18n/policy-issue.ts), so the CLI can say it in Danish or English.
 */

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
  | "not-a-mode"
  | "not-an-integer"
  | "out-of-range"
  | "unknown-route"
  | "empty"
  | "too-long"
  | "not-a-guid"
  | "not-an-address"
  | "not-a-link"
  /** The file or one list is larger than the parser accepts (MAX_POLICY_CHARS, MAX_POLICY_LIST_ENTRIES). */
  | "too-large";

/**
 * The value as the admin wrote it, for a message: a literal (a quoted string, a number, true,
 * null) shown as is, or an array/object named in words of the reader's language.
 */
export type FoundValue = { readonly text: string } | { readonly kind: "array" | "object" };

/** The unit of a number limit, named in words of the reader's language. */
export type LimitUnit = "ms" | "bytes" | "entries" | "levels" | "characters";

/**
 * Which sentence an issue needs (finer than `code`, which scripts rely on). Each has a template
 * per language in src/i18n/strings/policy-issue.ts; `values` fill it.
 */
export type PolicyIssueHint =
  | "invalid-json"
  | "not-an-object"
  | "unknown-key"
  | "unknown-key-guess"
  | "required"
  | "required-tag"
  | "required-label-id"
  | "domains-type"
  | "domain-type"
  | "addresses-type"
  | "address-type"
  | "number-type"
  | "boolean-type"
  | "section-type"
  | "route-type"
  | "tag-type"
  | "label-name-type"
  | "schema-type"
  | "not-an-integer"
  | "out-of-range"
  | "enum"
  | "enum-guess"
  | "domain-empty"
  | "domain-wildcard"
  | "domain-is-address"
  | "domain-is-url"
  | "domain-invalid"
  | "domain-format"
  | "domain-public-suffix"
  | "address-empty"
  | "address-brackets"
  | "address-brackets-inner"
  | "address-no-at"
  | "address-local"
  | "address-domain"
  | "tag-empty"
  | "tag-too-long"
  | "label-not-guid"
  | "policy-too-large"
  | "list-too-large"
  | "entry-too-long"
  | "more-issues"
  | "text-type"
  | "text-empty"
  | "required-help-text"
  | "not-a-link";

/** What a kind of value is called in an enum message. */
export type EnumNoun = "action" | "fail-mode" | "language" | "route" | "new-domain-mode";

/** The values a hint's sentence needs; each hint uses its own few. */
export interface PolicyIssueValues {
  readonly found?: FoundValue;
  /** An unknown key, or a required one. */
  readonly key?: string;
  /** The closest allowed key or value ("did you mean"). */
  readonly guess?: string;
  /** The allowed keys or values, in order. */
  readonly allowed?: readonly string[];
  readonly noun?: EnumNoun;
  readonly unit?: LimitUnit;
  readonly min?: number;
  readonly max?: number;
  /** How many there are (entries in a list, characters in an entry, issues left out). */
  readonly count?: number;
  /** What to write instead, e.g. the domain of an address written where a domain belongs. */
  readonly suggestion?: string;
  /** The first key of a section, for its example. */
  readonly example?: string;
  /** The parser's own words for invalid JSON (English, from the JavaScript engine). */
  readonly detail?: string;
  /** address-domain: what is wrong with the address's domain. */
  readonly inner?: { readonly hint: PolicyIssueHint; readonly values: PolicyIssueValues };
}

export interface PolicyIssue {
  /** Where in the file: "trustedDomains[2]", "limits.sendBudgetMs", "" for the whole file. */
  readonly path: string;
  readonly code: PolicyIssueCode;
  /** English, starts with the path, says what to write instead. */
  readonly message: string;
  /** Which sentence and its values: a reader in any language renders it (src/i18n/policy-issue.ts). */
  readonly hint: PolicyIssueHint;
  readonly values: PolicyIssueValues;
}

