// The add-in build: everything an admin hosts, for one base URL.
//
//   ADDIN_BASE_URL   where dist/ will be served (default https://localhost:3000, the dev server)
//   SEND_MODE        OnMessageSend SendMode in dist/manifest.xml: SoftBlock (default) | Block | PromptUser.
//                    dist/manifest.block.xml is always written too: Block also stops every send while
//                    the add-in cannot load (docs/manual-testing.md, "Send modes").
//   OFFICE_JS_URL    the office.js <script> in the pages (default Microsoft's CDN, which Office requires
//                    in production). "none" leaves the tag out: the simulator and tests inject a fake.
//
// Two configs:
//  1. "launchevent": launchevent.js, ONE self-contained classic script for classic Outlook's
//     JavaScript-only runtime (no imports, no chunks, no dev-server client, no eval, ES2016 syntax,
//     swc helpers inlined), plus the static files around it: commands.html, manifest(s), policy.json,
//     .well-known/microsoft-officeaddins-allowed.json, assets/.
//  2. "taskpane": the React task pane (taskpane.html + taskpane.js), a normal browser app.
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const CopyPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { renderManifest, normaliseBaseUrl } = require("./manifest");
const { PROLOGUE } = require("./prologue");

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const DEFAULT_BASE_URL = "https://localhost:3000";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function settings(env = {}) {
  const baseUrl = normaliseBaseUrl(env.ADDIN_BASE_URL || process.env.ADDIN_BASE_URL || DEFAULT_BASE_URL);
  const sendMode = env.SEND_MODE || process.env.SEND_MODE || "SoftBlock";
  const rawOfficeJs = env.OFFICE_JS_URL ?? process.env.OFFICE_JS_URL ?? CDN_OFFICE_JS;
  const officeJsUrl = rawOfficeJs === "none" || rawOfficeJs === "" ? undefined : rawOfficeJs;
  return { baseUrl, sendMode, officeJsUrl };
}

function swcRule(target, tsx) {
  return {
    test: tsx ? /\.[jt]sx?$/ : /\.[jt]s$/,
    exclude: /node_modules[\\/](?!(postal-mime|tldts|tldts-core|fflate|punycode|entities|htmlparser2)[\\/])/,
    use: {
      loader: "swc-loader",
      options: {
        jsc: {
          parser: { syntax: "typescript", tsx },
          ...(tsx ? { transform: { react: { runtime: "automatic" } } } : {}),
          target,
          // Helpers inlined into each module: no `@swc/helpers` imports left for the classic runtime.
          externalHelpers: false,
        },
        module: { type: "es6" },
      },
    },
  };
}

/** The built-in default policy as the JSON an admin edits (the same object the code falls back to). */
function defaultPolicyJson() {
  const { require: tsxRequire } = require("tsx/cjs/api");
  const { DEFAULT_POLICY } = tsxRequire("../../src/core/policy/default-policy.ts", __filename);
  return `${JSON.stringify(DEFAULT_POLICY, null, 2)}\n`;
}

function commandsHtml(officeJsUrl) {
  return [
    "<!doctype html>",
    '<html lang="da">',
    "<head>",
    '  <meta charset="utf-8">',
    "  <title>Postvagt</title>",
    "  <!-- The event runtime page for Outlook on the web, new Outlook and Mac: office.js, then the handlers. -->",
    ...(officeJsUrl ? [`  <script src="${officeJsUrl}"></script>`] : []),
    '  <script src="launchevent.js"></script>',
    "</head>",
    "<body></body>",
    "</html>",
    "",
  ].join("\n");
}

/** Emits the files that are not webpack modules but depend on the build settings. */
class StaticFilesPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PostvagtStaticFiles", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "PostvagtStaticFiles", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(path.join(ROOT, "manifest.xml"));
          for (const [name, make] of Object.entries(this.files)) {
            compilation.emitAsset(name, new webpack.sources.RawSource(make()));
          }
        },
      );
    });
  }
}

