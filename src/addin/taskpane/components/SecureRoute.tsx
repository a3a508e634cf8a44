/**
 * The organisation's secure route, offered when the mail carries something a route protects: the
 * subject tag a transport rule encrypts, or a sensitivity label where this Outlook can set one.
 * When it cannot be applied here, the pane says what to do by hand instead of showing a dead button.
 */
import { Button } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { t, type AnyLang } from "../../../i18n/t";
import type { RouteState } from "../pane-model";
import { useListStyles } from "./styles";

export interface SecureRouteProps {
  readonly route: RouteState;
  readonly lang: AnyLang;
  readonly busy: boolean;
  readonly onApply: () => void;
}

export function SecureRoute({ route, lang, busy, onApply }: SecureRouteProps) {
  const styles = useListStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t(lang, "taskpane.route.heading")}
      </h2>
      <RouteBody route={route} lang={lang} busy={busy} onApply={onApply} />
    </section>
  );
}

function RouteBody({ route, lang, busy, onApply }: SecureRouteProps) {
  const styles = useListStyles();
  if (route.kind === "none") return <p className={styles.text}>{t(lang, "taskpane.route.none")}</p>;
  if (route.kind === "subject-tag") {
    if (route.applied) return <p className={styles.text}>{t(lang, "taskpane.route.appliedTag", { tag: route.tag })}</p>;
    return (
      <>
        <p className={styles.text}>{t(lang, "taskpane.route.subjectTagHelp", { tag: route.tag })}</p>
        <span className={styles.actions}>
          <Button appearance="primary" icon={<LockClosedRegular aria-hidden />} disabledFocusable={busy} onClick={onApply}>
            {t(lang, "taskpane.route.subjectTag", { tag: route.tag })}
          </Button>
        </span>
      </>
    );
  }
  if (route.applied) return <p className={styles.text}>{t(lang, "taskpane.route.appliedLabel", { label: route.label })}</p>;
  if (route.support === "not-supported") {
    return <p className={styles.text}>{t(lang, "taskpane.route.labelUnsupported", { label: route.label })}</p>;
  }
  if (route.support === "catalog-disabled") return <p className={styles.text}>{t(lang, "taskpane.route.labelCatalogDisabled")}</p>;
  return (
    <>
      <p className={styles.text}>{t(lang, "taskpane.route.labelHelp", { label: route.label })}</p>
      <span className={styles.actions}>
        <Button appearance="primary" icon={<LockClosedRegular aria-hidden />} disabledFocusable={busy} onClick={onApply}>
          {t(lang, "taskpane.route.label", { label: route.label })}
        </Button>
      </span>
    </>
  );
}
