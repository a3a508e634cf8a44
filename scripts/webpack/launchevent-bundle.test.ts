/**
 * The built classic-Outlook bundle, as Outlook would get it: one ES2016 script that runs in a bare
 * JavaScript context (no DOM, no TextEncoder, no atob, no Blob, no fetch) and answers a send.
 * Also checks the static files the build writes next to it. Builds the current source (~20 s).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { parse } from "acorn";
import { DomUtils, parseDocument } from "htmlparser2";
import { zipSync, strToU8 } from "fflate";
import { buildLaunchevent } from "../../test/helpers/build-launchevent";
import { NEWER_THAN_ES2016, STRIP_SOURCE } from "../../test/helpers/es2016-context";
import { validateManifest } from "../validate-manifest";
import { createFakeOffice } from "../../src/simulator/fake-office";
import { HANDLER_NAMES, TASKPANE_COMMAND_ID } from "../../src/addin/office/manifest-ids";
import { DEFAULT_POLICY, parsePolicy, type Message } from "../../src/core/index";

jest.setTimeout(180_000);

const BASE = "https://addins.example.dk/postvagt";
const HIGH_CPR = "CPR-nr.: 150375-6125"; // synthetic (docs/design/cpr-number.md §7)
let out = "";
let code = "";

const built: string[] = [];

beforeAll(async () => {
  out = await buildLaunchevent({ ADDIN_BASE_URL: BASE });
  built.push(out);
  code = readFileSync(join(out, "launchevent.js"), "utf8");
});

afterAll(() => {
  for (const dir of built) rmSync(dir, { recursive: true, force: true });
});

describe("launchevent.js: one self-contained ES2016 script", () => {
  it("parses as an ECMAScript 2016 script (acorn also checks regex syntax)", () => {
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  it("has no module syntax, chunk loading, dev-server client or eval", () => {
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/__webpack_require__\.e\b|importScripts|webpackChunk/);
    expect(code).not.toMatch(/webpack-dev-server|sockjs|hot-update/);
    expect(code).not.toMatch(/\beval\s*\(|new Function\s*\(/);
    expect(code).not.toMatch(/require\(["']@swc\/helpers/);
  });

  it("is the only script: no other .js file was emitted", () => {
    const { readdirSync } = require("node:fs") as typeof import("node:fs");
    expect(readdirSync(out).filter((f) => f.endsWith(".js"))).toEqual(["launchevent.js"]);
  });
});

type Context = Record<string, unknown>;

/** The <script src> values of a page, in order (the build may minify the HTML). */
function scriptSources(html: string): string[] {
  const doc = parseDocument(html);
  return DomUtils.getElementsByTagName("script", doc).map((s) => s.attribs.src ?? "");
}

/**
 * Makes the context's Date.now() answer as if everything after its first call ran `loadMs` later:
 * a bundle whose modules took that long to load and evaluate.
 */
function slowLoadClock(loadMs: number): string {
  return `(function () {
    var real = Date.now, first;
    Date.now = function () {
      if (first === undefined) { first = real(); return first; }
      return real() + ${loadMs};
    };
  })()`;
}

function loadBundle(message: Message, options: Parameters<typeof createFakeOffice>[1] = {}, extra: Context = {}, before?: string) {
  const fake = createFakeOffice(message, options);
  const logs: string[] = [];
  // A bare context: only what classic Outlook's runtime documents (Office, OfficeRuntime, console)
  // plus timers, and only ES2016 built-ins (everything newer deleted before the bundle runs).
  // No document, window, TextEncoder, TextDecoder, atob, Blob or fetch.
  const context: Context = {
    Office: fake.Office,
    OfficeRuntime: fake.OfficeRuntime,
    console: { log: (...a: unknown[]) => logs.push(a.map(String).join(" ")) },
    setTimeout,
    clearTimeout,
  };
  createContext(context);
  const left = runInContext(STRIP_SOURCE, context) as string[];
  if (left.length > 0) throw new Error(`could not delete: ${left.join(", ")}`);
  // What a test hands in on purpose (a fetch) comes after the strip.
  for (const key of Object.keys(extra)) context[key] = extra[key];
  if (before !== undefined) runInContext(before, context);
  runInContext(code, context, { filename: "launchevent.js" });
  return { fake, logs, context };
}

function draft(parts: Partial<Message> = {}): Message {
  return {
    subject: "Sag 2026-117",
    bodyHtml: "<p>Hej, se vedlagte.</p>",
    recipients: [{ address: "borger@example.com", field: "to" }],
    attachments: [],
    from: "sagsbehandler@randers.dk",
    ...parts,
  };
}

