/**
 * Generates test/fixtures/attachments/: real producers' files with synthetic CPR numbers, each with
 * `<file>.expected.json` (masked numbers and where they are). The outputs are committed, so CI
 * needs no office suite; run this only to rebuild them:
 *
 *   npx tsx scripts/make-attachment-fixtures.ts
 *   npx tsx scripts/make-attachment-fixtures.ts --only=msg    only the .msg files (no tools needed)
 *
 * Needs (Debian): libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
 * ghostscript qpdf poppler-utils zip.
 *
 * Expectations for the office formats are written here from where each number was put
 * (attachment-numbers.ts), never captured from our extractor. For PDFs, page numbers come from
 * poppler's pdftotext, an independent reader; the differential test adds pdf.js on top.
 * Office producers stamp dates into their files, so the bytes differ between runs; the
 * expectations do not.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { burn } from "@kenjiuno/msgreader/lib/Burner";
import { TypeEnum } from "@kenjiuno/msgreader/lib/Reader";
import { decompressRTF } from "@kenjiuno/decompressrtf";
import { compressRtf, makeMsg } from "../test/helpers/msg-writer";
import { N, WRAP, assertSynthetic, masked } from "./fixtures/attachment-numbers";
import { letterFodt, sheetFods, slidesFodp } from "./fixtures/attachment-sources";

const OUT = join(__dirname, "..", "test", "fixtures", "attachments");
const work = mkdtempSync(join(tmpdir(), "pv-att-"));

/** One expected finding: a masked number and the place it must be reported at. */
export interface ExpectedFinding {
  readonly masked: string;
  /** Name chain below the fixture itself ("" for the fixture's own text). */
  readonly within?: string;
  readonly place?: Record<string, string | number | boolean>;
}
export interface ExpectedFile {
  readonly producer: string;
  /** Numbers that must be found, each at its place. */
  readonly findings: readonly ExpectedFinding[];
  /** Unreadable findings expected (name chain relative to the fixture → why[/cause]). */
  readonly unreadable?: Readonly<Record<string, string>>;
  /** Numbers that must NOT appear as one number ("100108" + "8900" in separate cells). */
  readonly absent?: readonly string[];
}

function run(cmd: string, args: string[], cwd = work): string {
  return execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 }).toString("latin1");
}

