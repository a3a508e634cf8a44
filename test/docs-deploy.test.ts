/**
 * docs/deploy.md (Danish) and docs/deploy.en.md must stay true to the repo: the files they point
 * at exist, the policy cache lifetime they promise is the add-in's, the two languages have the same
 * sections, and the DPIA text is there in both.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { POLICY_MAX_AGE_MS } from "../src/core/extractors/limits";

const ROOT = join(__dirname, "..");
const da = readFileSync(join(ROOT, "docs", "deploy.md"), "utf8");
const en = readFileSync(join(ROOT, "docs", "deploy.en.md"), "utf8");

/** Repo paths the text names: `examples/...`, `deploy/...`, `schemas/...`, and relative links. */
function repoPaths(doc: string): string[] {
  const named = [...doc.matchAll(/`((?:examples|deploy|schemas|docs|src|test|data)\/[^`\s]+)`/g)].map((m) => m[1]!);
  const linked = [...doc.matchAll(/\]\((\.\.\/[^)#\s]+|[a-z][\w.-]*\.md)(?:#[^)]*)?\)/g)].map((m) =>
    m[1]!.startsWith("../") ? m[1]!.slice(3) : `docs/${m[1]!}`,
  );
  return [...new Set([...named, ...linked])];
}

const headings = (doc: string) => doc.split("\n").filter((l) => /^##+ /.test(l)).map((l) => l.replace(/^(#+) (\d+\.)?.*$/, "$1 $2"));

describe.each([
  ["docs/deploy.md", da],
  ["docs/deploy.en.md", en],
])("%s", (_name, doc) => {
  it.each(repoPaths(doc))("names %s, which exists", (path) => {
    expect(existsSync(join(ROOT, path))).toBe(true);
  });

  it("promises the add-in's real policy cache lifetime", () => {
    const minutes = POLICY_MAX_AGE_MS / 60_000;
    expect(minutes).toBe(15);
    expect(doc).toMatch(new RegExp(`\\b${minutes} (minutter|minutes)\\b`));
  });

  it("gives the build command with ADDIN_BASE_URL and the three ways to turn Postvagt off", () => {
    expect(doc).toContain("ADDIN_BASE_URL=https://addins.example.dk/postvagt npm run build");
    expect(doc).toContain("emergency-allow.policy.json");
    expect(doc).toContain("Set-OrganizationAddIn -ProductId <id> -Enabled $false");
    expect(doc).toContain("Set-OrganizationAddInAssignments -Remove");
  });
});

describe("the two languages", () => {
  it("have the same numbered sections", () => {
    expect(headings(en)).toEqual(headings(da));
  });

  it("both carry the DPIA text", () => {
    expect(da).toMatch(/> \*\*Postvagt \(Outlook-tilføjelsesprogram\) – behandling af personoplysninger\*\*/);
    expect(en).toMatch(/> \*\*Postvagt \(Outlook add-in\): processing of personal data\*\*/);
  });
});
