/**
 * One message, one policy → every finding, within the send budget. The add-in, the simulator and
 * the CLI all call this, so "the same core" is one function.
 *
 * Order of work is the order of value per millisecond: subject and body (where most CPR numbers
 * are), recipients (cheap, and the Randers case), then attachments (slow, bounded by the deadline).
 * Nothing here throws on bad input: a failing part becomes an entry in `errors`, a part that did
 * not get its turn before the deadline is reported, never skipped silently.
 */
import { getDomain } from "tldts";
import { capPerPart, runCprPass, unreadFrom } from "./scan-cpr-pass";
import { compileDomainLists, findLookalikes, type CompiledDomainLists } from "./detectors/lookalike-domain";
import { extractAttachments, type ExtractOptions } from "./extractors/extract";
import type { CprFinding, Finding, UnreadableAttachmentFinding } from "./finding";
import type { TextSegment } from "./location";
import type { Message } from "./message";
import { domainOfAddress } from "./address-domain";
import type { Policy, SecureRouteMatch } from "./policy/policy";
import { secureRouteOf } from "./secure-route";
import { messageSegments } from "./scan-text";

export interface ScanOptions {
  /** "Today" for the CPR date rules (a number dated after it is not a CPR). Default: the clock. */
  readonly now?: Date;
  /** Epoch-millisecond clock; injected by tests. Default: Date.now. */
  readonly clock?: () => number;
  /** Absolute epoch-ms deadline. Default: start + policy.limits.sendBudgetMs. */
  readonly deadline?: number;
  /** Passed to the attachment extractor (e.g. a pdf.js loader the CLI can afford and Outlook cannot). */
  readonly pdf?: ExtractOptions["pdf"];
  /**
   * Hands control back to the host between slices of work (the add-in: a setTimeout of 0), so a
   * pre-scan never holds the event loop for long. Without it the scan runs straight through.
   */
  readonly yieldControl?: () => Promise<void>;
  /** Clock time per slice between two yieldControl calls; default SLICE_MS. */
  readonly sliceMs?: number;
  /**
   * Asked at every yield: true ends the scan there, reported as timed out (a Send arrived and takes
   * over the runtime). Default: never.
   */
  readonly abandon?: () => boolean;
  /**
   * At most this many CPR findings kept per part (the subject, the body, each attachment); the
   * rest are counted in `omittedFindings`. The add-in's alert names five; the CLI keeps all.
   */
  readonly maxFindingsPerPart?: number;
}

/**
 * Extraction stops this much before the deadline (at most 15 % of the budget): a reader checks the
 * deadline between chunks, and one chunk of a big file (inflating, decoding 25 MB of text) runs
 * ~0.2-0.45 s on a fast machine; the rest is for reading what was extracted.
 */
const EXTRACTION_RESERVE_MS = 500;

function extractionDeadline(start: number, deadline: number): number {
  return deadline - Math.min(EXTRACTION_RESERVE_MS, Math.max(0, (deadline - start) * 0.15));
}

/** A slice of scan work between two yields: short enough that a Send is not kept waiting. */
export const SLICE_MS = 50;


/** Which part of the scan failed. No message text: an exception's text may quote mail content. */
export type ScanPhase = "subject-body" | "recipients" | "attachments";

export interface ScanError {
  readonly phase: ScanPhase;
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  /** The deadline passed before every part was read; what was not read is in findings as "timeout". */
  readonly timedOut: boolean;
  readonly elapsedMs: number;
  /** Parts whose scan threw (a bug, not bad input): the caller applies policy.onError. */
  readonly errors: readonly ScanError[];
  /** CPR findings left out by options.maxFindingsPerPart (they exist; only not listed). */
  readonly omittedFindings?: number;
  /** The own domain taken from the sender, when the policy names none. */
  readonly learnedOwnDomain?: string;
  /**
   * The secure route the message is on (secure-route.ts): decide() then allows CPR numbers in the
   * body and attachments, never in the subject.
   */
  readonly secureRoute?: SecureRouteMatch;
}

const compiledCache = new WeakMap<Policy, Map<string, CompiledDomainLists>>();

