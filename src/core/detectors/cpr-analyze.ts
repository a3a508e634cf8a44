/**
 * The CPR rule's work on one text (a mail body, or one flow of a message's segments laid out by
 * cpr-structure.ts): its CPR-shaped strings (cpr-scan.ts), the table columns they form
 * (cpr-table-index.ts) and the words around each (cpr-context.ts). Scoring is cpr-score.ts.
 */
import { applySoftBreaks as softened, scanShapes as shapesIn, type Shape } from "./cpr-scan";
import { DEFAULT_CONTEXT_WINDOW, inShortCell as shortCell, keywordContext as contextOf } from "./cpr-context";
import { TableIndex } from "./cpr-table-index";
import type { Candidate } from "./cpr-score";

// Bound once: called per number, and a module binding may be read through a getter per call.
const inShortCell = shortCell;
const keywordContext = contextOf;
const applySoftBreaks = softened;
const scanShapes = shapesIn;

export interface CprOptions {
  readonly now: Date;
  /** Characters either side of a number searched for keywords; default 100. */
  readonly contextWindow?: number;
  /** Offsets of line breaks a number may cross (a PDF line wrap); every other break is hard. */
  readonly softBreaks?: readonly number[];
  /**
   * Asked now and then while reading ("read") and while scoring ("score"); true stops the pass
   * there (the send deadline). The caller decides what time means: no clock in here.
   */
  readonly shouldStop?: (phase: "read" | "score") => boolean;
  /** The first this many segments (the mail's own subject and body) are read whatever shouldStop says. */
  readonly mustRead?: number;
}

/** How often (in shapes, segments or candidates; a power of two minus one) shouldStop is asked. */
export const STOP_CHECK_MASK = 127;


/** The window, guarded against NaN, negatives and absurd values from a policy file. */
export function windowOf(options: CprOptions): number {
  const w = options.contextWindow;
  return typeof w === "number" && Number.isFinite(w) && w >= 0 ? Math.min(Math.floor(w), 10000) : DEFAULT_CONTEXT_WINDOW;
}

function isReportable(s: Shape): boolean {
  return s.kind === "cpr" || s.kind === "partly-masked" || s.kind === "substitute";
}

/** Counts toward "is this column CPR numbers": 10-digit values, valid or not. */
function isColumnValue(s: Shape): boolean {
  return (s.kind === "cpr" || s.kind === "invalid") && (s.written === "compact" || s.written === "hyphen" || s.written === "space");
}

/** Could a column raise this shape's level (or make it a finding at all)? */
function columnMatters(s: Shape): boolean {
  return (s.kind === "cpr" && s.written !== "hyphen") || s.kind === "nine";
}

export interface SegmentAnalysis {
  readonly candidates: Candidate[];
  /** shouldStop ended the reading inside this flow: candidates are those before the stop. */
  readonly stopped?: boolean;
}

/** ≥ 3 ten-digit values, ≥ 80 % valid dates: 3 random numbers pass with p ≈ 3·10⁻⁵ (docs/design/cpr-number.md §6.1). */
function isCprColumn(total: number, valid: number): boolean {
  return total >= 3 && valid >= 0.8 * total;
}

/** Does a number a column could raise sit in a table cell or list item? Only then are columns read. */
function needsColumns(t: string, shapes: readonly Shape[]): boolean {
  for (const s of shapes) if (columnMatters(s) && inShortCell(t, s.start, s.end)) return true;
  return false;
}

/**
 * The shapes a column raises: under a CPR header, or in a column of ≥ 80 % valid dates. One pass
 * over every shape of the flow (a register extract has one per line), so `shouldStop` is asked
 * every STOP_CHECK_MASK + 1 shapes; `stoppedAt` is then the first shape not looked at, and the
 * columns are judged on the shapes before it.
 */
