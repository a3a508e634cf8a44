/**
 * The Outlook simulator's sentences (`npm start`). Danish is the source; English must match its
 * shape. The Smart Alerts buttons use Outlook's own wording in each language.
 */
import type { Shape } from "../shape";

export const da = {
  title: "Postvagt – Outlook-simulator",
  intro: "En ny mail som i Outlook. Postvagt tjekker den, når du trykker Send. Intet forlader din computer.",
  loadingHandler: "Indlæser Postvagt …",
  handlerMissing: "Postvagts send-tjek blev ikke indlæst. Er `npm run build` kørt?",
  from: "Fra",
  to: "Til",
  cc: "Cc",
  bcc: "Bcc",
  recipientsHint: "Adskil flere adresser med semikolon.",
  subject: "Emne",
  body: "Brødtekst",
  bold: "Fed",
  italic: "Kursiv",
  attachments: "Vedhæftede filer",
  attach: "Vedhæft fil",
  noAttachments: "Ingen vedhæftede filer.",
  removeAttachment: "Fjern {name}",
  send: "Send",
  openPane: "Postvagt",
  openPaneLabel: "Åbn Postvagt-ruden",
  closePane: "Luk ruden",
  pane: "Postvagt-ruden",
  newMail: "Ny mail",
  checking: "Postvagt tjekker mailen …",
  sent: {
    title: "Mailen er sendt",
    body: "(Simuleret: intet er sendt nogen steder.)",
  },
  alert: {
    dontSend: "Send ikke",
    sendAnyway: "Send alligevel",
  },
  noCompletion: "Send-tjekket svarede ikke. I Outlook ville mailen følge tilføjelsesprogrammets afsendelsestilstand.",
} as const;

export const en: Shape<typeof da> = {
  title: "Postvagt – Outlook simulator",
  intro: "A new message as in Outlook. Postvagt checks it when you select Send. Nothing leaves your computer.",
  loadingHandler: "Loading Postvagt …",
  handlerMissing: "Postvagt's send check did not load. Has `npm run build` run?",
  from: "From",
  to: "To",
  cc: "Cc",
  bcc: "Bcc",
  recipientsHint: "Separate several addresses with semicolons.",
  subject: "Subject",
  body: "Message",
  bold: "Bold",
  italic: "Italic",
  attachments: "Attachments",
  attach: "Attach file",
  noAttachments: "No attachments.",
  removeAttachment: "Remove {name}",
  send: "Send",
  openPane: "Postvagt",
  openPaneLabel: "Open the Postvagt pane",
  closePane: "Close the pane",
  pane: "Postvagt pane",
  newMail: "New message",
  checking: "Postvagt is checking the message …",
  sent: {
    title: "The message was sent",
    body: "(Simulated: nothing was sent anywhere.)",
  },
  alert: {
    dontSend: "Don't Send",
    sendAnyway: "Send Anyway",
  },
  noCompletion: "The send check did not answer. In Outlook the message would follow the add-in's send mode.",
};
