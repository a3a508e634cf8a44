/**
 * The task pane's sentences. Danish is the source; English must match its shape. Short on purpose
 * (Fluent's MessageBar guidance: under ~100 characters); the detail is in the lists below the bar.
 * `{name}` placeholders are filled by the pane; no placeholder ever receives a full CPR number.
 */
import type { Shape } from "../shape";

export const da = {
  title: "Postvagt",
  notInOutlook: "Postvagt virker i en ny mail i Outlook. Åbn ruden fra en mail, du skriver.",
  loading: "Tjekker mailen …",
  recheck: "Tjek igen",
  failed: {
    title: "Mailen kunne ikke tjekkes",
    body: "Postvagt kunne ikke læse mailen. Luk ruden, og åbn den igen.",
    retry: "Prøv igen",
  },
  verdict: {
    block: {
      title: "Mailen kan ikke sendes endnu",
      body: "Ret det, der er fundet herunder, og tryk Send igen.",
    },
    warn: {
      title: "Tjek mailen, før du sender",
      body: "Se fundene herunder. Du kan rette dem med ét klik.",
    },
    unchecked: {
      title: "Ikke alt kunne tjekkes",
      body: "Se selv efter i de filer, der ikke kunne læses.",
    },
    allow: {
      title: "Intet at rette",
      body: "Postvagt fandt ingen CPR-numre eller forkerte modtagere. Du kan sende mailen.",
    },
    incomplete: {
      timeout: "Tjekket nåede ikke at blive færdigt, så resultatet er ikke komplet.",
      error: "En del af tjekket fejlede, så resultatet er ikke komplet.",
    },
    routeApplied: "Mailen sendes sikkert ({route}), så CPR-numrene er beskyttet.",
  },
  fromSendCheck: "Fundet ved afsendelsen. Tjekker mailen igen …",
  sections: {
    cpr: "CPR-numre ({count})",
    recipients: "Modtagere ({count})",
    unreadable: "Filer, der ikke blev tjekket ({count})",
  },
  confidence: {
    high: "Sikkert fund",
    medium: "Sandsynligt fund",
    low: "Muligt fund",
  },
  action: {
    block: "Stopper afsendelsen",
    warn: "Advarsel",
    allow: "Til orientering",
  },
  cpr: {
    place: {
      subject: "I emnefeltet",
      body: "I brødteksten",
      attachment: "I den vedhæftede fil {attachment}",
    },
    repeated: "{count} steder",
    mask: "Masker",
    maskLabel: "Masker {masked} i {where}",
    inAttachment: "Postvagt retter ikke i vedhæftede filer. Fjern filen, eller send mailen sikkert.",
    inAttachmentNoRoute: "Postvagt retter ikke i vedhæftede filer. Fjern filen, eller ret den og vedhæft den igen.",
  },
  recipient: {
    field: {
      to: "Til",
      cc: "Cc",
      bcc: "Bcc",
    },
    replace: "Ret til {suggestion}",
    remove: "Fjern",
    removeLabel: "Fjern {recipient} fra {field}",
    invalid: "Adressen ser forkert ud. Ret den i feltet {field}.",
  },
  unreadable: {
    hint: "Åbn filen, og se selv efter CPR-numre, før du sender.",
  },
  route: {
    heading: "Send sikkert",
    subjectTag: "Send sikkert (emnet får {tag})",
    subjectTagHelp: "Din organisations mailserver krypterer mails, hvis emne begynder med {tag}.",
    label: "Send sikkert (mærkat {label})",
    labelHelp: "Mærkaten {label} krypterer mailen.",
    appliedTag: "Emnet begynder med {tag}. Mailen sendes krypteret.",
    appliedLabel: "Mærkaten {label} er sat. Mailen sendes krypteret.",
    labelUnsupported: "Din Outlook lader ikke Postvagt sætte mærkater. Vælg selv mærkaten {label} under Følsomhed.",
    labelCatalogDisabled: "Mærkater er slået fra i din organisation. Spørg IT, hvordan du sender sikkert.",
    none: "Din organisation har ikke valgt en sikker forsendelse i Postvagt. Spørg IT, hvordan du sender sikkert.",
  },
  busy: "Retter …",
  announce: {
    masked: "{masked} er maskeret i {where}.",
    replaced: "{recipient} er rettet til {suggestion}.",
    removed: "{recipient} er fjernet.",
    routeTag: "Emnet begynder nu med {tag}.",
    routeLabel: "Mærkaten {label} er sat.",
    nothingChanged: "Der var intet at rette. Mailen er måske allerede ændret.",
    failed: "Det lykkedes ikke. Prøv igen, eller ret det selv i mailen.",
    bodyTooLarge: "Mailen er for stor til, at Outlook lader tilføjelsen skrive den (over 1.000.000 tegn). Ret nummeret selv i mailen.",
    rescanned: {
      block: "Tjekket igen: der er stadig noget, der stopper afsendelsen.",
      warn: "Tjekket igen: der er stadig noget at se på.",
      allow: "Tjekket igen: alt er i orden. Tryk Send igen.",
    },
  },
} as const;

