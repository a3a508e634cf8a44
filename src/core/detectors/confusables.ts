/**
 * Folding and homoglyph skeletons for domain labels (docs/design/lookalike-domains.md §3).
 *
 * Two ideas, kept apart on purpose:
 * - `foldLabel` answers "is this the same name spelt another way?": Danish letters written out
 *   (ø→o or oe, å→a or aa, æ→ae) and other diacritics dropped. `rånders` folds to `randers`.
 * - `skeleton` answers "could a reader mistake one for the other?": a UTS #39-style map of
 *   Cyrillic/Greek/Latin look-alikes to their ASCII prototype, plus the ASCII sequences UTS #39
 *   leaves out (rn→m, vv→w, cl→d, 0→o, 1/i→l). A skeleton is for comparison only, never shown.
 *
 * Input is one label, already lower-cased and NFC (recipient-domain.ts does that).
 * Regexes here stay ES2016-safe: no lookbehind, no named groups, no `s` flag, no `\p{}`.
 */

/** Which spelling of the Danish letters: ø→o/å→a ("short") or ø→oe/å→aa ("long"); æ→ae in both. */
export type DanishSpelling = "short" | "long";

/**
 * Characters that render like one ASCII letter or digit in common fonts: the lower-case
 * Cyrillic, Greek and Latin-extended rows of Unicode's confusables.txt whose prototype is a
 * single ASCII character, plus the Cyrillic letters dnstwist's `cyrillic` fuzzer substitutes
 * (к, м, т, ь, ѵ, ԍ). Upper-case forms are reached by lower-casing first.
 */
const CONFUSABLE_PROTOTYPE: Readonly<Record<string, string>> = {
  // Cyrillic
  "\u0430": "a", // а
  "\u044c": "b", // ь
  "\u0441": "c", // с
  "\u0501": "d", // ԁ
  "\u0435": "e", // е
  "\u04bd": "e", // ҽ
  "\u0451": "e", // ё (after mark stripping it is е anyway)
  "\u050d": "g", // ԍ
  "\u04bb": "h", // һ
  "\u0456": "i", // і
  "\u0457": "i", // ї
  "\u0458": "j", // ј
  "\u043a": "k", // к
  "\u04cf": "l", // ӏ
  "\u043c": "m", // м
  "\u043f": "n", // п (reads as n in many sans fonts)
  "\u043e": "o", // о
  "\u0440": "p", // р
  "\u051b": "q", // ԛ
  "\u0455": "s", // ѕ
  "\u0442": "t", // т
  "\u0475": "v", // ѵ
  "\u051d": "w", // ԝ
  "\u0445": "x", // х
  "\u0443": "y", // у
  "\u04af": "y", // ү
  // Greek
  "\u03b1": "a", // α
  "\u03b2": "b", // β
  "\u03b5": "e", // ε
  "\u03b7": "n", // η
  "\u03b9": "i", // ι
  "\u03ba": "k", // κ
  "\u03bc": "u", // μ
  "\u03bd": "v", // ν
  "\u03bf": "o", // ο
  "\u03c1": "p", // ρ
  "\u03c3": "o", // σ
  "\u03c4": "t", // τ
  "\u03c5": "u", // υ
  "\u03c7": "x", // χ
  "\u03b3": "y", // γ
  "\u03c9": "w", // ω
  // Latin extended and IPA look-alikes that NFKC leaves alone (ı, ł, đ, ð and ħ are spelt out by
  // SPELLED_OUT, which the skeleton applies next: one table each)
  "\u0237": "j", // ȷ dotless j
  "\u0251": "a", // ɑ
  "\u0261": "g", // ɡ
  "\u0269": "i", // ɩ
  "\u026a": "i", // ɪ
  "\u029f": "l", // ʟ
  "\u0274": "n", // ɴ
  "\u1d0f": "o", // ᴏ
  "\u0280": "r", // ʀ
  "\ua731": "s", // ꜱ
  "\u1d1c": "u", // ᴜ
  "\u1d20": "v", // ᴠ
  "\u1d21": "w", // ᴡ
  "\u1d22": "z", // ᴢ
  "\u028f": "y", // ʏ
  "\u1d04": "c", // ᴄ
  "\u1d05": "d", // ᴅ
  "\u1d07": "e", // ᴇ
  "\u029c": "h", // ʜ
  "\u1d0a": "j", // ᴊ
  "\u1d0b": "k", // ᴋ
  "\u1d0d": "m", // ᴍ
  "\u1d18": "p", // ᴘ
  "\u1d1b": "t", // ᴛ
  "\u0167": "t", // ŧ
};

