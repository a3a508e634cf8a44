/**
 * A finding → one short sentence a caseworker understands, in Danish or English:
 *   "CPR-nummer 150650-**** i Bilag.zip/Ansøgning.docx, side 3"
 *   "anders.dk ligner randers.dk – der mangler et 'r'. Mente du randers.dk?"
 * Everything taken from the mail (attachment names, addresses) passes through `redactCpr` first:
 * a file called "150650-3720_ansøgning.pdf" must not carry the number into an alert.
 */
import {
  redactCpr,
  type DomainEdit,
  type Finding,
  type LookalikeFinding,
  type Location,
  type Place,
  type UnreadableAttachmentFinding,
  type UnreadableCause,
  type UnreadableReason,
} from "../core";
import { safeName } from "../core";
import { t, type AnyLang, type MessageKey } from "./t";

/** A name from the mail as it may appear in a sentence: made safe (one line, no controls), then redacted. */
function shownName(name: string): string {
  return redactCpr(safeName(name));
}

const SECTION_KEYS: Readonly<Record<Extract<Place, { kind: "section" }>["section"], MessageKey>> = {
  header: "findings.place.section.header",
  footer: "findings.place.section.footer",
  footnote: "findings.place.section.footnote",
  endnote: "findings.place.section.endnote",
  comment: "findings.place.section.comment",
  textbox: "findings.place.section.textbox",
  "tracked-change": "findings.place.section.trackedChange",
  metadata: "findings.place.section.metadata",
  notes: "findings.place.section.notes",
};

const WHY_KEYS: Readonly<Record<UnreadableReason, MessageKey>> = {
  encrypted: "findings.unreadable.why.encrypted",
  corrupt: "findings.unreadable.why.corrupt",
  "too-large": "findings.unreadable.why.tooLarge",
  "zip-bomb": "findings.unreadable.why.zipBomb",
  timeout: "findings.unreadable.why.timeout",
  unsupported: "findings.unreadable.why.unsupported",
};

const CAUSE_KEYS: Readonly<Record<UnreadableCause, MessageKey>> = {
  "no-text-layer": "findings.unreadable.cause.noTextLayer",
  image: "findings.unreadable.cause.image",
  "nesting-too-deep": "findings.unreadable.cause.nestingTooDeep",
  "too-many-entries": "findings.unreadable.cause.tooManyEntries",
  cloud: "findings.unreadable.cause.cloud",
  "item-unavailable": "findings.unreadable.cause.itemUnavailable",
  "api-error": "findings.unreadable.cause.apiError",
  "legacy-format": "findings.unreadable.cause.legacyFormat",
  "binary-workbook": "findings.unreadable.cause.binaryWorkbook",
  "not-at-send-time": "findings.unreadable.cause.notAtSendTime",
  "unsupported-encoding": "findings.unreadable.cause.unsupportedEncoding",
  "limit-reached": "findings.unreadable.cause.limitReached",
  "inconsistent-archive": "findings.unreadable.cause.inconsistentArchive",
  "unknown-format": "findings.unreadable.cause.unknownFormat",
};

const REASON_KEYS: Readonly<Record<LookalikeFinding["reason"], MessageKey>> = {
  "embedded-name": "findings.lookalike.reason.embeddedName",
  "split-label": "findings.lookalike.reason.splitLabel",
  "tld-swap": "findings.lookalike.reason.tldSwap",
  homoglyph: "findings.lookalike.reason.homoglyph",
  typo: "findings.lookalike.reason.typo",
  affix: "findings.lookalike.reason.affix",
};

/** The place inside a part: "side 3", "Ark2!C14", "filnavnet". Cell references are the same in both languages. */
export function describePlace(place: Place, lang: AnyLang): string {
  switch (place.kind) {
    case "page":
      return t(lang, "findings.place.page", { page: place.page });
    case "cell":
      return `${shownName(place.sheet)}!${place.cell}`;
    case "slide":
      return t(lang, place.notes ? "findings.place.slideNotes" : "findings.place.slide", { slide: place.slide });
    case "line":
      return t(lang, "findings.place.line", { line: place.line });
    case "file-name":
      return t(lang, "findings.place.fileName");
    case "section":
      return t(lang, SECTION_KEYS[place.section]);
    case "mail-part":
      return t(lang, place.part === "subject" ? "findings.place.mailSubject" : "findings.place.mailBody");
  }
}

/** Where a finding is: "emnefeltet", "Bilag.zip/Ansøgning.docx, side 3", "filnavnet Bilag.pdf". */
export function describeLocation(location: Location, lang: AnyLang): string {
  if (location.part === "subject") return t(lang, "findings.where.subject");
  if (location.part === "body") return t(lang, "findings.where.body");
  if (location.part === "location") return t(lang, "findings.where.location");
  const attachment = shownName(location.attachment ?? "?");
  if (!location.place) return t(lang, "findings.where.attachment", { attachment });
  if (location.place.kind === "file-name") return t(lang, "findings.where.fileName", { attachment });
  return t(lang, "findings.where.attachmentPlace", { attachment, place: describePlace(location.place, lang) });
}

function describeEdit(edit: DomainEdit, lang: AnyLang): string {
  switch (edit.op) {
    case "missing":
      return t(lang, "findings.lookalike.edit.missing", { char: edit.char });
    case "extra":
      return t(lang, "findings.lookalike.edit.extra", { char: edit.char });
    case "replaced":
      return t(lang, "findings.lookalike.edit.replaced", { from: edit.from, to: edit.to });
    case "swapped":
      return t(lang, "findings.lookalike.edit.swapped", { chars: edit.chars });
    case "other-suffix":
      return t(lang, "findings.lookalike.edit.otherSuffix", { from: edit.from, to: edit.to });
    case "look-alike-characters":
      return t(lang, "findings.lookalike.edit.lookAlikeCharacters");
    case "added-word":
      return t(lang, "findings.lookalike.edit.addedWord", { word: edit.word });
    case "several":
      return t(lang, "findings.lookalike.edit.several");
  }
}

/** The short reason of a look-alike ("der mangler et 'r'"): the CLI's `why` field. */
export function describeLookalikeWhy(finding: LookalikeFinding, lang: AnyLang): string {
  if (finding.edit) return describeEdit(finding.edit, lang);
  return t(lang, REASON_KEYS[finding.reason], { resembles: finding.resembles });
}

/** Why an attachment was not read, as precisely as the extractor knew ("det er et billede …"). */
export function describeUnreadableWhy(finding: UnreadableAttachmentFinding, lang: AnyLang): string {
  if (finding.cause === "limit-reached") return t(lang, CAUSE_KEYS[finding.cause], { limit: finding.limit ?? "?" });
  return finding.cause ? t(lang, CAUSE_KEYS[finding.cause]) : t(lang, WHY_KEYS[finding.why]);
}

export function describeFinding(finding: Finding, lang: AnyLang): string {
  switch (finding.kind) {
    case "cpr":
      return t(lang, "findings.cpr.sentence", { masked: finding.masked, where: describeLocation(finding.location, lang) });
    case "lookalike-domain":
      return t(lang, "findings.lookalike.sentence", {
        domain: shownName(finding.domain),
        resembles: finding.resembles,
        why: describeLookalikeWhy(finding, lang),
      });
    case "invalid-recipient":
      return t(lang, "findings.invalidRecipient.sentence", { recipient: shownName(finding.recipient) });
    case "unreadable-attachment":
      return t(lang, "findings.unreadable.sentence", {
        attachment: shownName(finding.attachment),
        why: describeUnreadableWhy(finding, lang),
      });
  }
}
