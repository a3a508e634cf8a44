/**
 * One recipient host against one target index: the structural checks, then the typo distance, then
 * look-alike letters plus one slip (docs/design/lookalike-domains.md §5 steps 5–7). The strongest match wins.
 */
import type { DomainEdit, LookalikeReason } from "../finding";
import { foldLabel, foldVariants, skeleton } from "./confusables";
import { damerauLevenshtein, describeEdit, hasSlipShape, isSingleTypingSlip, typoDistance } from "./domain-distance";
import { type PreparedLabel, letterCountCut, letterMask, prepareLabel, repeatedLetterMask } from "./letter-bound";
import { GENERIC_WORDS, KIND_RANK, LURE_WORDS, type Target, type TargetIndex, dehyphen, genericBits } from "./lookalike-targets";
import { type SplitHost, isIcannSuffix } from "./recipient-domain";

export interface Match {
  readonly target: Target;
  readonly reason: LookalikeReason;
  readonly edit?: DomainEdit;
  /** Tie-break among matches of one rule: smaller is closer. */
  readonly distance: number;
}

const REASON_RANK: Readonly<Record<LookalikeReason, number>> = {
  "embedded-name": 0,
  "split-label": 1,
  homoglyph: 2,
  "tld-swap": 3,
  affix: 4,
  typo: 5,
};

/** Suffixes a typo can land on: the distance rule only applies on these or the protected domain's own. */
const TYPO_SUFFIXES: ReadonlySet<string> = new Set(["dk", "com", "net", "org", "eu", "nu", "co"]);

/** A slip on another suffix counts for protected names of at least this many letters. */
const MIN_CROSS_SUFFIX_TYPO_LABEL = 7;

/** Protected names shorter than this get no look-alike-plus-slip match: one edit reaches neighbours. */
const MIN_SKELETON_SLIP_LABEL = 5;

/** A recipient label spelling prepared once for the distance scan. */
interface Typed {
  readonly text: string;
  readonly prepared: PreparedLabel;
  readonly mask: number;
  readonly repeated: number;
  /** Bit i set when GENERIC_WORDS[i] occurs in the label. */
  readonly generic: number;
}

/** Everything about one recipient host the rules compare, computed once for both indexes. */
export interface Probe {
  readonly host: SplitHost;
  readonly suffixForm: string;
  /** Folded spellings of the registrable label, hyphens kept. */
  readonly variants: readonly string[];
  /** The same without hyphens. */
  readonly bare: readonly string[];
  readonly typed: readonly Typed[];
  readonly skeleton: string;
  /** Every label folded (short spelling), hyphens kept. */
  readonly folded: readonly string[];
  /** Subdomain labels folded, without hyphens. */
  readonly subBare: readonly string[];
}

export function makeProbe(host: SplitHost): Probe {
  const variants = foldVariants(host.label);
  const folded = host.labels.map((l) => foldLabel(l, "short"));
  return {
    host,
    suffixForm: foldLabel(host.suffix, "short"),
    variants,
    bare: variants.map(dehyphen),
    typed: variants.map(prepareTyped),
    skeleton: skeleton(host.label),
    folded,
    subBare: folded.slice(0, host.sub.length).map(dehyphen),
  };
}

function prepareTyped(text: string): Typed {
  return { text, prepared: prepareLabel(text), mask: letterMask(text), repeated: repeatedLetterMask(text), generic: genericBits(text) };
}

/** The strongest match of the probe in the index, or undefined. */
export function bestMatch(probe: Probe, index: TargetIndex): Match | undefined {
  if (index.all.length === 0) return undefined;
  let best = embeddedMatch(probe, index, undefined);
  best = sameNameMatch(probe, index, best);
  best = affixMatch(probe, index, best);
  // A typing slip, scaled to the protected label's length. Skipped when a structural rule already
  // matched: the scan can only lose to a structural match of the best kind this index holds.
  if (!best || KIND_RANK[best.target.kind] > index.topRank || best.reason === "typo") best = typoScan(probe, index, best);
  return best ?? lookalikePlusSlip(probe, index);
}

