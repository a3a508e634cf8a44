/**
 * @jest-environment node
 *
 * Mail that postal-mime alone reads as empty or partial (generated here, seeded): bare-CR lines,
 * UTF-7 bodies and subjects, a nested multipart without boundary= (repaired, or read as text and
 * reported), nesting past MAX_MIME_DEPTH, a dropped blank line, a garbled delimiter, and the
 * fuzzer's MIME cases with an exact oracle. Each through the CLI (`postvagt scan --json`) and
 * through the core (messageFromEml + scanMessage); every one parsed as a clean mail before.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { decideResult, DEFAULT_POLICY, messageFromEml, scanMessage } from "../src/core";
import { runFuzz } from "../scripts/fuzz";
import { HEAD, latin1, mimeRepairCases, numberFor } from "./helpers/mime-repair-cases";

const SEED = 20261207;

describe("MIME that parsed as empty or partial is read, or reported (core)", () => {
  it.each(mimeRepairCases(SEED).map((c) => [c.what, c] as const))("%s", async (_what, c) => {
    const parsed = await messageFromEml(c.bytes);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = await scanMessage(parsed.message, DEFAULT_POLICY, { now: new Date("2026-06-01T12:00:00Z") });
    const kinds = result.findings.map((f) => f.kind);
    expect(kinds).toContain("cpr");
    if (c.unread) expect(result.findings).toContainEqual(expect.objectContaining({ kind: "unreadable-attachment", ...c.unread }));
    expect(decideResult(result, DEFAULT_POLICY).verdict).toBe("block");
  });
});

describe("MIME that parsed as empty or partial is read, or reported (CLI)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "postvagt-mime-repair-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(mimeRepairCases(SEED + 1).map((c) => [c.what, c] as const))("%s", async (_what, c) => {
    const file = join(dir, "m.eml");
    writeFileSync(file, c.bytes);
    let out = "";
    await main(["scan", "--json", file], { stdout: (s) => (out += s), stderr: () => undefined, env: {} });
    const line = JSON.parse(out.split("\n")[0] as string) as { verdict: string; findings: Array<{ kind: string; why?: string; limit?: string }> };
    expect(line.verdict).toBe("block");
    expect(line.findings.map((f) => f.kind)).toContain("cpr");
    if (c.unread) expect(line.findings).toContainEqual(expect.objectContaining({ kind: "unreadable-attachment", ...c.unread }));
  });
});

describe("a part in a transfer encoding nobody knows is reported, not read as empty", () => {
  const n = numberFor();
  // The fuzzer's case 1907082781: the blank line after a part's header is gone, so its text is the
  // tail of the Content-Transfer-Encoding value and the part has no body to read.
  const glued = latin1(`${HEAD}Subject: Sag\r\nContent-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 8bitCPR ${n.plain}\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>Hej</p>\r\n--b1--\r\n`);
  const custom = latin1(`${HEAD}Subject: Sag\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: x-postvagt-ukendt\r\n\r\nQ1BSIDE1MDM3NS02MTI1\r\n`);
  const unsupported = expect.objectContaining({ kind: "unreadable-attachment", why: "unsupported", cause: "unsupported-encoding" });

  it.each([["digits glued to the encoding's name", glued], ["an encoding of its own", custom]] as const)("%s (core and CLI)", async (_what, bytes) => {
    const parsed = await messageFromEml(bytes);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = await scanMessage(parsed.message, DEFAULT_POLICY, { now: new Date("2026-06-01T12:00:00Z") });
    expect(result.findings).toContainEqual(unsupported);
    expect(decideResult(result, DEFAULT_POLICY).verdict).not.toBe("allow");
    const dir = mkdtempSync(join(tmpdir(), "postvagt-mime-cte-"));
    try {
      writeFileSync(join(dir, "m.eml"), bytes);
      let out = "";
      await main(["scan", "--json", join(dir, "m.eml")], { stdout: (s) => (out += s), stderr: () => undefined, env: {} });
      const line = JSON.parse(out.split("\n")[0] as string) as { verdict: string; findings: unknown[] };
      expect(line.verdict).not.toBe("allow");
      expect(line.findings).toContainEqual(unsupported);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(["7bit", "8bit", "binary", "quoted-printable", "base64", "x-uuencode", "8BIT"])("%s is an encoding it knows", async (cte) => {
    const body = cte === "base64" ? "SGVq" : "Hej";
    const parsed = await messageFromEml(latin1(`${HEAD}Subject: Sag\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n${body}\r\n`));
    expect(parsed.ok && (parsed.message.unreadParts ?? [])).toEqual([]);
  });
});

describe("npm run fuzz, MIME with the exact oracle", () => {
  it("no silent pass in 400 seeded mutated mails (a silent pass fails the run)", async () => {
    const [r] = await runFuzz(400, SEED, ["mime"]);
    expect({ crashes: r?.crashes, hangs: r?.hangs, silent: r?.silent }).toEqual({ crashes: [], hangs: [], silent: [] });
  });
});
