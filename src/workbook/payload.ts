/**
 * Request-size estimate for one sync. Excel on the web rejects a request over 5 MB
 * (RequestPayloadSizeLimitExceeded); we plan for at most SYNC_BUDGET_BYTES (src/excel/limits.ts) by estimate.
 *
 * The estimate is deliberately an upper bound:
 * - a value costs its JSON text, every non-ASCII UTF-16 unit counted as 6 bytes (the
 *   longer of its UTF-8 bytes, ≤ 3, and a \uXXXX escape, should the transport use one);
 * - plus CELL_MARGIN_BYTES per cell for anything the transport adds per element;
 * - plus OP_OVERHEAD_BYTES per queued operation: Office.js wraps each in an action and an
 *   object path (ids, type, the getRangeByIndexes arguments), a few hundred bytes in
 *   practice, so a request's fixed envelope is covered too.
 * - plus SYNC_RESERVE_BYTES per sync for the calls the writer adds around the planned ones
 *   (add the sheet, activate it, suspend screen updating and API calculation).
 * With a 4 MB budget against a 5 MB limit, the estimate can be 25% short and still pass.
 */
import type { CellValue } from "../excel/values";

export const OP_OVERHEAD_BYTES = 1024;
export const CELL_MARGIN_BYTES = 1;
export const SYNC_RESERVE_BYTES = 4 * OP_OVERHEAD_BYTES;

/** Upper bound on the bytes JSON.stringify(text) occupies on the wire. */
export function stringBytes(text: string): number {
  let bytes = 2; // quotes
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) bytes += 2;
    else if (c < 0x20) bytes += 6;
    else if (c < 0x80) bytes += 1;
    else bytes += 6;
  }
  return bytes;
}

/** Upper bound on one value's JSON bytes, plus the per-cell margin. */
export function cellBytes(value: CellValue): number {
  let bytes: number;
  if (value === null) bytes = 4;
  else if (typeof value === "string") bytes = stringBytes(value);
  else if (typeof value === "number")
    bytes = String(value).length; // JSON writes finite numbers as String does
  else bytes = value ? 4 : 5;
  return bytes + CELL_MARGIN_BYTES;
}

/** Upper bound on the JSON of one row `[a,b,c]` (brackets and commas included). */
export function rowBytes(row: readonly CellValue[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const v of row) bytes += cellBytes(v);
  return bytes;
}

/** Exact UTF-8 byte length of a string (for tests and measurements, not for planning). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
