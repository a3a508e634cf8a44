/**
 * The audit marker: one internet header the add-in writes on every mail it lets go, e.g.
 *
 *   X-Postvagt: v=1; verdict=warn-sent; cpr=2; lookalike=0; unreadable=1; warned=cpr.medium; policy=p1x2y3z
 *
 * Counts and codes only. No number (not even masked), no address, no file name, no text of the
 * mail can get in: every value the builder writes is a count, a code from a closed list, or a
 * policy id checked against POLICY_ID (letters, digits, "._-", no long digit runs). The format is a
 * versioned contract (docs/audit.md): Exchange rules (deploy/exchange/) and `postvagt audit` read
 * it, so fields are added, never renamed. Why one header with a fixed name: docs/design/audit-marker.md.
 */
import { RULE_CODES, type RuleCode } from "./rule-code";

/** The one header name. Fixed: Exchange's header quota is per mailbox, names must not vary. */
export const AUDIT_HEADER_NAME = "X-Postvagt";
export const AUDIT_MARKER_VERSION = 1;

export type MarkerVerdict = "allow" | "warn-sent" | "route";
export const MARKER_VERDICTS: readonly MarkerVerdict[] = ["allow", "warn-sent", "route"];

/** Which secure route the mail went by: the policy's subject tag, its label, or secure recipients only. */
export type MarkerRoute = "subject-tag" | "label" | "recipients";
export const MARKER_ROUTES: readonly MarkerRoute[] = ["subject-tag", "label", "recipients"];

/** Why a mail went without a finished check that the policy then let go (onTimeout/onError "allow"). */
export type MarkerIncomplete = "timeout" | "error";
export const MARKER_INCOMPLETE: readonly MarkerIncomplete[] = ["timeout", "error"];

export interface AuditMarker {
  readonly v: 1;
  readonly verdict: MarkerVerdict;
  readonly cpr: number;
  readonly lookalike: number;
  readonly unreadable: number;
  readonly route?: MarkerRoute;
  /** For warn-sent: the rules that warned (policy field names), sorted, no repeats. */
  readonly warned: readonly RuleCode[];
  readonly policy?: string;
  readonly incomplete?: MarkerIncomplete;
}

/** Counts are capped: a marker says "many", never anything that could be a number from the mail. */
export const MAX_COUNT = 9999;
/**
 * An admin's version label ("2026-12-01") or a policy hash: no spaces, no "@", and nothing shaped
 * like a CPR number (6 + 4 digits) or another long number (8+ digits in a row).
 */
export const POLICY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const NUMBER_LIKE = /\d{8,}|\d{6}[-._]?\d{4}/;

export function isPolicyId(text: string): boolean {
  return POLICY_ID.test(text) && !NUMBER_LIKE.test(text);
}

function count(n: number): number {
  if (typeof n !== "number" || !isFinite(n) || n < 0) return 0;
  return Math.min(MAX_COUNT, Math.floor(n));
}

/**
 * The header value. Total: anything outside the contract is dropped (an unknown rule, a policy id
 * with a space), never written, and never a throw: the send path calls this.
 */
export function buildMarker(marker: Omit<AuditMarker, "v" | "warned"> & { readonly warned?: readonly string[] }): string {
  const verdict = MARKER_VERDICTS.indexOf(marker.verdict) >= 0 ? marker.verdict : "allow";
  const parts = [`v=${AUDIT_MARKER_VERSION}`, `verdict=${verdict}`, `cpr=${count(marker.cpr)}`, `lookalike=${count(marker.lookalike)}`, `unreadable=${count(marker.unreadable)}`];
  if (marker.route !== undefined && MARKER_ROUTES.indexOf(marker.route) >= 0) parts.push(`route=${marker.route}`);
  const warned = normaliseRules(marker.warned ?? []);
  if (warned.length > 0) parts.push(`warned=${warned.join(",")}`);
  if (marker.incomplete !== undefined && MARKER_INCOMPLETE.indexOf(marker.incomplete) >= 0) parts.push(`incomplete=${marker.incomplete}`);
  if (marker.policy !== undefined && isPolicyId(marker.policy)) parts.push(`policy=${marker.policy}`);
  return parts.join("; ");
}

function normaliseRules(rules: readonly string[]): RuleCode[] {
  const out: RuleCode[] = [];
  for (const code of RULE_CODES) if (rules.indexOf(code) >= 0) out.push(code);
  return out;
}

