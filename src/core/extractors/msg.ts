/**
 * Outlook .msg (CFB) via @kenjiuno/msgreader: subject, body, HTML body, the RTF body when it is
 * the only one, and attachments handed on as nested files (an embedded .msg comes back as .msg
 * bytes and recurses). The library is loaded on first use so hosts that bundle lazily do not pay
 * for it (582 KB with its Buffer and iconv-lite dependencies) unless a .msg is attached.
 */
import type { Place } from "../location";
import { htmlToText } from "../text/html-to-text";
import { ExtractStop } from "./budget";
import { cfbIsWellFormed } from "./cfb";
import * as compressedRtf from "./compressed-rtf";
import type { ReadContext } from "./context";
import { readRtfSliced } from "./rtf";
import { decodeUtf8 } from "./text-decode";

const BODY: Place = { kind: "mail-part", part: "body" };

interface MsgFields {
  subject?: string;
  body?: string;
  bodyHtml?: string;
  html?: Uint8Array;
  /** PidTagRtfCompressed (0x1009): often the only body Outlook stores for an RTF or HTML mail. */
  compressedRtf?: Uint8Array;
  attachments?: MsgFields[];
  fileName?: string;
  fileNameShort?: string;
  name?: string;
  innerMsgContent?: true;
}
interface MsgReaderLike {
  getFileData(): MsgFields & { error?: string };
  getAttachment(a: MsgFields): { fileName: string; content: Uint8Array };
}
type MsgReaderCtor = new (data: ArrayBuffer) => MsgReaderLike;

export async function readMsg(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  if (!cfbIsWellFormed(bytes)) throw new ExtractStop("corrupt");
  const mod = (await import("@kenjiuno/msgreader")) as unknown as {
    default: MsgReaderCtor | { default: MsgReaderCtor };
    MSG_READER_UNAVAILABLE?: boolean;
  };
  // The send-time bundle swaps in a stub (src/addin/launchevent/stubs): say so, rather than "corrupt".
  if (mod.MSG_READER_UNAVAILABLE === true) throw new ExtractStop("unsupported", "not-at-send-time");
  const Ctor = (typeof mod.default === "function" ? mod.default : mod.default.default) as MsgReaderCtor;
  let data: MsgFields & { error?: string };
  let reader: MsgReaderLike;
  try {
    reader = new Ctor(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    data = reader.getFileData();
  } catch {
    throw new ExtractStop("corrupt");
  }
  if (data.error) throw new ExtractStop("corrupt");
  // The library parses the whole file in one call; a host that slices gets the loop back after it.
  await ctx.budget.pause();
  ctx.emit(data.subject ?? "", { kind: "mail-part", part: "subject" });
  const html = data.bodyHtml ?? (data.html ? decodeUtf8(data.html) : undefined);
  const htmlText = html !== undefined ? htmlToText(html) : "";
  ctx.emit(htmlText, BODY);
  ctx.emit(data.body ?? "", BODY);
  // Outlook keeps the plain and HTML bodies in step with the RTF one (RTF sync), so when either is
  // there the RTF is the same text again: reading it too would report every number twice. It is
  // read only when it is the sole body, which is what a message saved by Outlook as RTF, or many
  // HTML messages, carry. A corrupt RTF stream next to a readable body is then no reason to fail.
  if (data.compressedRtf && !hasText(data.body) && !hasText(htmlText)) await readRtfBody(data.compressedRtf, ctx);
  const attachments = data.attachments ?? [];
  for (let i = 0; i < attachments.length; i++) {
    // One attachment's stream is read per step, with a pause before each.
    await ctx.budget.pause();
    const a = attachments[i] as MsgFields;
    let att: { fileName: string; content: Uint8Array };
    try {
      att = reader.getAttachment(a);
    } catch {
      throw new ExtractStop("corrupt");
    }
    const name = a.fileName ?? a.fileNameShort ?? a.name ?? att.fileName ?? `unnamed-${i + 1}${a.innerMsgContent ? ".msg" : ""}`;
    ctx.nested(name, att.content);
  }
}

function hasText(s: string | undefined): boolean {
  return s !== undefined && /\S/.test(s);
}

/**
 * The RTF body's text, all of it at the mail body: an RTF body's header or footnote is still the
 * body of the mail. A stream that cannot be unpacked stops the whole .msg as unreadable.
 */
async function readRtfBody(stream: Uint8Array, ctx: ReadContext): Promise<void> {
  // The send-time bundle, which has no .msg reader, swaps this module and the decoder for empty
  // ones (scripts/webpack/addin.js): say so. (A static import: the CLI's tsx/cjs hook cannot load
  // a relative .ts module through import().)
  const mod: Partial<typeof compressedRtf> = compressedRtf;
  const decompress = mod.loadRtfDecompressor ? await mod.loadRtfDecompressor() : undefined;
  if (!decompress || !mod.unpackCompressedRtf) throw new ExtractStop("unsupported", "not-at-send-time");
  const rtf = mod.unpackCompressedRtf(stream, ctx.budget, decompress);
  await ctx.budget.pause();
  await readRtfSliced(rtf, { budget: ctx.budget, emit: (text, _place, extra) => ctx.emit(text, BODY, extra), nested: ctx.nested });
}
