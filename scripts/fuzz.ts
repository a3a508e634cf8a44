/**
 * `npm run fuzz -- --cases N --seed S [--only pdf,zip,mime] [--max-seconds S]`: structure-aware fuzzing of the
 * attachment readers. Each case starts from a generated hostile or ordinary file that holds a
 * synthetic CPR number, mutates what the reader trusts (test/helpers/hostile-mutators.ts), and runs
 * the send-time extraction with a deadline. Counted per extractor:
 *  - crash: extractAttachments threw (it must report, never throw);
 *  - hang: it returned more than 1 s after its deadline (the deadline is checked cooperatively);
 *  - lead: the number's digits are still in the bytes as written, yet nothing found it and
 *    nothing was reported unreadable. A mutation can destroy the number (the form that held it is
 *    no longer drawn), so a lead alone proves nothing;
 *  - silent pass: a lead an oracle confirms, a failure. For zip the oracle is Info-ZIP's unzip
 *    (where installed): it printed the number. For PDF the oracle is pdf.js, an
 *    independent reader, run in the compiled CLI's worker thread (`npm run build:cli` first),
 *    stopped after 5 s: it found the number where ours said clean. For MIME the oracle is exact:
 *    the digits count as destroyed only when the part that holds them declares an encoding that
 *    turns those bytes into other text (base64 or uuencode, a UTF-16 charset), as any mail client
 *    would decode them; every other MIME lead is a misread.
 * Every case is printed with its seed to replay (`fuzzCase`). Exit code 1 on any crash, hang or
 * silent pass.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractAttachments } from "../src/core/extractors/extract";
import { openCliPdfReader } from "../src/cli/pdfjs-text";
import { deepFormPdf, formGraphPdf, manyPagesPdf, PDF_NUMBER } from "../test/helpers/hostile-pdf";
import { docxDuplicateDocument, plainZip, zipCountLies } from "../test/helpers/hostile-formats";
import { mutateMime, mutatePdf, mutateZip } from "../test/helpers/hostile-mutators";
import { mulberry32 } from "../test/helpers/seeded-random";

const LIMITS = { sendBudgetMs: 4000, maxAttachmentBytes: 25 << 20, maxInflatedBytes: 128 << 20, maxArchiveEntries: 10_000, maxNestingDepth: 3 };
const DEADLINE_MS = 2000;
const NUMBER = PDF_NUMBER;

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);

function mimeBase(rnd: () => number): Uint8Array {
  const boundary = `b${Math.floor(rnd() * 1e6)}`;
  const charset = ["utf-8", "iso-8859-1", "windows-1252", "us-ascii"][Math.floor(rnd() * 4)] as string;
  return latin1(
    `From: a@randers.dk\r\nTo: b@example.com\r\nSubject: Sag\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n` +
      `--${boundary}\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\nCPR ${NUMBER}\r\n` +
      `--${boundary}\r\nContent-Type: text/html; charset=${charset}\r\n\r\n<p>Hej</p>\r\n--${boundary}--\r\n`,
  );
}

/**
 * True when the MIME part holding `number` declares a transfer encoding or charset under which its
 * bytes no longer read as those digits (so no reader, ours or a mail client's, could show them).
 */
export function mimeDigitsDestroyed(latin1Text: string, number: string): boolean {
  const at = latin1Text.indexOf(number);
  const from = latin1Text.lastIndexOf("\n--", at);
  const block = latin1Text.slice(from < 0 ? 0 : from, at);
  const last = (re: RegExp): string | undefined => {
    let m: RegExpExecArray | null;
    let value: string | undefined;
    while ((m = re.exec(block)) !== null) value = (m[1] as string).toLowerCase();
    return value;
  };
  const cte = last(/content-transfer-encoding:[ \t]*([^\s;]+)/gi);
  const charset = last(/charset="?([^";\s]*)/gi);
  return cte === "base64" || cte === "x-uuencode" || /^utf-16/.test(charset ?? "");
}

interface Extractor {
  readonly name: string;
  readonly file: string;
  make(seed: number): Uint8Array;
  /** An exact oracle: a lead is then a silent pass unless this says the digits were destroyed. */
  readonly destroyed?: (latin1Text: string) => boolean;
}

const EXTRACTORS: readonly Extractor[] = [
  {
    name: "pdf",
    file: "x.pdf",
    make: (seed) => {
      const rnd = mulberry32(seed);
      const base = [() => formGraphPdf(seed, 4 + Math.floor(rnd() * 30), 1 + Math.floor(rnd() * 4)), () => deepFormPdf(1 + Math.floor(rnd() * 40)), () => manyPagesPdf(1 + Math.floor(rnd() * 5))][Math.floor(rnd() * 3)] as () => Uint8Array;
      return mutatePdf(base(), seed);
    },
  },
  {
    name: "zip",
    file: "x.zip",
    make: (seed) => {
      const rnd = mulberry32(seed);
      const base = [plainZip, zipCountLies, docxDuplicateDocument][Math.floor(rnd() * 3)] as () => Uint8Array;
      return mutateZip(base(), seed);
    },
  },
  { name: "mime", file: "x.eml", make: (seed) => mutateMime(mimeBase(mulberry32(seed)), seed), destroyed: (s) => mimeDigitsDestroyed(s, NUMBER) },
];

function latin1Text(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, Array.from(b.subarray(i, i + 8192)));
  return s;
}

export interface FuzzReport {
  readonly extractor: string;
  readonly cases: number;
  readonly ms: number;
  readonly crashes: number[];
  readonly hangs: number[];
  readonly silent: number[];
  readonly leads: number[];
}

/** An independent reader's answer: does it find the number in these bytes? */
export type Oracle = (bytes: Uint8Array) => Promise<boolean>;

const ORACLE_MS = 5000;

