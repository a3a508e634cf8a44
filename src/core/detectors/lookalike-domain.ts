/**
 * The look-alike domain rule (docs/design/lookalike-domains.md §5): does a recipient's domain resemble one of the
 * organisation's own domains, a trusted partner's, or another Danish public body's, without
 * being it? The Randers case: staff mailed anders.dk (a private person) for years instead of
 * randers.dk.
 *
 * Per recipient, in order:
 *  1. the part after the last `@` must be a host, else an `invalid-recipient` finding;
 *  2. exact own/trusted/known domains and their subdomains pass (vejen.dk stays quiet for Vejle);
 *  3. structural checks against every protected domain: embedded name, split label, same name
 *     with look-alike characters or another suffix, name plus/minus a lure word;
 *  4. a keyboard- and look-alike-weighted distance scaled to the protected label's length;
 *  5. the strongest match wins: own before trusted before known, then by rule.
 * History (`confirmed`) can silence a trusted/known look-alike, never an own one.
 *
 * All lists are compiled once (`compileDomainLists`); a check is then hash lookups plus a few
 * short, early-exiting distance computations.
 */
import type { DomainEdit, InvalidRecipientFinding, LookalikeFinding, LookalikeReason } from "../finding";
import type { Recipient } from "../message";
import { foldLabel, foldVariants, skeleton } from "./confusables";
import { DK_PUBLIC_DOMAINS } from "./dk-public-domains.generated";
import { type PreparedLabel, cheapSlotMasks, damerauLevenshtein, describeEdit, isSingleTypingSlip, letterMask, prepareLabel, repeatedLetterMask, typoDistance } from "./domain-distance";
import { type HostName, type SplitHost, normalizeDomainEntry, parseAddress, splitHost } from "./recipient-domain";

export interface DomainLists {
  readonly own: readonly string[];
  readonly trusted: readonly string[];
  readonly known?: readonly string[];
  readonly confirmed?: readonly string[];
  readonly useBuiltInList?: boolean /* default true */;
  readonly secondaryTargets?: boolean /* default true */;
}

declare const compiledBrand: unique symbol;
/** Opaque: build with `compileDomainLists`, pass to `findLookalikes`. */
export interface CompiledDomainLists {
  readonly [compiledBrand]: "CompiledDomainLists";
}

/** The shipped Danish public-sector list (data/dk-public-domains.tsv, decision "ship"). */
export const BUILT_IN_PUBLIC_DOMAINS: readonly string[] = DK_PUBLIC_DOMAINS;

type TargetKind = LookalikeFinding["target"];

/** Words a look-alike may add to a protected name (docs/design/lookalike-domains.md §5 step 7). */
const LURE_WORDS: readonly string[] = [
  "kommunen", "kommune", "region", "sikkermail", "sikkerpost", "sikker", "email", "mail", "post",
  "secure", "login", "borger", "dk", "online", "web", "portal", "kontakt", "digital", "mit", "min",
  "my", "service", "support",
];

/** Generic words two names may share; stripped from both before measuring distance (faxekommune vs vardekommune). */
const GENERIC_WORDS: readonly string[] = ["kommune", "region"];

/** Suffixes a typo can land on: the distance rule only applies on these or the protected domain's own. */
const TYPO_SUFFIXES: ReadonlySet<string> = new Set(["dk", "com", "net", "org", "eu", "nu", "co"]);

/** Secondary (known-list) targets need a label at least this long: 2–3-letter public labels collide with legitimate names (hk/htk, dm/rm). */
const MIN_SECONDARY_LABEL = 4;

const KIND_RANK: Readonly<Record<TargetKind, number>> = { own: 0, trusted: 1, known: 2 };
const REASON_RANK: Readonly<Record<LookalikeReason, number>> = {
  "embedded-name": 0,
  "split-label": 1,
  homoglyph: 2,
  "tld-swap": 3,
  affix: 4,
  typo: 5,
};