export type MarkerError =
  | { readonly code: "empty" }
  | { readonly code: "not-a-marker" }
  | { readonly code: "unsupported-version"; readonly version: string }
  | { readonly code: "bad-field"; readonly field: string }
  | { readonly code: "duplicate-field"; readonly field: string }
  | { readonly code: "missing-field"; readonly field: string };

export type MarkerParse =
  | { readonly ok: true; readonly marker: AuditMarker; readonly unknownFields: readonly string[] }
  | { readonly ok: false; readonly error: MarkerError };

const MAX_MARKER_CHARS = 1000;
const FIELD_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** Reads a header value back (whitespace from header folding tolerated). Never throws. */
export function parseMarker(raw: string | undefined | null): MarkerParse {
  const text = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  if (text === "") return { ok: false, error: { code: "empty" } };
  if (text.length > MAX_MARKER_CHARS) return { ok: false, error: { code: "not-a-marker" } };
  const fields: Record<string, string> = {};
  const unknownFields: string[] = [];
  const segments = text.split(";");
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!.trim();
    if (seg === "" && i === segments.length - 1 && i > 0) continue; // a trailing ";"
    const eq = seg.indexOf("=");
    if (eq <= 0) return { ok: false, error: { code: "not-a-marker" } };
    const name = seg.slice(0, eq).trim().toLowerCase();
    const value = seg.slice(eq + 1).trim();
    if (!FIELD_NAME.test(name)) return { ok: false, error: { code: "not-a-marker" } };
    if (Object.prototype.hasOwnProperty.call(fields, name)) return { ok: false, error: { code: "duplicate-field", field: name } };
    fields[name] = value;
  }
  if (!Object.prototype.hasOwnProperty.call(fields, "v")) return { ok: false, error: { code: "not-a-marker" } };
  if (fields.v !== String(AUDIT_MARKER_VERSION)) return { ok: false, error: { code: "unsupported-version", version: fields.v!.slice(0, 8) } };
  return readFields(fields, unknownFields);
}

const KNOWN_FIELDS = ["v", "verdict", "cpr", "lookalike", "unreadable", "route", "warned", "incomplete", "policy"];

function readFields(fields: Record<string, string>, unknownFields: string[]): MarkerParse {
  for (const name of Object.keys(fields)) if (KNOWN_FIELDS.indexOf(name) < 0) unknownFields.push(name);
  const bad = (field: string): MarkerParse => ({ ok: false, error: { code: "bad-field", field } });
  const verdict = fields.verdict as MarkerVerdict | undefined;
  if (verdict === undefined) return { ok: false, error: { code: "missing-field", field: "verdict" } };
  if (MARKER_VERDICTS.indexOf(verdict) < 0) return bad("verdict");
  const counts: number[] = [];
  for (const name of ["cpr", "lookalike", "unreadable"]) {
    const value = fields[name];
    if (value === undefined) return { ok: false, error: { code: "missing-field", field: name } };
    if (!/^\d{1,4}$/.test(value)) return bad(name);
    counts.push(parseInt(value, 10));
  }
  const route = fields.route as MarkerRoute | undefined;
  if (route !== undefined && MARKER_ROUTES.indexOf(route) < 0) return bad("route");
  const incomplete = fields.incomplete as MarkerIncomplete | undefined;
  if (incomplete !== undefined && MARKER_INCOMPLETE.indexOf(incomplete) < 0) return bad("incomplete");
  const warned: RuleCode[] = [];
  if (fields.warned !== undefined) {
    for (const code of fields.warned.split(",")) {
      const c = code.trim() as RuleCode;
      if (RULE_CODES.indexOf(c) < 0 || warned.indexOf(c) >= 0) return bad("warned");
      warned.push(c);
    }
  }
  const policy = fields.policy;
  if (policy !== undefined && !isPolicyId(policy)) return bad("policy");
  const marker: AuditMarker = {
    v: 1,
    verdict,
    cpr: counts[0]!,
    lookalike: counts[1]!,
    unreadable: counts[2]!,
    warned: normaliseRules(warned),
    ...(route !== undefined ? { route } : {}),
    ...(incomplete !== undefined ? { incomplete } : {}),
    ...(policy !== undefined ? { policy } : {}),
  };
  return { ok: true, marker, unknownFields };
}

/**
 * Regular expressions the Exchange rules match on the header value (deploy/exchange/). Written here
 * once; a test checks that the PowerShell carries exactly these, so scripts and add-in cannot drift.
 */
export const MARKER_PATTERNS = {
  /** Any marker of this version: present = the mail passed the check. */
  any: "^v=1;",
  warnSent: "verdict=warn-sent",
  routeSubjectTag: "route=subject-tag",
} as const;
