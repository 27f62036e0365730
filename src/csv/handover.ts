/**
 * The import result in the shape src/workbook's write planner takes (its ImportData):
 * headers, row arrays, one number format per column, and [row, column] pairs of cells that
 * must be stored as text. Structural, so src/csv does not depend on src/workbook.
 * This materialises every row: for the biggest files prefer sliceRows() block by block.
 */
import { sliceRows } from "./import";
import type { CellValue, ImportResult } from "./results";

export interface ImportHandover {
  headers: string[];
  rows: CellValue[][];
  columnFormats: string[];
  textCells: [number, number][];
}

export function toImportData(result: ImportResult): ImportHandover {
  return {
    headers: result.headers,
    rows: sliceRows(result),
    columnFormats: result.columns.map((c) => c.numberFormat),
    textCells: result.textCells.map((c) => [c.row, c.column]),
  };
}
