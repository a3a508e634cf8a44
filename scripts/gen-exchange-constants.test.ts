/**
 * The Exchange scripts and the add-in cannot drift apart: the PowerShell constants are generated
 * from the add-in's marker constants, the rule scripts use only those constants (no header name or
 * pattern typed by hand), the patterns match what the add-in writes, and the removal rules come
 * after the counting rules. PowerShell itself is not run here (see docs/audit.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AUDIT_HEADER_NAME, buildMarker, MARKER_PATTERNS } from "../src/core/index";
import { CONSTANTS_PATH, constantsScript } from "./gen-exchange-constants";

const DIR = join(__dirname, "..", "deploy", "exchange");
const SCRIPTS = ["postvagt-rules.ps1", "postvagt-dlp.ps1"];

/** The script without comments (# lines and <# … #> blocks): only code is checked. */
function code(text: string): string {
  return text.replace(/<#[\s\S]*?#>/g, "").replace(/(^|\s)#.*$/gm, "$1");
}

describe("Exchange scripts and the add-in share one set of constants", () => {
  it("the generated constants are up to date (npx tsx scripts/gen-exchange-constants.ts)", () => {
    expect(readFileSync(CONSTANTS_PATH, "utf8")).toBe(constantsScript());
    expect(constantsScript()).toContain(`$PostvagtHeader = '${AUDIT_HEADER_NAME}'`);
    expect(constantsScript()).toContain(`$PostvagtPatternWarnSent = '${MARKER_PATTERNS.warnSent}'`);
  });

  it.each(SCRIPTS)("%s dot-sources the constants and types no header name or pattern itself", (name) => {
    const text = code(readFileSync(join(DIR, name), "utf8"));
    expect(text).toContain(". (Join-Path $PSScriptRoot 'postvagt-constants.ps1')");
    // Quoted as a value: the name or a pattern typed by hand (free text in -Comments may mention them).
    expect(text).not.toMatch(/'X-Postvagt(-Counted)?'|'\^v=1|'verdict=|'route=/);
  });

  it("the rules use every marker pattern", () => {
    const text = code(readFileSync(join(DIR, "postvagt-rules.ps1"), "utf8"));
    for (const v of ["$PostvagtHeader", "$PostvagtPatternAny", "$PostvagtPatternWarnSent", "$PostvagtPatternRouteSubjectTag", "$PostvagtCountedHeader"]) {
      expect(text).toContain(v);
    }
  });

  it("the patterns match what the add-in writes, and only that", () => {
    const any = new RegExp(MARKER_PATTERNS.any);
    const warn = new RegExp(MARKER_PATTERNS.warnSent);
    const route = new RegExp(MARKER_PATTERNS.routeSubjectTag);
    const allow = buildMarker({ verdict: "allow", cpr: 0, lookalike: 0, unreadable: 0 });
    const warned = buildMarker({ verdict: "warn-sent", cpr: 1, lookalike: 0, unreadable: 0, warned: ["cpr.medium"] });
    const routed = buildMarker({ verdict: "route", cpr: 1, lookalike: 0, unreadable: 0, route: "subject-tag" });
    const labelled = buildMarker({ verdict: "route", cpr: 1, lookalike: 0, unreadable: 0, route: "label" });
    for (const m of [allow, warned, routed, labelled]) expect(m).toMatch(any);
    expect(["", "checked", "v=2; verdict=allow", "x v=1;"].filter((m) => any.test(m))).toEqual([]);
    expect([allow, warned, routed, labelled].filter((m) => warn.test(m))).toEqual([warned]);
    expect([allow, warned, routed, labelled].filter((m) => route.test(m))).toEqual([routed]);
  });

  it("counts before it removes: rules 9a/9b come after rules 1, 2, 3a and 3b", () => {
    const text = readFileSync(join(DIR, "postvagt-rules.ps1"), "utf8");
    const offset = (rule: string): number => {
      // The backstop's settings are built before its Set-PostvagtRule call (actions depend on -Backstop).
      const at = rule === "Backstop" ? text.indexOf("$backstop = @{") : text.indexOf(`Set-PostvagtRule $names.${rule}`);
      const m = /Priority\s*=\s*\$FirstPriority(?:\s*\+\s*(\d+))?/.exec(text.slice(at));
      return m ? Number(m[1] ?? 0) : NaN;
    };
    const counting = ["Backstop", "WarnSent", "RouteMarker", "RouteSubject"].map(offset);
    const removing = ["RemoveMarker", "RemoveHelper"].map(offset);
    expect(counting.concat(removing).every((n) => Number.isInteger(n))).toBe(true);
    expect(Math.min(...removing)).toBeGreaterThan(Math.max(...counting));
    expect(new Set(counting.concat(removing)).size).toBe(6);
  });

  it("asks for no incident report that would copy content", () => {
    for (const name of SCRIPTS) {
      const text = code(readFileSync(join(DIR, name), "utf8"));
      expect(text).not.toMatch(/GenerateIncidentReport|IncidentReportContent/);
    }
  });
});
