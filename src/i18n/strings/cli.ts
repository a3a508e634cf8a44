/** The `postvagt` command's own words. Danish is the source; English must match its shape. */
import type { Shape } from "../shape";

export const da = {
  usage:
    "Brug: postvagt scan [--policy FIL] [--json] [--lang da|en] STI...\n" +
    "  STI er en .eml-fil eller en mappe (alle *.eml i mappen og dens undermapper).\n" +
    "  --policy FIL  politikfil (JSON); uden den bruges den indbyggede politik\n" +
    "  --json        én JSON-linje pr. mail på stdout\n" +
    "  --lang da|en  sprog i rapporten (ellers efter LANG/LC_ALL)\n" +
    "Exitkode: 0 alt tilladt, 1 advarsel eller blokering, 2 brugsfejl, ugyldig politik eller ulæselig mail.",
  error: {
    unknownCommand: "Ukendt kommando: {command}",
    noCommand: "Angiv en kommando: scan",
    badOption: "Forkert brug: {detail}",
    badLang: "--lang skal være da eller en, ikke {value}",
    noPaths: "Angiv mindst én .eml-fil eller mappe",
    notFound: "Findes ikke: {path}",
    noEmlFiles: "Ingen .eml-filer i {path}",
    unreadableFile: "Kan ikke læse {path}",
    policyUnreadable: "Kan ikke læse politikfilen {path}",
    policyInvalid: "Politikfilen {path} er ugyldig:",
  },
  verdict: {
    allow: "TILLADT",
    warn: "ADVARSEL",
    block: "BLOKERET",
    error: "FEJL",
  },
  action: {
    allow: "info",
    warn: "advarer",
    block: "blokerer",
  },
  message: {
    noFindings: "Intet fundet.",
    learnedOwnDomain: "Eget domæne ({domain}) er taget fra afsenderen, fordi politikken ikke nævner et.",
    incompleteTimeout: "Ikke færdigkontrolleret: tiden løb ud.",
    incompleteError: "Ikke færdigkontrolleret: kontrollen fejlede.",
    parseError: "Kunne ikke læses som en mail ({error}).",
  },
  emlError: {
    empty: "filen er tom",
    notAMessage: "filen er ikke en mail",
    parseFailed: "mailen er for skadet eller for dybt indlejret",
    readFailed: "filen kunne ikke åbnes",
  },
  summary: "Mails: {total} · tilladt: {allowed} · advarsel: {warned} · blokeret: {blocked} · ulæselige: {errors}",
} as const;

export const en: Shape<typeof da> = {
  usage:
    "Usage: postvagt scan [--policy FILE] [--json] [--lang da|en] PATH...\n" +
    "  PATH is an .eml file or a folder (every *.eml in it and its subfolders).\n" +
    "  --policy FILE  policy file (JSON); without it the built-in policy is used\n" +
    "  --json         one JSON line per message on stdout\n" +
    "  --lang da|en   report language (otherwise from LANG/LC_ALL)\n" +
    "Exit code: 0 all allowed, 1 warned or blocked, 2 usage error, bad policy or unreadable message.",
  error: {
    unknownCommand: "Unknown command: {command}",
    noCommand: "Give a command: scan",
    badOption: "Wrong usage: {detail}",
    badLang: "--lang must be da or en, not {value}",
    noPaths: "Give at least one .eml file or folder",
    notFound: "Does not exist: {path}",
    noEmlFiles: "No .eml files in {path}",
    unreadableFile: "Cannot read {path}",
    policyUnreadable: "Cannot read the policy file {path}",
    policyInvalid: "The policy file {path} is invalid:",
  },
  verdict: {
    allow: "ALLOWED",
    warn: "WARNING",
    block: "BLOCKED",
    error: "ERROR",
  },
  action: {
    allow: "info",
    warn: "warns",
    block: "blocks",
  },
  message: {
    noFindings: "Nothing found.",
    learnedOwnDomain: "Own domain ({domain}) taken from the sender, because the policy names none.",
    incompleteTimeout: "Not fully checked: time ran out.",
    incompleteError: "Not fully checked: the check failed.",
    parseError: "Could not be read as a mail ({error}).",
  },
  emlError: {
    empty: "the file is empty",
    notAMessage: "the file is not a mail",
    parseFailed: "the mail is too damaged or nested too deep",
    readFailed: "the file could not be opened",
  },
  summary: "Messages: {total} · allowed: {allowed} · warned: {warned} · blocked: {blocked} · unreadable: {errors}",
};
