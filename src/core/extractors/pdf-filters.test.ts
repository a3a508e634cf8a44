/**
 * RunLengthDecode, LZWDecode and predictors: hand-derived vectors (PDF 32000-1 §7.4.4–7.4.5),
 * round trips through the independent test encoders (test/helpers/pdf-refilter.ts, checked
 * against poppler and pdf.js in pdf.test.ts), damaged input, and bombs stopped on the budget.
 */
import { zlibSync } from "fflate";
import { lzwEncode, onePagePdf, packCodes, pngPredict, runLengthEncode } from "../../../test/helpers/pdf-refilter";
import { mulberry32 } from "../../../test/helpers/seeded-random";
import { Budget } from "./budget";
import { effectiveLimits } from "./limits";
import { readPdfMini } from "./pdf";
import { lzwDecode, runLengthDecode, unpredict } from "./pdf-filters";
import { stopOf } from "../../../test/helpers/stop-of";

const MiB = 1 << 20;
const budget = (maxInflatedBytes?: number): Budget =>
  new Budget(effectiveLimits(maxInflatedBytes === undefined ? undefined : { maxInflatedBytes }), Date.now() + 60_000, () => Date.now());
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const str = (b: Uint8Array): string => String.fromCharCode(...b);

/** Text-like bytes with repeats, so LZW strings grow long and codes reach 12 bits. */
function sampleText(n: number, seed: number): Uint8Array {
  const rnd = mulberry32(seed);
  const words = ["Borger ", "CPR-nr. ", "150375-6125 ", "sagen ", "æøå ", "\n", "afgørelse ", "kommune ", "0", "1"];
  let s = "";
  while (s.length < n) s += words[Math.floor(rnd() * words.length)] as string;
  return Uint8Array.from(s.slice(0, n), (c) => c.charCodeAt(0) & 255);
}

describe("runLengthDecode", () => {
  it.each([
    ["a literal run then a repeat", bytes(2, 65, 66, 67, 254, 68, 128), "ABCDDD"],
    ["the longest repeat (129 → 128 bytes)", bytes(129, 120, 128), "x".repeat(128)],
    ["the shortest repeat (255 → 2 bytes)", bytes(255, 90, 128), "ZZ"],
    ["a 128-byte literal", bytes(127, ...ascii("y".repeat(128)), 128), "y".repeat(128)],
    ["no end marker", bytes(0, 65, 0, 66), "AB"],
    ["data after the end marker is ignored", bytes(0, 65, 128, 0, 66), "A"],
    ["a literal run cut short", bytes(5, 65, 66), "AB"],
    ["a repeat with no byte to repeat", bytes(0, 65, 200), "A"],
    ["empty input", bytes(), ""],
  ])("%s", (_name, input, want) => {
    expect(str(runLengthDecode(input, budget()))).toBe(want);
  });

  it.each([1, 2, 127, 128, 129, 1000, 70_000])("round-trips %i bytes of text through the test encoder", (n) => {
    const data = sampleText(n, n);
    expect(runLengthDecode(runLengthEncode(data), budget())).toEqual(data);
  });
});

