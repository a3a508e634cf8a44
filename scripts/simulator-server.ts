/**
 * The local server behind `npm start`: the built add-in (dist/) for a real Outlook to sideload,
 * and the simulator page that runs the same pages against a fake Office.
 *
 * Two rules it keeps:
 * - Localhost only. It listens on 127.0.0.1 and refuses requests whose Host is not a loopback name
 *   (a DNS-rebinding page cannot reach it through another name).
 * - The add-in's pages are served unchanged, except when the simulator asks for them with
 *   `?postvagt-simulator`: then the office.js script tag is swapped for the simulator's shim, which
 *   hands the page the fake Office. Nothing else in the page differs from what Outlook loads.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { extname, join, normalize, resolve, sep } from "node:path";

export const SIMULATOR_QUERY = "postvagt-simulator";
export const SHIM_PATH = "/simulator/office-shim.js";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface ServerOptions {
  /** The built add-in and simulator (dist/). */
  readonly root: string;
  /** Raw text of the admin's policy file, served as /policy.json instead of the built default. */
  readonly policyText?: string;
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /**
   * False while `npm start` is still building into root: the server listens first (so `--port 0`
   * knows its port), and a page opened then would load half-written bundles. Absent: always ready.
   */
  readonly isReady?: () => boolean;
}

/** Swaps every office.js script tag (CDN or local copy) for the simulator's shim. */
export function injectShim(html: string): string {
  // Quoted or not: html-webpack-plugin's minifier drops the quotes (`<script src=https://…/office.js>`).
  const tag = /<script\b[^>]*\bsrc=(?:"[^"]*|'[^']*|[^\s"'>]*)\/office(?:\.debug)?\.js["']?[^>]*>\s*<\/script>/gi;
  const shim = `<script src="${SHIM_PATH}"></script>`;
  if (tag.test(html)) return html.replace(tag, shim);
  // A page that loads no office.js still needs the fake before its own scripts.
  return html.replace(/<head([^>]*)>/i, `<head$1>${shim}`);
}

function hostName(header: string | undefined): string {
  if (!header) return "";
  if (header.startsWith("[")) return header.slice(0, header.indexOf("]") + 1);
  return header.split(":")[0] ?? "";
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(body);
}

/** The file a URL path names inside root, or undefined when it escapes root or does not exist. */
function fileFor(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const full = normalize(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  if (!existsSync(full)) return undefined;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    const index = join(full, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return full;
}

export function handle(options: ServerOptions, req: IncomingMessage, res: ServerResponse): void {
  const root = resolve(options.root);
  if (!LOOPBACK_HOSTS.has(hostName(req.headers.host).toLowerCase())) {
    send(res, 403, "text/plain; charset=utf-8", "Postvagt's development server answers localhost only.\n");
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "text/plain; charset=utf-8", "Only GET: nothing is ever sent to this server.\n");
    return;
  }
  if (options.isReady && !options.isReady()) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": "5" });
    res.end("Postvagt is still building; reload in a few seconds.\n");
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/") {
    res.writeHead(302, { location: "/simulator/", "cache-control": "no-store" });
    res.end();
    return;
  }
  if (url.pathname === "/policy.json" && options.policyText !== undefined) {
    send(res, 200, TYPES[".json"]!, options.policyText);
    return;
  }
  const file = fileFor(root, url.pathname);
  if (!file) {
    send(res, 404, "text/plain; charset=utf-8", "Not found. Has `npm run build` run?\n");
    return;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  if (type.startsWith("text/html") && url.searchParams.has(SIMULATOR_QUERY)) {
    send(res, 200, type, injectShim(readFileSync(file, "utf8")));
    return;
  }
  res.writeHead(200, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

export function createSimulatorServer(options: ServerOptions): Server {
  const listener = (req: IncomingMessage, res: ServerResponse): void => handle(options, req, res);
  return options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
}
