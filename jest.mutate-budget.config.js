// Tests that reach src/core/extractors/budget.ts, for stryker.budget.json (see jest.mutate.config.js).
const { forTests } = require("./jest.mutate.config");

module.exports = forTests("budget", [
  "src/core/extractors/budget.mutation.test.ts",
  "src/core/extractors/extract.test.ts",
  "src/core/extractors/pdf-total-inflation.test.ts",
  "src/core/extractors/compressed-rtf.test.ts",
]);
