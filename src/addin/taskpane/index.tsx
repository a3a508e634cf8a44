/**
 * The task pane's entry (dist/taskpane.html). Connects to Outlook through the Office adapters,
 * loads the admin's policy from the add-in's own origin, and renders <App>. In the simulator the
 * same bundle runs unchanged: the page is given the simulator's fake Office instead of office.js.
 */
import { createRoot } from "react-dom/client";
import type { Policy } from "../../core";
import { t, type Lang } from "../../i18n/t";
import { connectTaskpane } from "../office/apply-fix";
import { getOffice } from "../office/office-async";
import { confirmationStore } from "../office/roaming-confirmations";
import { runtimeStore } from "../office/runtime-storage";
import { loadPolicy } from "../policy/load-policy";
import { policyUrl, runtimeBaseUrl } from "../policy/policy-url";
import { App } from "./App";
import type { PaneServices } from "./pane-services";
import { browserPdfReader } from "./pdfjs-browser";
import { recipientMemoryServices } from "./recipient-memory-services";

/** Read while the bundle evaluates: document.currentScript is then this bundle's <script>. */
const BASE_URL = runtimeBaseUrl();

function languageFor(policy: Policy, displayLanguage: string): Lang {
  if (policy.language !== "auto") return policy.language;
  return displayLanguage.toLowerCase().startsWith("en") ? "en" : "da";
}

function log(line: string): void {
  // Policy source and HTTP status only (load-policy.ts); never mail content.
  console.info(`[Postvagt] ${line}`);
}

/** Office.context.officeTheme (Mailbox 1.14); undefined where the host gives none. */
function officeTheme(): PaneServices["officeTheme"] {
  try {
    return getOffice()?.context.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const connection = await connectTaskpane();
  if (!connection) {
    const lang: Lang = navigator.language.toLowerCase().startsWith("en") ? "en" : "da";
    root.render(<p>{t(lang, "taskpane.notInOutlook")}</p>);
    return;
  }
  const loaded = await loadPolicy({
    url: policyUrl(BASE_URL),
    fetch: (url, init) => fetch(url, init),
    log,
    setTimer: (fn, ms) => setTimeout(fn, ms),
  });
  const lang = languageFor(loaded.policy, connection.displayLanguage);
  document.documentElement.lang = lang;
  document.title = t(lang, "taskpane.title");
  const services: PaneServices = {
    lang,
    now: () => new Date(),
    loadPolicy: () => Promise.resolve(loaded.policy),
    readMessage: async (policy) =>
      (await connection.mailbox.readMessage({ maxAttachmentBytes: policy.limits.maxAttachmentBytes })).message,
    // The button's contextData, else the newer of sessionData and (Mac) localStorage: apply-fix.ts.
    sendCheck: () => connection.latestSendResult(),
    editor: connection.editor,
    pdfReader: () => browserPdfReader(log),
    memory: recipientMemoryServices(connection.mailbox.recipientMemory, () => Promise.resolve(loaded.policy), () => connection.mailbox.readRecipients()),
    policySource: loaded.source,
    confirmations: confirmationStore(getOffice(), runtimeStore()),
    ...(officeTheme() ? { officeTheme: officeTheme() } : {}),
  };
  root.render(<App services={services} />);
  // A pane left open learns of the next Send's result (1.15 event, else re-read while visible): start over with it.
  connection.onSendResult((result) => root.render(<App key={result.at} services={{ ...services, sendCheck: () => Promise.resolve(result) }} />));
}

const container = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
void start(container);
