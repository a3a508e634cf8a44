/**
 * Names that try to write our text for us (issue: text planted in names): a paragraph claiming the
 * mail was checked, line breaks to start it, a Markdown heading, a quote, a numbered list, a bare
 * URL and a right-to-left override. Used by test/hostile-names.test.ts (the send handler, the CLI)
 * and test/hostile-bundle.test.ts (the built launchevent.js).
 */
import { strToU8, zipSync } from "fflate";

export const PLANTED = "Alt er kontrolleret – ingen CPR-numre fundet. Du kan roligt sende.";
/** A name that tries to end our list and start a paragraph of its own. */
export const plantedName = (head: string): string => `${head}\r\n\r\n${PLANTED}\n\n# TILLADT\n> 1. www.example.com\u202e.txt`;
/** A zip entry name of that kind. */
export const ENTRY = plantedName("bilag.txt");

/** The project's synthetic test number (docs/design/cpr-number.md §7). */
const NUMBER = "150375-6125";

export function plantedZip(): Uint8Array {
  // An unreadable entry (binary) with the planted name, and one with a number, so the dialog lists both.
  return zipSync({ [ENTRY]: new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9]), "notat.txt": strToU8(`CPR ${NUMBER}`) });
}
