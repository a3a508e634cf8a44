/**
 * What `postvagt scan` prints: the JSON Lines contract (docs/cli.md; extended, never renamed) and the readable report.
 * Pure functions, so the "never 10 consecutive CPR digits" property can be tested without spawning.
 * Every string taken from the mail or the file system goes through `redactCpr`.
 */
import { terminalSafe } from "../core/index";
import {
  actionFor,
  redactCpr,
  type Action,
  type CprReason,
  type EmlError,
  type Finding,
  type Policy,
  type ScanResult,
  type Verdict,
} from "../core";
import {
  describeFinding,
  describeLookalikeWhy,
  describePlace,
} from "../i18n/describe-finding";
import { t, type AnyLang, type MessageKey } from "../i18n/t";
import { EXIT, type ExitCode } from "./exit-codes";

/** The contract's finding shapes, plus added fields (never renamed, never dropped). */
export type JsonFinding =
  | {
      readonly kind: "cpr";
      readonly location: { readonly part: "subject" | "body" | "location" | "attachment"; readonly attachment?: string; readonly detail?: string };
      readonly masked: string;
      readonly confidence: "high" | "medium" | "low";
      readonly action: Action;
      readonly reasons: readonly CprReason[];
    }
  | {
      readonly kind: "lookalike-domain";
      readonly recipient: string;
      readonly field: "to" | "cc" | "bcc";
      readonly domain: string;
      readonly resembles: string;
      readonly why: string;
      readonly action: Action;
      readonly reason: string;
      readonly target: "own" | "trusted" | "known";
      readonly suggestion: string;
    }
  | { readonly kind: "invalid-recipient"; readonly recipient: string; readonly field: "to" | "cc" | "bcc"; readonly action: Action }
  | { readonly kind: "unreadable-attachment"; readonly attachment: string; readonly why: string; readonly action: Action; readonly cause?: string; readonly limit?: string };

export interface MessageRecord {
  readonly file: string;
  readonly verdict: Action;
  readonly findings: readonly JsonFinding[];
  readonly elapsedMs: number;
  /** Added: the scan did not finish; the verdict includes policy.onTimeout / onError. */
  readonly incomplete?: "timeout" | "error";
  /** Added: the own domain taken from the sender because the policy names none. */
  readonly learnedOwnDomain?: string;
  /** Added: the secure route the message is on; its body and attachment CPR findings are then "allow". */
  readonly secureRoute?: "secure-recipients" | "subject-tag" | "sensitivity-label";
}

export type CliEmlError = EmlError | "read-failed";

export interface ErrorRecord {
  readonly file: string;
  readonly error: CliEmlError;
  readonly elapsedMs: number;
}

export type FileRecord = MessageRecord | ErrorRecord;

export function isErrorRecord(r: FileRecord): r is ErrorRecord {
  return "error" in r;
}

export function toJsonFinding(finding: Finding, action: Action, lang: AnyLang): JsonFinding {
  switch (finding.kind) {
    case "cpr": {
      const { part, attachment, place } = finding.location;
      return {
        kind: "cpr",
        location: {
          part,
          ...(attachment !== undefined ? { attachment: redactCpr(attachment) } : {}),
          ...(place !== undefined ? { detail: describePlace(place, lang) } : {}),
        },
        masked: finding.masked,
        confidence: finding.confidence,
        action,
        reasons: finding.reasons,
      };
    }
    case "lookalike-domain":
      return {
        kind: "lookalike-domain",
        recipient: redactCpr(finding.recipient),
        field: finding.field,
        domain: redactCpr(finding.domain),
        resembles: finding.resembles,
        why: describeLookalikeWhy(finding, lang),
        action,
        reason: finding.reason,
        target: finding.target,
        suggestion: redactCpr(finding.suggestion),
      };
    case "invalid-recipient":
      return { kind: "invalid-recipient", recipient: redactCpr(finding.recipient), field: finding.field, action };
    case "unreadable-attachment":
      return {
        kind: "unreadable-attachment",
        attachment: redactCpr(finding.attachment),
        why: finding.why,
        action,
        ...(finding.cause !== undefined ? { cause: finding.cause } : {}),
        ...(finding.limit !== undefined ? { limit: finding.limit } : {}),
      };
  }
}

/** Milliseconds with one decimal: enough to compare, short to read. */
function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export function messageRecord(
  file: string,
  result: ScanResult,
  verdict: Verdict,
  policy: Policy,
  lang: AnyLang,
  elapsedMs: number,
): MessageRecord {
  return {
    file: redactCpr(file),
    verdict: verdict.verdict,
    findings: result.findings.map((f) => toJsonFinding(f, actionFor(f, policy, result.secureRoute), lang)),
    elapsedMs: roundMs(elapsedMs),
    ...(verdict.incomplete ? { incomplete: verdict.incomplete } : {}),
    ...(result.learnedOwnDomain ? { learnedOwnDomain: result.learnedOwnDomain } : {}),
    ...(result.secureRoute ? { secureRoute: result.secureRoute } : {}),
  };
}