function soffice(src: string, filter: string): void {
  run("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${work}/lo-profile`, "--convert-to", filter, "--outdir", work, join(work, src)]);
}

function save(name: string, expected: ExpectedFile, from = join(work, name)): void {
  copyFileSync(from, join(OUT, name));
  writeExpected(name, expected);
}

function writeExpected(name: string, expected: ExpectedFile): void {
  writeFileSync(join(OUT, `${name}.expected.json`), JSON.stringify(expected, null, 2) + "\n");
}

const f = (n: string, place?: ExpectedFinding["place"], within?: string): ExpectedFinding => ({
  masked: masked(n),
  ...(within ? { within } : {}),
  ...(place ? { place } : {}),
});
const section = (s: string): ExpectedFinding["place"] => ({ kind: "section", section: s });

/** Where each planted number is in a word-processing document, per producer format. */
function letterFindings(format: "docx" | "odt" | "rtf"): ExpectedFinding[] {
  const body = [N.body, N.split, N.noBreak, N.table, ...WRAP].map((n) => f(n));
  const common = [
    f(N.header, section("header")),
    f(N.footer, section("footer")),
    f(N.footnote, section("footnote")),
    f(N.comment, section("comment")),
  ];
  // RTF keeps a text frame's text in the body flow; an endnote is a footnote with \ftnalt.
  if (format === "rtf") return [...body, ...common, f(N.endnote, section("footnote")), f(N.textbox), f(N.deleted, undefined)];
  const endnote = f(N.endnote, section("endnote"));
  const textbox = f(N.textbox, section("textbox"));
  const deleted = f(N.deleted, section("tracked-change"));
  return [...body, ...common, endnote, textbox, deleted];
}

/** Page of each number per pdftotext (poppler), the independent oracle for PDF locations. */
function pdfFindings(file: string, numbers: readonly string[]): ExpectedFinding[] {
  const info = run("pdfinfo", [file]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? "0");
  const out: ExpectedFinding[] = [];
  const seen = new Set<string>();
  for (let p = 1; p <= pages; p++) {
    // Lines joined: a number wrapped as "150650-\n3720" is still one number on that page.
    const text = run("pdftotext", ["-f", String(p), "-l", String(p), "-enc", "UTF-8", file, "-"]).replace(/-\s*\n\s*/g, "-");
    const utf8 = Buffer.from(text, "latin1").toString("utf8").replace(/\u2011/g, "-");
    for (const n of numbers) {
      const d = n.replace(/[^0-9]/g, "");
      const hyphen = `${d.slice(0, 6)}-${d.slice(6)}`;
      if (!seen.has(d) && (utf8.indexOf(hyphen) >= 0 || utf8.indexOf(d) >= 0)) {
        seen.add(d);
        out.push(f(n, { kind: "page", page: p }));
      }
    }
  }
  return out;
}

const ALL_LETTER = [N.body, N.split, N.noBreak, N.table, N.header, N.footer, N.footnote, N.endnote, N.comment, N.textbox, N.deleted, ...WRAP];

function main(): void {
  for (const n of [...Object.values(N), ...WRAP]) assertSynthetic(n);
  mkdirSync(OUT, { recursive: true });
  // The .msg files need no office suite: they can be rebuilt alone, leaving the rest untouched.
  if (process.argv.includes("--only=msg")) {
    msgFixtures();
    rmSync(work, { recursive: true, force: true });
    process.stdout.write(`.msg fixtures written to ${OUT}\n`);
    return;
  }
  const srcDir = join(OUT, "src");
  mkdirSync(srcDir, { recursive: true });
  writeFileSync(join(work, "brev.fodt"), letterFodt());
  writeFileSync(join(work, "liste.fods"), sheetFods());
  writeFileSync(join(work, "dias.fodp"), slidesFodp());
  for (const s of ["brev.fodt", "liste.fods", "dias.fodp"]) copyFileSync(join(work, s), join(srcDir, s));

  // --- LibreOffice: word processing
  soffice("brev.fodt", "docx:MS Word 2007 XML");
  soffice("brev.fodt", "odt");
  soffice("brev.fodt", "rtf:Rich Text Format");
  soffice("brev.fodt", "pdf:writer_pdf_Export");
  soffice("brev.fodt", "doc:MS Word 97");
  const lo = "LibreOffice headless (soffice --convert-to)";
  save("brev.docx", { producer: lo, findings: letterFindings("docx"), absent: ["1001088900"] });
  save("brev.odt", { producer: lo, findings: letterFindings("odt"), absent: ["1001088900"] });
  save("brev.rtf", { producer: lo, findings: letterFindings("rtf"), absent: ["1001088900"] });
  save("brev.doc", { producer: lo, findings: [], unreadable: { "": "unsupported/legacy-format" } });

  // --- PDFs from several producers
  const pdf = join(work, "brev.pdf");
  save("brev.pdf", { producer: "LibreOffice writer_pdf_Export", findings: pdfFindings(pdf, ALL_LETTER) });
  run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-o", join(work, "brev-gs.pdf"), pdf]);
  save("brev-gs.pdf", { producer: "Ghostscript pdfwrite", findings: pdfFindings(join(work, "brev-gs.pdf"), ALL_LETTER) });
  run("qpdf", ["--object-streams=generate", pdf, join(work, "brev-objstm.pdf")]);
  save("brev-objstm.pdf", { producer: "qpdf --object-streams=generate", findings: pdfFindings(join(work, "brev-objstm.pdf"), ALL_LETTER) });
  run("pdftocairo", ["-pdf", pdf, join(work, "brev-cairo.pdf")]);
  save("brev-cairo.pdf", { producer: "poppler pdftocairo (cairo, CID fonts)", findings: pdfFindings(join(work, "brev-cairo.pdf"), ALL_LETTER) });
  run("qpdf", ["--encrypt", "bruger", "ejer", "256", "--", pdf, join(work, "krypteret.pdf")]);
  save("krypteret.pdf", { producer: "qpdf --encrypt (AES-256, user password)", findings: [], unreadable: { "": "encrypted" } });
  // Owner password only: anyone may open it, so pdf.js reads it with the empty user password, while
  // the mini reader cannot decrypt and says "encrypted". Kept apart from the fixtures above (whose
  // verdicts every reader shares): the CLI test uses it to prove the command really reads with pdf.js.
  const ownerOnly = join(OUT, "..", "pdfjs-only", "kun-ejerkode.pdf");
  mkdirSync(dirname(ownerOnly), { recursive: true });
  run("qpdf", ["--encrypt", "", "ejer", "256", "--", pdf, ownerOnly]);
  writeFileSync(
    `${ownerOnly}.expected.json`,
    JSON.stringify({ producer: 'qpdf --encrypt "" ejer 256 (AES-256, owner password only) of brev.pdf', findings: pdfFindings(pdf, ALL_LETTER) }, null, 2) + "\n",
  );
  const pdfBytes = readFileSync(pdf);
  writeFileSync(join(work, "afkortet.pdf"), pdfBytes.subarray(0, Math.floor(pdfBytes.length * 0.4)));
  // A truncated PDF keeps whatever pages a reader can still find; only "never silent" is fixed.
  save("afkortet.pdf", { producer: "LibreOffice PDF cut at 40%", findings: [] });
  // Image-only PDF: a page rendered to JPEG and wrapped back into a PDF by Ghostscript.
  run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=jpeg", "-r50", "-dFirstPage=1", "-dLastPage=1", "-o", join(work, "side.jpg"), pdf]);
  const viewjpeg = run("sh", ["-c", "ls /usr/share/ghostscript/*/lib/viewjpeg.ps | head -1"]).trim();
  run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-o", join(work, "scannet.pdf"), viewjpeg, "-c", `(${join(work, "side.jpg")}) viewJPEG showpage`]);
  save("scannet.pdf", { producer: "Ghostscript (JPEG page, no text layer)", findings: [], unreadable: { "": "unsupported/no-text-layer" } });
  save("side.jpg", { producer: "Ghostscript jpeg device", findings: [], unreadable: { "": "unsupported/image" } });

  // --- LibreOffice: spreadsheets
  soffice("liste.fods", "xlsx:Calc MS Excel 2007 XML");
  soffice("liste.fods", "ods");
  soffice("liste.fods", "xls:MS Excel 97");
  const cell = (sheet: string, ref: string): ExpectedFinding["place"] => ({ kind: "cell", sheet, cell: ref });
  save("liste.xlsx", {
    producer: lo,
    findings: [f(N.sheetText, cell("Ark1", "B2")), f(N.sheetNumber, { ...cell("Ark1", "B3"), restoredLeadingZero: true }), f(N.sheetColumn, { ...cell("Ark2", "B2"), restoredLeadingZero: true }), f(N.sheetFar, cell("Ark2", "C14"))],
    absent: ["1001088900"],
  });
  save("liste.ods", {
    producer: lo,
    findings: [f(N.sheetText, cell("Ark1", "B2")), f(N.sheetNumber, cell("Ark1", "B3")), f(N.sheetFar, cell("Ark2", "C14"))],
    absent: ["1001088900"],
  });
  save("liste.xls", { producer: lo, findings: [], unreadable: { "": "unsupported/legacy-format" } });

  // --- LibreOffice: presentations
  soffice("dias.fodp", "pptx:Impress MS PowerPoint 2007 XML");
  soffice("dias.fodp", "odp");
  const slides = [f(N.slide, { kind: "slide", slide: 2 }), f(N.notes, { kind: "slide", slide: 3, notes: true })];
  save("dias.pptx", { producer: lo, findings: slides });
  save("dias.odp", { producer: lo, findings: slides });

  // --- Encrypted office files. No encrypting producer is available here (Debian's
  // msoffcrypto-tool 5.0 only decrypts; LibreOffice 7.4 ignores a password in --convert-to), so
  // these two are built to the formats' layout: what the reader checks is the container layout
  // (CFB with EncryptionInfo/EncryptedPackage; an ODF manifest with encryption-data), not the cipher.
  writeFileSync(join(work, "krypteret.docx"), makeEncryptedOoxml());
  save("krypteret.docx", { producer: "this script (CFB EncryptedPackage layout, msgreader's CFB writer)", findings: [], unreadable: { "": "encrypted" } });
  writeFileSync(join(work, "krypteret.odt"), makeEncryptedOdt(readFileSync(join(work, "brev.odt"))));
  save("krypteret.odt", { producer: "this script (LibreOffice odt with encryption-data in its manifest)", findings: [], unreadable: { "": "encrypted" } });

  // --- zip: nested archives, a number in a file name, a password-protected archive
  const z = join(work, "zipdir");
  mkdirSync(join(z, "mappe"), { recursive: true });
  copyFileSync(join(work, "brev.docx"), join(z, "Ansøgning.docx"));
  copyFileSync(join(work, "liste.xlsx"), join(z, "mappe", "liste.xlsx"));
  writeFileSync(join(z, `${N.fileName}_ansoegning.txt`), `Ansøgning\r\nBorger ${N.text}\r\n`);
  run("zip", ["-q", "-X", join(z, "indre.zip"), "Ansøgning.docx"], z);
  run("zip", ["-q", "-X", "-r", join(work, "Bilag.zip"), "mappe", `${N.fileName}_ansoegning.txt`, "indre.zip"], z);
  save("Bilag.zip", {
    producer: "Info-ZIP zip",
    findings: [
      f(N.sheetText, cell("Ark1", "B2"), "mappe/liste.xlsx"),
      f(N.fileName, { kind: "file-name" }, `${N.fileName}_ansoegning.txt`),
      f(N.text, { kind: "line", line: 2 }, `${N.fileName}_ansoegning.txt`),
      f(N.header, section("header"), "indre.zip/Ansøgning.docx"),
      f(N.body, undefined, "indre.zip/Ansøgning.docx"),
    ],
  });
  run("zip", ["-q", "-X", "-e", "-P", "hemmelig", join(work, "krypteret.zip"), "Ansøgning.docx"], z);
  save("krypteret.zip", { producer: "Info-ZIP zip -e (ZipCrypto)", findings: [], unreadable: { "Ansøgning.docx": "encrypted" } });

  // --- text encodings (Excel's three CSV/TXT flavours, made here: no office suite needed)
  const csv = `Navn;CPR;Postnr\r\nÆble Ørsted;${N.text};8900\r\nÅse;100108;8900\r\n`;
  writeFileSync(join(work, "utf8.csv"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]));
  writeFileSync(join(work, "utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.replace(/;/g, "\t"), "utf16le")]));
  writeFileSync(join(work, "cp1252.csv"), Buffer.from(csv, "latin1"));
  for (const name of ["utf8.csv", "utf16.txt", "cp1252.csv"]) save(name, { producer: "this script (Excel CSV/Unicode text layouts)", findings: [f(N.text, { kind: "line", line: 2 })], absent: ["1001088900"] });

  // --- HTML attachment
  writeFileSync(join(work, "side.html"), `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notat</title><style>p{color:red}</style></head><body><p>Borger: <span>1506</span><span>50-3720</span></p><table><tr><td>100108</td><td>8900</td></tr></table><p>Æ Ø Å ${N.body}</p></body></html>`);
  save("side.html", { producer: "this script", findings: [f("150650-3720"), f(N.body)], absent: ["1001088900"] });

  // --- attached mail: .eml with a nested message and a .docx
  const docxB64 = readFileSync(join(work, "brev.docx")).toString("base64").replace(/.{76}/g, "$&\r\n");
  const inner = [`From: a@example.org`, `To: b@example.org`, `Subject: Indre besked`, `MIME-Version: 1.0`, `Content-Type: text/plain; charset=utf-8`, ``, `Indre tekst ${N.text}`, ``].join("\r\n");
  const eml = [
    `From: Sagsbehandler <sb@randers.dk>`,
    `To: borger@example.org`,
    `Subject: =?utf-8?Q?Sag_vedr=2E_${N.mailSubject}?=`,
    `MIME-Version: 1.0`,
    `Content-Type: multipart/mixed; boundary="b1"`,
    ``,
    `--b1`,
    `Content-Type: text/html; charset=utf-8`,
    ``,
    `<p>Kære borger, vedr. <b>${N.mailBody.slice(0, 6)}</b>${N.mailBody.slice(6)}</p>`,
    `--b1`,
    `Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="Afgørelse.docx"`,
    `Content-Disposition: attachment; filename="Afgorelse.docx"`,
    `Content-Transfer-Encoding: base64`,
    ``,
    docxB64,
    `--b1`,
    `Content-Type: message/rfc822`,
    `Content-Disposition: attachment; filename="Indre.eml"`,
    ``,
    inner,
    `--b1--`,
    ``,
  ].join("\r\n");
  writeFileSync(join(work, "videresendt.eml"), eml);
  save("videresendt.eml", {
    producer: "this script (RFC 5322 by hand)",
    findings: [
      f(N.mailSubject, { kind: "mail-part", part: "subject" }),
      f(N.mailBody, { kind: "mail-part", part: "body" }),
      f(N.header, section("header"), "Afgorelse.docx"),
      f(N.text, { kind: "mail-part", part: "body" }, "Indre.eml"),
    ],
  });

  msgFixtures();

  // --- corrupt and unsupported
  const docx = readFileSync(join(work, "brev.docx"));
  writeFileSync(join(work, "oedelagt.docx"), docx.subarray(0, Math.floor(docx.length / 2)));
  save("oedelagt.docx", { producer: "LibreOffice docx cut in half", findings: [], unreadable: { "": "corrupt" } });
  writeFileSync(join(work, "arkiv.7z"), Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 1, 2, 3, 4, 5, 6, 7, 8]));
  save("arkiv.7z", { producer: "this script (7z signature)", findings: [], unreadable: { "": "unsupported/unknown-format" } });
  // An OOXML part inflated by fflate too (second zip producer), for the zip walker.
  writeFileSync(join(work, "fflate.zip"), zipSync({ "noter.txt": new TextEncoder().encode(`Note ${N.text}\n`) }));
  save("fflate.zip", { producer: "fflate zipSync", findings: [f(N.text, { kind: "line", line: 1 }, "noter.txt")] });

  rmSync(work, { recursive: true, force: true });
  process.stdout.write(`fixtures written to ${OUT}\n`);
}

