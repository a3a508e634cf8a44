import { displayFor, effectiveReasons, groupReasons, initialRoute, INTENT, themeFor, topLevelAttachment, type RouteState } from "./pane-model";
import { cprFinding, encryptedZip, lookalike, verdictOf } from "./test-data";

const inBody = cprFinding("150650-****", { part: "body" });
const inSubject = cprFinding("241210-****", { part: "subject" });
const inDocx = cprFinding("150650-****", { part: "attachment", attachment: "Ansøgning.docx", place: { kind: "page", page: 2 } });

const none: RouteState = { kind: "none" };
const tagApplied: RouteState = { kind: "subject-tag", tag: "[sikker]", applied: true };
const tagNotApplied: RouteState = { kind: "subject-tag", tag: "[sikker]", applied: false };

describe("displayFor: which MessageBar", () => {
  it.each([
    ["nothing found", verdictOf([]), none, "allow", "success"],
    ["a CPR number that blocks", verdictOf([{ finding: inBody, action: "block" }]), none, "block", "error"],
    ["a look-alike that warns", verdictOf([{ finding: lookalike, action: "warn" }]), none, "warn", "warning"],
    ["only an encrypted zip (warn)", verdictOf([{ finding: encryptedZip, action: "warn" }]), none, "unchecked", "info"],
    ["an encrypted zip the policy allows", verdictOf([{ finding: encryptedZip, action: "allow" }]), none, "unchecked", "info"],
    ["a low-confidence number only", verdictOf([{ finding: inBody, action: "allow" }]), none, "allow", "success"],
    ["a timeout with nothing found", { verdict: "warn", reasons: [], incomplete: "timeout" } as const, none, "unchecked", "info"],
    ["a CPR number once the route is applied", verdictOf([{ finding: inDocx, action: "block" }]), tagApplied, "allow", "success"],
    ["a CPR number, route not yet applied", verdictOf([{ finding: inDocx, action: "block" }]), tagNotApplied, "block", "error"],
    [
      "the route never covers a wrong recipient",
      verdictOf([{ finding: inDocx, action: "block" }, { finding: lookalike, action: "block" }]),
      tagApplied,
      "block",
      "error",
    ],
    // No route encrypts the subject: the pane must agree with the send handler (core's protectedBySecureRoute).
    ["a CPR number in the subject stays with the route applied", verdictOf([{ finding: inSubject, action: "block" }]), tagApplied, "block", "error"],
    ["an error fail mode stays with the route applied", { verdict: "block", reasons: [], incomplete: "error" } as const, tagApplied, "block", "error"],
  ] as const)("%s → %s", (_name, verdict, route, display, intent) => {
    expect(displayFor(verdict, route)).toBe(display);
    expect(INTENT[displayFor(verdict, route)]).toBe(intent);
  });
});

describe("effectiveReasons", () => {
  it("turns covered findings into 'allow' once the route is applied, and only then", () => {
    const verdict = verdictOf([{ finding: inBody, action: "block" }, { finding: encryptedZip, action: "warn" }, { finding: lookalike, action: "block" }]);
    expect(effectiveReasons(verdict, tagApplied).map((r) => r.action)).toEqual(["allow", "allow", "block"]);
    expect(effectiveReasons(verdict, tagNotApplied).map((r) => r.action)).toEqual(["block", "warn", "block"]);
  });
});

describe("groupReasons", () => {
  it("groups CPR numbers by place: subject, body, each attachment, folding repeats", () => {
    const grouped = groupReasons([
      { finding: inDocx, action: "block" },
      { finding: inBody, action: "warn" },
      { finding: inSubject, action: "block" },
      { finding: inBody, action: "block" },
      { finding: lookalike, action: "block" },
      { finding: encryptedZip, action: "warn" },
    ]);
    expect(grouped.cpr.map((g) => g.key)).toEqual(["subject", "body", "attachment:Ansøgning.docx"]);
    const body = grouped.cpr[1]!;
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]!.count).toBe(2);
    expect(body.rows[0]!.reason.action).toBe("block");
    expect(grouped.recipients.map((r) => r.finding)).toEqual([lookalike]);
    expect(grouped.unreadable.map((r) => r.finding)).toEqual([encryptedZip]);
  });
});

describe("initialRoute", () => {
  it.each([
    [{ kind: "none" } as const, { kind: "none" }],
    [{ kind: "subject-tag", tag: "[sikker]" } as const, { kind: "subject-tag", tag: "[sikker]", applied: false }],
    [
      { kind: "sensitivity-label", labelId: "guid", labelName: "Fortrolig" } as const,
      { kind: "sensitivity-label", labelId: "guid", label: "Fortrolig", applied: false, support: "not-supported" },
    ],
  ])("%j", (route, expected) => {
    expect(initialRoute(route)).toEqual(expected);
  });
});

describe("topLevelAttachment", () => {
  it.each([
    ["Bilag.zip/notat.txt", ["Bilag.zip"], "Bilag.zip"],
    ["Bilag.zip", ["Bilag.zip"], "Bilag.zip"],
    ["a/b/c.txt", ["a", "a/b"], "a/b"],
    ["Bilag.zip.txt", ["Bilag.zip"], "Bilag.zip.txt"],
    ["Ukendt.zip/x.txt", [], "Ukendt.zip"],
  ])("%s in %j → %s", (path, names, top) => {
    expect(topLevelAttachment(path, names)).toBe(top);
  });
});

describe("themeFor", () => {
  it.each([
    [{ forcedColors: true, prefersDark: false, officeTheme: { bodyBackgroundColor: "#ffffff" } }, "contrast"],
    [{ forcedColors: false, prefersDark: false, officeTheme: { bodyBackgroundColor: "#262626" } }, "dark"],
    [{ forcedColors: false, prefersDark: true, officeTheme: { bodyBackgroundColor: "#FFFFFF" } }, "light"],
    [{ forcedColors: false, prefersDark: false, officeTheme: { isDarkTheme: true } }, "dark"],
    [{ forcedColors: false, prefersDark: true }, "dark"],
    [{ forcedColors: false, prefersDark: false, officeTheme: { bodyBackgroundColor: "nonsense" } }, "light"],
  ] as const)("%j → %s", (signals, theme) => {
    expect(themeFor(signals)).toBe(theme);
  });
});
