import { maskCpr, type Finding, type Location, type LookalikeFinding, type Place } from "../core";
import { describeFinding, describeLocation, describeLookalikeWhy, describePlace } from "./describe-finding";
import { TEST_LANG } from "./t";
import { lookalikeFinding } from "../../test/helpers/sample-findings";

// Synthetic (docs/design/cpr-number.md §7): 15 June 1950 failing modulus 11, and 24 December 1910.
const MASKED = maskCpr("1506503720");

const cprAt = (location: Location): Finding => ({
  kind: "cpr",
  location,
  masked: MASKED,
  confidence: "high",
  form: "hyphen",
  reasons: ["keyword"],
  span: { start: 0, end: 11 },
});

const look = (over: Partial<LookalikeFinding>): LookalikeFinding => lookalikeFinding(over);

describe("describePlace", () => {
  it.each<[Place, string, string]>([
    [{ kind: "page", page: 3 }, "side 3", "page 3"],
    [{ kind: "cell", sheet: "Ark2", cell: "C14" }, "Ark2!C14", "Ark2!C14"],
    [{ kind: "slide", slide: 4 }, "dias 4", "slide 4"],
    [{ kind: "slide", slide: 4, notes: true }, "noterne til dias 4", "the notes of slide 4"],
    [{ kind: "line", line: 12 }, "linje 12", "line 12"],
    [{ kind: "file-name" }, "filnavnet", "the file name"],
    [{ kind: "section", section: "header" }, "sidehovedet", "the header"],
    [{ kind: "section", section: "footer" }, "sidefoden", "the footer"],
    [{ kind: "section", section: "footnote" }, "en fodnote", "a footnote"],
    [{ kind: "section", section: "endnote" }, "en slutnote", "an endnote"],
    [{ kind: "section", section: "comment" }, "en kommentar", "a comment"],
    [{ kind: "section", section: "textbox" }, "et tekstfelt", "a text box"],
    [{ kind: "section", section: "tracked-change" }, "en registreret ændring", "a tracked change"],
    [{ kind: "section", section: "metadata" }, "dokumentets egenskaber", "the document properties"],
    [{ kind: "section", section: "notes" }, "noterne", "the notes"],
    [{ kind: "mail-part", part: "subject" }, "emnefeltet", "the subject"],
    [{ kind: "mail-part", part: "body" }, "brødteksten", "the message body"],
  ])("%j → %s / %s", (place, daText, enText) => {
    expect(describePlace(place, "da")).toBe(daText);
    expect(describePlace(place, "en")).toBe(enText);
  });
});

describe("describeFinding: CPR", () => {
  it.each<[Location, string, string]>([
    [{ part: "subject" }, "CPR-nummer 150650-**** i emnefeltet", "CPR number 150650-**** in the subject"],
    [{ part: "body" }, "CPR-nummer 150650-**** i brødteksten", "CPR number 150650-**** in the message body"],
    [
      { part: "attachment", attachment: "Bilag.zip/Ansøgning.docx", place: { kind: "page", page: 3 } },
      "CPR-nummer 150650-**** i Bilag.zip/Ansøgning.docx, side 3",
      "CPR number 150650-**** in Bilag.zip/Ansøgning.docx, page 3",
    ],
    [
      { part: "attachment", attachment: "Liste.xlsx", place: { kind: "cell", sheet: "Ark1", cell: "C14" } },
      "CPR-nummer 150650-**** i Liste.xlsx, Ark1!C14",
      "CPR number 150650-**** in Liste.xlsx, Ark1!C14",
    ],
    [{ part: "attachment", attachment: "notat.txt" }, "CPR-nummer 150650-**** i notat.txt", "CPR number 150650-**** in notat.txt"],
    [
      { part: "attachment", attachment: "Videresendt.eml", place: { kind: "mail-part", part: "body" } },
      "CPR-nummer 150650-**** i Videresendt.eml, brødteksten",
      "CPR number 150650-**** in Videresendt.eml, the message body",
    ],
    [
      { part: "attachment", attachment: "150650-3720_ansøgning.pdf", place: { kind: "file-name" } },
      "CPR-nummer 150650-**** i filnavnet 150650-****_ansøgning.pdf",
      "CPR number 150650-**** in the file name 150650-****_ansøgning.pdf",
    ],
  ])("%j", (location, daText, enText) => {
    expect(describeFinding(cprAt(location), "da")).toBe(daText);
    expect(describeFinding(cprAt(location), "en")).toBe(enText);
  });
});

