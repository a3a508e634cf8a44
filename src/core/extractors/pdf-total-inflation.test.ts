/**
 * The per-attachment cap on real inflated bytes also holds for PDF streams, which declare no
 * inflated size: two streams that each fit under the cap, but not together, stop the PDF before
 * more than the cap is inflated.
 */
import { zlibSync } from "fflate";
import { onePagePdf } from "../../../test/helpers/pdf-refilter";
import { Budget } from "./budget";
import { effectiveLimits } from "./limits";
import { readPdfMini } from "./pdf";

const MiB = 1 << 20;
const budget = (maxInflatedBytes: number): Budget => new Budget(effectiveLimits({ maxInflatedBytes }), Date.now() + 60_000, () => Date.now());

/** A FlateDecode stream of `n` bytes: the page's text, then spaces (no declared inflated size). */
function flateStream(n: number, content?: Uint8Array): { dict: string; data: Uint8Array } {
  const bytes = new Uint8Array(n).fill(32);
  if (content) bytes.set(content);
  return { dict: "/Filter /FlateDecode", data: zlibSync(bytes) };
}

describe("PDF streams count against the attachment's total inflation cap", () => {
  const part = Math.floor(0.7 * MiB);

  it("one stream under the cap reads whole", () => {
    const b = budget(MiB);
    const pdf = onePagePdf(["Sag 2026-117"], (c) => flateStream(part, c));
    expect(readPdfMini(pdf, b).status).toBe("ok");
    expect(b.peaks().inflatedBytes).toBeGreaterThanOrEqual(part);
  });

  it("two streams that each fit but not together stop, never inflating past the cap", () => {
    const b = budget(MiB);
    const pdf = onePagePdf(["Sag 2026-117"], (c) => flateStream(part, c), flateStream(part));
    expect(readPdfMini(pdf, b).status).not.toBe("ok");
    expect(b.peaks().inflatedBytes).toBeLessThanOrEqual(MiB);
  });
});
