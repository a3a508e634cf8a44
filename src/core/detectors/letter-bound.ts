/**
 * Lower bounds on the typo distance from the two labels' letters alone, order ignored: the cuts
 * that let the distance scan reject most targets before running the DP (docs/design/lookalike-domains.md
 * §5 step 11). Every bound here may only under-estimate `weightedDistance`, never over-estimate it.
 */
import { cheapSubstitutionTable } from "./keyboard";

/** Read once: the loops must not pay a module-getter per letter in CommonJS builds. */
const cheapTable: Uint8Array = cheapSubstitutionTable();

const BAG_SLOTS = 128;
const used = new Int32Array(BAG_SLOTS);
const unmatchedIntended = new Int32Array(72);
const unmatchedTyped = new Int32Array(72);

/** ASCII gets its own slot; other characters share 32 slots, which only ever loosens the bound. */
const SLOT_OF: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (let code = 0; code < 65536; code++) table[code] = code < 128 ? (code >= 32 ? code - 32 : 0) : 96 + (code & 31);
  return table;
})();

function bagSlot(code: number): number {
  return SLOT_OF[code]!;
}

/** A recipient label with its letter counts, prepared once and compared with many targets. */
export interface PreparedLabel {
  readonly text: string;
  readonly counts: Int32Array;
}

export function prepareLabel(text: string): PreparedLabel {
  const counts = new Int32Array(BAG_SLOTS);
  for (let i = 0; i < text.length; i++) counts[bagSlot(text.charCodeAt(i))]!++;
  return { text, counts };
}

/**
 * A lower bound, in half-edits, of `weightedDistance` from the two labels' letters alone (order
 * ignored). Letters left unmatched on either side must each be covered by a substitution (0.5 if
 * the pair is cheap, else 1) or an insertion/deletion (1). With a/b unmatched letters and a'/b' of
 * them without any cheap partner on the other side, the cost is at least max(a + a', b + b') / 2:
 * every cover costs 0.5 per side, and a' (b') of them cost a full edit.
 * O(n) for the common early answer, O(n + m + a·b) otherwise.
 */
export function letterBoundInHalves(intended: string, typed: PreparedLabel, limit: number): number {
  const n = intended.length;
  const m = typed.text.length;
  let a = 0;
  for (let i = 0; i < n; i++) {
    const code = intended.charCodeAt(i);
    const slot = bagSlot(code);
    if (used[slot]! < typed.counts[slot]!) used[slot]!++;
    else if (a < unmatchedIntended.length) unmatchedIntended[a++] = code;
  }
  const b = m - (n - a);
  let bound = Math.max(a, b);
  if (bound <= limit && (a > 0 || b > 0)) {
    let k = 0;
    for (let i = 0; i < m && k < unmatchedTyped.length; i++) {
      const code = typed.text.charCodeAt(i);
      const slot = bagSlot(code);
      if (used[slot]! < typed.counts[slot]!) {
        used[slot]!++;
        unmatchedTyped[k++] = code;
      }
    }
    let aFull = 0;
    for (let i = 0; i < a; i++) if (!hasCheapPartner(unmatchedIntended[i]!, unmatchedTyped, k)) aFull++;
    let bFull = 0;
    for (let j = 0; j < k; j++) if (!hasCheapPartner(unmatchedTyped[j]!, unmatchedIntended, a)) bFull++;
    bound = Math.max(a + aFull, k + bFull);
    for (let i = 0; i < m; i++) used[bagSlot(typed.text.charCodeAt(i))] = 0;
  } else {
    for (let i = 0; i < n; i++) used[bagSlot(intended.charCodeAt(i))] = 0;
  }
  return bound;
}

function hasCheapPartner(code: number, others: Int32Array, count: number): boolean {
  if (code >= 256) return false;
  for (let k = 0; k < count; k++) {
    const other = others[k]!;
    if (other < 256 && cheapTable[code * 256 + other] === 1) return true;
  }
  return false;
}

/**
 * For each of the 32 `letterMask` slots, the slots holding a character that is a cheap substitute
 * for some character of this slot. Slots are shared (`code & 31`), so this over-approximates,
 * which keeps any bound built on it valid.
 */
export function cheapSlotMasks(): Int32Array {
  const masks = new Int32Array(32);
  for (let c = 0; c < 256; c++) {
    for (let d = 0; d < 256; d++) {
      if (cheapTable[c * 256 + d] === 1) masks[c & 31]! |= 1 << (d & 31);
    }
  }
  return masks;
}

/** A 32-bit set of the label's letters (by slot), for an O(1) first cut before `letterBoundInHalves`. */
export function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

/**
 * The slots (as in `letterMask`) holding two or more of the label's letters. With `letterMask` it
 * gives a count-aware cut: a slot the target fills twice but the recipient at most once leaves one
 * more letter unmatched, which the set alone cannot see (`borgborg` vs `borg…`).
 */
export function repeatedLetterMask(text: string): number {
  let once = 0;
  let twice = 0;
  for (let i = 0; i < text.length; i++) {
    const bit = 1 << (text.charCodeAt(i) & 31);
    twice |= once & bit;
    once |= bit;
  }
  return twice;
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
export function letterCountCut(fromOnce: number, fromTwice: number, toOnce: number, toTwice: number, gap: number, limit: number): boolean {
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
