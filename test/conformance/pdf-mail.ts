/**
 * Test helpers for PDFs in mail: wrap attachment bytes in an .eml the CLI can scan, and build a
 * small PDF whose page text sits in a RunLengthDecode stream (a standard filter both pdf.js and,
 * since it learned RunLength and LZW, core's mini reader decode).
 */
import { onePagePdf, runLengthEncode } from "../helpers/pdf-refilter";

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

/** A one-page PDF (Helvetica, a standard font) whose content stream is RunLengthDecode'd. */
export function runLengthPdf(lines: readonly string[]): Uint8Array {
  return onePagePdf(lines, (content) => ({ dict: "/Filter /RunLengthDecode", data: runLengthEncode(content) }));
}
