/**
 * src/core/audit/marker.ts → deploy/exchange/postvagt-constants.ps1
 *
 *   npx tsx scripts/gen-exchange-constants.ts           writes the PowerShell constants
 *   npx tsx scripts/gen-exchange-constants.ts --check   writes nothing; exits 1 when out of sync
 *
 * The Exchange rules match the header the add-in writes. Both take the header name and the value
 * patterns from the same constants (MARKER_PATTERNS), so they cannot drift apart; the test beside
 * this script fails when the generated file or a rule script disagrees with the add-in.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AUDIT_HEADER_NAME, AUDIT_MARKER_VERSION, MARKER_PATTERNS, MARKER_ROUTES, MARKER_VERDICTS } from "../src/core/index";

export const CONSTANTS_PATH = join(__dirname, "..", "deploy", "exchange", "postvagt-constants.ps1");

/** Single-quoted PowerShell string: a quote is doubled, nothing else is special. */
function ps(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function constantsScript(): string {
  return [
    "# GENERATED from src/core/audit/marker.ts by scripts/gen-exchange-constants.ts. Do not edit:",
    "# change the add-in's constants and run `npx tsx scripts/gen-exchange-constants.ts`.",
    "# Dot-sourced by the other scripts in this folder, so rules and add-in use the same names.",
    "",
    "# The one header the add-in writes on every mail it lets go (docs/audit.md).",
    `$PostvagtHeader = ${ps(AUDIT_HEADER_NAME)}`,
    `$PostvagtMarkerVersion = ${AUDIT_MARKER_VERSION}`,
    "# Regular expressions on the header's value.",
    `$PostvagtPatternAny = ${ps(MARKER_PATTERNS.any)}`,
    `$PostvagtPatternWarnSent = ${ps(MARKER_PATTERNS.warnSent)}`,
    `$PostvagtPatternRouteSubjectTag = ${ps(MARKER_PATTERNS.routeSubjectTag)}`,
    "# Values the add-in writes, for reference.",
    `$PostvagtVerdicts = @(${MARKER_VERDICTS.map(ps).join(", ")})`,
    `$PostvagtRoutes = @(${MARKER_ROUTES.map(ps).join(", ")})`,
    "# A helper header only Exchange sets (counting rules), removed with the marker on the way out.",
    `$PostvagtCountedHeader = ${ps(`${AUDIT_HEADER_NAME}-Counted`)}`,
    "",
  ].join("\n");
}

function main(argv: readonly string[]): number {
  const text = constantsScript();
  if (argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(CONSTANTS_PATH, "utf8");
    } catch {
      // missing: out of sync
    }
    if (current !== text) {
      process.stderr.write(`${CONSTANTS_PATH} is out of date: run npx tsx scripts/gen-exchange-constants.ts\n`);
      return 1;
    }
    return 0;
  }
  writeFileSync(CONSTANTS_PATH, text);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
