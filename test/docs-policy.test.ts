/**
 * docs/policy.md is the admin's reference: its default block must be the real built-in default,
 * and every field the parser accepts must be documented there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_POLICY, LIMIT_RANGES } from "../src/core";

const doc = readFileSync(join(__dirname, "..", "docs", "policy.md"), "utf8");

function leafPaths(node: unknown, prefix = ""): string[] {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe("docs/policy.md", () => {
  it("shows the built-in default exactly", () => {
    const section = doc.slice(doc.indexOf("## The built-in default"));
    const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block as string)).toEqual(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
  });

  it.each(leafPaths(DEFAULT_POLICY).filter((p) => !p.startsWith("secureRoute.")))("documents `%s`", (path) => {
    expect(doc).toContain(`\`${path}\``);
  });

  it.each(Object.entries(LIMIT_RANGES))("gives the range of limits.%s", (key, range) => {
    const row = doc.split("\n").find((l) => l.startsWith(`| \`limits.${key}\``));
    expect(row).toContain(`${range.min}–${range.max}`);
  });
});