function docx(text: string): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}

function eml(body: string): Uint8Array {
  return strToU8(
    ["From: a@example.com", "To: b@example.com", "Subject: Videresendt", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body, ""].join("\r\n"),
  );
}

describe("launchevent.js in a bare vm context with ES2016 built-ins only", () => {
  it("the context really lacks every newer built-in (the bundle runs after this check)", () => {
    const fake = createFakeOffice(draft());
    const context: Context = { Office: fake.Office };
    createContext(context);
    expect(runInContext(STRIP_SOURCE, context)).toEqual([]);
    const probe = NEWER_THAN_ES2016.map((path) => `typeof ${path}`).join(", ");
    // Each path is "undefined" (or its owner is gone); globalThis itself is checked last.
    const types = runInContext(`[${probe.replace(/typeof ([\w.]+)/g, (_m, p: string) => `(function(){ try { return typeof ${p}; } catch (e) { return "undefined"; } })()`)}]`, context) as string[];
    expect(types.filter((t) => t !== "undefined")).toEqual([]);
    expect(runInContext("typeof Object.keys + typeof Array.prototype.includes + typeof Promise", context)).toBe("functionfunctionfunction");
  });

  it("registers the three handlers the manifest names, shimming what the runtime lacks", () => {
    const { fake, logs } = loadBundle(draft());
    expect([...fake.associated.keys()].sort()).toEqual(Object.values(HANDLER_NAMES).sort());
    expect(logs.join("\n")).toMatch(/runtime shims: TextEncoder, TextDecoder, Blob, atob/);
  });

  it("allows a clean mail (built-in default policy: no fetch in this runtime)", async () => {
    const { fake, logs } = loadBundle(draft());
    const { event, completion } = await fake.fire(HANDLER_NAMES.send);
    await new Promise((r) => setTimeout(r, 50));
    expect(event.completions).toHaveLength(1);
    expect(completion).toEqual({ allowEvent: true });
    expect(logs.join("\n")).toContain("policy: built-in default (no fetch in this runtime)");
  });

  it("blocks a CPR number in the body with the masked number and the task pane button", async () => {
    const { fake } = loadBundle(draft({ bodyHtml: `<p>${HIGH_CPR}</p>` }));
    const { event, completion } = await fake.fire(HANDLER_NAMES.send);
    expect(event.completions).toHaveLength(1);
    expect(completion?.allowEvent).toBe(false);
    expect(completion?.errorMessage).toContain("150375-****");
    expect(completion?.commandId).toBe(TASKPANE_COMMAND_ID);
    expect(JSON.stringify(completion)).not.toContain("150375-6125");
  });

  it("warns on a look-alike of a trusted domain, naming it", async () => {
    const policy = { trustedDomains: ["kombit.dk"], lookalike: { own: "block", trusted: "warn", known: "warn" } };
    const fetch = () => Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(JSON.stringify(policy)) });
    const { fake } = loadBundle(draft({ recipients: [{ address: "post@komblt.dk", field: "to" }] }), {}, { fetch });
    const { event, completion } = await fake.fire(HANDLER_NAMES.send);
    expect(event.completions).toHaveLength(1);
    expect(completion?.allowEvent).toBe(false);
    expect(completion?.errorMessage).toContain("komblt.dk");
  });

  it.each([
    ["a .docx", { kind: "file" as const, name: "Afgørelse.docx", bytes: docx(HIGH_CPR) }],
    ["an attached mail (Eml)", { kind: "file" as const, name: "Videresendt", bytes: eml(`Borgerens ${HIGH_CPR}`), contentType: "message/rfc822" }],
  ])("reads %s attachment through the shims and blocks its CPR number", async (_what, attachment) => {
    const { fake } = loadBundle(draft({ attachments: [attachment] }));
    const { completion } = await fake.fire(HANDLER_NAMES.send);
    expect(completion?.allowEvent).toBe(false);
    expect(completion?.errorMessage).toContain("150375-****");
    expect(completion?.errorMessage).toContain(attachment.name);
  });

  it("fetches policy.json from the built-in base URL when the runtime has fetch", async () => {
    const requested: string[] = [];
    const policy = { ownDomains: ["randers.dk"], trustedDomains: [], lookalike: { own: "allow", trusted: "warn", known: "warn" } };
    const fetch = (url: string) => {
      requested.push(url);
      return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(JSON.stringify(policy)) });
    };
    const { fake } = loadBundle(draft({ recipients: [{ address: "x@anders.dk", field: "to" }] }), {}, { fetch });
    const { completion } = await fake.fire(HANDLER_NAMES.send);
    expect(requested).toEqual([`${BASE}/policy.json`]);
    expect(completion).toEqual({ allowEvent: true });
    // Cached in OfficeRuntime.storage for the next event.
    expect([...fake.runtimeStorage.keys()]).toEqual(["postvagt.policy.v1"]);
  });

  it("counts the send budget from the bundle's first statement, before any module evaluates", async () => {
    expect(code).toMatch(/^var __postvagtBundleStart\s*=\s*Date\.now\(\)[,;]/);
    // Every Date.now() after the first answers 1,500 ms later: the modules took that long to load.
    const { fake, logs } = loadBundle(draft(), {}, {}, slowLoadClock(1500));
    const { completion } = await fake.fire(HANDLER_NAMES.send);
    expect(completion).toEqual({ allowEvent: true });
    const line = logs.find((l) => /send: allow in \d+ ms/.test(l)) ?? "";
    const elapsed = Number(/in (\d+) ms/.exec(line)?.[1]);
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    expect(elapsed).toBeLessThan(2000);
  });

  it("a slow load plus slow reads end the send once, on the policy's timeout action, inside Outlook's 5 s", async () => {
    // 1,900 ms of loading (within MAX_LOAD_ALLOWANCE_MS) plus 2.5 s per Office call: no time to scan.
    const { fake, logs } = loadBundle(draft(), { latencyMs: 2500 }, {}, slowLoadClock(1900));
    const { event, completion } = await fake.fire(HANDLER_NAMES.send);
    expect(event.completions).toHaveLength(1);
    expect(completion?.allowEvent).toBe(false); // the default policy's onTimeout: warn
    // Counted from the first statement: the 3.8 s cap less the finishing margin, never Outlook's 5 s.
    const elapsed = Number(/send: timeout in (\d+) ms/.exec(logs.join("\n"))?.[1]);
    expect(elapsed).toBeGreaterThanOrEqual(3500 - 50);
    expect(elapsed).toBeLessThan(5000);
  });

  it("completes the pre-scan events", async () => {
    const { fake } = loadBundle(draft({ attachments: [{ kind: "file", name: "a.docx", bytes: docx("intet") }] }));
    const attachments = await fake.fire(HANDLER_NAMES.attachmentsChanged);
    const recipients = await fake.fire(HANDLER_NAMES.recipientsChanged);
    expect(attachments.event.completions).toEqual([undefined]);
    expect(recipients.event.completions).toEqual([undefined]);
    expect(fake.sessionData.get("postvagt")).toContain("a.docx|");
  });
});

