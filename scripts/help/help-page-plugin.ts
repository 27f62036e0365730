/**
 * Emits help.html and help.css next to functions.json. It runs after minification, on the
 * assets this very build emits: the list of functions is functions.json, and every
 * example's result comes from evaluating functions.js the way Excel loads it, so the page
 * cannot drift from what ships (also under `webpack serve`, which rebuilds both).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Compilation, Compiler } from "webpack";
import { evaluateFunctionsBundle } from "../../test/support/functions-bundle";
import { renderHelp, type FunctionMetadata } from "./render-help";

const NAME = "HelpPagePlugin";

export class HelpPagePlugin {
  constructor(private readonly options: { csp: string; metadata?: string; script?: string }) {}

  apply(compiler: Compiler): void {
    const { Compilation: CompilationClass, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation: Compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: CompilationClass.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const metadataAsset = compilation.getAsset(this.options.metadata ?? "functions.json");
        const scriptAsset = compilation.getAsset(this.options.script ?? "functions.js");
        if (!metadataAsset || !scriptAsset) {
          compilation.errors.push(new WebpackError(`${NAME}: functions.json or functions.js was not emitted.`));
          return;
        }
        try {
          const { functions } = JSON.parse(metadataAsset.source.source().toString()) as {
            functions: FunctionMetadata[];
          };
          const bundle = evaluateFunctionsBundle(scriptAsset.source.source().toString(), "functions.js");
          const html = renderHelp({
            functions,
            csp: this.options.csp,
            call: (id, args) => {
              const fn = bundle.byId[id];
              if (!fn) throw new Error(`functions.js does not associate ${id}.`);
              return fn(...args);
            },
          });
          compilation.emitAsset("help.html", new sources.RawSource(html));
          compilation.emitAsset("help.css", new sources.RawSource(readFileSync(join(__dirname, "help.css"), "utf8")));
        } catch (e) {
          compilation.errors.push(new WebpackError(`${NAME}: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
    });
  }
}
