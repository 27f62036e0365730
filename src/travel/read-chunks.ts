/**
 * Reads a block of a sheet in row bands sized to the request budget, one request each.
 * Excel on the web refuses a response over 5 MB as well as a request, and a response's
 * size is known only once it has come back, so the band size adapts: the first band is
 * small, each next one is sized from the largest cost per cell seen so far (JSON bytes of
 * values plus formulas, payload.ts's upper bound) to fill SYNC_BUDGET_BYTES, and a band
 * Excel refuses for its size is halved and read again. Only one band is held at a time.
 */
import { SYNC_BUDGET_BYTES } from "../excel/limits";
import { rowBytes } from "../workbook/payload";
import type { ZeroBasedCell, ZeroBasedRect } from "../excel/a1";
import type { CellValue } from "../excel/values";
import type { FormulaContents, Workbook } from "../workbook/workbook";
import { checkCancelled } from "./progress";

export const FIRST_BAND_CELLS = 10_000;
const MAX_BAND_CELLS = 500_000;
/** Office.js error codes for a request or response over the size limit. */
const TOO_LARGE = /PayloadSizeLimitExceeded/i;

export interface Band extends FormulaContents {
  readonly rect: ZeroBasedRect;
  /** Upper-bound JSON bytes of the band's values and formulas. */
  readonly bytes: number;
}

export async function readInBands(
  workbook: Workbook,
  sheet: string,
  block: ZeroBasedRect,
  onBand: (band: Band) => void | Promise<void>,
  options: { signal?: AbortSignal; budgetBytes?: number } = {},
): Promise<void> {
  const budget = options.budgetBytes ?? SYNC_BUDGET_BYTES;
  let perCell = 0;
  let row = block.row;
  let rows = Math.max(1, Math.floor(FIRST_BAND_CELLS / block.cols));
  const end = block.row + block.rows;
  while (row < end) {
    checkCancelled(options.signal);
    const rect = { row, col: block.col, rows: Math.min(rows, end - row), cols: block.cols };
    let contents: FormulaContents;
    try {
      contents = await workbook.readFormulas(sheet, rect);
    } catch (e) {
      if (rect.rows > 1 && TOO_LARGE.test(codeOf(e))) {
        rows = Math.ceil(rect.rows / 2);
        continue;
      }
      throw e;
    }
    let bytes = 0;
    for (let r = 0; r < rect.rows; r++) bytes += rowBytes(contents.values[r]) + rowBytes(contents.formulas[r]);
    await onBand({ rect, bytes, ...contents });
    row += rect.rows;
    perCell = Math.max(perCell, bytes / (rect.rows * rect.cols));
    const cells = Math.min(MAX_BAND_CELLS, Math.floor(budget / Math.max(perCell, 1)));
    rows = Math.max(1, Math.floor(cells / block.cols));
  }
}

function codeOf(e: unknown): string {
  if (typeof e !== "object" || e === null) return "";
  const { code, message } = e as { code?: unknown; message?: unknown };
  return `${typeof code === "string" ? code : ""} ${typeof message === "string" ? message : ""}`;
}

export interface CellContents {
  readonly value: CellValue;
  readonly formula: CellValue;
}

/** "row:col", the key `readCells` answers under. */
export const cellKey = (cell: ZeroBasedCell): string => `${cell.row}:${cell.col}`;

/**
 * The value and formula of each of `cells` on one sheet, read in bands over the block they
 * span (only those cells are kept).
 */
export async function readCells(
  workbook: Workbook,
  sheet: string,
  cells: readonly ZeroBasedCell[],
  options: { signal?: AbortSignal; budgetBytes?: number } = {},
): Promise<Map<string, CellContents>> {
  const out = new Map<string, CellContents>();
  if (cells.length === 0) return out;
  const wanted = new Set<string>();
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  for (const c of cells) {
    wanted.add(cellKey(c));
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const block = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  await readInBands(
    workbook,
    sheet,
    block,
    (band) => {
      for (let r = 0; r < band.rect.rows; r++)
        for (let c = 0; c < band.rect.cols; c++) {
          const k = cellKey({ row: band.rect.row + r, col: band.rect.col + c });
          if (wanted.has(k)) out.set(k, { value: band.values[r][c], formula: band.formulas[r][c] });
        }
    },
    options,
  );
  return out;
}