/** Letters NFD does not decompose but that spell out as ASCII (outside the Danish three). */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  "\u00df": "ss", // ß
  "\u0153": "oe", // œ
  "\u00fe": "th", // þ
  "\u0142": "l", // ł
  "\u0111": "d", // đ
  "\u00f0": "d", // ð
  "\u0127": "h", // ħ
  "\u0131": "i", // ı
};

/** Combining marks left by NFD (é → e + U+0301): dropped so that é, ë, è all fold to e. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII_SPELLED = /[\u00df\u0153\u00fe\u0142\u0111\u00f0\u0127\u0131]/g;

/** `String.prototype.normalize` exists in every runtime we target, but guard anyway: no crash on a bare engine. */
function normalizeForm(text: string, form: "NFC" | "NFD" | "NFKC"): string {
  return typeof text.normalize === "function" ? text.normalize(form) : text;
}

/** NFC and lower-case: the form every label is compared in. */
export function normalizeLabel(label: string): string {
  return normalizeForm(label, "NFC").toLowerCase();
}

/**
 * The label with Danish letters spelt out and other diacritics dropped. Non-Latin letters pass
 * through unchanged (a Cyrillic label never folds into a Latin one; that is `skeleton`'s job).
 */
export function foldLabel(label: string, spelling: DanishSpelling): string {
  let text = label;
  if (/[æøå]/.test(text)) {
    text = text.replace(/æ/g, "ae");
    text = spelling === "short" ? text.replace(/ø/g, "o").replace(/å/g, "a") : text.replace(/ø/g, "oe").replace(/å/g, "aa");
  }
  // ASCII-only labels (nearly all of them) stop here: nothing below would change them.
  if (isAscii(text)) return text;
  text = text.replace(NON_ASCII_SPELLED, (ch) => SPELLED_OUT[ch] ?? ch);
  return normalizeForm(text, "NFD").replace(COMBINING_MARKS, "");
}

/** Both Danish spellings, deduplicated; one entry when the label has no æ/ø/å. */
export function foldVariants(label: string): readonly string[] {
  const short = foldLabel(label, "short");
  if (!/[øå]/.test(label)) return [short];
  const long = foldLabel(label, "long");
  return long === short ? [short] : [short, long];
}

/**
 * The comparison skeleton: NFKC (fullwidth and mathematical letters to ASCII), confusable
 * prototypes, diacritic fold (short Danish spelling), then the ASCII look-alike sequences.
 * `i`, `l` and `1` collapse into one class because a reader cannot tell `pol1ti` from `politi`.
 */
export function skeleton(label: string): string {
  let text = isAscii(label) ? label : normalizeForm(label, "NFKC").toLowerCase();
  if (!isAscii(text)) {
    let mapped = "";
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      mapped += CONFUSABLE_PROTOTYPE[ch] ?? ch;
    }
    text = foldLabel(mapped, "short");
  }
  // Multi-letter look-alikes first (ii before i → l, so ii reads as u; lb/ld as b: ldorger), then
  // the single ones. See docs/design/lookalike-skeleton.md.
  // (each pass is skipped when its first letter is absent: this runs once per protected domain)
  if (text.indexOf("rn") !== -1) text = text.replace(/rn/g, "m");
  if (text.indexOf("vv") !== -1) text = text.replace(/vv/g, "w");
  if (text.indexOf("cl") !== -1) text = text.replace(/cl/g, "d");
  if (text.indexOf("l") !== -1) text = text.replace(/l[bd]/g, "b");
  if (text.indexOf("ii") !== -1) text = text.replace(/ii/g, "u");
  if (text.indexOf("0") !== -1) text = text.replace(/0/g, "o");
  return text.replace(/[1i]/g, "l");
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
