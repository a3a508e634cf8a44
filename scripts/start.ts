/**
 * `npm start`: build the add-in and the Outlook simulator (a development build, cached and
 * watched: scripts/dev-build.ts), serve both on localhost, and say how to try them.
 * Non-interactive unless --install-cert is given, so CI and the end-to-end tests run it as is.
 *
 *   npm start                          built-in default policy, https://localhost:3000
 *   npm start -- --policy FILE         an admin's policy file (validated first; a bad one stops here)
 *   npm start -- --port 0              any free port (printed)
 *   npm start -- --install-cert        trust Office's developer CA (asks first; see scripts/dev-cert.ts)
 *   npm start -- --http                plain HTTP, no certificate (the simulator only)
 *   npm start -- --no-build            serve dist/ as it is (after `npm run build`)
 *
 * It prints how long it took to be ready: the second start, with webpack's cache, is the one a
 * developer waits for every day.
 */
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import webpack from "webpack";
import { policyIssueLines } from "../src/cli/policy-file";
import { parsePolicy } from "../src/core/index";
import { devTls, type DevTls } from "./dev-cert";
import { DEV_DIST, devConfigs, hasCache, progressPrinter } from "./dev-build";
import { createSimulatorServer } from "./simulator-server";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const CERT_DIR = join(ROOT, ".cache", "dev-cert");
const DEFAULT_PORT = 3000;

const USAGE = `Usage: npm start [-- --policy FILE] [--port N] [--install-cert] [--http] [--no-build]
  --policy FILE   use this policy file instead of the built-in default
  --port N        port on localhost (default ${DEFAULT_PORT}; 0 picks a free one)
  --install-cert  let this computer trust Office's developer CA (office-addin-dev-certs), so Outlook
                  loads the add-in from https://localhost; remove it with: npx office-addin-dev-certs uninstall
  --http          serve plain HTTP even if a certificate can be made (the simulator only)
  --no-build      serve dist/ as it is (after \`npm run build\`), without building or watching`;

interface Options {
  readonly policyFile?: string;
  readonly port: number;
  readonly http: boolean;
  readonly installCert: boolean;
  readonly build: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      policy: { type: "string" },
      port: { type: "string" },
      http: { type: "boolean", default: false },
      "install-cert": { type: "boolean", default: false },
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
    installCert: values["install-cert"] ?? false,
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
    // The same lines as `postvagt policy check --lang en`: broken JSON by line and column.
    const lines = policyIssueLines(text, result.issues, "en").map((l) => `  - ${l}`);
    throw new Error(`the policy file ${file} is not valid:\n${lines.join("\n")}`);
  }
  return text;
}

/**
 * Builds once in development mode, then watches: resolves when the first build is done (errors are
 * printed, and the promise waits for a build without them), and reports every rebuild after that.
 */
function buildAndWatch(baseUrl: string, onRebuilt: () => void): { ready: Promise<void>; close: (done: () => void) => void } {
  const compiler = webpack(devConfigs({ baseUrl }));
  const cold = !hasCache();
  console.log(
    cold
      ? "First start: a full development build (a few minutes on a slow machine); the next start reuses .cache/webpack."
      : "Building from the cache in .cache/webpack …",
  );
  new webpack.ProgressPlugin(progressPrinter((line) => console.log(line))).apply(compiler);
  let first = true;
  let rebuilding = false;
  let started = performance.now();
  // Each of the builds that use the file reports it: say it once per rebuild.
  compiler.hooks.invalid.tap("PostvagtStart", (file: string | null) => {
    if (first || rebuilding) return;
    rebuilding = true;
    started = performance.now();
    console.log(`Changed: ${file ? relative(ROOT, file) : "?"}; rebuilding …`);
  });
  let watching: ReturnType<typeof compiler.watch> | undefined;
  const ready = new Promise<void>((resolveReady) => {
    watching = compiler.watch({ aggregateTimeout: 200, ignored: ["**/node_modules/**", `${DEV_DIST}/**`, "**/.cache/**", "**/dist/**"] }, (error, stats) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      rebuilding = false;
      if (error || !stats || stats.hasErrors()) {
        console.error(error ? String(error) : (stats?.toString({ all: false, errors: true, colors: process.stdout.isTTY }) ?? "the build failed"));
        console.error("The build has errors: fix and save; it rebuilds by itself.");
        return;
      }
      if (first) {
        first = false;
        resolveReady();
      } else {
        console.log(`Rebuilt in ${seconds} s.`);
        onRebuilt();
      }
    });
  });
  // Closing the watcher writes what is left of webpack's cache to disk.
  return { ready, close: (done) => (watching ? watching.close(() => done()) : done()) };
}

