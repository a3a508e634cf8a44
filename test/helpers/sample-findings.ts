/** The Randers case as a finding, shared by the tests that render or decide on it. */
import type { LookalikeFinding } from "../../src/core/index";

export function lookalikeFinding(over: Partial<LookalikeFinding> = {}): LookalikeFinding {
  return {
    kind: "lookalike-domain",
    recipient: "sagsbehandler@anders.dk",
    field: "to",
    domain: "anders.dk",
    resembles: "randers.dk",
    target: "own",
    reason: "typo",
    edit: { op: "missing", char: "r" },
    suggestion: "sagsbehandler@randers.dk",
    ...over,
  };
}
