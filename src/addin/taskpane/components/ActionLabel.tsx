/**
 * What a finding does to the send, in words next to a shape: "Stopper afsendelsen" with an error
 * icon, "Advarsel" with a warning icon. A colour-blind or screen-reader user gets the same.
 */
import { Badge } from "@fluentui/react-components";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import type { Action } from "../../../core";
import { t, type AnyLang } from "../../../i18n/t";

const LOOK = {
  block: { color: "danger", icon: <ErrorCircleRegular aria-hidden /> },
  warn: { color: "warning", icon: <WarningRegular aria-hidden /> },
  allow: { color: "informative", icon: <InfoRegular aria-hidden /> },
} as const;

export function ActionLabel({ action, lang }: { readonly action: Action; readonly lang: AnyLang }) {
  const look = LOOK[action];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} shape="rounded">
      {t(lang, `taskpane.action.${action}`)}
    </Badge>
  );
}
