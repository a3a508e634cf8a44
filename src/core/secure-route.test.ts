import { actionFor, decideResult } from "./decide";
import type { CprFinding, Finding } from "./finding";
import type { Message, Recipient } from "./message";
import { parsePolicy } from "./policy/parse-policy";
import type { Policy, SecureRouteMatch } from "./policy/policy";
import { scanMessage } from "./scan";
import { isSecureRecipient, protectedBySecureRoute, secureRouteOf } from "./secure-route";

// Synthetic numbers only (docs/design/cpr-number.md §7): born 1875 and 1910, nobody alive holds them.
const CPR_A = "150375-6125";
const CPR_B = "241210-2145";

function policyOf(json: Record<string, unknown>): Policy {
  const parsed = parsePolicy({ ownDomains: ["randers.dk"], trustedDomains: [], ...json });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  return parsed.policy;
}

const SECURE = policyOf({
  secureRecipients: { domains: ["digital-post.dk", "sikkermail.randers.dk"], addresses: ["Sikkerpost@Aarhus.dk"] },
  secureRoute: { kind: "subject-tag", tag: "[sikker]" },
});
const LABELLED = policyOf({ secureRoute: { kind: "sensitivity-label", labelId: "0B8D2C4E-1F3A-4B5C-9D6E-7F8A9B0C1D2E" } });

const to = (address: string): Recipient => ({ address, field: "to" });
function message(over: Partial<Message>): Message {
  return { subject: "Sagen", bodyText: "Hej", recipients: [to("borger@gmail.com")], attachments: [], ...over };
}

describe("isSecureRecipient", () => {
  it.each([
    ["0101xx@digital-post.dk", true],
    ["12345678@kommune.mitdk.digital-post.dk", true],
    ["sagsbehandler@sikkermail.randers.dk", true],
    ["SIKKERPOST@aarhus.dk", true],
    ["<sikkerpost@aarhus.dk>", true],
    ["borger@aarhus.dk", false],
    ["x@digital-post.dk.evil.com", false],
    ["x@notdigital-post.dk", false],
    ["x@randers.dk", false],
    ["no-at-sign", false],
  ])("%s → %s", (address, expected) => {
    expect(isSecureRecipient(address, SECURE)).toBe(expected);
  });
});

describe("secureRouteOf", () => {
  it.each<[string, Partial<Message>, Policy, SecureRouteMatch | undefined]>([
    ["all recipients secure", { recipients: [to("a@digital-post.dk"), { address: "sikkerpost@aarhus.dk", field: "cc" }] }, SECURE, "secure-recipients"],
    ["one plain recipient among secure ones", { recipients: [to("a@digital-post.dk"), to("borger@gmail.com")] }, SECURE, undefined],
    ["no recipients", { recipients: [] }, SECURE, undefined],
    ["the subject tag, any case", { subject: "Afgørelse [SIKKER]" }, SECURE, "subject-tag"],
    ["a subject without the tag", { subject: "Afgørelse sikker" }, SECURE, undefined],
    ["the policy's label applied", { sensitivityLabelId: "0b8d2c4e-1f3a-4b5c-9d6e-7f8a9b0c1d2e" }, LABELLED, "sensitivity-label"],
    ["another label applied", { sensitivityLabelId: "11111111-1f3a-4b5c-9d6e-7f8a9b0c1d2e" }, LABELLED, undefined],
    ["a label when the route is a subject tag", { sensitivityLabelId: "0b8d2c4e-1f3a-4b5c-9d6e-7f8a9b0c1d2e" }, SECURE, undefined],
    ["nothing configured", { subject: "[sikker]", recipients: [to("a@digital-post.dk")] }, policyOf({}), undefined],
  ])("%s", (_name, over, policy, expected) => {
    expect(secureRouteOf(message(over), policy)).toBe(expected);
  });
});

