// Two builds from one command: the add-in (scripts/webpack/addin.js: task pane, event runtime page,
// the self-contained classic-Outlook event bundle, manifest) and the local Outlook simulator
// (scripts/webpack/simulator.js). ADDIN_BASE_URL sets where the add-in will be hosted.
const addin = require("./scripts/webpack/addin");
const simulator = require("./scripts/webpack/simulator");

module.exports = (env = {}, argv = {}) => [...[].concat(addin(env, argv)), ...[].concat(simulator(env, argv))];
