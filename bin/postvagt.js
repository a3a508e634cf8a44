#!/usr/bin/env node
// The `postvagt` command. It runs the compiled CLI, dist-cli/main.js, which `prepare` builds from
// src/cli (so `npm ci` leaves a working command; `npm run build:cli` rebuilds it after an edit).
// No TypeScript is compiled at run time.
"use strict";

// Exit code 4 (src/cli/exit-codes.ts): the run stopped before the end.
const ABORTED = 4;
// `postvagt scan … | head`: the reader went away. Not a bug, so no stack trace; but not every
// message was reported either, so the run ends as "stopped early", at once.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(ABORTED);
  throw error;
});

// `--help` and `--version` come from a small bundle of their own (src/cli/quick.ts), so they do
// not wait for the whole command to load.
let quick;
try {
  quick = require("../dist-cli/quick.js");
} catch (error) {
  if (!error || error.code !== "MODULE_NOT_FOUND") throw error;
}
const answer = quick ? quick.quickAnswer(process.argv.slice(2), process.env) : undefined;
if (answer !== undefined) {
  process.stdout.write(answer);
  return;
}

let cli;
try {
  cli = require("../dist-cli/main.js");
} catch (error) {
  if (!error || error.code !== "MODULE_NOT_FOUND" || !String(error.message).includes("dist-cli")) throw error;
  // Run from a checkout where `npm ci` was skipped: say how to build it; no verdict, so 2.
  process.stderr.write("postvagt: the compiled command is missing (dist-cli/main.js); run `npm run build:cli` first\n");
  process.exit(2);
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug, not bad input: the run stopped before every message got a verdict.
    process.stderr.write(`postvagt: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = ABORTED;
  },
);