describe("actionFor on a secure route", () => {
  const cpr = (part: "subject" | "body" | "attachment"): CprFinding =>
    ({
      kind: "cpr",
      location: part === "attachment" ? { part, attachment: "a.pdf" } : { part },
      masked: "150375-****",
      confidence: "high",
      form: "hyphen",
      reasons: ["keyword"],
      span: { start: 0, end: 11 },
    }) as unknown as CprFinding;
  const lookalike = { kind: "lookalike-domain", recipient: "x@anders.dk", field: "to", domain: "anders.dk", resembles: "randers.dk", target: "own", reason: "typo", suggestion: "x@randers.dk" } as unknown as Finding;

  const encrypted = { kind: "unreadable-attachment", attachment: "bilag.zip", why: "encrypted" } as Finding;

  it.each<[string, Finding, SecureRouteMatch | undefined, string]>([
    ["body CPR, no route", cpr("body"), undefined, "block"],
    ["body CPR, secure recipients", cpr("body"), "secure-recipients", "allow"],
    ["attachment CPR, subject tag", cpr("attachment"), "subject-tag", "allow"],
    ["attachment CPR, label", cpr("attachment"), "sensitivity-label", "allow"],
    ["subject CPR, secure recipients: subjects are not encrypted", cpr("subject"), "secure-recipients", "block"],
    ["subject CPR, subject tag", cpr("subject"), "subject-tag", "block"],
    ["a look-alike recipient is never excused by a route", lookalike, "secure-recipients", "block"],
    ["an attachment that could not be read, no route", encrypted, undefined, "warn"],
    ["an attachment that could not be read, subject tag: encrypted in transit", encrypted, "subject-tag", "allow"],
  ])("%s → %s", (_name, finding, route, expected) => {
    expect(actionFor(finding, SECURE, route)).toBe(expected);
  });
});

describe("scanMessage + decideResult with secureRecipients", () => {
  const now = new Date("2026-08-23T12:00:00Z");
  async function verdictOf(over: Partial<Message>, policy = SECURE) {
    const result = await scanMessage(message(over), policy, { now });
    return { result, verdict: decideResult(result, policy) };
  }

  it("blocks a body CPR to a plain external recipient", async () => {
    const { result, verdict } = await verdictOf({ bodyText: `CPR-nr.: ${CPR_A}` });
    expect(result.secureRoute).toBeUndefined();
    expect(verdict.verdict).toBe("block");
  });

  it("allows a body CPR when every recipient is a Digital Post address, and still lists the finding", async () => {
    const { result, verdict } = await verdictOf({ bodyText: `CPR-nr.: ${CPR_A}`, recipients: [to("borger@kommune.mitdk.digital-post.dk")] });
    expect(result.secureRoute).toBe("secure-recipients");
    expect(verdict.verdict).toBe("allow");
    expect(verdict.reasons.map((r) => [r.finding.kind, r.action])).toEqual([["cpr", "allow"]]);
  });

  it("still blocks a CPR in the subject on the secure route", async () => {
    const { verdict } = await verdictOf({ subject: `Sag om ${CPR_B}`, bodyText: `CPR-nr.: ${CPR_A}`, recipients: [to("b@digital-post.dk")] });
    expect(verdict.verdict).toBe("block");
    expect(verdict.reasons.map((r) => [r.finding.kind === "cpr" ? r.finding.location : r.finding.kind, r.action])).toEqual([
      [{ part: "subject" }, "block"],
      [{ part: "body" }, "allow"],
    ]);
  });

  it("allows a body CPR when the subject carries the tag", async () => {
    const { result, verdict } = await verdictOf({ subject: "[sikker] Afgørelse", bodyText: `CPR-nr.: ${CPR_A}` });
    expect(result.secureRoute).toBe("subject-tag");
    expect(verdict.verdict).toBe("allow");
  });

  it("does not excuse a body CPR when one recipient is not secure", async () => {
    const { verdict } = await verdictOf({ bodyText: `CPR-nr.: ${CPR_A}`, recipients: [to("b@digital-post.dk"), to("borger@gmail.com")] });
    expect(verdict.verdict).toBe("block");
  });
});

describe("protectedBySecureRoute: the one rule decide() and the task pane share", () => {
  it.each<[string, Finding, boolean]>([
    ["CPR in the body", { kind: "cpr", location: { part: "body" } } as unknown as Finding, true],
    ["CPR in an attachment", { kind: "cpr", location: { part: "attachment", attachment: "a.pdf" } } as unknown as Finding, true],
    ["CPR in the subject", { kind: "cpr", location: { part: "subject" } } as unknown as Finding, false],
    ["an unreadable attachment", { kind: "unreadable-attachment", attachment: "a.zip", why: "encrypted" } as Finding, true],
    ["a look-alike recipient", { kind: "lookalike-domain" } as unknown as Finding, false],
    ["an invalid recipient", { kind: "invalid-recipient", recipient: "a@", field: "to" } as Finding, false],
  ])("%s → %s", (_name, finding, expected) => {
    expect(protectedBySecureRoute(finding)).toBe(expected);
  });
});