interface Target {
  readonly kind: TargetKind;
  /** The domain as the list gives it (lower-case Unicode): what the finding names and suggests. */
  readonly domain: string;
  readonly registrable: string;
  /** Registrable label, lower-case NFC, unfolded: `randers`. */
  readonly label: string;
  readonly suffix: string;
  /** Folded label spellings, hyphens kept (one, or two for ø/å). */
  readonly forms: readonly string[];
  /** Per form: `letterMask` and generic-word bits, precomputed for the distance scan. */
  readonly masks: readonly number[];
  /** Per form: `repeatedLetterMask`, for the count-aware letter cut. */
  readonly repeated: readonly number[];
  readonly generic: readonly number[];
  readonly skeleton: string;
}

interface TargetIndex {
  readonly all: readonly Target[];
  /** Rank of the strongest kind in the index (0 when it holds an own domain). */
  readonly topRank: number;
  /** Folded form without hyphens → targets. */
  readonly byForm: ReadonlyMap<string, readonly Target[]>;
  readonly bySkeleton: ReadonlyMap<string, readonly Target[]>;
  /** `form.suffix` → targets, for names embedded in a longer host. */
  readonly byName: ReadonlyMap<string, readonly Target[]>;
  /** Form + suffix without dots (`randersdk`) → targets, for randers-dk.com and randersdk.com. */
  readonly byGlued: ReadonlyMap<string, readonly Target[]>;
  /** Form minus a lure word (`faxe` for faxekommune) → targets and the word. */
  readonly byShortened: ReadonlyMap<string, ReadonlyArray<{ readonly target: Target; readonly word: string }>>;
  /** Target forms by folded length, for the distance scan. */
  readonly byLength: ReadonlyArray<LengthBucket | undefined>;
}

/**
 * All target spellings of one length, laid out flat so the scan can reject most of them from their
 * letter sets (a typed array of masks) before touching a string (the ≤ 50 µs budget with 1,000+ targets).
 */
interface LengthBucket {
  readonly targets: Target[];
  /** Which of the target's `forms` this entry is. */
  readonly formIndex: number[];
  masks: Int32Array;
  repeated: Int32Array;
  /** Generic-word bits: a shared word changes the labels, so the letter cut is skipped. */
  generic: Int32Array;
}

interface Compiled {
  /** Own and trusted hosts (Unicode and ASCII): they and their subdomains pass. */
  readonly protectedHosts: ReadonlySet<string>;
  /** Known-legitimate hosts (built-in plus admin's): they and their subdomains pass. */
  readonly knownHosts: ReadonlySet<string>;
  readonly confirmed: ReadonlySet<string>;
  readonly primary: TargetIndex;
  readonly secondary: TargetIndex | undefined;
}

interface Match {
  readonly target: Target;
  readonly reason: LookalikeReason;
  readonly edit?: DomainEdit;
  /** Tie-break among matches of one rule: smaller is closer. */
  readonly distance: number;
}

/** Normalises, deduplicates and indexes the lists once. Entries that are not domains are skipped (parsePolicy reports them). */
export function compileDomainLists(lists: DomainLists): CompiledDomainLists {
  const own = hosts(lists.own);
  const trusted = hosts(lists.trusted);
  const knownEntries = [...(lists.useBuiltInList === false ? [] : BUILT_IN_PUBLIC_DOMAINS), ...(lists.known ?? [])];
  const known = hosts(knownEntries);

  const protectedHosts = new Set<string>();
  for (const h of [...own, ...trusted]) addHost(protectedHosts, h);
  const knownHosts = new Set<string>();
  for (const h of known) addHost(knownHosts, h);
  const confirmed = new Set<string>();
  for (const h of hosts(lists.confirmed ?? [])) addHost(confirmed, h);

  const seen = new Set<string>();
  const primaryTargets: Target[] = [];
  for (const [kind, list] of [["own", own], ["trusted", trusted]] as const) {
    for (const h of list) {
      const t = makeTarget(kind, h);
      if (t && !seen.has(`${kind} ${t.domain}`)) {
        seen.add(`${kind} ${t.domain}`);
        primaryTargets.push(t);
      }
    }
  }
  let secondary: TargetIndex | undefined;
  if (lists.secondaryTargets !== false) {
    const protectedRegistrables = new Set(primaryTargets.map((t) => t.registrable));
    const secondaryTargets: Target[] = [];
    for (const h of known) {
      const t = makeTarget("known", h);
      if (!t || seen.has(`known ${t.domain}`) || protectedRegistrables.has(t.registrable)) continue;
      if (t.forms[0]!.length < MIN_SECONDARY_LABEL) continue;
      seen.add(`known ${t.domain}`);
      secondaryTargets.push(t);
    }
    secondary = indexTargets(secondaryTargets);
  }
  const compiled: Compiled = { protectedHosts, knownHosts, confirmed, primary: indexTargets(primaryTargets), secondary };
  return compiled as unknown as CompiledDomainLists;
}

