/** The `postvagt` command's own words. Danish is the source; English must match its shape. */
import type { Shape } from "../shape";

export const da = {
  usage:
    "Brug: postvagt scan [--policy FIL] [--json] [--summary-json] [--lang da|en] STI...\n" +
    "      postvagt policy check [--lang da|en] FIL\n" +
    "      postvagt --version\n" +
    "  STI er en .eml-fil eller en mappe (alle *.eml i mappen og dens undermapper).\n" +
    "  --policy FIL     politikfil (JSON); uden den bruges den indbyggede politik\n" +
    "  --json           én JSON-linje pr. mail på stdout\n" +
    "  --summary-json   til sidst én JSON-opsummering (antal og fordeling på regler) på stderr\n" +
    "  --lang da|en     sprog i rapporten (ellers efter LANG/LC_ALL)\n" +
    "  --budget-ms N    tid pr. mail i millisekunder (standard 60000); det ulæste meldes som ufærdigt\n" +
    "  --jobs N         antal mails der læses samtidig (tråde); standard: én pr. processorkerne\n" +
    "  policy check FIL tjekker en politikfil: fejl nævner feltet og rettelsen\n" +
    "  --version        programmets version\n" +
    "Exitkode: 0 alt tilladt (policy check: gyldig), 1 advarsel eller blokering, 2 brugsfejl eller ugyldig politik,\n" +
    "          3 mindst én mail kunne ikke læses, 4 kørslen stoppede før tid.",
  error: {
    unknownCommand: "Ukendt kommando: {command}",
    noCommand: "Angiv en kommando: scan eller policy check",
    unknownPolicyCommand: "Ukendt policy-kommando: {command} (brug: postvagt policy check FIL)",
    noPolicyFile: "Angiv politikfilen: postvagt policy check FIL",
    tooManyPolicyFiles: "Angiv én politikfil ad gangen",
    badOption: "Forkert brug: {detail}",
    unknownOption: "Ukendt tilvalg: {option}. Se postvagt --help",
    unknownOptionGuess: "Ukendt tilvalg: {option}. Mente du {guess}?",
    optionNeedsValue: "{option} skal have en værdi; se postvagt --help",
    optionTakesNoValue: "{option} tager ingen værdi; skriv bare {option}",
    unexpectedArgument: "Uventet argument: {detail}",
    badLang: "--lang skal være da eller en, ikke {value}",
    badBudget: "--budget-ms skal være et helt antal millisekunder fra 1 til 86400000, ikke {value}",
    badJobs: "--jobs skal være et helt tal fra 1 til 256, ikke {value}",
    noPaths: "Angiv mindst én .eml-fil eller mappe",
    notFound: "Findes ikke: {path}",
    noEmlFiles: "Ingen .eml-filer i {path}",
    unreadableFile: "Kan ikke læse {path}",
    policyUnreadable: "Kan ikke læse politikfilen {path}",
    policyInvalid: "Politikfilen {path} er ugyldig:",
  },
  json: {
    at: "ikke gyldig JSON i linje {line}, kolonne {column}: {problem}",
    engine: "ikke gyldig JSON ({detail})",
    problem: {
      empty: "filen er tom; en politik er et JSON-objekt, der starter med {",
      "trailing-comma": "et komma for meget; fjern kommaet efter den sidste værdi",
      "single-quotes": "tekst skal stå i dobbelte anførselstegn (\"), ikke enkelte (')",
      comment: "JSON tillader ikke kommentarer; fjern dem",
      "comma-expected": "der mangler et komma mellem to værdier",
      "colon-expected": "der mangler et kolon (:) efter feltnavnet",
      "property-name-expected": "her skal stå et feltnavn i dobbelte anførselstegn",
      "value-expected": "her mangler en værdi",
      "unexpected-end": "filen slutter for tidligt; der mangler en } eller ]",
      "end-of-file-expected": "der står noget efter politikkens sidste }",
      "unterminated-string": "en tekst mangler sit afsluttende anførselstegn (\")",
      "invalid-number": "ugyldigt tal; skriv cifre uden mellemrum og punktum som tusindtalsskille",
      "invalid-escape": "ugyldig \\-sekvens i en tekst; skriv \\\\ for én omvendt skråstreg",
      "invalid-character": "et tegn, der ikke må stå i en tekst, fx et linjeskift",
      "unquoted-text": 'tekst og feltnavne skal stå i dobbelte anførselstegn, fx "randers.dk"',
      "invalid-symbol": "uventet tegn {char}",
    },
  },
  progress: {
    scanned: "{done} af {total} mails læst",
  },
  warning: {
    pdfjsUnavailable: "advarsel: pdf.js kunne ikke indlæses ({reason}); PDF-filer læses med den indbyggede læser",
  },
  version: "postvagt {version}",
  verdict: {
    allow: "TILLADT",
    warn: "ADVARSEL",
    block: "BLOKERET",
    error: "FEJL",
  },
  action: {
    allow: "tilladt",
    warn: "advarer",
    block: "blokerer",
  },
  message: {
    noFindings: "Intet fundet.",
    learnedOwnDomain: "Eget domæne ({domain}) er taget fra afsenderen, fordi politikken ikke nævner et.",
    incompleteTimeout: "Ikke færdigkontrolleret: tiden løb ud.",
    incompleteError: "Ikke færdigkontrolleret: kontrollen fejlede.",
    parseError: "Kunne ikke læses som en mail ({error}).",
    secureRoute: {
      "secure-recipients": "Sikker rute: alle modtagere er sikre modtagere. CPR-numre i brødtekst og vedhæftninger er tilladt; emnet tjekkes stadig.",
      "subject-tag": "Sikker rute: emnet har mærket til sikker post. CPR-numre i brødtekst og vedhæftninger er tilladt; emnet tjekkes stadig.",
      "sensitivity-label": "Sikker rute: mailen har følsomhedsmærkaten. CPR-numre i brødtekst og vedhæftninger er tilladt; emnet tjekkes stadig.",
    },
  },
  emlError: {
    empty: "filen er tom",
    notAMessage: "filen er ikke en mail",
    parseFailed: "mailen er for skadet eller for dybt indlejret",
    readFailed: "filen kunne ikke åbnes",
  },
  summary: "Mails: {total} · tilladt: {allowed} · advarsel: {warned} · blokeret: {blocked} · ulæselige: {errors}",
  rules: {
    heading: "Efter regel (politikfelt → handling):",
    none: "  Ingen fund.",
    line: "  {rule} → {action}: fund: {findings} · mails: {messages}",
    secureRoute: "  sikker rute → tilladt: CPR-fund: {findings} · mails: {messages}",
    incomplete: "  {rule} (ikke færdigkontrolleret) → {action}: mails: {messages}",
  },
  policyCheck: {
    valid: "{path}: gyldig politik.",
    invalid: "{path}: ugyldig politik ({count} fejl). Ret felterne herunder:",
    unreadable: "Kan ikke læse politikfilen {path}",
    notUtf8: "Politikfilen {path} er ikke gemt som UTF-8 (ugyldig byte ved position {offset}); gem den som UTF-8 og prøv igen",
    ownDomains: "  Egne domæner: {value}",
    ownDomainsLearned: "  Egne domæner: ingen angivet (tages fra afsenderens adresse)",
    trustedDomains: "  Betroede domæner: {count}",
    knownDomains: "  Ekstra kendte domæner: {count} (indbygget liste over offentlige domæner: {builtIn})",
    cpr: "  CPR: høj → {high}, mellem → {medium}, lav → {low}",
    lookalike: "  Forvekslede domæner: egne → {own}, betroede → {trusted}, kendte → {known}",
    secureRoute: "  Sikker rute: {value}",
    secureRecipients: "  Sikre modtagere: {domains} domæner, {addresses} adresser",
    failModes: "  Ved fejl → {onError}, ved timeout → {onTimeout}",
    routeNone: "ingen",
    routeTag: "emnemærke {tag} (kræver en transportregel, der krypterer det)",
    routeLabel: "følsomhedsmærkat {label}",
    yes: "ja",
    no: "nej",
  },
} as const;

