/**
 * The CPR rule: finds Danish CPR numbers and says how sure it is (docs/design/cpr-number.md §6).
 *
 * - A number counts when its birth date is real and not in the future (century from the 7th digit,
 *   clock injected). Modulus 11 only raises confidence: post-2007 numbers fail it (docs/design/cpr-number.md §1.4).
 * - The written form is the main signal: `DDMMYY-SSSS` is HIGH alone; a bare 10-digit number needs
 *   a keyword, a "CPR column", or modulus 11 plus a second such number in the message.
 * - Findings carry `DDMMYY-****` and offsets, never the digits.
 * The levels follow the decision table in docs/design/cpr-number.md §6.2; `score` below is that table.
 */
import type { Confidence, CprFinding, CprForm, CprReason, MaskedCpr } from "../finding";
import type { TextSegment } from "../location";
import { applySoftBreaks, scanShapes, type Shape } from "./cpr-scan";
import { flowGroups, flowsOfGroups, segmentAt, withTabs, type Flow, type FlowGroup } from "./cpr-structure";
import {
  DEFAULT_CONTEXT_WINDOW,
  TableIndex,
  inShortCell as shortCell,
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
  /** shouldStop ended the reading inside this flow: candidates are those before the stop. */
  readonly stopped?: boolean;
}

/** Per-segment work: shapes, keyword context, in-text table columns. */
function analyze(text: string, options: CprOptions, softBreaks: readonly number[] | undefined, fileName: boolean, found?: Shape[]): SegmentAnalysis {
  const t = applySoftBreaks(text, softBreaks);
  const shapes = found ?? scanShapes(t, options.now);
  if (shapes.length === 0) return { candidates: [] };
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
    const groups = new Map<string, { total: number; valid: number; members: Shape[]; other: boolean }>();
    for (const s of shapes) {
      if (!isColumnValue(s) && s.kind !== "nine") continue;
      // Only table cells and list items form columns; a number in prose is dismissed cheaply.
      if (!inShortCell(t, s.start, s.end)) continue;
      const place = table.place(s.start);
      if (!place) continue;
      if (place.headed) columnHit.add(s);
      // A nine-digit value that is a valid date with its zero put back counts too: a spreadsheet
      // drops the leading zero of every number born on the 1st–9th (0711723308 → 711723308).
      if (!isColumnValue(s) && s.kind !== "nine") continue;
      let g = groups.get(place.key);
      if (!g) groups.set(place.key, (g = { total: 0, valid: 0, members: [], other: place.otherHeaded }));
      g.total++;
      if (s.kind === "cpr" || s.kind === "nine") {
        g.valid++;
        g.members.push(s);
      }
    }
    // A column headed "Fakturanr." or "Sagsnr." holds those numbers, however many look like dates.
    for (const g of groups.values()) if (!g.other && isCprColumn(g.total, g.valid)) for (const s of g.members) columnHit.add(s);
  }

  const candidates: Candidate[] = [];
  const shouldStop = options.shouldStop;
  let n = 0;
  for (const s of shapes) {
    if (shouldStop && (++n & STOP_CHECK_MASK) === 0 && shouldStop("read")) return { candidates, stopped: true };
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
  return { candidates };
}

/** ≥ 3 ten-digit values, ≥ 80 % valid dates: 3 random numbers pass with p ≈ 3·10⁻⁵ (docs/design/cpr-number.md §6.1). */
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

/** ≥ 2 distinct such numbers in one message: both are raised (docs/design/cpr-number.md §6.2, compact row). */
function markRepeated(candidates: readonly Candidate[]): void {
  const strong = candidates.filter(isStrongCompact);
  const distinct = new Set(strong.map((c) => c.shape.digits));
  if (distinct.size >= 2) for (const c of strong) c.repeated = true;
}

/** The decision table (docs/design/cpr-number.md §6.2). Undefined: not reported. */
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