/** One finding per recipient that is invalid or resembles a protected domain; nothing for the rest. */
export function findLookalikes(
  recipients: readonly Recipient[],
  lists: CompiledDomainLists,
): Array<LookalikeFinding | InvalidRecipientFinding> {
  const compiled = lists as unknown as Compiled;
  const findings: Array<LookalikeFinding | InvalidRecipientFinding> = [];
  for (const recipient of recipients) {
    const finding = checkRecipient(recipient, compiled);
    if (finding) findings.push(finding);
  }
  return findings;
}

function checkRecipient(recipient: Recipient, compiled: Compiled): LookalikeFinding | InvalidRecipientFinding | undefined {
  const invalid: InvalidRecipientFinding = { kind: "invalid-recipient", recipient: recipient.address, field: recipient.field };
  const parsed = parseAddress(typeof recipient.address === "string" ? recipient.address : "");
  if (!parsed.ok) return invalid;
  const { host, local } = parsed;
  if (isUnder(host, compiled.protectedHosts) || isUnder(host, compiled.knownHosts)) return undefined;
  const split = splitHost(host);
  if (!split) return invalid;

  const probe = makeProbe(split);
  const match = bestMatch(probe, compiled.primary) ?? (compiled.secondary ? bestMatch(probe, compiled.secondary) : undefined);
  if (!match) return undefined;
  // History is a modifier, not a whitelist: years of mail to anders.dk must not make it normal.
  if (match.target.kind !== "own" && (compiled.confirmed.has(host.unicode) || compiled.confirmed.has(split.registrable))) {
    return undefined;
  }
  const finding: LookalikeFinding = {
    kind: "lookalike-domain",
    recipient: recipient.address,
    field: recipient.field,
    domain: host.ascii,
    ...(host.unicode !== host.ascii ? { domainUnicode: host.unicode } : {}),
    resembles: match.target.domain,
    target: match.target.kind,
    reason: match.reason,
    ...(match.edit ? { edit: match.edit } : {}),
    suggestion: `${local}@${match.target.domain}`,
  };
  return finding;
}

/** True when the host or one of its parent domains is in the set. */
function isUnder(host: HostName, set: ReadonlySet<string>): boolean {
  if (set.size === 0) return false;
  for (const name of [host.unicode, host.ascii]) {
    let rest = name;
    for (;;) {
      if (set.has(rest)) return true;
      const dot = rest.indexOf(".");
      if (dot === -1) break;
      rest = rest.slice(dot + 1);
    }
    if (host.unicode === host.ascii) break;
  }
  return false;
}

