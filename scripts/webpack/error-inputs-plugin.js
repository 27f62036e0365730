/**
 * Adds `allowErrorForDataTypeAny: true` to the generated functions.json, which
 * custom-functions-metadata cannot emit from JSDoc. Without it Excel does not call a
 * function when an argument range holds an error cell (one error, no spill); with it every
 * `any` parameter receives error cells as values, so each result cell gets its own error.
 * It is a top-level property of the metadata, applying to every `any` parameter:
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
 */
const PLUGIN = "ErrorInputsPlugin";

/** The metadata with error inputs allowed when some function has an `any` parameter; the rest unchanged. */
function allowErrorInputs(metadata) {
  const acceptsErrors = metadata.functions.some((f) => f.parameters.some((p) => (p.type ?? "any") === "any"));
  if (!acceptsErrors) return metadata;
  const { functions, ...top } = metadata;
  return { ...top, allowErrorForDataTypeAny: true, functions };
}

class ErrorInputsPlugin {
  /** @param {{ filename?: string }} [options] */
  constructor(options = {}) {
    this.filename = options.filename || "functions.json";
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.filename);
        if (!asset) {
          compilation.errors.push(new compiler.webpack.WebpackError(`${PLUGIN}: no ${this.filename} was generated.`));
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString());
        const json = JSON.stringify(allowErrorInputs(metadata), null, 4);
        compilation.updateAsset(this.filename, new sources.RawSource(json));
      });
    });
  }
}

module.exports = ErrorInputsPlugin;
module.exports.allowErrorInputs = allowErrorInputs;
