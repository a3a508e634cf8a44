/**
 * Routine municipal mail that must not raise HIGH now that the structure reaches the CPR rule
 * (docs/cpr-rule.en.md): phone lists, invoices and case lists whose numbers start with a date,
 * account lines, quoted replies, amounts and decimals. Every ten-digit value here is synthetic: a
 * valid date that fails modulus 11 (or a date-prefixed serial, as invoice systems write them).
 */
import type { CprFinding } from "../finding";
import type { AttachmentInput, Message } from "../message";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { scanMessage } from "../scan";

const NOW = new Date(2026, 10, 23);

function file(name: string, text: string): AttachmentInput {
  return { kind: "file", name, bytes: new Uint8Array(Buffer.from(text, "latin1")) };
}

async function levels(m: Partial<Message>): Promise<string[]> {
  const r = await scanMessage({ subject: "", recipients: [], attachments: [], ...m }, DEFAULT_POLICY, { now: NOW });
  return r.findings.filter((f): f is CprFinding => f.kind === "cpr" && f.location.place?.kind !== "file-name").map((f) => f.confidence);
}

/** Invoice numbers as many finance systems write them: the invoice date, then a serial. */
const INVOICES = [
  ["15-03-2026", "1503260017", "1.250,00"],
  ["16-03-2026", "1603260018", "980,00"],
  ["17-03-2026", "1703260019", "2.400,00"],
  ["18-03-2026", "1803260020", "310,00"],
];

describe("a column headed with another kind of number is not a CPR column", () => {
  it("a ;-separated invoice list (Fakturanr.) raises nothing above LOW", async () => {
    const csv = ["Dato;Fakturanr.;Beløb", ...INVOICES.map((r) => r.join(";"))].join("\r\n");
    const got = await levels({ attachments: [file("fakturaer.csv", csv)] });
    expect(got).not.toContain("high");
  });

  it("the same invoice table in an HTML body", async () => {
    const rows = [["Dato", "Fakturanr.", "Beløb"], ...INVOICES].map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`);
    expect(await levels({ bodyHtml: `<table>${rows.join("")}</table>` })).not.toContain("high");
  });

  it("a case list (Sagsnr.) with date-prefixed case numbers", async () => {
    const csv = "Sagsnr.;Emne;Status\r\n2503261001;Hjælpemidler;Åben\r\n2603261002;Bolig;Lukket\r\n2703261003;Tandpleje;Åben\r\n";
    expect(await levels({ attachments: [file("sager.csv", csv)] })).not.toContain("high");
  });

  it("a CPR header in the same table still makes its own column HIGH", async () => {
    const csv = ["CPR-nr.;Bemærkning;Beløb", ...INVOICES.map((r) => `2203614517;Opfølgning aftalt med borgeren i perioden;${r[2]}`)].join("\r\n");
    expect(await levels({ attachments: [file("fakturaer.csv", csv)] })).toEqual(["high", "high", "high", "high"]);
  });
});

describe("other routine mail", () => {
  it("a phone list in pairs, blocks and compact", async () => {
    const csv = "Navn;Afdeling;Telefon;Mobil\r\nAnne Holm;Borgerservice;89 15 10 00;20 30 40 50\r\nBo Dahl;Jobcenter;8915 1001;2131 4151\r\nCarl Berg;Ydelse;89151002;22334455\r\n";
    expect(await levels({ attachments: [file("telefonliste.csv", csv)] })).toEqual([]);
  });

  it("a signature with a label line above each number", async () => {
    expect(await levels({ bodyText: "Venlig hilsen\nAnne Holm\nTlf.:\n89 15 10 00\nMobil:\n2203614517\n" })).toEqual([]);
  });

  it("an account on the line under its label", async () => {
    expect(await levels({ bodyText: "Beløbet udbetales til\nReg.nr. 1551\nKontonr.\n2203614517\n" })).toEqual([]);
  });

  it("a quoted reply with a phone in pairs", async () => {
    expect(await levels({ bodyText: "Tak for svaret.\n\n> Ring på tlf.\n> 22 03 61 45 17\n> mvh Anne\n" })).toEqual([]);
  });

  it("a table of amounts and a decimal fraction", async () => {
    expect(await levels({ bodyText: "Post\tBeløb\nHusleje\t6.503,72\nVarme\t1.506,50\nAndel\t0,2203614517\n" })).toEqual([]);
  });

  it("a date between a label and its number does not cut the label off", async () => {
    // A date is what the label is about ("Faktura af <date> nr."), not a number it labels.
    expect(await levels({ bodyText: "Faktura af 12.03.2026 nr. 220361-4517" })).toEqual(["medium"]);
    expect(await levels({ bodyText: "Sagsnr. fra 27-03-2026: 220361-4517" })).toEqual(["medium"]);
    // A phone in pairs still is a number between: the CPR after it is not labelled by "Tlf.".
    expect(await levels({ bodyText: "Tlf. 20 30 40 50 220361-4517" })).toEqual(["high"]);
  });
});
