/**
 * `postvagt audit`'s counts: per mail kind, per rule that warned, per secure route, per client for
 * mails without a marker, and per ISO week. Counts, codes, client families and the paths of files
 * that could not be read (the DPO's own export, so they can find them): nothing from any mail.
 */
import { RULE_CODES, type MarkerRoute, type RuleCode } from "../core";
import type { AuditRecord, BadFileReason } from "./audit-read";

export interface WeekCounts {
  checked: number;
  warnSent: number;
  route: number;
  unmarked: number;
}

export interface AuditSummary {
  /** Files read (every kind). */
  files: number;
  /** Files that were mails (marked, unmarked or with a damaged marker). */
  mails: number;
  checked: number;
  allowed: number;
  warnSent: number;
  warnSentByRule: Partial<Record<RuleCode, number>>;
  route: number;
  routeByKind: Partial<Record<MarkerRoute, number>>;
  incomplete: number;
  unmarked: number;
  unmarkedByClient: Record<string, number>;
  badMarker: number;
  noHeaders: number;
  /** Which policy ids the markers carried, and how often. */
  policies: Record<string, number>;
  weeks: Record<string, WeekCounts>;
  badFiles: Array<{ file: string; why: BadFileReason }>;
}

export function emptySummary(): AuditSummary {
  return {
    files: 0, mails: 0, checked: 0, allowed: 0, warnSent: 0, warnSentByRule: {}, route: 0, routeByKind: {}, incomplete: 0,
    unmarked: 0, unmarkedByClient: {}, badMarker: 0, noHeaders: 0, policies: {}, weeks: {}, badFiles: [],
  };
}

function week(summary: AuditSummary, key: string): WeekCounts {
  return (summary.weeks[key] ??= { checked: 0, warnSent: 0, route: 0, unmarked: 0 });
}

const inc = <K extends string>(map: Partial<Record<K, number>>, key: K): void => {
  map[key] = (map[key] ?? 0) + 1;
};

export function addRecord(summary: AuditSummary, file: string, record: AuditRecord): void {
  summary.files++;
  switch (record.kind) {
    case "bad-file":
      summary.badFiles.push({ file, why: record.why });
      return;
    case "no-headers":
      summary.noHeaders++;
      return;
    case "bad-marker":
      summary.mails++;
      summary.badMarker++;
      return;
    case "unmarked":
      summary.mails++;
      summary.unmarked++;
      inc(summary.unmarkedByClient, record.client);
      week(summary, record.week).unmarked++;
      return;
    case "marked": {
      const m = record.marker;
      summary.mails++;
      summary.checked++;
      const w = week(summary, record.week);
      w.checked++;
      if (m.policy !== undefined) inc(summary.policies, m.policy);
      if (m.incomplete !== undefined) summary.incomplete++;
      if (m.verdict === "warn-sent") {
        summary.warnSent++;
        w.warnSent++;
        for (const rule of m.warned) inc(summary.warnSentByRule, rule);
      } else if (m.verdict === "route") {
        summary.route++;
        w.route++;
      } else {
        summary.allowed++;
      }
      if (m.route !== undefined) inc(summary.routeByKind, m.route);
      return;
    }
  }
}

/** Weeks in time order (the unknown week last). */
export function sortedWeeks(summary: AuditSummary): string[] {
  return Object.keys(summary.weeks).sort((a, b) => (a === "ukendt" ? 1 : b === "ukendt" ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

/** Rules in policy order, so two reports read the same way. */
export function sortedRules(summary: AuditSummary): RuleCode[] {
  return RULE_CODES.filter((r) => summary.warnSentByRule[r] !== undefined);
}
