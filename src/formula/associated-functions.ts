/**
 * Registers the functions exactly as associated with Excel (matrix in, matrix out, errors
 * as CustomFunctions.Error-shaped {code, message}) with the formula engine of
 * src/scenario/ffp-adapter.ts (plain values in, {error, message} out), under RARE.<ID>.
 * The browser preview and the formula tests use this, so a formula evaluated there runs
 * the same code Excel runs. A larger result stays an array, which engine functions such
 * as INDEX and SUM consume and the preview spills as Excel does; an entity stays an entity.
 */
import { isErrorValue } from "../excel/values";
import type { EngineFunction } from "../scenario/ffp-adapter";

export type AssociatedFunction = (...args: unknown[]) => unknown;

const isErrorLike = (v: unknown): v is { code: string; message?: string } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { code?: unknown }).code === "string";

function toEngineValue(v: unknown): unknown {
  if (isErrorLike(v)) return v.message ? { error: v.code, message: v.message } : { error: v.code };
  return v;
}

const isEngineError = (v: unknown): v is { error: string } =>
  typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";

/**
 * An error cell of a range as Excel hands it to a function whose metadata allows error
 * inputs: an error cell value (Excel.ErrorCellValue, `{ type: "Error", basicValue: "#N/A" }`).
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
 */
const toExcelCell = (v: unknown): unknown => (isEngineError(v) ? { type: "Error", basicValue: v.error } : v);

/** Excel hands custom functions a matrix for every `any[][]` argument, null when omitted. */
function toExcelArgument(arg: unknown): unknown {
  if (arg === null || arg === undefined) return null;
  return Array.isArray(arg) ? arg.map((row: unknown) => (Array.isArray(row) ? row.map(toExcelCell) : row)) : [[arg]];
}

/** The first error value (engine form, { error, message }) inside a range argument, if any. */
function errorInRange(args: readonly unknown[]): unknown {
  for (const arg of args) {
    if (!Array.isArray(arg)) continue;
    for (const row of arg) {
      const found = Array.isArray(row) ? row.find(isErrorValue) : undefined;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * `acceptsErrors(id)`: the function's functions.json declares allowErrorForDataTypeAny, as
 * the build's does for every RARE function (scripts/webpack/error-inputs-plugin.js), hence
 * the default. Without it Excel does not call a custom function whose argument holds an
 * error, not even one cell of a range: the error is the result ("Errors as custom function
 * inputs", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 * Scalar error arguments never reach here (ffp-adapter.ts); range ones are settled the same way.
 */
export function engineFunctions(
  associated: Readonly<Record<string, AssociatedFunction>>,
  namespace = "RARE",
  acceptsErrors: (id: string) => boolean = () => true,
): Record<string, EngineFunction> {
  const out: Record<string, EngineFunction> = {};
  for (const [id, fn] of Object.entries(associated)) {
    const passErrors = acceptsErrors(id);
    out[`${namespace}.${id.toUpperCase()}`] = (...args: unknown[]) => {
      const error = passErrors ? undefined : errorInRange(args);
      if (error !== undefined) return error;
      const result = fn(...args.map(toExcelArgument));
      if (!Array.isArray(result)) return toEngineValue(result);
      if (result.length === 1 && Array.isArray(result[0]) && result[0].length === 1) return toEngineValue(result[0][0]);
      return result.map((row: unknown[]) => row.map(toEngineValue));
    };
  }
  return out;
}
