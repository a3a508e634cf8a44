/**
 * Edit distances between two folded domain labels, and the slip spelled out (docs/design/lookalike-domains.md §5 step 6).
 *
 * Both distances are the optimal-string-alignment form of Damerau-Levenshtein (a transposition of
 * neighbours counts as one edit, no edits inside a transposed pair). For the thresholds used here
 * (≤ 2) it agrees with unrestricted Damerau-Levenshtein on every realistic label.
 */
import type { DomainEdit } from "../finding";
import { areAdjacentKeys, areLookalikes, cheapSubstitutionTable, isCheapSubstitution } from "./keyboard";
import { type PreparedLabel, letterBoundInHalves } from "./letter-bound";

/** Costs in half-edits, so the weighted DP stays in integers. */
const FULL = 2;
const CHEAP = 1;

// Three reusable DP rows: the check runs for hundreds of targets per recipient, and allocating
// fresh arrays each time costs more than the arithmetic. Grown on demand; core is single-threaded.
let rowA = new Int32Array(72);
let rowB = new Int32Array(72);
let rowC = new Int32Array(72);

function ensureRows(length: number): void {
  if (rowA.length >= length) return;
  rowA = new Int32Array(length);
  rowB = new Int32Array(length);
  rowC = new Int32Array(length);
}

/**
 * Weighted distance from `intended` to `typed`: insertions, deletions, transpositions and
 * substitutions cost 1, a neighbouring-key or look-alike substitution costs 0.5.
 * Stops early and returns a value > `max` as soon as no alignment can come in at or under `max`.
 */
export function weightedDistance(intended: string, typed: string, max: number): number {
  return distanceInHalves(intended, typed, Math.floor(max * 2), true) / 2;
}

/** Plain (unit-cost) Damerau-Levenshtein distance, with the same early exit above `max`. */
export function damerauLevenshtein(intended: string, typed: string, max: number): number {
  return distanceInHalves(intended, typed, Math.floor(max) * FULL, false) / FULL;
}

/**
 * A banded DP: with at most `limit` half-edits there can be at most `limit / FULL` insertions or
 * deletions, so cells further than that from the diagonal are out of reach and never computed
 * (Ukkonen's cut-off). Out-of-band cells read as `limit + FULL`.
 */
function distanceInHalves(fullA: string, fullB: string, limit: number, weighted: boolean): number {
  // A shared prefix or suffix never costs anything in an optimal alignment: compare the middle.
  let start = 0;
  let endA = fullA.length;
  let endB = fullB.length;
  while (start < endA && start < endB && fullA.charCodeAt(start) === fullB.charCodeAt(start)) start++;
  while (endA > start && endB > start && fullA.charCodeAt(endA - 1) === fullB.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const a = start === 0 && endA === fullA.length ? fullA : fullA.slice(start, endA);
  const b = start === 0 && endB === fullB.length ? fullB : fullB.slice(start, endB);
  const n = a.length;
  const m = b.length;
  const out = limit + FULL;
  const band = Math.floor(limit / FULL);
  if (Math.abs(n - m) > band) return out;
  if (n === 0 || m === 0) {
    const cost = Math.max(n, m) * FULL;
    return cost > limit ? out : cost;
  }
  ensureRows(m + 2);
  let prev2 = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  const firstHi = Math.min(m, band);
  for (let j = 0; j <= firstHi; j++) prev[j] = j * FULL;
  if (firstHi + 1 <= m) prev[firstHi + 1] = out;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1);
    const lo = i - band > 1 ? i - band : 1;
    const hi = i + band < m ? i + band : m;
    let rowMin = out;
    if (lo === 1) {
      cur[0] = i <= band ? i * FULL : out;
      rowMin = cur[0]!;
    } else {
      cur[lo - 1] = out;
    }
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = prev[j - 1]!;
      if (ai !== bj) best += weighted && ai < 256 && bj < 256 && cheapTable[ai * 256 + bj] === 1 ? CHEAP : FULL;
      const del = prev[j]! + FULL;
      if (del < best) best = del;
      const ins = cur[j - 1]! + FULL;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ai !== bj && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const tr = prev2[j - 2]! + FULL;
        if (tr < best) best = tr;
      }
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (hi + 1 <= m) cur[hi + 1] = out;
    // Every later row is at least this row's minimum; nothing can come back under the limit.
    if (rowMin > limit) return out;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  const result = prev[m]!;
  return result > limit ? out : result;
}

/** Read once: the distance loop must not pay a module-getter per cell in CommonJS builds. */
const cheapTable: Uint8Array = cheapSubstitutionTable();

/**
 * The typo check for one candidate in one call: the letter bound (when `letterCut`), then the
 * banded weighted DP. Returns the weighted distance, or a value above `max`. The caller has already
 * applied the O(1) letter-set cut (`letterMask`); pass `letterCut: false` when the labels were
 * edited after they were prepared (a shared generic word removed).
 */
export function typoDistance(intended: string, typed: PreparedLabel | string, max: number, letterCut: boolean): number {
  const limit = Math.floor(max * 2);
  if (letterCut && typeof typed !== "string" && letterBoundInHalves(intended, typed, limit) > limit) return max + 1;
  return distanceInHalves(intended, typeof typed === "string" ? typed : typed.text, limit, true) / 2;
}


/**
 * The single slip that turns `intended` into `typed`, or `{ op: "several" }` when it takes more
 * than one edit. `missing`/`extra`/`replaced` name characters as in the two labels: `anders` for
 * `randers` is `{ op: "missing", char: "r" }`; `randerd` is `{ op: "replaced", from: "s", to: "d" }`;
 * `randres` is `{ op: "swapped", chars: "er" }` (the pair as the intended label has it).
 */