function domainLists(policy: Policy, own: readonly string[]): CompiledDomainLists {
  let byOwn = compiledCache.get(policy);
  if (!byOwn) {
    byOwn = new Map();
    compiledCache.set(policy, byOwn);
  }
  const key = own.join(",");
  let compiled = byOwn.get(key);
  if (!compiled) {
    compiled = compileDomainLists({
      own,
      trusted: policy.trustedDomains,
      known: policy.knownDomains,
      useBuiltInList: policy.useBuiltInDomainList,
      secondaryTargets: policy.useBuiltInDomainList,
    });
    byOwn.set(key, compiled);
  }
  return compiled;
}

/**
 * The organisation's domain from the sender's address (registrable part: a sender at
 * mail.randers.dk protects randers.dk). Undefined when there is no usable sender.
 */
export function ownDomainFromSender(from: string | undefined): string | undefined {
  if (!from) return undefined;
  const domain = domainOfAddress(from);
  if (domain === undefined) return undefined;
  return getDomain(domain) ?? domain;
}

/**
 * A spreadsheet number that lost its leading zero was restored by the extractor (a 9-digit value in
 * a CPR column); the finding says so, so the user knows why "506503720" counts as a CPR number.
 * The restored places are collected once: a register extract has 100,000s of findings and segments.
 */
function withRestoredZeros(findings: CprFinding[], segments: readonly TextSegment[]): CprFinding[] {
  const restored = new Set<string>();
  for (const s of segments) if (s.restoredLeadingZero === true) restored.add(locationKey(s.location));
  if (restored.size === 0) return findings;
  return findings.map((f) =>
    f.reasons.includes("leading-zero-restored") || !restored.has(locationKey(f.location)) ? f : { ...f, reasons: [...f.reasons, "leading-zero-restored"] },
  );
}

/** Equal for two locations exactly when part, attachment chain and place are equal. */
function locationKey(l: TextSegment["location"]): string {
  return JSON.stringify([l.part, l.attachment ?? null, l.place ?? null]);
}

function timedOutAttachments(message: Message): UnreadableAttachmentFinding[] {
  return message.attachments.map((a) => ({ kind: "unreadable-attachment", attachment: a.name, why: "timeout" }));
}

interface ScanRun {
  readonly message: Message;
  readonly policy: Policy;
  readonly options: ScanOptions;
  readonly clock: () => number;
  readonly start: number;
  readonly deadline: number;
  readonly segments: TextSegment[];
  readonly unreadable: UnreadableAttachmentFinding[];
  readonly errors: ScanError[];
  timedOut: boolean;
}

/** Attachments' text appended to the run's segments; what could not be read goes to `unreadable`. */
async function readAttachments(run: ScanRun): Promise<void> {
  const attachments = run.message.attachments ?? [];
  if (attachments.length === 0) return;
  if (run.clock() >= run.deadline) {
    run.timedOut = true;
    for (const u of timedOutAttachments(run.message)) run.unreadable.push(u);
    return;
  }
  try {
    const { policy, options } = run;
    const extraction = await extractAttachments(attachments, {
      limits: policy.limits,
      deadline: extractionDeadline(run.start, run.deadline),
      clock: run.clock,
      ...(options.pdf !== undefined ? { pdf: options.pdf } : {}),
      // Extraction yields too: one big attachment would otherwise hold the event loop for a second.
      ...(options.yieldControl ? { slicing: { yieldControl: options.yieldControl, sliceMs: options.sliceMs ?? SLICE_MS, ...(options.abandon ? { abandon: options.abandon } : {}) } } : {}),
    });
    // A loop, not push(...): a big CSV yields 300,000 segments, past the engine's argument limit.
    for (const segment of extraction.segments) run.segments.push(segment);
    for (const u of extraction.unreadable) run.unreadable.push(u);
    if (extraction.unreadable.some((u) => u.why === "timeout")) run.timedOut = true;
  } catch {
    run.errors.push({ phase: "attachments" });
  }
}