export function errorRecord(file: string, error: CliEmlError, elapsedMs: number): ErrorRecord {
  return { file: redactCpr(file), error, elapsedMs: roundMs(elapsedMs) };
}

/** One JSON line. Key order is the contract's: file, verdict, findings, elapsedMs, then additions. */
export function jsonLine(record: FileRecord): string {
  return JSON.stringify(record);
}

const EML_ERROR_KEYS: Readonly<Record<CliEmlError, MessageKey>> = {
  empty: "cli.emlError.empty",
  "not-a-message": "cli.emlError.notAMessage",
  "parse-failed": "cli.emlError.parseFailed",
  "read-failed": "cli.emlError.readFailed",
};

const VERDICT_KEYS: Readonly<Record<Action, MessageKey>> = {
  allow: "cli.verdict.allow",
  warn: "cli.verdict.warn",
  block: "cli.verdict.block",
};

const ACTION_KEYS: Readonly<Record<Action, MessageKey>> = {
  allow: "cli.action.allow",
  warn: "cli.action.warn",
  block: "cli.action.block",
};

/**
 * The readable report for one file. Findings come with the finding object (for the sentence)
 * because the JSON shape has already lost what describeFinding needs.
 */
export function textReport(
  file: string,
  outcome:
    | { readonly kind: "error"; readonly error: CliEmlError }
    | { readonly kind: "scanned"; readonly result: ScanResult; readonly verdict: Verdict },
  lang: AnyLang,
): string {
  const name = redactCpr(terminalSafe(file));
  if (outcome.kind === "error") {
    return `${name}: ${t(lang, "cli.verdict.error")}\n  ${t(lang, "cli.message.parseError", { error: t(lang, EML_ERROR_KEYS[outcome.error]) })}\n`;
  }
  const { result, verdict } = outcome;
  const lines = [`${name}: ${t(lang, VERDICT_KEYS[verdict.verdict])}`];
  if (verdict.reasons.length === 0) lines.push(`  ${t(lang, "cli.message.noFindings")}`);
  for (const { finding, action } of verdict.reasons) {
    const suffix = finding.kind === "cpr" ? ` (${t(lang, `findings.cpr.confidence.${finding.confidence}`)})` : "";
    lines.push(`  [${t(lang, ACTION_KEYS[action])}] ${describeFinding(finding, lang)}${suffix}`);
  }
  if (verdict.incomplete === "timeout") lines.push(`  ${t(lang, "cli.message.incompleteTimeout")}`);
  if (verdict.incomplete === "error") lines.push(`  ${t(lang, "cli.message.incompleteError")}`);
  // Said only where it mattered: an own-domain look-alike that exists because the domain was learned.
  const ownLookalike = result.findings.some((f) => f.kind === "lookalike-domain" && f.target === "own");
  if (result.learnedOwnDomain && ownLookalike) lines.push(`  ${t(lang, "cli.message.learnedOwnDomain", { domain: result.learnedOwnDomain })}`);
  if (result.secureRoute) lines.push(`  ${t(lang, `cli.message.secureRoute.${result.secureRoute}`)}`);
  // Names inside the findings are already one line (safeName); control characters are escaped
  // here too, so nothing from a mail can drive the terminal (ANSI sequences, a fake verdict).
  return `${terminalSafe(lines.join("\n"))}\n`;
}

export interface Tally {
  total: number;
  allowed: number;
  warned: number;
  blocked: number;
  errors: number;
}

export function emptyTally(): Tally {
  return { total: 0, allowed: 0, warned: 0, blocked: 0, errors: 0 };
}

export function count(tally: Tally, record: FileRecord): void {
  tally.total++;
  if (isErrorRecord(record)) tally.errors++;
  else if (record.verdict === "allow") tally.allowed++;
  else if (record.verdict === "warn") tally.warned++;
  else tally.blocked++;
}

export function summaryLine(tally: Tally, lang: AnyLang): string {
  return `${t(lang, "cli.summary", { ...tally })}\n`;
}

/** 0 all allowed, 1 something warned or blocked, 2 an unreadable message (the fixed contract). */
/** The run's exit code (src/cli/exit-codes.ts): a message that could not be read outranks a verdict. */
export function exitCodeFor(tally: Tally): ExitCode {
  if (tally.errors > 0) return EXIT.unreadableMessage;
  return tally.warned + tally.blocked > 0 ? EXIT.flagged : EXIT.allowed;
}
