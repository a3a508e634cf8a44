/** The one place where a partial policy gets its defaults, so no caller fills one in its own way. */
import { DEFAULT_POLICY, freezeDeep } from "./default-policy";
import type { Limits, Policy } from "./policy";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A policy as an admin may write it: every key optional, nested objects partial. */
export type PolicyInput = Partial<Omit<Policy, "cpr" | "lookalike" | "limits" | "secureRecipients">> & {
  readonly cpr?: Partial<Policy["cpr"]>;
  readonly secureRecipients?: Partial<Policy["secureRecipients"]>;
  readonly lookalike?: Partial<Policy["lookalike"]>;
  readonly limits?: Partial<Limits>;
};

/** Fills every missing key from DEFAULT_POLICY. The result is frozen: a policy is read, never edited. */
export function withDefaults(input: PolicyInput, defaults: Policy = DEFAULT_POLICY): Policy {
  const policy: Mutable<Policy> = {
    ownDomains: [...(input.ownDomains ?? defaults.ownDomains)],
    trustedDomains: [...(input.trustedDomains ?? defaults.trustedDomains)],
    knownDomains: [...(input.knownDomains ?? defaults.knownDomains)],
    useBuiltInDomainList: input.useBuiltInDomainList ?? defaults.useBuiltInDomainList,
    cpr: { ...defaults.cpr, ...input.cpr },
    lookalike: { ...defaults.lookalike, ...input.lookalike },
    invalidRecipient: input.invalidRecipient ?? defaults.invalidRecipient,
    unreadableAttachment: input.unreadableAttachment ?? defaults.unreadableAttachment,
    imageAttachment: input.imageAttachment ?? defaults.imageAttachment,
    secureRoute: { ...(input.secureRoute ?? defaults.secureRoute) },
    secureRecipients: {
      domains: [...(input.secureRecipients?.domains ?? defaults.secureRecipients.domains)],
      addresses: [...(input.secureRecipients?.addresses ?? defaults.secureRecipients.addresses)],
    },
    onError: input.onError ?? defaults.onError,
    onTimeout: input.onTimeout ?? defaults.onTimeout,
    limits: { ...defaults.limits, ...input.limits },
    language: input.language ?? defaults.language,
    newExternalDomain: input.newExternalDomain ?? defaults.newExternalDomain,
    confirmLookalikes: input.confirmLookalikes ?? defaults.confirmLookalikes,
  };
  const helpContact = input.helpContact ?? defaults.helpContact;
  if (helpContact) policy.helpContact = { ...helpContact };
  const name = input.name ?? defaults.name;
  if (name !== undefined) policy.name = name;
  const version = input.version ?? defaults.version;
  if (version !== undefined) policy.version = version;
  return freezeDeep(policy);
}
