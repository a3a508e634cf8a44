/**
 * Attachment text extraction: the boundary the scanner calls. Every attachment ends as text
 * segments (with its file name as a segment of its own) or as an UnreadableAttachmentFinding with
 * a reason: never silence, never an exception. Formats are sniffed from the bytes; containers
 * (zip, mail, .msg, embedded documents) recurse to a bounded depth under one budget of time,
 * real inflated bytes and characters (limits.ts).
 */
import { messageFromEml } from "../eml";
import type { UnreadableAttachmentFinding } from "../finding";
import type { TextSegment } from "../location";
import type { AttachmentInput } from "../message";
import type { Limits } from "../policy/policy";
import { htmlToText } from "../text/html-to-text";
import { Budget, ExtractStop, isExtractStop, type Slicing } from "./budget";
import { cfbKind } from "./cfb";
import { Collector, unavailable } from "./collector";
import type { ReadContext } from "./context";
import { readDocx } from "./docx";
import { readPdf } from "./extract-pdf";
import { isAttachmentWide, streamable, STREAMED_TEXT_SHARE, streamEntry, streamText } from "./extract-stream";
import { effectiveLimits, type LimitName } from "./limits";
import { readMsg } from "./msg";
import { odfKind, readOdf } from "./odf";
import type { PdfTextReader } from "./pdf";
import { readPptx } from "./pptx";
import { readRtfSliced } from "./rtf";
import { sniffFormat } from "./sniff";
import { decodeText } from "./text-decode";
import { decodeHtml, readLines, STREAM_TEXT_MIN_BYTES } from "./text-lines";
import { readXlsx } from "./xlsx";
import { readZipEntry, ZipArchive } from "./zip";

export type { PdfPageText, PdfReadControl, PdfReadResult, PdfReadStatus, PdfTextReader } from "./pdf";

export interface ExtractOptions {
  /** The policy's limits; a missing or insane value falls back to the default in limits.ts. */
  readonly limits: Limits;
  /** Epoch milliseconds after which extraction stops and what is left is reported as timeout. */
  readonly deadline: number;
  /** Injected clock (Date.now by default), so tests can pin time. */
  readonly clock?: () => number;
  /**
   * The PDF reader. Default: the built-in mini reader (pure, synchronous, runs in classic
   * Outlook). A host that can afford pdf.js (the CLI, the task pane) passes a pdf.js reader.
   */
  readonly pdf?: PdfTextReader;
  /** A host that must keep its event loop free (a pre-scan) has the readers yield (budget.ts). */
  readonly slicing?: Slicing;
}

export interface Extraction {
  /** Text found, including each attachment's file name as its own segment (place: file-name). */
  readonly segments: readonly TextSegment[];
  readonly unreadable: readonly UnreadableAttachmentFinding[];
  /** The largest real inflated bytes and extracted characters of any one attachment. */
  readonly peaks: { readonly inflatedBytes: number; readonly textChars: number };
}

export async function extractAttachments(attachments: readonly AttachmentInput[], options: ExtractOptions): Promise<Extraction> {
  const clock = options.clock ?? ((): number => Date.now());
  const budget = new Budget(effectiveLimits(options.limits), options.deadline, clock, options.slicing);
  const start = clock();
  budget.stopStreamedTextAt(start + (options.deadline - start) * STREAMED_TEXT_SHARE);
  const out = new Collector(budget);
  const reader = new Reader(budget, out, options.pdf);
  for (const a of attachments) {
    out.name(a.name, a.name);
    if (a.kind === "unavailable") {
      const u = unavailable(a.reason);
      out.fail(a.name, u.why, u.cause);
      continue;
    }
    if (budget.expired() || !(await reader.pauseBetween())) {
      out.fail(a.name, "timeout", undefined, "SEND_BUDGET_MS");
      continue;
    }
    budget.resetForAttachment(a.bytes.length);
    await reader.top(a.name, a.bytes);
  }
  return { segments: out.segments, unreadable: out.unreadable, peaks: budget.peaks() };
}

class Reader {
  constructor(
    private readonly budget: Budget,
    private readonly out: Collector,
    private readonly pdfReader: PdfTextReader | undefined,
  ) {}

  async top(path: string, bytes: Uint8Array): Promise<void> {
    try {
      await this.file(path, bytes, 0);
    } catch (e) {
      if (isExtractStop(e)) this.out.fail(path, e.why, e.cause, e.limit);
      // Anything else is a reader bug on hostile input: the file is reported, never passed.
      else this.out.fail(path, "corrupt");
    }
  }

  /** A file inside another: its name is a segment, then it is read one level deeper. */
  private async child(parent: string, name: string, bytes: Uint8Array, depth: number): Promise<void> {
    const path = parent + "/" + name;
    this.out.name(path, name);
    try {
      await this.file(path, bytes, depth);
    } catch (e) {
      if (isExtractStop(e) && !isAttachmentWide(e)) this.out.fail(path, e.why, e.cause, e.limit);
      else if (isExtractStop(e)) throw e;
      else this.out.fail(path, "corrupt");
    }
  }

