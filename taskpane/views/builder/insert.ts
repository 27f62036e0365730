/**
 * Insert into cell: the builder's formula goes to the selected cell through the Workbook
 * port (`selectedCell`: Excel's active cell, the preview's selected grid cell). Nothing the
 * user had is overwritten unasked: a cell that holds anything (a value, a formula, or a
 * value spilled into it from another formula) is described and only replaced after the
 * user confirms, and only if the selection and the cell are still what was confirmed.
 */
import { cellAddress, type ZeroBasedCell } from "../../../src/excel/a1";
import type { CellValue } from "../../../src/excel/values";
import type { Workbook } from "../../../src/workbook/workbook";

export interface Target {
  readonly sheet: string;
  readonly cell: ZeroBasedCell;
}

/** What the target held when it was looked at: a replacement is confirmed against this. */
export interface Occupied {
  readonly target: Target;
  readonly formula: CellValue;
  readonly value: CellValue;
}

export type InsertOutcome =
  | { readonly kind: "no-selection" }
  | { readonly kind: "occupied"; readonly occupied: Occupied }
  | { readonly kind: "inserted"; readonly target: Target; readonly value: CellValue }
  | { readonly kind: "changed"; readonly target: Target };

export const targetName = (t: Target): string => `${t.sheet}!${cellAddress(t.cell)}`;

const isEmpty = (v: CellValue): boolean => v === null || v === "";

async function contents(workbook: Workbook, target: Target): Promise<{ formula: CellValue; value: CellValue }> {
  const read = await workbook.readFormulas(target.sheet, { ...target.cell, rows: 1, cols: 1 });
  return { formula: read.formulas[0]?.[0] ?? null, value: read.values[0]?.[0] ?? null };
}

const sameTarget = (a: Target, b: Target): boolean =>
  a.sheet === b.sheet && a.cell.row === b.cell.row && a.cell.col === b.cell.col;

/**
 * Writes `formula` to the selected cell if it is empty; otherwise says what it holds.
 * With `replacing` (the user confirmed replacing that content), writes only if the
 * selection is still that cell and it still holds what was confirmed.
 */
export async function insertFormula(workbook: Workbook, formula: string, replacing?: Occupied): Promise<InsertOutcome> {
  const target = await workbook.selectedCell();
  if (!target) return { kind: "no-selection" };
  const now = await contents(workbook, target);
  if (replacing) {
    const unchanged =
      sameTarget(replacing.target, target) && now.formula === replacing.formula && now.value === replacing.value;
    if (!unchanged) return { kind: "changed", target };
  } else if (!isEmpty(now.formula) || !isEmpty(now.value)) {
    return { kind: "occupied", occupied: { target, ...now } };
  }
  await workbook.run(async (batch) => batch.writeFormulas(target.sheet, target.cell, [[formula]]));
  return { kind: "inserted", target, value: (await contents(workbook, target)).value };
}
