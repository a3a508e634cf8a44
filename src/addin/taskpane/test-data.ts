/**
 * Findings for the task pane's tests, with synthetic masked numbers only. A finding never holds the
 * full number, so neither can these.
 */
import type {
  Action,
  CprFinding,
  InvalidRecipientFinding,
  LookalikeFinding,
  Location,
  MaskedCpr,
  UnreadableAttachmentFinding,
  Verdict,
} from "../../core";
import { stricter } from "../../core";
import { lookalikeFinding } from "../../../test/helpers/sample-findings";

export function cprFinding(masked: string, location: Location, confidence: CprFinding["confidence"] = "high"): CprFinding {
  return { kind: "cpr", location, masked: masked as MaskedCpr, confidence, form: "hyphen", reasons: [], span: { start: 0, end: 11 } };
}

export const lookalike: LookalikeFinding = lookalikeFinding();

export const invalidRecipient: InvalidRecipientFinding = { kind: "invalid-recipient", recipient: "borger@@example", field: "cc" };

export const encryptedZip: UnreadableAttachmentFinding = { kind: "unreadable-attachment", attachment: "Bilag.zip", why: "encrypted" };

/** A verdict over the given reasons, combined by core's own rule (`stricter`), not a copy of it. */
export function verdictOf(reasons: ReadonlyArray<{ finding: Verdict["reasons"][number]["finding"]; action: Action }>, extra: Partial<Verdict> = {}): Verdict {
  const verdict = reasons.reduce<Action>((v, r) => stricter(v, r.action), "allow");
  return { verdict, reasons, ...extra };
}
