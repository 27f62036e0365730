/**
 * A1 addresses for 0-based coordinates (the port's), and back. The scenario plan uses
 * 1-based coordinates and has its own helpers; these convert at the port's boundary.
 */
import { WorkbookError } from "./errors";
import type { CellRef, Rect } from "./workbook";

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function cellAddress(cell: CellRef): string {
  return `${columnName(cell.col)}${cell.row + 1}`;
}

/** "B2:D4", or "B2" for a single cell. */
export function rectAddress(rect: Rect): string {
  const from = cellAddress(rect);
  const to = cellAddress({ row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 });
  return from === to ? from : `${from}:${to}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseCell(text: string): CellRef {
  const m = CELL.exec(text.trim());
  if (!m) throw new WorkbookError("invalidArgument", `"${text}" is not a cell address such as B2.`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) throw new WorkbookError("invalidArgument", `"${text}": rows start at 1.`);
  return { row: row - 1, col: col - 1 };
}

/** "B2:D4" or "C3" (optionally with $) → 0-based block. No sheet prefix. */
export function parseAddress(address: string): Rect {
  const parts = address.split(":");
  if (parts.length > 2) throw new WorkbookError("invalidArgument", `"${address}" is not a range address.`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

export function toRect(range: Rect | string): Rect {
  return typeof range === "string" ? parseAddress(range) : range;
}