/** pdf.js in the compiled CLI's worker thread, or undefined when the CLI is not built. */
export async function pdfjsOracle(): Promise<Oracle | undefined> {
  const script = join(__dirname, "..", "dist-cli", "pdfjs-worker.js");
  if (!existsSync(script)) return undefined;
  const reader = await openCliPdfReader(script);
  return async (bytes) => {
    const deadline = Date.now() + ORACLE_MS;
    const r = await reader.read(bytes, { expired: () => Date.now() > deadline });
    return r.pages.some((p) => p.lines.join("").indexOf(NUMBER) >= 0);
  };
}

/**
 * Info-ZIP's unzip, an independent reader of zip directories (`unzip -p` prints every entry it can
 * read), or undefined where it is not installed. Its view is the one other tools take of a lying
 * archive, so a number it prints where ours said clean is a silent pass.
 */
export function unzipOracle(): Oracle | undefined {
  if (spawnSync("unzip", ["-v"], { stdio: "ignore" }).status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "postvagt-fuzz-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "case.zip");
  return async (bytes) => {
    writeFileSync(file, bytes);
    const run = spawnSync("unzip", ["-p", file], { encoding: "latin1", timeout: ORACLE_MS, maxBuffer: 256 << 20 });
    return (run.stdout ?? "").indexOf(NUMBER) >= 0;
  };
}

export async function runFuzz(
  cases: number,
  seed: number,
  only?: readonly string[],
  maxMs = Infinity,
  progress?: (r: FuzzReport) => void,
  oracles: Readonly<Record<string, Oracle | undefined>> = {},
): Promise<FuzzReport[]> {
  const reports: FuzzReport[] = [];
  for (const ex of EXTRACTORS) {
    if (only && only.indexOf(ex.name) < 0) continue;
    const crashes: number[] = [];
    const hangs: number[] = [];
    const silent: number[] = [];
    const leads: number[] = [];
    const oracle = oracles[ex.name];
    const start = Date.now();
    let done = 0;
    for (let i = 0; i < cases && Date.now() - start < maxMs; i++) {
      done = i + 1;
      if (progress && i > 0 && i % 5000 === 0) progress({ extractor: ex.name, cases: i, ms: Date.now() - start, crashes, hangs, silent, leads });
      const caseSeed = (seed * 1_000_003 + i) >>> 0;
      const bytes = ex.make(caseSeed);
      const deadline = Date.now() + DEADLINE_MS;
      try {
        const r = await extractAttachments([{ kind: "file", name: ex.file, bytes }], { limits: LIMITS, deadline });
        if (Date.now() > deadline + 1000) hangs.push(caseSeed);
        const found = r.segments.some((s) => s.location.place?.kind !== "file-name" && s.text.indexOf(NUMBER) >= 0);
        const text = !found && r.unreadable.length === 0 ? latin1Text(bytes) : "";
        if (text.indexOf(NUMBER) >= 0) {
          const confirmed = ex.destroyed ? !ex.destroyed(text) : oracle ? await oracle(bytes) : false;
          (confirmed ? silent : leads).push(caseSeed);
        }
      } catch {
        crashes.push(caseSeed);
      }
    }
    reports.push({ extractor: ex.name, cases: done, ms: Date.now() - start, crashes, hangs, silent, leads });
  }
  return reports;
}

/** Replays one case: the bytes of `extractor` for `caseSeed`. */
export function fuzzCase(extractor: string, caseSeed: number): Uint8Array | undefined {
  return EXTRACTORS.find((e) => e.name === extractor)?.make(caseSeed);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string): string => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
  };
  const cases = Number(arg("cases", "1000"));
  const seed = Number(arg("seed", "1414"));
  const only = args.indexOf("--only") >= 0 ? arg("only", "").split(",") : undefined;
  // --max-seconds S: stop each extractor after S seconds and report the cases it ran.
  const maxMs = Number(arg("max-seconds", "Infinity")) * 1000;
  const usage = "usage: npm run fuzz -- [--cases N] [--seed S] [--only pdf,zip,mime] [--max-seconds S]\n(PDF silent passes are confirmed with pdf.js from the compiled CLI: npm run build:cli first)";
  if (args.indexOf("--help") >= 0) {
    console.log(usage);
    process.exit(0);
  }
  if (!(cases > 0) || !Number.isInteger(seed)) {
    console.error(usage);
    process.exit(2);
  }
  const pdf = !only || only.indexOf("pdf") >= 0 ? await pdfjsOracle() : undefined;
  if ((!only || only.indexOf("pdf") >= 0) && !pdf) console.log("note: no compiled CLI (npm run build:cli), so PDF leads are not checked with pdf.js");
  let bad = 0;
  const line = (r: FuzzReport): string =>
    `${r.extractor}: ${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s; crashes ${r.crashes.length}, hangs ${r.hangs.length}, silent passes ${r.silent.length}, leads ${r.leads.length}`;
  const zip = !only || only.indexOf("zip") >= 0 ? unzipOracle() : undefined;
  if ((!only || only.indexOf("zip") >= 0) && !zip) console.log("note: no unzip on this machine, so zip leads are not checked with it");
  for (const r of await runFuzz(cases, seed, only, maxMs, (p) => console.log(`  … ${line(p)}`), { pdf, zip })) {
    console.log(line(r));
    for (const [kind, list] of [["crash", r.crashes], ["hang", r.hangs], ["silent", r.silent], ["lead", r.leads]] as const) {
      if (list.length > 0) console.log(`  ${kind} case seeds (first 10): ${list.slice(0, 10).join(" ")}`);
    }
    bad += r.crashes.length + r.hangs.length + r.silent.length;
  }
  process.exit(bad > 0 ? 1 : 0);
}

if (require.main === module) void main();
