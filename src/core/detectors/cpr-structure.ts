/**
 * One rule for every carrier (docs/cpr-rule.en.md): the segments a reader emits one line, paragraph
 * or cell at a time are laid out again as the text the mail body gives the CPR rule — lines end in
 * a newline, table cells are separated by tabs and rows by newlines, a paragraph break inside a
 * cell is U+2028 — so a "CPR-nr." header above a column, a "Personnummer" label cell to the left,
 * or a label line above a number reaches the number exactly as it does in an HTML body.
 *
 * A "flow" is a run of consecutive segments from one place of one part (the lines of a .txt, the
 * cells of one sheet, the body paragraphs of a .docx). The separators are hard breaks for the
 * matcher (a number never crosses them), so a finding always lies inside one segment.
 */
import type { TextSegment } from "../location";
import { LONG_LINE, cellOf as cellAt, layOut, sliceLength, type Flow } from "./cpr-flow-layout";

// Bound once: called per segment, and a module binding read through a bundler's getter on each
// call showed up in the profile (bench/cpr.bench.ts).
const cellOf = cellAt;

export { segmentAt, withTabs, type Flow } from "./cpr-flow-layout";

/**
 * Do two segments that follow each other belong to one flow: one part, one file, one place (the
 * same sheet, section, slide or mail part)? File names never join. Compared field by field: this
 * runs for every segment of a register extract.
 */
function sameFlow(a: TextSegment, b: TextSegment): boolean {
  const la = a.location;
  const lb = b.location;
  if (la.part !== lb.part || la.attachment !== lb.attachment) return false;
  const pa = la.place;
  const pb = lb.place;
  if (pa === undefined || pb === undefined) return pa === pb;
  if (pa.kind !== pb.kind) return false;
  switch (pa.kind) {
    case "file-name":
      return false;
    case "cell":
      return pa.sheet === (pb as typeof pa).sheet;
    case "section":
      return pa.section === (pb as typeof pa).section;
    case "slide":
      return pa.slide === (pb as typeof pa).slide && pa.notes === (pb as typeof pa).notes;
    case "mail-part":
      return pa.part === (pb as typeof pa).part;
    default:
      return true;
  }
}

/**
 * The cell delimiter of a .csv/.tsv-like run of lines: `;` (Danish Excel), tab, or `,` in a file
 * named .csv, when the first lines hold it equally often. Undefined for prose.
 */
function delimiterOf(segments: readonly TextSegment[], from: number, to: number): string | undefined {
  const first = segments[from] as TextSegment;
  if (first.location.place?.kind !== "line" || to - from < 2) return undefined;
  const name = (first.location.attachment ?? "").toLowerCase();
  // A comma is too common in prose to mean "cell" unless the file says it is comma-separated.
  const choices = /\.csv$/.test(name) ? [";", "\t", ","] : [";", "\t"];
  for (const d of choices) {
    const n = count(first.text, d);
    if (n === 0) continue;
    let same = 0;
    const last = Math.min(to, from + 5);
    for (let i = from + 1; i < last; i++) if (count((segments[i] as TextSegment).text, d) === n) same++;
    if (same >= Math.min(2, last - from - 1)) return d;
  }
  return undefined;
}

function count(s: string, d: string): number {
  let n = 0;
  for (let i = s.indexOf(d); i >= 0; i = s.indexOf(d, i + 1)) n++;
  return n;
}

/** A run of segments read as one flow (the lines of a file, the cells of a sheet), and its delimiter. */
export interface FlowGroup {
  readonly from: number;
  readonly to: number;
  readonly fileName: boolean;
  /** The delimiter of a delimited text file (becomes a tab); undefined elsewhere. */
  readonly delimiter: string | undefined;
  readonly single: boolean;
}

/**
 * The flow groups of a message's segments, in order: cheap (it reads at most five lines a group),
 * yet one pass over every segment, tens of ms on a register extract. So `stop` (the send's
 * deadline) is asked every PLAN_CHECK_SEGMENTS segments from `mustRead` on; when it says stop, the
 * groups end there and `stoppedAt` is the first segment that no group holds.
 */