/** The CPR rule over every segment in one pass; the findings kept and how many were left out. */
async function cprFindings(run: ScanRun, mustRead: number): Promise<{ cpr: CprFinding[]; omitted: number }> {
  const { options, segments } = run;
  try {
    // The mail's own subject and body are always read: small, and where most numbers are.
    const cprOptions = { now: options.now ?? new Date(run.start), contextWindow: run.policy.cpr.contextWindow, mustRead };
    const pass = await runCprPass(segments, cprOptions, {
      clock: run.clock,
      deadline: run.deadline,
      sliceMs: options.sliceMs ?? SLICE_MS,
      ...(options.yieldControl ? { yieldControl: options.yieldControl } : {}),
      ...(options.abandon ? { abandon: options.abandon } : {}),
    });
    if (pass.abandoned) run.timedOut = true;
    if (pass.stoppedAt !== undefined) {
      run.timedOut = true;
      for (const name of unreadFrom(segments, pass.stoppedAt, run.unreadable)) run.unreadable.push({ kind: "unreadable-attachment", attachment: name, why: "timeout" });
    }
    const kept = capPerPart(pass.findings, options.maxFindingsPerPart);
    return { cpr: withRestoredZeros(kept, segments), omitted: pass.findings.length - kept.length };
  } catch {
    run.errors.push({ phase: segments.length > mustRead ? "attachments" : "subject-body" });
    return { cpr: [], omitted: 0 };
  }
}

/** The message's secure route; not knowing it is the safe side (every finding keeps its action). */
function routeOf(message: Message, policy: Policy, errors: ScanError[]): SecureRouteMatch | undefined {
  try {
    return secureRouteOf(message, policy);
  } catch {
    // A recipient list that cannot be read has usually failed the look-alike check already: report it once.
    if (!errors.some((e) => e.phase === "recipients")) errors.push({ phase: "recipients" });
    return undefined;
  }
}

export async function scanMessage(message: Message, policy: Policy, options: ScanOptions = {}): Promise<ScanResult> {
  const clock = options.clock ?? (() => Date.now());
  const start = clock();
  const errors: ScanError[] = [];
  const learned = policy.ownDomains.length === 0 ? ownDomainFromSender(message.from) : undefined;
  const own = learned ? [learned] : policy.ownDomains;

  // Subject and body first; attachments' text is appended below and everything goes through the
  // CPR rule in ONE pass, so message-wide signals (a column, the same number repeated) link a
  // number in the body with one in an attachment.
  const segments = messageSegments(message, () => errors.push({ phase: "subject-body" }));
  const bodySegmentCount = segments.length;
  // Parts of the mail itself that could not be read as MIME come first among the unread.
  const unreadable: UnreadableAttachmentFinding[] = (message.unreadParts ?? []).map((u) => ({ kind: "unreadable-attachment" as const, ...u }));

  const recipientFindings: Finding[] = [];
  try {
    for (const f of findLookalikes(message.recipients ?? [], domainLists(policy, own))) recipientFindings.push(f);
  } catch {
    errors.push({ phase: "recipients" });
  }

  const deadline = options.deadline ?? start + policy.limits.sendBudgetMs;
  const run: ScanRun = { message, policy, options, clock, start, deadline, segments, unreadable, errors, timedOut: false };
  await readAttachments(run);
  const { cpr, omitted } = await cprFindings(run, bodySegmentCount);

  // Reading order: the message itself, its recipients, then its attachments.
  // Loops, not push(...): a register extract can hold more CPR numbers than a call takes arguments.
  const findings: Finding[] = [];
  for (const f of cpr) if (f.location.part !== "attachment") findings.push(f);
  for (const f of recipientFindings) findings.push(f);
  for (const f of cpr) if (f.location.part === "attachment") findings.push(f);
  for (const f of unreadable) findings.push(f);
  const secureRoute = routeOf(message, policy, errors);

  return {
    findings,
    timedOut: run.timedOut,
    elapsedMs: Math.max(0, clock() - start),
    errors,
    ...(omitted > 0 ? { omittedFindings: omitted } : {}),
    ...(learned ? { learnedOwnDomain: learned } : {}),
    ...(secureRoute ? { secureRoute } : {}),
  };
}
