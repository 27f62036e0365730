/**
 * How values are written inside an Excel formula, and the length limits Excel puts on it.
 *
 * - A text constant is written between double quotes, a quote inside it doubled
 *   (`"say ""hi"""`); Excel refuses a text constant over 255 characters with "Text values in
 *   formulas are limited to 255 characters" (use a cell or `&` for longer text).
 * - A whole formula is at most 8,192 characters ("Excel specifications and limits", Length of
 *   formula contents: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * - A percentage constant is a number followed by `%` (`50%` is 0.5), as typed in a cell.
 */
export const EXCEL_MAX_FORMULA_CHARS = 8_192;
export const EXCEL_MAX_FORMULA_TEXT_CHARS = 255;

export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A finite number as Excel reads it back in a formula (`1e21` → `1E+21`). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written in a formula`);
  return String(value).toUpperCase();
}

/** `percentLiteral(50)` is `50%`, the constant 0.5. */
export function percentLiteral(percent: number): string {
  return `${numberLiteral(percent)}%`;
}
