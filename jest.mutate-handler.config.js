// Tests that reach the send handler, for stryker.handler.json (see jest.mutate.config.js). Only test
// files without a `@jest-environment` docblock can be listed: per-test coverage needs the runner's own
// wrapper around the configured environment, and a docblock replaces it. on-message-send.test.ts has
// one (and its real timers take ~14 s per run), so the handler's mutation tests drive the same harness
// with hand-fired timers instead.
const { forTests } = require("./jest.mutate.config");

module.exports = forTests("handler", ["src/addin/launchevent/*.mutation.test.ts"]);
