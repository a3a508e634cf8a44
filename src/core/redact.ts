/**
 * Masks every CPR number in a string that came from the mail but is not itself scanned text:
 * attachment names, addresses, file paths. Whatever renders such a string (alerts, the task pane,
 * the CLI) passes it through here, so "150650-3720_ansøgning.pdf" is shown as
 * "150650-****_ansøgning.pdf".
 */
import { findCprNumbers } from "./detectors/cpr";
import { maskCprInText } from "./detectors/mask";

export function redactCpr(text: string, now: Date = new Date()): string {
  // Full-width digits count too: the matcher folds them (NFKC) into a number.
  if (!/[0-9\uFF10-\uFF19]/.test(text)) return text;
  const matches = findCprNumbers(text, { now });
  return matches.length === 0 ? text : maskCprInText(text, matches);
}
