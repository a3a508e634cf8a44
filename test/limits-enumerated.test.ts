/**
 * @jest-environment node
 *
 * Every limit in src/core/extractors/limits.ts, enumerated from the module itself: hitting it gives
 * an unreadable/incomplete finding that names it. A new limit without a row here fails the first
 * test, so no bound can be added that passes silently.
 */
import { zipSync, strToU8 } from "fflate";
import * as limitsModule from "../src/core/extractors/limits";
import { extractAttachments } from "../src/core/extractors/extract";
import type { Limits } from "../src/core/policy/policy";
import { deepFormPdf, manyCharsPdf, manyObjectsPdf, manyPagesPdf, sharedFormsPdf } from "./helpers/hostile-pdf";

const BASE: Limits = { sendBudgetMs: 4000, maxAttachmentBytes: 25 << 20, maxInflatedBytes: 128 << 20, maxArchiveEntries: 10_000, maxNestingDepth: 3 };

/** A mail whose multiparts nest `levels` deep, a number in the innermost part. */
function deepMime(levels: number): Uint8Array {
  let body = "Content-Type: text/plain\r\n\r\nCPR 150375-6125\r\n";
  for (let i = levels; i > 0; i--) body = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${body}--n${i}--\r\n`;
  return strToU8(`From: a@randers.dk\r\nSubject: dyb\r\n${body}`);
}

interface Row {
  readonly input: () => { name: string; bytes: Uint8Array; limits?: Partial<Limits>; deadline?: number };
}

/** How each limit is hit, or why a constant is not a stopping limit / too costly for a unit test. */
const ROWS: Record<string, Row | string> = {
  MAX_ATTACHMENT_BYTES: { input: () => ({ name: "a.txt", bytes: strToU8("x".repeat(2000)), limits: { maxAttachmentBytes: 1000 } }) },
  MAX_INFLATED_BYTES: { input: () => ({ name: "a.zip", bytes: zipSync({ "a.txt": strToU8("CPR ".repeat(5000)) }), limits: { maxInflatedBytes: 1000 } }) },
  MAX_ARCHIVE_ENTRIES: { input: () => ({ name: "a.zip", bytes: zipSync({ "1.txt": strToU8("1"), "2.txt": strToU8("2"), "3.txt": strToU8("3") }), limits: { maxArchiveEntries: 2 } }) },
  MAX_NESTING_DEPTH: { input: () => ({ name: "a.zip", bytes: zipSync({ "b.zip": zipSync({ "c.txt": strToU8("x") }) }), limits: { maxNestingDepth: 1 } }) },
  SEND_BUDGET_MS: { input: () => ({ name: "a.txt", bytes: strToU8("x"), deadline: Date.now() - 1 }) },
  MAX_PDF_PAGES: { input: () => ({ name: "a.pdf", bytes: manyPagesPdf(limitsModule.MAX_PDF_PAGES + 1) }) },
  MAX_PDF_TREE_DEPTH: { input: () => ({ name: "a.pdf", bytes: deepFormPdf(limitsModule.MAX_PDF_TREE_DEPTH + 5) }) },
  MAX_MIME_DEPTH: { input: () => ({ name: "a.eml", bytes: deepMime(limitsModule.MAX_MIME_DEPTH + 2) }) },
  MAX_ENTRY_INFLATED_BYTES: "64 MB of real output per entry: covered by the bomb tests in src/core/extractors/extract.test.ts (named here since this change)",
  // The PDF bounds are reached at their real values (no lowered copy): small files whose work is
  // pages × forms × body (test/helpers/hostile-pdf.ts), the number on a page past the bound.
  // 2,999 pages of 11,000 characters: 33 M characters, read by the PDF reader (it counts them itself).
  MAX_TEXT_CHARS: { input: () => ({ name: "a.pdf", bytes: manyCharsPdf(2999, 11_000) }) },
  MAX_PDF_OBJECTS: { input: () => ({ name: "a.pdf", bytes: manyObjectsPdf(limitsModule.MAX_PDF_OBJECTS) }) },
  // 2,999 pages drawing one form of 6,700 no-op operators: 20.1 M operators.
  MAX_PDF_OPERATORS: { input: () => ({ name: "a.pdf", bytes: sharedFormsPdf(2999, 1, "n ".repeat(6700)) }) },
  // 2,999 pages drawing 34 forms each: 101,966 form entries.
  MAX_PDF_FORM_DRAWS: { input: () => ({ name: "a.pdf", bytes: sharedFormsPdf(2999, 34, "0 0 m") }) },
  BOMB_RATIO: "not a stop: only chooses between the reasons zip-bomb and too-large",
  INFLATE_CHUNK_BYTES: "not a stop: the size of one push to the inflater",
  HARD_CAP_MS: "the send's own deadline, not a reader's: src/addin/launchevent/on-message-send.test.ts (the policy cannot lengthen it; a timeout is the policy's onTimeout)",
  FINISH_MARGIN_MS: "time kept back to complete the send: on-message-send.test.ts (the timer fires before the cap)",
  MAX_LOAD_ALLOWANCE_MS: "how much bundle load the send's clock counts: on-message-send.test.ts",
  PRE_SCAN_BUDGET_MS: "the pre-scan's deadline: reported as SEND_BUDGET_MS like every deadline of a scan",
  POLICY_MAX_AGE_MS: "not a stop: when a cached policy is fetched again (src/addin/policy/load-policy.test.ts)",
  POLICY_FETCH_TIMEOUT_MS: "the policy fetch's default timeout (load-policy.test.ts hangs a fetch with its own shorter one): then the cached or built-in policy",
  PANE_SCAN_BUDGET_MS: "the task pane's deadline: reported as SEND_BUDGET_MS like every deadline of a scan",
};

const exported = Object.keys(limitsModule).filter((k) => /^[A-Z][A-Z0-9_]+$/.test(k));

describe("every limit is enumerated", () => {
  it("each exported limit has a row (a test, or why it is not a stopping limit)", () => {
    expect(exported.filter((k) => !(k in ROWS))).toEqual([]);
  });

  it.each(exported.filter((k) => typeof ROWS[k] === "object"))("%s: hitting it is reported with its name", async (name) => {
    const row = ROWS[name] as Row;
    const { name: file, bytes, limits, deadline } = row.input();
    const r = await extractAttachments([{ kind: "file", name: file, bytes }], { limits: { ...BASE, ...limits }, deadline: deadline ?? Date.now() + 170_000 });
    expect(r.unreadable.map((u) => u.limit)).toContain(name);
    // The file's number lies past the bound: reaching it must not read as clean.
    expect(r.unreadable.length).toBeGreaterThan(0);
  }, 180_000);
});
