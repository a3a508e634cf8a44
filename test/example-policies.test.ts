/**
 * Each example policy in examples/policies/ does what docs/policy.md says it is for, on the same
 * synthetic mails: the Randers-like municipality, the strict one, the warn-only pilot and the
 * emergency "allow everything" file an admin uploads to turn Postvagt off within minutes.
 * Synthetic CPR numbers only (docs/design/cpr-number.md §7).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decideResult, parsePolicy, scanMessage, type Message, type Policy } from "../src/core/index";

const NOW = new Date("2026-08-23T12:00:00Z");

function load(name: string): Policy {
  const parsed = parsePolicy(readFileSync(join(__dirname, "..", "examples", "policies", name), "utf8"));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues.map((i) => i.message).join("; ")}`);
  return parsed.policy;
}

const msg = (over: Partial<Message>): Message => ({
  subject: "Vedr. din sag",
  bodyText: "Hej, se vedhæftede.",
  recipients: [{ address: "borger@gmail.com", field: "to" }],
  attachments: [],
  ...over,
});
const to = (address: string) => [{ address, field: "to" as const }];

/** The mails every example is run on. */
const MAILS: Record<string, Message> = {
  clean: msg({}),
  "high CPR in the body": msg({ bodyText: "CPR-nr.: 150375-6125" }),
  "medium CPR in the body": msg({ bodyText: "Oplysninger: 15.06.50-3720" }),
  "high CPR in the subject": msg({ subject: "Sag 241210-2145" }),
  "own look-alike (anders.dk)": msg({ recipients: to("sagsbehandler@anders.dk") }),
  "own look-alike (vlborg.dk)": msg({ recipients: to("sagsbehandler@vlborg.dk") }),
  "known look-alike (aarhuss.dk)": msg({ recipients: to("x@aarhuss.dk") }),
  "unreadable attachment": msg({ attachments: [{ kind: "unavailable", name: "bilag.pdf", reason: "cloud" }] }),
  "high CPR in the body to Digital Post": msg({ bodyText: "CPR-nr.: 150375-6125", recipients: to("borger@kommune.mitdk.digital-post.dk") }),
  "high CPR in the body with [sikker]": msg({ subject: "[sikker] Afgørelse", bodyText: "CPR-nr.: 150375-6125" }),
  "high CPR in the subject with [sikker]": msg({ subject: "[sikker] Sag 241210-2145" }),
  "high CPR in the body, label applied": msg({ bodyText: "CPR-nr.: 150375-6125", sensitivityLabelId: "00000000-0000-0000-0000-000000000000" }),
};

async function verdicts(policy: Policy): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(MAILS)) {
    out[name] = decideResult(await scanMessage(message, policy, { now: NOW }), policy).verdict;
  }
  return out;
}

describe("examples/policies", () => {
  it("randers.policy.json: blocks CPR and own look-alikes, warns on the rest, trusts Digital Post and the [sikker] tag but not in the subject", async () => {
    expect(await verdicts(load("randers.policy.json"))).toEqual({
      clean: "allow",
      "high CPR in the body": "block",
      "medium CPR in the body": "warn",
      "high CPR in the subject": "block",
      "own look-alike (anders.dk)": "block",
      "own look-alike (vlborg.dk)": "warn", // viborg.dk is another municipality: a "known" look-alike here
      "known look-alike (aarhuss.dk)": "warn",
      "unreadable attachment": "warn",
      "high CPR in the body to Digital Post": "allow",
      "high CPR in the body with [sikker]": "allow",
      "high CPR in the subject with [sikker]": "block",
      "high CPR in the body, label applied": "block", // its route is the subject tag, not a label
    });
  });

  it("strict.policy.json: blocks everything it finds, fails closed, and trusts only its label and secure recipients", async () => {
    const policy = load("strict.policy.json");
    expect(policy.onError).toBe("block");
    expect(policy.onTimeout).toBe("block");
    expect(await verdicts(policy)).toEqual({
      clean: "allow",
      "high CPR in the body": "block",
      "medium CPR in the body": "block",
      "high CPR in the subject": "block",
      "own look-alike (anders.dk)": "block",
      "own look-alike (vlborg.dk)": "block",
      "known look-alike (aarhuss.dk)": "block",
      "unreadable attachment": "block",
      "high CPR in the body to Digital Post": "allow",
      "high CPR in the body with [sikker]": "block",
      "high CPR in the subject with [sikker]": "block",
      "high CPR in the body, label applied": "allow",
    });
  });

  it("pilot-warn-only.policy.json: never blocks, warns where Randers would block, and fails open", async () => {
    const policy = load("pilot-warn-only.policy.json");
    expect(policy.onError).toBe("allow");
    expect(policy.onTimeout).toBe("allow");
    const v = await verdicts(policy);
    expect(Object.values(v)).not.toContain("block");
    expect(v["high CPR in the body"]).toBe("warn");
    expect(v["own look-alike (anders.dk)"]).toBe("warn");
    expect(v["high CPR in the subject with [sikker]"]).toBe("warn");
    expect(v["unreadable attachment"]).toBe("allow");
  });

  it("emergency-allow.policy.json: lets every mail through, even when the check fails or times out", async () => {
    const policy = load("emergency-allow.policy.json");
    expect(policy.onError).toBe("allow");
    expect(policy.onTimeout).toBe("allow");
    const v = await verdicts(policy);
    expect(new Set(Object.values(v))).toEqual(new Set(["allow"]));
    // A scan that ran out of time before reading the attachment is allowed too.
    const timedOut = await scanMessage(MAILS["unreadable attachment"]!, policy, { now: NOW, deadline: 0 });
    expect(decideResult(timedOut, policy).verdict).toBe("allow");
  });
});
