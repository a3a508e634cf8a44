/**
 * `t(lang, key, vars)`: one typed lookup for every user-facing sentence. Keys are checked at
 * compile time against the Danish source; the test language renders `[[key]]` so tests can assert
 * which sentence was chosen without depending on its wording.
 */
import { da } from "./da";
import { en } from "./en";

export type Lang = "da" | "en";
/** Renders `[[key]]` (or `[[key name=value …]]` with vars) instead of a sentence. */
export const TEST_LANG = "test";
export type AnyLang = Lang | typeof TEST_LANG;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof da>;
export type Vars = Readonly<Record<string, string | number>>;

const TABLES: Readonly<Record<Lang, unknown>> = { da, en };

/**
 * Strict (throw on a missing key or placeholder) where a test or a development build turns it on
 * (jest: test/helpers/strict-i18n.ts); lenient by default, because a send handler must never crash on
 * a string. i18n cannot look at the host (`process`) itself: the dependency rule forbids it.
 */
let strict = false;

/** Strict in tests and development builds; lenient (the default) in production. */
export function setStrictKeys(value: boolean): void {
  strict = value;
}

function lookup(table: unknown, key: string): string | undefined {
  let node: unknown = table;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

function fill(template: string, key: string, vars: Vars | undefined): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = vars?.[name];
    if (value === undefined) {
      if (strict) throw new Error(`i18n: "${key}" needs {${name}}`);
      return whole;
    }
    return String(value);
  });
}

export function t(lang: AnyLang, key: MessageKey, vars?: Vars): string {
  if (lang === TEST_LANG) {
    const shown = vars ? Object.keys(vars).map((k) => ` ${k}=${String(vars[k])}`).join("") : "";
    return `[[${key}${shown}]]`;
  }
  const template = lookup(TABLES[lang], key) ?? lookup(da, key);
  if (template === undefined) {
    if (strict) throw new Error(`i18n: missing key "${key}" (${lang})`);
    return key;
  }
  return fill(template, key, vars);
}

/** "en…" in LC_ALL / LC_MESSAGES / LANG (first one set wins, as POSIX says) → English, else Danish. */
export function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("en") ? "en" : "da";
}
