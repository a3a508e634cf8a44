/**
 * One core, two adapters, same findings. Every .eml case goes through
 *  - the CLI adapter: .eml bytes → messageFromEml → Message, and
 *  - the Office adapter: the same mail put into the fake Outlook mailbox (attachments served as
 *    Base64 / Eml / Url as Outlook serves them) → read-message → Message,
 * and both Messages are scanned with the same policy and clock. The findings must be identical, and
 * the verdict must be the one the fixture's .expected.json states. The attachment fixtures get the
 * same treatment, one attachment per mail, to push every binary format through the base64 path.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decideResult, messageFromEml, parsePolicy, scanMessage, type Message, type Policy } from "../../src/core/index";
import { readMessage } from "../../src/addin/office/read-message";
import { createFakeOffice } from "../../src/simulator/fake-office";

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
    expect(office.findings).toEqual(cli.findings);
    expect(office.verdict).toBe(cli.verdict);
    expect(office.verdict).toBe(expected.verdict);
    expect(name).toBeTruthy();
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
    expect(office.findings).toEqual(cli.findings);
  });
});
