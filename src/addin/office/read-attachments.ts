/**
 * Attachments as the real clients hand them over, turned into the core's AttachmentInput. What
 * shapes it (each with its public source in docs/design/outlook-fake-fidelity.md):
 *  - compose attachments carry no contentType: the core sniffs the bytes;
 *  - inline images (signature logos, pasted screenshots) are not files the user attached: they are
 *    left out unless the policy asks about images, and web Outlook fails to serve them anyway;
 *  - a read can succeed with empty content: retried once, then "could not be checked", never clean;
 *  - transient failures (5001) and interim ids while a file uploads are retried with a bounded
 *    backoff inside the caller's deadline; an interim id is replaced by re-listing the attachments;
 *  - attached Outlook items come back as different bytes on each read (classic): they get no cache
 *    key, so nothing is ever remembered against bytes that will not be seen again.
 */
import type { AttachmentInput, UnavailableReason } from "../../core/index";
import { CHUNK_CHARS, decodeBase64Chunked, encodeUtf8, fnv1a, fnv1aChunked, type ChunkGate } from "./base64";
import { OfficeCallError, officeCall } from "./office-async";
import type { AttachmentContentLike, AttachmentDetailsLike, ComposeItemLike, OfficeLike } from "./office-types";

/** Identifies a file attachment's content across calls (classic Outlook's compose ids are indices). */
export function attachmentKey(name: string, size: number, base64: string): string {
  return `${name}|${size}|${fnv1a(base64)}`;
}

export interface AttachmentReadOptions {
  /** Files larger than this are reported "too-large" without fetching their content. */
  readonly maxAttachmentBytes: number;
  /**
   * Called with each file attachment's key once its content is fetched. Returning true skips
   * decoding and leaves the attachment out of the Message (the caller has its findings cached).
   */
  readonly skipAttachment?: (key: string, name: string) => boolean;
  /**
   * Whether a cached entry could be this attachment, from what is known before hashing (a key starts
   * with name and size). False skips the hash, and the attachment gets no key: hashing 5 MB of
   * base64 costs a send as much as decoding it. Default: every file is hashed.
   */
  readonly mayBeCached?: (name: string, size: number) => boolean;
  /** Read inline images too (the policy acts on images). Default: leave them out. */
  readonly readInlineImages?: boolean;
  /** Epoch ms after which no retry starts (the send's deadline). Without it only the attempt cap bounds retries. */
  readonly retryUntil?: number;
  readonly clock?: () => number;
  /**
   * Epoch ms at which decoding and hashing an attachment stop (the send's scan deadline): a 25 MB
   * file is ~33 M base64 characters, which one synchronous loop would carry past any deadline.
   */
  readonly deadline?: number;
  /** Gives the event loop back (so the caller's deadline timer can fire) every `sliceMs` of decoding. */
  readonly yieldControl?: () => Promise<void>;
  readonly sliceMs?: number;
  /** Asked after each yield: true stops the read there (a Send has taken over from a pre-scan). */
  readonly abandon?: () => boolean;
  /** Waits between attempts; default setTimeout where the runtime has it, else no wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface ReadAttachment {
  readonly name: string;
  /** Set for file attachments whose content was fetched; never for attached items (their bytes vary). */
  readonly key?: string;
  /** True when skipAttachment said the caller already knows its findings. */
  readonly skipped: boolean;
  /** An inline image left out (policy does not ask about images). */
  readonly inline?: boolean;
  /** What went into the Message for this attachment (absent when skipped or left out). */
  readonly input?: AttachmentInput;
  /** Decoding or hashing stopped at options.deadline: the attachment was not read in time. */
  readonly timedOut?: boolean;
}

/** Waits before the 2nd, 3rd and 4th attempt. Small: the whole send has 3.8 s. */
export const RETRY_DELAYS_MS: readonly number[] = [50, 150, 400];

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setTimeout === "function") setTimeout(resolve, ms);
    else resolve();
  });
}

type Outcome = { input?: AttachmentInput; read: ReadAttachment };

/** Between chunks: stop at the deadline; yield once a slice (default 50 ms) of work has passed. */
export function deadlineGate(options: Pick<AttachmentReadOptions, "clock" | "deadline" | "yieldControl" | "sliceMs" | "abandon">): ChunkGate {
  const clock = options.clock ?? (() => Date.now());
  const deadline = options.deadline;
  const sliceMs = options.sliceMs ?? 50;
  const late = (now: number) => deadline !== undefined && now >= deadline;
  let sliceEnd = clock() + sliceMs;
  // One reading of the clock per check: a chunk is a few ms, the check must cost nothing beside it.
  const gate = async (): Promise<boolean> => {
    const now = clock();
    if (late(now)) return true;
    const yieldControl = options.yieldControl;
    if (!yieldControl || now < sliceEnd) return false;
    await yieldControl();
    const after = clock();
    sliceEnd = after + sliceMs;
    return late(after) || (options.abandon !== undefined && options.abandon());
  };
  return { chunkChars: CHUNK_CHARS, gate };
}