/** The protected name inside a longer host, whole or glued to its suffix, or split by dots. */
function embeddedMatch(probe: Probe, index: TargetIndex, start: Match | undefined): Match | undefined {
  const { host, bare, folded, subBare } = probe;
  let best = start;
  // randers.dk.evil.com, randers.dk.co: the name and suffix as labels of a longer host; a little
  // less close, the name under another public suffix or with a hyphen slip (randers.com.evil.net,
  // ran-ders.dk.evil.com: the phisher's "brand.tld.anything"; docs/design/lookalike-domains.md §5).
  const registrableAt = host.sub.length;
  for (let i = 0; i < folded.length - 1; i++) {
    if (i === registrableAt) continue;
    const name = folded[i]!;
    let suffix = "";
    for (let k = 1; k <= 3 && i + k < folded.length; k++) {
      suffix = k === 1 ? folded[i + 1]! : `${suffix}.${folded[i + k]!}`;
      for (const t of index.byForm.get(dehyphen(name))) {
        const exact = t.suffixForm === suffix && t.forms.indexOf(name) !== -1;
        if (exact || isIcannSuffix(asciiLabels(host, i + 1, k))) {
          best = closer(best, { target: t, reason: "embedded-name", distance: exact ? 0 : 0.5 });
        }
      }
    }
  }
  // …or glued to its suffix in one label: randers-dk.com, randersdk.com, randers-dk.evil.com.
  for (const label of bare.concat(subBare)) {
    for (const glued of index.gluedSuffixes) {
      if (label.length <= glued.length || !label.endsWith(glued)) continue;
      for (const t of index.byForm.get(label.slice(0, label.length - glued.length))) {
        if (t.gluedSuffix === glued) best = closer(best, { target: t, reason: "embedded-name", distance: 0 });
      }
    }
  }
  // Split label: dots or hyphens inside the name make someone else's domain (ran.ders.dk → ders.dk).
  let joined = "";
  for (let k = subBare.length - 1; k >= 0; k--) {
    joined = subBare[k]! + joined;
    for (const v of bare) {
      for (const t of index.byForm.get(joined + v)) best = closer(best, { target: t, reason: "split-label", distance: 0 });
    }
  }
  return best;
}

/** Labels [from, from + count) of the host in ASCII, joined: `com`, `co.uk`. */
function asciiLabels(host: SplitHost, from: number, count: number): string {
  return host.ascii.split(".").slice(from, from + count).join(".");
}

/**
 * The same name with look-alike characters (rånders, rаnders with Cyrillic а, ranclers) or under
 * another suffix. A name that differs only by a hyphen (ran-ders) is a typing slip, not a look-alike.
 */
function sameNameMatch(probe: Probe, index: TargetIndex, start: Match | undefined): Match | undefined {
  const { host, variants } = probe;
  let best = start;
  for (const v of variants) {
    for (const t of index.byForm.get(dehyphen(v))) {
      if (t.forms.indexOf(v) === -1) {
        best = closer(best, { target: t, reason: "typo", edit: t.suffix === host.suffix ? describeEdit(t.forms[0]!, v) : { op: "several" }, distance: 1 });
      } else if (host.label !== t.label) {
        best = closer(best, { target: t, reason: "homoglyph", edit: t.suffix === host.suffix ? { op: "look-alike-characters" } : { op: "several" }, distance: 0 });
      } else if (t.suffix !== host.suffix) {
        best = closer(best, { target: t, reason: "tld-swap", edit: { op: "other-suffix", from: t.suffix, to: host.suffix }, distance: 0 });
      }
    }
  }
  for (const t of index.bySkeleton.get(probe.skeleton)) {
    if (host.label !== t.label) {
      best = closer(best, { target: t, reason: "homoglyph", edit: t.suffix === host.suffix ? { op: "look-alike-characters" } : { op: "several" }, distance: 0.5 });
    }
  }
  return best;
}

/** Name plus or minus a lure word: randerskommune.dk, randers-login.dk, faxe.dk for faxekommune.dk. */
function affixMatch(probe: Probe, index: TargetIndex, start: Match | undefined): Match | undefined {
  let best = start;
  for (const v of probe.bare) {
    for (const word of LURE_WORDS) {
      if (v.length <= word.length) continue;
      if (v.startsWith(word)) {
        for (const t of index.byForm.get(v.slice(word.length))) best = closer(best, { target: t, reason: "affix", edit: { op: "added-word", word }, distance: 1 });
      }
      if (v.endsWith(word)) {
        for (const t of index.byForm.get(v.slice(0, v.length - word.length))) best = closer(best, { target: t, reason: "affix", edit: { op: "added-word", word }, distance: 1 });
      }
    }
    for (const { target } of index.byShortened.get(v)) best = closer(best, { target, reason: "affix", edit: { op: "several" }, distance: 1 });
  }
  return best;
}

/** The distance scan over targets of nearby lengths, most rejected by their letter masks alone. */
function typoScan(probe: Probe, index: TargetIndex, start: Match | undefined): Match | undefined {
  let best = start;
  for (const v of probe.typed) {
    const m = v.text.length;
    for (let length = Math.max(1, m - 2); length <= m + 2 && length < index.byLength.length; length++) {
      const bucket = index.byLength[length];
      if (!bucket) continue;
      // Up to 8 letters a slip is one edit (or two half-cost ones, hasSlipShape): lengths differ by at most 1.
      if (length <= 8 && (length - m > 1 || m - length > 1)) continue;
      // Letter-set cut: a slip within the limit leaves at most `limit` letters unmatched per side.
      const limit = length <= 8 ? 2 : 4;
      const { masks, repeated, generic } = bucket;
      const gap = length - m;
      for (let k = 0; k < masks.length; k++) {
        // (generic words change both labels, so their letters are not comparable: no cut then)
        if ((generic[k]! & v.generic) === 0 && letterCountCut(masks[k]!, repeated[k]!, v.mask, v.repeated, gap, limit)) continue;
        const typo = typoMatch(bucket.targets[k]!, bucket.formIndex[k]!, v, probe.host.suffix, probe.suffixForm);
        if (typo) best = closer(best, typo);
      }
    }
  }
  return best;
}

