/**
 * The "test before go-live" numbers: how many findings and messages each policy rule caught, and
 * with which action, so an admin can see which field to tune before rollout. The rule is named by
 * the policy field that decides it (`cpr.medium`, `lookalike.own`, ...), because that is what the
 * admin edits. Counts only: no addresses, no numbers, nothing from the mail.
 */
import { RULE_CODES, ruleCodeOf, type Action, type Finding, type RuleCode, type SecureRouteMatch, type Verdict } from "../core";
import { t, type AnyLang, type MessageKey } from "../i18n/t";
import type { Tally } from "./report";

/** A rule by the policy field that decides its action; the one list is core's (audit/rule-code.ts). */
export type RuleKey = RuleCode;
/** Display order: the order of docs/policy.md. */
const RULE_ORDER: readonly RuleKey[] = RULE_CODES;
const ACTION_ORDER: readonly Action[] = ["block", "warn", "allow"];

export interface RuleCount {
  readonly rule: RuleKey;
  readonly action: Action;
  findings: number;
  messages: number;
}

export interface RuleTally {
  /** Keyed by `${rule} ${action}`: one rule can meet two actions only across policies, but be safe. */
  readonly byRule: Map<string, RuleCount>;
  /** CPR findings the secure route allowed, and the messages they were in. */
  readonly secureRoute: { findings: number; messages: number };
  /** Messages not fully checked, by the policy field that then decided. */
  readonly incomplete: { onTimeout: number; onError: number };
}

export function emptyRuleTally(): RuleTally {
  return { byRule: new Map(), secureRoute: { findings: 0, messages: 0 }, incomplete: { onTimeout: 0, onError: 0 } };
}

export const ruleOf: (finding: Finding) => RuleKey = ruleCodeOf;

/** Counts one scanned message's findings. `secureRoute` is the scan's route, if any. */
export function countRules(tally: RuleTally, verdict: Verdict, secureRoute: SecureRouteMatch | undefined): void {
  const seen = new Set<string>();
  let excused = 0;
  for (const { finding, action } of verdict.reasons) {
    // A CPR number the route allowed is counted apart: it is the route working, not a rule firing.
    if (secureRoute !== undefined && finding.kind === "cpr" && finding.location.part !== "subject") {
      excused++;
      continue;
    }
    const rule = ruleOf(finding);
    const key = `${rule} ${action}`;
    let entry = tally.byRule.get(key);
    if (!entry) {
      entry = { rule, action, findings: 0, messages: 0 };
      tally.byRule.set(key, entry);
    }
    entry.findings++;
    if (!seen.has(key)) {
      seen.add(key);
      entry.messages++;
    }
  }
  if (excused > 0) {
    tally.secureRoute.findings += excused;
    tally.secureRoute.messages++;
  }
  if (verdict.incomplete === "timeout") tally.incomplete.onTimeout++;
  if (verdict.incomplete === "error") tally.incomplete.onError++;
}

function sorted(tally: RuleTally): RuleCount[] {
  return [...tally.byRule.values()].sort(
    (a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) || ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action),
  );
}

const ACTION_KEYS: Readonly<Record<Action, MessageKey>> = {
  allow: "cli.action.allow",
  warn: "cli.action.warn",
  block: "cli.action.block",
};

/** The readable "by rule" block printed under the summary line. */
export function ruleSummaryText(tally: RuleTally, lang: AnyLang, failModes: { onError: Action; onTimeout: Action }): string {
  const lines = [t(lang, "cli.rules.heading")];
  const rows = sorted(tally);
  for (const r of rows) {
    lines.push(t(lang, "cli.rules.line", { rule: r.rule, action: t(lang, ACTION_KEYS[r.action]), findings: r.findings, messages: r.messages }));
  }
  if (tally.secureRoute.findings > 0) {
    lines.push(t(lang, "cli.rules.secureRoute", { findings: tally.secureRoute.findings, messages: tally.secureRoute.messages }));
  }
  for (const [rule, messages] of [
    ["onTimeout", tally.incomplete.onTimeout],
    ["onError", tally.incomplete.onError],
  ] as const) {
    if (messages > 0) lines.push(t(lang, "cli.rules.incomplete", { rule, action: t(lang, ACTION_KEYS[failModes[rule]]), messages }));
  }
  if (lines.length === 1) lines.push(t(lang, "cli.rules.none"));
  return `${lines.join("\n")}\n`;
}

export interface SummaryJson {
  readonly messages: number;
  readonly allowed: number;
  readonly warned: number;
  readonly blocked: number;
  readonly unreadable: number;
  readonly byRule: ReadonlyArray<{ readonly rule: RuleKey; readonly action: Action; readonly findings: number; readonly messages: number }>;
  readonly secureRoute: { readonly findings: number; readonly messages: number };
  readonly incomplete: { readonly onTimeout: number; readonly onError: number };
}

/** `--summary-json`: one object, for scripts that compare policies. Only counts. */
export function summaryJson(tally: Tally, rules: RuleTally): SummaryJson {
  return {
    messages: tally.total,
    allowed: tally.allowed,
    warned: tally.warned,
    blocked: tally.blocked,
    unreadable: tally.errors,
    byRule: sorted(rules).map(({ rule, action, findings, messages }) => ({ rule, action, findings, messages })),
    secureRoute: { ...rules.secureRoute },
    incomplete: { ...rules.incomplete },
  };
}
