/**
 * The task pane: the verdict on top, then what was found by place, each with its one-click fix.
 * All Office access comes in through `services` (pane-services.ts); this file only arranges it.
 */
import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import type { AnyLang } from "../../i18n/t";
import { t } from "../../i18n/t";
import { CprFindings } from "./components/CprFindings";
import { LiveRegion } from "./components/LiveRegion";
import { RecipientFindings } from "./components/RecipientFindings";
import { RecipientMemory } from "./components/RecipientMemory";
import { SecureRoute } from "./components/SecureRoute";
import { UnreadableFindings } from "./components/UnreadableFindings";
import { VerdictBar } from "./components/VerdictBar";
import { usePane, type Pane } from "./hooks/usePane";
import { coveredByRoute, displayFor, effectiveReasons, groupReasons, routeApplied } from "./pane-model";
import type { PaneServices } from "./pane-services";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalM + " " + tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function App({ services }: { readonly services: PaneServices }) {
  const pane = usePane(services);
  return (
    <FluentProvider theme={webLightTheme} lang={services.lang === "en" ? "en" : "da"}>
      <PaneView pane={pane} lang={services.lang} />
      {services.memory && pane.state.phase === "ready" ? (
        <RecipientMemory services={services.memory} lang={services.lang} hasCpr={pane.state.verdict.reasons.some((r) => r.finding.kind === "cpr")} />
      ) : null}
    </FluentProvider>
  );
}

export function PaneView({ pane, lang }: { readonly pane: Pane; readonly lang: AnyLang }) {
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
    <main className={styles.root} aria-busy={state.phase === "loading" || busy}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t(lang, "taskpane.title")}</h1>
        {state.phase === "ready" ? (
          <Button size="small" appearance="subtle" icon={<ArrowSyncRegular aria-hidden />} disabledFocusable={busy} onClick={() => void actions.recheck()}>
            {t(lang, "taskpane.recheck")}
          </Button>
        ) : null}
      </header>
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
      {state.phase === "ready" ? <Findings pane={pane} lang={lang} verdictRef={verdictRef} /> : null}
      {busy ? <Spinner size="tiny" label={t(lang, "taskpane.busy")} /> : null}
      <LiveRegion announcement={announcement} />
    </main>
  );
}

function Findings({ pane, lang, verdictRef }: { readonly pane: Pane; readonly lang: AnyLang; readonly verdictRef: React.Ref<HTMLDivElement> }) {
  const styles = useStyles();
  const { state, busy, actions } = pane;
  if (state.phase !== "ready") return null;
  const { verdict, route } = state;
  const reasons = effectiveReasons(verdict, route);
  const grouped = groupReasons(reasons);
  const display = displayFor(verdict, route);
  const applied = routeApplied(route);
  const routeText = !applied ? undefined : route.kind === "subject-tag" ? route.tag : route.kind === "sensitivity-label" ? route.label : undefined;
  // The route is offered where it protects something that still stops or warns, and shown once applied.
  const offerRoute = applied || verdict.reasons.some((r) => coveredByRoute(r.finding) && r.action !== "allow");
  return (
    <>
      <VerdictBar
        ref={verdictRef}
        display={display}
        lang={lang}
        {...(verdict.incomplete ? { incomplete: verdict.incomplete } : {})}
        {...(routeText ? { route: routeText } : {})}
      />
      {state.source === "send-check" ? <p className={styles.note}>{t(lang, "taskpane.fromSendCheck")}</p> : null}
      <RecipientFindings
        reasons={grouped.recipients}
        lang={lang}
        busy={busy}
        onReplace={(f) => void actions.replaceRecipient(f)}
        onRemove={(f) => void actions.removeRecipient(f)}
      />
      <CprFindings groups={grouped.cpr} lang={lang} busy={busy} hasRoute={route.kind !== "none"} onMask={(f) => void actions.maskCpr(f)} />
      <UnreadableFindings reasons={grouped.unreadable} lang={lang} />
      {offerRoute ? <SecureRoute route={route} lang={lang} busy={busy} onApply={() => void actions.applySecureRoute()} /> : null}
    </>
  );
}
