/**
 * The verdict as one Fluent MessageBar: block = error, warn = warning, not checked = info,
 * nothing found = success. The title says the verdict in words and the intent adds an icon, so
 * the meaning never rests on colour alone.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef } from "react";
import { t, type AnyLang } from "../../../i18n/t";
import { INTENT, type Display } from "../pane-model";

const useStyles = makeStyles({
  bar: { alignItems: "flex-start" },
  note: { display: "block", marginTop: tokens.spacingVerticalXS },
});

export interface VerdictBarProps {
  readonly display: Display;
  readonly lang: AnyLang;
  readonly incomplete?: "timeout" | "error";
  /** Set when the secure route is applied: "emnet begynder med [sikker]". */
  readonly route?: string;
}

export const VerdictBar = forwardRef<HTMLDivElement, VerdictBarProps>(function VerdictBar(
  { display, lang, incomplete, route },
  ref,
) {
  const styles = useStyles();
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={INTENT[display]} data-intent={INTENT[display]} layout="multiline" className={styles.bar}>
      <MessageBarBody>
        <MessageBarTitle>{t(lang, `taskpane.verdict.${display}.title`)}</MessageBarTitle>
        {t(lang, `taskpane.verdict.${display}.body`)}
        {route ? <span className={styles.note}>{t(lang, "taskpane.verdict.routeApplied", { route })}</span> : null}
        {incomplete ? <span className={styles.note}>{t(lang, `taskpane.verdict.incomplete.${incomplete}`)}</span> : null}
      </MessageBarBody>
    </MessageBar>
  );
});
