import { hasSubjectTag, withSubjectTag, withoutSubjectTag } from "./subject-tag";

describe("withSubjectTag", () => {
  it.each([
    ["Ansøgning om boligstøtte", "[sikker]", "[sikker] Ansøgning om boligstøtte"],
    ["", "[sikker]", "[sikker]"],
    ["  mellemrum  ", "[sikker]", "[sikker] mellemrum"],
    ["[sikker] allerede mærket", "[sikker]", "[sikker] allerede mærket"],
    ["SV: [SIKKER] svar", "[sikker]", "SV: [SIKKER] svar"],
  ])("%j + %s → %j", (subject, tag, expected) => {
    expect(withSubjectTag(subject, tag)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = withSubjectTag("Sag", "#secure");
    expect(withSubjectTag(once, "#secure")).toBe(once);
    expect(hasSubjectTag(once, "#secure")).toBe(true);
  });
});

describe("withoutSubjectTag", () => {
  it.each([
    ["[sikker] Boligstøtte", "Boligstøtte"],
    ["[SIKKER] Boligstøtte", "Boligstøtte"],
    ["Sag [sikker] 12", "Sag 12"],
    ["[sikker]", ""],
    ["Boligstøtte", "Boligstøtte"],
  ])("%j → %j", (subject, expected) => {
    expect(withoutSubjectTag(subject, "[sikker]")).toBe(expected);
  });

  it("undoes withSubjectTag", () => {
    for (const s of ["Boligstøtte", "  Sag 12", ""]) expect(withoutSubjectTag(withSubjectTag(s, "[sikker]"), "[sikker]")).toBe(s.trim());
  });
});
