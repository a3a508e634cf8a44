import { messageFromEml } from "./eml";

const GUID = "0b8d2c4e-1f3a-4b5c-9d6e-7f8a9b0c1d2e";

function eml(extraHeaders: string): string {
  return [
    "From: sagsbehandler@randers.dk",
    "To: borger@example.org",
    "Subject: Afgørelse",
    extraHeaders,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hej",
    "",
  ]
    .filter((line, i) => i !== 3 || line !== "")
    .join("\r\n");
}

describe("messageFromEml: the applied sensitivity label (msip_labels)", () => {
  it.each([
    ["an enabled label", `msip_labels: MSIP_Label_${GUID.toUpperCase()}_Enabled=true; MSIP_Label_${GUID}_SetDate=2026-08-20T10:00:00Z;\r\n MSIP_Label_${GUID}_Method=Standard`, GUID],
    ["a folded header, enabled last", `msip_labels: MSIP_Label_${GUID}_Method=Privileged;\r\n MSIP_Label_${GUID}_Enabled=True`, GUID],
    ["a disabled label", `msip_labels: MSIP_Label_${GUID}_Enabled=false`, undefined],
    ["no label header", "", undefined],
    ["a header with no label in it", "msip_labels: nonsense", undefined],
  ])("%s", async (_name, header, expected) => {
    const result = await messageFromEml(eml(header));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message.sensitivityLabelId).toBe(expected);
  });
});
