/**
 * @jest-environment node
 *
 * MIME that parsed as an empty mail (generated here): multipart without boundary=, or with one
 * that never occurs; and multipart/alternative with the number only in the plain-text part.
 * Through the CLI (.eml), as an attached mail in the send handler, and in the fuzz runner.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onMessageSend } from "../src/addin/launchevent/on-message-send";
import { main } from "../src/cli/main";
import { draft, harness } from "./helpers/send-harness";
import { runFuzz } from "../scripts/fuzz";

const NUMBER = "150375-6125";
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);

function mail(contentType: string, boundary = "b42", htmlFirst = false): Uint8Array {
  const plain = `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nCPR ${NUMBER}\r\n`;
  const html = `--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hej, se bilag</p>\r\n`;
  return latin1(
    `From: a@randers.dk\r\nTo: b@example.com\r\nSubject: Sag\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n` +
      (htmlFirst ? html + plain : plain + html) +
      `--${boundary}--\r\n`,
  );
}

const CASES: ReadonlyArray<[string, Uint8Array]> = [
  ["multipart without boundary=", mail("multipart/mixed")],
  ["multipart whose boundary never occurs", mail('multipart/mixed; boundary="other"')],
  ["multipart/alternative with the number only in the plain part", mail('multipart/alternative; boundary="b42"', "b42", true)],
];

describe("MIME read, never passed as empty", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "postvagt-mime-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES)("CLI: %s", async (_what, bytes) => {
    const file = join(dir, "m.eml");
    writeFileSync(file, bytes);
    let out = "";
    await main(["scan", "--json", file], { stdout: (s) => (out += s), stderr: () => undefined, env: {} });
    expect((JSON.parse(out.split("\n")[0] as string) as { verdict: string }).verdict).toBe("block");
  });

  it.each(CASES)("send handler, as an attached mail: %s", async (_what, bytes) => {
    const h = harness(draft({ attachments: [{ kind: "file", name: "videresendt.eml", bytes, contentType: "message/rfc822" }] }), {
      policy: { kind: "json", body: { ownDomains: ["randers.dk"], trustedDomains: [] } },
    });
    const outcome = await onMessageSend(h.fake.createEvent(), h.sendDeps());
    expect(outcome.path).toBe("block");
  });
});

describe("npm run fuzz, a modest run in CI", () => {
  it("no crash and no hang in any extractor", async () => {
    for (const r of await runFuzz(150, 20261207)) {
      expect({ extractor: r.extractor, crashes: r.crashes, hangs: r.hangs }).toEqual({ extractor: r.extractor, crashes: [], hangs: [] });
    }
  });
});
