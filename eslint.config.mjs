// The dependency rule (docs/design/README.md, "The dependency rule"), enforced: core/ and i18n/ know
// nothing of Office, React, the DOM, Node or the console; add-in and CLI reach core only through
// core/index.ts; the CLI never imports the add-in. test/dependency-rule.test.ts plants each way around it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

// The npm packages core/ may use: each runs in Outlook's JavaScript-only runtime without DOM or Node
// (checked by the send-bundle test). Adding one is a decision: put it here, and say why in its commit.
const CORE_PACKAGES = ["fflate", "htmlparser2", "entities", "postal-mime", "punycode", "punycode/", "tldts", "@kenjiuno/decompressrtf", "@kenjiuno/msgreader"];
const corePackageList = CORE_PACKAGES.join(", ");
const pureRestrictedImports = [
  "error",
  {
    patterns: [
      { group: ["react", "react-dom", "react/*", "@fluentui/*", "office-*", "@microsoft/*"], message: "core/ knows nothing of Office or React" },
      { group: ["node:*", "fs", "fs/*", "path", "os", "child_process", "http", "https", "url", "util", "zlib", "crypto", "stream", "buffer", "worker_threads", "vm"], message: "core/ must run in Outlook's JavaScript-only runtime: no Node modules" },
      { group: ["**/addin/**", "**/cli/**", "../addin/*", "../cli/*", "**/simulator/**"], message: "dependencies point inward only" },
      // Everything that is neither relative nor on the allow-list.
      { regex: `^(?!\\.{1,2}/)(?!(${CORE_PACKAGES.map((p) => p.replace(/[/.]/g, "\\$&")).join("|")})$)`, message: `core/ may import only these npm packages: ${corePackageList}` },
    ],
  },
];
// The same rule for import(): no-restricted-imports does not see dynamic imports.
const allowedDynamic = CORE_PACKAGES.map((p) => p.replace(/[/.@]/g, "\\$&")).join("|");
const pureRestrictedSyntax = [
  "error",
  { selector: `ImportExpression[source.type='Literal'][source.value!=/^(\\.{1,2}\\/|(${allowedDynamic})$)/]`, message: `core/ may import only these npm packages: ${corePackageList}` },
  { selector: "ImportExpression[source.type!='Literal']", message: "core/: import() only with a literal module name, so the dependency rule can check it" },
  // globalThis.X (or a cast of it) reaches the same host objects no-restricted-globals forbids.
  { selector: "MemberExpression[object.name='globalThis'][property.name=/^(Office|OfficeRuntime|process|window|document|navigator|localStorage|Buffer|require|self)$/]", message: "core/ knows nothing of the host: have it injected" },
  { selector: "MemberExpression[object.expression.name='globalThis'][property.name=/^(Office|OfficeRuntime|process|window|document|navigator|localStorage|Buffer|require|self)$/]", message: "core/ knows nothing of the host: have it injected" },
  { selector: "MemberExpression[object.name='globalThis'][property.value=/^(Office|OfficeRuntime|process|window|document|navigator|localStorage|Buffer|require|self)$/]", message: "core/ knows nothing of the host: have it injected" },
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
      "no-restricted-syntax": pureRestrictedSyntax,
      "no-restricted-globals": ["error", "Office", "OfficeRuntime", "window", "document", "process", "navigator", "localStorage", "Buffer", "require", "__dirname"],
      "no-console": "error",
    },
  },
  // Small units (docs/design/README.md, "Small units"): a core file a newcomer reads in one sitting,
  // a function that fits on a screen. Files count every line; functions skip blank and comment
  // lines, so a reason written beside the code never pushes it over.
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/**/*.test.ts", "src/**/*.generated.*"],
    rules: {
      "max-lines": ["error", { max: 300 }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
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
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["**/core/*", "!**/core/index"], message: "import from core/index.ts only" },
        { group: ["**/addin/**", "**/simulator/**"], message: "the CLI never imports the add-in: both reach core through core/index.ts" },
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
