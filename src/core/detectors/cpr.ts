/**
 * The CPR rule: finds Danish CPR numbers and says how sure it is (cpr.md §6).
 *
 * - A number counts when its birth date is real and not in the future (century from the 7th digit,
 *   clock injected). Modulus 11 only raises confidence: post-2007 numbers fail it (cpr.md §1.4).
 * - The written form is the main signal: `DDMMYY-SSSS` is HIGH alone; a bare 10-digit number needs
 *   a keyword, a "CPR column", or modulus 11 plus a second such number in the message.
 * - Findings carry `DDMMYY-****` and offsets, never the digits.
 * The levels follow the decision table in cpr.md §6.2; `score` below is that table.
 */
import type { Confidence, CprFinding, CprForm, CprReason, MaskedCpr } from "../finding";
import type { TextSegment } from "../location";
import { applySoftBreaks, scanShapes, type Shape } from "./cpr-scan";
import {
  DEFAULT_CONTEXT_WINDOW,
  TableIndex,
  inShortCell as shortCell,
  isCprHeader,
  keywordContext as contextOf,
  type KeywordContext,
} from "./cpr-context";
import { maskCpr as mask } from "./mask";

// Bound once: called per number, and a module binding may be read through a getter per call.
const inShortCell = shortCell;
const keywordContext = contextOf;
const maskCpr = mask;

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
const STOP_CHECK_MASK = 127;

export interface CprMatch {
  readonly start: number;
  readonly end: number;
  readonly masked: MaskedCpr;
  readonly confidence: Confidence;
  readonly form: CprForm;
  readonly reasons: readonly CprReason[];
}

/** A shape with everything known about it before scoring. Internal: it holds the digits. */
interface Candidate {
  readonly shape: Shape;
  readonly ctx: KeywordContext;
  column: boolean;
  repeated: boolean;
  readonly fileName: boolean;
}

