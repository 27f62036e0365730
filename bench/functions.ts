/**
 * The custom-function benches, in the order a user meets their costs: loading functions.js,
 * then each call. Each part is its own file:
 * - load.ts: evaluating dist/functions.js until every function is associated;
 * - share-call.ts: SHARE per call in src/ against a bare Map.get baseline;
 * - recalc.ts: recalculation through the built bundle's associated functions.
 */
import type { Figure } from "./figures";
import { runLoadBench } from "./load";
import { runRecalcBench } from "./recalc";
import { runShareCallBench } from "./share-call";

export function runFunctionsBench(): Figure[] {
  return [...runLoadBench(), ...runShareCallBench(), ...runRecalcBench()];
}

if (require.main === module) {
  for (const f of runFunctionsBench())
    console.log(
      `${f.section} | ${f.name}: ${f.value.toFixed(f.digits)} ${f.unit}${f.max === undefined ? "" : ` (target ≤ ${f.max})`}`,
    );
}
