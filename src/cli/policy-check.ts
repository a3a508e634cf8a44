/**
 * `postvagt policy check FILE`: the admin's check before a policy.json goes on the server. The
 * parser's issue messages already name the field and say what to write instead; this prints them
 * all at once (not the first only), or, for a valid file, the effective settings in a few lines so
 * a wrong-but-valid choice ("block" where "warn" was meant) is visible too.
 * Exit code: 0 valid, 2 invalid or unreadable.
 */
import { terminalSafe } from "../core/index";
import { readFileSync } from "node:fs";
import { parsePolicy, type Policy } from "../core";
import { t, type AnyLang } from "../i18n/t";

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

/**
 * The policy file's text, or why not. Invalid UTF-8 is refused, never replaced: a Latin-1 "ærø.dk"
 * read as UTF-8 becomes another domain (U+FFFD), and the admin would never know.
 */
export function readPolicyText(path: string): { ok: true; text: string } | { ok: false; error: "unreadable" } | { ok: false; error: "not-utf8"; offset: number } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { ok: false, error: "unreadable" };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: "not-utf8", offset: firstInvalidUtf8(bytes) };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  const d = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = b.length;
  // The longest valid prefix, by bisection (a cut inside a sequence is invalid too, so step back 3).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      d.decode(b.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export function checkPolicyFile(path: string, io: CheckIo, lang: AnyLang): 0 | 2 {
  const read = readPolicyText(path);
  if (!read.ok) {
    const message = read.error === "not-utf8" ? t(lang, "cli.policyCheck.notUtf8", { path, offset: read.offset }) : t(lang, "cli.policyCheck.unreadable", { path });
    io.stderr(`postvagt: ${terminalSafe(message)}\n`);
    return 2;
  }
  const text = read.text;
  // Windows editors (Notepad) save UTF-8 with a byte-order mark; JSON.parse would call that an error.
  const parsed = parsePolicy(text.replace(/^\uFEFF/, ""));
  if (!parsed.ok) {
    // The issue messages are English by design: they quote JSON keys and values verbatim.
    const lines = [t(lang, "cli.policyCheck.invalid", { path, count: parsed.issues.length }), ...parsed.issues.map((i) => `  ${i.message}`)];
    // Keys and values from the file are quoted in the messages: escaped so they cannot drive the terminal.
    io.stdout(`${terminalSafe(lines.join("\n"))}\n`);
    return 2;
  }
  io.stdout(`${terminalSafe([t(lang, "cli.policyCheck.valid", { path }), ...describePolicy(parsed.policy, lang)].join("\n"))}\n`);
  return 0;
}
