/**
 * The preview workbook's FormulaEvaluator (src/workbook/formula-evaluator.ts) backed by
 * ffp-adapter.ts: one place that converts the preview's 0-based coordinates and per-call
 * lookup into the adapter's 1-based, configured-once form.
 *
 *   const evaluator = createFfpEvaluator({ "RARE.SHARE": (e, s) => data.share(…), … });
 */
import type { ComputedValue } from "../excel/values";
import type { FormulaEvaluator, FormulaLookup } from "../workbook/formula-evaluator";
import { createFormulaEngine, type EngineFunction } from "./ffp-adapter";

export function createFfpEvaluator(functions: Readonly<Record<string, EngineFunction>>): FormulaEvaluator {
  // The lookup of the evaluation in progress; nested evaluations (a formula reading a
  // formula cell) happen inside the preview's own lookup, so one slot suffices.
  let lookup: FormulaLookup | undefined;
  const current = (): FormulaLookup => {
    if (!lookup) throw new Error("createFfpEvaluator: formula read a cell outside evaluate()");
    return lookup;
  };
  const engine = createFormulaEngine({
    functions,
    getCell: (sheet, row, col) => current().cell(sheet, row - 1, col - 1) as ComputedValue,
    getRange: (sheet, from, to) =>
      current().range(sheet, {
        row: from.row - 1,
        col: from.col - 1,
        rows: to.row - from.row + 1,
        cols: to.col - from.col + 1,
      }) as ComputedValue[][],
    resolveName: (name) => {
      const target = current().name(name);
      return target
        ? {
            sheet: target.sheet,
            row: target.rect.row + 1,
            col: target.rect.col + 1,
            rows: target.rect.rows,
            cols: target.rect.cols,
          }
        : null;
    },
  });
  return {
    evaluate(formula, at, nextLookup) {
      const outer = lookup;
      lookup = nextLookup;
      try {
        return engine.evaluateDynamic(formula, { sheet: at.sheet, row: at.row + 1, col: at.col + 1 });
      } finally {
        lookup = outer;
      }
    },
  };
}
