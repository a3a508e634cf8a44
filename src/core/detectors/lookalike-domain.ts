/**
 * The look-alike domain rule (docs/design/lookalike-domains.md §5): does a recipient's domain resemble one of the
 * organisation's own domains, a trusted partner's, or another Danish public body's, without
 * being it? The Randers case: staff mailed anders.dk (a private person) for years instead of
 * randers.dk.
 *
 * Per recipient, in order:
 *  1. the part after the last `@` must be a host, else an `invalid-recipient` finding;
 *  2. exact own/trusted/known domains and their subdomains pass (vejen.dk stays quiet for Vejle);
 *  3. structural checks against every protected domain: embedded name, split label, same name
 *     with look-alike characters or another suffix, name plus/minus a lure word;
 *  4. a keyboard- and look-alike-weighted distance scaled to the protected label's length;
 *  5. the strongest match wins: own before trusted before known, then by rule.
 * History (`confirmed`) can silence a trusted/known look-alike, never an own one.
 *
 * All lists are compiled once (`compileDomainLists`); a check is then hash lookups plus a few
 * short, early-exiting distance computations.
 */
import type { InvalidRecipientFinding, LookalikeFinding } from "../finding";
import type { Recipient } from "../message";
import { DK_PUBLIC_DOMAINS } from "./dk-public-domains.generated";
import { bestMatch, makeProbe } from "./lookalike-match";
import { type Target, type TargetIndex, type TargetKind, indexTargets, makeTarget } from "./lookalike-targets";
import { type HostName, normalizeDomainEntry, parseAddress } from "../address-domain";
import { splitHost } from "./recipient-domain";

export interface DomainLists {
  readonly own: readonly string[];
  readonly trusted: readonly string[];
  readonly known?: readonly string[];
  readonly confirmed?: readonly string[];
  readonly useBuiltInList?: boolean /* default true */;
  readonly secondaryTargets?: boolean /* default true */;
}

declare const compiledBrand: unique symbol;
/** Opaque: build with `compileDomainLists`, pass to `findLookalikes`. */
export interface CompiledDomainLists {
  readonly [compiledBrand]: "CompiledDomainLists";
}

/** The shipped Danish public-sector list (data/dk-public-domains.tsv, decision "ship"). */
export const BUILT_IN_PUBLIC_DOMAINS: readonly string[] = DK_PUBLIC_DOMAINS;

interface Compiled {
  /** Own and trusted hosts (Unicode and ASCII): they and their subdomains pass. */
  readonly protectedHosts: ReadonlySet<string>;
  /** Known-legitimate hosts (built-in plus admin's): they and their subdomains pass. */
  readonly knownHosts: ReadonlySet<string>;
  readonly confirmed: ReadonlySet<string>;
  /** The target indexes, built on the first recipient that no list allows (a send to colleagues only never needs them). */
  readonly indexes: () => Indexes;
}

interface Indexes {
  readonly primary: TargetIndex;
  readonly secondary: TargetIndex | undefined;
}

/** Secondary (known-list) targets need a label at least this long: 2–3-letter public labels collide with legitimate names (hk/htk, dm/rm). */
const MIN_SECONDARY_LABEL = 4;

/**
 * Normalises, deduplicates and indexes the lists once. Entries that are not domains are skipped
 * (parsePolicy reports them). Linear in the entries: each adds a fixed number of set and index keys.
 */
export function compileDomainLists(lists: DomainLists): CompiledDomainLists {
  const own = hosts(lists.own);
  const trusted = hosts(lists.trusted);
  const known = hosts(lists.useBuiltInList === false ? [] : BUILT_IN_PUBLIC_DOMAINS).concat(hosts(lists.known ?? []));

  // The sets also drop repeated entries, so each domain becomes one target of its strongest kind.
  const protectedHosts = new Set<string>();
  const ownUnique = addHosts(protectedHosts, own);
  const trustedUnique = addHosts(protectedHosts, trusted);
  const knownHosts = new Set<string>();
  const knownUnique = addHosts(knownHosts, known);
  const confirmed = new Set<string>();
  addHosts(confirmed, hosts(lists.confirmed ?? []));

  let indexes: Indexes | undefined;
  const build = (): Indexes => (indexes ??= buildIndexes(ownUnique, trustedUnique, knownUnique, lists.secondaryTargets !== false));
  const compiled: Compiled = { protectedHosts, knownHosts, confirmed, indexes: build };
  return compiled as unknown as CompiledDomainLists;
}

