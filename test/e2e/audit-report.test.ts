/**
 * The DPO's HTML report (`postvagt audit --html`) in a real Chromium: it renders from the file alone
 * (no request leaves the page: not a font, not a script), the weekly chart is there, and the page is
 * saved as docs/screenshots/16-audit-report.png for the docs.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { makeAuditExport, SECRET_CPR } from "../../scripts/make-audit-export";
import { auditCommand } from "../../src/cli/audit";

const ROOT = join(__dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(ROOT, "docs", "screenshots");

let work: string;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  mkdirSync(SHOTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), "postvagt-audit-e2e-"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

it("opens the audit report offline, with its chart, and saves a screenshot", async () => {
  const exportDir = join(work, "eksport");
  makeAuditExport(exportDir, 120);
  const html = join(work, "postvagt-revision.html");
  const code = await auditCommand(["--html", html, exportDir], { stdout: () => undefined, stderr: () => undefined, today: () => new Date("2026-12-07T00:00:00Z") }, "da");
  expect(code).toBe(0);

  const page = await browser!.newPage({ viewport: { width: 1000, height: 1200 }, locale: "da-DK" });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(html).href);
  await expect(page.locator("h1").textContent()).resolves.toBe("Postvagt-revision");
  // 4 series × 4 weeks of bars, and the legend.
  expect(await page.locator("svg rect").count()).toBeGreaterThanOrEqual(16);
  expect(await page.locator("svg").getAttribute("aria-label")).toBe("Mails pr. uge");
  const text = (await page.textContent("body")) ?? "";
  expect(text).toContain("2026-W45");
  expect(text).not.toContain(SECRET_CPR);
  expect(requests).toEqual([pathToFileURL(html).href]);
  await page.screenshot({ path: join(SHOTS, "16-audit-report.png"), fullPage: true });
  await page.close();
}, 60_000);