function launcheventConfig(mode, s) {
  const template = () => fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  return {
    name: "launchevent",
    mode,
    // ES2016 for webpack's own runtime code too; "web" without any chunk loading in use.
    target: ["web", "es2016"],
    entry: { launchevent: path.join(ROOT, "src", "addin", "launchevent", "launchevent.ts") },
    output: { path: DIST, filename: "[name].js", clean: false, iife: true, chunkFormat: false, chunkLoading: false },
    // Never eval-based source maps: the classic runtime gets plain code.
    devtool: false,
    resolve: {
      extensions: [".ts", ".js", ".json"],
      // The RTF body of a .msg (our guard and its decoder) only serves .msg reading, which is
      // stubbed out below: empty modules keep both out of the one-chunk bundle (msg.ts then
      // reports "not at send time").
      alias: {
        "@kenjiuno/decompressrtf": false,
        [path.join(ROOT, "src", "core", "extractors", "compressed-rtf")]: false,
      },
    },
    module: { rules: [swcRule("es2016", false)] },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new webpack.DefinePlugin({ __POSTVAGT_BASE_URL__: JSON.stringify(s.baseUrl) }),
      // .msg reading needs Node's Buffer and ~580 KB: not in the send-time bundle (see the stub).
      new webpack.NormalModuleReplacementPlugin(
        /^@kenjiuno\/msgreader$/,
        path.join(ROOT, "src", "addin", "launchevent", "stubs", "msgreader-unavailable.ts"),
      ),
      // The clock's start and globalThis, before anything else runs: see prologue.js.
      new webpack.BannerPlugin({ raw: true, entryOnly: true, banner: PROLOGUE }),
      new StaticFilesPlugin({
        "commands.html": () => commandsHtml(s.officeJsUrl),
        "manifest.xml": () => renderManifest(template(), { baseUrl: s.baseUrl, sendMode: s.sendMode }),
        "manifest.block.xml": () => renderManifest(template(), { baseUrl: s.baseUrl, sendMode: "Block" }),
        "policy.json": defaultPolicyJson,
        // Lets classic Outlook's JavaScript-only runtime make CORS requests to our own origin.
        ".well-known/microsoft-officeaddins-allowed.json": () =>
          `${JSON.stringify({ allowed: [`${s.baseUrl}/launchevent.js`] }, null, 2)}\n`,
      }),
      new CopyPlugin({ patterns: [{ from: path.join(ROOT, "assets"), to: "assets", globOptions: { ignore: ["**/.*"] } }] }),
    ],
  };
}

function taskpaneConfig(mode, s) {
  return {
    name: "taskpane",
    mode,
    target: ["web", "es2019"],
    entry: { taskpane: path.join(ROOT, "src", "addin", "taskpane", "index.tsx") },
    output: { path: DIST, filename: "[name].js", clean: false },
    devtool: mode === "production" ? false : "source-map",
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".json"],
      // .msg reading (loaded lazily, in its own chunk) needs Node's Buffer and string_decoder.
      fallback: { buffer: require.resolve("buffer/"), string_decoder: require.resolve("string_decoder/") },
    },
    module: {
      rules: [
        swcRule("es2019", true),
        // pdf.js's worker, asked for as `…pdf.worker.min.mjs?url` (taskpane/pdfjs-browser.ts): copied
        // as is and named .js, so any server sends it with a JavaScript MIME type (module workers
        // refuse anything else).
        { test: /pdf\.worker\.min\.mjs$/, resourceQuery: /^\?url$/, type: "asset/resource", generator: { filename: "pdf.worker.[contenthash:8].js" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __POSTVAGT_BASE_URL__: JSON.stringify(s.baseUrl) }),
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "blocking",
        inject: "body",
        templateContent: [
          "<!doctype html>",
          '<html lang="da">',
          "<head>",
          '  <meta charset="utf-8">',
          '  <meta name="viewport" content="width=device-width, initial-scale=1">',
          "  <title>Postvagt</title>",
          ...(s.officeJsUrl ? [`  <script src="${s.officeJsUrl}"></script>`] : []),
          "</head>",
          "<body>",
          '  <div id="root"></div>',
          "</body>",
          "</html>",
          "",
        ].join("\n"),
      }),
    ],
  };
}

/** webpack.config.js composes this with the simulator's config. `env.only` = "launchevent" | "taskpane". */
module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "production";
  const s = settings(env);
  const configs = [launcheventConfig(mode, s), taskpaneConfig(mode, s)];
  return env.only ? configs.filter((c) => c.name === env.only) : configs;
};

module.exports.settings = settings;
module.exports.swcRule = swcRule;
module.exports.commandsHtml = commandsHtml;
