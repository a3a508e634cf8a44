/**
 * Builds the `postvagt` command: src/cli/main.ts and everything it imports, bundled by esbuild into
 * one CommonJS file, dist-cli/main.js, that bin/postvagt.js requires. One file, so a run pays for
 * neither a TypeScript loader nor hundreds of module look-ups at start (`postvagt --help` in well
 * under 150 ms). Run by `prepare` (so `npm ci` leaves a working `npx postvagt`), by `npm test`
 * and before the CLI tests (jest globalSetup), so a spawned CLI is never older than the sources.
 *
 * pdf.js is not bundled: src/cli/pdfjs-text.ts loads it from node_modules with a real `import()`
 * on the first message with attachments.
 */
"use strict";
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUT_DIR = join(ROOT, "dist-cli");

/** @returns {import("esbuild").BuildOptions} */
function cliBuildOptions() {
  return {
    absWorkingDir: ROOT,
    entryPoints: { main: "src/cli/main.ts", quick: "src/cli/quick.ts", "scan-worker": "src/cli/scan-worker.ts", "pdfjs-worker": "src/cli/pdfjs-worker.ts" },
    outdir: OUT_DIR,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "linked",
    legalComments: "linked",
    logLevel: "warning",
    // Loaded on demand through `import()` from node_modules, never bundled (see pdfjs-text.ts).
    external: ["pdfjs-dist"],
    // jsonc-parser's default (UMD) build requires its parts at run time, which a bundle cannot
    // follow; its ES module build bundles cleanly.
    alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
    // The bundled libraries' `Blob` is src/cli/byte-blob.ts: postal-mime joins a body part's
    // lines through a Blob, and Node's Blob reads many small parts back slowly (see that file).
    inject: ["src/cli/blob-shim.ts"],
  };
}

async function buildCli() {
  const esbuild = require("esbuild");
  await esbuild.build(cliBuildOptions());
  return OUT_DIR;
}

module.exports = { buildCli, cliBuildOptions, OUT_DIR };

if (require.main === module) {
  buildCli().catch((error) => {
    process.stderr.write(`build-cli: ${error && error.message ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
