/**
 * What was found, in words a caseworker understands. Danish is the source; English must match its
 * shape. `{name}` is a placeholder filled by describe-finding.ts.
 */
import type { Shape } from "../shape";

export const da = {
  cpr: {
    sentence: "CPR-nummer {masked} i {where}",
    confidence: {
      high: "tydeligt",
      medium: "sandsynligt",
      low: "muligt",
    },
  },
  lookalike: {
    sentence: "{domain} ligner {resembles} – {why}. Mente du {resembles}?",
    edit: {
      missing: "der mangler et '{char}'",
      extra: "der er et '{char}' for meget",
      replaced: "der står '{to}' i stedet for '{from}'",
      swapped: "'{chars}' er byttet om",
      otherSuffix: "det ender på .{to} i stedet for .{from}",
      lookAlikeCharacters: "det bruger tegn, der ligner andre tegn",
      addedWord: "ordet '{word}' er sat på navnet",
      several: "flere tegn er ændret",
    },
    reason: {
      embeddedName: "{resembles} er gemt i et andet domæne",
      splitLabel: "navnet er delt op med punktum eller bindestreg",
      tldSwap: "samme navn med en anden endelse",
      homoglyph: "det bruger tegn, der ligner andre tegn",
      typo: "det ligner en tastefejl",
      affix: "der er sat et ord på navnet",
    },
  },
  invalidRecipient: {
    sentence: "{recipient} er ikke en gyldig mailadresse",
  },
  unreadable: {
    sentence: "{attachment} kunne ikke tjekkes: {why}",
    why: {
      encrypted: "filen er krypteret eller beskyttet med adgangskode",
      corrupt: "filen er beskadiget",
      tooLarge: "filen er for stor til at blive læst, før mailen sendes",
      zipBomb: "filen pakker sig ud til en mistænkelig størrelse",
      timeout: "der var ikke tid til at læse den, før mailen skulle sendes",
      unsupported: "filtypen kan ikke læses",
    },
    cause: {
      noTextLayer: "PDF'en er et scannet billede uden tekst",
      image: "det er et billede, og tekst i billeder kan ikke læses",
      nestingTooDeep: "den ligger for mange lag inde i andre filer",
      tooManyEntries: "arkivet indeholder for mange filer",
      cloud: "det er et link til en fil i skyen",
      itemUnavailable: "Outlook kunne ikke give Postvagt filen",
      apiError: "Outlook kunne ikke give Postvagt filen",
      legacyFormat: "det gamle Office-format kan ikke læses",
      binaryWorkbook: "Excel-filer i binært format (.xlsb) kan ikke læses; gem den som .xlsx",
      notAtSendTime: "Outlook-beskeder (.msg) læses i opgaveruden, ikke ved afsendelse",
      unsupportedEncoding: "PDF'en er gemt med en kodning, som ikke kan læses her",
      unknownFormat: "filtypen er ukendt",
    },
  },
  where: {
    subject: "emnefeltet",
    body: "brødteksten",
    attachment: "{attachment}",
    attachmentPlace: "{attachment}, {place}",
    fileName: "filnavnet {attachment}",
  },
  place: {
    page: "side {page}",
    slide: "dias {slide}",
    slideNotes: "noterne til dias {slide}",
    line: "linje {line}",
    fileName: "filnavnet",
    mailSubject: "emnefeltet",
    mailBody: "brødteksten",
    section: {
      header: "sidehovedet",
      footer: "sidefoden",
      footnote: "en fodnote",
      endnote: "en slutnote",
      comment: "en kommentar",
      textbox: "et tekstfelt",
      trackedChange: "en registreret ændring",
      metadata: "dokumentets egenskaber",
      notes: "noterne",
    },
  },
} as const;

export const en: Shape<typeof da> = {
  cpr: {
    sentence: "CPR number {masked} in {where}",
    confidence: {
      high: "certain",
      medium: "likely",
      low: "possible",
    },
  },
  lookalike: {
    sentence: "{domain} looks like {resembles} – {why}. Did you mean {resembles}?",
    edit: {
      missing: "the letter '{char}' is missing",
      extra: "there is an extra '{char}'",
      replaced: "it has '{to}' instead of '{from}'",
      swapped: "'{chars}' are swapped",
      otherSuffix: "it ends in .{to} instead of .{from}",
      lookAlikeCharacters: "it uses characters that look like others",
      addedWord: "the word '{word}' was added to the name",
      several: "several characters differ",
    },
    reason: {
      embeddedName: "{resembles} is hidden inside another domain",
      splitLabel: "the name is split up by a dot or a hyphen",
      tldSwap: "the same name with another ending",
      homoglyph: "it uses characters that look like others",
      typo: "it looks like a typing error",
      affix: "a word was added to the name",
    },
  },
  invalidRecipient: {
    sentence: "{recipient} is not a valid e-mail address",
  },
  unreadable: {
    sentence: "{attachment} could not be checked: {why}",
    why: {
      encrypted: "the file is encrypted or password-protected",
      corrupt: "the file is damaged",
      tooLarge: "the file is too large to read before sending",
      zipBomb: "the file unpacks to a suspicious size",
      timeout: "there was no time to read it before sending",
      unsupported: "this file type cannot be read",
    },
    cause: {
      noTextLayer: "the PDF is a scanned image without text",
      image: "it is an image, and text in images cannot be read",
      nestingTooDeep: "it is nested too deep inside other files",
      tooManyEntries: "the archive holds too many files",
      cloud: "it is a link to a file in the cloud",
      itemUnavailable: "Outlook could not hand over the file",
      apiError: "Outlook could not hand over the file",
      legacyFormat: "the old Office format cannot be read",
      binaryWorkbook: "Excel binary workbooks (.xlsb) cannot be read; save it as .xlsx",
      notAtSendTime: "Outlook items (.msg) are read in the task pane, not at send time",
      unsupportedEncoding: "the PDF is stored in an encoding that cannot be read here",
      unknownFormat: "the file type is unknown",
    },
  },
  where: {
    subject: "the subject",
    body: "the message body",
    attachment: "{attachment}",
    attachmentPlace: "{attachment}, {place}",
    fileName: "the file name {attachment}",
  },
  place: {
    page: "page {page}",
    slide: "slide {slide}",
    slideNotes: "the notes of slide {slide}",
    line: "line {line}",
    fileName: "the file name",
    mailSubject: "the subject",
    mailBody: "the message body",
    section: {
      header: "the header",
      footer: "the footer",
      footnote: "a footnote",
      endnote: "an endnote",
      comment: "a comment",
      textbox: "a text box",
      trackedChange: "a tracked change",
      metadata: "the document properties",
      notes: "the notes",
    },
  },
};
