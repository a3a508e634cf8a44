/**
 * One send check of a 25 MB register extract in a process of its own, for send.bench.ts: reads
 * the prepared file (plain .csv or zipped), sends it through the real handler with the fake
 * Office, and prints one JSON line: path, elapsed ms (the handler's own clock), CPR numbers
 * found, whether the rest was reported as not read in time, and the process's peak RSS.
 *
 *   npx tsx bench/register-send.child.ts <file> <attachment name>
 */
import { readFileSync } from "node:fs";
import { DEFAULT_POLICY, type Policy } from "../src/core/index";
import { onMessageSend } from "../src/addin/launchevent/on-message-send";
import { connectMailbox } from "../src/addin/office/mailbox-host";
import { parseSharedState, SESSION_KEY } from "../src/addin/office/shared-state";
import { createFakeOffice } from "../src/simulator/fake-office";

async function main(): Promise<void> {
  const [file, name] = process.argv.slice(2) as [string, string];
  const bytes = new Uint8Array(readFileSync(file));
  const policy: Policy = { ...DEFAULT_POLICY, ownDomains: ["randers.dk"] };
  const fake = createFakeOffice({
    subject: "Udtræk fra registret",
    bodyHtml: "<p>Se vedlagte udtræk.</p>",
    recipients: [{ address: "kollega@randers.dk", field: "to" }],
    attachments: [{ kind: "file", name, bytes }],
    from: "sagsbehandler@randers.dk",
  });
  const rssBefore = process.resourceUsage().maxRSS;
  const event = fake.createEvent();
  const outcome = await onMessageSend(event, {
    host: connectMailbox(fake.Office),
    loadPolicy: () => Promise.resolve({ policy, source: "cache" as const }),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as NodeJS.Timeout),
    now: new Date(2026, 10, 23),
  });
  const send = parseSharedState(fake.sessionData.get(SESSION_KEY)).send;
  const reasons = send?.reasons ?? [];
  console.log(
    JSON.stringify({
      path: outcome.path,
      elapsedMs: outcome.elapsedMs,
      completions: event.completions.length,
      findings: send?.total ?? 0,
      notReadInTime: reasons.some((r) => r.finding.kind === "unreadable-attachment" && r.finding.why === "timeout"),
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      rssBeforeSendMB: rssBefore / 1024,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
