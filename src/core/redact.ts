/**
 * The one way to mask CPR numbers in a string (maskCprNumbers); the variants are options:
 * - which numbers: those the CPR rule finds (default), only those with one masked form (`only`:
 *   the task pane's "mask this number"), or given spans (`spans`);
 * - how: "replace" (default) puts `DDMMYY-****` in place of each number, for strings that came from
 *   the mail but are not scanned text (attachment names, addresses, file paths) and are shown back
 *   in alerts, the task pane or the CLI; "in-place" changes only the serial characters and keeps the
 *   rest as the user wrote it (the one-click fix in the mail itself), and says per number what each
 *   character became (`edits`), for an editor that holds the text in pieces (the HTML body's nodes).
 */
import { findCprNumbers } from "./detectors/cpr";
import { maskChars, maskCprInText, type Span } from "./detectors/mask";
import type { MaskedCpr } from "./finding";

export interface MaskOptions {
  /** The CPR rule's clock (a birth date in the future is no number). Default: now. */
  readonly now?: Date;
  /** Mask these spans instead of the numbers the CPR rule finds. */
  readonly spans?: readonly Span[];
  /** Only the numbers whose masked form is this one (two numbers may share it). */
  readonly only?: MaskedCpr;
  readonly style?: "replace" | "in-place";
}

/** In-place masking of one number: `chars[i]` replaces the UTF-16 unit at `start + i`. */
export interface MaskEdit extends Span {
  readonly chars: readonly string[];
}

export interface MaskResult {
  readonly text: string;
  /** How many numbers were masked; 0 means `text` is the input, unchanged. */
  readonly masked: number;
  /** "in-place" only: what each number's characters became, in the order masked. */
  readonly edits: readonly MaskEdit[];
}

export function maskCprNumbers(text: string, options: MaskOptions = {}): MaskResult {
  let spans = options.spans;
  if (!spans) {
    // Full-width digits count too: the matcher folds them (NFKC) into a number.
    if (!/[0-9\uFF10-\uFF19]/.test(text)) return { text, masked: 0, edits: [] };
    const found = findCprNumbers(text, { now: options.now ?? new Date() });
    const only = options.only;
    spans = only === undefined ? found : found.filter((m) => m.masked === only);
  }
  if (spans.length === 0) return { text, masked: 0, edits: [] };
  if (options.style !== "in-place") return { text: maskCprInText(text, spans), masked: spans.length, edits: [] };
  // The rule's offsets are UTF-16 units, so work in units, not code points.
  const units = text.split("");
  const out = units.slice();
  const edits: MaskEdit[] = [];
  for (const m of spans) {
    const chars = maskChars(units.slice(m.start, m.end));
    for (let i = 0; i < chars.length; i++) out[m.start + i] = chars[i] ?? "";
    edits.push({ start: m.start, end: m.end, chars });
  }
  return { text: out.join(""), masked: spans.length, edits };
}

/** Every CPR number in `text` replaced by `DDMMYY-****`: maskCprNumbers with its defaults. */
export function redactCpr(text: string, now: Date = new Date()): string {
  return maskCprNumbers(text, { now }).text;
}
