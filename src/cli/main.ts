/**
 * `postvagt scan|policy check|audit` — the same core as the add-in, run on exported mail. The
 * JSON Lines and exit codes are a contract (docs/cli.md): other tools parse this output.
 *
 * Usage errors, a bad policy and missing paths are all found before the first message is
 * scanned, so a run either prints nothing but the problem, or scans everything it was given.
 */
import { availableParallelism } from "node:os";
import type { OpenPdfReader } from "./pdf-reader";
import { langFromLocale, t, type Lang } from "../i18n/t";
import { langFromArgs, readArgs, UsageError } from "./args";
import { EXIT } from "./exit-codes";
import { collectFiles, resolveInputs } from "./input-files";
import { quickAnswer } from "./quick";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Epoch ms with sub-millisecond resolution; injected by tests. */
  readonly clock?: () => number;
  /** Opens the PDF reader (default: pdf.js); injected by tests, e.g. to make loading fail. */
  readonly openPdfReader?: OpenPdfReader;
  /** Show progress on stderr for large folders (default: when stderr is a terminal). */
  readonly progress?: boolean;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  progress: process.stderr.isTTY === true,
};

/** `--jobs N`: files scanned at once (worker threads); default: one per core. */
function jobsOption(value: string | undefined, lang: Lang): number {
  if (value === undefined) return availableParallelism();
  const n = /^[0-9]{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 256)) throw new UsageError(t(lang, "cli.error.badJobs", { value }), true);
  return n;
}

/** `--budget-ms N`: per-message time budget; generous by default (see docs/design/hostile-input.md). */
export const DEFAULT_CLI_BUDGET_MS = 60_000;
function parseBudgetMs(value: string | undefined, lang: Lang): number {
  if (value === undefined) return DEFAULT_CLI_BUDGET_MS;
  const n = /^[0-9]{1,8}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 86_400_000)) throw new UsageError(t(lang, "cli.error.badBudget", { value }), true);
  return n;
}

/** Folders at least this large show progress (when stderr is a terminal, or the caller asks). */
const PROGRESS_MIN_FILES = 200;
const PROGRESS_EVERY_MS = 500;

/** "1200 of 10000 messages read" on stderr, rewritten in place at most twice a second. */
function progressReporter(io: Io, total: number, lang: Lang, clock: () => number): { step(): void; done(): void } {
  if (io.progress !== true || total < PROGRESS_MIN_FILES) return { step() {}, done() {} };
  let done = 0;
  let last = clock();
  let shown = false;
  return {
    step() {
      done++;
      const now = clock();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      shown = true;
      io.stderr(`\r${t(lang, "cli.progress.scanned", { done: String(done), total: String(total) })}`);
    },
    done() {
      if (shown) io.stderr(`\r${t(lang, "cli.progress.scanned", { done: String(done), total: String(total) })}\n`);
    },
  };
}

function preciseClock(): number {
  return performance.timeOrigin + performance.now();
}

const isEml = (name: string): boolean => name.toLowerCase().endsWith(".eml");

/** Every *.eml under a folder, depth first, sorted by name so output order is stable. */
export function collectEmlFiles(dir: string): string[] {
  return collectFiles(dir, isEml);
}

/** The files to scan; a file named explicitly is scanned whatever its extension: the user chose it. */
function resolvePaths(paths: readonly string[], lang: Lang): string[] {
  return resolveInputs(paths, isEml, {
    notFound: (path) => new UsageError(t(lang, "cli.error.notFound", { path })),
    empty: (path) => new UsageError(t(lang, "cli.error.noEmlFiles", { path })),
  });
}

/** `postvagt policy check [--lang da|en] FILE`. */
async function policyCommand(args: readonly string[], io: Io, lang: Lang): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "check") {
    throw new UsageError(sub === undefined ? t(lang, "cli.error.noPolicyFile") : t(lang, "cli.error.unknownPolicyCommand", { command: sub }), true);
  }
  const { positionals } = readArgs(rest, { lang: { type: "string" } }, lang);
  if (positionals.length === 0) throw new UsageError(t(lang, "cli.error.noPolicyFile"), true);
  if (positionals.length > 1) throw new UsageError(t(lang, "cli.error.tooManyPolicyFiles"), true);
  const { checkPolicyFile } = await import("./policy-check");
  return checkPolicyFile(positionals[0]!, io, lang);
}

