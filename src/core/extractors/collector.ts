/** Where extraction puts what it finds: text segments (file names included) and unreadable findings. */
import type { UnreadableAttachmentFinding, UnreadableCause, UnreadableReason } from "../finding";
import type { Place, TextSegment } from "../location";
import type { UnavailableReason } from "../message";
import type { Budget } from "./budget";
import type { EmitExtra } from "./context";
import type { LimitName } from "./limits";

const FILE_NAME: Place = { kind: "file-name" };

function hasNonSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x2028 && c !== 0x2029 && c !== 0xfeff) return true;
  }
  return false;
}

export class Collector {
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

export function unavailable(reason: UnavailableReason): { why: UnreadableReason; cause?: UnreadableCause } {
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

