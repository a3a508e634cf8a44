/**
 * `postvagt scan [--policy FILE] [--json] [--lang da|en] PATH...` — the same core as the add-in,
 * run on .eml files. The contract (issue 2) is fixed: other tools parse this output.
 *
 * Usage errors, a bad policy and missing paths are all found before the first message is
 * scanned, so a run either prints nothing but the problem, or scans everything it was given.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_POLICY, decideResult, messageFromEml, scanMessage, type Policy } from "../core";
import { version as packageVersion } from "../../package.json";
import { langFromArgs, readArgs, UsageError } from "./args";
import { EXIT } from "./exit-codes";
import { policyIssueLines, readPolicyFile } from "./policy-file";
import { choosePdfReader, type OpenPdfReader } from "./pdf-reader";
import { openPdfjsReader } from "./pdfjs-text";
import { langFromLocale, t, type Lang } from "../i18n/t";
import {
  count,
  emptyTally,
  errorRecord,
  exitCodeFor,
  jsonLine,
  messageRecord,
  summaryLine,
  textReport,
} from "./report";
import { checkPolicyFile } from "./policy-check";
import { auditCommand } from "./audit";
import { terminalSafe } from "../core/index";
import { installTextDecoderFix } from "./text-decoder-fix";

// Before any mail is parsed: Node's windows-1252 decoder is wrong for 0x80-0x9F (text-decoder-fix.ts).
installTextDecoderFix();
import { countRules, emptyRuleTally, ruleSummaryText, summaryJson } from "./summary";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Epoch ms with sub-millisecond resolution; injected by tests. */
  readonly clock?: () => number;
  /** Opens the PDF reader (default: pdf.js); injected by tests, e.g. to make loading fail. */
  readonly openPdfReader?: OpenPdfReader;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
};

function preciseClock(): number {
  return performance.timeOrigin + performance.now();
}

/** Every *.eml under a folder, depth first, sorted by name so output order is stable. */
export function collectEmlFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symlinked folders are not followed: a link back up the tree would never end.
    if (entry.isDirectory()) out.push(...collectEmlFiles(path));
    else if (entry.name.toLowerCase().endsWith(".eml") && (entry.isFile() || (entry.isSymbolicLink() && isFile(path)))) out.push(path);
  }
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function resolvePaths(paths: readonly string[], lang: Lang): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new UsageError(t(lang, "cli.error.notFound", { path: p }));
    }
    if (stat.isDirectory()) {
      const found = collectEmlFiles(p);
      if (found.length === 0) throw new UsageError(t(lang, "cli.error.noEmlFiles", { path: p }));
      files.push(...found);
    } else {
      // A file named explicitly is scanned whatever its extension: the user chose it.
      files.push(p);
    }
  }
  return files;
}

function loadPolicy(path: string | undefined, lang: Lang): Policy {
  if (path === undefined) return DEFAULT_POLICY;
  const file = readPolicyFile(path);
  if (!file.ok) {
    throw new UsageError(file.error === "not-utf8" ? t(lang, "cli.policyCheck.notUtf8", { path, offset: file.offset }) : t(lang, "cli.error.policyUnreadable", { path }));
  }
  const parsed = file.result;
  if (parsed.ok) return parsed.policy;
  const lines = policyIssueLines(file.text, parsed.issues, lang);
  throw new UsageError([t(lang, "cli.error.policyInvalid", { path }), ...lines.map((l) => `  ${l}`)].join("\n"));
}

/** `postvagt policy check [--lang da|en] FILE`. */
function policyCommand(args: readonly string[], io: Io, lang: Lang): number {
  const [sub, ...rest] = args;
  if (sub !== "check") {
    throw new UsageError(sub === undefined ? t(lang, "cli.error.noPolicyFile") : t(lang, "cli.error.unknownPolicyCommand", { command: sub }), true);
  }
  const { positionals } = readArgs(rest, { lang: { type: "string" } }, lang);
  if (positionals.length === 0) throw new UsageError(t(lang, "cli.error.noPolicyFile"), true);
  if (positionals.length > 1) throw new UsageError(t(lang, "cli.error.tooManyPolicyFiles"), true);
  return checkPolicyFile(positionals[0]!, io, lang);
}

