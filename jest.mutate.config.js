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
  // Every core test: a rule is often defended by a test of the reader or scan that uses it (the
  // inflation cap by the zip-bomb tests), and per-test coverage runs only those that reach a mutant.
  testMatch: ["<rootDir>/src/core/**/*.test.ts"],
};
