/** `postvagt audit`: the DPO's report. Danish is the source; English must match its shape. */
import type { Shape } from "../shape";

export const da = {
  usage:
    "Brug: postvagt audit [--json] [--html FIL] [--lang da|en] STI...\n" +
    "  STI er en .eml- eller .msg-fil eller en mappe (alle *.eml og *.msg i mappen og dens undermapper).\n" +
    "  Læser kun mailenes headere (X-Postvagt, Date, X-Mailer/User-Agent), aldrig indholdet.\n" +
    "  --json       én JSON-rapport på stdout\n" +
    "  --html FIL   en selvstændig HTML-side med ugetal og graf, til at vedlægge en rapport\n" +
    "Exitkode: 0 rapport lavet (også med dårlige filer, de tælles og listes), 2 brugsfejl.",
  title: "Postvagt-revision",
  period: "Periode: {from} til {to}",
  periodUnknown: "Periode: ukendt (ingen gyldige Date-headere)",
  files: "Filer læst: {files} · mails: {mails}",
  checked: "Tjekket af Postvagt (har X-Postvagt): {count}",
  allowed: "  tilladt uden fund, der stoppede: {count}",
  warnSent: "  sendt efter en advarsel: {count}",
  warnRule: "    {rule}: {count}",
  route: "  sendt via sikker rute: {count}",
  routeKind: "    {route}: {count}",
  incomplete: "  ikke færdigtjekket, men tilladt af politikken: {count}",
  unmarked: "Uden X-Postvagt (ikke tjekket): {count}",
  unmarkedClient: "    {client}: {count}",
  badMarker: "Med en X-Postvagt-header, der ikke kunne læses: {count}",
  noHeaders: ".msg-filer uden internetheadere (kan ikke afgøres): {count}",
  badFiles: "Filer, der ikke kunne læses som mail: {count}",
  badFile: "    {file}: {why}",
  weeks: "Pr. uge (tjekket · advarsel sendt · sikker rute · uden markør):",
  week: "  {week}: {checked} · {warnSent} · {route} · {unmarked}",
  noMails: "Ingen mails fundet.",
  progress: "postvagt audit: {done} af {total} filer læst",
  chartTitle: "Mails pr. uge",
  legendChecked: "Tjekket",
  legendWarnSent: "Sendt efter advarsel",
  legendRoute: "Sikker rute",
  legendUnmarked: "Uden markør",
  footer: "Lavet af postvagt audit {date}. Rapporten indeholder kun antal: ingen adresser, numre, filnavne fra mails eller mailtekst.",
  why: {
    "read-failed": "kunne ikke læses",
    empty: "tom fil",
    "not-a-mail": "ikke en mail (ingen mail-headere)",
    "header-too-large": "headerblokken er over 1 MB",
    "msg-unreadable": "ikke en gyldig Outlook .msg-fil",
  },
  routes: { "subject-tag": "emnemærke", label: "følsomhedsmærkat", recipients: "kun sikre modtagere" },
  memory: {
    newDomain: "Du har ikke skrevet til {domain} før",
    heading: "Modtagere, du har skrevet til",
    count: "Postvagt husker {count} eksterne domæner, du har skrevet til, som hashværdier (ikke navne). Kun du og Postvagt i din postkasse bruger dem.",
    empty: "Postvagt husker endnu ingen domæner, du har skrevet til.",
    off: "Din organisation har slået hukommelsen over modtagere fra.",
    unavailable: "Denne Outlook kan ikke gemme hukommelsen over modtagere.",
    clear: "Glem alle domæner",
    cleared: "Postvagt har glemt de domæner, du har skrevet til.",
  },
  error: {
    noPaths: "Angiv mindst én fil eller mappe: postvagt audit STI...",
    noFiles: "Ingen .eml- eller .msg-filer i {path}",
    notFound: "Findes ikke: {path}",
    htmlUnwritable: "Kunne ikke skrive {path}",
  },
};

export const en = {
  usage:
    "Usage: postvagt audit [--json] [--html FILE] [--lang da|en] PATH...\n" +
    "  PATH is an .eml or .msg file or a folder (every *.eml and *.msg in it and its subfolders).\n" +
    "  Reads only the mails' headers (X-Postvagt, Date, X-Mailer/User-Agent), never their content.\n" +
    "  --json       one JSON report on stdout\n" +
    "  --html FILE  a self-contained HTML page with weekly counts and a chart, to attach to a report\n" +
    "Exit code: 0 report made (also with bad files, which are counted and listed), 2 usage error.",
  title: "Postvagt audit",
  period: "Period: {from} to {to}",
  periodUnknown: "Period: unknown (no valid Date headers)",
  files: "Files read: {files} · mails: {mails}",
  checked: "Checked by Postvagt (has X-Postvagt): {count}",
  allowed: "  allowed with nothing that stopped it: {count}",
  warnSent: "  sent after a warning: {count}",
  warnRule: "    {rule}: {count}",
  route: "  sent through the secure route: {count}",
  routeKind: "    {route}: {count}",
  incomplete: "  not fully checked, but allowed by the policy: {count}",
  unmarked: "Without X-Postvagt (not checked): {count}",
  unmarkedClient: "    {client}: {count}",
  badMarker: "With an X-Postvagt header that could not be read: {count}",
  noHeaders: ".msg files without internet headers (cannot tell): {count}",
  badFiles: "Files that could not be read as mail: {count}",
  badFile: "    {file}: {why}",
  weeks: "Per week (checked · sent after warning · secure route · no marker):",
  week: "  {week}: {checked} · {warnSent} · {route} · {unmarked}",
  noMails: "No mails found.",
  progress: "postvagt audit: {done} of {total} files read",
  chartTitle: "Mails per week",
  legendChecked: "Checked",
  legendWarnSent: "Sent after warning",
  legendRoute: "Secure route",
  legendUnmarked: "No marker",
  footer: "Made by postvagt audit {date}. The report holds counts only: no addresses, numbers, file names from mails or mail text.",
  why: {
    "read-failed": "could not be read",
    empty: "empty file",
    "not-a-mail": "not a mail (no mail headers)",
    "header-too-large": "header block over 1 MB",
    "msg-unreadable": "not a valid Outlook .msg file",
  },
  routes: { "subject-tag": "subject tag", label: "sensitivity label", recipients: "secure recipients only" },
  memory: {
    newDomain: "You have not written to {domain} before",
    heading: "Recipients you have written to",
    count: "Postvagt remembers {count} external domains you have written to, as hashes (not names). Only you and Postvagt in your mailbox use them.",
    empty: "Postvagt remembers no domains you have written to yet.",
    off: "Your organisation has switched the recipient memory off.",
    unavailable: "This Outlook cannot store the recipient memory.",
    clear: "Forget all domains",
    cleared: "Postvagt has forgotten the domains you have written to.",
  },
  error: {
    noPaths: "Give at least one file or folder: postvagt audit PATH...",
    noFiles: "No .eml or .msg files in {path}",
    notFound: "Not found: {path}",
    htmlUnwritable: "Could not write {path}",
  },
} satisfies Shape<typeof da>;
