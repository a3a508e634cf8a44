/** Styles shared by the finding lists: tokens only, no hex colours, no pixel fonts. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useListStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  number: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // A long address breaks anywhere rather than widening the pane; the whole address is its title.
  address: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere", minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  // In forced colours the OS palette decides; the link must take its LinkText, not the theme's colour.
  link: { "@media (forced-colors: active)": { color: "LinkText", forcedColorAdjust: "auto" } },
  // Buttons wrap their label instead of cutting it: a file name or address can be long.
  button: { maxWidth: "100%", height: "auto", minHeight: "fit-content", whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "start" },
});