/** The window, guarded against NaN, negatives and absurd values from a policy file. */
function windowOf(options: CprOptions): number {
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

interface SegmentAnalysis {
  readonly candidates: Candidate[];
  /** Shapes per segment for the cross-segment column rules (cells of one spreadsheet column). */
  readonly shapes: readonly Shape[];
  /** shouldStop ended the reading inside this segment: candidates are those before the stop. */
  readonly stopped?: boolean;
}

/** Per-segment work: shapes, keyword context, in-text table columns. */
function analyze(text: string, options: CprOptions, softBreaks: readonly number[] | undefined, fileName: boolean): SegmentAnalysis {
  const t = applySoftBreaks(text, softBreaks);
  const shapes = scanShapes(t, options.now);
  if (shapes.length === 0) return { candidates: [], shapes };
  const window = windowOf(options);

  const columnHit = new Set<Shape>();
  // Column work only when a number that a column could raise sits in a table cell or list item.
  let needColumns = false;
  for (const s of shapes) {
    if (columnMatters(s) && inShortCell(t, s.start, s.end)) {
      needColumns = true;
      break;
    }
  }
  if (needColumns) {
    const table = new TableIndex(t);
    const groups = new Map<string, { total: number; valid: number; members: Shape[] }>();
    for (const s of shapes) {
      if (!isColumnValue(s) && s.kind !== "nine") continue;
      // Only table cells and list items form columns; a number in prose is dismissed cheaply.
      if (!inShortCell(t, s.start, s.end)) continue;
      const place = table.place(s.start);
      if (!place) continue;
      if (place.headed) columnHit.add(s);
      if (!isColumnValue(s)) continue;
      let g = groups.get(place.key);
      if (!g) groups.set(place.key, (g = { total: 0, valid: 0, members: [] }));
      g.total++;
      if (s.kind === "cpr") {
        g.valid++;
        g.members.push(s);
      }
    }
    for (const g of groups.values()) if (isCprColumn(g.total, g.valid)) for (const s of g.members) columnHit.add(s);
  }

  const candidates: Candidate[] = [];
  const shouldStop = options.shouldStop;
  let n = 0;
  for (const s of shapes) {
    if (shouldStop && (++n & STOP_CHECK_MASK) === 0 && shouldStop("read")) return { candidates, shapes, stopped: true };
    if (s.kind === "nine" && !columnHit.has(s)) continue;
    if (!isReportable(s) && s.kind !== "nine") continue;
    candidates.push({
      shape: s,
      ctx: keywordContext(t, s.start, s.end, window),
      column: columnHit.has(s),
      repeated: false,
      fileName,
    });
  }
  return { candidates, shapes };
}

/** ≥ 3 ten-digit values, ≥ 80 % valid dates: 3 random numbers pass with p ≈ 3·10⁻⁵ (cpr.md §6.1). */
function isCprColumn(total: number, valid: number): boolean {
  return total >= 3 && valid >= 0.8 * total;
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

/** ≥ 2 distinct such numbers in one message: both are raised (cpr.md §6.2, compact row). */
function markRepeated(candidates: readonly Candidate[]): void {
  const strong = candidates.filter(isStrongCompact);
  const distinct = new Set(strong.map((c) => c.shape.digits));
  if (distinct.size >= 2) for (const c of strong) c.repeated = true;
}

/** The decision table (cpr.md §6.2). Undefined: not reported. */
function score(c: Candidate): { confidence: Confidence; reasons: CprReason[] } | undefined {
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

function toMatch(c: Candidate, scored: { confidence: Confidence; reasons: CprReason[] }): CprMatch {
  return {
    start: c.shape.start,
    end: c.shape.end,
    masked: maskCpr(c.shape.digits),
    confidence: scored.confidence,
    form: c.shape.form,
    reasons: scored.reasons,
  };
}

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

const CELL_REF = /^([A-Za-z]{1,3})([0-9]{1,7})$/;

/**
 * Every CPR number in a message's segments. Keywords count within a segment only; the message-wide
 * rules are "≥ 2 valid compact numbers" and spreadsheet columns spread over cell segments.
 */
export function findCprInSegments(segments: readonly TextSegment[], options: CprOptions): CprFinding[] {
  return findCprPass(segments, options).findings;
}

export interface CprPassResult {
  readonly findings: CprFinding[];
  /** options.shouldStop ended the pass: segments from this index on were not, or not fully, read. */
  readonly stoppedAt?: number;
}

/**
 * The CPR pass as steps a driver runs: `read` analyses segments until `pause()` says so (checked
 * between segments, so reading resumes where it paused) or options.shouldStop ends the reading
 * (checked inside segments too); `finish` applies the message-wide rules to what was read and
 * scores it. A driver that yields between reads keeps each slice short; no timers in here.
 */
export interface CprPass {
  /** Reads on; true once every segment is read or the reading was stopped. */
  read(pause?: () => boolean): boolean;
  finish(): CprPassResult;
}

export function startCprPass(segments: readonly TextSegment[], options: CprOptions): CprPass {
  const shouldStop = options.shouldStop;
  const mustRead = options.mustRead ?? 0;
  const unstoppable: CprOptions = { ...options, shouldStop: undefined };
  const analyses: SegmentAnalysis[] = [];
  let stoppedAt: number | undefined;
  const done = (): boolean => stoppedAt !== undefined || analyses.length === segments.length;
  return {
    read(pause) {
      let progressed = false;
      while (analyses.length < segments.length && stoppedAt === undefined) {
        // Never before the first segment of a call: every call makes progress.
        if (progressed && pause?.()) return false;
        const i = analyses.length;
        if (shouldStop && i >= mustRead && (i === mustRead || (i & STOP_CHECK_MASK) === 0) && shouldStop("read")) {
          stoppedAt = i;
          break;
        }
        const seg = segments[i] as TextSegment;
        const a = analyze(seg.text, i < mustRead ? unstoppable : options, seg.softBreaks ?? options.softBreaks, seg.location.place?.kind === "file-name");
        analyses.push(a);
        if (a.stopped) stoppedAt = i;
        progressed = true;
      }
      return done();
    },
    finish() {
      const read = analyses.length === segments.length ? segments : segments.slice(0, analyses.length);
      return scoreAll(read, analyses, options, stoppedAt);
    },
  };
}

/** findCprInSegments that can be stopped (options.shouldStop) and says where it stopped. */
export function findCprPass(segments: readonly TextSegment[], options: CprOptions): CprPassResult {
  const pass = startCprPass(segments, options);
  pass.read();
  return pass.finish();
}

function scoreAll(segments: readonly TextSegment[], analyses: SegmentAnalysis[], options: CprOptions, stopped: number | undefined): CprPassResult {
  const shouldStop = options.shouldStop;
  let stoppedAt = stopped;
  applyCellColumns(segments, analyses, options);
  // A loop, not flatMap: ES2019 is not in classic Outlook's runtime, and swc adds no polyfills.
  const all: Candidate[] = [];
  for (const a of analyses) for (const c of a.candidates) all.push(c);
  markRepeated(all);

  const findings: CprFinding[] = [];
  let n = 0;
  for (let i = 0; i < analyses.length; i++) {
    const a = analyses[i] as SegmentAnalysis;
    const seg = segments[i] as TextSegment;
    let cut = false;
    for (const c of a.candidates) {
      if (shouldStop && i >= (options.mustRead ?? 0) && (++n & STOP_CHECK_MASK) === 0 && shouldStop("score")) {
        cut = true;
        break;
      }
      const scored = score(c);
      if (!scored) continue;
      const m = toMatch(c, scored);
      findings.push({
        kind: "cpr",
        location: seg.location,
        masked: m.masked,
        confidence: m.confidence,
        form: m.form,
        reasons: m.reasons,
        span: { start: m.start, end: m.end },
      });
    }
    if (cut) {
      stoppedAt = stoppedAt === undefined ? i : Math.min(stoppedAt, i);
      break;
    }
  }
  return stoppedAt === undefined ? { findings } : { findings, stoppedAt };
}

/**
 * Spreadsheet cells that arrive one segment each: group them by sheet and column letter, and
 * apply the header ("CPR" above) and ≥ 80 %-valid rules across the column.
 */
function applyCellColumns(segments: readonly TextSegment[], analyses: SegmentAnalysis[], options: CprOptions): void {
  interface Col {
    headerRows: number[];
    total: number;
    valid: number;
    cells: { index: number; row: number }[];
  }
  const cols = new Map<string, Col>();
  segments.forEach((seg, index) => {
    const place = seg.location.place;
    if (place?.kind !== "cell") return;
    const ref = CELL_REF.exec(place.cell);
    if (!ref) return;
    const key = (seg.location.attachment ?? "") + "\u0000" + place.sheet + "\u0000" + (ref[1] as string).toUpperCase();
    const row = Number(ref[2]);
    let col = cols.get(key);
    if (!col) cols.set(key, (col = { headerRows: [], total: 0, valid: 0, cells: [] }));
    if (isCprHeader(seg.text)) col.headerRows.push(row);
    for (const s of (analyses[index] as SegmentAnalysis).shapes) {
      if (!isColumnValue(s)) continue;
      col.total++;
      if (s.kind === "cpr") col.valid++;
    }
    col.cells.push({ index, row });
  });
  const window = windowOf(options);
  for (const col of cols.values()) {
    const byValues = isCprColumn(col.total, col.valid);
    for (const { index, row } of col.cells) {
      const headed = col.headerRows.some((h) => h < row);
      if (!headed && !byValues) continue;
      const a = analyses[index] as SegmentAnalysis;
      for (const c of a.candidates) if (c.shape.kind === "cpr") c.column = true;
      if (!headed) continue;
      // A 9-digit value under a CPR header lost its leading zero in the spreadsheet.
      const text = (segments[index] as TextSegment).text;
      for (const s of a.shapes) {
        if (s.kind !== "nine" || a.candidates.some((c) => c.shape === s)) continue;
        a.candidates.push({ shape: s, ctx: keywordContext(text, s.start, s.end, window), column: true, repeated: false, fileName: false });
      }
    }
  }
}
