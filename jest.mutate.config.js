// The tests that guard the rules mutation testing exercises (npm run mutate): one plain-Node project,
// because the mutation runner instruments a single jest project. The send handler's test file names its
// own environment, which the runner cannot instrument per test, so it has a config of its own
// (jest.mutate-handler.config.js, run without per-test coverage).
const { projects } = require("./jest.config");

const core = projects.find((p) => p.displayName === "core");
module.exports = {
  ...core,
  displayName: "mutate",
  rootDir: __dirname,
  testMatch: [
    "<rootDir>/src/core/detectors/**/*.test.ts",
    "<rootDir>/src/core/extractors/extract.test.ts",
    "<rootDir>/src/core/extractors/budget.test.ts",
    "<rootDir>/src/core/scan.test.ts",
    "<rootDir>/src/core/decide.test.ts",
  ],
};
