import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** dist/ must hold a build of the current sources: say so instead of timing a stale bundle. */
export function staleBuild(distFile: string, sourceDirs: readonly string[]): string | undefined {
  if (!existsSync(distFile)) return `${distFile} is missing: run \`npm run build\` first`;
  const built = statSync(distFile).mtimeMs;
  const newest = (dir: string): number => {
    let latest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? newest(full) : /\.test\.tsx?$/.test(entry.name) ? 0 : statSync(full).mtimeMs);
    }
    return latest;
  };
  const newer = sourceDirs.filter((dir) => newest(dir) > built);
  return newer.length > 0 ? `${distFile} is older than the sources under ${newer.join(", ")}: run \`npm run build\` first` : undefined;
}

