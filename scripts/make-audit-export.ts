/**
 * A generated mail export for `postvagt audit` (seeded: identical on every run and machine): .eml
 * files over several ISO weeks, with and without the X-Postvagt marker, from several clients, a few
 * with a damaged marker, a few broken files, and .msg files with and without internet headers. Each
 * body holds a synthetic CPR number, an address and an attachment name, so tests can prove the
 * report carries none of them. Returns the counts the report must show, computed while writing.
 *
 *   npx tsx scripts/make-audit-export.ts DIR [COUNT] [SEED]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildMarker, type RuleCode } from "../src/core/index";
import { makeMsg } from "../test/helpers/msg-writer";
import { mulberry32 } from "../test/helpers/seeded-random";

/** Synthetic (born 1875, docs/design/cpr-number.md §7): must never appear in any report. */
export const SECRET_CPR = "150375-6125";
export const SECRET_ADDRESS = "borger.hemmelig@example.com";
export const SECRET_FILE = "Journalnotat-hemmelig.pdf";
export const SECRET_SUBJECT = "Sag om Hemmelig Person";

const CLIENTS = ["Microsoft Outlook 16.0", "Outlook-iOS/2.0", "Microsoft Outlook for Android 4.2405", "", "ScanTo-Mail 3.1"];
const RULES: readonly RuleCode[] = ["cpr.high", "cpr.medium", "lookalike.known", "unreadableAttachment"];

export interface ExportExpectation {
  files: number;
  mails: number;
  checked: number;
  allowed: number;
  warnSent: number;
  warnSentByRule: Partial<Record<RuleCode, number>>;
  route: number;
  unmarked: number;
  badMarker: number;
  noHeaders: number;
  badFiles: string[];
  weeks: Record<string, { checked: number; warnSent: number; route: number; unmarked: number }>;
}

/** Monday 2026-11-02 (ISO week 45) + n days, at 10:00 UTC. */
function dateOf(day: number): { header: string; week: string } {
  const d = new Date(Date.UTC(2026, 10, 2, 10) + day * 86_400_000);
  const week = 45 + Math.floor(day / 7);
  return { header: d.toUTCString().replace("GMT", "+0000"), week: `2026-W${week}` };
}

function eml(headers: string[], body: string): string {
  return `${headers.join("\r\n")}\r\n\r\n${body}\r\n`;
}

export function makeAuditExport(dir: string, count = 60, seed = 20261207): ExportExpectation {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  mkdirSync(join(dir, "sendt"), { recursive: true });
  const exp: ExportExpectation = {
    files: 0, mails: 0, checked: 0, allowed: 0, warnSent: 0, warnSentByRule: {}, route: 0, unmarked: 0, badMarker: 0, noHeaders: 0, badFiles: [], weeks: {},
  };
  const week = (w: string) => (exp.weeks[w] ??= { checked: 0, warnSent: 0, route: 0, unmarked: 0 });
  const body = `Hej\r\nCPR ${SECRET_CPR}, skriv til ${SECRET_ADDRESS}, se ${SECRET_FILE}.`;

  for (let i = 0; i < count; i++) {
    const { header: date, week: w } = dateOf(Math.floor(rnd() * 28));
    const client = pick(CLIENTS);
    const headers = [`From: sagsbehandler@randers.dk`, `To: ${SECRET_ADDRESS}`, `Subject: ${SECRET_SUBJECT}`, `Date: ${date}`, `Message-ID: <m${i}@randers.dk>`];
    if (client !== "") headers.push(i % 2 === 0 ? `X-Mailer: ${client}` : `User-Agent: ${client}`);
    const roll = rnd();
    exp.files++;
    exp.mails++;
    if (roll < 0.45) {
      headers.push(`X-Postvagt: ${buildMarker({ verdict: "allow", cpr: 0, lookalike: 0, unreadable: 0, policy: "p1abc" })}`);
      exp.checked++;
      exp.allowed++;
      week(w).checked++;
    } else if (roll < 0.6) {
      const rule = pick(RULES);
      // Folded over two lines, as a transport may do.
      const value = buildMarker({ verdict: "warn-sent", cpr: 1, lookalike: 0, unreadable: 0, warned: [rule], policy: "p1abc" });
      headers.push(`X-Postvagt: ${value.replace("; cpr=", ";\r\n cpr=")}`);
      exp.checked++;
      exp.warnSent++;
      exp.warnSentByRule[rule] = (exp.warnSentByRule[rule] ?? 0) + 1;
      week(w).checked++;
      week(w).warnSent++;
    } else if (roll < 0.7) {
      headers.push(`X-Postvagt: ${buildMarker({ verdict: "route", cpr: 2, lookalike: 0, unreadable: 0, route: "subject-tag", policy: "p1abc" })}`);
      exp.checked++;
      exp.route++;
      week(w).checked++;
      week(w).route++;
    } else if (roll < 0.75) {
      headers.push(pick(["X-Postvagt: checked", "X-Postvagt: v=2; verdict=allow", `X-Postvagt: v=1; verdict=allow; cpr=${SECRET_CPR}`]));
      exp.badMarker++;
    } else {
      exp.unmarked++;
      week(w).unmarked++;
    }
    writeFileSync(join(dir, i % 3 === 0 ? "sendt" : ".", `mail-${String(i).padStart(4, "0")}.eml`), eml(headers, body));
  }

  // Broken files: counted and listed, never a crash.
  const broken: Array<[string, Uint8Array | string]> = [
    ["tom.eml", ""],
    ["binaer.eml", new Uint8Array(Array.from({ length: 512 }, () => Math.floor(rnd() * 256)))],
    ["ingen-headere.eml", "Dette er bare tekst uden headere.\r\n"],
    ["oedelagt.msg", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])],
  ];
  for (const [name, content] of broken) {
    writeFileSync(join(dir, name), content);
    exp.files++;
    exp.badFiles.push(join(dir, name));
  }

  // Outlook .msg: one with transport headers and a marker, one without headers (cannot tell).
  const { header: date, week: w } = dateOf(3);
  const transport = [`From: sagsbehandler@randers.dk`, `Date: ${date}`, `X-Postvagt: ${buildMarker({ verdict: "allow", cpr: 0, lookalike: 0, unreadable: 0 })}`, ""].join("\r\n");
  writeFileSync(join(dir, "med-headere.msg"), makeMsg({ subject: SECRET_SUBJECT, body, transportHeaders: transport }));
  exp.files++;
  exp.mails++;
  exp.checked++;
  exp.allowed++;
  week(w).checked++;
  writeFileSync(join(dir, "uden-headere.msg"), makeMsg({ subject: SECRET_SUBJECT, body }));
  exp.files++;
  exp.noHeaders++;
  return exp;
}

if (require.main === module) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: npx tsx scripts/make-audit-export.ts DIR [COUNT] [SEED]\n");
    process.exitCode = 2;
  } else {
    const exp = makeAuditExport(dir, count ? Number(count) : undefined, seed ? Number(seed) : undefined);
    process.stdout.write(`${JSON.stringify({ files: exp.files, mails: exp.mails, checked: exp.checked, unmarked: exp.unmarked })}\n`);
  }
}
