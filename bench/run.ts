/**
 * `npm run bench`: runs every bench/*.bench.ts in turn; `npm run bench -- chromium extract` runs
 * those whose file name contains one of the words (cli, cpr, extract, lookalike, pdf, policy,
 * send, bundle, chromium). `BENCH_RUNS=N` sets the runs where a bench counts them. Each file exports `bench(): Promise<void>`
 * that prints its own rows, always side by side with a baseline measured in the same run.
 * Not a test: nothing here fails the build; the targets are printed next to the figures.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  if (files.length === 0) {
    const all = readdirSync(__dirname).filter((f) => f.endsWith(".bench.ts"));
    throw new Error(`no bench matches ${only.join(" ")}; there are: ${all.map((f) => f.replace(".bench.ts", "")).join(", ")}`);
  }
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { bench: () => Promise<void> };
    console.log(`\n## ${file}`);
    await mod.bench();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