function httpsLines(tls: DevTls, http: boolean): string[] {
  if (tls.kind === "none") {
    return [
      `Plain HTTP (${http ? "--http" : `no certificate could be made: ${tls.reason}`}): the simulator only.`,
      "  Outlook loads add-ins over HTTPS only; run `npm start` without --http to get a certificate.",
    ];
  }
  if (tls.kind === "trusted") {
    return [
      "HTTPS: trusted through Office's developer CA (office-addin-dev-certs), as Outlook needs.",
      "  Remove the CA when you no longer develop add-ins: npx office-addin-dev-certs uninstall",
    ];
  }
  return [
    `HTTPS: a certificate nobody trusts (${relative(ROOT, tls.certFile)}): fine for the simulator`,
    "  (accept the browser's warning once); Outlook will not load the add-in from here until you run",
    "    npm start -- --install-cert",
    "  which asks your operating system to trust \"Developer CA for Microsoft Office Add-ins\" for your",
    "  user (Windows shows a dialog, macOS asks for your password, Linux runs sudo). Remove it later:",
    "    npx office-addin-dev-certs uninstall",
  ];
}

function instructions(origin: string, tls: DevTls, http: boolean, root: string, policyFile: string | undefined): string {
  const manifestFile = relative(ROOT, join(root, "manifest.xml"));
  const lines = [
    "",
    "Postvagt is running (localhost only; press Ctrl+C to stop).",
    "",
    `  Simulator:   ${origin}/simulator/`,
    `  Task pane:   ${origin}/taskpane.html`,
    `  Manifest:    ${origin}/manifest.xml   (also ${manifestFile})`,
    `  Policy:      ${policyFile ?? "the built-in default"}  (served as ${origin}/policy.json)`,
    "",
    "Try it without Outlook: open the simulator, write to sagsbehandler@anders.dk or put",
    "150650-3720 in the body, and press Send.",
    "",
    ...httpsLines(tls, http),
  ];
  if (tls.kind !== "trusted") return lines.join("\n");
  lines.push(
    "",
    "Sideload in a real Outlook (the add-in is then served from this machine while this runs):",
    "  Outlook on the web / new Outlook for Windows: open https://aka.ms/olksideload → My add-ins →",
    `     Custom Addins → Add a custom add-in → Add from File… → ${manifestFile}`,
    "  Desktop Outlook on Windows: `npm run sideload` in a second terminal (office-addin-debugging).",
    "  Classic Outlook runs the send check unreliably from localhost (office-js #3677): the task pane",
    "  works, but test sending on a real HTTPS host (docs/manual-testing.md, \"Build and host\").",
    "  What only a real Outlook can show: docs/manual-testing.md.",
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const policyText = options.policyFile ? loadPolicy(options.policyFile) : undefined;

  const tls: DevTls = options.http
    ? { kind: "none", reason: "--http" }
    : await devTls({ install: options.installCert, dir: CERT_DIR, log: (line) => console.warn(line) });
  const serverTls = tls.kind === "none" ? undefined : { key: tls.key, cert: tls.cert };
  const root = options.build ? DEV_DIST : DIST;
  let built = !options.build;
  const server = createSimulatorServer({ root, isReady: () => built, ...(policyText !== undefined ? { policyText } : {}), ...(serverTls ? { tls: serverTls } : {}) });
  await new Promise<void>((ready, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      fail(e.code === "EADDRINUSE" ? new Error(`port ${options.port} is in use; try --port 0`) : e),
    );
    server.listen(options.port, "127.0.0.1", () => ready());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${serverTls ? "https" : "http"}://localhost:${port}`;

  let closeBuild = (done: () => void): void => done();
  const stop = (): void => {
    server.close();
    server.closeAllConnections();
    // Closing writes the rest of webpack's cache (a few seconds, once, after the first start); a
    // stuck write must not keep the terminal, so out after 30 s whatever happens.
    if (options.build) console.log("Stopping: saving the build cache …");
    setTimeout(() => process.exit(0), 30_000).unref();
    closeBuild(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  // Listening first, so `--port 0` knows its port before the manifest is built for it.
  if (options.build) {
    console.log(`Building the add-in and the simulator for ${origin} (development build, watched) …`);
    const watch = buildAndWatch(origin, () => undefined);
    closeBuild = watch.close;
    await watch.ready;
    built = true;
  } else if (!existsSync(join(DIST, "simulator", "index.html"))) {
    throw new Error("dist/ has no simulator; run `npm run build` first, or drop --no-build");
  }
  console.log(instructions(origin, tls, options.http, root, options.policyFile));
  const manifest = join(root, "manifest.xml");
  if (existsSync(manifest) && !readFileSync(manifest, "utf8").includes(origin)) {
    // --no-build on another port: the simulator works, a real Outlook would look elsewhere.
    console.log(`\nNote: dist/manifest.xml was built for another address; run without --no-build to sideload from ${origin}.`);
  }
  // performance.now() counts from the process's start: the whole wait, tsx's start-up included.
  console.log(`\nReady in ${(performance.now() / 1000).toFixed(1)} s.`);
  // The tests wait for this exact line.
  console.log(`POSTVAGT_READY ${origin}`);
}

main().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
