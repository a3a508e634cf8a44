/**
 * The two shortcuts the keyword search takes for speed (cpr-keywords.ts) give what the rule gives:
 * a hit's class read off its match (classOfHit) is classOf at its start, and a Latin-1 window read
 * as written, case-insensitively, has the hits of its lower-cased form.
 */
import { mulberry32 } from "../../../test/helpers/seeded-random";
import { KEYWORDS, KEYWORDS_AS_WRITTEN, classOf, classOfHit, isWordChar, isWordCharAsWritten } from "./cpr-keywords";

/** One written example of (nearly) every keyword alternative, some with a capital or a suffix. */
const EXAMPLES = [
  "e-cpr", "ecpr", "cpr-nr", "personnummer", "person-nr", "pers. nr", "personregistret", "sygesikring", "sundhedskort",
  "civil registration", "personal identification number", "personal id no", "social security", "national id", "ssn",
  "født", "fødselsdato", "borger", "barnets", "ansøger", "klient", "id-nr", "date of birth", "born", "citizen", "applicant",
  "tlf", "telefon", "mobil", "fax", "phone", "reg.nr", "registreringsnummer", "kontonr", "kontoen", "konto", "bank", "iban",
  "swift", "bic", "account", "cvr", "se-nr", "ean", "gln", "faktura", "invoice", "ordre", "order no", "kundenr", "vare-nr",
  "lev.nr", "sagsnr", "j.nr", "journal", "postnr", "isbn", "serienummer", "pakkenr", "track", "ts=", "timestamp",
  "tidsstempel", "p-nr", "pnummer", "produktionsenhed", "kontoret", "ssnx", "bornholm", "p nr.", "fødselsnummer",
];
const FILLER = ["og", "til", "den", "1234", "–", "\u201d", "Æble", "ØST", "×", "ß", "ÿ", "µ", "À", "Þ", "÷", "x", " ", ".", "-", "\t", "\n"];

/** Seeded windows mixing the examples (some capitalised) with filler. */
function windows(count: number, seed: number): string[] {
  const r = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let w = "";
    while (w.length < 100) {
      const ex = pick(EXAMPLES);
      const word = r() < 0.3 ? ex.toUpperCase() : r() < 0.3 ? ex.charAt(0).toUpperCase() + ex.slice(1) : ex;
      w += (r() < 0.5 ? word : pick(FILLER)) + (r() < 0.7 ? " " : "");
    }
    out.push(w);
  }
  return out;
}

function hits(re: RegExp, s: string): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.push([m.index, m[0].length, classOfHit(s, m.index, re === KEYWORDS_AS_WRITTEN)]);
  return out;
}

describe("keyword search shortcuts", () => {
  it("classOfHit is classOf at every hit, on lower-cased windows", () => {
    let checked = 0;
    for (const w of windows(400, 11).map((s) => s.toLowerCase())) {
      for (const [at, , c] of hits(KEYWORDS, w)) {
        expect([w.slice(at, at + 12), c]).toEqual([w.slice(at, at + 12), classOf(w, at)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("a Latin-1 window read as written has the hits (offset, length, class) of its lower-cased form", () => {
    let checked = 0;
    for (const w of windows(400, 12)) {
      if (/[\u00A0\u00AD\u0100-\uFFFF]/.test(w)) continue;
      expect(hits(KEYWORDS_AS_WRITTEN, w)).toEqual(hits(KEYWORDS, w.toLowerCase()));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("isWordCharAsWritten is isWordChar of the lower-cased character, for all of Latin-1", () => {
    for (let c = 0; c <= 0xff; c++) {
      if (c === 0xa0 || c === 0xad) continue;
      expect([c, isWordCharAsWritten(c)]).toEqual([c, isWordChar(String.fromCharCode(c).toLowerCase().charCodeAt(0))]);
    }
  });
});
