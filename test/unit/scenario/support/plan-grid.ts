import type { PlanBody } from "../../../../src/scenario/plan";

/** What Range.formulas of the plan's used range would return once written: formulas as text. */
export function planToGrid(plan: PlanBody, origin = { row: 1, col: 1 }): Array<Array<string | number>> {
  const grid: Array<Array<string | number>> = Array.from({ length: plan.extent.rows - origin.row + 1 }, () =>
    Array.from({ length: plan.extent.cols - origin.col + 1 }, () => ""),
  );
  for (const cell of plan.cells) {
    if (cell.row < origin.row || cell.col < origin.col) continue;
    grid[cell.row - origin.row][cell.col - origin.col] = cell.formula ?? cell.value ?? "";
  }
  return grid;
}

export function cellAt(plan: PlanBody, row: number, col: number) {
  const found = plan.cells.filter((c) => c.row === row && c.col === col);
  if (found.length > 1) throw new Error(`two cells at ${row},${col}`);
  return found[0];
}
