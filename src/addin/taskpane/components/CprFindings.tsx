/**
 * CPR numbers, grouped by where they are: the subject, the body, each attachment (with page, cell
 * or slide). Only the masked form is ever rendered. Subject and body get a one-click "Masker";
 * an attachment gets a plain sentence: Postvagt does not edit files, the secure route is the fix.
 */
import { Button } from "@fluentui/react-components";
import { useId } from "react";
import type { CprFinding } from "../../../core";
import { describeLocation, describePlace } from "../../../i18n/describe-finding";
import { t, type AnyLang } from "../../../i18n/t";
import { redactCpr, safeName } from "../../../core";
import type { CprGroup } from "../pane-model";
import { ActionLabel } from "./ActionLabel";
import { useListStyles } from "./styles";

export interface CprFindingsProps {
  readonly groups: readonly CprGroup[];
  readonly lang: AnyLang;
  readonly busy: boolean;
  /** False when the policy names no secure route: the attachment sentence then says so. */
  readonly hasRoute: boolean;
  readonly onMask: (finding: CprFinding) => void;
}

function groupHeading(group: CprGroup, lang: AnyLang): string {
  if (group.part === "subject") return t(lang, "taskpane.cpr.place.subject");
  if (group.part === "body") return t(lang, "taskpane.cpr.place.body");
  return t(lang, "taskpane.cpr.place.attachment", { attachment: redactCpr(safeName(group.attachment ?? "?")) });
}

export function CprFindings({ groups, lang, busy, hasRoute, onMask }: CprFindingsProps) {
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
        <CprGroupView key={group.key} group={group} lang={lang} busy={busy} hasRoute={hasRoute} onMask={onMask} />
      ))}
    </section>
  );
}

function CprGroupView({
  group,
  lang,
  busy,
  hasRoute,
  onMask,
}: Omit<CprFindingsProps, "groups"> & { readonly group: CprGroup }) {
  const styles = useListStyles();
  const headingId = useId();
  const inAttachment = group.part === "attachment";
  return (
    <div className={styles.section}>
      <h3 id={headingId} className={styles.subheading}>
        {groupHeading(group, lang)}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {group.rows.map(({ reason, count }) => {
          const f = reason.finding;
          const where = describeLocation(f.location, lang);
          return (
            <li key={`${f.masked}|${where}`} className={styles.item}>
              <span className={styles.line}>
                <span className={styles.number}>{f.masked}</span>
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
      {inAttachment ? (
        <p className={styles.text}>{t(lang, hasRoute ? "taskpane.cpr.inAttachment" : "taskpane.cpr.inAttachmentNoRoute")}</p>
      ) : null}
    </div>
  );
}
