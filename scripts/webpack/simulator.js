// The Outlook simulator's build (`npm start` serves it at /simulator/):
//  - simulator/index.html + simulator.js: the compose window, the Smart Alerts dialog imitation and
//    the fake Office mailbox (src/simulator/fake-office.ts) behind them;
//  - simulator/office-shim.js: what the simulator-served add-in pages load instead of office.js
//    (scripts/simulator-server.ts swaps the tag): it hands each page the one shared fake Office.
// The add-in's own pages and bundles are built by addin.js and used unchanged.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { swcRule: addinSwcRule } = require("./addin");

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "dist", "simulator");

// The same TypeScript rule as the add-in (addin.js); the simulator is a modern-browser page.
const swcRule = (tsx) => addinSwcRule("es2019", tsx);

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "production";
  return [
    {
      name: "simulator",
      mode,
      target: ["web", "es2019"],
      entry: { simulator: path.join(ROOT, "src", "simulator", "index.tsx") },
      output: { path: OUT, filename: "[name].js", publicPath: "/simulator/", clean: false },
      devtool: mode === "production" ? false : "source-map",
      resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
      module: { rules: [swcRule(true)] },
      performance: { hints: false },
      plugins: [
        new HtmlWebpackPlugin({
          filename: "index.html",
          chunks: ["simulator"],
          scriptLoading: "defer",
          templateContent: [
            "<!doctype html>",
            '<html lang="da">',
            "<head>",
            '  <meta charset="utf-8">',
            '  <meta name="viewport" content="width=device-width, initial-scale=1">',
            "  <title>Postvagt – Outlook-simulator</title>",
            "  <style>html, body { margin: 0; height: 100%; }</style>",
            "</head>",
            "<body>",
            '  <div id="root"></div>',
            "</body>",
            "</html>",
            "",
          ].join("\n"),
        }),
      ],
    },
    {
      name: "office-shim",
      mode,
      target: ["web", "es2019"],
      entry: { "office-shim": path.join(ROOT, "src", "simulator", "office-shim.ts") },
      output: { path: OUT, filename: "[name].js", clean: false, iife: true },
      devtool: false,
      resolve: { extensions: [".ts", ".js"] },
      module: { rules: [swcRule(false)] },
      performance: { hints: false },
    },
  ];
};
