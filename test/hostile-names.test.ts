/**
 * @jest-environment node
 *
 * Text planted in names (generated here and in test/helpers/planted-names.ts): a zip entry whose
 * name carries a paragraph of its own, ANSI escapes in an attachment name, control characters in
 * policy keys, a Latin-1 policy file.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8 } from "fflate";
import { onMessageSend } from "../src/addin/launchevent/on-message-send";
import { main } from "../src/cli/main";
import { emlWithAttachment } from "./helpers/hostile-mail";
import { plantedZip } from "./helpers/planted-names";
import { draft, harness } from "./helpers/send-harness";

const NUMBER = "150375-6125";

describe("names in the Smart Alerts dialog", () => {
  it("a zip entry name cannot add a line, a heading or a quote to either alert text", async () => {
    const h = harness(draft({ attachments: [{ kind: "file", name: "bilag.zip", bytes: plantedZip() }] }), {
      policy: { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [] } },
    });
    const event = h.fake.createEvent();
    await onMessageSend(event, h.sendDeps());
    const c = event.completions[0] as { errorMessage?: string; errorMessageMarkdown?: string };
    expect(c.errorMessage).toBeDefined();
    for (const text of [c.errorMessage ?? "", c.errorMessageMarkdown ?? ""]) {
      for (const line of text.split(/[\r\n]+/)) {
        expect(line.replace(/^[-•\s\\]+/, "").startsWith("Alt er kontrolleret")).toBe(false);
        expect(line).not.toMatch(/^\s*(#|>|=|[0-9]+\.)/);
      }
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    // In Markdown, the URL is not a bare autolink any more.
    expect(c.errorMessageMarkdown ?? "").not.toMatch(/(^|[^\\])www\./);
  });
});

describe("names in the CLI", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "postvagt-names-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (args: string[]) => {
    let out = "";
    let err = "";
    const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: {}, openPdfReader: () => Promise.reject(new Error("no")) });
    return { code, out, err };
  };

  it("text mode: ANSI escapes in an attachment name never reach the terminal", async () => {
    const file = join(dir, "ansi.eml");
    writeFileSync(file, emlWithAttachment("\u001b[2J\u001b[1;1HTILLADT\u001b[8m.txt", "text/plain", strToU8(`CPR ${NUMBER}`)));
    const { out } = await run(["scan", file]);
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    expect(out).not.toMatch(/[\u001b\u009b]/);
    expect(out).toContain("BLOKERET");
  });

  it("policy check: control characters in keys are escaped", async () => {
    const file = join(dir, "keys.json");
    writeFileSync(file, JSON.stringify({ ownDomains: ["randers.dk"], trustedDomains: [], "\u001b[2J\u009bx\u202e": 1 }));
    const { code, out } = await run(["policy", "check", file]);
    expect(code).toBe(2);
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    expect(out).not.toMatch(/[\u001b\u009b\u202e]/);
  });

  it("policy check and scan refuse a policy file that is not UTF-8, naming the offset", async () => {
    const file = join(dir, "latin1.json");
    const text = '{"ownDomains": ["randers.dk"], "trustedDomains": ["\u00e6r\u00f8.dk"]}';
    writeFileSync(file, Buffer.from(text, "latin1"));
    const check = await run(["policy", "check", file]);
    expect(check.code).toBe(2);
    expect(check.err).toContain(`position ${text.indexOf("\u00e6")}`);
    const scan = await run(["scan", "--policy", file, join(dir, "ansi.eml")]);
    expect(scan.code).toBe(2);
    expect(scan.err).toContain("UTF-8");
  });
});
