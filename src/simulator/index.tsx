/**
 * The simulator page's entry (dist/simulator/index.html). Creates the one fake Office mailbox, puts
 * it where the add-in's pages find it (office-shim.ts), and renders the compose window.
 *
 *   /simulator/            Danish Outlook, sender at the policy's first own domain (or randers.dk)
 *   /simulator/?lang=en    English Outlook (Office.context.displayLanguage "en-US")
 *   /simulator/?from=a@b   another sender address
 *   /simulator/?client=mac  another client profile (classic-2206, classic-2403, new-outlook, web, mac, ltsc-2024)
 *   /simulator/?kind=kind   the kind fake: no client quirks (demos)
 *   /simulator/?invite=Lokale%202   compose a meeting invite with that location
 *   /simulator/?theme=dark Outlook's dark theme (Office.context.officeTheme); "light" sets the light one
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Lang } from "../i18n/t";
import { t } from "../i18n/t";
import { SIMULATOR_KEY, type SimulatorBridge } from "./bridge-key";
import type { FakeApi } from "./fake-office";
import { PROFILE_NAMES, type ClientProfileName } from "./fake-profiles";
import { createSimulatorMailbox } from "./mailbox";
import { Simulator } from "./Simulator";

/** The sender's domain: the policy's first own domain, as a caseworker there would have. */
async function defaultFrom(): Promise<string> {
  try {
    // Same origin, no body, nothing from the mail: the file the add-in itself loads.
    const response = await fetch("/policy.json", { cache: "no-store", credentials: "omit" });
    const policy = (await response.json()) as { ownDomains?: unknown };
    const own = Array.isArray(policy.ownDomains) ? policy.ownDomains.find((d): d is string => typeof d === "string") : undefined;
    if (own) return `sagsbehandler@${own}`;
  } catch {
    // No policy: the story's own domain.
  }
  return "sagsbehandler@randers.dk";
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const lang: Lang = params.get("lang") === "en" ? "en" : "da";
  const from = params.get("from") ?? (await defaultFrom());
  const theme = params.get("theme");
  // The colours Outlook reports for its Black and White themes.
  const officeTheme =
    theme === "dark" ? { bodyBackgroundColor: "#262626", isDarkTheme: true } : theme === "light" ? { bodyBackgroundColor: "#ffffff", isDarkTheme: false } : undefined;
  const listeners = new Set<(api: FakeApi) => void>();
  const client = params.get("client");
  const invite = params.get("invite");
  const mailbox = createSimulatorMailbox({
    displayLanguage: lang === "en" ? "en-US" : "da-DK",
    from,
    ...(client && (PROFILE_NAMES as readonly string[]).includes(client) ? { profile: client as ClientProfileName } : {}),
    ...(params.get("kind") === "kind" ? { kind: "kind" as const } : {}),
    ...(invite !== null ? { appointment: { location: invite } } : {}),
    onDraftChange: (api) => listeners.forEach((l) => l(api)),
    ...(officeTheme ? { officeTheme } : {}),
  });
  const bridge: SimulatorBridge = { Office: mailbox.fake.Office, OfficeRuntime: mailbox.fake.OfficeRuntime };
  (window as unknown as Record<string, SimulatorBridge>)[SIMULATOR_KEY] = bridge;
  document.documentElement.lang = lang;
  document.title = t(lang, "simulator.title");
  const subscribe = (listener: (api: FakeApi) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  const root = createRoot(document.getElementById("root") ?? document.body);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Simulator mailbox={mailbox} lang={lang} from={from} subscribe={subscribe} />
    </FluentProvider>,
  );
}

void start();
