/**
 * Is this mail already on the organisation's secure route? Then a CPR number in its body or
 * attachments is what the route is for, and warning about it would be the alert fatigue of
 * docs/design/prior-art.md §3.4. The subject is another matter: no route encrypts it (Randers' own Digital Post
 * guidance says so), so decide.ts keeps acting on subject findings whatever this returns.
 */
import type { Finding } from "./finding";
import type { Message } from "./message";
import { domainOfAddress } from "./address-domain";
import type { Policy, SecureRouteMatch } from "./policy/policy";


function localOf(address: string): string {
  const at = address.lastIndexOf("@");
  return address.slice(0, at).trim().replace(/^<+/, "").toLowerCase();
}

/** A recipient on a secure domain (or one of its subdomains), or an exact secure address. */
export function isSecureRecipient(address: string, policy: Policy): boolean {
  const domain = domainOfAddress(address);
  if (domain === undefined) return false;
  const { domains, addresses } = policy.secureRecipients;
  if (domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return true;
  return addresses.includes(`${localOf(address)}@${domain}`);
}

/**
 * The route the message is on, if any: the policy's subject tag in the subject, the policy's
 * sensitivity label applied, or every recipient secure. One plain recipient among secure ones
 * makes the whole mail plain: that recipient gets the same body.
 */
export function secureRouteOf(message: Message, policy: Policy): SecureRouteMatch | undefined {
  const route = policy.secureRoute;
  if (route.kind === "subject-tag" && (message.subject ?? "").toLowerCase().includes(route.tag.toLowerCase())) {
    return "subject-tag";
  }
  if (
    route.kind === "sensitivity-label" &&
    message.sensitivityLabelId !== undefined &&
    message.sensitivityLabelId.trim().toLowerCase() === route.labelId.toLowerCase()
  ) {
    return "sensitivity-label";
  }
  const recipients = message.recipients ?? [];
  if (recipients.length > 0 && recipients.every((r) => isSecureRecipient(r.address, policy))) return "secure-recipients";
  return undefined;
}

/**
 * What a secure route protects: a CPR number in the body or an attachment, and an attachment that
 * could not be read (encrypted in transit either way). Not a number in the subject (no route
 * encrypts it, nor a meeting's location line, which travels like the subject), and never a wrong recipient (the encrypted mail still reaches the stranger).
 * decide.ts and the task pane both use this one rule.
 */
export function protectedBySecureRoute(finding: Finding): boolean {
  if (finding.kind === "cpr") return finding.location.part !== "subject" && finding.location.part !== "location";
  return finding.kind === "unreadable-attachment";
}
