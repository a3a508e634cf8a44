/**
 * The task pane: the verdict on top, what the last fix changed, then what was found by place, each
 * with its one-click fix, and a footer naming the rules in force. All Office access comes in through
 * `services` (pane-services.ts); this file only arranges it.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  teamsHighContrastTheme,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import type { CprFinding, LookalikeFinding } from "../../core";
import { confirmable } from "../../core";
import type { AnyLang } from "../../i18n/t";
import { t } from "../../i18n/t";
import type { PolicySource } from "../policy/load-policy";
import { ChangeBar } from "./components/ChangeBar";
import { ConfirmedRecipients } from "./components/ConfirmedRecipients";
import { CprFindings } from "./components/CprFindings";
import { LiveRegion } from "./components/LiveRegion";
import { PolicyFallback, PolicyFooter } from "./components/PolicyFooter";
import { RecipientFindings, type Confirmability } from "./components/RecipientFindings";
import { RecipientMemory } from "./components/RecipientMemory";
import { SecureRoute, routeButtonLabel } from "./components/SecureRoute";
import { UnreadableFindings } from "./components/UnreadableFindings";
import { VerdictBar } from "./components/VerdictBar";
import { usePane, type Pane } from "./hooks/usePane";
import { coveredByRoute, displayFor, effectiveReasons, groupReasons, routeApplied, themeFor, type PaneTheme } from "./pane-model";
import type { PaneServices } from "./pane-services";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalM + " " + tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    minWidth: 0,
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, flexGrow: 1, minWidth: 0 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const THEMES = { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme } as const;

function media(query: string): MediaQueryList | undefined {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(query) : undefined;
}

/** Outlook's theme, and the OS asking for high contrast (forced colours): followed as they change. */
function usePaneTheme(officeTheme: PaneServices["officeTheme"]): PaneTheme {
  const read = () =>
    themeFor({
      officeTheme,
      forcedColors: media("(forced-colors: active)")?.matches === true || media("(prefers-contrast: more)")?.matches === true,
      prefersDark: media("(prefers-color-scheme: dark)")?.matches === true,
    });
  const [theme, setTheme] = useState<PaneTheme>(read);
  useEffect(() => {
    const lists = ["(forced-colors: active)", "(prefers-contrast: more)", "(prefers-color-scheme: dark)"].map(media);
    const update = () => setTheme(read());
    lists.forEach((l) => l?.addEventListener?.("change", update));
    return () => lists.forEach((l) => l?.removeEventListener?.("change", update));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [officeTheme]);
  return theme;
}

export function App({ services }: { readonly services: PaneServices }) {
  const pane = usePane(services);
  const theme = usePaneTheme(services.officeTheme);
  return (
    <FluentProvider theme={THEMES[theme]} lang={services.lang === "en" ? "en" : "da"} data-theme={theme}>
      <PaneView pane={pane} lang={services.lang} policySource={services.policySource} canConfirm={services.confirmations !== undefined} />
      {services.memory && pane.state.phase === "ready" ? (
        <RecipientMemory services={services.memory} lang={services.lang} hasCpr={pane.state.verdict.reasons.some((r) => r.finding.kind === "cpr")} />
      ) : null}
    </FluentProvider>
  );
}

export interface PaneViewProps {
  readonly pane: Pane;
  readonly lang: AnyLang;
  readonly policySource?: PolicySource | undefined;
  /** Whether the host keeps confirmations (the policy decides whether they are offered). */
  readonly canConfirm?: boolean;
}

export function PaneView({ pane, lang, policySource, canConfirm = false }: PaneViewProps) {
  const styles = useStyles();
  const verdictRef = useRef<HTMLDivElement>(null);
  const { state, busy, announcement, actions } = pane;

  // After a fix the button pressed is often gone (its finding is fixed). Keyboard focus then
  // lands on the verdict instead of falling back to the top of the document.
  useEffect(() => {
    if (announcement.id === 0) return;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) verdictRef.current?.focus();
  }, [announcement.id]);

  return (
    <div className={styles.root}>
      <main className={styles.main} aria-busy={state.phase === "loading" || busy}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t(lang, "taskpane.title")}</h1>
          {state.phase === "ready" ? (
            <Button size="small" appearance="subtle" icon={<ArrowSyncRegular aria-hidden />} disabledFocusable={busy} onClick={() => void actions.recheck()}>
              {t(lang, "taskpane.recheck")}
            </Button>
          ) : null}
        </header>
        <PolicyFallback source={policySource} lang={lang} />
        {state.phase === "loading" ? <Spinner size="small" label={t(lang, "taskpane.loading")} /> : null}
        {state.phase === "failed" ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t(lang, "taskpane.failed.title")}</MessageBarTitle>
              {t(lang, "taskpane.failed.body")}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void actions.retry()}>{t(lang, "taskpane.failed.retry")}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {state.phase === "ready" ? <Findings pane={pane} lang={lang} verdictRef={verdictRef} canConfirm={canConfirm} /> : null}
        {busy ? <Spinner size="tiny" label={t(lang, "taskpane.busy")} /> : null}
        <LiveRegion announcement={announcement} />
      </main>
      {/* Outside <main>, so it is the page's contentinfo landmark. */}
      <PolicyFooter policy={state.phase === "ready" ? state.policy : undefined} source={policySource} lang={lang} />
    </div>
  );
}

