/**
 * End to end, in a real browser: Debian's Chromium (never a downloaded one) driven by
 * playwright-core against `npm start`'s server, with the add-in's real send handler and real task
 * pane running in the simulator. Every scenario also proves three things:
 *  - the task pane passes an axe-core scan with 0 violations;
 *  - no request leaves localhost, and no request carries mail content;
 *  - each state is saved as a screenshot under docs/screenshots/ (the README shows some).
 *
 * The server is started here on a free port (`--no-build`, after a build when dist/ is stale) and
 * stopped afterwards. Synthetic CPR numbers only (cpr.md §7): 150650-3720, 241210-2145.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Frame, type Page } from "playwright-core";
import { makeDocx, makeEncryptedZip } from "./attachments";

const ROOT = resolve(__dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(ROOT, "docs", "screenshots");
const AXE = require.resolve("axe-core/axe.min.js");

/** Strings from the drafts below: none may appear in any request URL or body. */
const MAIL_CONTENT = [
  "150650-3720",
  "1506503720",
  "241210-2145",
  "150650",
  "sagsbehandler@anders.dk",
  "anders.dk",
  "Boligstøtte",
  "Boligst%C3%B8tte",
  "Hans Jensen",
  "Ansøgning",
  "Bilag",
];

const POLICY = {
  ownDomains: ["randers.dk"],
  trustedDomains: [],
  knownDomains: [],
  cpr: { high: "block", medium: "warn", low: "allow" },
  lookalike: { own: "block", trusted: "warn", known: "warn" },
  unreadableAttachment: "warn",
  secureRoute: { kind: "subject-tag", tag: "[sikker]" },
};

jest.setTimeout(240_000);

let server: ChildProcess | undefined;
let origin = "";
let context: BrowserContext;
let profile = "";
let serverOutput = "";
const work = mkdtempSync(join(tmpdir(), "postvagt-e2e-"));

