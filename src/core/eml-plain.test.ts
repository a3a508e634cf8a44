import PostalMime from "postal-mime";
import { plainMail } from "./eml-plain";
import { encodeUtf8 } from "./text/encode-utf8";
import { mulberry32 } from "../../test/helpers/seeded-random";

const PIECES = ["Hej", " ", "borger", "æøå", "150375-6125", "\t", "€", "😀", "", "a=b", "--x", "."];
const BREAKS = ["\r\n", "\n", "\r\n\r\n", ""];
const HEADS = [
  "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n",
  'Content-Type: text/plain; charset="UTF-8"\r\n',
  "Content-Type: text/plain\r\n",
  "Content-Type: text/plain;\r\n charset=utf-8\r\n",
  "",
];

function body(rnd: () => number): string {
  let s = "";
  const lines = Math.floor(rnd() * 6);
  for (let l = 0; l < lines; l++) {
    for (let w = Math.floor(rnd() * 5); w > 0; w--) s += PIECES[Math.floor(rnd() * PIECES.length)];
    s += BREAKS[Math.floor(rnd() * BREAKS.length)];
  }
  return s;
}

async function viaPostalMime(bytes: Uint8Array): Promise<string | undefined> {
  const email = await PostalMime.parse(bytes.slice().buffer as ArrayBuffer, { forceRfc822Attachments: true, attachmentEncoding: "arraybuffer" });
  return email.text;
}

describe("plainMail: a single plain-text part read without postal-mime's body handling", () => {
  it("gives exactly the text postal-mime gives, over 400 seeded mails", async () => {
    const rnd = mulberry32(20261207);
    let taken = 0;
    for (let i = 0; i < 400; i++) {
      const head = `From: a@randers.dk\r\nSubject: s${i}\r\n${HEADS[i % HEADS.length]}\r\n`;
      const text = body(rnd);
      const bytes = encodeUtf8(head + text);
      const expected = await viaPostalMime(bytes);
      const plain = plainMail(bytes);
      if (!plain) continue;
      taken++;
      expect({ i, text: "text" in plain ? plain.text : "not plain" }).toEqual({ i, text: expected });
      // In place (the CLI's own buffer): the same text, with the CRLFs removed from the bytes.
      const own = bytes.slice();
      const inPlace = plainMail(own, true);
      expect({ i, text: inPlace && "text" in inPlace ? inPlace.text : "not plain" }).toEqual({ i, text: expected });
    }
    // The non-ASCII bodies under a charset-less header go to postal-mime; the rest take this path.
    expect(taken).toBeGreaterThan(250);
  });

  it.each([
    ["base64", "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"],
    ["flowed", "Content-Type: text/plain; charset=utf-8; format=flowed\r\n"],
    ["an attachment", "Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: attachment; filename=a.txt\r\n"],
    ["HTML", "Content-Type: text/html; charset=utf-8\r\n"],
    ["Latin-1", "Content-Type: text/plain; charset=iso-8859-1\r\n"],
  ])("leaves %s to postal-mime", (_what, head) => {
    expect(plainMail(encodeUtf8(`From: a@randers.dk\r\n${head}\r\nHej\r\n`))).toBeUndefined();
  });

  it("hands back the changed bytes when it changed them in place and then found invalid UTF-8", () => {
    const own = Uint8Array.from([...encodeUtf8("Content-Type: text/plain; charset=utf-8\r\n\r\na\r\n"), 0xff, 0x0d, 0x0a]);
    const read = plainMail(own, true);
    expect(read && "bytes" in read ? Array.from(read.bytes.slice(-4)) : read).toEqual([0x61, 0x0a, 0xff, 0x0a]);
  });

  it("leaves non-ASCII bytes under us-ascii, invalid UTF-8 and lone CRs to postal-mime", () => {
    expect(plainMail(encodeUtf8("Subject: x\r\n\r\nære\r\n"))).toBeUndefined();
    expect(plainMail(Uint8Array.from([...encodeUtf8("Content-Type: text/plain; charset=utf-8\r\n\r\n"), 0xff, 0x41]))).toBeUndefined();
    expect(plainMail(encodeUtf8("Content-Type: text/plain; charset=utf-8\r\n\r\na\rb\r\n"))).toBeUndefined();
  });
});
