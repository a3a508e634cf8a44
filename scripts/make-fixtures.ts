/**
 * Generates the example mails (examples/eml) and the test-only mails (test/fixtures/eml), each
 * with `<name>.expected.json`: the JSON line `postvagt scan --json --policy
 * examples/policies/randers.policy.json <file>` must print, minus elapsedMs.
 *
 * The expectations are written here by hand from the rules (docs/design/cpr-number.md §6.2, docs/design/lookalike-domains.md §5, the
 * policy), never captured from a run: a fixture whose output changes is a finding to look at.
 *
 * Every CPR number is synthetic (docs/design/cpr-number.md §7): born 1858–1915, so no living person holds it. They
 * come from a seeded generator, so the files are identical on every run.
 *
 *   npm run fixtures          write the files
 *   npm run fixtures:check    regenerate into a temp dir and fail on any difference
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { zlibSync } from "fflate";
import { onePagePdf } from "../test/helpers/pdf-refilter";
import { mulberry32 } from "../test/helpers/seeded-random";

const ROOT = join(__dirname, "..");
const SEED = 20261122;

// ---------------------------------------------------------------------------------------------
// Seeded synthetic CPR numbers


const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

function passesMod11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * (WEIGHTS[i] as number);
  return sum % 11 === 0;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export interface SyntheticCpr {
  /** Ten digits. Only ever written into fixture files, never printed. */
  readonly digits: string;
  /** "DDMMYY-SSSS" */
  readonly hyphen: string;
  /** What the scanner must print: "DDMMYY-****". */
  readonly masked: string;
}

/**
 * A number born 1858–1915 that passes modulus 11 and is not dated 1 January: HIGH in hyphen form,
 * LOW in compact form without a keyword (age > 110, docs/design/cpr-number.md §6.2).
 */
