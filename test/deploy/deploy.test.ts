/**
 * The deployment an admin does, end to end: build for a base URL, host dist/ with the example nginx
 * config (deploy/nginx/postvagt.conf, run for real), and load in Chromium every URL Outlook will
 * load from the built manifest, plus policy.json. Needs /usr/bin/chromium, nginx and openssl
 * (Debian packages; .ci/run installs them).
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument, DomUtils } from "htmlparser2";
import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright-core";
import { buildAddin } from "./build-addin";
import { ADDIN_PATH, freePort, startNginx, type RunningNginx } from "./nginx-harness";

jest.setTimeout(60_000);

const REPO = join(__dirname, "..", "..");
const TEMPLATE_BASE = "https://localhost:3000/";
const OFFICE_JS_HOST = "appsforoffice.microsoft.com";

/** Every URL-valued attribute or AppDomain in a manifest. */
function manifestUrls(xml: string): { urls: string[]; appDomains: string[] } {
  const doc = parseDocument(xml, { xmlMode: true });
  const urls = DomUtils.findAll(() => true, doc.children)
    // Namespace declarations are identifiers that look like URLs, not files anyone fetches.
    .flatMap((el) => Object.entries(el.attribs).filter(([name]) => name !== "xmlns" && !name.startsWith("xmlns:")))
    .map(([, value]) => value)
    .filter((value) => /^https?:\/\//i.test(value));
  const appDomains = DomUtils.findAll((el) => el.name === "AppDomain", doc.children).map((el) => DomUtils.textContent(el).trim());
  return { urls: [...new Set(urls)], appDomains };
}

// The files Outlook will fetch, read from the manifest template (so this list follows the manifest).
const templatePaths = manifestUrls(readFileSync(join(REPO, "manifest.xml"), "utf8")).urls.map((url) => {
  if (!url.startsWith(TEMPLATE_BASE)) throw new Error(`manifest.xml template URL outside the dev base URL: ${url}`);
  return url.slice(TEMPLATE_BASE.length);
});

const MIME_BY_EXTENSION: Record<string, string> = {
  html: "text/html",
  js: "text/javascript",
  json: "application/json",
  xml: "application/xml",
  png: "image/png",
  svg: "image/svg+xml",
  css: "text/css",
};

function mimeOf(response: Response): string {
  return (response.headers()["content-type"] ?? "").split(";")[0]!.trim();
}

function extensionOf(path: string): string {
  return /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";
}

/** Which Cache-Control the example config promises for a path. */
function expectedCacheControl(path: string): string {
  if (/\.[0-9a-f]{8,}\.(?:js|css|png|svg|woff2?|ttf)$/i.test(path)) return "public, max-age=31536000, immutable";
  if (/\/assets\/[^/]+\.(?:png|svg|ico)$/i.test(`/${path}`)) return "public, max-age=86400";
  return "no-cache";
}

let work: string;
let dist: string;
let baseUrl: string;
let httpPort: number;
let httpsPort: number;
let nginx: RunningNginx | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
/**
 * No request interception here: with routing on, Playwright answers CORS preflights itself, and the
 * test would never see nginx's. Only the add-in's own host is loaded in this context.
 */
let plainContext: BrowserContext;
/** A page on the add-in's origin, for same-origin fetches. */
let originPage: Page;

async function fetchFromOrigin(url: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const fetched = originPage.evaluate(async (u) => {
    const r = await fetch(u, { cache: "no-store" });
    const headers: Record<string, string> = {};
    r.headers.forEach((value, key) => (headers[key] = value));
    return { status: r.status, headers, body: await r.text() };
  }, url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer for ${url} within 20 s`)), 20_000)));
  try {
    return await Promise.race([fetched, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Hosts other than the add-in's that pages tried to reach (aborted: there is no internet here). */
const foreignRequests: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "postvagt-deploy-"));
  // mkdtemp makes a 0700 folder; nginx's workers (nobody, when the test runs as root) must get in.
  chmodSync(work, 0o755);
  dist = join(work, "dist");
  httpPort = await freePort();
  httpsPort = await freePort();
  baseUrl = `https://127.0.0.1:${httpsPort}${ADDIN_PATH}`;
  await buildAddin(baseUrl, dist, work);
  nginx = await startNginx({ prefix: join(work, "nginx"), dist, httpPort, httpsPort });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  // The certificate is self-signed for 127.0.0.1; production uses one every client trusts.
  context = await browser.newContext({ ignoreHTTPSErrors: true });
  plainContext = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    foreignRequests.push(url.host);
    return route.abort();
  });
  originPage = await plainContext.newPage();
  await originPage.goto(`${baseUrl}/policy.json`, { waitUntil: "commit" });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the built manifest", () => {
  it.each(["manifest.xml", "manifest.block.xml"])("%s points only at the base URL, and its AppDomain is the base URL's origin", (name) => {
    const file = join(dist, name);
    if (name !== "manifest.xml" && !existsSync(file)) return; // the Block variant is optional output
    const { urls, appDomains } = manifestUrls(readFileSync(file, "utf8"));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(urls.map((url) => url.slice(baseUrl.length + 1)).sort()).toEqual([...templatePaths].sort());
    expect(appDomains).toEqual([new URL(baseUrl).origin]);
  });
});

