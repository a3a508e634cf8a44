// Tests that reach the CPR rule (src/core/detectors/cpr*.ts), for stryker.cpr.json (see jest.mutate.config.js).
// cpr-context.test.ts and cpr-pass.test.ts hold what cpr.test.ts held before its split (1-6 s each).
// Left out: cpr.property.test.ts (26 s) and cpr-date.test.ts (its stdnum cross-check, 8 s). Each reaches
// nearly every mutant, so with them every mutant would cost half a minute on a shared machine and a run
// hours. The score measured here is therefore a floor: a survivor may still be killed by those two
// (check one with `npx stryker run stryker.cpr.json -c ...` pointing at jest.mutate.config.js).
const { forTests } = require("./jest.mutate.config");

module.exports = forTests("cpr", [
  "src/core/detectors/cpr.test.ts",
  "src/core/detectors/cpr-context.test.ts",
  "src/core/detectors/cpr-pass.test.ts",
  "src/core/detectors/cpr-flow-layout.test.ts",
  "src/core/detectors/cpr-false-alarms.test.ts",
  "src/core/detectors/cpr-structure.test.ts",
  // The stops at every question the pass asks (deadline checks in cpr-pass.ts and cpr-scan.ts).
  "src/core/detectors/cpr-stop.test.ts",
  "src/core/detectors/cpr*.mutation.test.ts",
  "src/core/scan-cpr-pass.test.ts",
]);