function buildIndexes(own: readonly HostName[], trusted: readonly HostName[], known: readonly HostName[], withSecondary: boolean): Indexes {
  const primaryTargets = targetsOf("own", own, NONE).concat(targetsOf("trusted", trusted, NONE));
  let secondary: TargetIndex | undefined;
  if (withSecondary) {
    const protectedRegistrables = new Set<string>();
    for (const t of primaryTargets) protectedRegistrables.add(t.registrable);
    const secondaryTargets = targetsOf("known", known, protectedRegistrables).filter((t) => t.forms[0]!.length >= MIN_SECONDARY_LABEL);
    secondary = indexTargets(secondaryTargets);
  }
  return { primary: indexTargets(primaryTargets), secondary };
}

const NONE: ReadonlySet<string> = new Set();

/** One target per domain of the (de-duplicated) list, leaving out those whose registrable domain is in `skip`. */
function targetsOf(kind: TargetKind, list: readonly HostName[], skip: ReadonlySet<string>): Target[] {
  const out: Target[] = [];
  for (const h of list) {
    const t = makeTarget(kind, h);
    if (t && !skip.has(t.registrable)) out.push(t);
  }
  return out;
}

/** Sizes of the compiled indexes, for the test that shows compiling is linear in the list. */
export function compiledSize(lists: CompiledDomainLists): { targets: number; keys: number } {
  const { primary, secondary } = (lists as unknown as Compiled).indexes();
  let targets = 0;
  let keys = 0;
  for (const index of secondary ? [primary, secondary] : [primary]) {
    targets += index.all.length;
    keys += index.byForm.size + index.bySkeleton.size + index.byShortened.size;
  }
  return { targets, keys };
}

/** One finding per recipient that is invalid or resembles a protected domain; nothing for the rest. */
export function findLookalikes(
  recipients: readonly Recipient[],
  lists: CompiledDomainLists,
): Array<LookalikeFinding | InvalidRecipientFinding> {
  const compiled = lists as unknown as Compiled;
  const findings: Array<LookalikeFinding | InvalidRecipientFinding> = [];
  for (const recipient of recipients) {
    const finding = checkRecipient(recipient, compiled);
    if (finding) findings.push(finding);
  }
  return findings;
}

function checkRecipient(recipient: Recipient, compiled: Compiled): LookalikeFinding | InvalidRecipientFinding | undefined {
  const invalid: InvalidRecipientFinding = { kind: "invalid-recipient", recipient: recipient.address, field: recipient.field };
  const parsed = parseAddress(typeof recipient.address === "string" ? recipient.address : "");
  if (!parsed.ok) return invalid;
  const { host, local } = parsed;
  if (isUnder(host, compiled.protectedHosts) || isUnder(host, compiled.knownHosts)) return undefined;
  const split = splitHost(host);
  if (!split) return invalid;

  const probe = makeProbe(split);
  const { primary, secondary } = compiled.indexes();
  const match = bestMatch(probe, primary) ?? (secondary ? bestMatch(probe, secondary) : undefined);
  if (!match) return undefined;
  // History is a modifier, not a whitelist: years of mail to anders.dk must not make it normal.
  if (match.target.kind !== "own" && (compiled.confirmed.has(host.unicode) || compiled.confirmed.has(split.registrable))) {
    return undefined;
  }
  const finding: LookalikeFinding = {
    kind: "lookalike-domain",
    recipient: recipient.address,
    field: recipient.field,
    domain: host.ascii,
    ...(host.unicode !== host.ascii ? { domainUnicode: host.unicode } : {}),
    resembles: match.target.domain,
    target: match.target.kind,
    reason: match.reason,
    ...(match.edit ? { edit: match.edit } : {}),
    suggestion: `${local}@${match.target.domain}`,
  };
  return finding;
}

/** True when the host or one of its parent domains is in the set. */
function isUnder(host: HostName, set: ReadonlySet<string>): boolean {
  if (set.size === 0) return false;
  for (const name of [host.unicode, host.ascii]) {
    let rest = name;
    for (;;) {
      if (set.has(rest)) return true;
      const dot = rest.indexOf(".");
      if (dot === -1) break;
      rest = rest.slice(dot + 1);
    }
    if (host.unicode === host.ascii) break;
  }
  return false;
}

function hosts(entries: readonly string[]): HostName[] {
  const out: HostName[] = [];
  for (const entry of entries) {
    if (typeof entry !== "string") continue;
    const h = normalizeDomainEntry(entry);
    if (h) out.push(h);
  }
  return out;
}

/** Adds each host (both forms) to the set; returns the hosts that were not in it yet. */
function addHosts(set: Set<string>, list: readonly HostName[]): HostName[] {
  const added: HostName[] = [];
  for (const h of list) {
    if (set.has(h.unicode)) continue;
    set.add(h.unicode);
    if (h.ascii !== h.unicode) set.add(h.ascii);
    added.push(h);
  }
  return added;
}
