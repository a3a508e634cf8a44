/**
 * The protected domains of the look-alike rule, indexed once per policy (docs/design/lookalike-domains.md §5).
 * Every index is keyed by a string or a length, so a recipient check is hash lookups plus a scan of
 * the few targets of nearby lengths. Building it is linear in the number of domains: each target adds
 * a fixed number of keys (its forms, its skeleton, its name minus a lure word), and a key that only
 * one target holds stores that target, not a one-element array, so 100,000 trusted domains do not
 * cost hundreds of thousands of small arrays to build and collect.
 */
import type { LookalikeFinding } from "../finding";
import { foldLabel, foldVariants, skeleton } from "./confusables";
import { letterMask, repeatedLetterMask } from "./letter-bound";
import { type HostName, splitHost } from "./recipient-domain";

export type TargetKind = LookalikeFinding["target"];

export const KIND_RANK: Readonly<Record<TargetKind, number>> = { own: 0, trusted: 1, known: 2 };

/** Words a look-alike may add to a protected name (docs/design/lookalike-domains.md §5 step 7). */
export const LURE_WORDS: readonly string[] = [
  "kommunen", "kommune", "region", "sikkermail", "sikkerpost", "sikker", "email", "mail", "post",
  "secure", "login", "borger", "dk", "online", "web", "portal", "kontakt", "digital", "mit", "min",
  "my", "service", "support",
];

/**
 * Generic words two names may share; stripped from both before measuring distance (faxekommune vs
 * vardekommune; tyrdanmark vs nyidanmark, both real: lookalike-measure.test.ts).
 */
export const GENERIC_WORDS: readonly string[] = ["kommune", "region", "danmark"];

export interface Target {
  readonly kind: TargetKind;
  /** The domain as the list gives it (lower-case Unicode): what the finding names and suggests. */
  readonly domain: string;
  readonly registrable: string;
  /** Registrable label, lower-case NFC, unfolded: `randers`. */
  readonly label: string;
  readonly suffix: string;
  /** The suffix folded (short spelling), as the probe's labels are. */
  readonly suffixForm: string;
  /** `suffixForm` without dots (`couk`), as it reads glued to the name in one label (randersdk). */
  readonly gluedSuffix: string;
  /** Folded label spellings, hyphens kept (one, or two for ø/å). */
  readonly forms: readonly string[];
  /** Per form: generic-word bits (GENERIC_WORDS), for the distance scan. */
  readonly generic: readonly number[];
  readonly skeleton: string;
}

/**
 * All target spellings of one length, laid out flat so the scan can reject most of them from their
 * letter sets (a typed array of masks) before touching a string (the ≤ 50 µs budget with 1,000+ targets).
 */
export interface LengthBucket {
  readonly targets: Target[];
  /** Which of the target's `forms` this entry is. */
  readonly formIndex: number[];
  masks: Int32Array;
  repeated: Int32Array;
  /** Generic-word bits: a shared word changes the labels, so the letter cut is skipped. */
  generic: Int32Array;
}

/** A string-keyed index whose keys mostly hold one value: that value is stored bare. */
export class MultiMap<V extends object> {
  private readonly map = new Map<string, V | V[]>();

  add(key: string, value: V): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, value);
    else if (Array.isArray(held)) held.push(value);
    else this.map.set(key, [held, value]);
  }

  get(key: string): readonly V[] {
    const held = this.map.get(key);
    return held === undefined ? NONE : Array.isArray(held) ? held : [held];
  }

  get size(): number {
    return this.map.size;
  }
}

const NONE: readonly never[] = [];

export interface Shortened {
  readonly target: Target;
  readonly word: string;
}

