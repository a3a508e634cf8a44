import { messageFromEml } from "./eml";
import type { Message } from "./message";

const CRLF = "\r\n";
const eml = (...lines: string[]): string => lines.join(CRLF);

async function parsed(input: string | Uint8Array | ArrayBuffer): Promise<Message> {
  const r = await messageFromEml(input);
  if (!r.ok) throw new Error(`expected a message, got ${r.error}`);
  return r.message;
}

const MIXED = eml(
  "From: Jens Hansen <jens@randers.dk>",
  "To: Anna <anna@anders.dk>, Team: a@aarhus.dk, b@viborg.dk;",
  "Cc: c@rm.dk",
  "Bcc: d@skat.dk",
  "Subject: =?UTF-8?Q?S=C3=B8ren_og_=C3=A6bler?=",
  "MIME-Version: 1.0",
  'Content-Type: multipart/mixed; boundary="b1"',
  "",
  "--b1",
  'Content-Type: multipart/alternative; boundary="b2"',
  "",
  "--b2",
  "Content-Type: text/plain; charset=utf-8",
  "",
  "Hej verden",
  "--b2",
  "Content-Type: text/html; charset=utf-8",
  "",
  "<p>Hej <b>verden</b></p>",
  "--b2--",
  "--b1",
  'Content-Type: text/plain; name="notat.txt"',
  'Content-Disposition: attachment; filename="notat.txt"',
  "Content-Transfer-Encoding: base64",
  "",
  Buffer.from("Notat\n").toString("base64"),
  "--b1",
  "Content-Type: message/rfc822",
  'Content-Disposition: attachment; filename="Videresendt.eml"',
  "",
  "From: x@example.org",
  "Subject: inner",
  "",
  "inner body",
  "--b1",
  "Content-Type: application/octet-stream",
  "Content-Disposition: attachment",
  "Content-Transfer-Encoding: base64",
  "",
  "AAEC",
  "--b1--",
  "",
);

describe("messageFromEml", () => {
  it("reads subject (RFC 2047), both bodies and the sender", async () => {
    const m = await parsed(MIXED);
    expect(m.subject).toBe("Søren og æbler");
    expect(m.bodyText?.trim()).toBe("Hej verden");
    expect(m.bodyHtml).toContain("<b>verden</b>");
    expect(m.from).toBe("jens@randers.dk");
  });

  it("flattens groups and keeps each recipient's field", async () => {
    const m = await parsed(MIXED);
    expect(m.recipients).toEqual([
      { address: "anna@anders.dk", displayName: "Anna", field: "to" },
      { address: "a@aarhus.dk", field: "to" },
      { address: "b@viborg.dk", field: "to" },
      { address: "c@rm.dk", field: "cc" },
      { address: "d@skat.dk", field: "bcc" },
    ]);
  });

  it("keeps attached mails as .eml attachments (so findings inside them say where they are)", async () => {
    const m = await parsed(MIXED);
    expect(m.attachments.map((a) => [a.kind, a.name, a.kind === "file" ? a.contentType : ""])).toEqual([
      ["file", "notat.txt", "text/plain"],
      ["file", "Videresendt.eml", "message/rfc822"],
      ["file", "unnamed-3", "application/octet-stream"],
    ]);
    const inner = m.attachments[1];
    expect(inner?.kind === "file" && new TextDecoder().decode(inner.bytes)).toContain("inner body");
    // and the inner mail is not blended into this mail's body
    expect(m.bodyText).not.toContain("inner body");
  });

  it("decodes attachment bytes", async () => {
    const m = await parsed(MIXED);
    const a = m.attachments[0];
    expect(a?.kind === "file" && new TextDecoder().decode(a.bytes)).toBe("Notat\n");
  });

  it("accepts Uint8Array and ArrayBuffer as well as a string", async () => {
    const bytes = new TextEncoder().encode(MIXED);
    expect((await parsed(bytes)).subject).toBe("Søren og æbler");
    expect((await parsed(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)).subject).toBe("Søren og æbler");
  });

  it("gives an empty subject and no recipients for a bare header-only mail", async () => {
    const m = await parsed(eml("X-Mailer: test", "", "just a body"));
    expect(m).toEqual({ subject: "", bodyText: "just a body\n", recipients: [], attachments: [] });
  });

  it("skips address-less group entries (undisclosed recipients)", async () => {
    const m = await parsed(eml("To: undisclosed-recipients:;", "Subject: x", "", "b"));
    expect(m.recipients).toEqual([]);
  });

  it.each<[string, string | Uint8Array, string]>([
    ["an empty file", "", "empty"],
    ["only whitespace", " \r\n\t\n", "empty"],
    ["empty bytes", new Uint8Array(0), "empty"],
    ["a text file", "Dette er ikke en mail.\nBare tekst.\n", "not-a-message"],
    ["binary bytes", Uint8Array.from([0x00, 0x01, 0xff, 0xfe, 0x0a, 0x10]), "not-a-message"],
  ])("reports %s as an error, never as a clean message", async (_name, input, error) => {
    const r = await messageFromEml(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(error);
  });

  it("reads MIME nesting beyond the limit as text and names the limit (never parse-failed, never clean)", async () => {
    let body = "leaf 150375-6125";
    for (let i = 0; i < 8; i++) {
      body = eml(`Content-Type: multipart/mixed; boundary="n${i}"`, "", `--n${i}`, body, `--n${i}--`);
    }
    const r = await messageFromEml(eml("Subject: deep", body), { maxMimeDepth: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message.unreadParts).toEqual([{ attachment: "MIME-del 1.1.1.1", why: "too-large", cause: "nesting-too-deep", limit: "MAX_MIME_DEPTH" }]);
    expect(r.message.bodyText).toContain("leaf 150375-6125");
  });
});

describe("messageFromEml: how the bytes reach the parser", () => {
  const mail = eml("From: a@randers.dk", "To: b@randers.dk", "Subject: midt", "", "kun denne tekst");
  const expected = { from: "a@randers.dk", subject: "midt", bodyText: "kun denne tekst\n" };

  it("reads a view into a larger buffer as just its own bytes, never its neighbours", async () => {
    const bytes = new TextEncoder().encode(`Subject: naboen\r\n\r\nnabo\r\n${mail}Subject: efter\r\n\r\nslut`);
    const start = bytes.indexOf(0x46 /* F of From */);
    const view = bytes.subarray(start, start + new TextEncoder().encode(mail).length);
    expect(await parsed(view)).toMatchObject(expected);
  });

  it("reads a whole buffer, a Buffer-like full view and a string alike", async () => {
    const whole = new TextEncoder().encode(mail);
    expect(await parsed(whole)).toMatchObject(expected);
    expect(await parsed(whole.buffer)).toMatchObject(expected);
    expect(await parsed(mail)).toMatchObject(expected);
  });
});