/** Everything about one recipient host the rules compare, computed once for both indexes. */
interface Probe {
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

function makeProbe(host: SplitHost): Probe {
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

function bestMatch(probe: Probe, index: TargetIndex): Match | undefined {
  if (index.all.length === 0) return undefined;
  const { host, bare, variants, folded, subBare, suffixForm } = probe;
  // (a module-level `closer`, not a closure: this runs per recipient, and closures cost an allocation each)
  let best: Match | undefined;

  // Embedded name: the protected name sits inside a longer host (randers.dk.evil.com, randers.dk.co).
  const registrableAt = host.sub.length;
  for (let i = 0; i < folded.length - 1; i++) {
    if (i === registrableAt) continue;
    let name = folded[i]!;
    for (let k = 1; k <= 3 && i + k < folded.length; k++) {
      name += `.${folded[i + k]!}`;
      for (const t of index.byName.get(name) ?? []) best = closer(best, { target: t, reason: "embedded-name", distance: 0 });
    }
  }
  // …or glued to its suffix in one label: randers-dk.com, randersdk.com, randers-dk.evil.com.
  for (const label of bare.concat(subBare)) {
    for (const t of index.byGlued.get(label) ?? []) best = closer(best, { target: t, reason: "embedded-name", distance: 0 });
  }

  // Split label: dots or hyphens inside the name make someone else's domain (ran.ders.dk → ders.dk).
  let joined = "";
  for (let k = subBare.length - 1; k >= 0; k--) {
    joined = subBare[k]! + joined;
    for (const v of bare) {
      for (const t of index.byForm.get(joined + v) ?? []) best = closer(best, { target: t, reason: "split-label", distance: 0 });
    }
  }

  // Same name: look-alike characters (rånders, rаnders with Cyrillic а, ranclers) or another suffix.
  // A name that differs only by a hyphen (ran-ders) is a typing slip, not a look-alike.
  for (const v of variants) {
    for (const t of index.byForm.get(dehyphen(v)) ?? []) {
      if (t.forms.indexOf(v) === -1) {
        best = closer(best, { target: t, reason: "typo", edit: t.suffix === host.suffix ? describeEdit(t.forms[0]!, v) : { op: "several" }, distance: 1 });
      } else if (host.label !== t.label) {
        best = closer(best, { target: t, reason: "homoglyph", edit: t.suffix === host.suffix ? { op: "look-alike-characters" } : { op: "several" }, distance: 0 });
      } else if (t.suffix !== host.suffix) {
        best = closer(best, { target: t, reason: "tld-swap", edit: { op: "other-suffix", from: t.suffix, to: host.suffix }, distance: 0 });
      }
    }
  }
  for (const t of index.bySkeleton.get(probe.skeleton) ?? []) {
    if (host.label !== t.label) {
      best = closer(best, { target: t, reason: "homoglyph", edit: t.suffix === host.suffix ? { op: "look-alike-characters" } : { op: "several" }, distance: 0.5 });
    }
  }

  // Name plus or minus a lure word: randerskommune.dk, randers-login.dk, faxe.dk for faxekommune.dk.
  for (const v of bare) {
    for (const word of LURE_WORDS) {
      if (v.length <= word.length) continue;
      if (v.startsWith(word)) {
        for (const t of index.byForm.get(v.slice(word.length)) ?? []) best = closer(best, { target: t, reason: "affix", edit: { op: "added-word", word }, distance: 1 });
      }
      if (v.endsWith(word)) {
        for (const t of index.byForm.get(v.slice(0, v.length - word.length)) ?? []) best = closer(best, { target: t, reason: "affix", edit: { op: "added-word", word }, distance: 1 });
      }
    }
    for (const { target } of index.byShortened.get(v) ?? []) best = closer(best, { target, reason: "affix", edit: { op: "several" }, distance: 1 });
  }

  // A typing slip, scaled to the protected label's length. Skipped when a structural rule already matched.
  // The scan can only lose to a structural match of the best kind this index holds.
  if (!best || KIND_RANK[best.target.kind] > index.topRank || best.reason === "typo") {
    for (const v of probe.typed) {
      const m = v.text.length;
      for (let length = Math.max(1, m - 2); length <= m + 2 && length < index.byLength.length; length++) {
        const bucket = index.byLength[length];
        if (!bucket) continue;
        // Up to 8 letters a slip is one edit (or two half-cost ones): lengths differ by at most 1.
        if (length <= 8 && (length - m > 1 || m - length > 1)) continue;
        // Letter-set cut: a slip within the limit leaves at most `limit` letters unmatched per side.
        const limit = length <= 8 ? 2 : 4;
        const { masks, repeated, generic } = bucket;
        const gap = length - m;
        for (let k = 0; k < masks.length; k++) {
          // (generic words change both labels, so their letters are not comparable: no cut then)
          if ((generic[k]! & v.generic) === 0 && letterCountCut(masks[k]!, repeated[k]!, v.mask, v.repeated, gap, limit)) continue;
          const typo = typoMatch(bucket.targets[k]!, bucket.formIndex[k]!, v, host.suffix, suffixForm);
          if (typo) best = closer(best, typo);
        }
      }
    }
  }
  if (!best) best = lookalikePlusSlip(probe, index);
  return best;
}

/** A slip on another suffix counts for protected names of at least this many letters. */
const MIN_CROSS_SUFFIX_TYPO_LABEL = 7;

/** Protected names shorter than this get no look-alike-plus-slip match: one edit reaches neighbours. */
const MIN_SKELETON_SLIP_LABEL = 5;

/**
 * Look-alike letters and one slip in one name (ramclers for randers: cl for d and m for n): the
 * skeletons are one edit apart. Only when the typed name holds a multi-letter look-alike or a digit
 * for a letter (its skeleton differs from it in length, or it has 0/1): i/l alone plus a slip would
 * reach real neighbours.
 */
function lookalikePlusSlip(probe: Probe, index: TargetIndex): Match | undefined {
  const s = probe.skeleton;
  const label = probe.host.label;
  if (s.length === label.length && !/[01]/.test(label)) return undefined;
  let best: Match | undefined;
  for (const t of index.all) {
    if (t.label.length < MIN_SKELETON_SLIP_LABEL || t.skeleton.length - s.length > 1 || s.length - t.skeleton.length > 1) continue;
    const sameSuffix = t.suffix === probe.host.suffix;
    if (!sameSuffix && !TYPO_SUFFIXES.has(probe.suffixForm)) continue;
    if (t.skeleton === s || damerauLevenshtein(t.skeleton, s, 1) > 1) continue;
    best = closer(best, { target: t, reason: "homoglyph", edit: sameSuffix ? { op: "look-alike-characters" } : { op: "several" }, distance: 1.5 });
  }
  return best;
}

/** A recipient label spelling prepared once for the distance scan. */
interface Typed {
  readonly text: string;
  readonly prepared: PreparedLabel;
  readonly mask: number;
  readonly repeated: number;
  /** Bit i set when GENERIC_WORDS[i] occurs in the label. */
  readonly generic: number;
}

function prepareTyped(text: string): Typed {
  return { text, prepared: prepareLabel(text), mask: letterMask(text), repeated: repeatedLetterMask(text), generic: genericBits(text) };
}

function genericBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < GENERIC_WORDS.length; i++) if (text.indexOf(GENERIC_WORDS[i]!) !== -1) bits |= 1 << i;
  return bits;
}

