/**
 * `postvagt audit` on generated exports (scripts/make-audit-export.ts, seeded): the counts match what
 * the generator wrote, broken files are counted and listed without a crash, progress goes to stderr,
 * and no output (text, JSON, HTML) holds anything from the mails: no number, address, subject or
 * file name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeAuditExport, SECRET_ADDRESS, SECRET_CPR, SECRET_FILE, SECRET_SUBJECT, type ExportExpectation } from "../../scripts/make-audit-export";
import { auditCommand, PROGRESS_EVERY } from "./audit";
import { clientOf, isoWeek, parseHeaderFields, recordFromHeaders } from "./audit-read";
import { main } from "./main";

let dir: string;
let expected: ExportExpectation;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "postvagt-audit-"));
  expected = makeAuditExport(dir, 80);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await auditCommand(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), today: () => new Date("2026-12-07T00:00:00Z") }, "da");
  return { code, stdout: out.join(""), stderr: err.join("") };
}

const SECRETS = [SECRET_CPR, "150375", SECRET_ADDRESS, "hemmelig", SECRET_FILE, SECRET_SUBJECT, "Hemmelig"];

describe("postvagt audit", () => {
  it("counts what the generator wrote (JSON)", async () => {
    const { code, stdout } = await run(["--json", dir]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      files: expected.files,
      mails: expected.mails,
      checked: expected.checked,
      allowed: expected.allowed,
      warnSent: expected.warnSent,
      route: expected.route,
      unmarked: expected.unmarked,
      badMarker: expected.badMarker,
      noHeaders: expected.noHeaders,
      warnSentByRule: expected.warnSentByRule,
    });
    expect(report.badFiles.map((b: { file: string }) => b.file).sort()).toEqual([...expected.badFiles].sort());
    const weeks = Object.fromEntries(report.weeks.map((w: { week: string }) => [w.week, w]));
    for (const [w, counts] of Object.entries(expected.weeks)) expect(weeks[w]).toMatchObject(counts);
    const byClient = report.unmarkedByClient as Record<string, number>;
    expect(Object.values(byClient).reduce((a, b) => a + b, 0)).toBe(expected.unmarked);
    for (const client of Object.keys(byClient)) expect(client).not.toMatch(/\d/);
  });

  it("writes Danish text with per-rule and per-client lines, and nothing from the mails", async () => {
    const { code, stdout } = await run([dir]);
    expect(code).toBe(0);
    expect(stdout).toContain("Postvagt-revision");
    expect(stdout).toContain(`Tjekket af Postvagt (har X-Postvagt): ${expected.checked}`);
    expect(stdout).toContain(`sendt efter en advarsel: ${expected.warnSent}`);
    expect(stdout).toContain(`Uden X-Postvagt (ikke tjekket): ${expected.unmarked}`);
    expect(stdout).toContain("tom fil");
    for (const s of SECRETS) expect(stdout).not.toContain(s);
  });

  it("writes one self-contained HTML page with an inline SVG chart", async () => {
    const html = join(dir, "..", `audit-${process.pid}.html`);
    try {
      const { code } = await run(["--html", html, dir]);
      expect(code).toBe(0);
      const page = readFileSync(html, "utf8");
      expect(page).toMatch(/^<!doctype html>/);
      expect(page).toContain("<svg");
      expect(page).toContain("default-src 'none'");
      expect(page).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
      // The only URL is the SVG namespace, which loads nothing.
      expect(page.match(/https?:\/\/[^"' ]+/g) ?? []).toEqual(["http://www.w3.org/2000/svg"]);
      for (const s of SECRETS) expect(page).not.toContain(s);
      for (const w of Object.keys(expected.weeks)) expect(page).toContain(w);
    } finally {
      rmSync(html, { force: true });
    }
  });

  it("shows progress on stderr for large folders", async () => {
    const big = mkdtempSync(join(tmpdir(), "postvagt-audit-big-"));
    try {
      makeAuditExport(big, PROGRESS_EVERY + 10, 7);
      const { code, stderr } = await run(["--json", big]);
      expect(code).toBe(0);
      expect(stderr).toMatch(new RegExp(`${PROGRESS_EVERY} af \\d+ filer læst`));
      expect(stderr.trim().split("\n").length).toBeGreaterThanOrEqual(2);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it("is wired into the postvagt command", async () => {
    const out: string[] = [];
    const code = await main(["audit", "--json", "--lang", "en", dir], { stdout: (s) => out.push(s), stderr: () => undefined, env: {} });
    expect(code).toBe(0);
    expect(JSON.parse(out.join("")).checked).toBe(expected.checked);
  });

  it("gives usage errors (exit 2) for no path, a missing path, a bad option, an empty folder", async () => {
    const empty = mkdtempSync(join(tmpdir(), "postvagt-audit-empty-"));
    try {
      for (const args of [[], [join(dir, "nope")], ["--bogus", dir], [empty], ["--lang", "fr", dir]]) {
        const { code, stderr } = await run(args);
        expect(code).toBe(2);
        expect(stderr).toContain("postvagt audit");
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("reads a named file whatever its extension, and lists an unreadable one", async () => {
    const odd = join(dir, "..", `odd-${process.pid}.txt`);
    writeFileSync(odd, "From: a@randers.dk\r\nDate: Mon, 9 Nov 2026 10:00:00 +0000\r\n\r\nbody");
    try {
      const { stdout } = await run(["--json", odd, join(dir, "tom.eml")]);
      const report = JSON.parse(stdout);
      expect(report).toMatchObject({ files: 2, mails: 1, unmarked: 1, badFiles: [{ file: join(dir, "tom.eml"), why: "empty" }] });
    } finally {
      rmSync(odd, { force: true });
    }
  });
});

describe("audit-read", () => {
  it("computes ISO weeks, including the turn of the year", () => {
    expect(isoWeek("Mon, 02 Nov 2026 10:00:00 +0000")).toBe("2026-W45");
    expect(isoWeek("Sun, 08 Nov 2026 23:00:00 +0000")).toBe("2026-W45");
    expect(isoWeek("Thu, 31 Dec 2026 12:00:00 +0000")).toBe("2026-W53");
    expect(isoWeek("Fri, 01 Jan 2027 12:00:00 +0000")).toBe("2026-W53");
    expect(isoWeek("Mon, 04 Jan 2027 12:00:00 +0000")).toBe("2027-W01");
    expect(isoWeek("not a date")).toBe("ukendt");
    expect(isoWeek(undefined)).toBe("ukendt");
  });

  it("names the client without versions or numbers", () => {
    expect(clientOf(new Map([["x-mailer", "Microsoft Outlook 16.0.17928.20114"]]))).toBe("Microsoft Outlook");
    expect(clientOf(new Map([["user-agent", "Outlook-iOS/2.0"]]))).toBe("Outlook-iOS");
    expect(clientOf(new Map([["x-mailer", "150375-6125 <a@b.dk>"]]))).not.toMatch(/\d|@|\./);
    expect(clientOf(new Map([["x-mailer", "150375-6125"]]))).toBe("ukendt klient");
    expect(clientOf(new Map())).toBe("ukendt klient");
  });

  it("unfolds header fields and keeps the first of each", () => {
    const f = parseHeaderFields("X-Postvagt: v=1; verdict=allow;\r\n cpr=0; lookalike=0; unreadable=0\r\nX-Postvagt: v=1; verdict=route\r\nDate: x");
    expect(f.get("x-postvagt")).toBe("v=1; verdict=allow; cpr=0; lookalike=0; unreadable=0");
    expect(recordFromHeaders("Date: Mon, 02 Nov 2026 10:00:00 +0000\r\nX-Postvagt: v=1; verdict=allow;\r\n cpr=0; lookalike=0; unreadable=0")).toMatchObject({ kind: "marked", week: "2026-W45" });
  });
});
