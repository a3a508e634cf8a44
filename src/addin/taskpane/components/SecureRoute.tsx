/**
 * The organisation's secure route, offered when the mail carries something a route protects: the
 * subject tag a transport rule encrypts, or a sensitivity label where this Outlook can set one.
 * When it cannot be applied here, the pane says what to do by hand instead of showing a dead button.
 * Once applied it says plainly what the route protects (body and attachments) and what it cannot
 * (the subject is not encrypted), and offers to hide a number left in the subject right there.
 */
import { Button } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import { useId } from "react";
import type { CprFinding } from "../../../core";
import { describeLocation } from "../../../i18n/describe-finding";
import { t, type AnyLang } from "../../../i18n/t";
import type { RouteState } from "../pane-model";
import { useListStyles } from "./styles";

export interface SecureRouteProps {
  readonly route: RouteState;
  readonly lang: AnyLang;
  readonly busy: boolean;
  readonly onApply: () => void;
  /** CPR numbers in the subject: no route encrypts the subject. */
  readonly subjectNumbers?: readonly CprFinding[];
  readonly onMask?: (finding: CprFinding) => void;
}

/** The route button's label where this Outlook can apply the route now; undefined otherwise. */
export function routeButtonLabel(route: RouteState, lang: AnyLang): string | undefined {
  if (route.kind === "subject-tag" && !route.applied) return t(lang, "taskpane.route.subjectTag", { tag: route.tag });
  if (route.kind === "sensitivity-label" && !route.applied && route.support === "supported") return t(lang, "taskpane.route.label", { label: route.label });
  return undefined;
}

export function SecureRoute(props: SecureRouteProps) {
  const styles = useListStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t(props.lang, "taskpane.route.heading")}
      </h2>
      <RouteBody {...props} />
    </section>
  );
}

function SubjectStillOpen({ lang, busy, subjectNumbers = [], onMask }: SecureRouteProps) {
  const styles = useListStyles();
  if (subjectNumbers.length === 0) return null;
  return (
    <>
      <p className={styles.text}>{t(lang, "taskpane.verdict.subjectOpen")}</p>
      <span className={styles.actions}>
        {subjectNumbers.map((f) => (
          <Button key={f.masked} appearance="primary" size="small" className={styles.button} disabledFocusable={busy} onClick={() => onMask?.(f)}>
            {t(lang, "taskpane.cpr.maskLabel", { masked: f.masked, where: describeLocation(f.location, lang) })}
          </Button>
        ))}
      </span>
    </>
  );
}

function RouteBody(props: SecureRouteProps) {
  const { route, lang, busy, onApply } = props;
  const styles = useListStyles();
  const label = routeButtonLabel(route, lang);
  const button = label ? (
    <span className={styles.actions}>
      <Button appearance="primary" className={styles.button} icon={<LockClosedRegular aria-hidden />} disabledFocusable={busy} onClick={onApply}>
        {label}
      </Button>
    </span>
  ) : null;
  if (route.kind === "none") return <p className={styles.text}>{t(lang, "taskpane.route.none")}</p>;
  if (route.kind === "subject-tag") {
    if (route.applied) {
      return (
        <>
          <p className={styles.text}>{t(lang, "taskpane.route.appliedTag", { tag: route.tag })}</p>
          <SubjectStillOpen {...props} />
        </>
      );
    }
    return (
      <>
        <p className={styles.text}>{t(lang, "taskpane.route.subjectTagHelp", { tag: route.tag })}</p>
        {button}
      </>
    );
  }
  if (route.applied) {
    return (
      <>
        <p className={styles.text}>{t(lang, "taskpane.route.appliedLabel", { label: route.label })}</p>
        <SubjectStillOpen {...props} />
      </>
    );
  }
  if (route.support === "not-supported") {
    return <p className={styles.text}>{t(lang, "taskpane.route.labelUnsupported", { label: route.label })}</p>;
  }
  if (route.support === "catalog-disabled") return <p className={styles.text}>{t(lang, "taskpane.route.labelCatalogDisabled")}</p>;
  return (
    <>
      <p className={styles.text}>{t(lang, "taskpane.route.labelHelp", { label: route.label })}</p>
      {button}
    </>
  );
}