/** The shapes of a flow's own segments (not its context slices), at their offsets in the flow. */
function flowShapes(f: Flow, shapesOf: readonly Shape[][]): Shape[] {
  if (f.segs.length === 1) return shapesOf[f.segs[0] as number] ?? [];
  const out: Shape[] = [];
  for (let k = 0; k < f.segs.length; k++) {
    const seg = f.segs[k] as number;
    if (seg < 0) continue;
    const at = f.starts[k] as number;
    for (const s of shapesOf[seg] ?? []) out.push({ ...s, start: s.start + at, end: s.end + at });
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

export interface CprPassResult {
  readonly findings: CprFinding[];
  /** options.shouldStop ended the pass: segments from this index on were not, or not fully, read. */
  readonly stoppedAt?: number;
}

/**
 * The CPR pass as steps a driver runs: `read` analyses the flows (cpr-structure.ts) until `pause()`
 * says so (checked between flows, so reading resumes where it paused) or options.shouldStop ends the
 * reading (checked between segments while their shapes are found, and inside a flow); `finish`
 * applies the message-wide rules to what was read and scores it. A driver that yields between reads
 * keeps each slice short; no timers in here.
 */
export interface CprPass {
  /** Reads on; true once every flow is read or the reading was stopped. */
  read(pause?: () => boolean): boolean;
  finish(): CprPassResult;
}

export function startCprPass(segments: readonly TextSegment[], options: CprOptions): CprPass {
  const shouldStop = options.shouldStop;
  const mustRead = options.mustRead ?? 0;
  const unstoppable: CprOptions = { ...options, shouldStop: undefined };
  const window = windowOf(options);
  let stoppedAt: number | undefined;
  // Phase 1, segment by segment (pausable, stoppable): each segment is scanned once, as the readers
  // emitted it. Phase 2, flow by flow: only segments holding a CPR-shaped string, and what the rule
  // can see around them, are laid out as flows (cpr-structure.ts) and analysed. The separators are
  // hard breaks, so a flow's shapes are its segments' shapes moved along.
  const groups = flowGroups(segments);
  const shapesOf: Shape[][] = [];
  const needed: boolean[] = [];
  let group = 0;
  let k = 0;
  let flows: Flow[] | undefined;
  const analyses: SegmentAnalysis[] = [];
  let halted = false;

  const scanned = (): boolean => group >= groups.length || stoppedAt !== undefined;
  const flowsNow = (): Flow[] => (flows ??= flowsOfGroups(segments, groups, needed, window));
  const done = (): boolean => halted || (scanned() && analyses.length === flowsNow().length);

  return {
    read(pause) {
      let progressed = false;
      while (!scanned()) {
        const g = groups[group] as FlowGroup;
        if (k >= g.to) {
          group++;
          continue;
        }
        // Never before the first step of a call: every call makes progress.
        if (progressed && pause?.()) return false;
        if (shouldStop && k >= mustRead && (k === mustRead || (k & STOP_CHECK_MASK) === 0) && shouldStop("read")) {
          stoppedAt = k;
          break;
        }
        const seg = segments[k] as TextSegment;
        const shapes = scanShapes(applySoftBreaks(withTabs(seg.text, g.delimiter), seg.softBreaks ?? options.softBreaks), options.now);
        shapesOf[k] = shapes;
        needed[k] = shapes.length > 0;
        k++;
        progressed = true;
      }
      const all = flowsNow();
      while (analyses.length < all.length && !halted) {
        if (progressed && pause?.()) return false;
        const f = all[analyses.length] as Flow;
        const first = firstSegment(f);
        const a = analyze(f.text, first < mustRead ? unstoppable : options, f.softBreaks ?? (f.segs.length === 1 ? options.softBreaks : undefined), f.fileName, flowShapes(f, shapesOf));
        analyses.push(a);
        if (a.stopped) {
          halted = true;
          stoppedAt = stoppedAt === undefined ? first : Math.min(stoppedAt, first);
        }
        progressed = true;
      }
      return done();
    },
    finish() {
      return scoreAll(segments, flowsNow(), analyses, options, stoppedAt);
    },
  };
}

/** The first real segment of a flow (its own, not a context slice). */
function firstSegment(f: Flow): number {
  for (const seg of f.segs) if (seg >= 0) return seg;
  return 0;
}

/** findCprInSegments that can be stopped (options.shouldStop) and says where it stopped. */
export function findCprPass(segments: readonly TextSegment[], options: CprOptions): CprPassResult {
  const pass = startCprPass(segments, options);
  pass.read();
  return pass.finish();
}

function scoreAll(segments: readonly TextSegment[], flows: readonly Flow[], analyses: SegmentAnalysis[], options: CprOptions, stopped: number | undefined): CprPassResult {
  const shouldStop = options.shouldStop;
  let stoppedAt = stopped;
  // A loop, not flatMap: ES2019 is not in classic Outlook's runtime, and swc adds no polyfills.
  const all: Candidate[] = [];
  for (const a of analyses) for (const c of a.candidates) all.push(c);
  markRepeated(all);

  const findings: CprFinding[] = [];
  let n = 0;
  for (let i = 0; i < analyses.length; i++) {
    const a = analyses[i] as SegmentAnalysis;
    const flow = flows[i] as Flow;
    const first = firstSegment(flow);
    let cut = false;
    for (const c of a.candidates) {
      if (shouldStop && first >= (options.mustRead ?? 0) && (++n & STOP_CHECK_MASK) === 0 && shouldStop("score")) {
        cut = true;
        break;
      }
      const scored = score(c);
      if (!scored) continue;
      const k = segmentAt(flow, c.shape.start);
      const seg = segments[flow.segs[k] as number] as TextSegment;
      const at = flow.starts[k] as number;
      const m = toMatch(c, scored);
      findings.push({
        kind: "cpr",
        location: seg.location,
        masked: m.masked,
        confidence: m.confidence,
        form: m.form,
        reasons: m.reasons,
        span: { start: m.start - at, end: m.end - at },
      });
    }
    if (cut) {
      stoppedAt = stoppedAt === undefined ? first : Math.min(stoppedAt, first);
      break;
    }
  }
  return stoppedAt === undefined ? { findings } : { findings, stoppedAt };
}