const SCAN_OPTIONS = {
  policy: { type: "string" },
  json: { type: "boolean", default: false },
  "summary-json": { type: "boolean", default: false },
  lang: { type: "string" },
  "budget-ms": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** `--budget-ms N`: per-message time budget; generous by default (see docs/design/hostile-input.md). */
export const DEFAULT_CLI_BUDGET_MS = 60_000;
function parseBudgetMs(value: string | undefined, lang: Lang): number {
  if (value === undefined) return DEFAULT_CLI_BUDGET_MS;
  const n = /^[0-9]{1,8}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 86_400_000)) throw new UsageError(t(lang, "cli.error.badBudget", { value }), true);
  return n;
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const clock = io.clock ?? preciseClock;
  // --lang anywhere on the line chooses the language of every message, a usage error's too.
  const lang: Lang = langFromArgs(argv, langFromLocale(io.env));
  try {
    const [command, ...rest] = argv;
    if (command === "--help" || command === "-h" || command === "help") {
      io.stdout(`${t(lang, "cli.usage")}\n`);
      return EXIT.allowed;
    }
    if (command === "--version" || command === "-V" || command === "version") {
      io.stdout(`${t(lang, "cli.version", { version: packageVersion })}\n`);
      return EXIT.allowed;
    }
    if (command === undefined) throw new UsageError(t(lang, "cli.error.noCommand"), true);
    if (command === "policy") return policyCommand(rest, io, lang);
    if (command === "audit") return auditCommand(rest, io, lang);
    if (command !== "scan") throw new UsageError(t(lang, "cli.error.unknownCommand", { command }), true);

    const { values, positionals } = readArgs(rest, SCAN_OPTIONS, lang);
    if (values.help) {
      io.stdout(`${t(lang, "cli.usage")}\n`);
      return EXIT.allowed;
    }
    if (positionals.length === 0) throw new UsageError(t(lang, "cli.error.noPaths"), true);

    const budgetMs = parseBudgetMs(values["budget-ms"], lang);
    const policy = loadPolicy(values.policy, lang);
    const files = resolvePaths(positionals, lang);
    // JSON is for machines: its words (detail, why) are Danish unless --lang says otherwise,
    // never dependent on the caller's locale.
    const jsonLang: Lang = values.lang === "en" ? "en" : "da";
    const tally = emptyTally();
    const rules = emptyRuleTally();
    const pdfReader = choosePdfReader(io.openPdfReader ?? ((): ReturnType<OpenPdfReader> => openPdfjsReader()), (reason) =>
      io.stderr(`postvagt: ${t(lang, "cli.warning.pdfjsUnavailable", { reason })}\n`),
    );

    for (const file of files) {
      const start = clock();
      let bytes: Uint8Array | undefined;
      try {
        bytes = readFileSync(file);
      } catch {
        bytes = undefined;
      }
      const parsedMail = bytes === undefined ? ({ ok: false, error: "read-failed" } as const) : await messageFromEml(bytes);
      if (!parsedMail.ok) {
        const record = errorRecord(file, parsedMail.error, clock() - start);
        count(tally, record);
        io.stdout(values.json ? `${jsonLine(record)}\n` : textReport(file, { kind: "error", error: parsedMail.error }, lang));
        continue;
      }
      // Opened before scanMessage sets its deadline, so loading pdf.js (once per run) does not eat
      // this message's time budget; it does show in the first such message's elapsedMs.
      const pdf = await pdfReader.forMessage(parsedMail.message);
      // The message's own budget, not the send handler's 4 s: a desk-side scan can afford more, and
      // what it still does not finish is reported as incomplete (scanMessage's timeout findings).
      const deadline = clock() + budgetMs;
      const result = await scanMessage(parsedMail.message, policy, pdf ? { clock, pdf, deadline } : { clock, deadline });
      const verdict = decideResult(result, policy);
      const record = messageRecord(file, result, verdict, policy, jsonLang, clock() - start);
      count(tally, record);
      countRules(rules, verdict, result.secureRoute);
      io.stdout(values.json ? `${jsonLine(record)}\n` : textReport(file, { kind: "scanned", result, verdict }, lang));
    }
    if (!values.json) io.stdout(`${summaryLine(tally, lang)}${ruleSummaryText(rules, lang, policy)}`);
    // Only when asked, and on stderr: stdout under --json stays one object per message (the contract).
    if (values["summary-json"]) io.stderr(`${JSON.stringify(summaryJson(tally, rules))}\n`);
    return exitCodeFor(tally);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`postvagt: ${terminalSafe(e.message)}\n`);
      if (e.showUsage) io.stderr(`${t(lang, "cli.usage")}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
