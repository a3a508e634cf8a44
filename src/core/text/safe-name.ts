/**
 * Names taken from a mail (attachment and zip-entry names, display names, sheet names) are chosen
 * by the sender. Before one goes into a sentence a user reads (the Smart Alerts dialog, the task
 * pane, the CLI) it is made to look like a name and nothing else: no line breaks that start a
 * paragraph of the attacker's own ("Alt er kontrolleret …"), no control characters (ANSI escapes
 * in a terminal), no bidi controls that reorder what follows (an "exe.pdf" that reads "fdp.exe"),
 * and no unbounded length. See docs/design/hostile-input.md. ES2016 built-ins only (send bundle).
 */

/** Longest name shown; longer ones keep their start and end (the extension) around "…". */
export const MAX_SHOWN_NAME = 120;

// Line and paragraph breaks of every kind, and tabs: a name is one line.
const BREAKS = /[\r\n\t\v\f\u0085\u2028\u2029]+/g;
// Other C0 controls, DEL, C1 controls (ESC starts ANSI sequences; U+009B is the 8-bit CSI).
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), and the marks
// (LRM, RLM, ALM) that steer them.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `name` made safe to show: one line, no controls, no bidi steering, at most `max` characters. */
export function safeName(name: string, max: number = MAX_SHOWN_NAME): string {
  let s = name.replace(BREAKS, " ").replace(CONTROLS, "").replace(BIDI, "").replace(/ {2,}/g, " ");
  s = s.replace(/^ +| +$/g, "");
  if (s.length <= max) return s;
  let head = Math.ceil((max - 1) / 2);
  let tail = s.length - Math.floor((max - 1) / 2);
  // Never cut a surrogate pair in two.
  if (isLowSurrogate(s.charCodeAt(head))) head--;
  if (isLowSurrogate(s.charCodeAt(tail))) tail++;
  return `${s.slice(0, head)}…${s.slice(tail)}`;
}

/**
 * Text for a terminal: every control character (C0 but line feed, DEL, C1) shown as a visible
 * escape, so a name cannot move the cursor, clear the screen or recolour a verdict.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${(code < 16 ? "0" : "") + code.toString(16)}` : `\\u${code.toString(16)}`;
  });
}
