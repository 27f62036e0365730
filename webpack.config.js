/**
 * Builds the shared-runtime add-in: functions.js (custom functions + bundled data),
 * taskpane.js (pane views and hosts), taskpane.html (loads office.js, then both
 * bundles), functions.json (generated from JSDoc by custom-functions-metadata-plugin,
 * which also appends the CustomFunctions.associate calls; scripts/webpack/error-inputs-plugin.js
 * then allows error inputs), manifest.xml and help.html.
 *
 * ADDIN_URL=https://host/path/ makes the production build: the manifest's URLs under that
 * base, the production Id and name, office.js from Microsoft's CDN. Without it the build
 * is the development copy on https://localhost:3000/ with a local office.js, so the
 * preview and the tests run offline (src/manifest/).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const BundlePackagesPlugin = require("./scripts/webpack/bundle-packages-plugin");
const ErrorInputsPlugin = require("./scripts/webpack/error-inputs-plugin");
// The manifest, page and help generators are TypeScript, shared with their tests.
const { require: requireTs } = require("tsx/cjs/api");
const ts = (file) => requireTs(file, path.join(__dirname, "webpack.config.js"));
const { parseAddinUrl } = ts("./src/manifest/addin-url.ts");
const { buildManifest } = ts("./src/manifest/build-manifest.ts");
const { panePage, helpPageCsp } = ts("./src/manifest/pane-page.ts");
const { HelpPagePlugin } = ts("./scripts/help/help-page-plugin.ts");

const devPort = Number(process.env.npm_package_config_dev_server_port || 3000);

/** office-addin-dev-certs cannot install its CA without sudo, so read its files directly. */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const read = (name) => fs.readFileSync(path.join(dir, name));
  try {
    return { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") };
  } catch {
    throw new Error(
      `No dev certificates in ${dir}: run \`npm start\` (it creates them) or \`npx office-addin-dev-certs install\`.`,
    );
  }
}

/** The frozen npm copy of office.js, for the offline preview and tests only. */
const localOfficeJs = [
  {
    from: "node_modules/@microsoft/office-js/dist/*.js",
    to: "office-js/[name][ext]",
    globOptions: { ignore: ["**/*.debug.js"] },
    // Already minified by Microsoft; re-minifying 23 MB takes minutes.
    info: { minimized: true },
  },
  {
    from: "node_modules/@microsoft/office-js/dist/en-us",
    to: "office-js/en-us",
    globOptions: { ignore: ["**/*.debug.js"] },
    info: { minimized: true },
  },
];

/** The build's target, or a one-line reason the build cannot start (no stack trace to read through). */
function addinTarget() {
  try {
    return parseAddinUrl(process.env.ADDIN_URL);
  } catch (e) {
    console.error(`\nBuild stopped: ${e.message}\n`);
    process.exit(1);
  }
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const target = addinTarget();
  const page = panePage(target.production);
  return {
    devtool: production ? false : "source-map",
    entry: {
      functions: "./functions/functions.ts",
      taskpane: "./taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // ES modules let webpack tree-shake; type-checking is `npm run typecheck`'s job.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      // allowErrorForDataTypeAny, which the JSDoc generator cannot emit: error cells reach the functions.
      new ErrorInputsPlugin({ filename: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        // functions.js first: it registers the functions and the runtime bridge the pane uses.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        templateParameters: { officeJs: page.officeJs, csp: page.csp },
      }),
      new HelpPagePlugin({ csp: helpPageCsp() }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => buildManifest(content.toString(), target),
          },
          { from: "taskpane/taskpane.css", to: "taskpane.css" },
          // What changed's reasons (docs/DATA-CHANGES.md as data), fetched by the pane only when needed.
          { from: "src/data/generated/changes.json", to: "changes.json" },
          { from: "assets", to: "assets" },
          // Development only: office.js needs its sibling host files and strings, not only office.js itself.
          ...(target.production ? [] : localOfficeJs),
        ],
      }),
      // dist/bundle-packages.json: the npm packages each bundle ships (checked by test/dist/licences.test.ts).
      new BundlePackagesPlugin(),
    ],
    // Certificates are only needed (and only read) when serving.
    devServer: env.WEBPACK_SERVE && {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: httpsOptions() },
      port: devPort,
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
