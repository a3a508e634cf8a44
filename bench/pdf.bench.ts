/**
 * Our mini PDF reader against pdf.js on realistic PDFs: the seeded 20-page, 1.9 MB case file with a
 * photo on every page (test/helpers/realistic-pdf.ts) and the committed fixtures. Runs alternate
 * ours and pdf.js, in one process, after warm-up. The floor is pdf.js's text alone
 * (`getTextContent` on every page, no worker, as the CLI runs it); ours reads the same text.
 * Target: ours ≤ 1.0× pdf.js (the mini reader exists to be the small, fast one).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Budget } from "../src/core/extractors/budget";
import { effectiveLimits } from "../src/core/extractors/limits";
import { readPdfMini } from "../src/core/extractors/pdf";
import { realisticPdf } from "../test/helpers/realistic-pdf";
import { header, ratioRow, stats } from "./rows";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const FIX = join(__dirname, "..", "test", "fixtures", "attachments");

type PdfjsLib = {
  getDocument: (o: object) => { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<unknown> }> }>; destroy(): Promise<void> };
};

export async function bench(): Promise<void> {
  const dyn = new Function("s", "return import(s)") as (s: string) => Promise<unknown>;
  await dyn("pdfjs-dist/legacy/build/pdf.worker.mjs");
  const lib = (await dyn("pdfjs-dist/legacy/build/pdf.mjs")) as PdfjsLib;
  const pdfjsText = async (bytes: Uint8Array): Promise<void> => {
    const task = lib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
    const doc = await task.promise;
    for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
    await task.destroy();
  };
  const mini = (bytes: Uint8Array): void => {
    const r = readPdfMini(bytes, new Budget(effectiveLimits(undefined), Date.now() + 60_000, () => Date.now()));
    if (r.status !== "ok") throw new Error(`mini reader: ${r.status}`);
  };

  const inputs: Array<[string, Uint8Array]> = [
    ["realistic 20-page PDF with photos", realisticPdf()],
    ...["brev.pdf", "brev-gs.pdf", "brev-objstm.pdf", "brev-cairo.pdf"].map((f): [string, Uint8Array] => [f, new Uint8Array(readFileSync(join(FIX, f)))]),
  ];
  console.log(`${RUNS} runs each after 3 warm-ups, alternating (ours first on even runs)`);
  header();
  for (const [name, bytes] of inputs) {
    for (let i = 0; i < 3; i++) {
      mini(bytes);
      await pdfjsText(bytes);
    }
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const timeOurs = (): void => {
        const t = performance.now();
        mini(bytes);
        ours.push(performance.now() - t);
      };
      const timeFloor = async (): Promise<void> => {
        const t = performance.now();
        await pdfjsText(bytes);
        floor.push(performance.now() - t);
      };
      if (i % 2 === 0) {
        timeOurs();
        await timeFloor();
      } else {
        await timeFloor();
        timeOurs();
      }
    }
    ratioRow(`mini PDF reader, ${name} (${(bytes.length / 1024 / 1024).toFixed(2)} MB)`, stats(ours), stats(floor), "ms", "pdf.js text", 1.0);
  }
}
