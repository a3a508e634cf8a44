/**
 * Recipients that look wrong: a look-alike of a known domain ("anders.dk ligner randers.dk … Mente
 * du randers.dk?") with "Ret til …" and "Fjern", or an address that is not valid with "Fjern".
 * Where the policy lets the user confirm a look-alike as the one they meant, "Det er den rigtige
 * modtager" (never for a look-alike of the organisation's own domains: only IT can allow those),
 * and the policy's help contact under "Spørg IT". Every other recipient stays as it was.
 */
import { Button, Link } from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { redactCpr, safeName, type HelpContact, type InvalidRecipientFinding, type LookalikeFinding } from "../../../core";
import { describeFinding } from "../../../i18n/describe-finding";
import { t, type AnyLang } from "../../../i18n/t";
import type { Reason } from "../pane-model";
import { ActionLabel } from "./ActionLabel";
import { useListStyles } from "./styles";

/** Whether a look-alike may be confirmed by the user: "yes", "own" (only IT can), or "no" (policy says no). */
export type Confirmability = "yes" | "own" | "no";

export interface RecipientFindingsProps {
  readonly reasons: ReadonlyArray<Reason<LookalikeFinding | InvalidRecipientFinding>>;
  readonly lang: AnyLang;
  readonly busy: boolean;
  readonly onReplace: (finding: LookalikeFinding) => void;
  readonly onRemove: (finding: LookalikeFinding | InvalidRecipientFinding) => void;
  readonly confirmability?: (finding: LookalikeFinding) => Confirmability;
  readonly onConfirm?: (finding: LookalikeFinding) => void;
  readonly helpContact?: HelpContact | undefined;
}

/** An address shown whole: it wraps rather than widening the pane, and its text is its name. */
export function Address({ address, className }: { readonly address: string; readonly className: string }) {
  return (
    <span className={className} title={address}>
      {address}
    </span>
  );
}

export function RecipientFindings({ reasons, lang, busy, onReplace, onRemove, confirmability, onConfirm, helpContact }: RecipientFindingsProps) {
  const styles = useListStyles();
  const headingId = useId();
  if (reasons.length === 0) return null;
  const anyLookalike = reasons.some((r) => r.finding.kind === "lookalike-domain");
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t(lang, "taskpane.sections.recipients", { count: reasons.length })}
      </h2>
      <ul className={styles.list}>
        {reasons.map(({ finding, action }) => {
          const recipient = redactCpr(safeName(finding.recipient));
          const field = t(lang, `taskpane.recipient.field.${finding.field}`);
          const confirm = finding.kind === "lookalike-domain" && confirmability ? confirmability(finding) : "no";
          return (
            <li key={`${finding.field}|${finding.recipient}`} className={styles.item}>
              <span className={styles.line}>
                <Address address={recipient} className={styles.address} />
                <span className={styles.meta}>{field}</span>
                <ActionLabel action={action} lang={lang} />
              </span>
              <p className={styles.text}>{describeFinding(finding, lang)}</p>
              {finding.kind === "invalid-recipient" ? <p className={styles.text}>{t(lang, "taskpane.recipient.invalid", { field })}</p> : null}
              {confirm === "own" ? <p className={styles.text}>{t(lang, "taskpane.recipient.ownOnlyIt")}</p> : null}
              <span className={styles.actions}>
                {finding.kind === "lookalike-domain" ? (
                  <Button appearance="primary" size="small" className={styles.button} disabledFocusable={busy} onClick={() => onReplace(finding)}>
                    {t(lang, "taskpane.recipient.replace", { suggestion: redactCpr(finding.suggestion) })}
                  </Button>
                ) : null}
                <Button
                  size="small"
                  className={styles.button}
                  disabledFocusable={busy}
                  aria-label={t(lang, "taskpane.recipient.removeLabel", { recipient, field })}
                  onClick={() => onRemove(finding)}
                >
                  {t(lang, "taskpane.recipient.remove")}
                </Button>
                {finding.kind === "lookalike-domain" && confirm === "yes" && onConfirm ? (
                  <Button
                    size="small"
                    appearance="subtle"
                    className={styles.button}
                    icon={<CheckmarkRegular aria-hidden />}
                    disabledFocusable={busy}
                    aria-label={`${t(lang, "taskpane.recipient.confirm")}: ${recipient}`}
                    onClick={() => onConfirm(finding)}
                  >
                    {t(lang, "taskpane.recipient.confirm")}
                  </Button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      {anyLookalike && helpContact ? <HelpContactView contact={helpContact} lang={lang} /> : null}
    </section>
  );
}

function HelpContactView({ contact, lang }: { readonly contact: HelpContact; readonly lang: AnyLang }) {
  const styles = useListStyles();
  const headingId = useId();
  return (
    <div className={styles.section} role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {t(lang, "taskpane.help.heading")}
      </h3>
      <p className={styles.text}>
        {contact.text}
        {contact.url ? (
          <>
            {" "}
            <Link href={contact.url} target="_blank" rel="noopener noreferrer" inline className={styles.link}>
              {contact.url.replace(/^(mailto:|tel:|https:\/\/)/i, "")}
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
