/**
 * @jest-environment node
 *
 * Windows-1252 as WHATWG maps it, wherever the CLI decodes mail bytes (generated here): every byte
 * 0x80-0x9F, and a CPR number whose separator is an en dash (0x96).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messageFromEml } from "../src/core/eml";
import { cp1252Char } from "../src/core/extractors/text-decode";
import { main } from "../src/cli/main";
// The scan code installs the decoder fix when it loads (main.ts loads it only when it scans).
import "../src/cli/scan-files";
import { cp1252IsBroken, correctedTextDecoder } from "../src/cli/text-decoder-fix";

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);
const head = (charset: string, cte = "8bit") =>
  `From: a@randers.dk\r\nTo: b@example.com\r\nSubject: Sag\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n`;

// The WHATWG index for windows-1252 0x80-0x9F (five bytes map to themselves: 81 8D 8F 90 9D).
const WHATWG_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

describe("windows-1252 in mail read by the CLI", () => {
  it("the corrected decoder maps every byte 0x80-0x9F as WHATWG does, under every label that means windows-1252", () => {
    const D = correctedTextDecoder(TextDecoder);
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    for (const label of ["windows-1252", "cp1252", "iso-8859-1", "latin1", "us-ascii"]) {
      expect(Array.from(new D(label).decode(bytes), (c) => c.charCodeAt(0))).toEqual(WHATWG_80_9F);
    }
    expect(Array.from({ length: 32 }, (_, i) => cp1252Char(0x80 + i))).toEqual(WHATWG_80_9F);
    // Other encodings are untouched: ISO-8859-2 keeps 0x80-0x9F as C1 (as WHATWG says) and maps 0xB1.
    expect(new D("iso-8859-2").decode(Uint8Array.of(0x96, 0xb1))).toBe("\u0096\u0105");
  });

  it("after the CLI loads, a parsed windows-1252 mail has every byte 0x80-0x9F right (8bit and quoted-printable)", async () => {
    expect(cp1252IsBroken(TextDecoder)).toBe(false);
    const body = String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 0x80 + i));
    const qp = Array.from({ length: 32 }, (_, i) => `=${(0x80 + i).toString(16).toUpperCase()}`).join("");
    for (const [cs, cte, text] of [["windows-1252", "8bit", body], ["iso-8859-1", "quoted-printable", qp]] as const) {
      const r = await messageFromEml(latin1(head(cs, cte) + text + "\r\n"));
      expect(r.ok).toBe(true);
      if (r.ok) expect(Array.from((r.message.bodyText ?? "").replace(/\r?\n$/, ""), (c) => c.charCodeAt(0))).toEqual(WHATWG_80_9F);
    }
  });

  it("a CPR number with an en dash separator (0x96) is found by `postvagt scan`", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postvagt-cp1252-"));
    try {
      const file = join(dir, "m.eml");
      writeFileSync(file, latin1(head("windows-1252") + "CPR-nr.: 150375\u00966125\r\n"));
      let out = "";
      await main(["scan", "--json", file], { stdout: (s) => (out += s), stderr: () => undefined, env: {} });
      expect((JSON.parse(out.split("\n")[0] as string) as { verdict: string }).verdict).toBe("block");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
