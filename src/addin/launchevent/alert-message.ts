/**
 * The text of the Smart Alerts dialog: what was found and where ("CPR-nummer 150650-**** i
 * brødteksten", "anders.dk ligner randers.dk – der mangler et 'r'"), then what to do. Plain text
 * for every client, Markdown for Mailbox 1.15. Outlook allows 500 characters for each, so findings
 * are dropped from the end (strictest come first) and counted in "… og 3 mere".
 */
import type { Action, Finding } from "../../core/index";
import { describeFinding } from "../../i18n/describe-finding";
import { t, type AnyLang } from "../../i18n/t";

export const MAX_ALERT_CHARS = 500;
/** Outlook's limit for cancelLabel. */
export const MAX_BUTTON_CHARS = 20;
const MAX_LISTED = 5;

export type AlertKind = "block" | "warn" | "timeout" | "error";

export type AlertHint =
  /** Our button opens the task pane (Mailbox 1.14). */
  | "button"
  /** No button: point to the ribbon. */
  | "ribbon";

export interface AlertInput {
  readonly kind: AlertKind;
  readonly reasons: ReadonlyArray<{ readonly finding: Finding; readonly action: Action }>;
  readonly lang: AnyLang;
  readonly hint: AlertHint;
  /** The last line: how the user goes on. */
  readonly next: "send-again" | "send-anyway" | "fail-block" | "none";
  /** Findings found but not in `reasons` (kept out by the per-part cap): counted in "… and N more". */
  readonly omitted?: number;
}

export interface AlertText {
  readonly errorMessage: string;
  readonly errorMessageMarkdown: string;
  readonly cancelLabel: string;
}

/** Markdown's special characters, escaped: "150650-****" must not turn into bold. */
function escapeMarkdown(text: string): string {
  // Names from the mail are one line already (safeName); as a second fence, a text that would
  // open a block ("-", "=", "1.") has it escaped, and the autolink triggers "://" and "www." are
  // broken, so a name cannot become a list, a heading or a link (docs/design/hostile-input.md).
  return text
    .replace(/([\\`*_{}[\]()#+!|<>~])/g, "\\$1")
    .replace(/^(\s*)([-=])/, "$1\\$2")
    .replace(/^(\s*[0-9]+)\./, "$1\\.")
    .replace(/:\/\//g, "\\://")
    .replace(/\b(www)\./gi, "$1\\.");
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function buildAlert(input: AlertInput): AlertText {
  const { lang } = input;
  const button = clip(t(lang, input.kind === "block" || input.kind === "warn" ? "alert.button.fix" : "alert.button.open"), MAX_BUTTON_CHARS);
  const title = t(lang, `alert.title.${input.kind}`);
  // Only what the alert can list is described: a register extract has 100,000s of findings.
  let count = input.omitted ?? 0;
  const lines: string[] = [];
  for (const r of input.reasons) {
    if (r.action === "allow") continue;
    if (lines.length < MAX_LISTED) lines.push(describeFinding(r.finding, lang));
    count++;
  }
  const total = count;
  const tail: string[] = [];
  if (total > 0 || input.kind === "timeout" || input.kind === "error") {
    tail.push(input.hint === "button" ? t(lang, "alert.hint.button", { button }) : t(lang, "alert.hint.ribbon"));
  }
  if (input.next === "send-again") tail.push(t(lang, "alert.hint.sendAgain"));
  if (input.next === "send-anyway") tail.push(t(lang, "alert.hint.sendAnyway"));
  if (input.next === "fail-block") tail.push(t(lang, "alert.hint.failBlock"));

  const plain = (n: number): string => {
    const listed = lines.slice(0, n).map((l) => `• ${l}`);
    const more = total > n ? [t(lang, "alert.more", { count: total - n })] : [];
    return [title, ...listed, ...more, ...tail].join("\n");
  };
  // Outlook's dialog Markdown: list items end in "\r", paragraphs are separated by "\n\n".
  const markdown = (n: number): string => {
    const listed = lines.slice(0, n).map((l) => `- ${escapeMarkdown(l)}\r`).join("");
    const more = total > n ? `\n\n${escapeMarkdown(t(lang, "alert.more", { count: total - n }))}` : "";
    const paragraphs = [`**${escapeMarkdown(title)}**`];
    if (listed) paragraphs.push(listed + more.replace(/^\n\n/, ""));
    for (const line of tail) paragraphs.push(escapeMarkdown(line));
    return paragraphs.join("\n\n");
  };

  const fit = (render: (n: number) => string): string => {
    for (let n = Math.min(lines.length, MAX_LISTED); n >= 0; n--) {
      const text = render(n);
      if (text.length <= MAX_ALERT_CHARS) return text;
    }
    return clip(render(0), MAX_ALERT_CHARS);
  };
  return { errorMessage: fit(plain), errorMessageMarkdown: fit(markdown), cancelLabel: button };
}
