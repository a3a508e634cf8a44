/**
 * Which rules the pane runs, and from where: "Regler: Randers Kommune, version 2026-12-01 – hentet
 * fra din organisation". When the organisation's file could not be loaded and Postvagt uses its own
 * defaults, a warning above says so in plain words.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Policy } from "../../../core";
import { t, type AnyLang } from "../../../i18n/t";
import type { PolicySource } from "../../policy/load-policy";

const useStyles = makeStyles({
  footer: {
    marginTop: "auto",
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  line: { margin: 0 },
});

export function policyLine(policy: Policy | undefined, source: PolicySource | undefined, lang: AnyLang): string {
  const builtIn = source === "default";
  const name = builtIn ? t(lang, "taskpane.policy.builtIn") : (policy?.name ?? t(lang, "taskpane.policy.unnamed"));
  const version = !builtIn && policy?.version ? `, ${t(lang, "taskpane.policy.version", { version: policy.version })}` : "";
  const from = source && !builtIn ? ` – ${t(lang, `taskpane.policy.source.${source}`)}` : "";
  return t(lang, "taskpane.policy.footer", { name: name + version }) + from;
}

export function PolicyFallback({ source, lang }: { readonly source: PolicySource | undefined; readonly lang: AnyLang }) {
  if (source !== "default") return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(lang, "taskpane.policy.fallbackTitle")}</MessageBarTitle>
        {t(lang, "taskpane.policy.fallbackBody")}
      </MessageBarBody>
    </MessageBar>
  );
}

export function PolicyFooter({ policy, source, lang }: { readonly policy: Policy | undefined; readonly source: PolicySource | undefined; readonly lang: AnyLang }) {
  const styles = useStyles();
  return (
    <footer className={styles.footer}>
      <p className={styles.line}>{policyLine(policy, source, lang)}</p>
    </footer>
  );
}
