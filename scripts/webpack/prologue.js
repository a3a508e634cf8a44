// The first statements of launchevent.js, before webpack's runtime and every module.
//
// 1. The send budget counts from here: Outlook's five seconds run from Send, and in classic Outlook
//    the file is loaded and evaluated on the event, so evaluating our modules is part of that time
//    (docs/design/outlook-runtime.md, "The 5-second clock"). launchevent.ts reads this global.
// 2. ES2016-era engines lack globalThis; core and i18n feature-detect through it.
const BUNDLE_START_GLOBAL = "__postvagtBundleStart";

const PROLOGUE = [
  `var ${BUNDLE_START_GLOBAL} = Date.now();`,
  'var globalThis = typeof globalThis === "object" && globalThis ? globalThis : (function () { return this; })();',
].join("\n");

module.exports = { PROLOGUE, BUNDLE_START_GLOBAL };