export const en: Shape<typeof da> = {
  usage:
    "Usage: postvagt scan [--policy FILE] [--json] [--summary-json] [--lang da|en] PATH...\n" +
    "       postvagt policy check [--lang da|en] FILE\n" +
    "       postvagt --version\n" +
    "  PATH is an .eml file or a folder (every *.eml in it and its subfolders).\n" +
    "  --policy FILE     policy file (JSON); without it the built-in policy is used\n" +
    "  --json            one JSON line per message on stdout\n" +
    "  --summary-json    at the end, one JSON summary (counts and per-rule breakdown) on stderr\n" +
    "  --lang da|en      report language (otherwise from LANG/LC_ALL)\n" +
    "  --budget-ms N    time per message in milliseconds (default 60000); what was not read is reported as incomplete\n" +
    "  --jobs N          messages read at once (threads); default: one per processor core\n" +
    "  policy check FILE checks a policy file: errors name the field and the fix\n" +
    "  --version         the program's version\n" +
    "Exit code: 0 all allowed (policy check: valid), 1 warned or blocked, 2 usage error or bad policy,\n" +
    "           3 at least one message could not be read, 4 the run stopped early.",
  error: {
    unknownCommand: "Unknown command: {command}",
    noCommand: "Give a command: scan or policy check",
    unknownPolicyCommand: "Unknown policy command: {command} (use: postvagt policy check FILE)",
    noPolicyFile: "Give the policy file: postvagt policy check FILE",
    tooManyPolicyFiles: "Give one policy file at a time",
    badOption: "Wrong usage: {detail}",
    unknownOption: "Unknown option: {option}. See postvagt --help",
    unknownOptionGuess: "Unknown option: {option}. Did you mean {guess}?",
    optionNeedsValue: "{option} needs a value; see postvagt --help",
    optionTakesNoValue: "{option} takes no value; write just {option}",
    unexpectedArgument: "Unexpected argument: {detail}",
    badLang: "--lang must be da or en, not {value}",
    badBudget: "--budget-ms must be a whole number of milliseconds from 1 to 86400000, not {value}",
    badJobs: "--jobs must be a whole number from 1 to 256, not {value}",
    noPaths: "Give at least one .eml file or folder",
    notFound: "Does not exist: {path}",
    noEmlFiles: "No .eml files in {path}",
    unreadableFile: "Cannot read {path}",
    policyUnreadable: "Cannot read the policy file {path}",
    policyInvalid: "The policy file {path} is invalid:",
  },
  json: {
    at: "not valid JSON at line {line}, column {column}: {problem}",
    engine: "not valid JSON ({detail})",
    problem: {
      empty: "the file is empty; a policy is a JSON object that starts with {",
      "trailing-comma": "a comma too many; remove the comma after the last value",
      "single-quotes": "text must be in double quotes (\"), not single quotes (')",
      comment: "JSON does not allow comments; remove them",
      "comma-expected": "a comma is missing between two values",
      "colon-expected": "a colon (:) is missing after the key",
      "property-name-expected": "a key in double quotes belongs here",
      "value-expected": "a value is missing here",
      "unexpected-end": "the file ends too early; a } or ] is missing",
      "end-of-file-expected": "something follows the policy's last }",
      "unterminated-string": "a text lacks its closing double quote (\")",
      "invalid-number": "not a valid number; write digits without spaces or thousands separators",
      "invalid-escape": "invalid \\ sequence in a text; write \\\\ for one backslash",
      "invalid-character": "a character that may not stand in a text, such as a line break",
      "unquoted-text": 'text and keys must be in double quotes, such as "randers.dk"',
      "invalid-symbol": "unexpected character {char}",
    },
  },
  progress: {
    scanned: "{done} of {total} messages read",
  },
  warning: {
    pdfjsUnavailable: "warning: pdf.js could not be loaded ({reason}); PDF files are read with the built-in reader",
  },
  version: "postvagt {version}",
  verdict: {
    allow: "ALLOWED",
    warn: "WARNING",
    block: "BLOCKED",
    error: "ERROR",
  },
  action: {
    allow: "allowed",
    warn: "warns",
    block: "blocks",
  },
  message: {
    noFindings: "Nothing found.",
    learnedOwnDomain: "Own domain ({domain}) taken from the sender, because the policy names none.",
    incompleteTimeout: "Not fully checked: time ran out.",
    incompleteError: "Not fully checked: the check failed.",
    parseError: "Could not be read as a mail ({error}).",
    secureRoute: {
      "secure-recipients": "Secure route: every recipient is a secure recipient. CPR numbers in the body and attachments are allowed; the subject is still checked.",
      "subject-tag": "Secure route: the subject carries the secure-mail tag. CPR numbers in the body and attachments are allowed; the subject is still checked.",
      "sensitivity-label": "Secure route: the mail carries the sensitivity label. CPR numbers in the body and attachments are allowed; the subject is still checked.",
    },
  },
  emlError: {
    empty: "the file is empty",
    notAMessage: "the file is not a mail",
    parseFailed: "the mail is too damaged or nested too deep",
    readFailed: "the file could not be opened",
  },
  summary: "Messages: {total} · allowed: {allowed} · warned: {warned} · blocked: {blocked} · unreadable: {errors}",
  rules: {
    heading: "By rule (policy field → action):",
    none: "  No findings.",
    line: "  {rule} → {action}: findings: {findings} · messages: {messages}",
    secureRoute: "  secure route → allowed: CPR findings: {findings} · messages: {messages}",
    incomplete: "  {rule} (not fully checked) → {action}: messages: {messages}",
  },
  policyCheck: {
    valid: "{path}: valid policy.",
    invalid: "{path}: invalid policy ({count} errors). Fix the fields below:",
    unreadable: "Cannot read the policy file {path}",
    notUtf8: "The policy file {path} is not saved as UTF-8 (invalid byte at offset {offset}); save it as UTF-8 and try again",
    ownDomains: "  Own domains: {value}",
    ownDomainsLearned: "  Own domains: none given (taken from the sender's address)",
    trustedDomains: "  Trusted domains: {count}",
    knownDomains: "  Extra known domains: {count} (built-in public-sector list: {builtIn})",
    cpr: "  CPR: high → {high}, medium → {medium}, low → {low}",
    lookalike: "  Look-alike domains: own → {own}, trusted → {trusted}, known → {known}",
    secureRoute: "  Secure route: {value}",
    secureRecipients: "  Secure recipients: {domains} domains, {addresses} addresses",
    failModes: "  On error → {onError}, on timeout → {onTimeout}",
    routeNone: "none",
    routeTag: "subject tag {tag} (needs a transport rule that encrypts it)",
    routeLabel: "sensitivity label {label}",
    yes: "yes",
    no: "no",
  },
};