export interface TargetIndex {
  readonly all: readonly Target[];
  /** Rank of the strongest kind in the index (0 when it holds an own domain). */
  readonly topRank: number;
  /**
   * Folded form without hyphens → targets. Also serves names embedded in a longer host
   * (randers.dk.evil.com) and glued to their suffix (randersdk.com): the probe looks up each
   * label, or each prefix of it, and compares the rest with the target's suffix.
   */
  readonly byForm: MultiMap<Target>;
  readonly bySkeleton: MultiMap<Target>;
  /** Every target's `gluedSuffix`, once each (a handful: dk, com, couk…). */
  readonly gluedSuffixes: readonly string[];
  /** Form minus a lure word (`faxe` for faxekommune) → targets and the word. */
  readonly byShortened: MultiMap<Shortened>;
  /** Target forms by folded length, for the distance scan. */
  readonly byLength: ReadonlyArray<LengthBucket | undefined>;
  /** Positions in `all` by skeleton length, ascending, for the look-alike-plus-slip scan (only lengths ±1 are compared). */
  readonly bySkeletonLength: ReadonlyArray<number[] | undefined>;
}

export function genericBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < GENERIC_WORDS.length; i++) if (text.indexOf(GENERIC_WORDS[i]!) !== -1) bits |= 1 << i;
  return bits;
}

export function dehyphen(label: string): string {
  return label.indexOf("-") === -1 ? label : label.replace(/-/g, "");
}

export function makeTarget(kind: TargetKind, host: HostName): Target | undefined {
  const split = splitHost(host);
  if (!split) return undefined;
  const forms = foldVariants(split.label);
  const suffixForm = foldLabel(split.suffix, "short");
  return {
    kind,
    domain: host.unicode,
    registrable: split.registrable,
    label: split.label,
    suffix: split.suffix,
    suffixForm,
    gluedSuffix: suffixForm.indexOf(".") === -1 ? suffixForm : suffixForm.replace(/\./g, ""),
    forms,
    generic: forms.length === 1 ? [genericBits(forms[0]!)] : forms.map(genericBits),
    skeleton: skeleton(split.label),
  };
}

/** Builds every index over the targets in one pass (plus one pass per length bucket for its typed arrays). */
export function indexTargets(targets: readonly Target[]): TargetIndex {
  const byForm = new MultiMap<Target>();
  const bySkeleton = new MultiMap<Target>();
  const byShortened = new MultiMap<Shortened>();
  const byLength: LengthBucket[] = [];
  const bySkeletonLength: number[][] = [];
  const gluedSuffixes = new Set<string>();
  let topRank = KIND_RANK.known;
  for (let at = 0; at < targets.length; at++) {
    const t = targets[at]!;
    for (let f = 0; f < t.forms.length; f++) {
      const form = t.forms[f]!;
      const bare = dehyphen(form);
      byForm.add(bare, t);
      addShortened(byShortened, bare, t);
      const bucket = (byLength[form.length] ??= { targets: [], formIndex: [], masks: new Int32Array(0), repeated: new Int32Array(0), generic: new Int32Array(0) });
      bucket.targets.push(t);
      bucket.formIndex.push(f);
    }
    bySkeleton.add(t.skeleton, t);
    gluedSuffixes.add(t.gluedSuffix);
    (bySkeletonLength[t.skeleton.length] ??= []).push(at);
    if (KIND_RANK[t.kind] < topRank) topRank = KIND_RANK[t.kind];
  }
  for (const bucket of byLength) if (bucket) fillMasks(bucket);
  return { all: targets, topRank, byForm, bySkeleton, gluedSuffixes: [...gluedSuffixes], byShortened, byLength, bySkeletonLength };
}

/** The name without a lure word at its start or end (faxekommune → faxe), when it has one. */
function addShortened(index: MultiMap<Shortened>, bare: string, target: Target): void {
  for (const word of LURE_WORDS) {
    if (bare.length <= word.length) continue;
    if (bare.startsWith(word)) index.add(bare.slice(word.length), { target, word });
    if (bare.endsWith(word)) index.add(bare.slice(0, bare.length - word.length), { target, word });
  }
}

function fillMasks(bucket: LengthBucket): void {
  const n = bucket.targets.length;
  bucket.masks = new Int32Array(n);
  bucket.repeated = new Int32Array(n);
  bucket.generic = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const t = bucket.targets[k]!;
    const f = bucket.formIndex[k]!;
    const form = t.forms[f]!;
    bucket.masks[k] = letterMask(form);
    bucket.repeated[k] = repeatedLetterMask(form);
    bucket.generic[k] = t.generic[f]!;
  }
}