function Findings({
  pane,
  lang,
  verdictRef,
  canConfirm,
}: {
  readonly pane: Pane;
  readonly lang: AnyLang;
  readonly verdictRef: React.Ref<HTMLDivElement>;
  readonly canConfirm: boolean;
}) {
  const styles = useStyles();
  const { state, busy, actions, change } = pane;
  if (state.phase !== "ready") return null;
  const { verdict, route, policy } = state;
  const reasons = effectiveReasons(verdict, route);
  const grouped = groupReasons(reasons, state.attachmentNames);
  const display = displayFor(verdict, route);
  const applied = routeApplied(route);
  const routeText = !applied ? undefined : route.kind === "subject-tag" ? route.tag : route.kind === "sensitivity-label" ? route.label : undefined;
  // The route is offered where it protects something that still stops or warns, and shown once
  // applied. When the only such things are attached files, their own group carries the route button.
  const covered = verdict.reasons.filter((r) => coveredByRoute(r.finding) && r.action !== "allow");
  const onlyFiles = covered.length > 0 && covered.every((r) => r.finding.kind === "cpr" && r.finding.location.part === "attachment");
  const offerRoute = applied || (covered.length > 0 && !(onlyFiles && routeButtonLabel(route, lang) !== undefined));
  const subjectNumbers: CprFinding[] = reasons.filter((r) => r.action !== "allow" && r.finding.kind === "cpr" && r.finding.location.part === "subject").map((r) => r.finding as CprFinding);
  const confirmability = (f: LookalikeFinding): Confirmability => {
    if (!canConfirm || !policy?.confirmLookalikes) return "no";
    const allowed: boolean = confirmable(f, policy);
    return allowed ? "yes" : f.target === "own" ? "own" : "no";
  };
  return (
    <>
      <VerdictBar
        ref={verdictRef}
        display={display}
        lang={lang}
        {...(verdict.incomplete ? { incomplete: verdict.incomplete } : {})}
        {...(routeText ? { route: routeText } : {})}
      />
      <ChangeBar key={change?.id} change={change} lang={lang} busy={busy} onUndo={() => void actions.undo()} />
      {state.source === "send-check" ? <p className={styles.note}>{t(lang, "taskpane.fromSendCheck")}</p> : null}
      <RecipientFindings
        reasons={grouped.recipients}
        lang={lang}
        busy={busy}
        onReplace={(f) => void actions.replaceRecipient(f)}
        onRemove={(f) => void actions.removeRecipient(f)}
        confirmability={confirmability}
        onConfirm={(f) => void actions.confirmRecipient(f)}
        helpContact={policy?.helpContact}
      />
      <ConfirmedRecipients confirmed={state.confirmed} lang={lang} busy={busy} onForget={(f) => void actions.forgetRecipient(f)} />
      {offerRoute ? (
        <SecureRoute route={route} lang={lang} busy={busy} onApply={() => void actions.applySecureRoute()} subjectNumbers={subjectNumbers} onMask={(f) => void actions.maskCpr(f)} />
      ) : null}
      <CprFindings
        groups={grouped.cpr}
        lang={lang}
        busy={busy}
        route={route}
        onMask={(f) => void actions.maskCpr(f)}
        onRemoveFile={(name) => void actions.removeAttachment(name)}
        onApplyRoute={() => void actions.applySecureRoute()}
      />
      <UnreadableFindings reasons={grouped.unreadable} lang={lang} />
    </>
  );
}
