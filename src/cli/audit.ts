/**
 * `postvagt audit [--json] [--html FILE] [--lang da|en] PATH...` — for the DPO: reads exported mail
 * (.eml; .msg with internet headers) and reports how many mails Postvagt checked, how many were sent
 * after a warning (per rule), through the secure route, and without a marker (per client), per ISO
 * week. Only headers are read; nothing of any mail is printed. See docs/audit.md.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { t, type Lang } from "../i18n/t";
import { collectFiles, resolveInputs } from "./input-files";
import { readAuditRecord } from "./audit-read";
import { auditJson, auditText } from "./audit-report";
import { auditHtml } from "./audit-html";
import { addRecord, emptySummary } from "./audit-tally";

export interface AuditIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** "Today" in the HTML footer; tests pin it. */
  readonly today?: () => Date;
}

/** Progress goes to stderr every this many files, for folders at least this large. */
export const PROGRESS_EVERY = 250;

const EXTENSIONS = [".eml", ".msg"];

function wanted(name: string): boolean {
  const lower = name.toLowerCase();
  return EXTENSIONS.some((e) => lower.endsWith(e));
}

/** Every *.eml and *.msg under a folder, sorted by name; symlinked folders are not followed. */
export function collectAuditFiles(dir: string): string[] {
  return collectFiles(dir, wanted);
}

class AuditUsageError extends Error {}

function resolve(paths: readonly string[], lang: Lang): string[] {
  return resolveInputs(paths, wanted, {
    notFound: (path) => new AuditUsageError(t(lang, "audit.error.notFound", { path })),
    empty: (path) => new AuditUsageError(t(lang, "audit.error.noFiles", { path })),
  });
}

export async function auditCommand(args: readonly string[], io: AuditIo, localeLang: Lang): Promise<number> {
  let lang = localeLang;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: { json: { type: "boolean", default: false }, html: { type: "string" }, lang: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new AuditUsageError(t(lang, "cli.error.badOption", { detail: e instanceof Error ? e.message : String(e) }));
    }
    const { values, positionals } = parsed;
    if (values.lang !== undefined) {
      if (values.lang !== "da" && values.lang !== "en") throw new AuditUsageError(t(lang, "cli.error.badLang", { value: values.lang }));
      lang = values.lang;
    }
    if (values.help) {
      io.stdout(`${t(lang, "audit.usage")}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new AuditUsageError(t(lang, "audit.error.noPaths"));
    const files = resolve(positionals, lang);
    const summary = emptySummary();
    const progress = files.length >= PROGRESS_EVERY;
    for (let i = 0; i < files.length; i++) {
      let record;
      try {
        record = await readAuditRecord(files[i]!);
      } catch {
        // readAuditRecord turns every failure into a record; this is the net under the net.
        record = { kind: "bad-file", why: "read-failed" } as const;
      }
      addRecord(summary, files[i]!, record);
      if (progress && ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === files.length)) {
        io.stderr(`${t(lang, "audit.progress", { done: i + 1, total: files.length })}\n`);
      }
    }
    if (values.html !== undefined) {
      const today = (io.today ?? (() => new Date()))().toISOString().slice(0, 10);
      try {
        writeFileSync(values.html, auditHtml(summary, lang, today));
      } catch {
        throw new AuditUsageError(t(lang, "audit.error.htmlUnwritable", { path: values.html }));
      }
    }
    io.stdout(values.json ? auditJson(summary) : auditText(summary, lang));
    return 0;
  } catch (e) {
    if (e instanceof AuditUsageError) {
      io.stderr(`postvagt: ${e.message}\n${t(lang, "audit.usage")}\n`);
      return 2;
    }
    throw e;
  }
}
