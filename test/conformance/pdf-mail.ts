/**
 * Test helpers for PDFs in mail: wrap attachment bytes in an .eml the CLI can scan, and build a
 * small PDF whose page text sits in a RunLengthDecode stream (a standard filter both pdf.js and,
 * since it learned RunLength and LZW, core's mini reader decode).
 */

/** A minimal multipart .eml: a plain body and each file as a base64 attachment. */
export function emlWithAttachments(files: ReadonlyArray<{ name: string; bytes: Uint8Array; contentType?: string }>): string {
  const boundary = "postvagt-test-boundary";
  const parts = [
    "From: sagsbehandler@randers.dk",
    "To: borger@example.com",
    "Subject: Bilag",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Se vedlagte.",
  ];
  for (const f of files) {
    const b64 = Buffer.from(f.bytes).toString("base64").replace(/.{1,76}/g, "$&\r\n");
    parts.push(
      `--${boundary}`,
      `Content-Type: ${f.contentType ?? "application/pdf"}; name="${f.name}"`,
      `Content-Disposition: attachment; filename="${f.name}"`,
      "Content-Transfer-Encoding: base64",
      "",
      b64,
    );
  }
  parts.push(`--${boundary}--`, "");
  return parts.join("\r\n");
}

/** RunLengthDecode encoding (PDF 32000-1 §7.4.5), literal runs only: valid, and enough here. */
function runLength(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < data.length; i += 128) {
    const chunk = data.subarray(i, i + 128);
    out.push(chunk.length - 1, ...chunk);
  }
  out.push(128);
  return Uint8Array.from(out);
}

/** A one-page PDF (Helvetica, a standard font) whose content stream is RunLengthDecode'd. */
export function runLengthPdf(lines: readonly string[]): Uint8Array {
  const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  const escape = (s: string): string => s.replace(/[\\()]/g, "\\$&");
  const content = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td", ...lines.map((l) => `(${escape(l)}) '`), "ET"].join("\n");
  const stream = runLength(latin1(content));
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Uint8Array): void => {
    chunks.push(b);
    length += b.length;
  };
  add(latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"));
  const objects: Array<string | [string, Uint8Array]> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    [`<< /Length ${stream.length} /Filter /RunLengthDecode >>`, stream],
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === "string") add(latin1(`${i + 1} 0 obj\n${o}\nendobj\n`));
    else {
      add(latin1(`${i + 1} 0 obj\n${o[0]}\nstream\n`));
      add(o[1]);
      add(latin1("\nendstream\nendobj\n"));
    }
  });
  const xref = length;
  add(latin1(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`));
  add(latin1(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
