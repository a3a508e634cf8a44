/**
 * End to end, in a real browser: Debian's Chromium (never a downloaded one) driven by
 * playwright-core against `npm start`'s server, with the add-in's real send handler and real task
 * pane running in the simulator. Every scenario also proves three things:
 *  - the task pane passes an axe-core scan with 0 violations;
 *  - no request leaves localhost, and no request carries mail content;
 *  - each state is saved as a screenshot under docs/screenshots/ (the README shows some).
 *
 * The server is started here on a free port (`--no-build`, after a build when dist/ is stale) and
 * stopped afterwards. Synthetic CPR numbers only (docs/design/cpr-number.md §7): 150650-3720, 241210-2145.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Frame, type Page } from "playwright-core";
import { makeDocx, makeEncryptedZip, makeZip } from "./attachments";

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
  "aarhuss.dk",
  "Sag 241210",
];

const POLICY = {
  name: "Randers Kommune",
  version: "2026-12-01",
  ownDomains: ["randers.dk"],
  trustedDomains: ["aarhus.dk"],
  confirmLookalikes: true,
  helpContact: { text: "Ring til IT-support på 8915 1234.", url: "https://intra.randers.dk/it-hjaelp" },
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
async function openSimulator(query = ""): Promise<{ page: Page; requests: Recorded[] }> {
  const page = await context.newPage();
  const requests: Recorded[] = [];
  page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await page.goto(`${origin}/simulator/${query}`);
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
    type Node = { target: string[]; failureSummary?: string };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Node[] }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${(n.failureSummary ?? "").replace(/\s+/g, " ")})`).join(", ")}`);
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
  const mask = pane.getByRole("button", { name: "Skjul cifrene i 150650-**** i brødteksten" });
  await pane.getByRole("button", { name: "Tjek igen" }).focus();
  for (let i = 0; i < 10 && !(await mask.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(mask.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press("Enter");
  await verdict(pane, "Intet at rette");
  // Masked in place: the bold date part is still bold, nothing else changed.
  // The strict fake writes the body as classic Outlook does (Word HTML); the editor shows it without that dress.
  await expect(body.innerHTML()).resolves.toBe("<p>Kære Hans Jensen. Dit CPR-nr. er <b>150650</b>-****. Venlig hilsen</p>");
  await expect(pane.getByRole("status").textContent()).resolves.toContain("Cifrene er skjult: 150650-**** i brødteksten");
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
  const list = pane.getByRole("list", { name: "I filen Ansøgning.docx" });
  await list.getByText("241210-****").waitFor();
  await list.getByText("sidehovedet").waitFor();
  await pane.getByText("Postvagt kan ikke rette i filen. Fjern den, eller send mailen sikkert.").waitFor();
  await pane.getByRole("button", { name: "Fjern Ansøgning.docx" }).waitFor();
  await expectNoFullCpr(pane);
  await expectAccessible(pane);
  await shot(page, "10-cpr-docx-task-pane");

  await pane.getByRole("button", { name: "Send sikkert (emnet får [sikker])" }).click();
  await pane.getByText("Emnet begynder med [sikker]. Mailen sendes krypteret.").waitFor();
  // Once the route is on, the file's hint says it is protected instead of repeating "send sikkert".
  await pane.getByText("Filen sendes krypteret, så nummeret er beskyttet.").waitFor();
  await expect(pane.getByText(/eller send mailen sikkert/).count()).resolves.toBe(0);
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
  await pane.getByText("Bilag.zip/notat.txt kunne ikke tjekkes: filen er krypteret eller beskyttet med adgangskode").waitFor();
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
  const list = pane.getByRole("list", { name: "I filen Afgørelse.pdf" });
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

/** The pane's own view of the change it made, visible to everyone (not only the live region). */
async function changeBar(frame: Frame, text: string): Promise<void> {
  await frame.getByTestId("pane-change").getByText(text, { exact: false }).waitFor();
}

