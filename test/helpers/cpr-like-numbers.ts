/**
 * Test-only: the CPR-shaped numbers in a segment, masked, so extractor tests can check WHERE a
 * number was emitted without depending on the detector's scoring (another module's job). It
 * honours soft breaks (a PDF line wrap) and the dash/space variants the detector normalises.
 */
import type { TextSegment } from "../../src/core/location";

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Segment text with soft breaks removed and dashes unified; offsets no longer matter here. */
export function flatText(seg: Pick<TextSegment, "text" | "softBreaks">): string {
  let t = seg.text;
  const soft = [...(seg.softBreaks ?? [])].sort((a, b) => b - a);
  for (const at of soft) t = t.slice(0, at) + t.slice(at + 1);
  return t.replace(DASHES, "-").replace(/[\u00ad\u200b]/g, "").replace(/\u00a0/g, " ");
}

/** `DDMMYY-****` for every 6+4 digit group (`-`, ` - `, ` ` or nothing between), digit-bounded. */
export function maskedNumbers(text: string): string[] {
  const out: string[] = [];
  const re = /(\d{6})(?: ?- ?| |)(\d{4})/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = m.index > 0 ? text.charAt(m.index - 1) : "";
    const after = text.charAt(m.index + m[0].length);
    if (/\d/.test(before) || /\d/.test(after)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(`${m[1]}-****`);
  }
  return out;
}
