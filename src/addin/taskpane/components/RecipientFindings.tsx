/**
 * Recipients that look wrong: a look-alike of a known domain ("anders.dk ligner randers.dk … Mente
 * du randers.dk?") with "Ret til …" and "Fjern", or an address that is not valid with "Fjern".
 * Every other recipient stays as it was.
 */
import { Button } from "@fluentui/react-components";
import { useId } from "react";
import { redactCpr, safeName, type InvalidRecipientFinding, type LookalikeFinding } from "../../../core";
import { describeFinding } from "../../../i18n/describe-finding";
import { t, type AnyLang } from "../../../i18n/t";
import type { Reason } from "../pane-model";
import { ActionLabel } from "./ActionLabel";
import { useListStyles } from "./styles";

export interface RecipientFindingsProps {
  readonly reasons: ReadonlyArray<Reason<LookalikeFinding | InvalidRecipientFinding>>;
  readonly lang: AnyLang;
  readonly busy: boolean;
  readonly onReplace: (finding: LookalikeFinding) => void;
  readonly onRemove: (finding: LookalikeFinding | InvalidRecipientFinding) => void;
}

export function RecipientFindings({ reasons, lang, busy, onReplace, onRemove }: RecipientFindingsProps) {
  const styles = useListStyles();
  const headingId = useId();
  if (reasons.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t(lang, "taskpane.sections.recipients", { count: reasons.length })}
      </h2>
      <ul className={styles.list}>
        {reasons.map(({ finding, action }) => {
          const recipient = redactCpr(safeName(finding.recipient));
          const field = t(lang, `taskpane.recipient.field.${finding.field}`);
          return (
            <li key={`${finding.field}|${finding.recipient}`} className={styles.item}>
              <span className={styles.line}>
                <span className={styles.number}>{recipient}</span>
                <span className={styles.meta}>{field}</span>
                <ActionLabel action={action} lang={lang} />
              </span>
              <p className={styles.text}>{describeFinding(finding, lang)}</p>
              {finding.kind === "invalid-recipient" ? <p className={styles.text}>{t(lang, "taskpane.recipient.invalid", { field })}</p> : null}
              <span className={styles.actions}>
                {finding.kind === "lookalike-domain" ? (
                  <Button appearance="primary" size="small" disabledFocusable={busy} onClick={() => onReplace(finding)}>
                    {t(lang, "taskpane.recipient.replace", { suggestion: redactCpr(finding.suggestion) })}
                  </Button>
                ) : null}
                <Button
                  size="small"
                  disabledFocusable={busy}
                  aria-label={t(lang, "taskpane.recipient.removeLabel", { recipient, field })}
                  onClick={() => onRemove(finding)}
                >
                  {t(lang, "taskpane.recipient.remove")}
                </Button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
