/**
 * The mini PDF reader's output on every committed PDF fixture and on the realistic 20-page PDF
 * of the bench, pinned: a speed change to how the reader gets at bytes must not change a
 * character of what it reads. Pinned as a hash of the whole result (status, page count, every
 * page's text), so no text (and no number in it) is stored here. The hashes were taken before
 * the reader's bytes-to-text step became a view instead of a copy, and are the same after.
 * When a change to the reader is meant to change its text, update the hash in the same commit
 * and say why.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { realisticPdf } from "../../../test/helpers/realistic-pdf";
import { Budget } from "./budget";
import { effectiveLimits } from "./limits";
import { readPdfMini } from "./pdf";

const FIXTURES = join(__dirname, "..", "..", "..", "test", "fixtures");

const PINNED: ReadonlyArray<[string, () => Uint8Array, string]> = [
  ...(
    [
      ["attachments/brev.pdf", "ok 3", "efac41796726e538"],
      ["attachments/brev-gs.pdf", "ok 3", "efac41796726e538"],
      ["attachments/brev-objstm.pdf", "ok 3", "efac41796726e538"],
      ["attachments/brev-cairo.pdf", "ok 3", "efac41796726e538"],
      ["attachments/krypteret.pdf", "encrypted 0", "70c4ba0ab6d1d654"],
      ["attachments/scannet.pdf", "ok 1", "983a276c165f44b0"],
      ["attachments/afkortet.pdf", "corrupt 0", "5737ad708aabe615"],
      ["pdfjs-only/kun-ejerkode.pdf", "encrypted 0", "70c4ba0ab6d1d654"],
    ] as const
  ).map(([file, what, hash]): [string, () => Uint8Array, string] => [`${file} (${what} pages)`, () => new Uint8Array(readFileSync(join(FIXTURES, file))), hash]),
  ["the bench's realistic 20-page PDF with photos", () => realisticPdf(), "acc3e2a7967a246e"],
];

describe("mini PDF reader: the text is unchanged", () => {
  it.each(PINNED)("%s", (_name, load, hash) => {
    const result = readPdfMini(load(), new Budget(effectiveLimits(undefined), Date.now() + 60_000, () => Date.now()));
    expect(createHash("sha256").update(JSON.stringify(result)).digest("hex").slice(0, 16)).toBe(hash);
  });

  it("reads every page of the realistic PDF, in order", () => {
    const result = readPdfMini(realisticPdf(), new Budget(effectiveLimits(undefined), Date.now() + 60_000, () => Date.now()));
    expect(result.status).toBe("ok");
    expect(result.pages.map((p) => p.page)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(result.pages.every((p) => p.lines.length >= 34)).toBe(true);
  });
});
