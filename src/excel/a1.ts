/**
 * Cell coordinates and A1 addresses. Two bases are in use: the Workbook port counts from 0
 * (row 0, col 0 is A1), as Office.js `getRangeByIndexes` does; a scenario SheetPlan counts
 * from 1, as A1 notation and fast-formula-parser do. Each base has its own type, told apart
 * by an optional `base` tag of a different literal type, so passing a value of one where the
 * other is expected is a compile error. Plain `{ row, col }` literals fit either; convert
 * between them with toZeroBased / toA1.
 */
declare const base: unique symbol;

/** A cell counted from 0: { row: 0, col: 0 } is A1. */
export interface ZeroBasedCell {
  readonly row: number;
  readonly col: number;
  readonly [base]?: 0;
}

/** A block of cells from 0; `rows` and `cols` count cells (one cell is 1 × 1). */
export interface ZeroBasedRect extends ZeroBasedCell {
  readonly rows: number;
  readonly cols: number;
}

/** A cell counted from 1, as in A1 notation: { row: 1, col: 1 } is A1. */
export interface A1Cell {
  readonly row: number;
  readonly col: number;
  readonly [base]?: 1;
}

/** A block of cells from 1; `rows` and `cols` count cells (one cell is 1 × 1). */
export interface A1Rect extends A1Cell {
  readonly rows: number;
  readonly cols: number;
}

export function toZeroBased(rect: A1Rect): ZeroBasedRect {
  return { row: rect.row - 1, col: rect.col - 1, rows: rect.rows, cols: rect.cols };
}

export function toZeroBasedCell(cell: A1Cell): ZeroBasedCell {
  return { row: cell.row - 1, col: cell.col - 1 };
}

/** 1 → "A", 27 → "AA", 16384 → "XFD" (a 1-based column number to Excel's letters). */
export function columnLetters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** A1 reference of a 1-based cell; `absolute` pins both parts ($B$8), or pick row/column separately. */
export function a1(row: number, col: number, absolute: boolean | { row: boolean; col: boolean } = false): string {
  const pin = typeof absolute === "boolean" ? { row: absolute, col: absolute } : absolute;
  return `${pin.col ? "$" : ""}${columnLetters(col)}${pin.row ? "$" : ""}${row}`;
}

/** "A12:C14", or "A12" for a single cell. */
export function rectA1(rect: A1Rect, absolute = false): string {
  const from = a1(rect.row, rect.col, absolute);
  const to = a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1, absolute);
  return from === to ? from : `${from}:${to}`;
}

export function cellAddress(cell: ZeroBasedCell): string {
  return a1(cell.row + 1, cell.col + 1);
}

/** "B2:D4", or "B2" for a single cell. */
export function rectAddress(rect: ZeroBasedRect): string {
  return rectA1({ row: rect.row + 1, col: rect.col + 1, rows: rect.rows, cols: rect.cols });
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** The 0-based cell of "B2" (or "$B$2"), or a sentence saying why the text is not one. */
function parseCell(text: string): ZeroBasedCell | string {
  const m = CELL.exec(text.trim());
  if (!m) return `"${text}" is not a cell address such as B2.`;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return `"${text}": rows start at 1.`;
  return { row: row - 1, col: col - 1 };
}

/**
 * "B2:D4" or "C3" (optionally with $; no sheet prefix) → the 0-based block, or a sentence
 * saying why the text is not an address.
 */
export function parseAddress(address: string): ZeroBasedRect | string {
  const parts = address.split(":");
  if (parts.length > 2) return `"${address}" is not a range address.`;
  const a = parseCell(parts[0]);
  if (typeof a === "string") return a;
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (typeof b === "string") return b;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}
