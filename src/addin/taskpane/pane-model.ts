/**
 * The task pane's view of a verdict: pure functions from the core's Verdict to what the pane shows.
 * Kept apart from React so the rules (which MessageBar intent, what the secure route covers, how
 * findings group by place) are tested as data.
 */
import type {
  Action,
  CprFinding,
  Finding,
  InvalidRecipientFinding,
  LookalikeFinding,
  SecureRoute,
  UnreadableAttachmentFinding,
  Verdict,
} from "../../core";
import { protectedBySecureRoute } from "../../core";
import type { LabelSupport } from "../office/apply-fix";

/** What the MessageBar says: block = error, warn = warning, not checked = info, nothing = success. */
export type Display = "block" | "warn" | "unchecked" | "allow";

export const INTENT: Readonly<Record<Display, "error" | "warning" | "info" | "success">> = {
  block: "error",
  warn: "warning",
  unchecked: "info",
  allow: "success",
};

export type RouteState =
  | { readonly kind: "none" }
  | { readonly kind: "subject-tag"; readonly tag: string; readonly applied: boolean }
  | {
      readonly kind: "sensitivity-label";
      readonly labelId: string;
      readonly label: string;
      readonly applied: boolean;
      readonly support: LabelSupport;
    };

export interface Reason<F extends Finding = Finding> {
  readonly finding: F;
  readonly action: Action;
}

const SEVERITY: Readonly<Record<Action, number>> = { allow: 0, warn: 1, block: 2 };

/**
 * Once the mail goes by the secure route, a CPR number in it (or in a file that could not be read)
 * is protected in transit: those findings no longer stop the mail. A wrong recipient is not: the
 * encrypted mail still reaches the stranger.
 */
export function coveredByRoute(finding: Finding): boolean {
  return protectedBySecureRoute(finding);
}

export function routeApplied(route: RouteState): boolean {
  return route.kind !== "none" && route.applied;
}

/** The reasons as the pane shows them: covered findings become "allow" once the route is applied. */
export function effectiveReasons(verdict: Verdict, route: RouteState): Reason[] {
  const applied = routeApplied(route);
  return verdict.reasons.map((r) => (applied && coveredByRoute(r.finding) ? { finding: r.finding, action: "allow" } : r));
}

function worst(reasons: readonly Reason[]): Action {
  return reasons.reduce<Action>((w, r) => (SEVERITY[r.action] > SEVERITY[w] ? r.action : w), "allow");
}

export function displayFor(verdict: Verdict, route: RouteState): Display {
  const reasons = effectiveReasons(verdict, route);
  // The verdict may be stricter than its findings: the policy's onTimeout/onError for an
  // incomplete scan. The route protects content, so that part of the verdict stays.
  const failMode = SEVERITY[verdict.verdict] > SEVERITY[worst(verdict.reasons)] ? verdict.verdict : "allow";
  const level = routeApplied(route) ? [worst(reasons), failMode].reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a)) : verdict.verdict;
  const unchecked = verdict.incomplete !== undefined || reasons.some((r) => r.finding.kind === "unreadable-attachment");
  if (level === "block") return "block";
  if (level === "warn") {
    return reasons.some((r) => r.action === "warn" && r.finding.kind !== "unreadable-attachment") ? "warn" : "unchecked";
  }
  return unchecked ? "unchecked" : "allow";
}

export interface Grouped {
  readonly cpr: ReadonlyArray<CprGroup>;
  readonly recipients: ReadonlyArray<Reason<LookalikeFinding | InvalidRecipientFinding>>;
  readonly unreadable: ReadonlyArray<Reason<UnreadableAttachmentFinding>>;
}

/** CPR findings of one place: the subject, the body, or one attached file (with what is inside it). */
export interface CprGroup {
  readonly key: string;
  readonly part: CprFinding["location"]["part"];
  /** The attached file as the mail carries it (a zip, not the file inside it). */
  readonly attachment?: string;
  /** How many different files inside `attachment` hold a number (0 when it is the file itself). */
  readonly innerFiles: number;
  /** One row per distinct masked number at a distinct place; `count` repeats folded in. */
  readonly rows: ReadonlyArray<{ readonly reason: Reason<CprFinding>; readonly count: number }>;
}

/**
 * The attached file a finding's path belongs to: "Bilag.zip/notat.txt" → "Bilag.zip". The longest
 * matching name wins (a file may be called "a/b"); a path no name matches stands for itself.
 */
export function topLevelAttachment(path: string, names: readonly string[]): string {
  let best: string | undefined;
  for (const name of names) {
    if ((path === name || path.startsWith(name + "/")) && (best === undefined || name.length > best.length)) best = name;
  }
  if (best !== undefined) return best;
  const slash = path.indexOf("/");
  return slash > 0 ? path.slice(0, slash) : path;
}

