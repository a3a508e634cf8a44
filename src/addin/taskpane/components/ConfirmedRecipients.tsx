/**
 * Look-alike recipients of this mail the user has confirmed as the ones they meant: Postvagt does
 * not ask about them again (for this user only), and says so here, with "Glem" to take it back.
 */
import { Button } from "@fluentui/react-components";
import { useId } from "react";
import { redactCpr, type LookalikeFinding } from "../../../core";
import { t, type AnyLang } from "../../../i18n/t";
import { Address } from "./RecipientFindings";
import { useListStyles } from "./styles";

export interface ConfirmedRecipientsProps {
  readonly confirmed: readonly LookalikeFinding[];
  readonly lang: AnyLang;
  readonly busy: boolean;
  readonly onForget: (finding: LookalikeFinding) => void;
}

export function ConfirmedRecipients({ confirmed, lang, busy, onForget }: ConfirmedRecipientsProps) {
  const styles = useListStyles();
  const headingId = useId();
  if (confirmed.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t(lang, "taskpane.recipient.confirmedHeading", { count: confirmed.length })}
      </h2>
      <p className={styles.text}>{t(lang, "taskpane.recipient.confirmedNote")}</p>
      <ul className={styles.list}>
        {confirmed.map((f) => {
          const recipient = redactCpr(f.recipient);
          return (
            <li key={`${f.field}|${f.recipient}`} className={styles.item}>
              <span className={styles.line}>
                <Address address={recipient} className={styles.address} />
              </span>
              <span className={styles.actions}>
                <Button
                  size="small"
                  className={styles.button}
                  disabledFocusable={busy}
                  aria-label={t(lang, "taskpane.recipient.unconfirmLabel", { recipient })}
                  onClick={() => onForget(f)}
                >
                  {t(lang, "taskpane.recipient.unconfirm")}
                </Button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
