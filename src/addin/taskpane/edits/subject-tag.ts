/**
 * The subject-tag secure route: the organisation's transport rule encrypts mail whose subject
 * carries the tag (docs/design/prior-art.md §1.2). The tag goes first, once.
 */

export function hasSubjectTag(subject: string, tag: string): boolean {
  return subject.toLowerCase().includes(tag.trim().toLowerCase());
}

export function withSubjectTag(subject: string, tag: string): string {
  const clean = tag.trim();
  if (clean === "" || hasSubjectTag(subject, clean)) return subject;
  const rest = subject.trim();
  return rest === "" ? clean : `${clean} ${rest}`;
}

/** Undoes withSubjectTag: the tag out, the rest of the subject as it was. */
export function withoutSubjectTag(subject: string, tag: string): string {
  const clean = tag.trim();
  const at = clean === "" ? -1 : subject.toLowerCase().indexOf(clean.toLowerCase());
  if (at < 0) return subject;
  const before = subject.slice(0, at);
  const after = subject.slice(at + clean.length);
  return before === "" ? after.replace(/^\s+/, "") : before.replace(/\s+$/, "") + (after === "" ? "" : " " + after.replace(/^\s+/, ""));
}
