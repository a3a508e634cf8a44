/**
 * Builds the event-runtime half of the add-in (launchevent.js, commands.html, the manifests,
 * policy.json, .well-known, assets) with the real webpack config into a temporary folder, so tests
 * check a fresh build of the current source and never race `npm run build` over dist/.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");

export interface BuildEnv {
  readonly ADDIN_BASE_URL?: string;
  readonly SEND_MODE?: string;
  readonly OFFICE_JS_URL?: string;
}

export async function buildLaunchevent(env: BuildEnv = {}): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "postvagt-launchevent-"));
  const args = [
    join(REPO, "node_modules", "webpack-cli", "bin", "cli.js"),
    "--config",
    join(REPO, "scripts", "webpack", "addin.js"),
    "--env",
    "only=launchevent",
    "--mode",
    "production",
    "--output-path",
    out,
  ];
  const child = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`webpack failed (exit ${code}):\n${output.slice(-4000)}`);
  return out;
}
