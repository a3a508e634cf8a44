/**
 * The answers that need no scanning: `postvagt --help` and `postvagt --version`. Built on its own
 * into dist-cli/quick.js, which bin/postvagt.js loads before the whole command (1.7 MB of parsers
 * it would otherwise parse first), so scripts that ask for the usage or version get it at once
 * (target: `--help` under 150 ms, as fast as a bare `node -e 0`; bench/cli.bench.ts measures it).
 * main.ts answers through the same function, so the two paths cannot drift apart.
 */
import { version as packageVersion } from "../../package.json";
import { langFromLocale, t } from "../i18n/t";
import { langFromArgs } from "./args";

/** What to print for `argv` (with its newline), or undefined when the command has work to do. */
export function quickAnswer(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | undefined {
  const command = argv[0];
  // --lang anywhere on the line chooses the language, as for every other message.
  const lang = (): ReturnType<typeof langFromLocale> => langFromArgs(argv, langFromLocale(env));
  if (command === "--help" || command === "-h" || command === "help") return `${t(lang(), "cli.usage")}\n`;
  if (command === "--version" || command === "-V" || command === "version") return `${t(lang(), "cli.version", { version: packageVersion })}\n`;
  return undefined;
}
