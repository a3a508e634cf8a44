/**
 * A polite live region for what a fix did ("150650-**** er maskeret i brødteksten. Tjekket igen:
 * alt er i orden."). Always in the DOM, so screen readers are listening before the first message.
 */
import { makeStyles } from "@fluentui/react-components";
import type { Announcement } from "../hooks/usePane";

const useStyles = makeStyles({
  // Visually hidden, still read: the usual clip pattern.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export function LiveRegion({ announcement }: { readonly announcement: Announcement }) {
  const styles = useStyles();
  // A trailing no-break space on every other message: the same sentence twice is still a change.
  const text = announcement.text ? announcement.text + (announcement.id % 2 === 0 ? "\u00a0" : "") : "";
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid="pane-announcer">
      {text}
    </div>
  );
}
