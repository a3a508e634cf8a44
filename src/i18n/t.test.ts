import { da } from "./da";
import { en } from "./en";
import { langFromLocale, setStrictKeys, t, TEST_LANG, type MessageKey } from "./t";

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1] as string).sort();

describe("t", () => {
  it("fills placeholders, in Danish and English", () => {
    expect(t("da", "findings.cpr.sentence", { masked: "241210-****", where: "emnefeltet" })).toBe("CPR-nummer 241210-**** i emnefeltet");
    expect(t("en", "findings.cpr.sentence", { masked: "241210-****", where: "the subject" })).toBe("CPR number 241210-**** in the subject");
  });

  it("renders keys in the test language", () => {
    expect(t(TEST_LANG, "findings.where.subject")).toBe("[[findings.where.subject]]");
    expect(t(TEST_LANG, "findings.place.page", { page: 3 })).toBe("[[findings.place.page page=3]]");
  });

  it("throws on a missing key in tests", () => {
    expect(() => t("da", "findings.nope" as MessageKey)).toThrow('missing key "findings.nope"');
  });

  it("throws on a missing placeholder value in tests", () => {
    expect(() => t("da", "findings.place.page")).toThrow("needs {page}");
  });

  it("never crashes outside tests: the key or the raw placeholder is shown instead", () => {
    setStrictKeys(false);
    try {
      expect(t("da", "findings.nope" as MessageKey)).toBe("findings.nope");
      expect(t("da", "findings.place.page")).toBe("side {page}");
    } finally {
      setStrictKeys(true);
    }
  });

  const daLeaves = leaves(da);
  const enLeaves = new Map(leaves(en));

  it("has an English sentence for every Danish key, and no extra ones", () => {
    expect([...enLeaves.keys()].sort()).toEqual(daLeaves.map(([k]) => k).sort());
  });

  it.each(daLeaves)("%s uses the same placeholders in both languages", (key, daText) => {
    expect(placeholders(enLeaves.get(key) ?? "")).toEqual(placeholders(daText));
  });
});

describe("langFromLocale", () => {
  it.each<[Record<string, string | undefined>, "da" | "en"]>([
    [{}, "da"],
    [{ LANG: "da_DK.UTF-8" }, "da"],
    [{ LANG: "en_US.UTF-8" }, "en"],
    [{ LANG: "C.UTF-8" }, "da"],
    [{ LANG: "en_GB.UTF-8", LC_ALL: "da_DK.UTF-8" }, "da"],
    [{ LANG: "da_DK.UTF-8", LC_ALL: "en_US.UTF-8" }, "en"],
    [{ LANG: "da_DK.UTF-8", LC_MESSAGES: "en_US" }, "en"],
    [{ LC_ALL: "", LANG: "en" }, "en"],
  ])("%j → %s", (env, lang) => {
    expect(langFromLocale(env)).toBe(lang);
  });
});
