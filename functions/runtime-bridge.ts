/**
 * The shared runtime's meeting point. functions.js registers every function through
 * CustomFunctions.associate (calls appended by custom-functions-metadata-plugin); this
 * module wraps associate, before those calls run, to also record each function under
 * its id. The task pane reads the record through `globalThis.RareRuntime`: the browser
 * preview evaluates formulas with exactly the functions Excel gets, and the pane swaps
 * the data behind them (workbook overrides) built with the functions' own core (`core`),
 * so one copy of src/data serves both bundles: one dataset, one RareData class, one memo.
 */
import { mergeOverrides } from "../src/data/overrides";
import { RareData } from "../src/data/rare-data";
import type { Dataset } from "../src/data/types";

export type AssociatedFunction = (...args: unknown[]) => unknown;

export interface RareRuntime {
  /** Functions by id (SHARE, RISK, ...), exactly as associated with Excel. */
  readonly associated: Record<string, AssociatedFunction>;
  /** The queries the functions currently answer from. */
  queries(): RareData;
  /** Replace the queries (workbook overrides) or restore the bundled data with null. */
  useQueries(queries: RareData | null): void;
  /** The bundled dataset's queries, for building overrides on top of. */
  readonly bundled: RareData;
  /** The functions' data core: the pane merges and queries overrides with these, never with its own copy. */
  readonly core: RuntimeCore;
}

export interface RuntimeCore {
  mergeOverrides: typeof mergeOverrides;
  queriesFor(dataset: Dataset): RareData;
}

const core: RuntimeCore = { mergeOverrides, queriesFor: (dataset) => new RareData(dataset) };

type CustomFunctionsLike = { associate?: (id: string, fn: AssociatedFunction) => void };

export function installRuntime(bundled: RareData, onChange: (q: RareData) => void): RareRuntime {
  const g = globalThis as { CustomFunctions?: CustomFunctionsLike; RareRuntime?: RareRuntime };
  const associated: Record<string, AssociatedFunction> = {};
  const cf: CustomFunctionsLike = g.CustomFunctions ?? (g.CustomFunctions = {});
  const original = cf.associate;
  cf.associate = (id: string, fn: AssociatedFunction) => {
    associated[id.toUpperCase()] = fn;
    if (typeof original === "function") original.call(cf, id, fn);
  };
  let current = bundled;
  const runtime: RareRuntime = {
    associated,
    bundled,
    core,
    queries: () => current,
    useQueries(queries) {
      current = queries ?? bundled;
      onChange(current);
    },
  };
  g.RareRuntime = runtime;
  return runtime;
}
