// The send handler's tests, for npm run mutate (see jest.mutate.config.js).
const base = require("./jest.mutate.config");

module.exports = { ...base, displayName: "mutate-handler", testMatch: ["<rootDir>/src/addin/launchevent/on-message-send.test.ts"] };