const SCAN_OPTIONS = {
  policy: { type: "string" },
  json: { type: "boolean", default: false },
  "summary-json": { type: "boolean", default: false },
  lang: { type: "string" },
  "budget-ms": { type: "string" },
  jobs: { type: "string", short: "j" },
  help: { type: "boolean", short: "h", default: false },
} as const;

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const clock = io.clock ?? preciseClock;
  // --lang anywhere on the line chooses the language of every message, a usage error's too.
  const lang: Lang = langFromArgs(argv, langFromLocale(io.env));
  try {
    const answer = quickAnswer(argv, io.env);
    if (answer !== undefined) {
      io.stdout(answer);
      return EXIT.allowed;
    }
    const [command, ...rest] = argv;
    if (command === undefined) throw new UsageError(t(lang, "cli.error.noCommand"), true);
    if (command === "policy") return await policyCommand(rest, io, lang);
    if (command === "audit") {
      const { auditCommand } = await import("./audit");
      return await auditCommand(rest, io, lang);
    }
    if (command !== "scan") throw new UsageError(t(lang, "cli.error.unknownCommand", { command }), true);

    const { values, positionals } = readArgs(rest, SCAN_OPTIONS, lang);
    if (values.help) {
      io.stdout(`${t(lang, "cli.usage")}\n`);
      return EXIT.allowed;
    }
    if (positionals.length === 0) throw new UsageError(t(lang, "cli.error.noPaths"), true);

    const budgetMs = parseBudgetMs(values["budget-ms"], lang);
    const jobs = jobsOption(values.jobs, lang);
    // Loaded only now: help and usage errors never pay for loading the core and its parsers.
    const scan = await import("./scan-files");
    const report = await import("./report");
    const summary = await import("./summary");
    const loaded = scan.loadPolicy(values.policy, lang);
    if (!loaded.ok) throw new UsageError(loaded.message);
    const policy = loaded.policy;
    const files = resolvePaths(positionals, lang);
    // JSON is for machines: its words (detail, why) are Danish unless --lang says otherwise,
    // never dependent on the caller's locale.
    const jsonLang: Lang = values.lang === "en" ? "en" : "da";
    const settings = { policy, lang, jsonLang, json: values.json, budgetMs };
    const tally = report.emptyTally();
    const rules = summary.emptyRuleTally();
    const progress = progressReporter(io, files.length, lang, clock);
    const onOutcome = (outcome: import("./scan-files").FileOutcome): void => {
      report.count(tally, outcome.record);
      scan.addRules(rules, outcome.rules);
      io.stdout(outcome.out);
      progress.step();
    };
    const warnPdf = (reason: string): void => io.stderr(`postvagt: ${t(lang, "cli.warning.pdfjsUnavailable", { reason })}\n`);

    const { scanInWorkers } = await import("./scan-pool");
    const pooled =
      jobs > 1 && files.length > 1 && io.openPdfReader === undefined
        ? await scanInWorkers(files, { jobs, policyPath: values.policy, lang, jsonLang, json: values.json, budgetMs }, { onOutcome, warnPdf })
        : false;
    if (!pooled) {
      const pdfReader = scan.pdfReaderFor(io.openPdfReader, warnPdf);
      for (const file of files) onOutcome(await scan.scanFile(file, settings, pdfReader, clock));
    }
    progress.done();
    if (!values.json) io.stdout(`${report.summaryLine(tally, lang)}${summary.ruleSummaryText(rules, lang, policy)}`);
    // Only when asked, and on stderr: stdout under --json stays one object per message (the contract).
    if (values["summary-json"]) io.stderr(`${JSON.stringify(summary.summaryJson(tally, rules))}\n`);
    return report.exitCodeFor(tally);
  } catch (e) {
    if (e instanceof UsageError) {
      // Names and values from the command line or a policy file are quoted: escaped so they cannot drive the terminal.
      const { terminalSafe } = await import("../core");
      io.stderr(`postvagt: ${terminalSafe(e.message)}\n`);
      if (e.showUsage) io.stderr(`${t(lang, "cli.usage")}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
