/**
 * The Smart Alerts dialog Outlook shows when Postvagt stops a send. Danish is the source; English
 * must match its shape. Outlook caps the message at 500 characters and the button at 20, so every
 * sentence here is short; alert-message.ts drops findings (never these sentences) to fit.
 */
import type { Shape } from "../shape";

export const da = {
  title: {
    block: "Postvagt har stoppet mailen.",
    warn: "Postvagt fandt noget, du bør se på, før mailen sendes.",
    timeout: "Postvagt nåede ikke at tjekke hele mailen.",
    error: "Postvagt kunne ikke tjekke mailen.",
  },
  more: "… og {count} mere.",
  hint: {
    /** Outlook shows our button (cancelLabel) when commandId is supported (Mailbox 1.14). */
    button: "Vælg »{button}« for at se og rette det.",
    /** Older Outlook: no button, so point to the ribbon. */
    ribbon: "Åbn »Tjek mailen« (Postvagt) i båndet for at se og rette det.",
    /** Warn on older Outlook: the next Send with the same findings goes through. */
    sendAgain: "Er mailen i orden, så tryk Send igen.",
    /** Warn with sendModeOverride PromptUser: Outlook adds its own "Send Anyway" button. */
    sendAnyway: "Er mailen i orden, kan du sende den alligevel.",
    failBlock: "Mailen er ikke sendt. Prøv igen om lidt, og kontakt IT, hvis det bliver ved.",
  },
  button: {
    fix: "Ret mailen",
    open: "Åbn Postvagt",
  },
} as const;

export const en: Shape<typeof da> = {
  title: {
    block: "Postvagt stopped this mail.",
    warn: "Postvagt found something you should look at before sending.",
    timeout: "Postvagt could not check the whole mail in time.",
    error: "Postvagt could not check this mail.",
  },
  more: "… and {count} more.",
  hint: {
    button: "Choose “{button}” to see and fix it.",
    ribbon: "Open “Check this mail” (Postvagt) on the ribbon to see and fix it.",
    sendAgain: "If the mail is fine, press Send again.",
    sendAnyway: "If the mail is fine, you can send it anyway.",
    failBlock: "The mail was not sent. Try again shortly, and contact IT if it keeps happening.",
  },
  button: {
    fix: "Fix the mail",
    open: "Open Postvagt",
  },
};
