/**
 * Which zip parts our extractor reads for a given attachment, recorded from one untimed run of ours
 * (a spy on ZipArchive.read and readSliced: a part bigger than one inflate push is read in slices
 * and never passes through read). A floor built from this list inflates and decodes exactly the
 * parts ours inflated, never the slide masters, themes, images or styles ours skips: by
 * construction it does no more unzipping than ours.
 */
import { extractAttachments } from "../src/core/extractors/extract";
import { ZipArchive } from "../src/core/extractors/zip";
import type { Limits } from "../src/core/policy/policy";

const LIMITS: Limits = { sendBudgetMs: 4000, maxAttachmentBytes: 25 << 20, maxInflatedBytes: 128 << 20, maxArchiveEntries: 10000, maxNestingDepth: 3 };

export async function partsRead(name: string, bytes: Uint8Array): Promise<ReadonlySet<string>> {
  const read = new Set<string>();
  const original = ZipArchive.prototype.read;
  const originalSliced = ZipArchive.prototype.readSliced;
  ZipArchive.prototype.read = function (this: ZipArchive, part: string) {
    const data = original.call(this, part);
    if (data) read.add(part);
    return data;
  };
  ZipArchive.prototype.readSliced = async function (this: ZipArchive, part: string) {
    const data = await originalSliced.call(this, part);
    if (data) read.add(part);
    return data;
  };
  try {
    await extractAttachments([{ kind: "file", name, bytes }], { limits: LIMITS, deadline: Date.now() + 600_000 });
  } finally {
    ZipArchive.prototype.read = original;
    ZipArchive.prototype.readSliced = originalSliced;
  }
  return read;
}
