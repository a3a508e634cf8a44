/**
 * The recipient memory in the pane: "Du har ikke skrevet til example.dk før" for a mail with a CPR
 * number, how many domains Postvagt remembers (as hashes, so it cannot list them), and a button to
 * forget them all. Says so when the admin has switched the memory off or this Outlook cannot keep it.
 * Its own services (recipient-memory-services.ts); the pane only places it.
 */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useEffect, useId, useState } from "react";
import type { NewDomainMode } from "../../../core";
import { t, type AnyLang } from "../../../i18n/t";
import { useListStyles } from "./styles";

// Placed below the pane's <main>: the same padding and background, so it reads as part of the pane.
const useStyles = makeStyles({
  root: {
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export interface MemoryView {
  readonly mode: NewDomainMode;
  /** False when this Outlook has no roaming settings. */
  readonly available: boolean;
  /** Domains remembered. */
  readonly count: number;
  /** The draft's external domains never written to. */
  readonly fresh: readonly string[];
}

export interface RecipientMemoryServices {
  load(): Promise<MemoryView>;
  clear(): Promise<void>;
}

export interface RecipientMemoryProps {
  readonly services: RecipientMemoryServices;
  readonly lang: AnyLang;
  /** The mail has a CPR finding: only then are new domains pointed out. */
  readonly hasCpr: boolean;
}

export function RecipientMemory({ services, lang, hasCpr }: RecipientMemoryProps) {
  const styles = useListStyles();
  const own = useStyles();
  const headingId = useId();
  const [view, setView] = useState<MemoryView | undefined>(undefined);
  const [status, setStatus] = useState<"idle" | "busy" | "cleared" | "failed">("idle");

  useEffect(() => {
    let live = true;
    services.load().then(
      (v) => live && setView(v),
      () => live && setView({ mode: "show", available: false, count: 0, fresh: [] }),
    );
    return () => {
      live = false;
    };
  }, [services]);

  if (!view) return null;
  const clear = async () => {
    setStatus("busy");
    try {
      await services.clear();
      setView({ ...view, count: 0, fresh: view.fresh });
      setStatus("cleared");
    } catch {
      setStatus("failed");
    }
  };

  return (
    <section className={mergeClasses(styles.section, own.root)} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t(lang, "audit.memory.heading")}
      </h2>
      {view.mode === "off" ? <p className={styles.text}>{t(lang, "audit.memory.off")}</p> : null}
      {view.mode !== "off" && !view.available ? <p className={styles.text}>{t(lang, "audit.memory.unavailable")}</p> : null}
      {view.mode !== "off" && view.available ? (
        <>
          {hasCpr && view.fresh.length > 0 ? (
            <ul className={styles.list}>
              {view.fresh.map((domain) => (
                <li key={domain} className={styles.item}>
                  {t(lang, "audit.memory.newDomain", { domain })}
                </li>
              ))}
            </ul>
          ) : null}
          <p className={styles.text}>
            {status === "cleared" ? t(lang, "audit.memory.cleared") : view.count > 0 ? t(lang, "audit.memory.count", { count: view.count }) : t(lang, "audit.memory.empty")}
          </p>
          {view.count > 0 ? (
            <div className={styles.actions}>
              <Button icon={<DeleteRegular aria-hidden />} disabledFocusable={status === "busy"} onClick={() => void clear()}>
                {t(lang, "audit.memory.clear")}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
