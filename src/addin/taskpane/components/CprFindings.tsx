/**
 * CPR numbers, grouped by where they are: the subject, the body, each attached file (a zip is one
 * file: what is inside it is listed under it, with one hint and one "Fjern" for the whole file).
 * Only the masked form is ever rendered. Subject and body get a one-click "Skjul cifrene"; an
 * attached file gets "Fjern <fil>" and, where the policy has a secure route, "Send sikkert" beside it.
 * Beyond the first few numbers of a place the list folds ("Vis 5 mere").
 */
import { Button } from "@fluentui/react-components";
import { DeleteRegular, LockClosedRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { CprFinding } from "../../../core";
import { describeLocation, describePlace } from "../../../i18n/describe-finding";
import { t, type AnyLang } from "../../../i18n/t";
import { redactCpr, safeName } from "../../../core";
import { innerPath, ROWS_SHOWN, routeApplied, type CprGroup, type RouteState } from "../pane-model";
import { ActionLabel } from "./ActionLabel";
import { routeButtonLabel } from "./SecureRoute";
import { useListStyles } from "./styles";

export interface CprFindingsProps {
  readonly groups: readonly CprGroup[];
  readonly lang: AnyLang;
  readonly busy: boolean;
  /** The secure route and its status: decides the attachment hint and the button beside "Fjern". */
  readonly route: RouteState;
  readonly onMask: (finding: CprFinding) => void;
  readonly onRemoveFile: (name: string) => void;
  readonly onApplyRoute: () => void;
}

function groupHeading(group: CprGroup, lang: AnyLang): string {
  if (group.part === "subject") return t(lang, "taskpane.cpr.place.subject");
  if (group.part === "body") return t(lang, "taskpane.cpr.place.body");
  return t(lang, "taskpane.cpr.place.attachment", { attachment: redactCpr(safeName(group.attachment ?? "?")) });
}

export function CprFindings(props: CprFindingsProps) {
  const { groups, lang } = props;
  const styles = useListStyles();
  const headingId = useId();
  const total = groups.reduce((n, g) => n + g.rows.reduce((m, r) => m + r.count, 0), 0);
  if (groups.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t(lang, "taskpane.sections.cpr", { count: total })}
      </h2>
      {groups.map((group) => (
        <CprGroupView key={group.key} {...props} group={group} />
      ))}
    </section>
  );
}

function attachmentHint(route: RouteState): "taskpane.cpr.inAttachmentRouted" | "taskpane.cpr.inAttachmentNoRoute" | "taskpane.cpr.inAttachment" {
  if (routeApplied(route)) return "taskpane.cpr.inAttachmentRouted";
  return route.kind === "none" ? "taskpane.cpr.inAttachmentNoRoute" : "taskpane.cpr.inAttachment";
}

function CprGroupView({ group, lang, busy, route, onMask, onRemoveFile, onApplyRoute }: Omit<CprFindingsProps, "groups"> & { readonly group: CprGroup }) {
  const styles = useListStyles();
  const headingId = useId();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const inAttachment = group.part === "attachment";
  const shown = open ? group.rows : group.rows.slice(0, ROWS_SHOWN);
  const hidden = group.rows.length - shown.length;
  const name = redactCpr(group.attachment ?? "");
  const routeLabel = inAttachment ? routeButtonLabel(route, lang) : undefined;
  return (
    <div className={styles.section}>
      <h3 id={headingId} className={styles.subheading}>
        {groupHeading(group, lang)}
      </h3>
      {group.innerFiles > 1 ? <p className={styles.meta}>{t(lang, "taskpane.cpr.inner", { count: group.innerFiles, name })}</p> : null}
      <ul id={listId} className={styles.list} aria-labelledby={headingId}>
        {shown.map(({ reason, count }) => {
          const f = reason.finding;
          const where = describeLocation(f.location, lang);
          const inner = inAttachment && group.attachment ? innerPath(f.location.attachment ?? "", group.attachment) : "";
          return (
            <li key={`${f.masked}|${f.location.attachment ?? ""}|${where}`} className={styles.item}>
              <span className={styles.line}>
                <span className={styles.number}>{f.masked}</span>
                {inner ? <span className={styles.meta}>{redactCpr(inner)}</span> : null}
                {inAttachment && f.location.place ? <span className={styles.meta}>{describePlace(f.location.place, lang)}</span> : null}
                {count > 1 ? <span className={styles.meta}>{t(lang, "taskpane.cpr.repeated", { count })}</span> : null}
              </span>
              <span className={styles.line}>
                <ActionLabel action={reason.action} lang={lang} />
                <span className={styles.meta}>{t(lang, `taskpane.confidence.${f.confidence}`)}</span>
              </span>
              {inAttachment ? null : (
                <span className={styles.actions}>
                  <Button
                    appearance="primary"
                    size="small"
                    className={styles.button}
                    disabledFocusable={busy}
                    aria-label={t(lang, "taskpane.cpr.maskLabel", { masked: f.masked, where })}
                    onClick={() => onMask(f)}
                  >
                    {t(lang, "taskpane.cpr.mask")}
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {group.rows.length > ROWS_SHOWN ? (
        <span className={styles.actions}>
          <Button size="small" appearance="subtle" className={styles.button} aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
            {open ? t(lang, "taskpane.cpr.fewer") : t(lang, "taskpane.cpr.more", { count: hidden })}
          </Button>
        </span>
      ) : null}
      {inAttachment ? (
        <>
          <p className={styles.text}>{t(lang, attachmentHint(route))}</p>
          <span className={styles.actions}>
            <Button
              size="small"
              className={styles.button}
              icon={<DeleteRegular aria-hidden />}
              disabledFocusable={busy}
              onClick={() => onRemoveFile(group.attachment ?? "")}
            >
              {t(lang, "taskpane.cpr.removeFile", { name })}
            </Button>
            {routeLabel ? (
              <Button size="small" appearance="primary" className={styles.button} icon={<LockClosedRegular aria-hidden />} disabledFocusable={busy} onClick={onApplyRoute}>
                {routeLabel}
              </Button>
            ) : null}
          </span>
        </>
      ) : null}
    </div>
  );
}
