/**
 * A lazy, single-sheet evaluator for a SheetPlan: what a scenario sheet would show, computed
 * with fast-formula-parser through ffp-adapter.ts. Cells are evaluated on demand and cached;
 * `set` (a user edit) clears the cache, so the next read recalculates, as Excel would.
 * References to other sheets read as empty. Used by the formula-check tests; small enough
 * for the preview to use on its own.
 */
import type { ComputedValue } from "../excel/values";
import { createFormulaEngine, type EngineFunction } from "./ffp-adapter";
import type { PlanBody } from "./plan";

export type CellContent = { readonly value: string | number | boolean | null } | { readonly formula: string };

export interface PlanSheet {
  /** The displayed value of a cell (1-based); empty cells are null. */
  get(row: number, col: number): ComputedValue;
  /** Replace a cell's content, as a user typing into it. */
  set(row: number, col: number, content: CellContent): void;
  /** Evaluate a formula as if entered at (row, col) without storing it. */
  evaluate(formula: string, row?: number, col?: number): ComputedValue;
}

const key = (row: number, col: number) => `${row},${col}`;

export function createPlanSheet(plan: PlanBody, functions: Readonly<Record<string, EngineFunction>>): PlanSheet {
  const contents = new Map<string, CellContent>();
  for (const cell of plan.cells) {
    if (cell.formula !== undefined) contents.set(key(cell.row, cell.col), { formula: cell.formula });
    else if (cell.value !== undefined) contents.set(key(cell.row, cell.col), { value: cell.value });
  }
  const bounds = { rows: plan.extent.rows, cols: plan.extent.cols };
  const names = new Map(plan.namedRanges.map((n) => [n.name.toLowerCase(), n]));
  const cache = new Map<string, ComputedValue>();
  const evaluating = new Set<string>();

  const engine = createFormulaEngine({
    functions,
    getCell: (sheet, row, col) => (sheet === plan.sheetName ? get(row, col) : null),
    getRange: (sheet, from, to) => {
      const rows: ComputedValue[][] = [];
      // Whole-column/row references (A:A) stop at the last cell holding anything.
      const lastRow = Math.min(to.row, bounds.rows);
      const lastCol = Math.min(to.col, bounds.cols);
      for (let r = from.row; r <= lastRow; r++) {
        const row: ComputedValue[] = [];
        for (let c = from.col; c <= lastCol; c++) row.push(sheet === plan.sheetName ? get(r, c) : null);
        rows.push(row);
      }
      return rows;
    },
    resolveName: (name) => names.get(name.toLowerCase()) ?? null,
  });

  function get(row: number, col: number): ComputedValue {
    const k = key(row, col);
    const cached = cache.get(k);
    if (cached !== undefined) return cached;
    const content = contents.get(k);
    if (!content) return null;
    if ("value" in content) return content.value;
    // Excel reports a circular reference; a preview must not recurse forever.
    if (evaluating.has(k)) return { error: "#REF!", message: "Circular reference." };
    evaluating.add(k);
    try {
      const value = engine.evaluate(content.formula, { sheet: plan.sheetName, row, col });
      cache.set(k, value);
      return value;
    } finally {
      evaluating.delete(k);
    }
  }

  return {
    get,
    set(row, col, content) {
      contents.set(key(row, col), content);
      bounds.rows = Math.max(bounds.rows, row);
      bounds.cols = Math.max(bounds.cols, col);
      cache.clear();
    },
    evaluate(formula, row = plan.extent.rows + 1, col = 1) {
      return engine.evaluate(formula, { sheet: plan.sheetName, row, col });
    },
  };
}
