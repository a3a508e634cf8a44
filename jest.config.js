// Four projects: the pure core and the CLI run in plain Node (which proves core/ leans on no DOM
// global by accident), the add-in in jsdom, and the end-to-end tests drive a real Chromium.
const transform = {
  "^.+\\.(t|j)sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx: true },
        transform: { react: { runtime: "automatic" } },
        target: "es2022",
      },
      module: { type: "commonjs" },
    },
  ],
};
const common = { transform, moduleFileExtensions: ["ts", "tsx", "js", "json"], setupFiles: ["<rootDir>/test/helpers/strict-i18n.ts"] };

module.exports = {
  projects: [
    { ...common, displayName: "core", testEnvironment: "node", testMatch: ["<rootDir>/src/core/**/*.test.ts", "<rootDir>/src/i18n/**/*.test.ts"] },
    // The CLI tests spawn bin/postvagt.js, which runs the compiled dist-cli/: build it from the
    // current sources first (esbuild, about a second), so a spawned CLI is never a stale one.
    { ...common, displayName: "cli", testEnvironment: "node", globalSetup: "<rootDir>/test/helpers/build-cli.global.js", testMatch: ["<rootDir>/src/cli/**/*.test.ts", "<rootDir>/test/conformance/**/*.test.ts", "<rootDir>/test/*.test.ts", "<rootDir>/scripts/**/*.test.ts"] },
    {
      ...common,
      displayName: "addin",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/src/addin/**/*.test.ts?(x)", "<rootDir>/src/simulator/**/*.test.ts?(x)"],
      setupFilesAfterEnv: ["<rootDir>/test/helpers/jest-dom-setup.ts"],
    },
    { ...common, displayName: "e2e", testEnvironment: "node", testMatch: ["<rootDir>/test/e2e/**/*.test.ts", "<rootDir>/test/deploy/**/*.test.ts"] },
  ],
};
