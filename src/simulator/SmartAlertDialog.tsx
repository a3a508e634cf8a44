/**
 * The Smart Alerts dialog as Outlook shows it when the send handler answers `allowEvent: false`:
 * the add-in's name, its message, "Send ikke", the take-action button (cancelLabel, present only
 * with a commandId) that opens the task pane, and "Send alligevel" only when the handler asked
 * for PromptUser. Outlook renders errorMessageMarkdown where it can; this shows the plain
 * errorMessage every client has, line breaks kept.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles } from "@fluentui/react-components";
import type { SmartAlertsCompletion } from "../addin/office/office-types";
import { t, type Lang } from "../i18n/t";

const useStyles = makeStyles({ message: { whiteSpace: "pre-line", margin: 0 } });

export interface SmartAlertDialogProps {
  readonly completion: SmartAlertsCompletion | undefined;
  readonly lang: Lang;
  readonly addinName: string;
  readonly onDontSend: () => void;
  readonly onTakeAction: (contextData: string) => void;
  readonly onSendAnyway: () => void;
}

export function SmartAlertDialog({ completion, lang, addinName, onDontSend, onTakeAction, onSendAnyway }: SmartAlertDialogProps) {
  const styles = useStyles();
  const open = completion !== undefined;
  const promptUser = completion?.sendModeOverride?.toLowerCase() === "promptuser";
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onDontSend())}>
      <DialogSurface aria-describedby="smart-alert-message">
        <DialogBody>
          <DialogTitle>{addinName}</DialogTitle>
          <DialogContent>
            <p id="smart-alert-message" className={styles.message}>
              {completion?.errorMessage ?? ""}
            </p>
          </DialogContent>
          <DialogActions>
            {completion?.commandId ? (
              <Button appearance="primary" onClick={() => onTakeAction(typeof completion.contextData === "string" ? completion.contextData : "")}>
                {completion.cancelLabel ?? addinName}
              </Button>
            ) : null}
            <Button appearance={completion?.commandId ? "secondary" : "primary"} onClick={onDontSend}>
              {t(lang, "simulator.alert.dontSend")}
            </Button>
            {promptUser ? <Button onClick={onSendAnyway}>{t(lang, "simulator.alert.sendAnyway")}</Button> : null}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
