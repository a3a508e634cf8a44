/**
 * `npm start`: build the add-in and the Outlook simulator, serve both on localhost, and say how to
 * try them. Non-interactive from start to finish, so CI and the end-to-end tests run it as is.
 *
 *   npm start                          built-in default policy, https://localhost:3000
 *   npm start -- --policy FILE         an admin's policy file (validated first; a bad one stops here)
 *   npm start -- --port 0              any free port (printed)
 *   npm start -- --http                plain HTTP, no certificate
 *   npm start -- --no-build            serve dist/ as it is (after `npm run build`)
 *
 * HTTPS uses a self-signed localhost certificate made with openssl into .cache/dev-cert/; where
 * openssl is missing or fails, the server falls back to HTTP on localhost and says so.
 */
import { spawn, spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parsePolicy } from "../src/core/index";
import { createSimulatorServer } from "./simulator-server";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const CERT_DIR = join(ROOT, ".cache", "dev-cert");
const DEFAULT_PORT = 3000;

const USAGE = `Usage: npm start [-- --policy FILE] [--port N] [--http] [--no-build]
  --policy FILE  use this policy file instead of the built-in default
  --port N       port on localhost (default ${DEFAULT_PORT}; 0 picks a free one)
  --http         serve plain HTTP even if a certificate can be made
  --no-build     serve dist/ as it is, without running the build first`;

interface Options {
  readonly policyFile?: string;
  readonly port: number;
  readonly http: boolean;
  readonly build: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      policy: { type: "string" },
      port: { type: "string" },
      http: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const portText = values.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not "${portText}"`);
  return {
    ...(values.policy !== undefined ? { policyFile: resolve(values.policy) } : {}),
    port,
    http: values.http ?? false,
    build: !(values["no-build"] ?? false),
  };
}

/** Reads and validates the admin's policy; a bad file stops here with the fields that are wrong. */
function loadPolicy(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`cannot read the policy file ${file}`);
  }
  const result = parsePolicy(text);
  if (!result.ok) {
    const lines = result.issues.map((i) => `  - ${i.message}`);
    throw new Error(`the policy file ${file} is not valid:\n${lines.join("\n")}`);
  }
  return text;
}

/** A self-signed localhost certificate, made once and reused until a week before it expires. */
function devCertificate(): { key: Buffer; cert: Buffer } | { error: string } {
  const keyFile = join(CERT_DIR, "localhost-key.pem");
  const certFile = join(CERT_DIR, "localhost-cert.pem");
  if (existsSync(keyFile) && existsSync(certFile)) {
    try {
      const cert = readFileSync(certFile);
      const expires = new Date(new X509Certificate(cert).validTo).getTime();
      if (expires - Date.now() > 7 * 24 * 3600 * 1000) return { key: readFileSync(keyFile), cert };
    } catch {
      // unreadable: make a new one
    }
  }
  mkdirSync(CERT_DIR, { recursive: true });
  const made = spawnSync(
    "openssl",
    [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "397",
      "-keyout", keyFile, "-out", certFile,
      "-subj", "/CN=localhost/O=Postvagt development",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { stdio: ["ignore", "ignore", "pipe"], timeout: 30_000 },
  );
  if (made.error || made.status !== 0) return { error: made.error ? "openssl was not found" : "openssl failed" };
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

function build(baseUrl: string | undefined): Promise<void> {
  return new Promise((done, fail) => {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const child = spawn(process.execPath, [cli, "--mode", "production"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...(baseUrl ? { ADDIN_BASE_URL: baseUrl } : {}) },
    });
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`the build failed (exit code ${code})`))));
  });
}

function instructions(origin: string, https: boolean, policyFile: string | undefined): string {
  const lines = [
    "",
    "Postvagt is running (localhost only; press Ctrl+C to stop).",
    "",
    `  Simulator:   ${origin}/simulator/`,
    `  Task pane:   ${origin}/taskpane.html`,
    `  Manifest:    ${origin}/manifest.xml   (also dist/manifest.xml)`,
    `  Policy:      ${policyFile ?? "the built-in default"}  (served as ${origin}/policy.json)`,
    "",
    "Try it without Outlook: open the simulator, write to sagsbehandler@anders.dk or put",
    "150650-3720 in the body, and press Send.",
    "",
    "Sideload in a real Outlook (the add-in is then served from this machine):",
  ];
  if (!https) {
    lines.push(
      "  Outlook only loads add-ins over HTTPS. Run `npm start` without --http where openssl is",
      "  available to get a certificate.",
    );
  } else {
    lines.push(
      `  0. Trust the development certificate once: ${join(CERT_DIR, "localhost-cert.pem")}`,
      "     (Windows: certutil -user -addstore Root <file>; macOS: add it to the login keychain and",
      "     mark it \"Always Trust\"; Linux browsers: import it under Certificates → Authorities).",
      "  Outlook on the web / new Outlook for Windows:",
      "     open https://aka.ms/olksideload → My add-ins → Custom Addins → Add a custom add-in →",
      "     Add from File… → dist/manifest.xml.",
      "  Classic Outlook on Windows / Outlook on Mac:",
      "     Home → Get Add-ins (or All Apps → Add Apps) → My add-ins → Add a custom add-in →",
      "     Add from file… → dist/manifest.xml.",
      "  Then write a new mail: Postvagt checks it when you press Send. The task pane button is on the",
      "  ribbon of the compose window. What only a real Outlook can show: docs/manual-testing.md.",
    );
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const policyText = options.policyFile ? loadPolicy(options.policyFile) : undefined;

  let tls: { key: Buffer; cert: Buffer } | undefined;
  if (!options.http) {
    const made = devCertificate();
    if ("error" in made) console.warn(`No HTTPS certificate (${made.error}); serving plain HTTP on localhost.`);
    else tls = made;
  }
  let built = !options.build;
  const server = createSimulatorServer({ root: DIST, isReady: () => built, ...(policyText !== undefined ? { policyText } : {}), ...(tls ? { tls } : {}) });
  await new Promise<void>((ready, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      fail(e.code === "EADDRINUSE" ? new Error(`port ${options.port} is in use; try --port 0`) : e),
    );
    server.listen(options.port, "127.0.0.1", () => ready());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${tls ? "https" : "http"}://localhost:${port}`;

  const stop = (): void => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  // Listening first, so `--port 0` knows its port before the manifest is built for it.
  if (options.build) {
    console.log(`Building the add-in and the simulator for ${origin} …`);
    await build(tls ? origin : undefined);
    built = true;
  } else if (!existsSync(join(DIST, "simulator", "index.html"))) {
    throw new Error("dist/ has no simulator; run `npm run build` first, or drop --no-build");
  }
  console.log(instructions(origin, tls !== undefined, options.policyFile));
  const manifest = join(DIST, "manifest.xml");
  if (existsSync(manifest) && !readFileSync(manifest, "utf8").includes(origin)) {
    // --no-build on another port: the simulator works, a real Outlook would look elsewhere.
    console.log(`\nNote: dist/manifest.xml was built for another address; run without --no-build to sideload from ${origin}.`);
  }
  // The tests wait for this exact line.
  console.log(`POSTVAGT_READY ${origin}`);
}

main().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
