/**
 * The simulator page: an Outlook compose window (From, To/Cc/Bcc, subject, an HTML body editor,
 * attachments from disk, Send), the Smart Alerts dialog, and the task pane beside it. The add-in's
 * real pages run in iframes against the shared fake mailbox: commands.html (the send handler)
 * hidden, taskpane.html visible when opened from the dialog's button or the "Postvagt" ribbon button.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AttachRegular, DismissRegular, SendRegular, ShieldRegular, TextBoldRegular, TextItalicRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { AUDIT_HEADER_NAME, type RecipientField } from "../core";
import type { SmartAlertsCompletion } from "../addin/office/office-types";
import { t, type Lang } from "../i18n/t";
import type { FakeApi } from "./fake-office";
import type { SimulatorMailbox } from "./mailbox";
import { SmartAlertDialog } from "./SmartAlertDialog";

/** How long the add-in's event page may take to register its handlers before the page says so. */
const HANDLER_WAIT_MS = 15_000;
const FIELDS: readonly RecipientField[] = ["to", "cc", "bcc"];

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  compose: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL + " " + tokens.spacingHorizontalXXL,
    overflowY: "auto",
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  ribbon: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS + " " + tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM + " " + tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  from: { margin: 0, color: tokens.colorNeutralForeground2 },
  editor: {
    minHeight: "12rem",
    padding: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    outlineStyle: "none",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  attachments: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  attachment: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    padding: tokens.spacingVerticalXXS + " " + tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
  pane: {
    width: "380px",
    display: "flex",
    flexDirection: "column",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  paneHeader: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  paneTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  paneFrame: { flexGrow: 1, border: "none", width: "100%" },
});

interface View {
  readonly subject: string;
  readonly recipients: Readonly<Record<RecipientField, string>>;
  readonly attachments: ReadonlyArray<{ readonly id: string; readonly name: string; readonly size: number }>;
}

function snapshot(mailbox: SimulatorMailbox): View {
  const d = mailbox.fake.draft;
  return {
    subject: d.subject,
    recipients: { to: mailbox.recipientsText("to"), cc: mailbox.recipientsText("cc"), bcc: mailbox.recipientsText("bcc") },
    attachments: d.attachments.map((a) => ({ id: a.details.id, name: a.details.name, size: a.details.size })),
  };
}

export interface SimulatorProps {
  readonly mailbox: SimulatorMailbox;
  readonly lang: Lang;
  readonly from: string;
  /** Subscribes to changes the add-in makes to the draft; returns the unsubscribe. */
  readonly subscribe: (listener: (api: FakeApi) => void) => () => void;
}

type Phase = "compose" | "checking" | "sent";

/** The audit marker the send handler set on the mail (docs/audit.md), so testers see what Exchange would see. */
export function AuditHeaderLine({ lang, value }: { readonly lang: Lang; readonly value: string | undefined }) {
  return (
    <p data-testid="audit-header">
      <code>
        {value !== undefined
          ? t(lang, "simulator.sent.header", { name: AUDIT_HEADER_NAME, value })
          : t(lang, "simulator.sent.noHeader", { name: AUDIT_HEADER_NAME })}
      </code>
    </p>
  );
}