it("(6) a CPR number in a file inside a zip: one group for the zip, 'Fjern Bilag.zip' removes it, the pane re-checks", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("borger@example.dk");
  await page.getByLabel("Emne").fill("Boligstøtte");
  await page.getByRole("textbox", { name: "Brødtekst" }).fill("Bilag i zip-filen.");
  const inner: Record<string, string> = {};
  for (let i = 1; i <= 5; i++) inner[`notat-${i}.txt`] = `CPR-nr. ${i === 1 ? "150650-3720" : "241210-2145"}`;
  await attach(page, "Bilag.zip", "application/zip", makeZip(inner));

  await send(page);
  const pane = await takeAction(page);
  await verdict(pane, "Mailen kan ikke sendes endnu");
  await pane.getByText("5 filer i Bilag.zip").waitFor();
  // One hint and one remove button for the whole zip, never one per inner file; rows folded.
  await expect(pane.getByText("Postvagt kan ikke rette i filen. Fjern den, eller send mailen sikkert.").count()).resolves.toBe(1);
  await expect(pane.getByRole("list", { name: "I filen Bilag.zip" }).getByRole("listitem").count()).resolves.toBe(3);
  await pane.getByRole("button", { name: "Vis 2 mere" }).waitFor();
  await pane.getByRole("button", { name: "Send sikkert (emnet får [sikker])" }).waitFor();
  await expectNoFullCpr(pane);
  await expectAccessible(pane);
  await shot(page, "16-zip-task-pane");

  await pane.getByRole("button", { name: "Fjern Bilag.zip" }).click();
  await verdict(pane, "Intet at rette");
  await changeBar(pane, "Bilag.zip er fjernet fra mailen.");
  // Gone from the compose window too (the simulator's own remove button for it is gone).
  await page.getByRole("button", { name: "Fjern Bilag.zip" }).waitFor({ state: "detached" });
  await expectAccessible(pane);
  await shot(page, "17-zip-removed");
  await send(page);
  await page.getByText("Mailen er sendt").waitFor();
  expectLocalAndContentFree(requests);
  await page.close();
});

it("(7) a look-alike of a partner's domain that is really right: confirmed in the pane, remembered, honoured by the send check", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("sag@aarhuss.dk");
  await page.getByLabel("Emne").fill("Møde");
  await page.getByRole("textbox", { name: "Brødtekst" }).fill("Hej. Tak for mødet.");
  // Opened from the ribbon, before any Send: the Send below is the first, so only the confirmation lets it through.
  await page.getByRole("button", { name: "Åbn Postvagt-ruden" }).click();
  const pane = await paneFrame(page);
  await verdict(pane, "Tjek mailen, før du sender");
  await pane.getByRole("group", { name: "Spørg IT" }).getByText("Ring til IT-support på 8915 1234.").waitFor();
  await expectAccessible(pane);
  await shot(page, "18-lookalike-confirm-offered");
  await pane.getByRole("button", { name: "Det er den rigtige modtager: sag@aarhuss.dk" }).click();
  await verdict(pane, "Intet at rette");
  await pane.getByRole("region", { name: "Modtagere, du har godkendt (1)" }).getByText("sag@aarhuss.dk").waitFor();
  await changeBar(pane, "sag@aarhuss.dk er godkendt som rigtig modtager.");
  await expectAccessible(pane);
  await shot(page, "19-lookalike-confirmed");
  await send(page);
  await page.getByText("Mailen er sendt").waitFor();
  expectLocalAndContentFree(requests);
  await page.close();
});

it("(8) the organisation's own look-alike cannot be confirmed; a recipient fix can be undone, visibly", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("sagsbehandler@anders.dk");
  await page.getByRole("button", { name: "Åbn Postvagt-ruden" }).click();
  const pane = await paneFrame(page);
  await verdict(pane, "Mailen kan ikke sendes endnu");
  await pane.getByText("Adressen ligner jeres egen. Kun IT kan godkende den.").waitFor();
  await expect(pane.getByRole("button", { name: /Det er den rigtige modtager/ }).count()).resolves.toBe(0);
  await pane.getByRole("button", { name: "Ret til sagsbehandler@randers.dk" }).click();
  await verdict(pane, "Intet at rette");
  await changeBar(pane, "sagsbehandler@anders.dk er rettet til sagsbehandler@randers.dk.");
  await shot(page, "20-change-with-undo");
  await pane.getByTestId("pane-change").getByRole("button", { name: "Fortryd" }).click();
  await verdict(pane, "Mailen kan ikke sendes endnu");
  await changeBar(pane, "Fortrudt. Mailen er som før.");
  await expect(page.getByLabel("Til").inputValue()).resolves.toBe("sagsbehandler@anders.dk");
  await expectAccessible(pane);
  expectLocalAndContentFree(requests);
  await page.close();
});

it("(9) after 'Send sikkert' the pane says what the route protects and what it cannot, and hides the subject's number right there", async () => {
  const { page, requests } = await openSimulator();
  await page.getByLabel("Til").fill("borger@example.dk");
  await page.getByLabel("Emne").fill("Sag 241210-2145");
  await page.getByRole("textbox", { name: "Brødtekst" }).fill("Se vedhæftede ansøgning.");
  await attach(page, "Ansøgning.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", makeDocx(["CPR-nr. 150650-3720"]));
  await send(page);
  const pane = await takeAction(page);
  await verdict(pane, "Mailen kan ikke sendes endnu");
  await pane.getByRole("button", { name: "Send sikkert (emnet får [sikker])" }).first().click();
  await pane.getByText("Mailen sendes krypteret ([sikker]). Brødteksten og de vedhæftede filer er beskyttet.").waitFor();
  const route = pane.getByRole("region", { name: "Send sikkert" });
  await route.getByText("Emnefeltet bliver ikke krypteret. Skjul CPR-nummeret i emnet, før du sender.").waitFor();
  await pane.getByText("Filen sendes krypteret, så nummeret er beskyttet.").waitFor();
  await expectNoFullCpr(pane);
  await expectAccessible(pane);
  await shot(page, "21-route-subject-still-open");
  await route.getByRole("button", { name: "Skjul cifrene i 241210-**** i emnefeltet" }).click();
  await verdict(pane, "Intet at rette");
  await expect(page.getByLabel("Emne").inputValue()).resolves.toBe("[sikker] Sag 241210-****");
  await send(page);
  await page.getByText("Mailen er sendt").waitFor();
  expectLocalAndContentFree(requests);
  await page.close();
});

