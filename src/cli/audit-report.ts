/** `postvagt audit` as text (Danish by default) and as one JSON object. Counts only. */
import { t, type Lang } from "../i18n/t";
import { sortedRules, sortedWeeks, type AuditSummary } from "./audit-tally";
import { UNKNOWN_WEEK } from "./audit-read";

export function auditText(s: AuditSummary, lang: Lang): string {
  const lines: string[] = [t(lang, "audit.title")];
  const weeks = sortedWeeks(s).filter((w) => w !== UNKNOWN_WEEK);
  lines.push(weeks.length > 0 ? t(lang, "audit.period", { from: weeks[0]!, to: weeks[weeks.length - 1]! }) : t(lang, "audit.periodUnknown"));
  lines.push(t(lang, "audit.files", { files: s.files, mails: s.mails }));
  if (s.mails === 0) lines.push(t(lang, "audit.noMails"));
  lines.push(t(lang, "audit.checked", { count: s.checked }));
  lines.push(t(lang, "audit.allowed", { count: s.allowed }));
  lines.push(t(lang, "audit.warnSent", { count: s.warnSent }));
  for (const rule of sortedRules(s)) lines.push(t(lang, "audit.warnRule", { rule, count: s.warnSentByRule[rule]! }));
  lines.push(t(lang, "audit.route", { count: s.route }));
  for (const route of ["subject-tag", "label", "recipients"] as const) {
    const n = s.routeByKind[route];
    if (n !== undefined) lines.push(t(lang, "audit.routeKind", { route: t(lang, `audit.routes.${route}`), count: n }));
  }
  if (s.incomplete > 0) lines.push(t(lang, "audit.incomplete", { count: s.incomplete }));
  lines.push(t(lang, "audit.unmarked", { count: s.unmarked }));
  for (const client of Object.keys(s.unmarkedByClient).sort((a, b) => s.unmarkedByClient[b]! - s.unmarkedByClient[a]! || (a < b ? -1 : 1))) {
    lines.push(t(lang, "audit.unmarkedClient", { client, count: s.unmarkedByClient[client]! }));
  }
  if (s.badMarker > 0) lines.push(t(lang, "audit.badMarker", { count: s.badMarker }));
  if (s.noHeaders > 0) lines.push(t(lang, "audit.noHeaders", { count: s.noHeaders }));
  if (s.badFiles.length > 0) {
    lines.push(t(lang, "audit.badFiles", { count: s.badFiles.length }));
    for (const b of s.badFiles) lines.push(t(lang, "audit.badFile", { file: b.file, why: t(lang, `audit.why.${b.why}`) }));
  }
  if (sortedWeeks(s).length > 0) {
    lines.push(t(lang, "audit.weeks"));
    for (const w of sortedWeeks(s)) lines.push(t(lang, "audit.week", { week: w, ...s.weeks[w]! }));
  }
  return `${lines.join("\n")}\n`;
}

/** The JSON report: a contract for admins' scripts (docs/audit.md): fields are added, never renamed. */
export function auditJson(s: AuditSummary): string {
  const weeks = sortedWeeks(s).map((week) => ({ week, ...s.weeks[week]! }));
  return `${JSON.stringify({
    files: s.files,
    mails: s.mails,
    checked: s.checked,
    allowed: s.allowed,
    warnSent: s.warnSent,
    warnSentByRule: Object.fromEntries(sortedRules(s).map((r) => [r, s.warnSentByRule[r]])),
    route: s.route,
    routeByKind: s.routeByKind,
    incomplete: s.incomplete,
    unmarked: s.unmarked,
    unmarkedByClient: s.unmarkedByClient,
    badMarker: s.badMarker,
    noHeaders: s.noHeaders,
    policies: s.policies,
    weeks,
    badFiles: s.badFiles,
  })}\n`;
}
