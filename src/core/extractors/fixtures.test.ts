/**
 * File-driven: every file in test/fixtures/attachments (made by real producers where one exists:
 * LibreOffice, Ghostscript, qpdf, cairo, Info-ZIP) is read and checked against its
 * `.expected.json`: each planted number at its place, each expected unreadable reason, and
 * nothing unreadable that was not expected.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { flatText, maskedNumbers } from "../../../test/helpers/cpr-like-numbers";
import type { TextSegment } from "../location";
import type { Limits } from "../policy/policy";
import { extractAttachments } from "./extract";
import { usePureDecoders } from "./text-decode";

const DIR = join(__dirname, "..", "..", "..", "test", "fixtures", "attachments");

interface Expected {
  producer: string;
  findings: Array<{ masked: string; within?: string; place?: Record<string, unknown> }>;
  unreadable?: Record<string, string>;
  absent?: string[];
}

const LIMITS: Limits = { sendBudgetMs: 4000, maxAttachmentBytes: 25 << 20, maxInflatedBytes: 128 << 20, maxArchiveEntries: 10000, maxNestingDepth: 3 };

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.slice(0, -".expected.json".length))
  .sort();

function placeMatches(seg: TextSegment, want: Record<string, unknown> | undefined): boolean {
  const place = seg.location.place as Record<string, unknown> | undefined;
  if (!want) return place === undefined;
  if (!place) return false;
  for (const [k, v] of Object.entries(want)) {
    if (k === "restoredLeadingZero") {
      if ((seg.restoredLeadingZero === true) !== v) return false;
    } else if (place[k] !== v) return false;
  }
  return true;
}

describe("attachment fixtures", () => {
  it("has fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  it.each(fixtures)("%s", async (name) => {
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Expected;
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const result = await extractAttachments([{ kind: "file", name, bytes }], { limits: LIMITS, deadline: Date.now() + 60_000 });

    // The file's own name is always the first segment.
    expect(result.segments[0]).toEqual({ text: name, location: { part: "attachment", attachment: name, place: { kind: "file-name" } } });

    for (const want of expected.findings) {
      const path = want.within ? `${name}/${want.within}` : name;
      const hits = result.segments.filter((s) => s.location.attachment === path && maskedNumbers(flatText(s)).indexOf(want.masked) >= 0);
      const where = hits.map((h) => JSON.stringify(h.location.place ?? null));
      expect({ number: want.masked, path, found: hits.some((h) => placeMatches(h, want.place)), where }).toEqual({
        number: want.masked,
        path,
        found: true,
        where,
      });
    }

    const unreadable = Object.fromEntries(
      result.unreadable.map((u) => [u.attachment === name ? "" : u.attachment.slice(name.length + 1), u.cause ? `${u.why}/${u.cause}` : u.why]),
    );
    if (expected.unreadable) expect(unreadable).toEqual(expected.unreadable);
    // A fixture with no expectation about failures may only fail as "corrupt" (the truncated PDF).
    else for (const why of Object.values(unreadable)) expect(why).toBe("corrupt");
    // …and a file its producer cut short must say so: read silently, it would pass as clean.
    if (/\bcut\b/.test(expected.producer)) expect(Object.values(unreadable)).toContain("corrupt");

    // Cells never join: "100108" | "8900" must not read as one 6+4 number.
    for (const digits of expected.absent ?? []) {
      for (const s of result.segments) expect(maskedNumbers(flatText(s))).not.toContain(`${digits.slice(0, 6)}-****`);
    }
  });
});

describe("the classic-runtime path (no TextDecoder) reads the fixtures the same", () => {
  afterAll(() => usePureDecoders(false));

  it.each(fixtures)("%s", async (name) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const opts = { limits: LIMITS, deadline: Date.now() + 60_000 };
    usePureDecoders(false);
    const native = await extractAttachments([{ kind: "file", name, bytes }], opts);
    usePureDecoders(true);
    const pure = await extractAttachments([{ kind: "file", name, bytes }], opts);
    expect(pure.segments).toEqual(native.segments);
    expect(pure.unreadable).toEqual(native.unreadable);
  });
});
