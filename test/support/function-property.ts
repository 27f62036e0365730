/**
 * The property every RARE function must hold for any Excel-shaped input: it returns only
 * declared values or Excel errors (result-shape.ts), never throws, never NaN or Infinity, and
 * the same input gives the same output. The same property as
 * test/unit/functions/properties.test.ts, without jest, so `npm run fuzz` can run it a million
 * times in plain Node.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "util";
import { excelArgument } from "./excel-arbitraries";
import { resultProblem } from "./result-shape";

export type RareFunction = (...args: unknown[]) => unknown;

/** The module's exported functions, by name. */
export function exportedFunctions(module: Record<string, unknown>): Array<[string, RareFunction]> {
  return Object.entries(module).filter((entry): entry is [string, RareFunction] => typeof entry[1] === "function");
}

/**
 * One argument per declared parameter (fn.length), each omitted (null) or a range.
 * Deep equality is Object.is on primitives, like jest's toEqual: 0 and -0 differ.
 */
export function wellTypedTotalDeterministic(fn: RareFunction): fc.IProperty<[unknown[]]> {
  return fc.property(fc.array(excelArgument, { minLength: fn.length, maxLength: fn.length }), (args) => {
    const first = fn(...args);
    const problem = resultProblem(first);
    if (problem) throw new Error(problem);
    const second = fn(...args);
    if (!isDeepStrictEqual(second, first))
      throw new Error(`not deterministic: ${fc.stringify(first)} then ${fc.stringify(second)}`);
  });
}
