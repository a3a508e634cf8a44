/**
 * Reading an admin's policy file for the command: the text (a Windows editor's byte-order mark
 * dropped), the parse, and every problem as a line in the reader's language that names the field
 * (or, for broken JSON, the line and column) and the fix.
 */
import { readFileSync } from "node:fs";
import { parsePolicy, type PolicyIssue, type PolicyResult } from "../core";
import { describePolicyIssue } from "../i18n/policy-issue";
import { t, type AnyLang } from "../i18n/t";
import { locateJsonError } from "./json-error";

export type PolicyFile =
  | { readonly ok: true; readonly text: string; readonly result: PolicyResult }
  | { readonly ok: false; readonly error: "unreadable" }
  | { readonly ok: false; readonly error: "not-utf8"; readonly offset: number };

/**
 * The policy file's text and parse, or why not. Invalid UTF-8 is refused, never replaced: a Latin-1
 * "ærø.dk" read as UTF-8 becomes another domain (U+FFFD), and the admin would never know.
 */
export function readPolicyFile(path: string): PolicyFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { ok: false, error: "unreadable" };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: "not-utf8", offset: firstInvalidUtf8(bytes) };
  }
  // Windows editors (Notepad) save UTF-8 with a byte-order mark; JSON.parse would call that an error.
  text = text.replace(/^\uFEFF/, "");
  return { ok: true, text, result: parsePolicy(text) };
}

/** The length of the longest valid UTF-8 prefix, by bisection. */
function firstInvalidUtf8(b: Uint8Array): number {
  const d = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      d.decode(b.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** One line per issue, in `lang`; broken JSON gets its line and column. */
export function policyIssueLines(text: string, issues: readonly PolicyIssue[], lang: AnyLang): string[] {
  return issues.map((issue) => {
    if (issue.code !== "invalid-json") return describePolicyIssue(lang, issue);
    const at = locateJsonError(text);
    if (at === undefined) return t(lang, "cli.json.engine", { detail: issue.values.detail ?? "" });
    const problem = t(lang, `cli.json.problem.${at.problem}`, at.problem === "invalid-symbol" ? { char: JSON.stringify(at.char ?? "") } : undefined);
    return t(lang, "cli.json.at", { line: at.line, column: at.column, problem });
  });
}
