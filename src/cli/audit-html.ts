/**
 * `postvagt audit --html FILE`: one self-contained page a DPO can attach to a report. Inline CSS and
 * an inline SVG chart of the weekly counts; no script, no font, no image, no link to anything (a
 * Content-Security-Policy of default-src 'none' says so to the browser). Every text is escaped:
 * file paths of unreadable files are the only strings not made by us.
 */
import { t, type Lang } from "../i18n/t";
import { auditText } from "./audit-report";
import { sortedWeeks, type AuditSummary, type WeekCounts } from "./audit-tally";

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const SERIES: ReadonlyArray<{ key: keyof WeekCounts; label: "legendChecked" | "legendWarnSent" | "legendRoute" | "legendUnmarked"; color: string }> = [
  { key: "checked", label: "legendChecked", color: "#2b6cb0" },
  { key: "warnSent", label: "legendWarnSent", color: "#c05621" },
  { key: "route", label: "legendRoute", color: "#2f855a" },
  { key: "unmarked", label: "legendUnmarked", color: "#9b2c2c" },
];

/** A "nice" axis maximum (1, 2, 5 × 10^n, at least 5) at or above the largest count: five whole-number steps. */
export function niceMax(n: number): number {
  if (n <= 5) return 5;
  const p = Math.pow(10, Math.floor(Math.log10(n)));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

export function weeklyChart(s: AuditSummary, lang: Lang): string {
  const weeks = sortedWeeks(s);
  const group = 4 * 14 + 16;
  const left = 48;
  const top = 16;
  const height = 220;
  const width = Math.max(360, left + weeks.length * group + 16);
  const max = niceMax(Math.max(0, ...weeks.map((w) => Math.max(...SERIES.map((x) => s.weeks[w]![x.key])))));
  const y = (v: number) => top + height - (v / max) * height;
  const parts: string[] = [];
  for (let i = 0; i <= 5; i++) {
    const v = (max * i) / 5;
    parts.push(`<line x1="${left}" x2="${width - 8}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`);
  }
  weeks.forEach((w, i) => {
    const x0 = left + 8 + i * group;
    SERIES.forEach((series, j) => {
      const v = s.weeks[w]![series.key];
      const h = (v / max) * height;
      parts.push(
        `<rect x="${x0 + j * 14}" y="${top + height - h}" width="12" height="${h}" fill="${series.color}"><title>${esc(`${w} · ${t(lang, `audit.${series.label}`)}: ${v}`)}</title></rect>`,
      );
    });
    parts.push(`<text x="${x0 + 28}" y="${top + height + 16}" text-anchor="middle" font-size="11">${esc(w)}</text>`);
  });
  const legend = SERIES.map(
    (series, j) =>
      `<rect x="${left + j * 150}" y="${top + height + 30}" width="12" height="12" fill="${series.color}"/><text x="${left + j * 150 + 18}" y="${top + height + 40}" font-size="12">${esc(t(lang, `audit.${series.label}`))}</text>`,
  ).join("");
  const label = esc(t(lang, "audit.chartTitle"));
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label}" width="${Math.max(width, left + 4 * 150)}" height="${top + height + 52}" font-family="system-ui, sans-serif">${parts.join("")}${legend}</svg>`;
}

function weekTable(s: AuditSummary, lang: Lang): string {
  const head = SERIES.map((x) => `<th scope="col">${esc(t(lang, `audit.${x.label}`))}</th>`).join("");
  const rows = sortedWeeks(s)
    .map((w) => `<tr><th scope="row">${esc(w)}</th>${SERIES.map((x) => `<td>${s.weeks[w]![x.key]}</td>`).join("")}</tr>`)
    .join("");
  return `<table><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function auditHtml(s: AuditSummary, lang: Lang, madeOn: string): string {
  const title = esc(t(lang, "audit.title"));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a202c; max-width: 60rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; margin-top: .5rem; } th, td { border: 1px solid #cbd5e0; padding: .25rem .6rem; text-align: right; }
th[scope="row"] { text-align: left; } pre { background: #f7fafc; padding: 1rem; white-space: pre-wrap; }
footer { margin-top: 2rem; font-size: .85rem; color: #4a5568; }
</style>
</head>
<body>
<h1>${title}</h1>
<h2>${esc(t(lang, "audit.chartTitle"))}</h2>
${weeklyChart(s, lang)}
${weekTable(s, lang)}
<h2>${esc(t(lang, "audit.files", { files: s.files, mails: s.mails }))}</h2>
<pre>${esc(auditText(s, lang))}</pre>
<footer>${esc(t(lang, "audit.footer", { date: madeOn }))}</footer>
</body>
</html>
`;
}
