/**
 * A policy problem in words of the reader's language, from core's hint and values: the field
 * first (so an admin finds the line), then what is wrong and what to write instead.
 */
import type { FoundValue, PolicyIssueHint, PolicyIssueValues } from "../core";
import { t, type AnyLang, type Vars } from "./t";

function foundText(lang: AnyLang, found: FoundValue): string {
  return "text" in found ? found.text : t(lang, `policyIssue.found.${found.kind}`);
}

/** What is wrong and the fix, without the field's name. */
export function describePolicyProblem(lang: AnyLang, hint: PolicyIssueHint, values: PolicyIssueValues): string {
  const vars: Record<string, string | number> = {};
  if (values.found) vars.found = foundText(lang, values.found);
  if (values.key !== undefined) vars.key = values.key;
  if (values.guess !== undefined) vars.guess = values.guess;
  if (values.allowed) {
    // Keys are listed bare (as they stand in the file); values quoted, as they must be written.
    vars.allowed = hint === "unknown-key" ? values.allowed.join(", ") : values.allowed.map((a) => `"${a}"`).join(", ");
  }
  if (values.noun) vars.noun = t(lang, `policyIssue.noun.${values.noun}`);
  if (values.unit) vars.unit = t(lang, `policyIssue.unit.${values.unit}`);
  if (values.min !== undefined) vars.min = values.min;
  if (values.max !== undefined) vars.max = values.max;
  if (values.count !== undefined) vars.count = values.count;
  if (values.suggestion !== undefined) vars.suggestion = values.suggestion;
  if (values.example !== undefined) vars.example = values.example;
  if (values.detail !== undefined) vars.detail = values.detail;
  if (values.inner) vars.inner = describePolicyProblem(lang, values.inner.hint, values.inner.values);
  return t(lang, `policyIssue.hint.${hint}`, vars as Vars);
}

/** `field: problem; fix`, or the problem alone for the file as a whole. */
export function describePolicyIssue(
  lang: AnyLang,
  issue: { readonly path: string; readonly hint: PolicyIssueHint; readonly values: PolicyIssueValues },
): string {
  const problem = describePolicyProblem(lang, issue.hint, issue.values);
  return issue.path === "" ? problem : `${issue.path}: ${problem}`;
}
