/**
 * Writing the audit marker (one fixed header, X-Postvagt) on the compose item. Feature-detected:
 * item.internetHeaders needs Mailbox 1.8; where it is missing the send check works as before and the
 * mail simply carries no marker. See docs/design/audit-marker.md.
 */
import { AUDIT_HEADER_NAME } from "../../core/index";
import { officeCall } from "./office-async";
import type { ComposeItemLike, OfficeLike } from "./office-types";

export type AuditHeaderWriter = (value: string) => Promise<void>;

/** A writer for this item's marker, or undefined when the client cannot write internet headers. */
export function auditHeaderWriter(office: OfficeLike, item: ComposeItemLike): AuditHeaderWriter | undefined {
  const headers = item.internetHeaders;
  if (!headers || typeof headers.setAsync !== "function") return undefined;
  try {
    if (office.context.requirements?.isSetSupported("Mailbox", "1.8") !== true) return undefined;
  } catch {
    return undefined;
  }
  // setAsync replaces the value of a header that exists: a second Send overwrites, never duplicates.
  return (value) => officeCall<void>(office, "internetHeaders.setAsync", (cb) => headers.setAsync({ [AUDIT_HEADER_NAME]: value }, cb));
}