/** The part of a finding's path inside its attached file ("notat.txt"), or "" for the file itself. */
export function innerPath(path: string, top: string): string {
  return path.length > top.length ? path.slice(top.length + 1) : "";
}

const PART_ORDER = { subject: 0, body: 1, location: 2, attachment: 3 } as const;

function placeKey(f: CprFinding): string {
  return JSON.stringify(f.location.place ?? null);
}

interface Row {
  reason: Reason<CprFinding>;
  count: number;
}

export function groupReasons(reasons: readonly Reason[], attachmentNames: readonly string[] = []): Grouped {
  const groups = new Map<string, { part: CprFinding["location"]["part"]; attachment?: string; inner: Set<string>; rows: Map<string, Row> }>();
  const recipients: Array<Reason<LookalikeFinding | InvalidRecipientFinding>> = [];
  const unreadable: Array<Reason<UnreadableAttachmentFinding>> = [];
  for (const r of reasons) {
    const f = r.finding;
    if (f.kind === "cpr") {
      const path = f.location.attachment;
      const top = f.location.part === "attachment" && path !== undefined ? topLevelAttachment(path, attachmentNames) : undefined;
      const key = f.location.part === "attachment" ? `attachment:${top ?? ""}` : f.location.part;
      const group = groups.get(key) ?? {
        part: f.location.part,
        ...(top !== undefined ? { attachment: top } : {}),
        inner: new Set<string>(),
        rows: new Map<string, Row>(),
      };
      groups.set(key, group);
      if (path !== undefined && top !== undefined && innerPath(path, top) !== "") group.inner.add(innerPath(path, top));
      const rowKey = `${f.masked}|${path ?? ""}|${placeKey(f)}`;
      const row: Row | undefined = group.rows.get(rowKey);
      if (row) {
        row.count += 1;
        // Keep the strictest action for the folded row.
        if (SEVERITY[r.action] > SEVERITY[row.reason.action]) row.reason = { finding: f, action: r.action };
      } else {
        group.rows.set(rowKey, { reason: { finding: f, action: r.action }, count: 1 });
      }
    } else if (f.kind === "lookalike-domain" || f.kind === "invalid-recipient") {
      recipients.push({ finding: f, action: r.action });
    } else {
      unreadable.push({ finding: f, action: r.action });
    }
  }
  const cpr = [...groups.entries()]
    .map(([key, g]) => ({
      key,
      part: g.part,
      ...(g.attachment !== undefined ? { attachment: g.attachment } : {}),
      innerFiles: g.inner.size,
      rows: [...g.rows.values()],
    }))
    .sort((a, b) => PART_ORDER[a.part] - PART_ORDER[b.part]);
  return { cpr, recipients, unreadable };
}

/** The route the policy names, before its status is known. */
export function initialRoute(route: SecureRoute): RouteState {
  switch (route.kind) {
    case "none":
      return { kind: "none" };
    case "subject-tag":
      return { kind: "subject-tag", tag: route.tag, applied: false };
    case "sensitivity-label":
      return {
        kind: "sensitivity-label",
        labelId: route.labelId,
        label: route.labelName ?? route.labelId,
        applied: false,
        support: "not-supported",
      };
  }
}

/** How many rows a group shows before "Vis N mere". */
export const ROWS_SHOWN = 3;

export type PaneTheme = "light" | "dark" | "contrast";

export interface ThemeSignals {
  /** Office.context.officeTheme, where the host gives it. */
  readonly officeTheme?: { readonly isDarkTheme?: boolean; readonly bodyBackgroundColor?: string } | undefined;
  /** `forced-colors: active` or `prefers-contrast: more`: the OS asks for high contrast. */
  readonly forcedColors: boolean;
  /** `prefers-color-scheme: dark`: used when Outlook says nothing. */
  readonly prefersDark: boolean;
}

/** "#262626" → true: a background darker than mid-grey is a dark theme. */
function darkBackground(hex: string | undefined): boolean | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return undefined;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.5;
}

/** The OS contrast setting wins; then Outlook's theme; then the browser's colour scheme. */
export function themeFor(signals: ThemeSignals): PaneTheme {
  if (signals.forcedColors) return "contrast";
  const office = signals.officeTheme;
  // Outlook does not support isDarkTheme (its typings say so): the background colour decides first.
  const dark = office ? (darkBackground(office.bodyBackgroundColor) ?? office.isDarkTheme) : undefined;
  if (dark !== undefined) return dark ? "dark" : "light";
  return signals.prefersDark ? "dark" : "light";
}
