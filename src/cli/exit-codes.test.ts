/** Every exit code is documented where admins look: docs/cli.md's table and the usage text. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { t } from "../i18n/t";
import { EXIT } from "./exit-codes";

const CLI_DOC = readFileSync(join(__dirname, "..", "..", "docs", "cli.md"), "utf8");

describe("exit codes", () => {
  it("are distinct", () => {
    const codes = Object.keys(EXIT).map((k) => EXIT[k as keyof typeof EXIT]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(Object.keys(EXIT))("%s has a row in docs/cli.md", (name) => {
    expect(CLI_DOC).toMatch(new RegExp(`^\\| ${EXIT[name as keyof typeof EXIT]} \\| `, "m"));
  });

  it.each(["da", "en"] as const)("are all in the %s usage text", (lang) => {
    const usage = t(lang, "cli.usage");
    for (const code of Object.keys(EXIT).map((k) => EXIT[k as keyof typeof EXIT])) expect(usage).toMatch(new RegExp(`\\b${code} `));
  });

  it("keep their old meanings: usage and policy errors stay 2, verdicts 0 and 1", () => {
    expect([EXIT.allowed, EXIT.flagged, EXIT.usage]).toEqual([0, 1, 2]);
  });
});
