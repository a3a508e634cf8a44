/**
 * Builds the add-in for a base URL into a folder of our own, so a deploy test never races another
 * build over the repo's dist/. It runs the same webpack config as `npm run build`
 * (scripts/webpack/addin.js, with ADDIN_BASE_URL set) and only moves its output path.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");

export async function buildAddin(baseUrl: string, outDir: string, workDir: string): Promise<void> {
  const wrapper = join(workDir, "webpack.deploy-test.js");
  writeFileSync(
    wrapper,
    [
      `const path = require("path");`,
      `const addin = require(${JSON.stringify(join(REPO, "scripts", "webpack", "addin.js"))});`,
      `const repoDist = ${JSON.stringify(join(REPO, "dist"))};`,
      `const outDir = ${JSON.stringify(outDir)};`,
      `module.exports = (env = {}, argv = {}) => [].concat(addin(env, argv)).map((config) => ({`,
      `  ...config,`,
      `  output: { ...config.output, path: path.join(outDir, path.relative(repoDist, (config.output && config.output.path) || repoDist)) },`,
      `}));`,
      ``,
    ].join("\n"),
  );
  const child = spawn(process.execPath, [join(REPO, "node_modules", "webpack-cli", "bin", "cli.js"), "--config", wrapper, "--mode", "production"], {
    cwd: REPO,
    env: { ...process.env, ADDIN_BASE_URL: baseUrl, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`the add-in build failed (exit ${code}):\n${output.slice(-4000)}`);
}
