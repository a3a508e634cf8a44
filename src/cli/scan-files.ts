/**
 * The work of `postvagt scan` on one file: read, parse, scan, decide, and render the file's output
 * (a JSON line or the readable report). One function, so the main thread (`--jobs 1`) and the
 * worker threads (src/cli/scan-worker.ts) produce byte-identical output for the same file.
 *
 * main.ts loads this module only when it scans: `postvagt --help` and usage errors never pay for
 * loading the core, its parsers and pdf.js glue.
 */
import { readFileSync } from "node:fs";
import { decideResult, messageFromEml, scanMessage, type Policy, DEFAULT_POLICY } from "../core";
import { t, type Lang } from "../i18n/t";
import { policyIssueLines, readPolicyFile } from "./policy-file";
import { installTextDecoderFix } from "./text-decoder-fix";
import { choosePdfReader, type OpenPdfReader, type PdfReaderChoice } from "./pdf-reader";
import { openCliPdfReader } from "./pdfjs-text";
import { errorRecord, jsonLine, messageRecord, textReport, type FileRecord } from "./report";
import { countRules, emptyRuleTally, type RuleTally } from "./summary";

// Before any mail is parsed, in the main thread and in every worker: Node's windows-1252 decoder
// is wrong for 0x80-0x9F (text-decoder-fix.ts).
installTextDecoderFix();

/** What one file gives the run: its record (for the tally), its output, and its rule counts. */
export interface FileOutcome {
  readonly record: FileRecord;
  /** Exactly what goes to stdout for this file. */
  readonly out: string;
  readonly rules: RuleTally;
}

export interface ScanSettings {
  readonly policy: Policy;
  /** Language of the readable report. */
  readonly lang: Lang;
  /** Language of the words inside JSON (Danish unless --lang en). */
  readonly jsonLang: Lang;
  readonly json: boolean;
  /** Time per message (--budget-ms); what is not read by then is reported as incomplete. */
  readonly budgetMs: number;
}

export type PolicyLoad = { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly message: string };

/** The policy file named by --policy (the built-in default without one), or why it cannot be used. */
export function loadPolicy(path: string | undefined, lang: Lang): PolicyLoad {
  if (path === undefined) return { ok: true, policy: DEFAULT_POLICY };
  const file = readPolicyFile(path);
  if (!file.ok) {
    return { ok: false, message: file.error === "not-utf8" ? t(lang, "cli.policyCheck.notUtf8", { path, offset: file.offset }) : t(lang, "cli.error.policyUnreadable", { path }) };
  }
  const parsed = file.result;
  if (parsed.ok) return { ok: true, policy: parsed.policy };
  const lines = policyIssueLines(file.text, parsed.issues, lang);
  return { ok: false, message: [t(lang, "cli.error.policyInvalid", { path }), ...lines.map((l) => `  ${l}`)].join("\n") };
}

/** pdf.js, opened on the first message with an attachment that may hold a PDF; a load failure is reported through `warn`. */
export function pdfReaderFor(open: OpenPdfReader | undefined, warn: (reason: string) => void): PdfReaderChoice {
  return choosePdfReader(open ?? ((): ReturnType<OpenPdfReader> => openCliPdfReader()), warn);
}

export async function scanFile(file: string, settings: ScanSettings, pdfReader: PdfReaderChoice, clock: () => number): Promise<FileOutcome> {
  const { policy, lang, jsonLang, json, budgetMs } = settings;
  const start = clock();
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileSync(file);
  } catch {
    bytes = undefined;
  }
  const rules = emptyRuleTally();
  // The buffer was read for this call alone: the parser may change it in place instead of copying it.
  const parsedMail = bytes === undefined ? ({ ok: false, error: "read-failed" } as const) : await messageFromEml(bytes, { mayOverwrite: true });
  // The message holds what it needs; the file's bytes can go before the scan allocates more.
  bytes = undefined;
  if (!parsedMail.ok) {
    const record = errorRecord(file, parsedMail.error, clock() - start);
    return { record, rules, out: json ? `${jsonLine(record)}\n` : textReport(file, { kind: "error", error: parsedMail.error }, lang) };
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
  countRules(rules, verdict, result.secureRoute);
  return { record, rules, out: json ? `${jsonLine(record)}\n` : textReport(file, { kind: "scanned", result, verdict }, lang) };
}

/** Adds one file's rule counts to the run's (counts are per message, so the sum is the run's). */
export function addRules(into: RuleTally, from: RuleTally): void {
  for (const [key, entry] of from.byRule) {
    const have = into.byRule.get(key);
    if (have) {
      have.findings += entry.findings;
      have.messages += entry.messages;
    } else {
      into.byRule.set(key, { ...entry });
    }
  }
  into.secureRoute.findings += from.secureRoute.findings;
  into.secureRoute.messages += from.secureRoute.messages;
  into.incomplete.onTimeout += from.incomplete.onTimeout;
  into.incomplete.onError += from.incomplete.onError;
}
