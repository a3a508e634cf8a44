/**
 * The subject-tag secure route: the organisation's transport rule encrypts mail whose subject
 * carries the tag (peers.md §1.2). The tag goes first, once.
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