export function flowGroups(segments: readonly TextSegment[], stop?: () => boolean, mustRead = 0): FlowGroup[] & { stoppedAt?: number } {
  const groups: FlowGroup[] & { stoppedAt?: number } = [];
  const n = segments.length;
  let passed = 0;
  let cut = false;
  const stopAt = (k: number): boolean => stop !== undefined && k >= mustRead && ++passed % PLAN_CHECK_SEGMENTS === 0 && (cut = stop());
  for (let i = 0, j = 1; i < n; i = j++) {
    const first = segments[i] as TextSegment;
    while (j < n && sameFlow(first, segments[j] as TextSegment) && !stopAt(j)) j++;
    const single = j - i === 1;
    groups.push({ from: i, to: j, fileName: first.location.place?.kind === "file-name", delimiter: single ? undefined : delimiterOf(segments, i, j), single });
    if (cut || (j < n && stopAt(j))) {
      groups.stoppedAt = j;
      break;
    }
  }
  return groups;
}

/** One flow to lay out: segments [from, to), with context slices of its neighbours (layOut). */
export interface FlowPlan {
  readonly from: number;
  readonly to: number;
  readonly fileName: boolean;
  readonly delimiter: string | undefined;
  readonly context?: { readonly head: boolean; readonly tail: boolean; readonly window: number };
}

/**
 * The flows of the groups, as plans: a caller that lays each out only when it reads it holds one
 * flow's text at a time. With `needed` (per segment: does it hold a CPR-shaped string), only the
 * parts of a flow the rule can look at are planned: the table or list run each such segment is in,
 * and at least `window` characters either side. Joining all of a 10 MB file to read three numbers
 * would cost more than reading it (bench/cpr.bench.ts).
 */
export function flowPlans(segments: readonly TextSegment[], groups: readonly FlowGroup[], needed: readonly boolean[] | undefined, window = 100): FlowPlan[] {
  const plans: FlowPlan[] = [];
  for (const g of groups) plansOfGroup(segments, g, needed, window, plans);
  return plans;
}

/**
 * The plans of one group (flowPlans), appended to `plans`: a pass plans a group when it gets to it.
 * `stop` is asked every PLAN_CHECK_SEGMENTS segments of a long group (a register extract is one);
 * when it says stop, the plans end there and the index of the first segment not planned is returned.
 */
export function plansOfGroup(
  segments: readonly TextSegment[],
  g: FlowGroup,
  needed: readonly boolean[] | undefined,
  window: number,
  plans: FlowPlan[],
  stop?: () => boolean,
): number | undefined {
  if (g.single) {
    if (!needed || needed[g.from]) plans.push({ from: g.from, to: g.to, fileName: g.fileName, delimiter: undefined });
  } else if (!needed) {
    plans.push({ from: g.from, to: g.to, fileName: g.fileName, delimiter: g.delimiter });
  } else {
    const gate = stop ? { stop, at: undefined as number | undefined } : undefined;
    for (const r of neededRanges(segments, g.from, g.to, needed, window, g.delimiter, gate)) {
      plans.push({ from: r.a, to: r.b, fileName: g.fileName, delimiter: g.delimiter, context: { head: r.head, tail: r.tail, window } });
    }
    return gate?.at;
  }
  return undefined;
}

/** plansOfGroup asks its `stop` once per this many segments (a power of two). */
export const PLAN_CHECK_SEGMENTS = 1024;

/** One plan laid out; `stop` ends a long flow early (layOut). */
export function layOutPlan(segments: readonly TextSegment[], p: FlowPlan, stop?: () => boolean): Flow {
  return layOut(segments, p.from, p.to, p.fileName, p.delimiter, p.context, stop);
}

/** flowPlans, laid out. */
export function flowsOfGroups(segments: readonly TextSegment[], groups: readonly FlowGroup[], needed: readonly boolean[] | undefined, window = 100): Flow[] {
  return flowPlans(segments, groups, needed, window).map((p) => layOutPlan(segments, p));
}

/** flowGroups + flowsOfGroups in one call; `isNeeded` is asked once per segment, in order. */
export function flowsOf(
  segments: readonly TextSegment[],
  isNeeded?: (index: number, delimiter: string | undefined) => boolean,
  window = 100,
): Flow[] {
  const groups = flowGroups(segments);
  if (!isNeeded) return flowsOfGroups(segments, groups, undefined, window);
  const needed: boolean[] = [];
  for (const g of groups) for (let k = g.from; k < g.to; k++) needed[k] = isNeeded(k, g.delimiter);
  return flowsOfGroups(segments, groups, needed, window);
}

