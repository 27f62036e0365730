/**
 * Shape checks shared by both hosts: Excel rejects a ragged array or a block off the sheet
 * with an opaque error after the whole sync has been sent; failing early names the problem.
 */
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../excel/limits";
import { WorkbookError } from "./errors";
import type { ZeroBasedCell, ZeroBasedRect } from "../excel/a1";

/** Rows × columns of a rectangular, non-empty 2-D array. */
export function gridSize(values: readonly (readonly unknown[])[], what = "values"): { rows: number; cols: number } {
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  if (rows === 0 || cols === 0) throw new WorkbookError("invalidArgument", `No ${what} to write (empty array).`);
  for (let r = 1; r < rows; r++) {
    if (values[r].length !== cols) {
      throw new WorkbookError(
        "invalidArgument",
        `The ${what} array is ragged: row ${r + 1} has ${values[r].length} cells, row 1 has ${cols}.`,
      );
    }
  }
  return { rows, cols };
}

export function checkRect(rect: ZeroBasedRect): void {
  const ok =
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    Number.isInteger(rect.rows) &&
    Number.isInteger(rect.cols) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= EXCEL_MAX_ROWS &&
    rect.col + rect.cols <= EXCEL_MAX_COLUMNS;
  if (!ok) {
    throw new WorkbookError(
      "invalidArgument",
      `Block at row ${rect.row + 1}, column ${rect.col + 1} (${rect.rows} × ${rect.cols}) is not on the sheet.`,
    );
  }
}

/** The block a 2-D array covers when written at `topLeft`, checked to lie on the sheet. */
export function blockAt(topLeft: ZeroBasedCell, values: readonly (readonly unknown[])[], what?: string): ZeroBasedRect {
  const { rows, cols } = gridSize(values, what);
  const rect = { row: topLeft.row, col: topLeft.col, rows, cols };
  checkRect(rect);
  return rect;
}
