/**
 * The CPR rule over a message's segments (docs/cpr-rule.en.md): the segments of one place are read
 * together, laid out as the mail body is (cpr-structure.ts), so a header, a label cell or a label
 * line reaches the number in every format alike; "≥ 2 valid compact numbers" counts over the whole
 * message. Runs in steps a driver can pause (scan-cpr-pass.ts) and stop (the send deadline).
 */
import type { CprFinding } from "../finding";
import type { TextSegment } from "../location";
import { applySoftBreaks as softened, scanShapes as shapesIn, type Shape } from "./cpr-scan";
import { flowGroups, layOutPlan as layOutOne, plansOfGroup, segmentAt as segmentOf, withTabs as tabbed, type Flow, type FlowGroup, type FlowPlan } from "./cpr-structure";
import { STOP_CHECK_MASK, analyze as analyzeText, analyzeAlone as analyzeSegments, windowOf, type CprOptions } from "./cpr-analyze";
import { markRepeated, score as scoreOne, toMatch as matchOf, type Candidate } from "./cpr-score";

// Bound once: called per segment or per number, and a module binding read through a bundler's
// getter on each call showed up in the profile (bench/cpr.bench.ts).
const applySoftBreaks = softened;
const scanShapes = shapesIn;
const layOutPlan = layOutOne;
const segmentAt = segmentOf;
const withTabs = tabbed;
const analyze = analyzeText;
const analyzeAlone = analyzeSegments;
const score = scoreOne;
const toMatch = matchOf;