/**
 * Look-alike letters and one slip in one name (ramclers for randers: cl for d and m for n): the
 * skeletons are one edit apart. Only when the typed name holds a multi-letter look-alike or a digit
 * for a letter (its skeleton differs from it in length, or it has 0/1): i/l alone plus a slip would
 * reach real neighbours. Only targets whose skeleton is within one letter in length are compared.
 */
function lookalikePlusSlip(probe: Probe, index: TargetIndex): Match | undefined {
  const s = probe.skeleton;
  const label = probe.host.label;
  if (s.length === label.length && !/[01]/.test(label)) return undefined;
  let best: Match | undefined;
  let bestAt = -1;
  for (let length = Math.max(0, s.length - 1); length <= s.length + 1 && length < index.bySkeletonLength.length; length++) {
    for (const at of index.bySkeletonLength[length] ?? []) {
      const t = index.all[at]!;
      if (t.label.length < MIN_SKELETON_SLIP_LABEL) continue;
      const sameSuffix = t.suffix === probe.host.suffix;
      if (!sameSuffix && !TYPO_SUFFIXES.has(probe.suffixForm)) continue;
      if (t.skeleton === s || damerauLevenshtein(t.skeleton, s, 1) > 1) continue;
      // One plain edit apart is a typing question, which typoMatch has answered (xkolding, not a look-alike).
      if (damerauLevenshtein(dehyphen(t.forms[0]!), probe.bare[0]!, 1) <= 1) continue;
      const m: Match = { target: t, reason: "homoglyph", edit: sameSuffix ? { op: "look-alike-characters" } : { op: "several" }, distance: 1.5 };
      // Ties go to the target listed first, as a scan of the whole list in order would give.
      const order = best ? compareMatches(m, best) : -1;
      if (order < 0 || (order === 0 && at < bestAt)) {
        best = m;
        bestAt = at;
      }
    }
  }
  return best;
}

/** The intended and typed labels with the generic words both hold removed. */
function withoutSharedWords(intended: string, got: string, shared: number): [string, string] {
  let a = intended;
  let b = got;
  for (let i = 0; i < GENERIC_WORDS.length; i++) {
    if ((shared & (1 << i)) === 0) continue;
    a = a.replace(GENERIC_WORDS[i]!, "");
    b = b.replace(GENERIC_WORDS[i]!, "");
  }
  return [a, b];
}

function typoMatch(t: Target, f: number, typed: Typed, suffix: string, suffixForm: string): Match | undefined {
  const sameSuffix = t.suffix === suffix;
  const form = t.forms[f]!;
  if (form === typed.text) return undefined;
  const shared = t.generic[f]! & typed.generic;
  const [intended, got] = shared === 0 ? [form, typed.text] : withoutSharedWords(form, typed.text, shared);
  const n = intended.length;
  if (n === 0 || intended === got) return undefined;
  let distance: number;
  if (n <= 3 && shared === 0) {
    // Short names: one typing slip, and only on the very same suffix (kk.dk vs jk.dk). A name made
    // short by removing a shared generic word (nyi of nyidanmark) is a long name: one edit.
    if (!sameSuffix || !isSingleTypingSlip(intended, got)) return undefined;
    distance = 1;
  } else {
    if (!sameSuffix && !TYPO_SUFFIXES.has(suffixForm)) return undefined;
    // Another suffix is a change already; on a short name a slip on top reaches real domains
    // abroad (borged.com, 5star.com): measured in lookalike-measure.test.ts.
    if (!sameSuffix && n < MIN_CROSS_SUFFIX_TYPO_LABEL) return undefined;
    const max = n <= 8 ? 1 : 2;
    // The letter bound runs before the DP inside: most survivors of the set cut still fail it.
    distance = shared === 0 ? typoDistance(intended, typed.prepared, max, true) : typoDistance(intended, got, max, false);
    if (distance > max) return undefined;
    // Two letters added at one end are a word, not a slip (fcfredericia.dk, a football club):
    // long names allow two edits for slips inside the name (fredriksbreg).
    if (distance > 1 && got.length === n + 2 && (got.startsWith(intended) || got.endsWith(intended))) return undefined;
    if (!hasSlipShape(intended, got, form, typed.text)) return undefined;
  }
  const edit = sameSuffix ? describeEdit(form, typed.text) : ({ op: "several" } as const);
  return { target: t, reason: "typo", edit, distance };
}

// (a module-level `closer`, not a closure: this runs per recipient, and closures cost an allocation each)
function closer(best: Match | undefined, m: Match): Match {
  return !best || compareMatches(m, best) < 0 ? m : best;
}

function compareMatches(a: Match, b: Match): number {
  return (
    KIND_RANK[a.target.kind] - KIND_RANK[b.target.kind] ||
    REASON_RANK[a.reason] - REASON_RANK[b.reason] ||
    a.distance - b.distance
  );
}