describe("lzwDecode", () => {
  it.each([
    // PDF 32000-1 §7.4.4.2, Example 1: 45 45 45 45 45 65 45 45 45 66 → codes 256 45 258 258 65 259 66 257.
    ["the specification's example", bytes(0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01), [45, 45, 45, 45, 45, 65, 45, 45, 45, 66]],
    ["KwKwK: a code used in the step that defines it", packCodes([[256, 9], [65, 9], [258, 9], [257, 9]]), [65, 65, 65]],
    ["no leading clear code", packCodes([[65, 9], [66, 9], [258, 9], [257, 9]]), [65, 66, 65, 66]],
    ["a clear code mid-stream resets the table (258 is then KwKwK, not \"AB\")", packCodes([[256, 9], [65, 9], [66, 9], [256, 9], [67, 9], [258, 9], [257, 9]]), [65, 66, 67, 67, 67]],
    ["no end code: runs to the last whole code", packCodes([[256, 9], [72, 9], [105, 9]]), [72, 105]],
    ["data after the end code is ignored", packCodes([[256, 9], [72, 9], [257, 9], [105, 9]]), [72]],
  ])("%s", (_name, input, want) => {
    expect(Array.from(lzwDecode(input, 1, budget()))).toEqual(want);
  });

  it.each([
    ["a code beyond the table", packCodes([[256, 9], [65, 9], [300, 9], [66, 9]]), "A"],
    ["KwKwK right after a clear (nothing to extend)", packCodes([[256, 9], [258, 9], [65, 9]]), ""],
    ["garbage bytes", bytes(0xff, 0xff, 0xff, 0xff), ""],
  ])("damage ends the stream with what came before: %s", (_name, input, want) => {
    expect(str(lzwDecode(input, 1, budget()))).toBe(want);
  });

  // 600 codes cross 9→10 bits; 5,000 and 200,000 bytes reach 12 bits, fill the table or clear it.
  it.each([
    [1, undefined, 600],
    [0, undefined, 600],
    [1, undefined, 5_000],
    [0, undefined, 5_000],
    [1, undefined, 200_000],
    [0, undefined, 200_000],
    [1, 4000, 200_000],
    [0, 4000, 200_000],
    [1, 600, 50_000],
  ] as const)("round-trips with EarlyChange %i, clear at %s, %i bytes", (earlyChange, clearAt, n) => {
    const data = sampleText(n, 7 + n);
    const encoded = lzwEncode(data, clearAt === undefined ? { earlyChange } : { earlyChange, clearAt });
    expect(lzwDecode(encoded, earlyChange, budget())).toEqual(data);
  });

  it.each([0, 1] as const)("EarlyChange matters: data encoded with %i decodes wrong with the other", (earlyChange) => {
    const data = sampleText(20_000, 3);
    const other = earlyChange === 1 ? 0 : 1;
    const wrong = lzwDecode(lzwEncode(data, { earlyChange }), other, budget());
    expect(wrong).not.toEqual(data);
  });

  it("a truncated stream yields a prefix of the data", () => {
    const data = sampleText(50_000, 11);
    const encoded = lzwEncode(data, { earlyChange: 1 });
    const got = lzwDecode(encoded.subarray(0, encoded.length >> 1), 1, budget());
    expect(got.length).toBeGreaterThan(1000);
    expect(got.length).toBeLessThan(data.length);
    expect(got).toEqual(data.subarray(0, got.length));
  });
});

describe("bombs stop on the budget, named by the same rule as Flate", () => {
  const zeros = new Uint8Array(8 * MiB);

  it("LZW: 8 MiB of zeros in a few KB stops as a bomb at a 1 MiB cap", () => {
    const encoded = lzwEncode(zeros, { earlyChange: 1, clearAt: 4000 });
    expect(encoded.length).toBeLessThan(40_000);
    const b = budget(MiB);
    expect(stopOf(() => lzwDecode(encoded, 1, b))?.why).toBe("zip-bomb");
    expect(b.peaks().inflatedBytes).toBeLessThanOrEqual(MiB);
  });

  it("RunLength expands at most 64:1, below the bomb ratio: an over-cap stream is too large", () => {
    const encoded = runLengthEncode(zeros);
    expect(encoded.length).toBeLessThan(zeros.length / 60);
    const b = budget(MiB);
    expect(stopOf(() => runLengthDecode(encoded, b))?.why).toBe("too-large");
    expect(b.peaks().inflatedBytes).toBeLessThanOrEqual(MiB);
  });

  it("just under the cap decodes whole and is counted", () => {
    const data = new Uint8Array(MiB - 1000);
    const b = budget(MiB);
    expect(lzwDecode(lzwEncode(data, { earlyChange: 1, clearAt: 4000 }), 1, b).length).toBe(data.length);
    expect(b.peaks().inflatedBytes).toBe(data.length);
  });

  it.each([
    ["FlateDecode", "zip-bomb", "/Filter /FlateDecode", (d: Uint8Array) => zlibSync(d)],
    ["LZWDecode", "zip-bomb", "/Filter /LZWDecode", (d: Uint8Array) => lzwEncode(d, { earlyChange: 1, clearAt: 4000 })],
    ["RunLengthDecode", "too-large", "/Filter /RunLengthDecode", (d: Uint8Array) => runLengthEncode(d)],
  ])("a PDF whose page is a %s bomb reads as %s", (_name, status, dict, encode) => {
    // A valid content stream padded with 8 MiB of spaces after the text.
    const pdf = onePagePdf(["CPR-nr. 150375-6125"], (c) => {
      const padded = new Uint8Array(c.length + 8 * MiB).fill(32);
      padded.set(c);
      return { dict, data: encode(padded) };
    });
    const b = budget(MiB);
    expect(readPdfMini(pdf, b).status).toBe(status);
    expect(b.peaks().inflatedBytes).toBeLessThanOrEqual(MiB);
  });
});

