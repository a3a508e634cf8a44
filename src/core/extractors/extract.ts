/**
 * Attachment text extraction: the boundary the scanner calls. Owned by the attachments work
 * (issue 3); this first version reads plain text and names, and reports every other format as
 * unsupported so nothing passes silently.
 */
import type { TextSegment } from "../location";
import type { AttachmentInput } from "../message";
import type { UnreadableAttachmentFinding } from "../finding";
import type { Limits } from "../policy/policy";

export interface ExtractOptions {
  readonly limits: Limits;
  /** Epoch milliseconds after which extraction stops and what is left is reported as timeout. */
  readonly deadline: number;
  /** Injected clock (Date.now by default), so tests can pin time. */
  readonly clock?: () => number;
}

export interface Extraction {
  /** Text found, including each attachment's file name as its own segment (place: file-name). */
  readonly segments: readonly TextSegment[];
  readonly unreadable: readonly UnreadableAttachmentFinding[];
}

export async function extractAttachments(
  attachments: readonly AttachmentInput[],
  _options: ExtractOptions,
): Promise<Extraction> {
  const segments: TextSegment[] = [];
  const unreadable: UnreadableAttachmentFinding[] = [];
  for (const a of attachments) {
    segments.push({ text: a.name, location: { part: "attachment", attachment: a.name, place: { kind: "file-name" } } });
    unreadable.push({ kind: "unreadable-attachment", attachment: a.name, why: "unsupported" });
  }
  return { segments, unreadable };
}
