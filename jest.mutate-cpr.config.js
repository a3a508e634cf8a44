// Tests that reach the CPR rule (src/core/detectors/cpr*.ts), for stryker.cpr.json (see jest.mutate.config.js).
const { forTests } = require("./jest.mutate.config");

module.exports = forTests("cpr", ["src/core/detectors/cpr*.test.ts", "src/core/scan-cpr-pass.test.ts"]);
