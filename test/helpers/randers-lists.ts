/** The Randers-like test policy of docs/design/lookalike-domains.md §5 "Randers policy": own + 12 trusted. */
import type { Recipient } from "../../src/core/message";
import { compileDomainLists, type DomainLists } from "../../src/core/detectors/lookalike-domain";

export const RANDERS: DomainLists = {
  own: ["randers.dk"],
  trusted: [
    "borger.dk", "skat.dk", "sktst.dk", "politi.dk", "sundhed.dk", "kl.dk", "aarhus.dk", "rm.dk",
    "datatilsynet.dk", "star.dk", "ast.dk", "udbetalingdanmark.dk",
  ],
};
export const randers = compileDomainLists(RANDERS);

export function to(address: string): Recipient {
  return { address, field: "to" };
}