/** The newest modification time under a folder (the build's inputs). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** `npm run build`, unless dist/ is already newer than every source file and build script. */
function ensureBuilt(): void {
  const outputs = ["taskpane.html", "taskpane.js", "commands.html", "launchevent.js", join("simulator", "index.html"), join("simulator", "office-shim.js")].map(
    (f) => join(ROOT, "dist", f),
  );
  const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const inputs = Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "scripts", "webpack")), statSync(join(ROOT, "manifest.xml")).mtimeMs);
  if (built > inputs) return;
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function startServer(port: number, policyFile: string): Promise<string> {
  return new Promise((done, fail) => {
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    server = spawn(tsx, [join(ROOT, "scripts", "start.ts"), "--no-build", "--port", String(port), "--policy", policyFile], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = setTimeout(() => fail(new Error(`npm start did not get ready:\n${serverOutput}`)), 60_000);
    const onData = (chunk: Buffer) => {
      serverOutput += chunk.toString();
      const ready = /POSTVAGT_READY (\S+)/.exec(serverOutput);
      if (ready) {
        clearTimeout(timer);
        done(ready[1]!);
      }
    };
    server.stdout?.on("data", onData);
    server.stderr?.on("data", onData);
    server.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited (${code}):\n${serverOutput}`));
    });
  });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  const policyFile = join(work, "randers.policy.json");
  writeFileSync(policyFile, JSON.stringify(POLICY, null, 2));
  origin = await startServer(await freePort(), policyFile);
  profile = mkdtempSync(join(tmpdir(), "postvagt-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    // The development certificate is self-signed on purpose (scripts/start.ts).
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 860 },
    locale: "da-DK",
    // Fluent honours it: dialogs appear at once, so screenshots never catch a fade.
    reducedMotion: "reduce",
  });
});

afterAll(async () => {
  await context?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  if (profile) rmSync(profile, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

interface Recorded {
  readonly url: string;
  readonly method: string;
  readonly body: string | null;
}

/** A fresh page on the simulator, with every request it (and its frames) makes recorded. */
async function openSimulator(): Promise<{ page: Page; requests: Recorded[] }> {
  const page = await context.newPage();
  const requests: Recorded[] = [];
  page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await page.goto(`${origin}/simulator/`);
  // The add-in's event page has registered its send handler when the loading note is gone.
  await page.getByRole("button", { name: "Send", exact: true }).waitFor();
  await page.getByText("Indlæser Postvagt …").waitFor({ state: "detached" });
  return { page, requests };
}

function expectLocalAndContentFree(requests: readonly Recorded[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const url = new URL(r.url);
    const local = ["data:", "blob:", "about:"].includes(url.protocol) || ["localhost", "127.0.0.1"].includes(url.hostname);
    expect({ url: r.url, local }).toEqual({ url: r.url, local: true });
    expect({ url: r.url, method: r.method }).toEqual({ url: r.url, method: "GET" });
    for (const text of MAIL_CONTENT) {
      expect({ url: r.url, contains: text, found: decodeURIComponent(r.url).includes(text) || (r.body ?? "").includes(text) }).toEqual({
        url: r.url,
        contains: text,
        found: false,
      });
    }
  }
}

async function paneFrame(page: Page): Promise<Frame> {
  await page.locator("[data-testid=taskpane-frame]").waitFor();
  const handle = await page.locator("[data-testid=taskpane-frame]").elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("no task pane frame");
  await frame.waitForLoadState("load");
  return frame;
}

/** axe-core in the task pane: 0 violations, or the list of what failed and where. */
async function expectAccessible(frame: Frame): Promise<void> {
  await frame.addScriptTag({ path: AXE });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The pane's rendered DOM (not the scripts in <head>, where axe's own source lives). */
async function expectNoFullCpr(frame: Frame): Promise<void> {
  const { html, text } = await frame.evaluate(() => ({ html: document.body.outerHTML, text: document.body.innerText }));
  expect(html).not.toMatch(/\d{6}\s*-?\s*\d{4}/);
  expect(text).not.toMatch(/\d{6}\s*-?\s*\d{4}/);
}

async function send(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

async function takeAction(page: Page): Promise<Frame> {
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: /^(Ret mailen|Åbn Postvagt)$/ }).click();
  await dialog.waitFor({ state: "detached" });
  return paneFrame(page);
}

async function verdict(frame: Frame, title: string): Promise<void> {
  await frame.getByRole("group", { name: title }).waitFor({ timeout: 30_000 });
}

async function attach(page: Page, name: string, mimeType: string, buffer: Uint8Array): Promise<void> {
  await page.getByTestId("attach-input").setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
  await page.getByRole("button", { name: `Fjern ${name}` }).waitFor();
}

it("(1) a draft to sagsbehandler@anders.dk is stopped, the pane offers randers.dk, one click fixes it, the next Send goes through", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("sagsbehandler@anders.dk");
  await page.getByLabel("Emne").fill("Boligstøtte – din ansøgning");
  await page.getByRole("textbox", { name: "Brødtekst" }).fill("Hej. Vi har modtaget din ansøgning.");
  await shot(page, "01-lookalike-draft");

  await send(page);
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toMatch(/anders\.dk/);
  await expect(dialog.textContent()).resolves.toMatch(/randers\.dk/);
  await shot(page, "02-lookalike-smart-alert");

  const pane = await takeAction(page);
  await verdict(pane, "Mailen kan ikke sendes endnu");
  await pane.getByText(/Mente du randers\.dk\?/).waitFor();
  await expectAccessible(pane);
  await shot(page, "03-lookalike-task-pane");

  await pane.getByRole("button", { name: "Ret til sagsbehandler@randers.dk" }).click();
  await verdict(pane, "Intet at rette");
  await expect(page.getByLabel("Til").inputValue()).resolves.toBe("sagsbehandler@randers.dk");
  await expect(pane.getByRole("status").textContent()).resolves.toContain("er rettet til sagsbehandler@randers.dk");
  await expectAccessible(pane);
  await shot(page, "04-lookalike-fixed");

  await send(page);
  await page.getByText("Mailen er sendt").waitFor();
  // The audit marker the handler set (docs/audit.md): counts and codes only.
  await expect(page.getByTestId("audit-header").textContent()).resolves.toMatch(
    /^Postvagt satte headeren X-Postvagt: v=1; verdict=allow; cpr=0; lookalike=0; unreadable=0; policy=p[0-9a-z]+$/,
  );
  await shot(page, "05-lookalike-sent");
  expectLocalAndContentFree(requests);
  await page.close();
});

it("(2) a CPR number in the body is masked in one click, the formatting kept", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("borger@example.dk");
  await page.getByLabel("Emne").fill("Boligstøtte");
  const body = page.getByRole("textbox", { name: "Brødtekst" });
  await body.click();
  await page.keyboard.type("Kære Hans Jensen. Dit CPR-nr. er ");
  await page.getByRole("button", { name: "Fed" }).click();
  await page.keyboard.type("150650");
  await page.getByRole("button", { name: "Fed" }).click();
  await page.keyboard.type("-3720. Venlig hilsen");
  await expect(body.innerHTML()).resolves.toContain("<b>150650</b>-3720");

  await send(page);
  await page.getByRole("alertdialog").waitFor();
  await shot(page, "06-cpr-body-smart-alert");
  const pane = await takeAction(page);
  await verdict(pane, "Mailen kan ikke sendes endnu");
  await expectNoFullCpr(pane);
  await expectAccessible(pane);
  await shot(page, "07-cpr-body-task-pane");

  // Keyboard only: Tab through the pane to the mask button, then Enter.
  const mask = pane.getByRole("button", { name: "Masker 150650-**** i brødteksten" });
  await pane.getByRole("button", { name: "Tjek igen" }).focus();
  for (let i = 0; i < 10 && !(await mask.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(mask.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press("Enter");
  await verdict(pane, "Intet at rette");
  // Masked in place: the bold date part is still bold, nothing else changed.
  await expect(body.innerHTML()).resolves.toBe("Kære Hans Jensen. Dit CPR-nr. er <b>150650</b>-****. Venlig hilsen");
  await expect(pane.getByRole("status").textContent()).resolves.toContain("150650-**** er maskeret i brødteksten");
  await expectNoFullCpr(pane);
  await expectAccessible(pane);
  await shot(page, "08-cpr-body-masked");

  await send(page);
  await page.getByText("Mailen er sendt").waitFor();
  expectLocalAndContentFree(requests);
  await page.close();
});

it("(3) a CPR number inside a .docx is found with its place, the secure route is applied, and the next Send goes through", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("borger@example.dk");
  await page.getByLabel("Emne").fill("Boligstøtte");
  await page.getByRole("textbox", { name: "Brødtekst" }).fill("Se vedhæftede ansøgning.");
  await attach(page, "Ansøgning.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", makeDocx(["Ansøger: Hans Jensen"], "Sag vedr. 241210-2145"));

  await send(page);
  await page.getByRole("alertdialog").waitFor();
  await shot(page, "09-cpr-docx-smart-alert");
  const pane = await takeAction(page);
  await verdict(pane, "Mailen kan ikke sendes endnu");
  const list = pane.getByRole("list", { name: "I den vedhæftede fil Ansøgning.docx" });
  await list.getByText("241210-****").waitFor();
  await list.getByText("sidehovedet").waitFor();
  await pane.getByText("Postvagt retter ikke i vedhæftede filer. Fjern filen, eller send mailen sikkert.").waitFor();
  await expectNoFullCpr(pane);
  await expectAccessible(pane);
  await shot(page, "10-cpr-docx-task-pane");

  await pane.getByRole("button", { name: "Send sikkert (emnet får [sikker])" }).click();
  await pane.getByText("Emnet begynder med [sikker]. Mailen sendes krypteret.").waitFor();
  await expect(page.getByLabel("Emne").inputValue()).resolves.toBe("[sikker] Boligstøtte");
  await expect(pane.getByRole("status").textContent()).resolves.toContain("Emnet begynder nu med [sikker].");
  await expectAccessible(pane);
  await shot(page, "11-cpr-docx-secure-route");

  // The send handler recognises the tag as the pane does (core's protectedBySecureRoute): it goes.
  await send(page);
  await page.getByText("Mailen er sendt").waitFor();
  expectLocalAndContentFree(requests);
  await page.close();
});

it("(4) an encrypted zip is shown as not checked", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("borger@example.dk");
  await page.getByLabel("Emne").fill("Boligstøtte");
  await page.getByRole("textbox", { name: "Brødtekst" }).fill("Bilag i zip-filen.");
  await attach(page, "Bilag.zip", "application/zip", makeEncryptedZip({ "notat.txt": "CPR-nr. 150650-3720" }));

  await send(page);
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await shot(page, "12-encrypted-zip-smart-alert");
  // A warning: Outlook offers "Send alligevel" (PromptUser) next to the button that opens the pane.
  await dialog.getByRole("button", { name: "Send alligevel" }).waitFor();
  const pane = await takeAction(page);
  await verdict(pane, "Ikke alt kunne tjekkes");
  await expect(pane.getByRole("group", { name: "Ikke alt kunne tjekkes" }).getAttribute("data-intent")).resolves.toBe("info");
  await pane.getByText("Bilag.zip/notat.txt kunne ikke kontrolleres: filen er krypteret eller beskyttet med adgangskode").waitFor();
  await expectAccessible(pane);
  await shot(page, "13-encrypted-zip-task-pane");
  expectLocalAndContentFree(requests);
  await page.close();
});

it("(5) the pane reads PDFs with pdf.js: a PDF with an owner password only, which the send check could not open, is read", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("borger@example.dk");
  await page.getByLabel("Emne").fill("Afgørelse");
  await page.getByRole("textbox", { name: "Brødtekst" }).fill("Afgørelsen er vedhæftet.");
  // qpdf --encrypt "" ejer 256 (scripts/make-attachment-fixtures.ts): anyone may open it.
  const pdf = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "pdfjs-only", "kun-ejerkode.pdf")));
  await attach(page, "Afgørelse.pdf", "application/pdf", pdf);

  await send(page);
  await page.getByRole("alertdialog").waitFor();
  const pane = await takeAction(page);
  // The send handler's own reader cannot decrypt it (reported, not passed); the pane's pdf.js can.
  await verdict(pane, "Mailen kan ikke sendes endnu");
  const list = pane.getByRole("list", { name: "I den vedhæftede fil Afgørelse.pdf" });
  await list.getByText("150375-****").waitFor();
  await list.getByText("side 1", { exact: false }).first().waitFor();
  await expectNoFullCpr(pane);
  await expectAccessible(pane);
  await shot(page, "15-pdfjs-task-pane");
  // pdf.js and its worker came from the add-in's own origin, and no request carried the PDF.
  expect(requests.some((r) => /pdf\.worker\.[0-9a-f]{8}\.js$/.test(r.url))).toBe(true);
  expectLocalAndContentFree(requests);
  await page.close();
});

it("the ribbon button opens the pane with a fresh scan, in English when Outlook is", async () => {
  const page = await context.newPage();
  const requests: Recorded[] = [];
  page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await page.goto(`${origin}/simulator/?lang=en`);
  await page.getByText("Loading Postvagt …").waitFor({ state: "detached" });
  await page.getByLabel("To").fill("sagsbehandler@anders.dk");
  await page.getByRole("button", { name: "Open the Postvagt pane" }).click();
  const pane = await paneFrame(page);
  await verdict(pane, "The message cannot be sent yet");
  await pane.getByRole("button", { name: "Change to sagsbehandler@randers.dk" }).waitFor();
  await expectAccessible(pane);
  await shot(page, "14-english-ribbon");
  expectLocalAndContentFree(requests);
  await page.close();
});

describe("the main scenarios on every client profile (strict fake, ?client=)", () => {
  const clients = ["classic-2206", "classic-2403", "new-outlook", "web", "mac", "ltsc-2024"] as const;

  it.each(clients)("%s: a look-alike recipient and a CPR number are stopped; a clean mail goes", async (client) => {
    const page = await context.newPage();
    const requests: Recorded[] = [];
    page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
    await page.goto(`${origin}/simulator/?client=${client}`);
    await page.getByRole("button", { name: "Send", exact: true }).waitFor();
    await page.getByText("Indlæser Postvagt …").waitFor({ state: "detached" });

    await page.getByLabel("Til").fill("sagsbehandler@anders.dk");
    await page.getByLabel("Emne").fill("Boligstøtte");
    await page.getByRole("textbox", { name: "Brødtekst" }).fill("Dit CPR-nr. er 150650-3720.");
    await send(page);
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? "";
    expect(text).toMatch(/anders\.dk/);
    expect(text).not.toMatch(/150650-3720/);
    // The button that opens the pane exists from Mailbox 1.14 (not on classic 2206-2402).
    const button = dialog.getByRole("button", { name: "Ret mailen" });
    await expect(button.count()).resolves.toBe(client === "classic-2206" ? 0 : 1);
    if (client !== "classic-2206") {
      const pane = await takeAction(page);
      await verdict(pane, "Mailen kan ikke sendes endnu");
      await expectNoFullCpr(pane);
    } else {
      await dialog.getByRole("button", { name: "Send ikke" }).click();
      await dialog.waitFor({ state: "detached" });
    }

    await page.getByLabel("Til").fill("borger@example.dk");
    await page.getByRole("textbox", { name: "Brødtekst" }).fill("Hej. Vi har modtaget din ansøgning.");
    await send(page);
    await page.getByText("Mailen er sendt").waitFor();
    expectLocalAndContentFree(requests);
    await page.close();
  });
});