describe("the files around the bundle", () => {
  it.each(["manifest.xml", "manifest.block.xml"])("%s is valid for the base URL", async (file) => {
    const xml = readFileSync(join(out, file), "utf8");
    const sendMode = file === "manifest.block.xml" ? "Block" : "SoftBlock";
    const report = await validateManifest(xml, file, { baseUrl: BASE, sendMode });
    expect(report.issues).toEqual([]);
  });

  it("policy.json is the built-in default and passes parsePolicy", () => {
    const raw: unknown = JSON.parse(readFileSync(join(out, "policy.json"), "utf8"));
    const parsed = parsePolicy(raw);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.policy).toEqual(DEFAULT_POLICY);
  });

  it("commands.html loads office.js from Microsoft's CDN, then the handlers", () => {
    expect(scriptSources(readFileSync(join(out, "commands.html"), "utf8"))).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "launchevent.js",
    ]);
  });

  it("the well-known file allows the classic runtime's script", () => {
    const allowed = JSON.parse(readFileSync(join(out, ".well-known", "microsoft-officeaddins-allowed.json"), "utf8")) as unknown;
    expect(allowed).toEqual({ allowed: [`${BASE}/launchevent.js`] });
  });

  it.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a PNG of that size", (size) => {
    const png = readFileSync(join(out, "assets", `icon-${size}.png`));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
  });

  it("OFFICE_JS_URL=none leaves office.js out (the simulator injects its fake)", async () => {
    const local = await buildLaunchevent({ ADDIN_BASE_URL: BASE, OFFICE_JS_URL: "none" });
    built.push(local);
    expect(scriptSources(readFileSync(join(local, "commands.html"), "utf8"))).toEqual(["launchevent.js"]);
    expect(existsSync(join(local, "launchevent.js"))).toBe(true);
  });
});
