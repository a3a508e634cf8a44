/**
 * How sure the CPR rule is of each number: the decision table of docs/design/cpr-number.md §6.2
 * (`score`), and the one message-wide rule, "≥ 2 valid compact numbers" (`markRepeated`).
 */
import type { Confidence, CprForm, CprReason, MaskedCpr } from "../finding";
import type { Shape } from "./cpr-scan";
import type { KeywordContext } from "./cpr-context";
import { maskCpr as mask } from "./mask";

// Bound once: called per number, and a module binding may be read through a getter per call.
const maskCpr = mask;

export interface CprMatch {
  readonly start: number;
  readonly end: number;
  readonly masked: MaskedCpr;
  readonly confidence: Confidence;
  readonly form: CprForm;
  readonly reasons: readonly CprReason[];
}

/** A shape with everything known about it before scoring. Internal: it holds the digits. */
export interface Candidate {
  readonly shape: Shape;
  readonly ctx: KeywordContext;
  column: boolean;
  repeated: boolean;
  readonly fileName: boolean;
}

function negativeFor(c: Candidate): boolean {
  const s = c.shape;
  return c.ctx.negative || c.ctx.inUrl || (s.written === "compact" && (c.ctx.pNumber || s.bankPrefix === true));
}

/** A compact number that is MEDIUM on its own: modulus 11, plausible age, nothing against it. */
function isStrongCompact(c: Candidate): boolean {
  const ch = c.shape.check;
  return c.shape.kind === "cpr" && c.shape.written === "compact" && ch !== undefined && ch.mod11 && !ch.ageOver110 && !negativeFor(c);
}

/** ≥ 2 distinct such numbers in one message: both are raised (docs/design/cpr-number.md §6.2, compact row). */
export function markRepeated(candidates: readonly Candidate[]): void {
  const strong = candidates.filter(isStrongCompact);
  const distinct = new Set(strong.map((c) => c.shape.digits));
  if (distinct.size >= 2) for (const c of strong) c.repeated = true;
}

/** The decision table (docs/design/cpr-number.md §6.2). Undefined: not reported. */
export function score(c: Candidate): { confidence: Confidence; reasons: CprReason[] } | undefined {
  const s = c.shape;
  const ctx = c.ctx;
  const negative = negativeFor(c);
  const strong = ctx.strong && !ctx.inUrl;
  const reasons: CprReason[] = [];

  if (s.kind === "partly-masked") {
    reasons.push("partly-masked");
    if (strong) reasons.push("keyword");
    if (c.fileName) reasons.push("in-file-name");
    return { confidence: "low", reasons };
  }
  if (s.kind === "substitute") {
    // A day+60 number written compact is a random 10-digit number unless something names it.
    if (negative || (s.written === "compact" && !strong)) return undefined;
    reasons.push("substitute-number");
    if (strong) reasons.push("keyword");
    if (c.fileName) reasons.push("in-file-name");
    return { confidence: "low", reasons };
  }
  const check = s.check;
  if (!check) return undefined;

  // Plain ifs, not a helper closure: this runs for every number found.
  if (strong) reasons.push("keyword");
  if (c.column) reasons.push("cpr-column");
  if (ctx.weak) reasons.push("weak-keyword");
  if (c.repeated) reasons.push("repeated-in-message");
  reasons.push(check.mod11 ? "mod11-pass" : "mod11-fail");
  if (check.firstOfJanuary) reasons.push("first-of-january");
  if (check.ageOver110) reasons.push("age-over-110");
  if (s.kind === "nine") reasons.push("leading-zero-restored");
  if (negative) reasons.push("negative-context");
  if (ctx.inUrl) reasons.push("in-url");
  if (s.postcodeFollows) reasons.push("postcode-follows");
  if (c.fileName) reasons.push("in-file-name");

  let level: Confidence | undefined;
  if (strong || c.column) level = "high";
  else if (s.kind === "nine") level = undefined;
  else if (s.written === "hyphen") level = negative ? "medium" : "high";
  else if (s.written === "dotted") level = negative ? "low" : "medium";
  else if (s.written === "space") {
    if (negative || s.postcodeFollows) level = "low";
    else level = check.mod11 || check.firstOfJanuary ? "high" : "medium";
  } else {
    // compact
    if (negative) level = undefined;
    else if (check.mod11 && !check.ageOver110) level = c.repeated ? "high" : "medium";
    else level = "low";
  }
  // A weak keyword (født, borger …) adds to a match but alone never makes it HIGH.
  if (level === "low" && ctx.weak && !negative) level = "medium";
  return level === undefined ? undefined : { confidence: level, reasons };
}

export function toMatch(c: Candidate, scored: { confidence: Confidence; reasons: CprReason[] }): CprMatch {
  return {
    start: c.shape.start,
    end: c.shape.end,
    masked: maskCpr(c.shape.digits),
    confidence: scored.confidence,
    form: c.shape.form,
    reasons: scored.reasons,
  };
}
