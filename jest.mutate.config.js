// The plain-Node jest project that mutation testing (npm run mutate, docs/mutation.md) instruments.
// Each target has its own config (jest.mutate-<target>.config.js) listing only the test files that
// can reach its code: the runner's first pass runs every listed test once, so a short list keeps a
// run short on a shared machine. Per-test coverage then runs, for each mutant, only the tests that
// reached it. This file alone (every core test) is the slow, widest net: use it to check that a
// survivor is not killed by some test the short list left out.
const { projects } = require("./jest.config");

const core = projects.find((p) => p.displayName === "core");

/** The core project's settings with only `testMatch` (paths relative to the repo root). */
function forTests(name, files) {
  return { ...core, displayName: `mutate-${name}`, rootDir: __dirname, testMatch: files.map((f) => `<rootDir>/${f}`) };
}

module.exports = forTests("core", ["src/core/**/*.test.ts"]);
// Not enumerable, so jest does not see it as an (unknown) option.
Object.defineProperty(module.exports, "forTests", { value: forTests });
