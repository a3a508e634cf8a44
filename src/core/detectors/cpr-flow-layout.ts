/**
 * Laying segments out as the text the mail body gives the CPR rule (docs/cpr-rule.en.md): lines
 * end in a newline, table cells are separated by tabs and rows by newlines, a paragraph break
 * inside a cell is U+2028. cpr-structure.ts decides which segments form a flow; this module writes
 * one flow's text and maps offsets in it back to segments.
 */
import type { TextSegment } from "../location";

export interface Flow {
  readonly text: string;
  /**
   * Index in the segment list of each segment of the flow (-1 for a context slice of a neighbour,
   * whose numbers belong to another flow), and where its text starts in `text`.
   */
  readonly segs: readonly number[];
  readonly starts: readonly number[];
  /** Soft breaks of the segments, shifted into `text`. */
  readonly softBreaks: readonly number[] | undefined;
  readonly fileName: boolean;
  /** layOut's `stop` said so: the flow ends early, its later segments are not in it. */
  readonly stopped?: boolean;
}

export interface Cell {
  readonly table: string;
  readonly row: number;
  readonly col: number;
}

const CELL_REF = /^([A-Za-z]{1,3})([0-9]{1,7})(?::|$)/;
/** Empty columns beyond this many are not laid out (a cell at column XFD would be 16,000 tabs). */
const MAX_GAP = 256;

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 0x60);
  return n - 1;
}

export function cellOf(seg: TextSegment): Cell | undefined {
  const t = seg.tableCell;
  if (t) return { table: "t" + t.table, row: t.row, col: t.col };
  const place = seg.location.place;
  if (place?.kind !== "cell") return undefined;
  const ref = CELL_REF.exec(place.cell);
  if (!ref) return undefined;
  return { table: "s", row: Number(ref[2]) - 1, col: columnIndex(ref[1] as string) };
}

function tabs(n: number): string {
  let s = "";
  for (let i = 0; i < Math.min(n, MAX_GAP); i++) s += "\t";
  return s;
}

/**
 * What goes between two segments of one flow. A row ends with the tabs of its empty cells up to
 * the table's last column (`width`), as an HTML table writes them: a row stays a table row.
 */
function separator(prev: TextSegment, prevCell: Cell | undefined, seg: TextSegment, cell: Cell | undefined, width: number): string {
  if (cell && prevCell && cell.table === prevCell.table) {
    if (cell.row === prevCell.row) {
      if (cell.col === prevCell.col) return "\u2028";
      if (cell.col > prevCell.col) return tabs(cell.col - prevCell.col);
    } else if (cell.row > prevCell.row) return tabs(width - prevCell.col) + "\n" + tabs(cell.col);
  }
  // A table starts or ends: a blank line, so neither the paragraph above nor the one below is read
  // as a row of it (in HTML, the table's own block boundaries do this).
  const end = prevCell ? tabs(width - prevCell.col) + "\n\n" : "\n\n";
  if (cell) return end + tabs(cell.col);
  if (prevCell) return end;
  const a = prev.location.place;
  const b = seg.location.place;
  // A blank line the reader dropped still ends a list, as it does in the body.
  if (a?.kind === "line" && b?.kind === "line" && b.line > a.line + 1) return "\n\n";
  return "\n";
}

/** Same length, so offsets stay: each delimiter becomes a tab (a cell boundary). */
export function withTabs(s: string, d: string | undefined): string {
  return d === undefined || d === "\t" ? s : s.split(d).join("\t");
}


/** A line this long without a tab ends a table or list run (MAX_LIST_LINE in cpr-context.ts). */
export const LONG_LINE = 100;

/** What a context slice keeps: more than the window (a keyword at its edge), and still a long line. */
export function sliceLength(window: number): number {
  return Math.max(window + 64, LONG_LINE + 1);
}

/** layOut asks its `stop` once per this many segments (a power of two). */
export const LAYOUT_CHECK_SEGMENTS = 1024;
const CHECK_MASK = LAYOUT_CHECK_SEGMENTS - 1;

/**
 * Does layOut end the flow before segment i: a check point (every LAYOUT_CHECK_SEGMENTS segments
 * from `lo`, never the first, never past the flow's own segments) where `stop` says so. A plain
 * function, not a closure per flow: the bench's build names each closure it creates.
 */
function cutsAt(stop: () => boolean, i: number, lo: number, to: number): boolean {
  return i !== lo && ((i - lo) & CHECK_MASK) === 0 && i < to && stop();
}

/**
 * One flow of segments [from, to), with context slices before and after (segment index -1).
 * `stop` (the send's deadline) is asked every LAYOUT_CHECK_SEGMENTS segments, never before the
 * first such run: a register extract is one flow of 100,000s of lines. When it says stop, the flow
 * ends there (`stopped`), without the tail slice.
 */
export function layOut(
  segments: readonly TextSegment[],
  from: number,
  to: number,
  fileName: boolean,
  delimiter: string | undefined,
  context?: { head: boolean; tail: boolean; window: number },
  stop?: () => boolean,
): Flow {
  const first = segments[from] as TextSegment;
  if (to - from === 1 && !context?.head && !context?.tail) {
    const text = withTabs(first.text, delimiter);
    return { text, segs: [from], starts: [0], softBreaks: first.softBreaks, fileName };
  }
  const slice = context ? sliceLength(context.window) : 0;
  const lo = context?.head ? from - 1 : from;
  let hi = context?.tail ? to + 1 : to;
  let stopped = false;
  const parts: string[] = [];
  const segs: number[] = [];
  const starts: number[] = [];
  let soft: number[] | undefined;
  let at = 0;
  let prev: TextSegment | undefined;
  let prevCell: Cell | undefined;
  const cells: (Cell | undefined)[] = [];
  const widths = new Map<string, number>();
  for (let i = lo; i < hi; i++) {
    if (stop && cutsAt(stop, i, lo, to)) {
      hi = i;
      stopped = true;
      break;
    }
    const cell = cellOf(segments[i] as TextSegment);
    cells.push(cell);
    if (cell && cell.col > (widths.get(cell.table) ?? -1)) widths.set(cell.table, cell.col);
  }
  for (let i = lo; i < hi; i++) {
    if (stop && cutsAt(stop, i, lo, to)) {
      hi = i;
      stopped = true;
      break;
    }
    const seg = segments[i] as TextSegment;
    const cell = cells[i - lo];
    const width = prevCell ? (widths.get(prevCell.table) as number) : 0;
    const sep = prev ? separator(prev, prevCell, seg, cell, width) : cell ? tabs(cell.col) : "";
    parts.push(sep);
    at += sep.length;
    const isContext = i < from || i >= to;
    segs.push(isContext ? -1 : i);
    starts.push(at);
    if (seg.softBreaks && !isContext) {
      soft = soft ?? [];
      for (const b of seg.softBreaks) soft.push(b + at);
    }
    let text = withTabs(seg.text, delimiter);
    if (i < from) text = text.slice(text.length - slice);
    else if (i >= to) text = text.slice(0, slice);
    parts.push(text);
    at += text.length;
    prev = seg;
    prevCell = cell;
  }
  if (prevCell) parts.push(tabs((widths.get(prevCell.table) as number) - prevCell.col));
  const flow: Flow = { text: parts.join(""), segs, starts, softBreaks: soft, fileName };
  return stopped ? { ...flow, stopped } : flow;
}

/** Which segment of `flow` holds offset `at` (binary search over the starts). */
export function segmentAt(flow: Pick<Flow, "starts">, at: number): number {
  const s = flow.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
