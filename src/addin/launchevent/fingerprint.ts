/**
 * A short fingerprint of a warning: what kind, and which findings (masked forms, domains,
 * attachments, locations). Equal fingerprints mean "the user has seen exactly this warning", so on
 * clients without "Send anyway" (Mailbox < 1.14) a second Send with nothing changed goes through.
 * Built only from masked data; stored in sessionData. Nothing in it depends on an attachment's
 * exact bytes: classic Outlook serialises an attached mail afresh on every read (office-js #6856),
 * so offsets inside attachments are left out (see docs/design/outlook-fake-fidelity.md).
 */
import type { Finding, Location } from "../../core/index";
import { fnv1a } from "../office/base64";

function placeKey(place: Location["place"]): string {
  return place ? JSON.stringify(place) : "";
}

function describe(finding: Finding): string {
  switch (finding.kind) {
    case "cpr":
      return finding.location.part === "attachment"
        ? `cpr:${finding.masked}:attachment:${finding.location.attachment ?? ""}:${placeKey(finding.location.place)}`
        : `cpr:${finding.masked}:${finding.location.part}:${finding.span.start}`;
    case "lookalike-domain":
      return `domain:${finding.field}:${finding.recipient}`;
    case "invalid-recipient":
      return `invalid:${finding.field}:${finding.recipient}`;
    case "unreadable-attachment":
      return `unreadable:${finding.attachment}:${finding.why}`;
  }
}

export function fingerprint(kind: string, reasons: ReadonlyArray<{ readonly finding: Finding; readonly action: string }>): string {
  const parts = reasons.filter((r) => r.action !== "allow").map((r) => describe(r.finding)).sort();
  return `${kind}:${parts.length}:${fnv1a(parts.join("\n"))}`;
}