/** The shapes of a flow's own segments (not its context slices), at their offsets in the flow. */
function flowShapes(f: Flow, shapesOf: readonly (Shape[] | undefined)[]): Shape[] {
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
 * A flow once analysed: its candidates and where its segments start, without its text (a flow's
 * text is laid out when it is read and dropped after, so a long file never holds two copies).
 */
interface ReadFlow {
  readonly candidates: Candidate[];
  readonly segs: readonly number[];
  readonly starts: readonly number[];
  /** The first real segment of the flow (its own, not a context slice). */
  readonly first: number;
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
  const window = windowOf(options);
  let stoppedAt: number | undefined;
  // Phase 1, segment by segment (pausable, stoppable): each segment is scanned once, as the readers
  // emitted it. Phase 2, flow by flow: only segments holding a CPR-shaped string, and what the rule
  // can see around them, are laid out as flows (cpr-structure.ts) and analysed. The separators are
  // hard breaks, so a flow's shapes are its segments' shapes moved along.
  // Grouping is one pass over every segment: it stops with the reading too (a long file is one group).
  const groups = flowGroups(segments, shouldStop ? () => shouldStop("read") : undefined, mustRead);
  // Only segments with shapes hold an entry: most lines of a long file have none.
  const shapesOf: (Shape[] | undefined)[] = [];
  // The text each such segment was scanned as (its delimiter made a tab).
  const textOf: (string | undefined)[] = [];
  // A flow needs laying out only where a number may see past its segment (analyzeAlone).
  const alone = !options.softBreaks || options.softBreaks.length === 0;
  const needed: boolean[] = [];
  let group = 0;
  let k = 0;
  const plans: FlowPlan[] = [];
  let planned = 0; // groups planned so far
  const analyses: ReadFlow[] = [];
  let halted = false;
  // A flow beyond the mail's own text has been read: from then on each flow waits for shouldStop.
  let pastMust = false;

  const scannedAs: ScannedSegments = { segments, textOf, shapesOf, alone, options, unstoppable: { ...options, shouldStop: undefined }, mustRead };
  const stopAt = (at: number): void => {
    stoppedAt = stoppedAt === undefined ? at : Math.min(stoppedAt, at);
  };
  const scanned = (): boolean => group >= groups.length || stoppedAt !== undefined;
  // The flow to read next, planning group by group as the reading gets there; undefined when all are read.
  const nextPlan = (): FlowPlan | undefined => {
    while (analyses.length >= plans.length && planned < groups.length) {
      const g = groups[planned++] as FlowGroup;
      // A group the shape scan never reached has nothing to plan.
      if (stoppedAt !== undefined && g.from >= stoppedAt) planned = groups.length;
      else {
        const cut = plansOfGroup(segments, g, needed, window, plans, shouldStop && g.from >= mustRead ? () => shouldStop("read") : undefined);
        // Planning a long group stopped: what is planned is read, the rest is not read in time.
        if (cut !== undefined) {
          stopAt(cut);
          planned = groups.length;
        }
      }
    }
    return plans[analyses.length];
  };
  const done = (): boolean => halted || (scanned() && nextPlan() === undefined);

  return {
    read(pause) {
      let progressed = false;
      // A group's segments in one loop: a file of many short lines pays little per line.
      while (!scanned()) {
        const g = groups[group] as FlowGroup;
        for (; k < g.to; k++) {
          // Never before the first step of a call: every call makes progress.
          if (progressed && pause?.()) return false;
          if (shouldStop && k >= mustRead && (k === mustRead || (k & STOP_CHECK_MASK) === 0) && shouldStop("read")) {
            stoppedAt = k;
            break;
          }
          needed[k] = scanSegment(scannedAs, k, g.delimiter);
          progressed = true;
        }
        if (stoppedAt === undefined) group++;
      }
      for (let plan = nextPlan(); plan !== undefined && !halted; plan = nextPlan()) {
        if (progressed && pause?.()) return false;
        // Past the reading's deadline no further flow starts, once one beyond the mail's own text has
        // had its turn (so what the shape scan found there is not all lost).
        if (shouldStop && pastMust && plan.from >= mustRead && shouldStop("read")) {
          halted = true;
          stopAt(plan.from);
          break;
        }
        const r = readFlow(scannedAs, plan);
        analyses.push(r);
        if (plan.from >= mustRead) pastMust = true;
        if (r.stopped) {
          halted = true;
          stopAt(r.first);
        }
        progressed = true;
      }
      return done();
    },
    finish() {
      const cut = groups.stoppedAt;
      return scoreAll(segments, analyses, options, cut !== undefined && (stoppedAt === undefined || cut < stoppedAt) ? cut : stoppedAt);
    },
  };
}

/** What the shape scan left for the flows: the segments, their scanned texts and shapes. */
interface ScannedSegments {
  readonly segments: readonly TextSegment[];
  readonly textOf: (string | undefined)[];
  readonly shapesOf: (Shape[] | undefined)[];
  /** No message-wide soft breaks: a flow may be read segment by segment (analyzeAlone). */
  readonly alone: boolean;
  readonly options: CprOptions;
  readonly unstoppable: CprOptions;
  readonly mustRead: number;
}

/** Phase 1 for segment k: its shapes, kept with its text when it has any. True when it has. */
function scanSegment(s: ScannedSegments, k: number, delimiter: string | undefined): boolean {
  const seg = s.segments[k] as TextSegment;
  // The calls only when they change something: this runs for every line of a file.
  const raw = delimiter === undefined ? seg.text : withTabs(seg.text, delimiter);
  const soft = seg.softBreaks ?? s.options.softBreaks;
  const text = !soft || soft.length === 0 ? raw : applySoftBreaks(raw, soft);
  const shapes = scanShapes(text, s.options.now);
  if (shapes.length === 0) return false;
  s.shapesOf[k] = shapes;
  s.textOf[k] = text;
  return true;
}

function readFlow(s: ScannedSegments, plan: FlowPlan): ReadFlow & { stopped?: boolean } {
  const { segments, textOf, shapesOf, options } = s;
  const opts = plan.from < s.mustRead ? s.unstoppable : options;
  const quick = s.alone && noSoftBreaks(segments, plan) ? analyzeAlone(textOf, shapesOf, plan.from, plan.to, opts, plan.fileName) : undefined;
  if (quick) return { candidates: quick.candidates, segs: range(plan.from, plan.to), starts: quick.starts, first: plan.from, stopped: quick.stopped };
  // A register extract is one flow: its layout stops with the reading (layOut checks per 1024 lines).
  const stop = opts.shouldStop;
  const f = layOutPlan(segments, plan, stop ? () => stop("read") : undefined);
  const a = analyze(f.text, opts, f.softBreaks ?? (f.segs.length === 1 ? options.softBreaks : undefined), f.fileName, flowShapes(f, shapesOf));
  return { candidates: a.candidates, segs: f.segs, starts: f.starts, first: firstSegment(f), stopped: a.stopped || f.stopped };
}

/** No segment of the plan has soft breaks of its own. */
function noSoftBreaks(segments: readonly TextSegment[], plan: FlowPlan): boolean {
  for (let k = plan.from; k < plan.to; k++) {
    const b = (segments[k] as TextSegment).softBreaks;
    if (b && b.length > 0) return false;
  }
  return true;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
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

function scoreAll(segments: readonly TextSegment[], analyses: readonly ReadFlow[], options: CprOptions, stopped: number | undefined): CprPassResult {
  const shouldStop = options.shouldStop;
  let stoppedAt = stopped;
  // A loop, not flatMap: ES2019 is not in classic Outlook's runtime, and swc adds no polyfills.
  const all: Candidate[] = [];
  for (const a of analyses) for (const c of a.candidates) all.push(c);
  markRepeated(all);

  const findings: CprFinding[] = [];
  let n = 0;
  for (let i = 0; i < analyses.length; i++) {
    const flow = analyses[i] as ReadFlow;
    const first = flow.first;
    let cut = false;
    for (const c of flow.candidates) {
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
