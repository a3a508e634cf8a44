// Tests that reach the look-alike rule, for stryker.lookalike.json (see jest.mutate.config.js).
// Left out: lookalike-domain.property.test.ts (three seeded property tests of 3.5-4.6 s each) and
// lookalike-measure.test.ts (13 s, a measurement). They reach every mutant of the rule, so with them a
// mutant costs ~30 s on a shared machine. The score measured here is therefore a floor.
const { forTests } = require("./jest.mutate.config");

module.exports = forTests("lookalike", [
  "src/core/detectors/lookalike-domain.test.ts",
  "src/core/detectors/domain-distance.test.ts",
  "src/core/detectors/confusables.test.ts",
  "src/core/detectors/recipient-domain.test.ts",
  "src/core/detectors/lookalike-targets.test.ts",
  "src/core/detectors/lookalike*.mutation.test.ts",
  "src/core/detectors/domain-distance*.mutation.test.ts",
  "src/core/detectors/confusables*.mutation.test.ts",
  "src/core/detectors/letter-bound*.mutation.test.ts",
]);