describe("describeFinding: look-alike domains", () => {
  it("says what is wrong and what was meant (the Randers case)", () => {
    expect(describeFinding(look({}), "da")).toBe("anders.dk ligner randers.dk – der mangler et 'r'. Mente du randers.dk?");
    expect(describeFinding(look({}), "en")).toBe("anders.dk looks like randers.dk – the letter 'r' is missing. Did you mean randers.dk?");
  });

  it.each<[Partial<LookalikeFinding>, string, string]>([
    [{ edit: { op: "missing", char: "s" } }, "der mangler et 's'", "the letter 's' is missing"],
    [{ edit: { op: "extra", char: "e" } }, "der er et 'e' for meget", "there is an extra 'e'"],
    [{ edit: { op: "replaced", from: "d", to: "b" } }, "der står 'b' i stedet for 'd'", "it has 'b' instead of 'd'"],
    [{ edit: { op: "swapped", chars: "er" } }, "'er' er byttet om", "'er' are swapped"],
    [{ reason: "tld-swap", edit: { op: "other-suffix", from: "dk", to: "com" } }, "det ender på .com i stedet for .dk", "it ends in .com instead of .dk"],
    [{ reason: "homoglyph", edit: { op: "look-alike-characters" } }, "det bruger tegn, der ligner andre tegn", "it uses characters that look like others"],
    [{ reason: "affix", edit: { op: "added-word", word: "kommune" } }, "ordet 'kommune' er sat på navnet", "the word 'kommune' was added to the name"],
    [{ edit: { op: "several" } }, "flere tegn er ændret", "several characters differ"],
    [{ reason: "embedded-name", edit: undefined }, "randers.dk er gemt i et andet domæne", "randers.dk is hidden inside another domain"],
    [{ reason: "split-label", edit: undefined }, "navnet er delt op med punktum eller bindestreg", "the name is split up by a dot or a hyphen"],
    [{ reason: "tld-swap", edit: undefined }, "samme navn med en anden endelse", "the same name with another ending"],
    [{ reason: "homoglyph", edit: undefined }, "det bruger tegn, der ligner andre tegn", "it uses characters that look like others"],
    [{ reason: "typo", edit: undefined }, "det ligner en tastefejl", "it looks like a typing error"],
    [{ reason: "affix", edit: undefined }, "der er sat et ord på navnet", "a word was added to the name"],
  ])("why for %j", (over, daText, enText) => {
    expect(describeLookalikeWhy(look(over), "da")).toBe(daText);
    expect(describeLookalikeWhy(look(over), "en")).toBe(enText);
  });
});

describe("describeFinding: other kinds", () => {
  it.each<[Finding, string, string]>([
    [{ kind: "invalid-recipient", recipient: "jens@", field: "to" }, "jens@ er ikke en gyldig mailadresse", "jens@ is not a valid e-mail address"],
    [
      { kind: "unreadable-attachment", attachment: "scan.png", why: "unsupported", cause: "image" },
      "scan.png kunne ikke tjekkes: det er et billede, og tekst i billeder kan ikke læses",
      "scan.png could not be checked: it is an image, and text in images cannot be read",
    ],
    [
      { kind: "unreadable-attachment", attachment: "Bilag.zip/løn.xlsx", why: "encrypted" },
      "Bilag.zip/løn.xlsx kunne ikke tjekkes: filen er krypteret eller beskyttet med adgangskode",
      "Bilag.zip/løn.xlsx could not be checked: the file is encrypted or password-protected",
    ],
    [
      { kind: "unreadable-attachment", attachment: "stor.pdf", why: "timeout" },
      "stor.pdf kunne ikke tjekkes: der var ikke tid til at læse den, før mailen skulle sendes",
      "stor.pdf could not be checked: there was no time to read it before sending",
    ],
  ])("%j", (finding, daText, enText) => {
    expect(describeFinding(finding, "da")).toBe(daText);
    expect(describeFinding(finding, "en")).toBe(enText);
  });

  it.each<[Finding["kind"], Finding]>([
    ["cpr", cprAt({ part: "subject" })],
    ["lookalike-domain", look({})],
    ["invalid-recipient", { kind: "invalid-recipient", recipient: "x@", field: "cc" }],
    ["unreadable-attachment", { kind: "unreadable-attachment", attachment: "a.bin", why: "corrupt" }],
  ])("%s goes through the string table (test language shows keys)", (_kind, finding) => {
    expect(describeFinding(finding, TEST_LANG)).toMatch(/^\[\[findings\./);
  });

  it("masks a CPR number in an attachment name, an address and a domain", () => {
    const digits = "1506503720";
    const outputs = [
      describeFinding({ kind: "unreadable-attachment", attachment: `${digits.slice(0, 6)}-${digits.slice(6)}.png`, why: "unsupported" }, "da"),
      describeFinding({ kind: "invalid-recipient", recipient: `${digits}@`, field: "to" }, "da"),
      describeLocation({ part: "attachment", attachment: `x/${digits}_scan.pdf` }, "da"),
    ];
    for (const o of outputs) expect(o).not.toMatch(/1506503720|150650-3720/);
  });
});
