/**
 * Runs the shipped example nginx config (deploy/nginx/postvagt.conf) for real, unprivileged, in a
 * temporary prefix. Only the lines the file marks `# CHANGE` are rewritten (ports, host name,
 * certificate, document root); everything an admin would copy unchanged is tested unchanged.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { join } from "node:path";

export const EXAMPLE_CONFIG = join(__dirname, "..", "..", "deploy", "nginx", "postvagt.conf");
/** The URL path the example config serves the add-in under; the build's base URL must end in it. */
export const ADDIN_PATH = "/postvagt";

export interface SiteOptions {
  readonly httpPort: number;
  readonly httpsPort: number;
  readonly serverName: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** The nginx `root`; the build must be copied to `<wwwRoot>/postvagt/`. */
  readonly wwwRoot: string;
}

/** One rewrite per kind of `# CHANGE` line; each must match at least once, so drift is caught. */
const rewrites: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp; readonly to: (o: SiteOptions) => string }> = [
  { name: "listen [::]:80", pattern: /^\s*listen \[::\]:80;.*$/, to: () => "" },
  { name: "listen [::]:443", pattern: /^\s*listen \[::\]:443 ssl;.*$/, to: () => "" },
  { name: "listen 80", pattern: /^(\s*)listen 80;.*$/, to: (o) => `    listen 127.0.0.1:${o.httpPort};` },
  { name: "listen 443", pattern: /^(\s*)listen 443 ssl;.*$/, to: (o) => `    listen 127.0.0.1:${o.httpsPort} ssl;` },
  { name: "server_name", pattern: /^\s*server_name\s+[^;]+;.*$/, to: (o) => `    server_name ${o.serverName};` },
  { name: "ssl_certificate", pattern: /^\s*ssl_certificate\s+\S+;.*$/, to: (o) => `    ssl_certificate ${o.certFile};` },
  { name: "ssl_certificate_key", pattern: /^\s*ssl_certificate_key\s+\S+;.*$/, to: (o) => `    ssl_certificate_key ${o.keyFile};` },
  { name: "root", pattern: /^\s*root\s+\S+;.*$/, to: (o) => `    root ${o.wwwRoot};` },
  {
    name: "alias well-known",
    pattern: /^\s*alias\s+\S+\/postvagt\/\.well-known\/microsoft-officeaddins-allowed\.json;.*$/,
    to: (o) => `        alias ${o.wwwRoot}/postvagt/.well-known/microsoft-officeaddins-allowed.json;`,
  },
];

/** The example site config with its CHANGE lines rewritten; throws if any such line is not understood. */
export function renderSiteConfig(template: string, options: SiteOptions): string {
  const used = new Set<string>();
  const lines = template.split("\n").map((line) => {
    if (!/#\s*CHANGE\b/.test(line)) return line;
    const rule = rewrites.find((r) => r.pattern.test(line));
    if (!rule) throw new Error(`deploy/nginx/postvagt.conf: the test does not know how to rewrite: ${line.trim()}`);
    used.add(rule.name);
    return rule.to(options);
  });
  const unused = rewrites.filter((r) => !used.has(r.name)).map((r) => r.name);
  if (unused.length > 0) throw new Error(`deploy/nginx/postvagt.conf no longer has CHANGE lines for: ${unused.join(", ")}`);
  return lines.join("\n");
}

/** A complete nginx.conf around the site file, with every writable path inside `prefix`. */
export function renderMainConfig(site: string, prefix: string, runAsRoot: boolean): string {
  return [
    // As root, nginx's workers drop to an unprivileged user; Debian's has group "nogroup".
    runAsRoot ? "user nobody nogroup;" : "",
    "worker_processes 1;",
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    "events { worker_connections 64; }",
    "http {",
    `  access_log ${prefix}/access.log;`,
    `  client_body_temp_path ${prefix}/tmp/body;`,
    `  proxy_temp_path ${prefix}/tmp/proxy;`,
    `  fastcgi_temp_path ${prefix}/tmp/fastcgi;`,
    `  uwsgi_temp_path ${prefix}/tmp/uwsgi;`,
    `  scgi_temp_path ${prefix}/tmp/scgi;`,
    site,
    "}",
    "",
  ].join("\n");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A self-signed certificate for 127.0.0.1 and localhost, made by the system's openssl. */
export function makeSelfSignedCert(dir: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  const result = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", keyFile, "-out", certFile],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  return { certFile, keyFile };
}

export interface RunningNginx {
  readonly prefix: string;
  stop(): Promise<void>;
  /** nginx's own error log, for failure messages. */
  errorLog(): string;
}

/** Copies `dist` to `<prefix>/www/postvagt`, writes the config, checks it with `nginx -t`, starts nginx. */
export async function startNginx(options: {
  prefix: string;
  dist: string;
  httpPort: number;
  httpsPort: number;
  nginxBinary?: string;
}): Promise<RunningNginx> {
  const { prefix, dist, httpPort, httpsPort } = options;
  const nginx = options.nginxBinary ?? "nginx";
  const runAsRoot = typeof process.getuid === "function" && process.getuid() === 0;
  mkdirSync(join(prefix, "tmp"), { recursive: true });
  const wwwRoot = join(prefix, "www");
  cpSync(dist, join(wwwRoot, "postvagt"), { recursive: true });
  // mkdtemp makes 0700 folders; nginx's workers (nobody, when we are root) must read the files.
  chmodSync(prefix, 0o755);
  const { certFile, keyFile } = makeSelfSignedCert(prefix);
  const site = renderSiteConfig(readFileSync(EXAMPLE_CONFIG, "utf8"), {
    httpPort,
    httpsPort,
    serverName: "127.0.0.1 localhost",
    certFile,
    keyFile,
    wwwRoot,
  });
  const confFile = join(prefix, "nginx.conf");
  writeFileSync(confFile, renderMainConfig(site, prefix, runAsRoot));
  const errorLog = () => {
    try {
      return readFileSync(join(prefix, "error.log"), "utf8");
    } catch {
      return "";
    }
  };
  const args = ["-p", prefix, "-e", join(prefix, "error.log"), "-c", confFile];
  const check = spawnSync(nginx, [...args, "-t"], { encoding: "utf8" });
  const checkOutput = `${check.stderr}${errorLog()}`;
  if (check.status !== 0) throw new Error(`nginx -t rejected the example config:\n${checkOutput}`);
  // A warning is a config an admin would be told to fix: keep the example clean.
  if (/\[(warn|emerg|alert|crit)\]/.test(checkOutput)) throw new Error(`nginx -t warns about the example config:\n${checkOutput}`);

  const child: ChildProcess = spawn(nginx, [...args, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const deadline = Date.now() + 10_000;
  while (!(await answers(httpPort))) {
    if (!running || Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`nginx did not start:\n${stderr}${errorLog()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    prefix,
    errorLog,
    async stop() {
      if (!running) return;
      child.kill("SIGQUIT"); // graceful: finish open requests, then exit
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/", method: "HEAD", timeout: 1_000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}
