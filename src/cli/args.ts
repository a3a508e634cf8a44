/**
 * The command line, read with node:util parseArgs, with every mistake said in the chosen
 * language: an unknown option (with the closest known one), an option without its value, a value
 * given to a switch. Node's own messages are English and name options as Node sees them; ours
 * name the fix and point to --help.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { t, type Lang } from "../i18n/t";

export class UsageError extends Error {
  constructor(
    message: string,
    /** Print the usage text too: for mistakes in the command line itself. */
    readonly showUsage = false,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * The language asked for on the command line (`--lang en`, `--lang=en`), read before parsing so
 * that even a mistake elsewhere in the line is reported in it. Anything else: the fallback.
 */
export function langFromArgs(args: readonly string[], fallback: Lang): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") break;
    const value = a === "--lang" ? args[i + 1] : a?.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (value === "da" || value === "en") return value;
  }
  return fallback;
}

/** Edit distance where swapping two neighbours costs 1 (`--jsno`), for option names only. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The known option closest to a mistyped one (`--polcy` → `--policy`), if any is close. */
export function closestOption(written: string, options: Options): string | undefined {
  const bare = written.replace(/^-+/, "").split("=")[0] ?? "";
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of Object.keys(options)) {
    const d = distance(bare.toLowerCase(), name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(bare.length / 3)) ? `--${best}` : undefined;
}

/** Node's message names the option in quotes: `Unknown option '--polcy'`, `Option '--policy <value>' …`. */
function quotedOption(message: string): string {
  const m = /'(-[^' ]*)/.exec(message);
  return m?.[1] ?? "?";
}

function describeError(e: unknown, options: Options, lang: Lang): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = quotedOption(message);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const guess = closestOption(option, options);
    return guess ? t(lang, "cli.error.unknownOptionGuess", { option, guess }) : t(lang, "cli.error.unknownOption", { option });
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (message.includes("argument missing")) return t(lang, "cli.error.optionNeedsValue", { option });
    if (message.includes("does not take an argument")) return t(lang, "cli.error.optionTakesNoValue", { option });
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return t(lang, "cli.error.unexpectedArgument", { detail: message });
  return t(lang, "cli.error.badOption", { detail: message });
}

/** parseArgs, strict, with a UsageError in `lang` for any mistake, and --lang checked. */
export function readArgs<T extends Options>(args: readonly string[], options: T, lang: Lang) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(describeError(e, options, lang), true);
  }
  const value = (parsed.values as Record<string, unknown>).lang;
  if (value !== undefined && value !== "da" && value !== "en") throw new UsageError(t(lang, "cli.error.badLang", { value: String(value) }), true);
  return parsed;
}
