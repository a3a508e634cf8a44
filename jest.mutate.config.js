// The tests that guard the rules mutation testing exercises (npm run mutate): one plain-Node project,
// because the mutation runner instruments a single jest project. The send handler's tests already run
// in Node (@jest-environment node).
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
    "<rootDir>/src/addin/launchevent/on-message-send.test.ts",
  ],
};
