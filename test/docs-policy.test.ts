/**
 * docs/policy.md (English) and docs/policy.da.md (Danish) are the admin's reference: each one's
 * default block must be the real built-in default, every field the parser accepts must be
 * documented with its default and an example, and the send budget must be stated as the add-in
 * really applies it (capped by HARD_CAP_MS).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_POLICY } from "../src/core";
import { LIMIT_RANGES, POLICY_KEYS } from "../src/core/policy/parse-policy";
import { HARD_CAP_MS } from "../src/core/extractors/limits";

const DOCS = [
  { file: "policy.md", defaultHeading: "## The built-in default", cap: `${HARD_CAP_MS / 1000} s` },
  { file: "policy.da.md", defaultHeading: "## Den indbyggede standardpolitik", cap: `${String(HARD_CAP_MS / 1000).replace(".", ",")} s` },
] as const;

function leafPaths(node: unknown, prefix = ""): string[] {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** Every key the parser accepts, as it is written in a file ("cpr.high", "secureRoute.tag"). */
function parserKeys(): string[] {
  const keys: string[] = POLICY_KEYS.top.filter((k) => k !== "$schema" && !["cpr", "lookalike", "limits", "secureRecipients", "secureRoute"].includes(k));
  for (const section of ["cpr", "lookalike", "limits", "secureRecipients"] as const) keys.push(...POLICY_KEYS[section].map((k) => `${section}.${k}`));
  return keys;
}

/** The JSON of every ```json block, parsed as an object (a fragment such as `"cpr": {…}` is wrapped). */
function examples(doc: string): Record<string, unknown>[] {
  return [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => {
    const text = (m[1] as string).trim();
    return JSON.parse(text.startsWith("{") ? text : `{${text}}`) as Record<string, unknown>;
  });
}

describe.each(DOCS)("docs/$file", ({ file, defaultHeading, cap }) => {
  const doc = readFileSync(join(__dirname, "..", "docs", file), "utf8");

  it("shows the built-in default exactly", () => {
    const section = doc.slice(doc.indexOf(defaultHeading));
    expect(doc.indexOf(defaultHeading)).toBeGreaterThan(0);
    const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block as string)).toEqual(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
  });

  it.each(leafPaths(DEFAULT_POLICY).filter((p) => !p.startsWith("secureRoute.")))("documents `%s`", (path) => {
    expect(doc).toContain(`\`${path}\``);
  });

  it.each(parserKeys())("gives `%s` a default and an example outside the default block", (key) => {
    const row = doc.split("\n").find((l) => l.startsWith(`| \`${key}\``));
    // A table row with a default (a code value or "required"), or a section of its own (language).
    expect(row ?? doc.slice(doc.indexOf(`### \`${key}\``), doc.indexOf(`### \`${key}\``) + 400)).toMatch(/`[^`]+`/);
    const set = examples(doc).slice(0, -1).some((e) => {
      let node: unknown = e;
      for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
      return node !== undefined;
    });
    const inline = doc.includes(`\`"${key}":`);
    expect(set || inline).toBe(true);
  });

  it.each(Object.entries(LIMIT_RANGES))("gives the range of limits.%s", (key, range) => {
    const row = doc.split("\n").find((l) => l.startsWith(`| \`limits.${key}\``));
    expect(row).toContain(`${range.min}–${range.max}`);
  });

  it("states the send budget as the add-in applies it (capped)", () => {
    const row = doc.split("\n").find((l) => l.startsWith("| `limits.sendBudgetMs`"));
    expect(row).toContain(cap);
    expect(row).toContain(String(HARD_CAP_MS));
  });

  it("links only to headings that exist (GitHub's anchors)", () => {
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-");
    for (const m of doc.matchAll(/\]\(([a-z][\w.-]*\.md)?#([^)]+)\)/g)) {
      const target = m[1] ? readFileSync(join(__dirname, "..", "docs", m[1]), "utf8") : doc;
      const anchors = target.split("\n").filter((l) => /^#+ /.test(l)).map((l) => slug(l.replace(/^#+ /, "")));
      expect({ link: m[0], found: anchors.includes(decodeURIComponent(m[2] as string)) }).toEqual({ link: m[0], found: true });
    }
  });

  it("points only to repository files that exist", () => {
    const { existsSync } = require("node:fs") as typeof import("node:fs");
    const paths = [...doc.matchAll(/`((?:src|scripts|test|examples|schemas|data|docs)\/[^`*<>]+?)`/g)].map((m) => m[1] as string);
    const links = [...doc.matchAll(/\]\(([a-z][\w.-]*\.md)(?:#[^)]*)?\)/g)].map((m) => `docs/${m[1] as string}`);
    for (const p of [...paths, ...links]) expect({ path: p, exists: existsSync(join(__dirname, "..", p)) }).toEqual({ path: p, exists: true });
  });
});