function typoMatch(t: Target, f: number, typed: Typed, suffix: string, suffixForm: string): Match | undefined {
  const sameSuffix = t.suffix === suffix;
  {
    const form = t.forms[f]!;
    if (form === typed.text) return undefined;
    let intended = form;
    let got = typed.text;
    const shared = t.generic[f]! & typed.generic;
    if (shared !== 0) {
      for (let i = 0; i < GENERIC_WORDS.length; i++) {
        if ((shared & (1 << i)) === 0) continue;
        intended = intended.replace(GENERIC_WORDS[i]!, "");
        got = got.replace(GENERIC_WORDS[i]!, "");
      }
    }
    const n = intended.length;
    if (n === 0 || intended === got) return undefined;
    let distance: number;
    if (n <= 3) {
      // Short names: one typing slip, and only on the very same suffix (kk.dk vs jk.dk).
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
    }
    const edit = sameSuffix ? describeEdit(form, typed.text) : ({ op: "several" } as const);
    return { target: t, reason: "typo", edit, distance };
  }
}

const CHEAP_SLOTS: Int32Array = cheapSlotMasks();

/**
 * True when no slip within `limit` half-edits can turn the target into the recipient label, judged
 * from letter-slot masks alone (`once`: slots present, `twice`: slots filled at least twice), so the
 * scan rejects most targets without touching a string. A lower bound of `letterBoundInHalves`:
 *  - a slot one side fills and the other lacks leaves ≥ 1 letter unmatched, a slot one side fills
 *    twice and the other at most once one more; each unmatched letter costs ≥ 0.5, and a full 1
 *    when no letter of the other side is a cheap substitute for it;
 *  - the two sides' unmatched counts differ by exactly the length gap (`intended − typed`), so
 *    either side's count bounds the other's.
 */
function letterCountCut(fromOnce: number, fromTwice: number, toOnce: number, toTwice: number, gap: number, limit: number): boolean {
  const fromLost = fromOnce & ~toOnce;
  const fromLost2 = fromTwice & ~toTwice;
  const toLost = toOnce & ~fromOnce;
  const toLost2 = toTwice & ~fromTwice;
  const fromCount = popcount(fromLost) + popcount(fromLost2);
  const toCount = popcount(toLost) + popcount(toLost2);
  if (fromCount > limit || toCount > limit || toCount + gap > limit || fromCount - gap > limit) return true;
  return letterSetHalves(fromLost, fromLost2, toOnce, limit) > limit || letterSetHalves(toLost, toLost2, fromOnce, limit) > limit;
}

