/**
 * The development build behind `npm start`: the same webpack configs as `npm run build`
 * (webpack.config.js), in development mode, with webpack's persistent filesystem cache in
 * .cache/webpack and output in dist-dev/ (both gitignored), watched so a saved file rebuilds only
 * what changed. `npm run build` (production, dist/) is untouched: tests and deployment use it.
 *
 * The send bundle stays what classic Outlook's JavaScript-only runtime needs in development too:
 * scripts/webpack/addin.js gives launchevent.js no devtool (so no eval source maps) and no
 * dev-server client is ever added here (webpack's watch only, no webpack-dev-server);
 * scripts/dev-build.test.ts checks the development bundle is still one ES2016 script.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import webpack from "webpack";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
export const DEV_DIST = join(ROOT, "dist-dev");
export const CACHE_DIR = join(ROOT, ".cache", "webpack");

/** The files that make up the build's configuration: a change to any of them drops the cache. */
const CONFIG_FILES = ["webpack.config.js", "scripts/webpack/addin.js", "scripts/webpack/simulator.js", "scripts/webpack/manifest.js", "package-lock.json"].map((f) =>
  join(ROOT, f),
);

/**
 * The cache's version: a hash of the configuration files. Not webpack's `buildDependencies`,
 * which follows their require() graph into tsx (addin.js loads the default policy through it) and
 * then fails on tsx's `?namespace=` paths, so that nothing is ever cached.
 */
function configVersion(): string {
  const hash = createHash("sha256");
  for (const f of CONFIG_FILES) hash.update(existsSync(f) ? readFileSync(f) : "");
  return hash.digest("hex").slice(0, 16);
}

type MakeConfigs = (env: Record<string, string>, argv: { mode: string }) => webpack.Configuration[];

export interface DevBuildOptions {
  /** The origin the add-in is served from (goes into the manifest and the send bundle). */
  readonly baseUrl?: string;
  /** Where the bundles go (default dist-dev/); each config's folder under dist/ is moved here. */
  readonly outDir?: string;
  /** Only these configs by name (tests build just "launchevent"). */
  readonly only?: readonly string[];
  /** webpack's cache folder (default .cache/webpack). */
  readonly cacheDir?: string;
}

/** The production configs, turned into development ones with the persistent cache. */
export function devConfigs(options: DevBuildOptions = {}): webpack.Configuration[] {
  const make = require(join(ROOT, "webpack.config.js")) as MakeConfigs;
  const outDir = options.outDir ?? DEV_DIST;
  const env: Record<string, string> = options.baseUrl ? { ADDIN_BASE_URL: options.baseUrl } : {};
  const version = configVersion();
  return make(env, { mode: "development" })
    .filter((c) => !options.only || options.only.includes(c.name ?? ""))
    .map((c) => {
      const path = c.output?.path ?? DIST;
      const within = relative(DIST, path);
      if (within.startsWith("..")) throw new Error(`${c.name}: output ${path} is outside dist/`);
      return {
        ...c,
        mode: "development",
        output: { ...c.output, path: within === "" ? outDir : join(outDir, within) },
        cache: {
          type: "filesystem",
          cacheDirectory: options.cacheDir ?? CACHE_DIR,
          name: `${c.name ?? "config"}-development`,
          version,
          // Written as soon as the first build is done (webpack waits 5 s by default), so a start
          // stopped right after it still leaves a full cache; npm start also flushes it on Ctrl+C.
          idleTimeoutForInitialStore: 0,
        },
        // Every module from the cache is checked by timestamp; node_modules by package version.
        snapshot: { managedPaths: [join(ROOT, "node_modules") + sep] },
        // Warnings too: a cache that cannot be written says so instead of silently slowing every start.
        infrastructureLogging: { level: "warn" },
      } satisfies webpack.Configuration;
    });
}

export function hasCache(): boolean {
  return existsSync(CACHE_DIR);
}

/** Progress lines for a long first build: at each tenth, or every 5 s, never more often. */
export function progressPrinter(print: (line: string) => void, now: () => number = () => performance.now()): (fraction: number, step: string) => void {
  const started = now();
  let lastTenth = -1;
  let lastAt = started;
  return (fraction, step) => {
    const tenth = Math.floor(fraction * 10);
    const at = now();
    if (tenth === lastTenth && at - lastAt < 5000) return;
    if (fraction >= 1) return;
    lastTenth = tenth;
    lastAt = at;
    print(`  ${String(Math.round(fraction * 100)).padStart(3)} %  ${step}  (${((at - started) / 1000).toFixed(0)} s)`);
  };
}

/**
 * `tsx scripts/dev-build.ts [--out DIR] [--cache DIR] [--only NAME]... [--base-url URL]`: one
 * development build, no watch, no server (the tests run it in a child process, as npm start does).
 */
function runOnce(argv: readonly string[]): void {
  const { parseArgs } = require("node:util") as typeof import("node:util");
  const { values } = parseArgs({
    args: [...argv],
    options: { out: { type: "string" }, cache: { type: "string" }, only: { type: "string", multiple: true }, "base-url": { type: "string" } },
    strict: true,
  });
  const compiler = webpack(
    devConfigs({
      ...(values.out ? { outDir: resolve(values.out) } : {}),
      ...(values.cache ? { cacheDir: resolve(values.cache) } : {}),
      ...(values.only ? { only: values.only } : {}),
      ...(values["base-url"] ? { baseUrl: values["base-url"] } : {}),
    }),
  );
  compiler.run((error, stats) => {
    if (error || !stats || stats.hasErrors()) {
      console.error(error ? String(error) : stats?.toString({ all: false, errors: true }));
      process.exitCode = 1;
    }
    // close() writes the cache before the process ends.
    compiler.close(() => undefined);
  });
}

if (require.main === module) runOnce(process.argv.slice(2));