export function Simulator({ mailbox, lang, from, subscribe }: SimulatorProps) {
  const styles = useStyles();
  const [view, setView] = useState<View>(() => snapshot(mailbox));
  const [phase, setPhase] = useState<Phase>("compose");
  const [alert, setAlert] = useState<SmartAlertsCompletion | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [pane, setPane] = useState<{ readonly open: boolean; readonly key: number }>({ open: false, key: 0 });
  const [handler, setHandler] = useState<"loading" | "ready" | "missing">("loading");
  const bodyRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const bodyLabelId = useId();
  const attachLabelId = useId();

  // The add-in changed the draft (a fix from the pane): redraw, and put its HTML in the editor.
  useEffect(
    () =>
      subscribe((api) => {
        setView(snapshot(mailbox));
        if (api === "body.setAsync" && bodyRef.current) bodyRef.current.innerHTML = mailbox.editorBody();
      }),
    [subscribe, mailbox],
  );

  // The hidden event page registers the send handler as it loads (Office.actions.associate).
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (mailbox.handlerReady()) {
        setHandler("ready");
        clearInterval(timer);
      } else if (Date.now() - started > HANDLER_WAIT_MS) {
        setHandler("missing");
        clearInterval(timer);
      }
    }, 100);
    return () => clearInterval(timer);
  }, [mailbox]);

  const setSubject = (value: string) => {
    mailbox.fake.draft.subject = value;
    setView((v) => ({ ...v, subject: value }));
  };
  const setRecipients = (field: RecipientField, value: string) => {
    mailbox.setRecipients(field, value);
    setView((v) => ({ ...v, recipients: { ...v.recipients, [field]: value } }));
  };
  const onBodyInput = () => {
    const el = bodyRef.current;
    if (!el) return;
    mailbox.setBodyFromEditor(el.innerHTML, el.innerText);
  };
  const format = (command: "bold" | "italic") => {
    bodyRef.current?.focus();
    // execCommand is deprecated but is still the one way to format a contenteditable without an editor library.
    document.execCommand(command);
    onBodyInput();
  };
  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    for (const file of files) {
      mailbox.addAttachment(file.name, new Uint8Array(await file.arrayBuffer()), file.type || "application/octet-stream");
    }
    event.target.value = "";
    setView(snapshot(mailbox));
    if (files.length > 0) mailbox.notify("attachmentsChanged");
  };
  const removeAttachment = (id: string) => {
    mailbox.removeAttachment(id);
    setView(snapshot(mailbox));
    mailbox.notify("attachmentsChanged");
  };

  const openPane = useCallback(
    (context: string) => {
      mailbox.setInitializationContext(context);
      // A new key reloads the pane, as Outlook does when the button opens it with new contextData.
      setPane((p) => ({ open: true, key: p.key + 1 }));
    },
    [mailbox],
  );

  const send = async () => {
    setProblem(undefined);
    if (!mailbox.handlerReady()) {
      setProblem(t(lang, "simulator.handlerMissing"));
      return;
    }
    setPhase("checking");
    const completion = await mailbox.send();
    if (completion === undefined || completion.allowEvent !== false) {
      setPhase("sent");
      return;
    }
    setPhase("compose");
    setAlert(completion);
  };

  if (phase === "sent") {
    return (
      <main className={styles.compose}>
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "simulator.sent.title")}</MessageBarTitle>
            {t(lang, "simulator.sent.body")}
            <AuditHeaderLine lang={lang} value={mailbox.fake.draft.headers[AUDIT_HEADER_NAME]} />
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => window.location.reload()}>{t(lang, "simulator.newMail")}</Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    );
  }

  return (
    <div className={styles.page}>
      <main className={styles.compose} aria-busy={phase === "checking"}>
        <h1 className={styles.heading}>{t(lang, "simulator.title")}</h1>
        <p className={styles.intro}>{t(lang, "simulator.intro")}</p>
        <div className={styles.ribbon} role="toolbar" aria-label="Outlook">
          <Button appearance="primary" icon={<SendRegular aria-hidden />} disabledFocusable={phase === "checking"} onClick={() => void send()}>
            {t(lang, "simulator.send")}
          </Button>
          <Button icon={<ShieldRegular aria-hidden />} aria-label={t(lang, "simulator.openPaneLabel")} onClick={() => openPane("")}>
            {t(lang, "simulator.openPane")}
          </Button>
          {handler === "loading" ? <Spinner size="tiny" label={t(lang, "simulator.loadingHandler")} /> : null}
          {phase === "checking" ? <Spinner size="tiny" label={t(lang, "simulator.checking")} /> : null}
        </div>
        {handler === "missing" || problem ? (
          <MessageBar intent="error">
            <MessageBarBody>{problem ?? t(lang, "simulator.handlerMissing")}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.card}>
          <p className={styles.from}>
            {t(lang, "simulator.from")}: {from}
          </p>
          {FIELDS.map((field) => (
            <Field key={field} label={t(lang, `simulator.${field}`)} hint={field === "to" ? t(lang, "simulator.recipientsHint") : undefined}>
              <Input
                type="text"
                name={field}
                value={view.recipients[field]}
                onChange={(_, data) => setRecipients(field, data.value)}
                onBlur={() => mailbox.notify("recipientsChanged")}
              />
            </Field>
          ))}
          <Field label={t(lang, "simulator.subject")}>
            <Input type="text" name="subject" value={view.subject} onChange={(_, data) => setSubject(data.value)} />
          </Field>
          <span id={bodyLabelId} className={styles.label}>
            {t(lang, "simulator.body")}
          </span>
          <Toolbar size="small" aria-label={t(lang, "simulator.body")}>
            <ToolbarButton aria-label={t(lang, "simulator.bold")} icon={<TextBoldRegular />} onMouseDown={(e) => e.preventDefault()} onClick={() => format("bold")} />
            <ToolbarButton aria-label={t(lang, "simulator.italic")} icon={<TextItalicRegular />} onMouseDown={(e) => e.preventDefault()} onClick={() => format("italic")} />
          </Toolbar>
          <div
            ref={bodyRef}
            className={styles.editor}
            contentEditable
            suppressContentEditableWarning
            role="textbox"
            aria-multiline="true"
            aria-labelledby={bodyLabelId}
            tabIndex={0}
            data-testid="body-editor"
            onInput={onBodyInput}
          />
          <span id={attachLabelId} className={styles.label}>
            {t(lang, "simulator.attachments")}
          </span>
          {view.attachments.length === 0 ? (
            <p className={styles.from}>{t(lang, "simulator.noAttachments")}</p>
          ) : (
            <ul className={styles.attachments} aria-labelledby={attachLabelId}>
              {view.attachments.map((a) => (
                <li key={a.id} className={styles.attachment}>
                  <span>{a.name}</span>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DismissRegular aria-hidden />}
                    aria-label={t(lang, "simulator.removeAttachment", { name: a.name })}
                    onClick={() => removeAttachment(a.id)}
                  />
                </li>
              ))}
            </ul>
          )}
          <span>
            <Button icon={<AttachRegular aria-hidden />} onClick={() => fileRef.current?.click()}>
              {t(lang, "simulator.attach")}
            </Button>
            <input
              ref={fileRef}
              className={styles.hiddenInput}
              type="file"
              multiple
              tabIndex={-1}
              aria-hidden="true"
              data-testid="attach-input"
              onChange={(e) => void onFiles(e)}
            />
          </span>
        </div>
        {/* The add-in's event page: registers the send handler with the fake Office, never shown. */}
        <iframe src="/commands.html?postvagt-simulator" title="Postvagt" hidden aria-hidden="true" tabIndex={-1} />
      </main>
      {pane.open ? (
        <aside className={styles.pane} aria-label={t(lang, "simulator.pane")}>
          <div className={styles.paneHeader}>
            <h2 className={styles.paneTitle}>Postvagt</h2>
            <Button
              appearance="subtle"
              icon={<DismissRegular aria-hidden />}
              aria-label={t(lang, "simulator.closePane")}
              onClick={() => setPane((p) => ({ ...p, open: false }))}
            />
          </div>
          <iframe key={pane.key} className={styles.paneFrame} src="/taskpane.html?postvagt-simulator" title={t(lang, "simulator.pane")} data-testid="taskpane-frame" />
        </aside>
      ) : null}
      <SmartAlertDialog
        completion={alert}
        lang={lang}
        addinName="Postvagt"
        onDontSend={() => setAlert(undefined)}
        onTakeAction={(context) => {
          setAlert(undefined);
          openPane(context);
        }}
        onSendAnyway={() => {
          setAlert(undefined);
          setPhase("sent");
        }}
      />
    </div>
  );
}
