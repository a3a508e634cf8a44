import type { Finding, LookalikeFinding } from "./finding";
import { DEFAULT_POLICY } from "./policy/default-policy";
import { withDefaults } from "./policy/with-defaults";
import { confirmable, confirmationKey, withoutConfirmed } from "./confirmed-recipients";

const lookalike = (recipient: string, target: LookalikeFinding["target"]): LookalikeFinding => ({
  kind: "lookalike-domain",
  recipient,
  field: "to",
  domain: recipient.split("@")[1]!,
  resembles: "randers.dk",
  target,
  reason: "typo",
  suggestion: recipient.replace(/@.*/, "@randers.dk"),
});

const on = withDefaults({ ...DEFAULT_POLICY, confirmLookalikes: true });
const known = lookalike("borger@anders.dk", "known");
const trusted = lookalike("Sag@Aarhuss.dk", "trusted");
const own = lookalike("sagsbehandler@rander.dk", "own");
const invalid: Finding = { kind: "invalid-recipient", recipient: "borger@anders.dk", field: "cc" };

describe("confirmed recipients", () => {
  it("are off by default: nothing is confirmable and confirmations change nothing", () => {
    expect(DEFAULT_POLICY.confirmLookalikes).toBe(false);
    expect(confirmable(known, DEFAULT_POLICY)).toBe(false);
    expect(withoutConfirmed([known], DEFAULT_POLICY, ["borger@anders.dk"])).toEqual([known]);
  });

  it("never cover a look-alike of the organisation's own domain", () => {
    expect(confirmable(own, on)).toBe(false);
    expect(withoutConfirmed([own], on, [own.recipient])).toEqual([own]);
  });

  it("drop only the confirmed address's look-alike finding, matched without regard to case or spaces", () => {
    const other = lookalike("anden@anders.dk", "known");
    expect(withoutConfirmed([known, trusted, other, invalid], on, [" BORGER@anders.dk ", "sag@aarhuss.dk"])).toEqual([other, invalid]);
  });

  it("compare in one form", () => {
    expect(confirmationKey("  Borger@Anders.DK ")).toBe("borger@anders.dk");
  });
});