export function syntheticCprs(seed: number, count: number): SyntheticCpr[] {
  const random = mulberry32(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const out: SyntheticCpr[] = [];
  while (out.length < count) {
    const year = 1858 + pick(58);
    const month = 1 + pick(12);
    const day = 1 + pick(28);
    if (month === 1 && day === 1) continue;
    // Digit 7 decides the century (docs/design/cpr-number.md §1.2): 5–8 with YY 58–99 → 18xx; 0–3 → 19xx.
    const d7 = year < 1900 ? 5 + pick(4) : pick(4);
    const head = `${pad(day)}${pad(month)}${pad(year % 100)}${d7}`;
    for (let tail = pick(1000), tries = 0; tries < 1000; tail = (tail + 1) % 1000, tries++) {
      const digits = `${head}${pad(tail, 3)}`;
      if (!passesMod11(digits)) continue;
      if (out.some((c) => c.digits === digits)) break;
      out.push({ digits, hyphen: `${digits.slice(0, 6)}-${digits.slice(6)}`, masked: `${digits.slice(0, 6)}-****` });
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A minimal MIME writer: deterministic headers and boundaries, CRLF line ends.

interface Part {
  readonly headers: readonly string[];
  readonly body: string;
}

const CRLF = "\r\n";

function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

function base64Lines(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString("base64");
  return (b64.match(/.{1,76}/g) ?? []).join(CRLF);
}

function textPart(text: string, subtype: "plain" | "html" = "plain"): Part {
  return {
    headers: [`Content-Type: text/${subtype}; charset=utf-8`, "Content-Transfer-Encoding: 8bit"],
    body: text.replace(/\r?\n/g, CRLF),
  };
}

function filePart(name: string, contentType: string, bytes: Uint8Array): Part {
  return {
    headers: [
      `Content-Type: ${contentType}; name="${encodeWord(name)}"`,
      `Content-Disposition: attachment; filename="${encodeWord(name)}"`,
      "Content-Transfer-Encoding: base64",
    ],
    body: base64Lines(bytes),
  };
}

function mailPart(name: string, eml: string): Part {
  return {
    headers: ["Content-Type: message/rfc822", `Content-Disposition: attachment; filename="${encodeWord(name)}"`, "Content-Transfer-Encoding: 8bit"],
    body: eml.replace(/\r\n$/, ""),
  };
}

let boundaryCounter = 0;

function multipart(subtype: "mixed" | "alternative", parts: readonly Part[]): Part {
  const boundary = `=_postvagt_${++boundaryCounter}`;
  const body = [...parts.map((p) => `--${boundary}${CRLF}${p.headers.join(CRLF)}${CRLF}${CRLF}${p.body}`), `--${boundary}--`].join(CRLF);
  return { headers: [`Content-Type: multipart/${subtype}; boundary="${boundary}"`], body };
}

interface MailSpec {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly bcc?: readonly string[];
  readonly subject: string;
  readonly id: string;
  readonly content: Part;
}

function mail(spec: MailSpec): string {
  const headers = [
    `From: ${spec.from}`,
    `To: ${spec.to.join(", ")}`,
    ...(spec.cc ? [`Cc: ${spec.cc.join(", ")}`] : []),
    ...(spec.bcc ? [`Bcc: ${spec.bcc.join(", ")}`] : []),
    `Subject: ${encodeWord(spec.subject)}`,
    "Date: Sun, 22 Nov 2026 09:30:00 +0100",
    `Message-ID: <${spec.id}@fixtures.postvagt.invalid>`,
    "MIME-Version: 1.0",
    ...spec.content.headers,
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${spec.content.body}${CRLF}`;
}

/** The smallest valid PNG (1×1, grey): an image the scanner cannot read text from. */
const PNG_1X1 = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==", "base64"),
);

// ---------------------------------------------------------------------------------------------
// The fixtures and what the scanner must say about each

type Expected = Readonly<Record<string, unknown>>;

interface Fixture {
  readonly dir: "examples/eml" | "test/fixtures/eml";
  readonly name: string;
  readonly bytes: string | Uint8Array;
  /** The JSON line without elapsedMs (file is filled in). */
  readonly expected: Expected;
}

const SENDER = "Sagsbehandler <sagsbehandler@randers.dk>";

export function buildFixtures(): Fixture[] {
  boundaryCounter = 0;
  const [c1, c2, c3, c4, c5, c6, c7] = syntheticCprs(SEED, 7) as [SyntheticCpr, SyntheticCpr, SyntheticCpr, SyntheticCpr, SyntheticCpr, SyntheticCpr, SyntheticCpr];
  const fixtures: Fixture[] = [];
  const add = (dir: Fixture["dir"], name: string, bytes: string | Uint8Array, expected: Expected): void => {
    fixtures.push({ dir, name, bytes, expected: { file: `${dir}/${name}.eml`, ...expected } });
  };

  add(
    "examples/eml",
    "clean",
    mail({
      from: SENDER,
      to: ["Kollega <kollega@randers.dk>"],
      subject: "Mødet på torsdag",
      id: "clean",
      content: textPart("Hej Mette\n\nKan vi flytte mødet til kl. 10.30 i lokale 2.14?\n\nVenlig hilsen\nJens"),
    }),
    { verdict: "allow", findings: [] },
  );

  add(
    "examples/eml",
    "cpr-in-subject",
    mail({
      from: SENDER,
      to: ["Jobcenter <jobcenter@randers.dk>"],
      subject: `Sag om ${c1.hyphen} – opfølgning`,
      id: "cpr-in-subject",
      content: textPart("Hej\n\nSe venligst sagen.\n\nHilsen\nJens"),
    }),
    {
      verdict: "block",
      findings: [{ kind: "cpr", location: { part: "subject" }, masked: c1.masked, confidence: "high", action: "block", reasons: ["mod11-pass", "age-over-110"] }],
    },
  );

  const split = (c: SyntheticCpr): string => `<span>${c.digits.slice(0, 4)}</span><b>${c.digits.slice(4, 6)}&#45;${c.digits.slice(6)}</b>`;
  add(
    "examples/eml",
    "cpr-in-html-body",
    mail({
      from: SENDER,
      to: ["Ydelse <ydelse@randers.dk>"],
      subject: "Ansøgning om boligstøtte",
      id: "cpr-in-html-body",
      content: multipart("alternative", [
        textPart("Borgerens CPR-nr.: (se HTML-udgaven)\n\nOrdrenr. 100108 / 8900 Randers C"),
        textPart(
          `<html><body><p>Hej</p><p>Borgerens CPR-nr.: ${split(c2)}</p>` +
            "<table><tr><td>Ordrenr.</td><td>100108</td><td>8900</td><td>Randers C</td></tr></table>" +
            "<p>Venlig hilsen<br>Jens</p></body></html>",
          "html",
        ),
      ]),
    }),
    {
      verdict: "block",
      findings: [{ kind: "cpr", location: { part: "body" }, masked: c2.masked, confidence: "high", action: "block", reasons: ["keyword", "weak-keyword", "mod11-pass", "age-over-110"] }],
    },
  );

  add(
    "examples/eml",
    "cpr-in-text-attachment",
    mail({
      from: SENDER,
      to: ["Borgerservice <borgerservice@randers.dk>"],
      subject: "Notat fra samtalen",
      id: "cpr-in-text-attachment",
      content: multipart("mixed", [
        textPart("Hej\n\nNotatet er vedhæftet.\n\nHilsen\nJens"),
        filePart("notat.txt", "text/plain; charset=utf-8", Buffer.from(`Notat\n\nBorger: ${c3.hyphen}\nSamtale om bolig.\n`, "utf8")),
      ]),
    }),
    {
      verdict: "block",
      findings: [
        {
          kind: "cpr",
          location: { part: "attachment", attachment: "notat.txt", detail: "linje 3" },
          masked: c3.masked,
          confidence: "high",
          action: "block",
          reasons: ["weak-keyword", "mod11-pass", "age-over-110"],
        },
      ],
    },
  );

  const inner = mail({
    from: "Borger <borger@example.org>",
    to: ["Sagsbehandler <sagsbehandler@randers.dk>"],
    subject: "Min ansøgning",
    id: "inner",
    content: textPart(`Hej\n\nMit personnummer er ${c4.hyphen}.\n\nHilsen\nBorger`),
  });
  add(
    "examples/eml",
    "cpr-in-attached-mail",
    mail({
      from: SENDER,
      to: ["Kollega <kollega@randers.dk>"],
      subject: "VS: Min ansøgning",
      id: "cpr-in-attached-mail",
      content: multipart("mixed", [textPart("Til orientering."), mailPart("Min ansøgning.eml", inner)]),
    }),
    {
      verdict: "block",
      findings: [
        {
          kind: "cpr",
          location: { part: "attachment", attachment: "Min ansøgning.eml", detail: "brødteksten" },
          masked: c4.masked,
          confidence: "high",
          action: "block",
          reasons: ["keyword", "weak-keyword", "mod11-pass", "age-over-110"],
        },
      ],
    },
  );

  add(
    "examples/eml",
    "lookalike-anders-dk",
    mail({
      from: SENDER,
      to: ["Sagsbehandler <sagsbehandler@anders.dk>"],
      subject: "Svar på din henvendelse",
      id: "lookalike-anders-dk",
      content: textPart("Hej\n\nTak for din henvendelse.\n\nHilsen\nJens"),
    }),
    {
      verdict: "block",
      findings: [
        {
          kind: "lookalike-domain",
          recipient: "sagsbehandler@anders.dk",
          field: "to",
          domain: "anders.dk",
          resembles: "randers.dk",
          why: "der mangler et 'r'",
          action: "block",
          reason: "typo",
          target: "own",
          suggestion: "sagsbehandler@randers.dk",
        },
      ],
    },
  );

  add(
    "examples/eml",
    "lookalike-rander-dk",
    mail({
      from: SENDER,
      to: ["Familieafdelingen <familie@randers.dk>"],
      cc: ["Leder <leder@rander.dk>"],
      subject: "Referat",
      id: "lookalike-rander-dk",
      content: textPart("Referatet følger her.\n\nHilsen\nJens"),
    }),
    {
      verdict: "block",
      findings: [
        {
          kind: "lookalike-domain",
          recipient: "leder@rander.dk",
          field: "cc",
          domain: "rander.dk",
          resembles: "randers.dk",
          why: "der mangler et 's'",
          action: "block",
          reason: "typo",
          target: "own",
          suggestion: "leder@randers.dk",
        },
      ],
    },
  );

  add(
    "examples/eml",
    "image-attachment",
    mail({
      from: SENDER,
      to: ["Kollega <kollega@randers.dk>"],
      subject: "Billede af formularen",
      id: "image-attachment",
      content: multipart("mixed", [textPart("Her er billedet."), filePart("formular.png", "image/png", PNG_1X1)]),
    }),
    // Listed as not checked, but allowed: policy.imageAttachment defaults to "allow" (signature logos).
    {
      verdict: "allow",
      findings: [{ kind: "unreadable-attachment", attachment: "formular.png", why: "unsupported", action: "allow", cause: "image" }],
    },
  );

  add(
    "examples/eml",
    "encrypted-zip-attachment",
    mail({
      from: SENDER,
      to: ["Kollega <kollega@randers.dk>"],
      subject: "Bilag med kode",
      id: "encrypted-zip-attachment",
      content: multipart("mixed", [
        textPart("Koden kommer i en separat mail."),
        filePart("bilag.zip", "application/zip", new Uint8Array(readFileSync(join(ROOT, "test/fixtures/attachments/krypteret.zip")))),
      ]),
    }),
    {
      verdict: "warn",
      findings: [{ kind: "unreadable-attachment", attachment: "bilag.zip/Ansøgning.docx", why: "encrypted", action: "warn" }],
    },
  );

  add(
    "examples/eml",
    "trusted-domain",
    mail({
      from: SENDER,
      to: ["Aarhus Kommune <postmodtagelse@aarhus.dk>"],
      subject: "Mødeindkaldelse",
      id: "trusted-domain",
      content: textPart("Hej\n\nHermed indkaldelse til mødet den 3. december 2026 kl. 13.00.\n\nHilsen\nJens"),
    }),
    { verdict: "allow", findings: [] },
  );

  add("examples/eml", "unparseable", "Dette er ikke en mail, bare en tekstfil med et forkert navn.\n", { error: "not-a-message" });

  // --- test-only fixtures: edges the examples do not need to show ---

  add("test/fixtures/eml", "empty", "", { error: "empty" });

  add(
    "test/fixtures/eml",
    "cpr-in-attachment-name",
    mail({
      from: SENDER,
      to: ["Kollega <kollega@randers.dk>"],
      subject: "Scanning",
      id: "cpr-in-attachment-name",
      content: multipart("mixed", [textPart("Se vedhæftede."), filePart(`${c5.hyphen}_ansoegning.txt`, "text/plain", Buffer.from("Ansøgning om tilskud.\n"))]),
    }),
    {
      verdict: "block",
      findings: [
        {
          kind: "cpr",
          location: { part: "attachment", attachment: `${c5.masked}_ansoegning.txt`, detail: "filnavnet" },
          masked: c5.masked,
          confidence: "high",
          action: "block",
          reasons: ["mod11-pass", "age-over-110", "in-file-name"],
        },
      ],
    },
  );

  add(
    "test/fixtures/eml",
    "compact-cpr-low",
    mail({
      from: SENDER,
      to: ["Kollega <kollega@randers.dk>"],
      subject: "Bestilling",
      id: "compact-cpr-low",
      content: textPart(`Varen har nummer ${c6.digits} i kataloget.`),
    }),
    {
      verdict: "allow",
      findings: [{ kind: "cpr", location: { part: "body" }, masked: c6.masked, confidence: "low", action: "allow", reasons: ["mod11-pass", "age-over-110"] }],
    },
  );

  add(
    "test/fixtures/eml",
    "masked-and-hard-negatives",
    mail({
      from: SENDER,
      to: ["Kollega <kollega@randers.dk>"],
      subject: `Sag ${c1.masked}`,
      id: "masked-and-hard-negatives",
      content: textPart(
        [
          `Borgeren (${c1.masked}) har ringet.`,
          "Tlf. +45 12 34 56 78",
          "CVR-nr. 12345674",
          "J.nr. 2011-323-0246",
          "Født 01-01-1990",
          "IBAN DK50 0040 0440 1162 43",
          "EAN 5798000012349",
          "Fakturanr. 3104901234",
        ].join("\n"),
      ),
    }),
    { verdict: "allow", findings: [] },
  );

  add(
    "test/fixtures/eml",
    "tld-swap-in-bcc",
    mail({
      from: SENDER,
      to: ["Kollega <kollega@randers.dk>"],
      bcc: ["Arkiv <arkiv@randers.com>"],
      subject: "Kopi",
      id: "tld-swap-in-bcc",
      content: textPart("Kopi til arkivet."),
    }),
    {
      verdict: "block",
      findings: [
        {
          kind: "lookalike-domain",
          recipient: "arkiv@randers.com",
          field: "bcc",
          domain: "randers.com",
          resembles: "randers.dk",
          why: "det ender på .com i stedet for .dk",
          action: "block",
          reason: "tld-swap",
          target: "own",
          suggestion: "arkiv@randers.dk",
        },
      ],
    },
  );

  // A one-page PDF letter (Helvetica, Flate): what a caseworker attaches most. Added last, so the
  // MIME boundaries of the mails above stay as committed. The CLI reads it with
  // pdf.js, the add-in's send check with its own reader; both must print this line.
  const letterPdf = onePagePdf(["Afgørelse om boligstøtte", "", `Borger: ${c7.hyphen}`, "", "Med venlig hilsen", "Randers Kommune"], (content) => ({
    dict: "/Filter /FlateDecode",
    data: zlibSync(content),
  }));
  add(
    "examples/eml",
    "cpr-in-pdf-attachment",
    mail({
      from: SENDER,
      to: ["Borger <borger@example.org>"],
      subject: "Din afgørelse",
      id: "cpr-in-pdf-attachment",
      content: multipart("mixed", [textPart("Hej\n\nAfgørelsen er vedhæftet.\n\nHilsen\nJens"), filePart("afgørelse.pdf", "application/pdf", letterPdf)]),
    }),
    {
      verdict: "block",
      findings: [
        {
          kind: "cpr",
          location: { part: "attachment", attachment: "afgørelse.pdf", detail: "side 1" },
          masked: c7.masked,
          confidence: "high",
          action: "block",
          reasons: ["weak-keyword", "mod11-pass", "age-over-110"],
        },
      ],
    },
  );

  return fixtures;
}

// ---------------------------------------------------------------------------------------------

function render(fixture: Fixture): { eml: string | Uint8Array; expected: string } {
  return { eml: fixture.bytes, expected: `${JSON.stringify(fixture.expected, null, 2)}\n` };
}

function writeAll(root: string): string[] {
  const written: string[] = [];
  for (const fixture of buildFixtures()) {
    const dir = join(root, fixture.dir);
    mkdirSync(dir, { recursive: true });
    const { eml, expected } = render(fixture);
    writeFileSync(join(dir, `${fixture.name}.eml`), eml);
    writeFileSync(join(dir, `${fixture.name}.expected.json`), expected);
    written.push(join(fixture.dir, `${fixture.name}.eml`), join(fixture.dir, `${fixture.name}.expected.json`));
  }
  return written.sort();
}

function listGenerated(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith(".eml") || f.endsWith(".expected.json"))
    .map((f) => join(dir, f));
}

/** Regenerates into a temp dir and lists every file that is missing, differs or is not ours. */
export function fixtureDrift(): { files: number; problems: string[] } {
  const temp = mkdtempSync(join(tmpdir(), "postvagt-fixtures-"));
  try {
    const fresh = writeAll(temp);
    const committed = [...listGenerated(ROOT, "examples/eml"), ...listGenerated(ROOT, "test/fixtures/eml")].sort();
    const problems: string[] = [];
    for (const f of fresh) {
      const path = join(ROOT, f);
      if (!existsSync(path)) problems.push(`missing: ${f}`);
      else if (!readFileSync(path).equals(readFileSync(join(temp, f)))) problems.push(`differs: ${f}`);
    }
    for (const f of committed) if (!fresh.includes(f)) problems.push(`not generated by this script: ${f}`);
    return { files: fresh.length, problems };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function check(): number {
  const { files, problems } = fixtureDrift();
  if (problems.length > 0) {
    process.stderr.write(`Fixtures are out of date (run npm run fixtures):\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  }
  process.stdout.write(`Fixtures up to date (${files} files).\n`);
  return 0;
}

if (require.main === module) {
  if (process.argv.includes("--check")) {
    process.exitCode = check();
  } else {
    const written = writeAll(ROOT);
    process.stdout.write(`Wrote ${written.length} files:\n${written.map((f) => `  ${relative(ROOT, join(ROOT, f))}`).join("\n")}\n`);
  }
}
