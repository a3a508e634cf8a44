/**
 * The text of the mail itself that the CPR rule reads before any attachment: subject, body (the
 * HTML's text, and the plain alternative when it holds a number the HTML lacks) and location.
 */
import type { TextSegment } from "./location";
import type { Message } from "./message";
import { htmlToText } from "./text/html-to-text";

/**
 * multipart/alternative: a number may stand only in the plain-text alternative (a crafted .eml).
 * It is scanned too when it holds a digit group the HTML text lacks; otherwise the same number
 * would count twice ("repeated in the message") for being in both alternatives.
 */
function plainAlternative(message: Message, body: TextSegment | undefined): TextSegment | undefined {
  if (!body || message.bodyHtml === undefined || message.bodyText === undefined || message.bodyText === body.text) return undefined;
  const inHtml = new Set(body.text.split(/\D+/));
  const extra = message.bodyText.split(/\D+/).some((g) => g.length >= 2 && !inHtml.has(g));
  return extra ? { text: message.bodyText, location: { part: "body" } } : undefined;
}

function bodySegment(message: Message): TextSegment | undefined {
  // HTML first: it keeps table cells and paragraphs apart, which the plain alternative may glue.
  if (message.bodyHtml !== undefined && message.bodyHtml.trim() !== "") {
    return { text: htmlToText(message.bodyHtml), location: { part: "body" } };
  }
  if (message.bodyText !== undefined && message.bodyText !== "") {
    return { text: message.bodyText, location: { part: "body" } };
  }
  return undefined;
}

/** Subject, body (and a plain alternative the HTML lacks) and location: the mail's own text. */
export function messageSegments(message: Message, failed: () => void): TextSegment[] {
  const segments: TextSegment[] = [];
  try {
    segments.push({ text: message.subject ?? "", location: { part: "subject" } });
    const body = bodySegment(message);
    if (body) segments.push(body);
    const plain = plainAlternative(message, body);
    if (plain) segments.push(plain);
    if (message.location) segments.push({ text: message.location, location: { part: "location" } });
  } catch {
    failed();
  }
  return segments;
}
