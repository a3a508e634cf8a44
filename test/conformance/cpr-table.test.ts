/**
 * The CPR conformance table (docs/cpr-rule.en.md): each context × each written form × each
 * carrier gives the confidence stated in scripts/fixtures/cpr-conformance-cases.ts. The office and
 * PDF carriers are LibreOffice's own output (scripts/make-cpr-conformance-fixtures.ts), so the
 * table holds for files as a producer writes them, not as we imagine them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CprFinding } from "../../src/core/finding";
import type { Message } from "../../src/core/message";
import { DEFAULT_POLICY } from "../../src/core/policy/default-policy";
import { scanMessage } from "../../src/core/scan";

const DIR = join(__dirname, "..", "fixtures", "cpr-conformance");
const NOW = new Date(2026, 10, 23);

interface Row {
  readonly id: string;
  readonly context: string;
  readonly form: string;
  readonly count: number;
  readonly expected: "high" | "medium" | "low" | "none";
}
const rows = JSON.parse(readFileSync(join(DIR, "cases.json"), "utf8")) as Row[];

const CARRIERS = ["plain-body", "html-body", "txt", "csv", "docx", "odt", "xlsx", "ods", "pdf", "html"] as const;
type Carrier = (typeof CARRIERS)[number];

function messageFor(row: Row, carrier: Carrier): Message {
  const base = { subject: "Sag", recipients: [], attachments: [] };
  const read = (ext: string): Buffer => readFileSync(join(DIR, `${row.id}.${ext}`));
  if (carrier === "plain-body") return { ...base, bodyText: read("txt").toString("utf8") };
  if (carrier === "html-body") return { ...base, bodyHtml: read("html").toString("utf8") };
  // A neutral attachment name: a name is scanned too, and must not add a keyword.
  return { ...base, attachments: [{ kind: "file", name: `bilag.${carrier}`, bytes: new Uint8Array(read(carrier)) }] };
}

async function levels(row: Row, carrier: Carrier): Promise<string[]> {
  const r = await scanMessage(messageFor(row, carrier), DEFAULT_POLICY, { now: NOW });
  return r.findings
    .filter((f): f is CprFinding => f.kind === "cpr" && f.location.place?.kind !== "file-name")
    .map((f) => f.confidence);
}

describe.each(CARRIERS.map((c) => [c]))("%s", (carrier) => {
  it.each(rows.map((r) => [r.id, r]))("%s", async (_id, row) => {
    const got = await levels(row as Row, carrier as Carrier);
    const r = row as Row;
    const want = r.expected === "none" ? [] : new Array<string>(r.count).fill(r.expected);
    expect(got).toEqual(want);
  });
});

it("the table covers 8 contexts × 5 forms", () => {
  expect(new Set(rows.map((r) => r.context)).size).toBe(8);
  expect(new Set(rows.map((r) => r.form)).size).toBe(5);
});
