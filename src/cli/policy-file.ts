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

export type PolicyFile = { readonly ok: true; readonly text: string; readonly result: PolicyResult } | { readonly ok: false };

export function readPolicyFile(path: string): PolicyFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { ok: false };
  }
  // Windows editors (Notepad) save UTF-8 with a byte-order mark; JSON.parse would call that an error.
  text = text.replace(/^\uFEFF/, "");
  return { ok: true, text, result: parsePolicy(text) };
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
