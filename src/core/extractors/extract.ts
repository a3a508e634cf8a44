/**
 * Attachment text extraction: the boundary the scanner calls. Every attachment ends as text
 * segments (with its file name as a segment of its own) or as an UnreadableAttachmentFinding with
 * a reason: never silence, never an exception. Formats are sniffed from the bytes; containers
 * (zip, mail, .msg, embedded documents) recurse to a bounded depth under one budget of time,
 * real inflated bytes and characters (limits.ts).
 */
import { messageFromEml } from "../eml";
import type { UnreadableAttachmentFinding, UnreadableCause, UnreadableReason } from "../finding";
import type { Place, TextSegment } from "../location";
import type { AttachmentInput, UnavailableReason } from "../message";
import type { Limits } from "../policy/policy";
import { htmlToText } from "../text/html-to-text";
import { Budget, ExtractStop, isExtractStop } from "./budget";
import { cfbKind } from "./cfb";
import type { EmitExtra, ReadContext } from "./context";
import { readDocx } from "./docx";
import type { LimitName } from "./limits";
import { effectiveLimits } from "./limits";
import { readMsg } from "./msg";
import { odfKind, readOdf } from "./odf";
import type { PdfReadResult, PdfTextReader } from "./pdf";
import { pageSegment, readPdfMini } from "./pdf";
import { readPptx } from "./pptx";
import { readRtf } from "./rtf";
import { sniffFormat } from "./sniff";
import { decodeCp1252, decodeText, decodeUtf8, isValidUtf8, sniffTextEncoding } from "./text-decode";
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
}

export interface Extraction {
  /** Text found, including each attachment's file name as its own segment (place: file-name). */
  readonly segments: readonly TextSegment[];
  readonly unreadable: readonly UnreadableAttachmentFinding[];
  /** The largest real inflated bytes and extracted characters of any one attachment. */
  readonly peaks: { readonly inflatedBytes: number; readonly textChars: number };
}

const FILE_NAME: Place = { kind: "file-name" };

function hasNonSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x2028 && c !== 0x2029 && c !== 0xfeff) return true;
  }
  return false;
}

class Collector {
  readonly segments: TextSegment[] = [];
  readonly unreadable: UnreadableAttachmentFinding[] = [];

  constructor(private readonly budget: Budget) {}

  emit(path: string, text: string, place: Place | undefined, extra?: EmitExtra): void {
    if (!hasNonSpace(text)) return;
    this.budget.addText(text.length);
    const location = place ? { part: "attachment" as const, attachment: path, place } : { part: "attachment" as const, attachment: path };
    if (!extra) {
      this.segments.push({ text, location });
      return;
    }
    const seg: { -readonly [K in keyof TextSegment]: TextSegment[K] } = { text, location };
    if (extra.softBreaks && extra.softBreaks.length > 0) seg.softBreaks = extra.softBreaks;
    if (extra.restoredLeadingZero) seg.restoredLeadingZero = true;
    if (extra.tableCell) seg.tableCell = extra.tableCell;
    this.segments.push(seg);
  }

  /** A name is text too ("150650-3720_ansoegning.pdf"); it is emitted before any reading. */
  name(path: string, name: string): void {
    if (/\S/.test(name)) this.segments.push({ text: name, location: { part: "attachment", attachment: path, place: FILE_NAME } });
  }

  fail(path: string, why: UnreadableReason, cause?: UnreadableCause, limit?: LimitName): void {
    const f: { kind: "unreadable-attachment"; attachment: string; why: UnreadableReason; cause?: UnreadableCause; limit?: LimitName } = { kind: "unreadable-attachment", attachment: path, why };
    if (cause) f.cause = cause;
    if (limit) f.limit = limit;
    this.unreadable.push(f);
  }
}

function unavailable(reason: UnavailableReason): { why: UnreadableReason; cause?: UnreadableCause } {
  switch (reason) {
    case "too-large":
      return { why: "too-large" };
    case "cloud":
      return { why: "unsupported", cause: "cloud" };
    case "item-unavailable":
      return { why: "unsupported", cause: "item-unavailable" };
    default:
      return { why: "unsupported", cause: "api-error" };
  }
}

export async function extractAttachments(attachments: readonly AttachmentInput[], options: ExtractOptions): Promise<Extraction> {
  const clock = options.clock ?? ((): number => Date.now());
  const budget = new Budget(effectiveLimits(options.limits), options.deadline, clock);
  const out = new Collector(budget);
  const reader = new Reader(budget, out, options.pdf);
  for (const a of attachments) {
    out.name(a.name, a.name);
    if (a.kind === "unavailable") {
      const u = unavailable(a.reason);
      out.fail(a.name, u.why, u.cause);
      continue;
    }
    if (budget.expired()) {
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
        await this.eml(path, bytes, ctx);
        break;
      case "html":
        ctx.emit(htmlToText(decodeHtml(bytes)));
        break;
      case "text":
        readLines(decodeText(bytes), ctx);
        break;
      case "image":
        throw new ExtractStop("unsupported", "image");
      default:
        throw new ExtractStop("unsupported", "unknown-format");
    }
    for (const n of nested) {
      this.budget.tick();
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
      this.budget.tick();
      if (entry.isDirectory) continue;
      const childPath = path + "/" + entry.name;
      if (entry.encrypted) {
        this.out.name(childPath, entry.name);
        this.out.fail(childPath, "encrypted");
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

/** One segment per line, located by line number (1-based). Blank lines are dropped by `emit`. */
function readLines(text: string, ctx: ReadContext): void {
  // Most files end lines in \n or \r\n: then the native search finds them. A lone \r (old Mac
  // files) is a line end too, which only the character walk below sees.
  if (text.indexOf("\r") < 0 || !hasLoneCr(text)) {
    readLinesLf(text, ctx);
    return;
  }
  let line = 1;
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (i > start) ctx.emit(text.slice(start, i), { kind: "line", line });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
    line++;
    if ((line & 0x3fff) === 0) ctx.budget.tick();
  }
}

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** `readLines` for text whose line ends are all \n or \r\n: the same segments, found natively. */
function readLinesLf(text: string, ctx: ReadContext): void {
  let line = 1;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let nl = text.indexOf("\n", start);
    if (nl < 0) nl = n;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (end > start) ctx.emit(text.slice(start, end), { kind: "line", line });
    start = nl + 1;
    line++;
    if ((line & 0x3fff) === 0) ctx.budget.tick();
  }
}

/** HTML charset: BOM, then `<meta charset>`, then UTF-8 if valid, else windows-1252. */
function decodeHtml(bytes: Uint8Array): string {
  const sniffed = sniffTextEncoding(bytes);
  if (sniffed.bomLength > 0 || sniffed.encoding === "utf-16le" || sniffed.encoding === "utf-16be") return decodeText(bytes);
  let head = "";
  for (let i = 0; i < Math.min(bytes.length, 2048); i++) head += String.fromCharCode(bytes[i] as number);
  const m = /<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_-]{1,40})/i.exec(head);
  const declared = m ? (m[1] as string).toLowerCase() : "";
  if (declared === "utf-8" || declared === "utf8") return decodeUtf8(bytes);
  if (/^(windows-1252|cp1252|iso-8859-1|iso-8859-15|latin1|us-ascii)$/.test(declared)) return decodeCp1252(bytes);
  return isValidUtf8(bytes) ? decodeUtf8(bytes) : decodeCp1252(bytes);
}
