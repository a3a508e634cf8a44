/**
 * Outlook .msg (CFB) via @kenjiuno/msgreader: subject, body, HTML body, and attachments handed on
 * as nested files (an embedded .msg comes back as .msg bytes and recurses). The library is loaded
 * on first use so hosts that bundle lazily do not pay for it (582 KB with its Buffer and
 * iconv-lite dependencies) unless a .msg is attached.
 */
import { htmlToText } from "../text/html-to-text";
import { ExtractStop } from "./budget";
import { cfbIsWellFormed } from "./cfb";
import type { ReadContext } from "./context";
import { decodeUtf8 } from "./text-decode";

interface MsgFields {
  subject?: string;
  body?: string;
  bodyHtml?: string;
  html?: Uint8Array;
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
  ctx.budget.tick();
  ctx.emit(data.subject ?? "", { kind: "mail-part", part: "subject" });
  const html = data.bodyHtml ?? (data.html ? decodeUtf8(data.html) : undefined);
  if (html !== undefined) ctx.emit(htmlToText(html), { kind: "mail-part", part: "body" });
  ctx.emit(data.body ?? "", { kind: "mail-part", part: "body" });
  (data.attachments ?? []).forEach((a, i) => {
    ctx.budget.tick();
    let att: { fileName: string; content: Uint8Array };
    try {
      att = reader.getAttachment(a);
    } catch {
      throw new ExtractStop("corrupt");
    }
    const name = a.fileName ?? a.fileNameShort ?? a.name ?? att.fileName ?? `unnamed-${i + 1}${a.innerMsgContent ? ".msg" : ""}`;
    ctx.nested(name, att.content);
  });
}
