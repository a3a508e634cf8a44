/**
 * The CPR rule: finds Danish CPR numbers and says how sure it is (docs/design/cpr-number.md §6).
 *
 * - A number counts when its birth date is real and not in the future (century from the 7th digit,
 *   clock injected). Modulus 11 only raises confidence: post-2007 numbers fail it (docs/design/cpr-number.md §1.4).
 * - The written form is the main signal: `DDMMYY-SSSS` is HIGH alone; a bare 10-digit number needs
 *   a keyword, a "CPR column", or modulus 11 plus a second such number in the message.
 * - Findings carry `DDMMYY-****` and offsets, never the digits.
 * The levels follow the decision table in docs/design/cpr-number.md §6.2.
 *
 * The modules, in the order a number meets them: cpr-scan.ts finds the CPR-shaped strings
 * (cpr-forms.ts reads the written forms, cpr-date.ts the date and century), cpr-analyze.ts adds
 * what the text around says (cpr-context.ts with cpr-keywords.ts, cpr-table-index.ts for columns),
 * cpr-score.ts applies the decision table, and cpr-pass.ts runs all of it over a message's
 * segments laid out by cpr-structure.ts.
 */
import type { CprFinding } from "../finding";
import type { TextSegment } from "../location";
import { analyze, type CprOptions } from "./cpr-analyze";
import { markRepeated, score as scoreOne, toMatch as matchOf, type CprMatch } from "./cpr-score";
import { findCprPass } from "./cpr-pass";

// Bound once: called per number, and a module binding read through a bundler's getter on each
// call showed up in the profile (bench/cpr.bench.ts).
const score = scoreOne;
const toMatch = matchOf;

export type { CprOptions } from "./cpr-analyze";
export type { CprMatch } from "./cpr-score";
export { findCprPass, startCprPass, type CprPass, type CprPassResult } from "./cpr-pass";

/** Every CPR number in one text, scored with the context of that text alone. */
export function findCprNumbers(text: string, options: CprOptions): CprMatch[] {
  const { candidates } = analyze(text, options, options.softBreaks, false);
  markRepeated(candidates);
  const out: CprMatch[] = [];
  for (const c of candidates) {
    const scored = score(c);
    if (scored) out.push(toMatch(c, scored));
  }
  return out;
}

/**
 * Every CPR number in a message's segments. The segments of one place (the lines of a file, the
 * cells of a sheet, the paragraphs and table cells of a document) are read together, laid out as
 * the mail body is (cpr-structure.ts), so a header, a label cell or a label line reaches the number
 * in every format alike; "≥ 2 valid compact numbers" counts over the whole message.
 */
export function findCprInSegments(segments: readonly TextSegment[], options: CprOptions): CprFinding[] {
  return findCprPass(segments, options).findings;
}