/** Puts the simulator's pane at a task pane's real width. */
async function paneWidth(page: Page, width: number): Promise<void> {
  await page.evaluate((w) => {
    const aside = document.querySelector("aside");
    if (aside instanceof HTMLElement) {
      aside.style.width = `${w}px`;
      aside.style.flexShrink = "0";
    }
  }, width);
}

/** Nothing wider than the pane: no horizontal scroll, no button or text cut short. */
async function expectFits(frame: Frame, width: number): Promise<void> {
  const problems = await frame.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page scrolls: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      if (!(el instanceof HTMLElement) || el.offsetParent === null) continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== "visible" || el.tagName === "BUTTON";
      if (clips && el.scrollWidth > el.clientWidth + 1 && el.getAttribute("role") !== "status") {
        out.push(`${el.tagName}.${el.className.split(" ")[0] ?? ""} "${(el.textContent ?? "").slice(0, 40)}": ${el.scrollWidth} > ${el.clientWidth}`);
      }
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > root.clientWidth + 1) out.push(`${el.tagName} "${(el.textContent ?? "").slice(0, 40)}" ends at ${Math.round(box.right)}`);
    }
    return out;
  });
  expect({ width, problems }).toEqual({ width, problems: [] });
}

async function busyPane(query: string): Promise<{ page: Page; pane: Frame; requests: Recorded[] }> {
  const { page, requests } = await openSimulator(query);
  await page.getByLabel("Til").fill("sagsbehandler.for.boligstoette.og.familieydelser@anders.dk; sag@aarhuss.dk");
  await page.getByLabel("Emne").fill("Boligstøtte");
  await page.getByRole("textbox", { name: "Brødtekst" }).fill("CPR-nr. 150650-3720");
  await attach(page, "Ansøgning_om_boligstøtte_med_alle_bilag_2026.zip", "application/zip", makeZip({ "a.txt": "CPR-nr. 150650-3720", "b.txt": "CPR-nr. 241210-2145" }));
  await page.getByRole("button", { name: "Åbn Postvagt-ruden" }).click();
  const pane = await paneFrame(page);
  await verdict(pane, "Mailen kan ikke sendes endnu");
  return { page, pane, requests };
}

it.each([320, 350, 450])("(10) fits a %i px pane: no horizontal scroll, no clipped text or button", async (width) => {
  const { page, pane, requests } = await busyPane("");
  await paneWidth(page, width);
  await pane.waitForFunction((w) => Math.abs(document.documentElement.clientWidth - w) < 4, width);
  await expectFits(pane, width);
  // The whole address is in the pane's text and in the recipient's accessible name.
  await pane.getByRole("button", { name: "Fjern sagsbehandler.for.boligstoette.og.familieydelser@anders.dk fra Til" }).waitFor();
  expectLocalAndContentFree(requests);
  await page.close();
});

it.each([
  ["light", "?theme=light", false],
  ["dark", "?theme=dark", false],
  ["high contrast", "", true],
] as const)("(11) follows Outlook's %s theme, passes axe, and fits at 320 and 450 px", async (name, query, forced) => {
  const { page, pane, requests } = await busyPane(query);
  if (forced) await page.emulateMedia({ forcedColors: "active" });
  const expected = name === "high contrast" ? "contrast" : name;
  await pane.locator(`[data-theme=${expected}]`).waitFor();
  for (const width of [320, 450]) {
    await paneWidth(page, width);
    await pane.waitForFunction((w) => Math.abs(document.documentElement.clientWidth - w) < 4, width);
    await expectFits(pane, width);
    await expectAccessible(pane);
    const file = name === "high contrast" ? `pane-${width}-contrast.png` : `pane-${width}-${name}.png`;
    await page.locator("[data-testid=taskpane-frame]").screenshot({ path: join(SHOTS, file) });
  }
  await pane.getByRole("contentinfo").getByText("Regler: Randers Kommune, version 2026-12-01 – hentet fra din organisation").waitFor();
  expectLocalAndContentFree(requests);
  await page.close();
});
