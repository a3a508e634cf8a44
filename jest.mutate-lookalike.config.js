// Tests that reach the look-alike rule, for stryker.lookalike.json (see jest.mutate.config.js).
const { forTests } = require("./jest.mutate.config");

module.exports = forTests("lookalike", [
  "src/core/detectors/lookalike*.test.ts",
  "src/core/detectors/domain-distance*.test.ts",
  "src/core/detectors/confusables*.test.ts",
  "src/core/detectors/recipient-domain*.test.ts",
]);