export function describeEdit(intended: string, typed: string): DomainEdit {
  if (intended === typed) return { op: "several" };
  let start = 0;
  const minLength = Math.min(intended.length, typed.length);
  while (start < minLength && intended.charAt(start) === typed.charAt(start)) start++;
  let endI = intended.length;
  let endT = typed.length;
  while (endI > start && endT > start && intended.charAt(endI - 1) === typed.charAt(endT - 1)) {
    endI--;
    endT--;
  }
  const gapI = intended.slice(start, endI);
  const gapT = typed.slice(start, endT);
  if (gapI.length === 1 && gapT.length === 0) return { op: "missing", char: gapI };
  if (gapI.length === 0 && gapT.length === 1) return { op: "extra", char: gapT };
  if (gapI.length === 1 && gapT.length === 1) return { op: "replaced", from: gapI, to: gapT };
  if (gapI.length === 2 && gapT.length === 2 && gapI.charAt(0) === gapT.charAt(1) && gapI.charAt(1) === gapT.charAt(0)) {
    return { op: "swapped", chars: gapI };
  }
  return { op: "several" };
}

/**
 * For labels of three characters or fewer only a single *typing* slip counts (docs/design/lookalike-domains.md §5
 * step 6): a missing character, a doubled one, an inserted neighbouring key, a hyphen, a
 * neighbouring-key or look-alike substitution, or two neighbours swapped. A general one-letter
 * difference between short labels (kk/ok, rm/dm) is how different organisations are named.
 */
export function isSingleTypingSlip(intended: string, typed: string): boolean {
  const edit = describeEdit(intended, typed);
  switch (edit.op) {
    case "missing":
    case "swapped":
      return true;
    case "replaced":
      return isCheapSubstitution(edit.from, edit.to);
    case "extra": {
      if (edit.char === "-") return true;
      // Where the extra character sits: a doubled letter or a key next to one of its neighbours.
      const at = extraCharIndex(intended, typed);
      const before = at > 0 ? typed.charAt(at - 1) : "";
      const after = at + 1 < typed.length ? typed.charAt(at + 1) : "";
      return (
        edit.char === before ||
        edit.char === after ||
        (before !== "" && areAdjacentKeys(edit.char, before)) ||
        (after !== "" && areAdjacentKeys(edit.char, after))
      );
    }
    default:
      return false;
  }
}

/** Below this many letters a name takes one slip, never two half-cost ones (§5 step 6, "slip shapes"). */
const MIN_TWO_SLIP_LABEL = 6;
/** Names up to this long take one edit (typoMatch); the front-letter test applies to them only. */
const MAX_ONE_EDIT_LABEL = 8;
/** Letters service names are prefixed with (e-Boks, iPhone, m for mobile): a phisher's front letter. */
const SERVICE_PREFIXES = "eim";
const VOWELS = "aeiouy\u00e6\u00f8\u00e5";

/**
 * Whether a difference the distance rule accepted (names of four letters or more) has the shape
 * of a slip, a forger's look-alike or a vowel mistaken, rather than of another word
 * (docs/design/lookalike-domains.md §5 step 6, "slip shapes"):
 * - a letter in front of a name of up to 8 letters is a neighbouring key of its first letter,
 *   that letter again, or a service prefix (`eborger`); `yesbjerg` is "yes" + Esbjerg;
 * - on a four-letter name a replaced letter is a neighbouring key, a look-alike, one bit off, a
 *   digit, or a vowel for a vowel (`seat` is another word than `skat`; `skot` is not);
 * - two half-cost slips need a name of six letters, unless both are look-alikes (`mltld` for
 *   `mitid`): `venoe` is two neighbouring keys in `vejle`'s five letters.
 * `intended`/`typed` are the labels compared (a shared generic word removed); `whole*` the labels
 * as written, by whose length and front the name is judged.
 */
export function hasSlipShape(intended: string, typed: string, wholeIntended: string = intended, wholeTyped: string = typed): boolean {
  const n = wholeIntended.length;
  if (n <= MAX_ONE_EDIT_LABEL && wholeTyped.length === n + 1 && wholeTyped.slice(1) === wholeIntended) {
    const added = wholeTyped.charAt(0);
    const first = wholeIntended.charAt(0);
    return added === first || areAdjacentKeys(added, first) || SERVICE_PREFIXES.indexOf(added) >= 0;
  }
  const edit = describeEdit(intended, typed);
  if (edit.op === "several") return n >= MIN_TWO_SLIP_LABEL || onlyLookalikes(intended, typed);
  if (edit.op === "replaced" && n === 4) {
    const { from, to } = edit;
    // (a digit where a letter belongs, sk0t, is a forger's look-alike, never a word)
    return isCheapSubstitution(from, to) || isOneBitApart(from, to) || isDigit(to) || (isVowel(from) && isVowel(to));
  }
  return true;
}

/** Same length, and every position where the two differ holds a look-alike pair. */
function onlyLookalikes(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a.charAt(i) !== b.charAt(i) && !areLookalikes(a.charAt(i), b.charAt(i))) return false;
  }
  return true;
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isVowel(c: string): boolean {
  return VOWELS.indexOf(c) >= 0;
}

/** Two characters whose codes differ in exactly one bit (a bit-flip variant). */
function isOneBitApart(a: string, b: string): boolean {
  const x = a.charCodeAt(0) ^ b.charCodeAt(0);
  return x !== 0 && (x & (x - 1)) === 0;
}

/** Index in `typed` of the one character `intended` lacks (the first such, when doubled). */
function extraCharIndex(intended: string, typed: string): number {
  let i = 0;
  while (i < intended.length && intended.charAt(i) === typed.charAt(i)) i++;
  return i;
}
