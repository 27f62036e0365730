/**
 * How the preview workbook gets formulas computed. The preview knows cells, not Excel's
 * grammar: another part supplies an evaluator (fast-formula-parser with the RARE functions
 * registered) and the preview calls it for every formula cell on recalculation.
 *
 * Coordinates are 0-based like the rest of the port; fast-formula-parser's are 1-based
 * (add 1 in the adapter).
 */
import type { ZeroBasedRect } from "../excel/a1";
import type { ComputedValue, ResultValue } from "../excel/values";

/** What a formula may read while it is evaluated. */
export interface FormulaLookup {
  /** A cell's current value; a formula cell gives its last computed result. */
  cell(sheet: string, row: number, col: number): ComputedValue;
  /** A block of values, row by row (blank cells are null). */
  range(sheet: string, rect: ZeroBasedRect): ComputedValue[][];
  /** A workbook-scoped defined name, or undefined if there is none. */
  name(name: string): { sheet: string; rect: ZeroBasedRect } | undefined;
}

export interface FormulaEvaluator {
  /**
   * The result of `formula` (starts with "=") in cell (row, col) of `sheet`. Return an
   * array for a result that spills (the preview spills it as dynamic-array Excel does),
   * { error: "#N/A", message } for an error and an entity as it is. Throwing counts as
   * #VALUE! with its message.
   */
  evaluate(
    formula: string,
    at: { sheet: string; row: number; col: number },
    lookup: FormulaLookup,
  ): ResultValue | ResultValue[][];
}
