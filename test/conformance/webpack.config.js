/**
 * The test build `npm run test:excel` sideloads: the development build plus a runtime page,
 * conformance.html, that loads functions.js and the conformance runner instead of the pane.
 * Its manifest points Taskpane.Url (runtime, custom-functions page, ribbon button) at that
 * page and carries its own Id and name. It runs only in real Excel, which is online, so the
 * page loads office.js from Microsoft's CDN like the production build: the script then meets
 * the office.js Excel users get, not the frozen npm copy the offline preview uses.
 * Output: test-artifacts/conformance-build/.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const base = require("../../webpack.config.js");
const { require: requireTs } = require("tsx/cjs/api");
const { panePage } = requireTs("../../src/manifest/pane-page.ts", path.join(__dirname, "webpack.config.js"));
const { CONFORMANCE_IDENTITY } = requireTs("../../src/manifest/identity.ts", path.join(__dirname, "webpack.config.js"));
const { defaultPort } = require("office-addin-test-helpers");

const root = path.resolve(__dirname, "../..");
const outDir = path.join(root, "test-artifacts", "conformance-build");

/** Rewrites the built manifest.xml for the test build once the copy plugin has emitted it. */
class ConformanceManifestPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ConformanceManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ConformanceManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const asset = compilation.getAsset("manifest.xml");
          if (!asset) return;
          const xml = asset.source
            .source()
            .toString()
            .replace(/(<bt:Url id="Taskpane\.Url" DefaultValue="[^"]*\/)taskpane\.html"/, '$1conformance.html"')
            .replace(/<Id>[^<]*<\/Id>/, `<Id>${CONFORMANCE_IDENTITY.id}</Id>`)
            .replace(
              /<DisplayName DefaultValue="[^"]*"\s*\/>/,
              `<DisplayName DefaultValue="${CONFORMANCE_IDENTITY.displayName}"/>`,
            );
          compilation.updateAsset("manifest.xml", new sources.RawSource(xml));
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const config = base(env, argv);
  const page = panePage(true, { connect: [`https://localhost:${defaultPort}`] });
  config.entry = { ...config.entry, conformance: "./test/conformance/pane/runner.ts" };
  config.output = { ...config.output, path: outDir };
  config.plugins = [
    ...config.plugins,
    new HtmlWebpackPlugin({
      filename: "conformance.html",
      template: path.join(__dirname, "pane", "conformance.html"),
      chunks: ["functions", "conformance"],
      chunksSortMode: "manual",
      scriptLoading: "defer",
      templateParameters: { officeJs: page.officeJs, csp: page.csp },
    }),
    new ConformanceManifestPlugin(),
  ];
  if (config.devServer) config.devServer = { ...config.devServer, static: { directory: outDir } };
  return config;
};
