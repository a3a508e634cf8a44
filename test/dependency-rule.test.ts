// The dependency rule (and the size of core's units) is only as good as its enforcement: plant each known way around it in a
// throw-away folder inside core/, i18n/ and cli/, run the real lint over them, and expect every one
// to fail with the rule's own message. A rule loosened in eslint.config.mjs makes this test fail.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..");
const PROBE = `__dependency_rule_probe_${process.pid}__`;

interface Plant {
  readonly dir: string;
  readonly name: string;
  readonly code: string;
  readonly expect: RegExp;
}

const PLANTS: readonly Plant[] = [
  { dir: "src/core", name: "dynamic-react.ts", code: 'export const m = import("react");\n', expect: /may import only these npm packages/ },
  { dir: "src/core", name: "dynamic-computed.ts", code: 'const name = "react";\nexport const m = import(name);\n', expect: /import\(\) only with a literal/ },
  { dir: "src/core", name: "static-unlisted.ts", code: 'import { z } from "zod";\nexport const m = z;\n', expect: /may import only these npm packages/ },
  { dir: "src/core", name: "static-react.ts", code: 'import React from "react";\nexport const m = React;\n', expect: /knows nothing of Office or React/ },
  { dir: "src/core", name: "node-module.ts", code: 'import { readFileSync } from "node:fs";\nexport const m = readFileSync;\n', expect: /no Node modules/ },
  { dir: "src/core", name: "global-office.ts", code: "export const m = (globalThis as { Office?: unknown }).Office;\n", expect: /knows nothing of the host/ },
  { dir: "src/core", name: "global-process.ts", code: "export const m = globalThis.process;\n", expect: /knows nothing of the host/ },
  { dir: "src/core", name: "global-computed.ts", code: 'export const m = globalThis["process"];\n', expect: /knows nothing of the host/ },
  { dir: "src/core", name: "bare-office.ts", code: "export const m = Office;\n", expect: /Unexpected use of 'Office'/ },
  { dir: "src/core", name: "console.ts", code: 'export function f(): void {\n  console.log("x");\n}\n', expect: /Unexpected console/ },
  { dir: "src/core", name: "outward.ts", code: 'import { x } from "../../addin/office/capabilities";\nexport const m = x;\n', expect: /dependencies point inward only/ },
  { dir: "src/i18n", name: "process.ts", code: "export const m = (globalThis as { process?: unknown }).process;\n", expect: /knows nothing of the host/ },
  { dir: "src/i18n", name: "deep-core.ts", code: 'import { x } from "../core/detectors/cpr";\nexport const m = x;\n', expect: /import from core\/index.ts/ },
  { dir: "src/cli", name: "addin.ts", code: 'import { x } from "../addin/office/capabilities";\nexport const m = x;\n', expect: /the CLI never imports the add-in/ },
  { dir: "src/cli", name: "deep-core.ts", code: 'import { x } from "../core/detectors/cpr";\nexport const m = x;\n', expect: /import from core\/index.ts only/ },
  // Small units: a core file over 300 lines, a core function over 80 lines of code.
  { dir: "src/core", name: "long-file.ts", code: Array.from({ length: 301 }, (_, i) => `export const v${i} = ${i};`).join("\n") + "\n", expect: /too many lines \(301\)/ },
  { dir: "src/core", name: "long-function.ts", code: `export function f(): number {\n  let n = 0;\n${"  n += 1;\n".repeat(78)}  return n;\n}\n`, expect: /Function 'f' has too many lines/ },
];

interface LintMessage {
  readonly message: string;
  readonly ruleId: string | null;
}
interface LintResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
}

function lint(files: readonly string[]): LintResult[] {
  const eslint = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
  const run = spawnSync(process.execPath, [eslint, "--no-warn-ignored", "--format", "json", ...files], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.stdout.trim() === "") throw new Error(`eslint printed nothing: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintResult[];
}

describe("the dependency rule fails every planted violation", () => {
  const dirs = [...new Set(PLANTS.map((p) => join(ROOT, p.dir, PROBE)))];
  let results: Map<string, LintResult>;

  beforeAll(() => {
    const files: string[] = [];
    for (const plant of PLANTS) {
      const dir = join(ROOT, plant.dir, PROBE);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, plant.name);
      writeFileSync(file, plant.code);
      files.push(relative(ROOT, file));
    }
    try {
      results = new Map(lint(files).map((r) => [relative(ROOT, r.filePath), r]));
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each(PLANTS.map((p) => [`${p.dir}/${p.name}`, p] as const))("%s", (_label, plant) => {
    const result = results.get(join(plant.dir, PROBE, plant.name));
    expect(result).toBeDefined();
    const messages = (result?.messages ?? []).map((m) => m.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(plant.expect)]));
  });

  it("accepts what core really imports (the allow-list and relative paths)", () => {
    const dir = join(ROOT, "src/core", PROBE);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "allowed.ts");
    writeFileSync(file, 'import { inflateSync } from "fflate";\nimport { parse } from "tldts";\nimport { f } from "../finding";\nexport const m = [inflateSync, parse, f, import("@kenjiuno/msgreader")];\n');
    try {
      const [result] = lint([relative(ROOT, file)]);
      const ours = (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax");
      expect(ours).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
