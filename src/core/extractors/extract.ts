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
import { concatBytes } from "./concat-bytes";
import type { ReadContext } from "./context";
import { readDocx } from "./docx";
import { InflateStream } from "./inflate-stream";
import { effectiveLimits } from "./limits";
import { readMsg } from "./msg";
import { odfKind, readOdf } from "./odf";
import type { PdfReadResult, PdfTextReader } from "./pdf";
import { pageSegment, readPdfMini } from "./pdf";
import { readPptx } from "./pptx";
import { readRtf } from "./rtf";
import { sniffFormat } from "./sniff";
import { decodeText } from "./text-decode";
import { decodeHtml, LineStream, readLines, STREAM_TEXT_MIN_BYTES, TEXT_PIECE_BYTES } from "./text-lines";
import { readXlsx } from "./xlsx";
import { entryData, readZipEntry, ZipArchive, type ZipEntry } from "./zip";

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

/** Stops that end the whole top-level attachment, not just the nested file where they happened. */
function isAttachmentWide(e: ExtractStop): boolean {
  return e.why === "timeout" || e.why === "zip-bomb" || (e.why === "too-large" && e.cause === undefined) || e.cause === "inconsistent-archive";
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
        await this.pdf(path, bytes);
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
        readRtf(bytes, ctx);
        break;
      case "eml":
        await this.eml(bytes, ctx);
        break;
      case "html":
        ctx.emit(htmlToText(decodeHtml(bytes)));
        break;
      case "text":
        if (bytes.length >= STREAM_TEXT_MIN_BYTES) await this.streamText(bytes, ctx);
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
      readDocx(zip, ctx);
      return;
    }
    if (zip.has("xl/workbook.xml")) {
      guardEncrypted(zip);
      readXlsx(zip, ctx);
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
      readPptx(zip, ctx);
      return;
    }
    const odf = odfKind(zip);
    if (odf) {
      readOdf(zip, odf, ctx);
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
        await this.streamEntry(childPath, entry, bytes, depth + 1);
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

  private contextFor(path: string): ReadContext {
    return { budget: this.budget, emit: (text, place, extra) => this.out.emit(path, text, place, extra), nested: () => undefined };
  }

  /** A big text, a piece at a time, with a pause after each: its first lines exist whatever stops the rest. */
  private async streamText(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
    const lines = new LineStream(ctx);
    for (let off = 0; off < bytes.length; off += TEXT_PIECE_BYTES) {
      const end = Math.min(bytes.length, off + TEXT_PIECE_BYTES);
      lines.push(bytes.subarray(off, end), end === bytes.length);
      await this.budget.pause();
    }
  }

  /**
   * A big deflated entry of a plain archive, inflated piece by piece: read as lines while it
   * inflates when its first bytes say text (a zipped register extract), else collected and read
   * as any other file. Ends as `child` would: its name, then its text or why it was not read.
   */
  private async streamEntry(path: string, entry: ZipEntry, zipBytes: Uint8Array, depth: number): Promise<void> {
    this.out.name(path, entry.name);
    try {
      const stream = new InflateStream(entryData(zipBytes, entry, this.budget), entry.size, this.budget);
      const head: Uint8Array[] = [];
      let got = 0;
      for (let piece = stream.next(); piece; piece = got < SNIFF_BYTES ? stream.next() : undefined) {
        head.push(piece);
        got += piece.length;
        await this.budget.pause();
      }
      let current: Uint8Array | undefined = concatBytes(head, got);
      if (sniffFormat(current) !== "text") {
        const all = [current];
        for (let piece = stream.next(); piece; piece = stream.next()) {
          all.push(piece);
          got += piece.length;
          await this.budget.pause();
        }
        await this.file(path, concatBytes(all, got), depth);
        return;
      }
      const lines = new LineStream(this.contextFor(path));
      while (current) {
        const next = stream.next();
        lines.push(current, next === undefined);
        current = next;
        await this.budget.pause();
      }
    } catch (e) {
      if (isExtractStop(e) && !isAttachmentWide(e)) this.out.fail(path, e.why, e.cause, e.limit);
      else if (isExtractStop(e)) throw e;
      else this.out.fail(path, "corrupt");
    }
  }

  private async pdf(path: string, bytes: Uint8Array): Promise<void> {
    let result: PdfReadResult;
    if (this.pdfReader) {
      const budget = this.budget;
      try {
        result = await this.pdfReader.read(bytes, { expired: () => budget.expired() });
      } catch {
        result = { status: "corrupt", pages: [], pageCount: 0 };
      }
    } else result = readPdfMini(bytes, this.budget);
    let chars = 0;
    for (const p of result.pages) {
      const { text, softBreaks } = pageSegment(p.lines);
      chars += text.replace(/\s+/g, "").length;
      this.out.emit(path, text, { kind: "page", page: p.page }, { softBreaks });
    }
    switch (result.status) {
      case "ok":
        if (chars === 0) throw new ExtractStop("unsupported", result.incomplete ? "unsupported-encoding" : "no-text-layer");
        if (result.incomplete) this.out.fail(path, "unsupported", "unsupported-encoding");
        return;
      case "encrypted":
        throw new ExtractStop("encrypted");
      case "timeout":
        throw new ExtractStop("timeout", undefined, "SEND_BUDGET_MS");
      case "zip-bomb":
        throw new ExtractStop("zip-bomb", undefined, result.limit);
      case "too-large":
        throw new ExtractStop("too-large", result.limit && /^MAX_PDF_/.test(result.limit) ? "limit-reached" : undefined, result.limit);
      default:
        throw new ExtractStop("corrupt");
    }
  }

  private async eml(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
    const parsed = await messageFromEml(bytes, { maxMimeDepth: 50 });
    this.budget.tick();
    if (!parsed.ok) throw new ExtractStop("corrupt");
    const m = parsed.message;
    ctx.emit(m.subject, { kind: "mail-part", part: "subject" });
    const body = m.bodyHtml !== undefined ? htmlToText(m.bodyHtml) : m.bodyText ?? "";
    ctx.emit(body, { kind: "mail-part", part: "body" });
    if (m.bodyHtml !== undefined && m.bodyText !== undefined) ctx.emit(m.bodyText, { kind: "mail-part", part: "body" });
    for (const a of m.attachments) if (a.kind === "file") ctx.nested(a.name, a.bytes);
  }
}

/**
 * The share of extraction's time a streamed text may use. The CPR pass then has the rest for what
 * was read: measured on a 25 MB register extract (a number on every line), its work per line is
 * about twice that of reading the line.
 */
const STREAMED_TEXT_SHARE = 0.15;

/** Bytes of a streamed entry sniffed before it is read as text or collected: sniff.ts looks at 8 KB. */
const SNIFF_BYTES = 64 * 1024;

/** A deflated entry big enough to stream, and small enough to be read whole had it been collected. */
function streamable(entry: ZipEntry, budget: Budget): boolean {
  return entry.method === 8 && entry.size >= STREAM_TEXT_MIN_BYTES && entry.size <= budget.limits.maxAttachmentBytes;
}

/** OOXML packages that say they are encrypted inside a zip (rare; the CFB form is the usual one). */
function guardEncrypted(zip: ZipArchive): void {
  if (zip.entries.some((e) => e.encrypted)) throw new ExtractStop("encrypted");
}
