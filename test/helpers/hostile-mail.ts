/** Generated mails for the hostile-input tests: an .eml around any attachment bytes. */
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);

function base64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192)));
  return btoa(bin).replace(/.{76}/g, "$&\r\n");
}

export function emlWithAttachment(name: string, type: string, bytes: Uint8Array): Uint8Array {
  return latin1(
    "From: sagsbehandler@randers.dk\r\nTo: borger@example.com\r\nSubject: Bilag\r\nMIME-Version: 1.0\r\n" +
      'Content-Type: multipart/mixed; boundary="BB"\r\n\r\n--BB\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej\r\n' +
      `--BB\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\n` +
      `Content-Transfer-Encoding: base64\r\n\r\n${base64(bytes)}\r\n--BB--\r\n`,
  );
}