/** Runs are followed back this many segments at most (MAX_RUN_LINES in cpr-context.ts). */
const MAX_RUN = 1000;

/**
 * Does a table or list run end between segment k-1 and k in the laid-out text? Errs towards "no"
 * (a longer range costs time, a shorter one would change the result).
 */
function breaksBefore(segments: readonly TextSegment[], k: number, delimiter: string | undefined): boolean {
  const prev = segments[k - 1] as TextSegment;
  const seg = segments[k] as TextSegment;
  const pc = cellOf(prev);
  const c = cellOf(seg);
  if (pc && c && pc.table === c.table && (c.row > pc.row || (c.row === pc.row && c.col >= pc.col))) return false;
  if (pc || c) return true;
  const a = prev.location.place;
  const b = seg.location.place;
  if (a?.kind === "line" && b?.kind === "line" && b.line > a.line + 1) return true;
  const t = prev.text;
  return t.length > LONG_LINE && t.indexOf("\t") < 0 && t.indexOf("\n") < 0 && (delimiter === undefined || t.indexOf(delimiter) < 0);
}

/**
 * Segments [a, b) around the needed ones, merged, in order. A long line next to a range adds only
 * the part of it the rule can see (`head`: the end of segment a-1, `tail`: the start of segment b).
 */
interface Range {
  a: number;
  b: number;
  head: boolean;
  tail: boolean;
}

/**
 * Does planning stop at segment `at`: a check point (every PLAN_CHECK_SEGMENTS segments walked
 * forward from `from`, never the first) where the gate's stop says so. Plain functions, not
 * closures: neededRanges runs once per segment of a long file.
 */
function halts(gate: { readonly stop: () => boolean; at: number | undefined }, at: number, from: number): boolean {
  if (at === from || ((at - from) & (PLAN_CHECK_SEGMENTS - 1)) !== 0 || !gate.stop()) return false;
  gate.at = at;
  return true;
}

/** A segment's length in the laid-out text, with its separator. */
function segLen(segments: readonly TextSegment[], k: number): number {
  return (segments[k] as TextSegment).text.length + 1;
}

function neededRanges(
  segments: readonly TextSegment[],
  from: number,
  to: number,
  needed: readonly boolean[],
  window: number,
  delimiter: string | undefined,
  gate?: { readonly stop: () => boolean; at: number | undefined },
): Range[] {
  const ranges: Range[] = [];
  const slice = sliceLength(window);
  let end = from; // end of the last range
  let charsToEnd = 0; // characters from just after the last needed segment to `end`
  for (let k = from; k < to; k++) {
    if (gate && halts(gate, k, from)) break;
    if (!needed[k]) {
      if (k < end) charsToEnd -= segLen(segments, k);
      continue;
    }
    let chars: number;
    let range = ranges[ranges.length - 1];
    if (k >= end) {
      let a = k;
      let back = 0;
      let head = false;
      for (let steps = 0; a > Math.max(from, end); steps++) {
        const broken = steps >= MAX_RUN || breaksBefore(segments, a, delimiter);
        if (back >= window && broken) break;
        if (broken && segLen(segments, a - 1) > slice + 1) {
          head = true;
          break;
        }
        a--;
        back += segLen(segments, a);
      }
      if (range && a <= range.b) range.tail = false;
      else ranges.push((range = { a, b: a, head, tail: false }));
      end = k + 1;
      chars = 0;
    } else chars = charsToEnd - segLen(segments, k);
    let tail = false;
    while (end < to) {
      if (gate && halts(gate, end, from)) break;
      const broken = breaksBefore(segments, end, delimiter);
      if (chars >= window && broken) break;
      if (broken && segLen(segments, end) > slice + 1) {
        tail = true;
        break;
      }
      chars += segLen(segments, end);
      end++;
    }
    charsToEnd = chars;
    (range as Range).b = end;
    (range as Range).tail = tail;
    if (gate?.at !== undefined) break;
  }
  return ranges;
}
