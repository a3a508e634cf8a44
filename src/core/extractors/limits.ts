/**
 * Every limit of Postvagt in one place, each with the attack or constraint it answers: the bounds
 * the attachment readers obey (docs/design/attachment-limits.md §4) and the time limits of the send
 * check, the pre-scans, the policy fetch and the task pane (docs/design/outlook-runtime.md). The
 * policy's `limits` override the first five reader bounds and may only shorten the send's time;
 * the rest are fixed because they bound our own parsers or Outlook's clock, not an admin's trade-off.
 */
import type { Limits } from "../policy/policy";

/**
 * Raw bytes of one attachment we will look at. A 25 MB file is 33 MB of base64 plus 25 MB of bytes
 * in a runtime (classic Outlook's JS-only host) whose heap limit nobody has documented.
 */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * Real (counted, never declared) inflated bytes per top-level attachment, nested content included.
 * Bounds memory against zip bombs: a 1 MB zip can claim 1 GB.
 */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;

/**
 * Real inflated bytes per single zip entry or PDF stream. Our LibreOffice fixtures inflate at most
 * 23:1; the cap still lets a 2.5 MB compressed document.xml through.
 */
export const MAX_ENTRY_INFLATED_BYTES = 64 * 1024 * 1024;

/** Entries per archive. A real .pptx has ~200; a 16-bit central directory allows 65,535. */
export const MAX_ARCHIVE_ENTRIES = 10_000;

/**
 * Containers inside containers (zip, mail, .msg, embedded documents all count). zip → docx →
 * embedded xlsx is depth 3; 42.zip-style recursion stops here.
 */
export const MAX_NESTING_DEPTH = 3;

/** The whole send-time check: Smart Alerts shows "taking longer than expected" after 5 s. */
export const SEND_BUDGET_MS = 4_000;

/**
 * Extracted characters per top-level attachment: bounds the detector's time and our memory. Above
 * MAX_ATTACHMENT_BYTES (research suggested 20 M), so a plain-text file at the byte limit is read whole.
 */
export const MAX_TEXT_CHARS = 32_000_000;

/**
 * Compression ratio above which an over-limit entry is called a bomb rather than merely too
 * large. POI's 100:1 produces false positives on real pivot caches (docs/design/attachment-limits.md §3.5), so the
 * ratio only names the reason; it never rejects a file on its own.
 */
export const BOMB_RATIO = 100;

/** PDF pages read; a 3,000-page PDF is far past what any budget reads anyway. */
export const MAX_PDF_PAGES = 3_000;

/** PDF indirect objects parsed: bounds the mini parser's maps on hostile files. */
export const MAX_PDF_OBJECTS = 500_000;

/** Nesting of PDF page-tree nodes, form XObjects and other recursive walks in one file. */
export const MAX_PDF_TREE_DEPTH = 32;

/**
 * Content-stream operators executed in one PDF, forms included. Forms that draw one another make
 * a 2 KB file run billions of operators; a real page runs thousands (docs/design/hostile-input.md).
 */
export const MAX_PDF_OPERATORS = 20_000_000;

/** Form XObjects entered in one PDF (a form is entered once per page and resources). */
export const MAX_PDF_FORM_DRAWS = 100_000;

/**
 * Multipart levels in one mail read as MIME (src/core/eml-repair.ts). Real mail nests a handful;
 * a 500-level tower is a parser attack. Below this the rest is read as text and reported.
 */
export const MAX_MIME_DEPTH = 50;

/** The send check answers this long after the bundle began to load at the latest: Outlook's dialog comes at 5 s. */
export const HARD_CAP_MS = 3800;

/** Kept back at the end of a send for writing the shared state and completing (at most a quarter of the budget). */
export const FINISH_MARGIN_MS = 300;

/** Bundle load counts only when the handler runs this soon after it: a reused runtime must not charge a later event for the page's load. */
export const MAX_LOAD_ALLOWANCE_MS = 2000;

/** A pre-scan's time: its runtime lives up to 5 minutes, so PDFs get time here that the send cannot give them. */
export const PRE_SCAN_BUDGET_MS = 30_000;

/** A cached policy is fetched again after this: an admin's change reaches every user within a quarter of an hour. */
export const POLICY_MAX_AGE_MS = 15 * 60 * 1000;

/** The policy fetch gives up after this, leaving the send most of its 3.8 s with the cached or built-in policy. */
export const POLICY_FETCH_TIMEOUT_MS = 1500;

/** The task pane's check may take longer than the send's: nobody is waiting on a Send button. */
export const PANE_SCAN_BUDGET_MS = 20_000;

/** Bytes of compressed input handed to the inflater at once: a deflate stream expands at most
 * ~1032:1, so one push can never allocate more than ~16 MB before the counter sees it. */
export const INFLATE_CHUNK_BYTES = 16 * 1024;

/**
 * The name of a bound as findings report it: the constant's name here (or the policy key's
 * counterpart), so an admin can look it up. Every limit that can stop a reader is listed.
 */
export type LimitName =
  | "MAX_ATTACHMENT_BYTES"
  | "MAX_INFLATED_BYTES"
  | "MAX_ENTRY_INFLATED_BYTES"
  | "MAX_ARCHIVE_ENTRIES"
  | "MAX_NESTING_DEPTH"
  | "SEND_BUDGET_MS"
  | "MAX_TEXT_CHARS"
  | "MAX_PDF_PAGES"
  | "MAX_PDF_OBJECTS"
  | "MAX_PDF_TREE_DEPTH"
  | "MAX_PDF_OPERATORS"
  | "MAX_PDF_FORM_DRAWS"
  | "MAX_MIME_DEPTH";

/** The limits one scan obeys. */
export interface EffectiveLimits {
  readonly maxAttachmentBytes: number;
  readonly maxInflatedBytes: number;
  readonly maxEntryInflatedBytes: number;
  readonly maxArchiveEntries: number;
  readonly maxNestingDepth: number;
  readonly maxTextChars: number;
}

// A limit that makes no sense is refused loudly, never replaced: `0`, NaN or a string would disable a
// limit silently (every `size > limit` comparison against NaN is false), and falling back would hide
// the caller's bug. The policy parser refuses such values with the field's name before they get here.
function pick(name: keyof Limits, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !isFinite(value) || value < min) {
    throw new RangeError(`limit ${name} must be a finite number ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

/** The effective limits for one scan; throws a RangeError naming the limit when one is not a sane number. */
export function effectiveLimits(limits: Partial<Limits> | undefined): EffectiveLimits {
  const l = limits ?? {};
  const maxInflatedBytes = pick("maxInflatedBytes", l.maxInflatedBytes, MAX_INFLATED_BYTES);
  return {
    maxAttachmentBytes: pick("maxAttachmentBytes", l.maxAttachmentBytes, MAX_ATTACHMENT_BYTES),
    maxInflatedBytes,
    maxEntryInflatedBytes: Math.min(MAX_ENTRY_INFLATED_BYTES, maxInflatedBytes),
    maxArchiveEntries: pick("maxArchiveEntries", l.maxArchiveEntries, MAX_ARCHIVE_ENTRIES),
    // Depth 0 is meaningful (do not open containers).
    maxNestingDepth: Math.floor(pick("maxNestingDepth", l.maxNestingDepth, MAX_NESTING_DEPTH, 0)),
    maxTextChars: MAX_TEXT_CHARS,
  };
}
