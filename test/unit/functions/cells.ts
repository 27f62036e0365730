/**
 * Assertions on what a RARE function hands Excel. Under jest CustomFunctions.Error is not
 * defined, so errors come back as PreviewError (functions/excel-error.ts): {code, message}.
 */
import { PreviewError } from "../../../functions/excel-error";
import { incoming } from "./support/excel-calls";

export type Code = "#N/A" | "#VALUE!" | "#NUM!";

/** The one cell of a 1×1 result (fails if the result is not 1×1). */
export function only(result: unknown[][]): unknown {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}

/** The cell is an Excel error with this code whose message matches every pattern. */
export function expectError(cell: unknown, code: Code, ...patterns: Array<RegExp | string>): PreviewError {
  expect(cell).toBeInstanceOf(PreviewError);
  const e = cell as PreviewError;
  expect({ code: e.code, message: e.message }).toEqual({ code, message: expect.any(String) });
  for (const p of patterns) {
    if (typeof p === "string") expect(e.message).toContain(p);
    else expect(e.message).toMatch(p);
  }
  return e;
}

/** A 1×1 result holding an error. */
export const expectErrorResult = (result: unknown[][], code: Code, ...patterns: Array<RegExp | string>): PreviewError =>
  expectError(only(result), code, ...patterns);

/** The 1×1 result is a number close to `expected` (12 decimals unless told). */
export function expectNumber(result: unknown[][], expected: number, digits = 12): void {
  const cell = only(result);
  expect(typeof cell).toBe("number");
  expect(cell as number).toBeCloseTo(expected, digits);
}

/** Every cell of `result` is a value or error of the same shape as `expected`, numbers compared closely. */
export function expectCells(
  result: unknown[][],
  expected: Array<Array<number | string | { error: Code; message?: RegExp | string }>>,
): void {
  expect(result.map((row) => row.length)).toEqual(expected.map((row) => row.length));
  expected.forEach((row, r) =>
    row.forEach((want, c) => {
      const got = result[r][c];
      if (typeof want === "number") {
        expect(typeof got).toBe("number");
        expect(got as number).toBeCloseTo(want, 9);
      } else if (typeof want === "string") {
        expect(got).toBe(want);
      } else {
        expectError(got, want.error, ...(want.message ? [want.message] : []));
      }
    }),
  );
}

/** Each call, handed an error cell, returns that very error: Excel's own functions pass input errors on. */
export function expectErrorsPassThrough(...calls: Array<(bad: PreviewError) => unknown[][]>): void {
  for (const call of calls) {
    const bad = incoming();
    expect(only(call(bad))).toBe(bad);
  }
}

/** The suggestion an unknown name's message carries. */
export const didYouMean = (name: string): string => `Did you mean ${name}?`;
