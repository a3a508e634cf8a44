// The dependency rule of ARCHITECTURE.md §2.1, enforced: core/ and i18n/ know nothing of Office,
// React, the DOM, Node or the console; add-in and CLI reach core only through core/index.ts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

const pureRestrictedImports = [
  "error",
  {
    patterns: [
      { group: ["react", "react-dom", "react/*", "@fluentui/*", "office-*", "@microsoft/*"], message: "core/ knows nothing of Office or React" },
      { group: ["node:*", "fs", "fs/*", "path", "os", "child_process", "http", "https", "url", "util", "zlib", "crypto", "stream", "buffer", "worker_threads", "vm"], message: "core/ must run in Outlook's JavaScript-only runtime: no Node modules" },
      { group: ["**/addin/**", "**/cli/**", "../addin/*", "../cli/*"], message: "dependencies point inward only" },
    ],
  },
];

export default tseslint.config(
  { ignores: ["dist/**", "dist-dev/**", "dist-cli/**", ".cache/**", "node_modules/**", "coverage/**", "test-results/**", "test/fixtures/**", "src/**/*.generated.*"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["src/core/**/*.ts", "src/i18n/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": pureRestrictedImports,
      "no-restricted-globals": ["error", "Office", "OfficeRuntime", "window", "document", "process", "navigator", "localStorage", "Buffer", "require", "__dirname"],
      "no-console": "error",
    },
  },
  {
    files: ["src/i18n/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...pureRestrictedImports[1].patterns, { group: ["../core/*/**", "../core/*"], message: "import from core/index.ts" }] }],
    },
  },
  {
    files: ["src/addin/**/*.{ts,tsx}", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["**/core/*", "!**/core/index"], message: "import from core/index.ts only" },
        { group: ["**/cli/**"], message: "the add-in never imports the CLI" },
      ] }],
    },
  },
  {
    files: ["src/addin/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly", OfficeRuntime: "readonly" } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["src/addin/taskpane/**/*.{ts,tsx}", "src/addin/launchevent/**/*.ts"],
    ignores: ["src/**/*.test.ts?(x)"],
    rules: { "no-restricted-globals": ["error", { name: "Office", message: "only src/addin/office/ touches Office" }] },
  },
);