function columnHits(t: string, shapes: readonly Shape[], shouldStop: CprOptions["shouldStop"]): Set<Shape> & { stoppedAt?: number } {
  const columnHit: Set<Shape> & { stoppedAt?: number } = new Set<Shape>();
  const table = new TableIndex(t);
  const groups = new Map<string, { total: number; valid: number; members: Shape[]; other: boolean }>();
  for (let i = 0; i < shapes.length; i++) {
    if (shouldStop && i > 0 && (i & STOP_CHECK_MASK) === 0 && shouldStop("read")) {
      columnHit.stoppedAt = i;
      break;
    }
    const s = shapes[i] as Shape;
    if (!isColumnValue(s) && s.kind !== "nine") continue;
    // Only table cells and list items form columns; a number in prose is dismissed cheaply.
    if (!inShortCell(t, s.start, s.end)) continue;
    const place = table.place(s.start);
    if (!place) continue;
    if (place.headed) columnHit.add(s);
    // A nine-digit value that is a valid date with its zero put back counts too: a spreadsheet
    // drops the leading zero of every number born on the 1st–9th (0711723308 → 711723308).
    let g = groups.get(place.key);
    if (!g) groups.set(place.key, (g = { total: 0, valid: 0, members: [], other: place.otherHeaded }));
    g.total++;
    if (s.kind === "cpr" || s.kind === "nine") {
      g.valid++;
      g.members.push(s);
    }
  }
  // A column headed "Fakturanr." or "Sagsnr." holds those numbers, however many look like dates.
  groups.forEach((g) => {
    if (!g.other && isCprColumn(g.total, g.valid)) for (const s of g.members) columnHit.add(s);
  });
  return columnHit;
}

/** A shape that becomes a candidate (a nine-digit value only where a column raised it). */
function isCandidate(s: Shape, columnHit: Set<Shape> | undefined): boolean {
  if (s.kind === "nine") return columnHit !== undefined && columnHit.has(s);
  return isReportable(s);
}

/** Per-text work: shapes, keyword context, in-text table columns. */
export function analyze(text: string, options: CprOptions, softBreaks: readonly number[] | undefined, fileName: boolean, found?: Shape[]): SegmentAnalysis {
  const t = applySoftBreaks(text, softBreaks);
  const shapes = found ?? scanShapes(t, options.now);
  if (shapes.length === 0) return { candidates: [] };
  const window = windowOf(options);
  const shouldStop = options.shouldStop;
  const columnHit = needsColumns(t, shapes) ? columnHits(t, shapes, shouldStop) : undefined;
  // The column pass stopped: only the shapes it looked at are read.
  const end = columnHit?.stoppedAt ?? shapes.length;

  const candidates: Candidate[] = [];
  let n = 0;
  for (let i = 0; i < end; i++) {
    const s = shapes[i] as Shape;
    if (shouldStop && (++n & STOP_CHECK_MASK) === 0 && shouldStop("read")) return { candidates, stopped: true };
    if (!isCandidate(s, columnHit)) continue;
    const column = columnHit !== undefined && columnHit.has(s);
    candidates.push({ shape: s, ctx: keywordContext(t, s.start, s.end, window), column, repeated: false, fileName });
  }
  return end < shapes.length ? { candidates, stopped: true } : { candidates };
}

/**
 * What analyze() gives for the flow of segments [from, to), without laying the flow out, when no
 * number in it can see past its own segment: no soft breaks, both keyword windows of every number
 * inside its segment, and no number a column could raise in a table cell or list item (the URL
 * and short-cell tests stop at a segment's edge, which the flow marks with a tab or line break).
 * `texts` are the segments as scanned. Shapes are moved to where layOut would put their segment,
 * so the flow's `starts` map them back. Undefined: the flow must be laid out.
 */
export function analyzeAlone(
  texts: readonly (string | undefined)[],
  shapesOf: readonly (Shape[] | undefined)[],
  from: number,
  to: number,
  options: CprOptions,
  fileName: boolean,
): (SegmentAnalysis & { readonly starts: number[] }) | undefined {
  const window = windowOf(options);
  for (let k = from; k < to; k++) {
    const shapes = shapesOf[k];
    if (!shapes) continue;
    const t = texts[k] as string;
    for (const s of shapes) {
      if (s.start < window || s.end + window > t.length) return undefined;
      if (columnMatters(s) && inShortCell(t, s.start, s.end)) return undefined;
    }
  }
  const candidates: Candidate[] = [];
  const starts: number[] = [];
  const shouldStop = options.shouldStop;
  let n = 0;
  let at = 0;
  for (let k = from; k < to; k++) {
    starts.push(at);
    const shapes = shapesOf[k];
    const t = texts[k];
    if (shapes && t !== undefined) {
      for (const s of shapes) {
        if (shouldStop && (++n & STOP_CHECK_MASK) === 0 && shouldStop("read")) return { candidates, stopped: true, starts };
        if (!isReportable(s)) continue;
        const shape = at === 0 ? s : { ...s, start: s.start + at, end: s.end + at };
        candidates.push({ shape, ctx: keywordContext(t, s.start, s.end, window), column: false, repeated: false, fileName });
      }
    }
    // A segment without shapes takes one place: nothing maps into it.
    at += (t === undefined ? 0 : t.length) + 1;
  }
  return { candidates, starts };
}
