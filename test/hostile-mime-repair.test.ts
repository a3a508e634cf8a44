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
import { MAX_MIME_DEPTH } from "../src/core/extractors/limits";
import { runFuzz } from "../scripts/fuzz";
import { PDF_NUMBER } from "./helpers/hostile-pdf";
import { mulberry32 } from "./helpers/seeded-random";

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);
const HEAD = "From: a@randers.dk\r\nTo: b@example.com\r\nMIME-Version: 1.0\r\n";

/** The project's synthetic test number, its UTF-7 form with the "-" as "+AC0-", and all in base64. */
function numberFor(): { plain: string; utf7: string; utf7Base64: string } {
  const plain = PDF_NUMBER;
  const utf16 = Array.from(plain, (c) => [0, c.charCodeAt(0)]).reduce<number[]>((a, b) => a.concat(b), []);
  const b64 = Buffer.from(utf16).toString("base64").replace(/=+$/, "");
  return { plain, utf7: plain.replace("-", "+AC0-"), utf7Base64: `+${b64}-` };
}

interface Case {
  readonly what: string;
  readonly bytes: Uint8Array;
  /** The finding an unreadable part gives, when one must. */
  readonly unread?: { readonly why: string; readonly limit?: string };
}

/** The inputs; the seed picks boundary names and the greeting, so each run of a seed is the same mail. */
function cases(seed: number): Case[] {
  const rnd = mulberry32(seed);
  const n = numberFor();
  const outer = `ydre${Math.floor(rnd() * 1e6)}`;
  const hello = ["Hej", "Kære borger", "Til sagen"][Math.floor(rnd() * 3)] as string;
  const nested = (inner: string) =>
    `${HEAD}Subject: Sag\r\nContent-Type: multipart/mixed; boundary="${outer}"\r\n\r\n--${outer}\r\nContent-Type: text/plain\r\n\r\n${hello}\r\n--${outer}\r\n${inner}--${outer}--\r\n`;
  let deep = `Content-Type: text/plain\r\n\r\nCPR ${n.plain}\r\n`;
  for (let i = MAX_MIME_DEPTH + 1; i > 0; i--) deep = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${deep}--n${i}--\r\n`;
  return [
    { what: "bare-CR line ends", bytes: latin1(`${HEAD}Subject: Sag\r\nContent-Type: text/plain\r\n\r\nCPR ${n.plain}\r\n`.replace(/\r\n/g, "\r")) },
    { what: "a UTF-7 body", bytes: latin1(`${HEAD}Subject: Sag\r\nContent-Type: text/plain; charset=utf-7\r\n\r\nCPR ${n.utf7}\r\n`) },
    { what: "a UTF-7 body, digits in base64", bytes: latin1(`${HEAD}Subject: Sag\r\nContent-Type: text/plain; charset="UTF-7"\r\n\r\nCPR ${n.utf7Base64}\r\n`) },
    { what: "a UTF-7 encoded-word subject", bytes: latin1(`${HEAD}Subject: =?utf-7?Q?CPR_${n.utf7}?=\r\nContent-Type: text/plain\r\n\r\nHej\r\n`) },
    { what: "a nested multipart without boundary=", bytes: latin1(nested(`Content-Type: multipart/alternative\r\n\r\n--indre\r\nContent-Type: text/plain\r\n\r\nCPR ${n.plain}\r\n--indre--\r\n`)) },
    {
      what: "a nested multipart without any delimiter",
      bytes: latin1(nested(`Content-Type: multipart/alternative\r\n\r\nCPR ${n.plain}\r\n`)),
      unread: { why: "corrupt" },
    },
    { what: `multiparts nested past MAX_MIME_DEPTH (${MAX_MIME_DEPTH})`, bytes: latin1(`${HEAD}Subject: Sag\r\n${deep}`), unread: { why: "too-large", limit: "MAX_MIME_DEPTH" } },
    { what: "a part whose blank line after the header was dropped", bytes: latin1(nested(`Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\nCPR ${n.plain}\r\n`)) },
    { what: "a garbled delimiter (the part lands before the first one)", bytes: latin1(nested("Content-Type: text/plain\r\n\r\nSe bilag\r\n").replace(`--${outer}\r\nContent-Type: text/plain\r\n\r\n${hello}`, `--${outer}\rContent-Type: text/plain\r\n\rCPR ${n.plain}`)) },
  ];
}

const SEED = 20261207;

describe("MIME that parsed as empty or partial is read, or reported (core)", () => {
  it.each(cases(SEED).map((c) => [c.what, c] as const))("%s", async (_what, c) => {
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

  it.each(cases(SEED + 1).map((c) => [c.what, c] as const))("%s", async (_what, c) => {
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
