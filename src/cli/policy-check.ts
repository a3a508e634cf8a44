/**
 * `postvagt policy check FILE`: the admin's check before a policy.json goes on the server. The
 * parser's issue messages already name the field and say what to write instead; this prints them
 * all at once (not the first only), in the reader's language, or, for a valid file, the effective settings in a few lines so
 * a wrong-but-valid choice ("block" where "warn" was meant) is visible too.
 * Exit code: 0 valid, 2 invalid or unreadable.
 */
import { terminalSafe, type Policy } from "../core";
import { t, type AnyLang } from "../i18n/t";
import { EXIT } from "./exit-codes";
import { policyIssueLines, readPolicyFile } from "./policy-file";

export interface CheckIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

function routeText(policy: Policy, lang: AnyLang): string {
  const route = policy.secureRoute;
  if (route.kind === "subject-tag") return t(lang, "cli.policyCheck.routeTag", { tag: route.tag });
  if (route.kind === "sensitivity-label") return t(lang, "cli.policyCheck.routeLabel", { label: route.labelName ? `${route.labelName} (${route.labelId})` : route.labelId });
  return t(lang, "cli.policyCheck.routeNone");
}

/** The effective policy in a few lines (after defaults): what the add-in will actually do. */
export function describePolicy(policy: Policy, lang: AnyLang): string[] {
  const action = (a: string) => t(lang, `cli.action.${a as "allow" | "warn" | "block"}`);
  return [
    policy.ownDomains.length > 0
      ? t(lang, "cli.policyCheck.ownDomains", { value: policy.ownDomains.join(", ") })
      : t(lang, "cli.policyCheck.ownDomainsLearned"),
    t(lang, "cli.policyCheck.trustedDomains", { count: policy.trustedDomains.length }),
    t(lang, "cli.policyCheck.knownDomains", {
      count: policy.knownDomains.length,
      builtIn: t(lang, policy.useBuiltInDomainList ? "cli.policyCheck.yes" : "cli.policyCheck.no"),
    }),
    t(lang, "cli.policyCheck.cpr", { high: action(policy.cpr.high), medium: action(policy.cpr.medium), low: action(policy.cpr.low) }),
    t(lang, "cli.policyCheck.lookalike", {
      own: action(policy.lookalike.own),
      trusted: action(policy.lookalike.trusted),
      known: action(policy.lookalike.known),
    }),
    t(lang, "cli.policyCheck.secureRoute", { value: routeText(policy, lang) }),
    t(lang, "cli.policyCheck.secureRecipients", {
      domains: policy.secureRecipients.domains.length,
      addresses: policy.secureRecipients.addresses.length,
    }),
    t(lang, "cli.policyCheck.failModes", { onError: action(policy.onError), onTimeout: action(policy.onTimeout) }),
  ];
}

export function checkPolicyFile(path: string, io: CheckIo, lang: AnyLang): 0 | 2 {
  const file = readPolicyFile(path);
  if (!file.ok) {
    const message = file.error === "not-utf8" ? t(lang, "cli.policyCheck.notUtf8", { path, offset: file.offset }) : t(lang, "cli.policyCheck.unreadable", { path });
    io.stderr(`postvagt: ${terminalSafe(message)}\n`);
    return EXIT.usage;
  }
  const parsed = file.result;
  if (!parsed.ok) {
    const lines = [t(lang, "cli.policyCheck.invalid", { path, count: parsed.issues.length }), ...policyIssueLines(file.text, parsed.issues, lang).map((l) => `  ${l}`)];
    // Keys and values from the file are quoted in the messages: escaped so they cannot drive the terminal.
    io.stdout(`${terminalSafe(lines.join("\n"))}\n`);
    return EXIT.usage;
  }
  io.stdout(`${terminalSafe([t(lang, "cli.policyCheck.valid", { path }), ...describePolicy(parsed.policy, lang)].join("\n"))}\n`);
  return EXIT.allowed;
}
