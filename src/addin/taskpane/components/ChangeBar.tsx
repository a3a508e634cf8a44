/**
 * What the last fix changed, on screen for everyone (the live region tells screen readers the same),
 * with "Fortryd" where Outlook lets the pane put it back (recipients, the subject tag).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import { t, type AnyLang } from "../../../i18n/t";
import type { LastChange } from "../hooks/usePane";
import { useListStyles } from "./styles";

export interface ChangeBarProps {
  readonly change: LastChange | undefined;
  readonly lang: AnyLang;
  readonly busy: boolean;
  readonly onUndo: () => void;
}

export function ChangeBar({ change, lang, busy, onUndo }: ChangeBarProps) {
  const styles = useListStyles();
  if (!change) return null;
  return (
    <MessageBar intent="success" layout="multiline" data-testid="pane-change">
      <MessageBarBody>
        <MessageBarTitle>{t(lang, "taskpane.change.title")}</MessageBarTitle>
        {change.text}
      </MessageBarBody>
      {change.undo ? (
        <MessageBarActions>
          <Button size="small" className={styles.button} icon={<ArrowUndoRegular aria-hidden />} disabledFocusable={busy} onClick={onUndo}>
            {t(lang, "taskpane.change.undo")}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