/** Half-edits for the lost slots: 1 each, 2 when no slot of `other` holds a cheap substitute. */
function letterSetHalves(lost: number, lost2: number, other: number, limit: number): number {
  let halves = 0;
  let missing = lost;
  while (missing !== 0 && halves <= limit) {
    const bit = missing & -missing;
    missing ^= bit;
    halves += (CHEAP_SLOTS[31 - clz32(bit)]! & other) === 0 ? 2 : 1;
  }
  missing = lost2;
  while (missing !== 0 && halves <= limit) {
    const bit = missing & -missing;
    missing ^= bit;
    halves += (CHEAP_SLOTS[31 - clz32(bit)]! & other) === 0 ? 2 : 1;
  }
  return halves;
}

// Read once, not per comparison: global lookups can be slow in Outlook's sandbox (docs/design/outlook-runtime.md).
const imul = Math.imul;
const clz32 = Math.clz32;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}


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

function hosts(entries: readonly string[]): HostName[] {
  const out: HostName[] = [];
  for (const entry of entries) {
    if (typeof entry !== "string") continue;
    const h = normalizeDomainEntry(entry);
    if (h) out.push(h);
  }
  return out;
}

function addHost(set: Set<string>, host: HostName): void {
  set.add(host.unicode);
  set.add(host.ascii);
}

function makeTarget(kind: TargetKind, host: HostName): Target | undefined {
  const split = splitHost(host);
  if (!split) return undefined;
  const forms = foldVariants(split.label);
  return {
    kind,
    domain: host.unicode,
    registrable: split.registrable,
    label: split.label,
    suffix: split.suffix,
    forms,
    masks: forms.map(letterMask),
    repeated: forms.map(repeatedLetterMask),
    generic: forms.map(genericBits),
    skeleton: skeleton(split.label),
  };
}

function indexTargets(targets: readonly Target[]): TargetIndex {
  const byForm = new Map<string, Target[]>();
  const bySkeleton = new Map<string, Target[]>();
  const byName = new Map<string, Target[]>();
  const byGlued = new Map<string, Target[]>();
  const byShortened = new Map<string, Array<{ target: Target; word: string }>>();
  const byLength: LengthBucket[] = [];
  const push = <V>(map: Map<string, V[]>, key: string, value: V): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const t of targets) {
    const suffixForm = foldLabel(t.suffix, "short");
    for (let f = 0; f < t.forms.length; f++) {
      const form = t.forms[f]!;
      const bare = dehyphen(form);
      push(byForm, bare, t);
      push(byName, `${form}.${suffixForm}`, t);
      push(byGlued, bare + suffixForm.replace(/\./g, ""), t);
      for (const word of LURE_WORDS) {
        if (bare.length <= word.length) continue;
        if (bare.slice(0, word.length) === word) push(byShortened, bare.slice(word.length), { target: t, word });
        if (bare.slice(bare.length - word.length) === word) push(byShortened, bare.slice(0, bare.length - word.length), { target: t, word });
      }
      const bucket = (byLength[form.length] ??= { targets: [], formIndex: [], masks: new Int32Array(0), repeated: new Int32Array(0), generic: new Int32Array(0) });
      bucket.targets.push(t);
      bucket.formIndex.push(f);
    }
    push(bySkeleton, t.skeleton, t);
  }
  for (const bucket of byLength) {
    if (!bucket) continue;
    bucket.masks = Int32Array.from(bucket.targets, (t, k) => t.masks[bucket.formIndex[k]!]!);
    bucket.repeated = Int32Array.from(bucket.targets, (t, k) => t.repeated[bucket.formIndex[k]!]!);
    bucket.generic = Int32Array.from(bucket.targets, (t, k) => t.generic[bucket.formIndex[k]!]!);
  }
  const topRank = targets.reduce((rank, t) => Math.min(rank, KIND_RANK[t.kind]), KIND_RANK.known);
  return { all: targets, topRank, byForm, bySkeleton, byName, byGlued, byShortened, byLength };
}

function dehyphen(label: string): string {
  return label.indexOf("-") === -1 ? label : label.replace(/-/g, "");
}