/** 5001 (internal error, office-js #2842) and an id replaced after upload (office-js #6050) pass with time. */
function transient(error: unknown): "retry" | "relist" | undefined {
  if (!(error instanceof OfficeCallError)) return undefined;
  if (error.code === 5001) return "retry";
  if (error.officeName === "InvalidAttachmentId") return "relist";
  return undefined;
}

async function relist(office: OfficeLike, item: ComposeItemLike, details: AttachmentDetailsLike): Promise<string | undefined> {
  try {
    const list = await officeCall<AttachmentDetailsLike[]>(office, "getAttachmentsAsync", (cb) => item.getAttachmentsAsync(cb));
    const same = (list ?? []).filter((a) => a.name === details.name && a.isInline === details.isInline);
    return (same.find((a) => a.size === details.size) ?? same[0])?.id;
  } catch {
    return undefined;
  }
}

/** Fetches content with retries; resolves undefined when it could not be had, or "empty" when it stayed empty. */
async function fetchContent(
  office: OfficeLike,
  item: ComposeItemLike,
  details: AttachmentDetailsLike,
  options: AttachmentReadOptions,
): Promise<AttachmentContentLike | "failed" | "empty"> {
  const clock = options.clock ?? (() => Date.now());
  const sleep = options.sleep ?? defaultSleep;
  let id = details.id;
  let emptyRetried = false;
  for (let attempt = 0; ; attempt++) {
    const delay = RETRY_DELAYS_MS[attempt];
    const mayRetry = () => delay !== undefined && (options.retryUntil === undefined || clock() + delay < options.retryUntil);
    let content: AttachmentContentLike;
    try {
      content = await officeCall<AttachmentContentLike>(office, "getAttachmentContentAsync", (cb) => item.getAttachmentContentAsync(id, cb));
    } catch (error) {
      const kind = transient(error);
      if (!kind || !mayRetry()) return "failed";
      await sleep(delay!);
      if (kind === "relist") id = (await relist(office, item, details)) ?? id;
      continue;
    }
    // Succeeded with nothing in it (office-js #6098): once more, then it is not checked.
    const empty = content && content.content === "" && content.format !== "url" && details.size > 0;
    if (!empty) return content;
    if (emptyRetried || !mayRetry()) return "empty";
    emptyRetried = true;
    await sleep(delay!);
  }
}

export async function readAttachment(
  office: OfficeLike,
  item: ComposeItemLike,
  details: AttachmentDetailsLike,
  options: AttachmentReadOptions,
): Promise<Outcome> {
  const name = details.name;
  const unavailable = (reason: UnavailableReason): Outcome => ({
    input: { kind: "unavailable", name, reason },
    read: { name, skipped: false },
  });
  if (details.isInline === true && !options.readInlineImages) return { read: { name, skipped: false, inline: true } };
  if (details.attachmentType === "cloud") return unavailable("cloud");
  if (details.size > options.maxAttachmentBytes) return unavailable("too-large");

  const content = await fetchContent(office, item, details, options);
  // Web/new Outlook fail items attached by drag-and-drop (AttachmentContent docs); classic fails
  // files attached through Windows "Send to" (office-js #6581).
  if (content === "failed") return unavailable(details.attachmentType === "item" ? "item-unavailable" : "api-error");
  if (content === "empty") return unavailable("api-error");

  switch (content.format) {
    case "base64": {
      const gate = deadlineGate(options);
      let keyed: { key?: string } = {};
      if (!options.mayBeCached || options.mayBeCached(name, details.size)) {
        const hash = await fnv1aChunked(content.content, gate);
        if (hash === "stopped") return { read: { name, skipped: false, timedOut: true } };
        const key = `${name}|${details.size}|${hash}`;
        if (options.skipAttachment?.(key, name)) return { read: { name, key, skipped: true } };
        keyed = { key };
      }
      const decoded = await decodeBase64Chunked(content.content, gate);
      if (decoded === "stopped") return { read: { name, ...keyed, skipped: false, timedOut: true } };
      if (!decoded.ok) return unavailable("api-error");
      const type = details.contentType ? { contentType: details.contentType } : {};
      return { input: { kind: "file", name, bytes: decoded.bytes, ...type }, read: { name, ...keyed, skipped: false } };
    }
    case "eml":
      // An attached mail comes as its MIME text, read like the CLI reads .eml. No key: classic
      // Outlook serialises it afresh on every read (office-js #6856), so a cache could never hit.
      return {
        input: { kind: "file", name, bytes: encodeUtf8(content.content), contentType: "message/rfc822" },
        read: { name, skipped: false },
      };
    case "iCalendar":
      return {
        input: { kind: "file", name, bytes: encodeUtf8(content.content), contentType: "text/calendar" },
        read: { name, skipped: false },
      };
    case "url":
      return unavailable("cloud");
    default:
      return unavailable("api-error");
  }
}