/** The OLE layout Office writes for a password-protected OOXML file (MS-OFFCRYPTO §2.3.4). */
function makeEncryptedOoxml(): Uint8Array {
  const info = new Uint8Array(Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>', "utf8")]));
  const pkg = new Uint8Array(4096).map((_, i) => (i * 73 + 11) & 255);
  const doc = (name: string, data: Uint8Array) => ({ name, type: TypeEnum.DOCUMENT, length: data.length, binaryProvider: () => data });
  return burn([
    { name: "Root Entry", type: TypeEnum.ROOT, length: 0, children: [1, 2, 3] },
    doc("EncryptionInfo", info),
    doc("EncryptedPackage", pkg),
    { name: "\u0006DataSpaces", type: TypeEnum.DIRECTORY, length: 0, children: [4] },
    doc("Version", new Uint8Array(76)),
  ]);
}

/** A LibreOffice .odt whose manifest declares encrypted entries, as a password-protected save does. */
function makeEncryptedOdt(odt: Uint8Array): Uint8Array {
  const files = unzipSync(odt);
  const manifest = new TextDecoder().decode(files["META-INF/manifest.xml"]);
  const encrypted = manifest.replace(
    /(<manifest:file-entry manifest:full-path="content.xml"[^>]*?)\/>/,
    '$1><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data></manifest:file-entry>',
  );
  files["META-INF/manifest.xml"] = new TextEncoder().encode(encrypted);
  return zipSync(files);
}

/** A synthetic number (born 1868) inside HTML markup of the RTF body: not body text. */
const IN_MARKUP = "280568-7315";

/** Outlook .msg: CFBs written with msgreader's own CFB writer (no Outlook on Linux). */
function msgFixtures(): void {
  assertSynthetic(IN_MARKUP);
  const attachment = { name: "Bilag.txt", data: new Uint8Array(Buffer.from(`Vedhæftet ${N.text}\r\n`, "utf8")) };
  writeFileSync(join(work, "besked.msg"), makeMsg({ subject: `Sag ${N.mailSubject}`, body: `Brødtekst ${N.mailBody}\r\n`, attachment }));
  save("besked.msg", {
    producer: "this script (msgreader's CFB burner)",
    findings: [f(N.mailSubject, { kind: "mail-part", part: "subject" }), f(N.mailBody, { kind: "mail-part", part: "body" }), f(N.text, { kind: "line", line: 1 }, "Bilag.txt")],
  });

  // The body only as compressed RTF (PidTagRtfCompressed), HTML encapsulated, as Outlook stores
  // many messages: no PidTagBody, no PidTagHtml.
  const rtf = new Uint8Array(Buffer.from(outlookHtmlRtf(), "latin1"));
  const stream = compressRtf(rtf);
  // Checked against the library's decoder here, so a fixture can never encode something else.
  if (Buffer.compare(Buffer.from(decompressRTF(Array.from(stream))), Buffer.from(rtf)) !== 0) throw new Error("LZFu round trip failed");
  writeFileSync(join(work, "besked-rtf.msg"), makeMsg({ subject: `Sag ${N.mailSubject}`, compressedRtf: stream, attachment }));
  const body = { kind: "mail-part", part: "body" };
  save("besked-rtf.msg", {
    producer: "this script (msgreader's CFB burner; HTML-encapsulated RTF body, LZFu by test/helpers/msg-writer.ts)",
    findings: [
      f(N.mailSubject, { kind: "mail-part", part: "subject" }),
      f(N.mailBody, body),
      f(N.noBreak, body),
      f(N.table, body),
      f(N.text, { kind: "line", line: 1 }, "Bilag.txt"),
    ],
    // Two table cells, and markup in \htmltag groups, never read as body text.
    absent: ["1001088900", IN_MARKUP.replace("-", "")],
  });
}

/**
 * An HTML body encapsulated in RTF the way Outlook writes it ([MS-OXRTFEX]): markup in
 * {\*\htmltag…} groups, RTF-only renderings between \htmlrtf and \htmlrtf0, text in between.
 * Planted: a number split by <b>, one joined by the entity &#8209; (its RTF rendering \u8209),
 * one in a table cell, and two cells (100108 | 8900) whose HTML has no \par between them.
 */
function outlookHtmlRtf(): string {
  const [b1, b2] = [N.mailBody.slice(0, 6), N.mailBody.slice(6)];
  const [nb1, nb2] = N.noBreak.split("\u2011") as [string, string];
  const tag = (n: number, html: string): string => `{\\*\\htmltag${n} ${html}}`;
  const para = (text: string): string => `${tag(64, '<p class="MsoNormal">')}\\htmlrtf {\\htmlrtf0 ${text}\\htmlrtf \\par\r\n}\\htmlrtf0\r\n${tag(72, "</p>")}\r\n`;
  const cell = (text: string): string => `${tag(84, "<td>")}\\htmlrtf {\\htmlrtf0 ${text}\\htmlrtf }\\htmlrtf0 ${tag(92, "</td>")}`;
  return [
    "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\fbidis \\deff0{\\fonttbl\r\n",
    "{\\f0\\fswiss\\fcharset0 Arial;}\r\n{\\f1\\fmodern Courier New;}\r\n{\\f2\\fnil\\fcharset2 Symbol;}\r\n{\\f3\\fswiss\\fcharset0 Calibri;}}\r\n",
    "{\\colortbl\\red0\\green0\\blue0;\\red5\\green99\\blue193;}\r\n",
    "\\uc1\\pard\\plain\\deftab360 \\f0\\fs24 \r\n",
    tag(19, '<html xmlns:o="urn:schemas-microsoft-com:office:office">'),
    "\r\n",
    tag(34, "<head>"),
    "\r\n",
    tag(161, '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">'),
    tag(241, "<style>"),
    tag(241, `<!--\\par p.MsoNormal\\par \\tab \\{margin:0cm;\\par \\tab font-family:"Calibri",sans-serif; /* ${IN_MARKUP} */\\}\\par -->`),
    tag(249, "</style>"),
    tag(41, "</head>"),
    "\r\n",
    tag(50, '<body lang="DA" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">'),
    "\\htmlrtf \\lang1030 \\htmlrtf0 \r\n",
    tag(96, '<div class="WordSection1">'),
    "\\htmlrtf {\\htmlrtf0 \r\n",
    para("K\\'e6re borger"),
    para(`Vedr. CPR-nr. ${tag(84, "<b>")}\\htmlrtf {\\b \\htmlrtf0 ${b1}${tag(92, "</b>")}\\htmlrtf }\\htmlrtf0 ${b2}, s\\'f8ster ${nb1}${tag(84, "&#8209;")}\\htmlrtf \\u8209?\\htmlrtf0 ${nb2}`),
    tag(104, '<table class="MsoNormalTable" border="0">'),
    tag(104, "<tr>"),
    cell(N.table),
    cell("42"),
    tag(104, "</tr>"),
    tag(104, "<tr>"),
    cell("100108"),
    cell("8900"),
    tag(104, "</tr>"),
    tag(104, "</table>"),
    "\r\n",
    para(`Med venlig hilsen${tag(84, "&nbsp;")}\\htmlrtf \\'a0\\htmlrtf0 Sagsbehandler`),
    tag(104, "</div>"),
    "\\htmlrtf }\\htmlrtf0 \r\n",
    tag(58, "</body>"),
    "\r\n",
    tag(27, "</html>"),
    "\r\n}\r\n",
  ].join("");
}

main();
