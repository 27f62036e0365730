/**
 * Writes the function table's closed sets (stages, fields, kinds, editions, measures, price
 * models) into functions.json as custom enums, so Excel's formula AutoComplete offers them
 * (CustomFunctionsRuntime 1.5; https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-custom-enums).
 *
 * Why not `@customenum` in functions.ts: custom-functions-metadata 2.2.3 reads an enum's
 * values from the literal initializers of a TypeScript `enum` in the parsed file
 * (parseTree.js: `JSON.parse(member.initializer.getText())`), which would be a second copy
 * of the table's vocabularies (and editions come from the data); and it types an enum
 * parameter `string`, where Excel converts the value before the call and no longer passes
 * error cells or data types (`allowErrorForDataTypeAny` covers `any` parameters only). The
 * documented alternative is enum metadata written into the JSON itself ("Edit custom enums
 * in JSON metadata", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#edit-custom-enums-in-json-metadata),
 * which this does from the one table: each parameter keeps its `any` type and gains a
 * `customEnumId`. Older Excel ignores enums and the argument stays plain text ("Backwards
 * compatibility" on the custom enums page).
 */
import type { Compiler } from "webpack";
import { bundled } from "../../src/data/bundled";
import type { Lifted } from "../../functions/lift";
import { functionTable } from "../../functions/table";

const PLUGIN = "CustomEnumsPlugin";

interface Parameter {
  name: string;
  customEnumId?: string;
  [key: string]: unknown;
}
interface Metadata {
  functions: Array<{ id: string; parameters: Parameter[]; [key: string]: unknown }>;
  enums?: CustomEnum[];
  [key: string]: unknown;
}
export interface CustomEnum {
  id: string;
  type: "string";
  values: Array<{ name: string; stringValue: string }>;
}

/** The metadata with an enum for every parameter the table gives choices, and those parameters pointing to it. */
export function withCustomEnums(metadata: Metadata, table: Readonly<Record<string, Lifted>>): Metadata {
  const enums = new Map<string, CustomEnum>();
  const functions = metadata.functions.map((fn) => {
    const params = table[fn.id]?.params ?? [];
    const parameters = fn.parameters.map((p) => {
      const choices = params.find((q) => q.name === p.name)?.choices;
      if (!choices) return p;
      const values = choices.values.map((v) => ({ name: v, stringValue: v }));
      const prior = enums.get(choices.id);
      if (prior && JSON.stringify(prior.values) !== JSON.stringify(values))
        throw new Error(`${PLUGIN}: enum ${choices.id} is declared with two different sets of values.`);
      enums.set(choices.id, { id: choices.id, type: "string", values });
      return { ...p, customEnumId: choices.id };
    });
    return { ...fn, parameters };
  });
  return enums.size === 0 ? metadata : { ...metadata, functions, enums: [...enums.values()] };
}

export class CustomEnumsPlugin {
  constructor(private readonly filename = "functions.json") {}

  apply(compiler: Compiler): void {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.filename);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: no ${this.filename} was generated.`));
          return;
        }
        try {
          const metadata = JSON.parse(asset.source.source().toString()) as Metadata;
          const json = JSON.stringify(
            withCustomEnums(
              metadata,
              functionTable(() => bundled),
            ),
            null,
            4,
          );
          compilation.updateAsset(this.filename, new sources.RawSource(json));
        } catch (e) {
          compilation.errors.push(new WebpackError(e instanceof Error ? e.message : String(e)));
        }
      });
    });
  }
}