  /** One file at `depth`: sniffed, then its format's reader; the files nested in it after it, one level deeper. */
  private async file(path: string, bytes: Uint8Array, depth: number): Promise<void> {
    if (bytes.length > this.budget.limits.maxAttachmentBytes) throw new ExtractStop("too-large", undefined, "MAX_ATTACHMENT_BYTES");
    this.budget.tick();
    const nested: Array<{ name: string; bytes: Uint8Array }> = [];
    const ctx: ReadContext = {
      budget: this.budget,
      emit: (text, place, extra) => this.out.emit(path, text, place, extra),
      nested: (name, b) => {
        nested.push({ name, bytes: b });
      },
    };
    const format = sniffFormat(bytes);
    // Depth counts containers opened (zip, OOXML/ODF, mail, .msg): with the default 3,
    // zip → docx → embedded xlsx is read, and a 42.zip-style tower stops at its fourth level.
    if ((format === "zip" || format === "eml" || format === "cfb") && depth >= this.budget.limits.maxNestingDepth) {
      throw new ExtractStop("too-large", "nesting-too-deep", "MAX_NESTING_DEPTH");
    }
    switch (format) {
      case "zip":
        await this.zip(path, bytes, depth, ctx);
        break;
      case "pdf":
        await readPdf(path, bytes, this.budget, this.out, this.pdfReader);
        break;
      case "cfb": {
        const kind = cfbKind(bytes);
        if (kind === "encrypted-ooxml") throw new ExtractStop("encrypted");
        if (kind === "msg") await readMsg(bytes, ctx);
        else if (kind === "unknown") throw new ExtractStop("unsupported", "unknown-format");
        else throw new ExtractStop("unsupported", "legacy-format");
        break;
      }
      case "rtf":
        await readRtfSliced(bytes, ctx);
        break;
      case "eml":
        await this.eml(path, bytes, ctx);
        break;
      case "html":
        ctx.emit(htmlToText(decodeHtml(bytes)));
        break;
      case "text":
        if (bytes.length >= STREAM_TEXT_MIN_BYTES) await streamText(bytes, ctx);
        else readLines(decodeText(bytes), ctx);
        break;
      case "image":
        throw new ExtractStop("unsupported", "image");
      default:
        throw new ExtractStop("unsupported", "unknown-format");
    }
    for (const n of nested) {
      await this.budget.pause();
      await this.child(path, n.name, n.bytes, depth + 1);
    }
  }

  private async zip(path: string, bytes: Uint8Array, depth: number, ctx: ReadContext): Promise<void> {
    const zip = new ZipArchive(bytes, this.budget);
    if (zip.has("word/document.xml") || (zip.has("[Content_Types].xml") && zip.names().some((n) => /^word\/.*document[^/]*\.xml$/.test(n)))) {
      guardEncrypted(zip);
      await readDocx(zip, ctx);
      return;
    }
    if (zip.has("xl/workbook.xml")) {
      guardEncrypted(zip);
      await readXlsx(zip, ctx);
      return;
    }
    if (zip.has("xl/workbook.bin")) {
      // Excel's binary workbook (.xlsb): its cells are binary records, not XML. Read as a plain
      // archive it would list its internal parts as unknown files and miss every number in it.
      guardEncrypted(zip);
      throw new ExtractStop("unsupported", "binary-workbook");
    }
    if (zip.has("ppt/presentation.xml")) {
      guardEncrypted(zip);
      await readPptx(zip, ctx);
      return;
    }
    const odf = odfKind(zip);
    if (odf) {
      await readOdf(zip, odf, ctx);
      return;
    }
    // A plain archive: every entry is a file of its own, read in order, one level deeper.
    for (const entry of zip.entries) {
      await this.budget.pause();
      if (entry.isDirectory) continue;
      const childPath = path + "/" + entry.name;
      if (entry.encrypted) {
        this.out.name(childPath, entry.name);
        this.out.fail(childPath, "encrypted");
        continue;
      }
      if (streamable(entry, this.budget)) {
        await streamEntry({ budget: this.budget, out: this.out, file: (p, b, d) => this.file(p, b, d) }, childPath, entry, bytes, depth + 1);
        continue;
      }
      let data: Uint8Array;
      try {
        data = readZipEntry(bytes, entry, this.budget);
      } catch (e) {
        if (isExtractStop(e) && !isAttachmentWide(e)) {
          this.out.name(childPath, entry.name);
          this.out.fail(childPath, e.why, e.cause, e.limit);
          continue;
        }
        throw e;
      }
      await this.child(path, entry.name, data, depth + 1);
    }
  }

  /** Between two attachments: false when the host abandoned the scan (the rest is not read). */
  async pauseBetween(): Promise<boolean> {
    try {
      await this.budget.pause();
      return true;
    } catch (e) {
      if (isExtractStop(e)) return false;
      throw e;
    }
  }

  private async eml(path: string, bytes: Uint8Array, ctx: ReadContext): Promise<void> {
    const parsed = await messageFromEml(bytes);
    this.budget.tick();
    if (!parsed.ok) throw new ExtractStop("corrupt");
    const m = parsed.message;
    // Parts of the attached mail not read as MIME (eml-repair.ts): reported under its name.
    for (const u of m.unreadParts ?? []) this.out.fail(`${path}/${u.attachment}`, u.why, u.cause, u.limit as LimitName | undefined);
    ctx.emit(m.subject, { kind: "mail-part", part: "subject" });
    const body = m.bodyHtml !== undefined ? htmlToText(m.bodyHtml) : m.bodyText ?? "";
    ctx.emit(body, { kind: "mail-part", part: "body" });
    if (m.bodyHtml !== undefined && m.bodyText !== undefined) ctx.emit(m.bodyText, { kind: "mail-part", part: "body" });
    for (const a of m.attachments) if (a.kind === "file") ctx.nested(a.name, a.bytes);
  }
}

/** OOXML packages that say they are encrypted inside a zip (rare; the CFB form is the usual one). */
function guardEncrypted(zip: ZipArchive): void {
  if (zip.entries.some((e) => e.encrypted)) throw new ExtractStop("encrypted");
}