describe("nginx serves what Outlook loads", () => {
  it.each([...templatePaths, "policy.json", "manifest.xml"])("%s: 200, the right MIME type, CORS and cache headers", async (path) => {
    // fetch() from a page on the add-in's own origin: Chromium's network stack, every response
    // header visible (same origin), and no navigation quirks for .js or .xml documents.
    const response = await fetchFromOrigin(`${baseUrl}/${path}`);
    expect(response.status).toBe(200);
    expect((response.headers["content-type"] ?? "").split(";")[0]).toBe(MIME_BY_EXTENSION[extensionOf(path)]);
    expect(response.headers["access-control-allow-origin"]).toBe("*");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cache-control"]).toBe(expectedCacheControl(path));
    expect(response.headers["x-frame-options"]).toBeUndefined(); // the task pane lives in an iframe on the web
  });

  it("policy.json is the built file, and valid JSON", async () => {
    const response = await fetchFromOrigin(`${baseUrl}/policy.json`);
    expect(JSON.parse(response.body)).toEqual(JSON.parse(readFileSync(join(dist, "policy.json"), "utf8")));
  });

  it.each(["taskpane.html", "commands.html"])("%s loads all its own scripts and styles from the host, and nothing from third parties but office.js", async (path) => {
    const page = await context.newPage();
    const own: Array<{ url: string; status: number; mime: string; cache: string | undefined }> = [];
    page.on("response", (response) => {
      if (response.url().startsWith(`${baseUrl}/`)) {
        own.push({ url: response.url(), status: response.status(), mime: mimeOf(response), cache: response.headers()["cache-control"] });
      }
    });
    const before = foreignRequests.length;
    try {
      await page.goto(`${baseUrl}/${path}`, { waitUntil: "load" });
      const subresources = own.filter((r) => r.url !== `${baseUrl}/${path}`);
      expect(subresources.length).toBeGreaterThan(0);
      for (const r of subresources) {
        const relative = r.url.slice(baseUrl.length + 1).split(/[?#]/)[0]!;
        expect({ url: relative, status: r.status }).toEqual({ url: relative, status: 200 });
        expect({ url: relative, mime: r.mime }).toEqual({ url: relative, mime: MIME_BY_EXTENSION[extensionOf(relative)] });
        expect({ url: relative, cache: r.cache }).toEqual({ url: relative, cache: expectedCacheControl(relative) });
      }
      // Production pages load office.js from Microsoft's CDN, as Microsoft requires; nothing else leaves.
      expect([...new Set(foreignRequests.slice(before))].filter((host) => host !== OFFICE_JS_HOST)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("another origin can fetch policy.json and launchevent.js, including after a CORS preflight", async () => {
    const page = await plainContext.newPage();
    try {
      // localhost and 127.0.0.1 are different origins on the same server: a real cross-origin fetch.
      await page.goto(`https://localhost:${httpsPort}${ADDIN_PATH}/policy.json`, { waitUntil: "commit" });
      const results = await page.evaluate(async (base) => {
        const out: Record<string, { status: number; type: string | null }> = {};
        for (const path of ["policy.json", "launchevent.js"]) {
          // A non-safelisted request header forces an OPTIONS preflight, as classic Outlook may send.
          const response = await fetch(`${base}/${path}`, { headers: { "X-Postvagt-Probe": "1" }, cache: "no-store" });
          out[path] = { status: response.status, type: response.headers.get("content-type") };
        }
        return out;
      }, baseUrl);
      expect(results["policy.json"]).toEqual({ status: 200, type: "application/json; charset=utf-8" });
      expect(results["launchevent.js"]).toEqual({ status: 200, type: "text/javascript; charset=utf-8" });
      // The preflights really happened, and nginx answered them.
      const log = readFileSync(join(nginx!.prefix, "access.log"), "utf8");
      expect(log).toMatch(/"OPTIONS \/postvagt\/policy\.json HTTP\/[\d.]+" 204 /);
      expect(log).toMatch(/"OPTIONS \/postvagt\/launchevent\.js HTTP\/[\d.]+" 204 /);
    } finally {
      await page.close();
    }
  });

  it("the origin's root serves the well-known file that lets classic Outlook's launchevent.js make CORS requests", async () => {
    const { urls } = manifestUrls(readFileSync(join(dist, "manifest.xml"), "utf8"));
    const launchEventJs = urls.find((url) => url.endsWith("/launchevent.js"));
    expect(launchEventJs).toBeDefined();
    const response = await fetchFromOrigin(`${new URL(baseUrl).origin}/.well-known/microsoft-officeaddins-allowed.json`);
    expect(response.status).toBe(200);
    expect((response.headers["content-type"] ?? "").split(";")[0]).toBe("application/json");
    const body = JSON.parse(response.body) as { allowed?: unknown };
    expect(body.allowed).toEqual(expect.arrayContaining([launchEventJs]));
  });
});

describe("nginx refuses what it should", () => {
  function plainRequest(port: number, path: string, method: string, tls = false): Promise<{ status: number; location?: string }> {
    return new Promise((resolve, reject) => {
      const send = tls ? httpsRequest : httpRequest;
      const req = send({ host: "127.0.0.1", port, path, method, rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("plain HTTP only redirects to HTTPS", async () => {
    const result = await plainRequest(httpPort, `${ADDIN_PATH}/policy.json`, "GET");
    expect(result.status).toBe(301);
    expect(result.location).toMatch(/^https:\/\/127\.0\.0\.1(?::\d+)?\/postvagt\/policy\.json$/);
  });

  it.each([
    ["POST", `${ADDIN_PATH}/policy.json`, 403],
    ["PUT", `${ADDIN_PATH}/policy.json`, 403],
    ["GET", `${ADDIN_PATH}/no-such-file.js`, 404],
    ["GET", "/", 404],
    ["GET", `${ADDIN_PATH}/`, 404],
  ])("%s %s → %i", async (method, path, status) => {
    expect((await plainRequest(httpsPort, path, method, true)).status).toBe(status);
  });
});
