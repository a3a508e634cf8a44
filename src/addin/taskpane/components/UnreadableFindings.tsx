/** Attachments Postvagt could not read, and why: never passed over as if they were clean. */
import { useId } from "react";
import type { UnreadableAttachmentFinding } from "../../../core";
import { describeFinding } from "../../../i18n/describe-finding";
import { t, type AnyLang } from "../../../i18n/t";
import type { Reason } from "../pane-model";
import { ActionLabel } from "./ActionLabel";
import { useListStyles } from "./styles";

export interface UnreadableFindingsProps {
  readonly reasons: ReadonlyArray<Reason<UnreadableAttachmentFinding>>;
  readonly lang: AnyLang;
}

export function UnreadableFindings({ reasons, lang }: UnreadableFindingsProps) {
  const styles = useListStyles();
  const headingId = useId();
  if (reasons.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t(lang, "taskpane.sections.unreadable", { count: reasons.length })}
      </h2>
      <ul className={styles.list}>
        {reasons.map(({ finding, action }, i) => (
          <li key={`${finding.attachment}|${i}`} className={styles.item}>
            <p className={styles.text}>{describeFinding(finding, lang)}</p>
            <span className={styles.line}>
              <ActionLabel action={action} lang={lang} />
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.text}>{t(lang, "taskpane.unreadable.hint")}</p>
    </section>
  );
}
