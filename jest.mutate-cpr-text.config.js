// The CPR tests that call the rule on one text (findCprNumbers), for stryker.cpr-text.json: the
// modules a number meets before and after the segment plumbing (cpr-context, cpr-keywords,
// cpr-score, cpr-forms, cpr-date, cpr.ts). jest.mutate-cpr.config.js also lists the segment tests
// (scan-cpr-pass 8 s, cpr-pass 7 s, cpr-flow-layout 2 s, cpr-structure 1.5 s uninstrumented);
// they reach every mutant of these modules, so each mutant ran all of them: ~30 s a mutant with
// two other runs on the two cores. Without them a mutant costs a few seconds. The score measured
// here is a floor like the other targets' (docs/mutation.md).
const { forTests } = require("./jest.mutate.config");

module.exports = forTests("cpr-text", [
  "src/core/detectors/cpr.test.ts",
  "src/core/detectors/cpr-context.test.ts",
  "src/core/detectors/cpr-keywords.test.ts",
  "src/core/detectors/cpr-false-alarms.test.ts",
  "src/core/detectors/cpr*.mutation.test.ts",
]);
