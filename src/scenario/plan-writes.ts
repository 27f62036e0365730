/**
 * A SheetPlan (1-based cells) as the Workbook port's writes (0-based blocks): one block of
 * constants that also blanks every other cell of the block, then the formulas in runs, the
 * number formats, and the cells to mark as inputs.
 *
 * The block may be larger than the plan (an update covers the old sheet's extent too), so
 * whatever the old sheet held there and the plan does not is cleared. Constants go first
 * and formulas after, in runs that skip constant cells, so no cell is ever blanked and
 * refilled: a table header cell written as "" would make Excel invent a "ColumnN" header.
 */
import { toZeroBased, type A1Rect, type ZeroBasedCell, type ZeroBasedRect } from "../excel/a1";
import type { CellValue } from "../excel/values";
import type { ChartSpec } from "../workbook/workbook";
import { TABLE_HEADERS } from "./scenario-layout";
import type { ChartPlan, PlanBody, PlanCell } from "./plan";

export interface FormulaRun {
  readonly topLeft: ZeroBasedCell;
  readonly formulas: string[];
}

export interface InputMark {
  readonly cell: ZeroBasedCell;
  readonly label: string;
}

export interface PlanWrites {
  /** The block written, from A1; every cell of it is set or cleared. */
  readonly block: ZeroBasedRect;
  /** Constants; "" clears a cell the plan leaves empty; null leaves a formula cell to `formulas`. */
  readonly values: CellValue[][];
  /** One run per row segment of adjacent formula cells. */
  readonly formulas: FormulaRun[];
  /** "General" where the plan sets none, so an old format does not linger. */
  readonly numberFormats: string[][];
  readonly inputs: InputMark[];
}

/** A 1-based plan rect as a 0-based port rect. */
export function toPortRect(rect: A1Rect): ZeroBasedRect {
  return toZeroBased(rect);
}

/** The plan's chart, or one recorded in a manifest (whose name may be missing: see manifest.ts). */
export function chartSpec(chart: Omit<ChartPlan, "name"> & { readonly name?: string }): ChartSpec {
  return {
    type: chart.type,
    title: chart.title,
    dataRect: toPortRect(chart.dataRect),
    position: { row: chart.anchorRow - 1, col: chart.anchorCol - 1 },
    ...(chart.valueFormat === undefined ? {} : { valueFormat: chart.valueFormat }),
    ...(chart.name === undefined ? {} : { name: chart.name }),
  };
}

/** The writes for `plan` over a block of at least `cover` rows × cols from A1. */
export function planWrites(plan: PlanBody, cover: { rows: number; cols: number } = plan.extent): PlanWrites {
  const rows = Math.max(plan.extent.rows, cover.rows);
  const cols = Math.max(plan.extent.cols, cover.cols);
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(""));
  const numberFormats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  const formulaAt = new Map<number, string>();
  const at = (cell: PlanCell) => (cell.row - 1) * cols + (cell.col - 1);

  for (const cell of plan.cells) {
    const r = cell.row - 1;
    const c = cell.col - 1;
    if (cell.formula !== undefined) {
      values[r][c] = null;
      formulaAt.set(at(cell), cell.formula);
    } else if (cell.value !== undefined) values[r][c] = cell.value;
    if (cell.numberFormat !== undefined) numberFormats[r][c] = cell.numberFormat;
  }

  const formulas: FormulaRun[] = [];
  for (let r = 0; r < rows; r++) {
    let run: { topLeft: ZeroBasedCell; formulas: string[] } | null = null;
    for (let c = 0; c < cols; c++) {
      const formula = formulaAt.get(r * cols + c);
      if (formula === undefined) {
        run = null;
        continue;
      }
      if (!run) formulas.push((run = { topLeft: { row: r, col: c }, formulas: [] }));
      run.formulas.push(formula);
    }
  }

  return { block: { row: 0, col: 0, rows, cols }, values, formulas, numberFormats, inputs: inputMarks(plan) };
}

/** The assumption cells under their labels, and each exposure cell named after its element. */
function inputMarks(plan: PlanBody): InputMark[] {
  const marks: InputMark[] = plan.inputCells.map((input) => ({
    cell: { row: input.row - 1, col: input.col - 1 },
    label: input.label,
  }));
  const { row: first, rows, col } = plan.exposureRange;
  const elementOf = new Map(
    plan.cells.filter((c) => c.col === 1 && typeof c.value === "string").map((c) => [c.row, c.value as string]),
  );
  for (let row = first; row < first + rows; row++) {
    marks.push({
      cell: { row: row - 1, col: col - 1 },
      label: `${TABLE_HEADERS[5]}: ${elementOf.get(row) ?? `row ${row}`}`,
    });
  }
  return marks;
}
