/**
 * Which single-character substitutions are "cheap" slips (docs/design/lookalike-domains.md §5 step 6): a key next to the
 * intended one on a Danish keyboard, or a character that looks like it. Both cost half an edit in
 * the weighted distance, so `rambers.dk` (n→m, d→b) stays within reach of `randers.dk` while
 * `nyborg`/`viborg` (two unrelated substitutions) does not.
 */

/**
 * The Danish (ISO) layout, row by row, with each row's horizontal offset in key widths. Two keys are
 * adjacent when they sit side by side in a row, or in neighbouring rows with centres at most 3/4 of
 * a key apart; that reproduces the usual adjacency lists (q~a, a~z, k~o, m~k) from geometry rather
 * than a hand-typed table.
 */
const DANISH_ROWS: ReadonlyArray<{ readonly keys: string; readonly offset: number }> = [
  { keys: "1234567890+", offset: 1 },
  { keys: "qwertyuiopå", offset: 1.5 },
  { keys: "asdfghjklæø", offset: 1.75 },
  { keys: "<zxcvbnm,.-", offset: 1.25 },
];

/** Pairs that look alike in common mail-client fonts (docs/design/lookalike-domains.md §5 step 6). */
const LOOKALIKE_GROUPS: readonly string[] = ["bd", "mn", "nr", "ce", "gq", "il1", "uv", "o0"];

/** Characters above this code are never cheap (no key on the layout, no look-alike entry). */
const TABLE_SIZE = 256;

/** Every pair of neighbouring keys, each pair once. */
function adjacentKeyPairs(): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  for (let r = 0; r < DANISH_ROWS.length; r++) {
    const row = DANISH_ROWS[r]!;
    const next = DANISH_ROWS[r + 1];
    for (let i = 0; i < row.keys.length; i++) {
      const key = row.keys.charAt(i);
      if (i + 1 < row.keys.length) pairs.push([key, row.keys.charAt(i + 1)]);
      if (!next) continue;
      for (let j = 0; j < next.keys.length; j++) {
        if (Math.abs(next.offset + j - (row.offset + i)) <= 0.75) pairs.push([key, next.keys.charAt(j)]);
      }
    }
  }
  return pairs;
}

/** Both orders of every adjacent pair. A loop, not flatMap: the send bundle runs on ES2016 built-ins. */
const ADJACENT: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  for (const [a, b] of adjacentKeyPairs()) {
    set.add(a + b);
    set.add(b + a);
  }
  return set;
})();

/** Every pair of look-alike characters, each pair once. */
function lookalikePairs(): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  for (const group of LOOKALIKE_GROUPS) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) pairs.push([group.charAt(i), group.charAt(j)]);
    }
  }
  return pairs;
}

/** A symmetric 256×256 lookup: 1 where the substitution is cheap. Built once at load. */
const CHEAP: Uint8Array = (() => {
  const table = new Uint8Array(TABLE_SIZE * TABLE_SIZE);
  const mark = (a: string, b: string): void => {
    const x = a.charCodeAt(0);
    const y = b.charCodeAt(0);
    if (x >= TABLE_SIZE || y >= TABLE_SIZE || x === y) return;
    table[x * TABLE_SIZE + y] = 1;
    table[y * TABLE_SIZE + x] = 1;
  };
  for (const [a, b] of adjacentKeyPairs()) mark(a, b);
  for (const [a, b] of lookalikePairs()) mark(a, b);
  return table;
})();

/** True when typing `b` for `a` (or the reverse) is a neighbouring-key or look-alike slip. */
export function isCheapSubstitution(a: string, b: string): boolean {
  return isCheapSubstitutionCode(a.charCodeAt(0), b.charCodeAt(0));
}

/** Same as `isCheapSubstitution`, on char codes. */
export function isCheapSubstitutionCode(a: number, b: number): boolean {
  return a < TABLE_SIZE && b < TABLE_SIZE && CHEAP[a * TABLE_SIZE + b] === 1;
}

/** The 256×256 table itself (row = char code, 1 = cheap), for the distance loop to index directly. */
export function cheapSubstitutionTable(): Uint8Array {
  return CHEAP;
}

/** True when `a` and `b` are neighbouring keys on the Danish layout (not merely look-alikes). */
export function areAdjacentKeys(a: string, b: string): boolean {
  return ADJACENT.has(a + b);
}

/** Both orders of every look-alike pair (rn/m-style sequences are the skeleton's, not here). */
const LOOKALIKE: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  for (const [a, b] of lookalikePairs()) {
    set.add(a + b);
    set.add(b + a);
  }
  return set;
})();

/** True when `a` and `b` look alike in common mail-client fonts (not merely neighbouring keys). */
export function areLookalikes(a: string, b: string): boolean {
  return LOOKALIKE.has(a + b);
}
