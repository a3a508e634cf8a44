// jest globalSetup of the "cli" project: compile the command the CLI tests spawn (see scripts/build-cli.js).
"use strict";
const { buildCli } = require("../../scripts/build-cli.js");

module.exports = async function buildCliForTests() {
  await buildCli();
};