describe("unpredict", () => {
  const png = (predictor: number, columns: number, data: number[]) => unpredict(Uint8Array.from(data), { predictor, colors: 1, bitsPerComponent: 8, columns });

  it("undoes each PNG row filter (hand-computed rows)", () => {
    const rows = [
      [1, 1, 1, 1], // Sub → 1 2 3
      [2, 1, 1, 1], // Up → 2 3 4
      [3, 0, 0, 0], // Average: (0+2)>>1, (1+3)>>1, (2+4)>>1 → 1 2 3
      [4, 1, 1, 1], // Paeth: picks up, left, left → 2 3 4
      [0, 9, 9, 9], // None
    ];
    expect(Array.from(png(12, 3, rows.flat()) ?? [])).toEqual([1, 2, 3, 2, 3, 4, 1, 2, 3, 2, 3, 4, 9, 9, 9]);
  });

  it("uses bytes per pixel for the left neighbour (3 colours)", () => {
    const out = unpredict(Uint8Array.from([1, 10, 20, 30, 1, 2, 3]), { predictor: 10, colors: 3, bitsPerComponent: 8, columns: 2 });
    expect(Array.from(out ?? [])).toEqual([10, 20, 30, 11, 22, 33]);
  });

  it("drops a cut-off last row, as the row is not whole", () => {
    expect(Array.from(png(12, 3, [0, 1, 2, 3, 0, 4]) ?? [])).toEqual([1, 2, 3]);
  });

  it("undoes the TIFF predictor for 8-bit components", () => {
    expect(Array.from(png(2, 3, [1, 1, 1, 5, 1, 1]) ?? [])).toEqual([1, 2, 3, 5, 6, 7]);
  });

  it.each([
    ["an unknown PNG row filter", 12, 8, 3, [5, 1, 2, 3]],
    ["TIFF with 4-bit components", 2, 4, 3, [1, 2]],
    ["an unknown predictor number", 7, 8, 3, [1, 2, 3]],
    ["zero columns", 12, 8, 0, [0, 1]],
  ])("cannot undo %s", (_name, predictor, bitsPerComponent, columns, data) => {
    expect(unpredict(Uint8Array.from(data), { predictor, colors: 1, bitsPerComponent, columns })).toBeUndefined();
  });

  it("predictor 1 or none leaves data as is", () => {
    const d = Uint8Array.from([4, 5, 6]);
    expect(unpredict(d, { predictor: 1, colors: 1, bitsPerComponent: 8, columns: 1 })).toBe(d);
  });

  it("round-trips text through the test's PNG encoder (all five row filters)", () => {
    const data = sampleText(10_000, 5);
    const out = unpredict(pngPredict(data, 16), { predictor: 15, colors: 1, bitsPerComponent: 8, columns: 16 });
    expect(out?.subarray(0, data.length)).toEqual(data);
  });
});
