/**
 * Mail that postal-mime alone reads as empty or partial, generated from a seed: bare-CR lines,
 * UTF-7 bodies and subjects, a nested multipart without boundary= (repaired, or read as text and
 * reported), nesting past MAX_MIME_DEPTH, a dropped blank line, a garbled delimiter. Each holds the
 * project's synthetic test number (docs/design/cpr-number.md §7). Used by the core and CLI tests
 * (test/hostile-mime-repair.test.ts) and by the built bundle's (test/hostile-bundle.test.ts).
 */
import { MAX_MIME_DEPTH } from "../../src/core/extractors/limits";
import { PDF_NUMBER } from "./hostile-pdf";
import { mulberry32 } from "./seeded-random";

export const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);
export const HEAD = "From: a@randers.dk\r\nTo: b@example.com\r\nMIME-Version: 1.0\r\n";

/** The project's synthetic test number, its UTF-7 form with the "-" as "+AC0-", and all in base64. */
export function numberFor(): { plain: string; utf7: string; utf7Base64: string } {
  const plain = PDF_NUMBER;
  const utf16 = Array.from(plain, (c) => [0, c.charCodeAt(0)]).reduce<number[]>((a, b) => a.concat(b), []);
  const b64 = Buffer.from(utf16).toString("base64").replace(/=+$/, "");
  return { plain, utf7: plain.replace("-", "+AC0-"), utf7Base64: `+${b64}-` };
}

export interface MimeRepairCase {
  readonly what: string;
  readonly bytes: Uint8Array;
  /** The finding an unreadable part gives, when one must. */
  readonly unread?: { readonly why: string; readonly limit?: string };
}

/** The inputs; the seed picks boundary names and the greeting, so each run of a seed is the same mail. */
export function mimeRepairCases(seed: number): MimeRepairCase[] {
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
