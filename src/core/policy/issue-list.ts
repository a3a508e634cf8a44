/**
 * Collecting the problems of one policy file as values (PolicyIssue), each naming its field, and
 * the small helpers every section's parser uses to describe what it found.
 */
import type { FoundValue, PolicyIssue, PolicyIssueCode, PolicyIssueHint, PolicyIssueValues } from "./policy-issue";

/** Issues reported by their text; a 100,000-entry list of mistakes is reported by its first 200 and the count of the rest. */
const MAX_ISSUES = 200;
/** Keys longer than this get no did-you-mean (its cost is the product of the lengths). */
const MAX_GUESS_KEY = 64;

export type Json = unknown;
export type Obj = Readonly<Record<string, Json>>;

export class Issues {
  readonly list: PolicyIssue[] = [];
  private more = 0;
  add(path: string, code: PolicyIssueCode, problem: string, hint: PolicyIssueHint, values: PolicyIssueValues = {}): void {
    if (this.list.length >= MAX_ISSUES) {
      this.more++;
      return;
    }
    this.list.push({ path, code, message: path === "" ? problem : `${path}: ${problem}`, hint, values });
  }
  /** The issues, with one last line counting those left out. */
  done(): PolicyIssue[] {
    if (this.more > 0) {
      const code = this.list[0]?.code ?? "invalid-json";
      this.list.push({ path: "", code, message: `... and ${this.more} more issues of the same kinds`, hint: "more-issues", values: { count: this.more } });
    }
    return this.list;
  }
}

export function found(value: Json): FoundValue {
  if (value === null) return { text: "null" };
  if (Array.isArray(value)) return { kind: "array" };
  if (typeof value === "string") return { text: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value) };
  if (typeof value === "number") return { text: Number.isNaN(value) ? "NaN" : String(value) };
  if (typeof value === "object") return { kind: "object" };
  return { text: String(value) };
}

export function describe(value: Json): string {
  const f = found(value);
  return "text" in f ? f.text : f.kind === "array" ? "an array" : "an object";
}

export function isObject(value: Json): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Optimal-string-alignment distance (a swap of neighbours costs 1): for did-you-mean on keys and values. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 4)) ? best : undefined;
}

export function checkKeys(obj: Obj, allowed: readonly string[], base: string, issues: Issues): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const guess = key.length <= MAX_GUESS_KEY ? closest(key, allowed) : undefined;
    const listed = allowed.filter((k) => k !== "$schema");
    // A key is shown at most 60 characters long: a 1 MB key must not become a 1 MB message.
    const shownKey = key.length > 60 ? `${key.slice(0, 57)}...` : key;
    issues.add(
      join(base, shownKey),
      "unknown-key",
      `unknown key "${shownKey}"${guess ? `; did you mean "${guess}"?` : `; allowed here: ${listed.join(", ")}`}`,
      guess ? "unknown-key-guess" : "unknown-key",
      guess ? { key: shownKey, guess } : { key: shownKey, allowed: listed },
    );
  }
}

export function join(base: string, key: string): string {
  return base === "" ? key : `${base}.${key}`;
}
