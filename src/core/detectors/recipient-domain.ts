/**
 * Splitting a host into subdomain / registrable label / public suffix with the Public Suffix List
 * (ICANN section, via tldts), for the look-alike rule (docs/design/lookalike-domains.md §5 step 3).
 * Reading the address and the host is `address-domain.ts`'s job, the one place for that.
 */
import { getPublicSuffix, parse } from "tldts";
import type { HostName } from "../host-name";

export type { HostName } from "../host-name";

export interface SplitHost extends HostName {
  /** Unicode labels left of the registrable label (`["mail"]` for mail.randers.dk). */
  readonly sub: readonly string[];
  /** The registrable label in Unicode (`randers`). */
  readonly label: string;
  /** The public suffix in Unicode (`dk`, `co.uk`). */
  readonly suffix: string;
  /** `label.suffix`. */
  readonly registrable: string;
}

/** The input is already a checked host name: tldts need not extract or validate one. */
const SUFFIX_OPTIONS = { allowPrivateDomains: false, extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;
const NO_LABELS: readonly string[] = [];

/**
 * The registrable split by the Public Suffix List's ICANN section. `undefined` when the host is
 * itself a public suffix (`co.uk`), which no one can receive mail at.
 */
export function splitHost(host: HostName): SplitHost | undefined {
  const publicSuffix = getPublicSuffix(host.ascii, SUFFIX_OPTIONS);
  if (!publicSuffix) return undefined;
  let suffixCount = 1;
  for (let i = publicSuffix.indexOf("."); i !== -1; i = publicSuffix.indexOf(".", i + 1)) suffixCount++;
  const { labels } = host;
  const labelIndex = labels.length - suffixCount - 1;
  if (labelIndex < 0) return undefined;
  const label = labels[labelIndex]!;
  const suffix = suffixCount === 1 ? labels[labels.length - 1]! : labels.slice(labelIndex + 1).join(".");
  const sub = labelIndex === 0 ? NO_LABELS : labels.slice(0, labelIndex);
  return { ascii: host.ascii, unicode: host.unicode, labels, sub, label, suffix, registrable: `${label}.${suffix}` };
}

/** Is `suffix` (lower-case ASCII: `com`, `co.uk`) a public suffix of the List's ICANN section? */
export function isIcannSuffix(suffix: string): boolean {
  const p = parse(`x.${suffix}`, SUFFIX_OPTIONS);
  return p.isIcann === true && p.publicSuffix === suffix;
}
