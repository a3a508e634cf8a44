/**
 * `npm run sideload`: register the running `npm start`'s manifest in desktop Outlook on Windows
 * with Microsoft's office-addin-debugging (what Office add-in projects use), and `npm run sideload
 * -- --stop` to remove it again. Run it in a second terminal while `npm start` serves the add-in
 * over trusted HTTPS (`npm start -- --install-cert` once).
 *
 * office-addin-debugging is fetched by npx when asked for, pinned, and never installed with the
 * project: for Outlook it needs Microsoft's Agents Toolkit CLI (~600 packages, including a native
 * keychain module that is compiled or downloaded at install), which `npm ci` on a build server
 * or Linux must not need. It signs in to Microsoft 365 to register the add-in for your mailbox.
 *
 * On macOS Microsoft's docs say to sideload by hand, and Linux has no desktop Outlook: the command
 * then prints the by-hand steps instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(__dirname, "..");
/** The version this script was written against: its command line is relied on below. */
export const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0";

export interface SideloadPlan {
  readonly run?: { readonly command: string; readonly args: readonly string[] };
  readonly message: string;
}

const BY_HAND = [
  "Sideload by hand instead: Outlook on the web or new Outlook → https://aka.ms/olksideload → My add-ins →",
  "Custom Addins → Add a custom add-in → Add from File… → {manifest}",
].join("\n");

/** What to do on this platform, for this manifest: pure, so each branch is tested. */
export function sideloadPlan(platform: NodeJS.Platform, manifest: string, manifestText: string | undefined, stop: boolean): SideloadPlan {
  const shown = relative(ROOT, manifest) || manifest;
  if (manifestText === undefined) {
    return { message: `${shown} does not exist yet: start the add-in first (npm start), then run npm run sideload in a second terminal.` };
  }
  const origin = /<SourceLocation DefaultValue="(https?:\/\/[^/"]+)/.exec(manifestText)?.[1];
  if (platform !== "win32") {
    const why = platform === "darwin" ? "On a Mac, Microsoft's docs say to sideload Outlook add-ins by hand." : "There is no desktop Outlook on this system.";
    return { message: `${why}\n${BY_HAND.replace("{manifest}", shown)}` };
  }
  if (origin?.startsWith("http:")) {
    return { message: `${shown} points to ${origin}: Outlook loads add-ins over HTTPS only. Run npm start without --http (and with --install-cert once).` };
  }
  const port = origin ? new URL(origin).port || "443" : "3000";
  const args = stop
    ? ["--yes", OFFICE_ADDIN_DEBUGGING, "stop", manifest]
    : ["--yes", OFFICE_ADDIN_DEBUGGING, "start", manifest, "desktop", "--app", "outlook", "--no-debug", "--no-live-reload", "--dev-server-port", port];
  return {
    run: { command: "npx", args },
    message: stop
      ? `Removing the sideloaded add-in (${shown}) …`
      : `Sideloading ${shown} (served by npm start at ${origin ?? "?"}) into desktop Outlook with ${OFFICE_ADDIN_DEBUGGING} …`,
  };
}

function main(): number {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { stop: { type: "boolean", default: false }, manifest: { type: "string" } }, strict: true });
  const manifest = resolve(values.manifest ?? join(ROOT, "dist-dev", "manifest.xml"));
  const plan = sideloadPlan(process.platform, manifest, existsSync(manifest) ? readFileSync(manifest, "utf8") : undefined, values.stop ?? false);
  console.log(plan.message);
  if (!plan.run) return 1;
  // shell: npx is npx.cmd on Windows.
  const r = spawnSync(plan.run.command, [...plan.run.args], { stdio: "inherit", shell: process.platform === "win32" });
  if (r.status === 0 && !values.stop) {
    console.log("Done. Classic Outlook runs the send check unreliably from localhost (office-js #3677); the task pane works.");
    console.log("Remove it again with: npm run sideload -- --stop");
  }
  return r.status ?? 1;
}

if (require.main === module) process.exitCode = main();