export const en: Shape<typeof da> = {
  title: "Postvagt",
  notInOutlook: "Postvagt works in a new message in Outlook. Open the pane from a message you are writing.",
  loading: "Checking the message …",
  recheck: "Check again",
  failed: {
    title: "The message could not be checked",
    body: "Postvagt could not read the message. Close the pane and open it again.",
    retry: "Try again",
  },
  verdict: {
    block: {
      title: "The message cannot be sent yet",
      body: "Fix what was found below, then select Send again.",
    },
    warn: {
      title: "Check the message before sending",
      body: "See the findings below. You can fix them in one click.",
    },
    unchecked: {
      title: "Not everything could be checked",
      body: "Look through the files that could not be read yourself.",
    },
    allow: {
      title: "Nothing to fix",
      body: "Postvagt found no CPR numbers or wrong recipients. You can send the message.",
    },
    incomplete: {
      timeout: "The check did not finish in time, so the result is incomplete.",
      error: "Part of the check failed, so the result is incomplete.",
    },
    routeApplied: "The message will be sent securely ({route}), so the CPR numbers are protected.",
  },
  fromSendCheck: "Found when you sent. Checking the message again …",
  sections: {
    cpr: "CPR numbers ({count})",
    recipients: "Recipients ({count})",
    unreadable: "Files not checked ({count})",
  },
  confidence: {
    high: "Certain",
    medium: "Likely",
    low: "Possible",
  },
  action: {
    block: "Stops sending",
    warn: "Warning",
    allow: "For your information",
  },
  cpr: {
    place: {
      subject: "In the subject",
      body: "In the message body",
      attachment: "In the attached file {attachment}",
    },
    repeated: "{count} places",
    mask: "Mask",
    maskLabel: "Mask {masked} in {where}",
    inAttachment: "Postvagt does not edit attachments. Remove the file, or send the message securely.",
    inAttachmentNoRoute: "Postvagt does not edit attachments. Remove the file, or fix it and attach it again.",
  },
  recipient: {
    field: {
      to: "To",
      cc: "Cc",
      bcc: "Bcc",
    },
    replace: "Change to {suggestion}",
    remove: "Remove",
    removeLabel: "Remove {recipient} from {field}",
    invalid: "The address looks wrong. Fix it in the {field} field.",
  },
  unreadable: {
    hint: "Open the file and look for CPR numbers yourself before sending.",
  },
  route: {
    heading: "Send securely",
    subjectTag: "Send securely (subject gets {tag})",
    subjectTagHelp: "Your organisation's mail server encrypts messages whose subject starts with {tag}.",
    label: "Send securely (label {label})",
    labelHelp: "The label {label} encrypts the message.",
    appliedTag: "The subject starts with {tag}. The message will be sent encrypted.",
    appliedLabel: "The label {label} is set. The message will be sent encrypted.",
    labelUnsupported: "Your Outlook does not let Postvagt set labels. Choose the label {label} under Sensitivity yourself.",
    labelCatalogDisabled: "Labels are turned off in your organisation. Ask IT how to send securely.",
    none: "Your organisation has not chosen a secure route in Postvagt. Ask IT how to send securely.",
  },
  busy: "Fixing …",
  announce: {
    masked: "{masked} is masked in {where}.",
    replaced: "{recipient} was changed to {suggestion}.",
    removed: "{recipient} was removed.",
    routeTag: "The subject now starts with {tag}.",
    routeLabel: "The label {label} is set.",
    nothingChanged: "There was nothing to fix. The message may already have changed.",
    failed: "That did not work. Try again, or fix it in the message yourself.",
    bodyTooLarge: "The message is too large for Outlook to let the add-in write it (over 1,000,000 characters). Fix the number in the message yourself.",
    rescanned: {
      block: "Checked again: something still stops sending.",
      warn: "Checked again: there is still something to look at.",
      allow: "Checked again: all is well. Select Send again.",
    },
  },
};
