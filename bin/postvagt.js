#!/usr/bin/env node
// The `postvagt` command. tsx (a runtime dependency) compiles the TypeScript sources on the fly,
// so the command works straight after `npm ci`, with no build step.
"use strict";
require("tsx/cjs");

// `postvagt scan … | head`: the reader went away. Not a bug, so no stack trace; but not every
// message was reported either, so the run ends as "no complete verdict" (2), at once.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(2);
  throw error;
});
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug, not bad input: no verdict could be given, which the contract reports as 2.
    process.stderr.write(`postvagt: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
