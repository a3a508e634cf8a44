#!/usr/bin/env node
// The `postvagt` command. tsx (a runtime dependency) compiles the TypeScript sources on the fly,
// so the command works straight after `npm ci`, with no build step.
"use strict";
require("tsx/cjs");

// Exit code 4 (src/cli/exit-codes.ts): the run stopped before the end.
const ABORTED = 4;
// `postvagt scan … | head`: the reader went away. Not a bug, so no stack trace; but not every
// message was reported either, so the run ends as "stopped early", at once.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(ABORTED);
  throw error;
});
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug, not bad input: the run stopped before every message got a verdict.
    process.stderr.write(`postvagt: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = ABORTED;
  },
);
