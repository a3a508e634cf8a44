/**
 * One core, two adapters, same findings. Every .eml case goes through
 *  - the CLI adapter: .eml bytes → messageFromEml → Message, and
 *  - the Office adapter: the same mail put into the fake Outlook mailbox (attachments served as
 *    Base64 / Eml / Url as Outlook serves them) → read-message → Message,
 * and both Messages are scanned with the same policy and clock. The findings must be identical, and
 * the verdict must be the one the fixture's .expected.json states. The attachment fixtures get the
 * same treatment, one attachment per mail, to push every binary format through the base64 path.
 *
 * Both in-process sides read PDFs with core's mini reader (pdf.js cannot load in jest's CommonJS
 * sandbox). The real command reads them with pdf.js, so the last block runs it on every PDF fixture
 * and holds its findings to the add-in's (mini reader) ones. No examples/eml mail carries a PDF.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decideResult, messageFromEml, parsePolicy, scanMessage, type Message, type Policy } from "../../src/core/index";
import { readMessage } from "../../src/addin/office/read-message";
import { messageRecord } from "../../src/cli/report";
import { createFakeOffice } from "../../src/simulator/fake-office";
import { emlWithAttachments } from "./pdf-mail";

jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");
const NOW = new Date("2026-06-01T12:00:00Z");
const parsed = parsePolicy(JSON.parse(readFileSync(join(ROOT, "examples/policies/randers.policy.json"), "utf8")));
if (!parsed.ok) throw new Error("examples/policies/randers.policy.json is invalid");
// A generous budget: this compares results, it does not time them.
const POLICY: Policy = { ...parsed.policy, limits: { ...parsed.policy.limits, sendBudgetMs: 60_000 } };

async function viaOffice(message: Message): Promise<Message> {
  const fake = createFakeOffice(message);
  const item = fake.Office.context.mailbox.item!;
  const read = await readMessage(fake.Office, item, { maxAttachmentBytes: POLICY.limits.maxAttachmentBytes });
  return read.message;
}

/**
 * Outlook names an attached mail by its subject, without ".eml" (except on Mac): the findings'
 * attachment paths are compared without that extension on their first step.
 */
function withoutItemExtension<T>(findings: T): T {
  return JSON.parse(JSON.stringify(findings).replace(/("attachment":"[^"/]*?)\.eml(?=["/])/g, "$1")) as T;
}

async function scan(message: Message) {
  const result = await scanMessage(message, POLICY, { now: NOW });
  return { findings: result.findings, verdict: decideResult(result, POLICY).verdict };
}

const emlCases: Array<[string, string]> = [];
for (const dir of ["examples/eml", "test/fixtures/eml"]) {
  for (const f of readdirSync(join(ROOT, dir)).sort()) if (f.endsWith(".eml")) emlCases.push([`${dir}/${f}`, join(ROOT, dir, f)]);
}

describe("CLI adapter and Office adapter give the same findings", () => {
  it("has cases", () => expect(emlCases.length).toBeGreaterThanOrEqual(10));

  it.each(emlCases)("%s", async (name, path) => {
    const expected = JSON.parse(readFileSync(path.replace(/\.eml$/, ".expected.json"), "utf8")) as { verdict?: string; error?: unknown };
    const eml = await messageFromEml(new Uint8Array(readFileSync(path)));
    if (!eml.ok) {
      // Not a mail: the CLI reports an error; Outlook never hands us such a thing.
      expect(expected.error).toBeDefined();
      return;
    }
    const cli = await scan(eml.message);
    const office = await scan(await viaOffice(eml.message));
    expect(withoutItemExtension(office.findings)).toEqual(withoutItemExtension(cli.findings));
    expect(office.verdict).toBe(cli.verdict);
    expect(office.verdict).toBe(expected.verdict);
  });
});

const attachmentDir = join(ROOT, "test/fixtures/attachments");
const attachmentCases = readdirSync(attachmentDir)
  .filter((f) => !f.endsWith(".json") && f !== "src" && !f.startsWith("."))
  .sort();

describe("every attachment fixture reads the same through Outlook's base64", () => {
  it.each(attachmentCases)("%s", async (file) => {
    const bytes = new Uint8Array(readFileSync(join(attachmentDir, file)));
    const contentType = file.endsWith(".eml") ? "message/rfc822" : undefined;
    const message: Message = {
      subject: "Bilag",
      bodyText: "Se vedlagte.",
      recipients: [{ address: "borger@example.com", field: "to" }],
      attachments: [{ kind: "file", name: file, bytes, ...(contentType ? { contentType } : {}) }],
      from: "sagsbehandler@randers.dk",
    };
    const cli = await scan(message);
    const office = await scan(await viaOffice(message));
    expect(withoutItemExtension(office.findings)).toEqual(withoutItemExtension(cli.findings));
  });
});

describe("the command (pdf.js) and the add-in (mini reader) give the same findings on every PDF", () => {
  const pdfs = attachmentCases.filter((f) => f.endsWith(".pdf"));
  const policyFile = join(ROOT, "examples/policies/randers.policy.json");
  let temp: string;
  let cliLines: Map<string, Record<string, unknown>>;
  let stderr: string;

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "postvagt-adapters-"));
    for (const f of pdfs) writeFileSync(join(temp, `${f}.eml`), emlWithAttachments([{ name: f, bytes: new Uint8Array(readFileSync(join(attachmentDir, f))) }]));
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "postvagt.js"), "scan", "--json", "--policy", policyFile, temp], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    stderr = r.stderr;
    cliLines = new Map(
      r.stdout
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => {
          const line = JSON.parse(l) as Record<string, unknown>;
          return [line.file as string, line];
        }),
    );
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("has PDF fixtures, and the command loaded pdf.js (no fallback warning)", () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(7);
    expect(stderr).toBe("");
  });

  it.each(pdfs)("%s", async (file) => {
    const path = join(temp, `${file}.eml`);
    const eml = await messageFromEml(new Uint8Array(readFileSync(path)));
    if (!eml.ok) throw new Error(`${path} is not a mail`);
    // The command's own policy and real clock, so only the PDF reader differs.
    const policy = parsed.policy;
    const result = await scanMessage(await viaOffice(eml.message), policy);
    const office = messageRecord(path, result, decideResult(result, policy), policy, "da", 0);
    const cli = cliLines.get(path);
    expect(cli?.findings).toEqual(office.findings);
    expect(cli?.verdict).toBe(office.verdict);
  });
});
