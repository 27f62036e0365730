/**
 * Range lifting shared by every RARE function. Each argument may be a single value or a
 * range (Excel passes matrices for `any[][]` parameters, `null` for omitted optional
 * ones). The result takes the broadcast shape of all arguments, as Excel's own array
 * evaluation does: a 1-row or 1-column argument repeats along the other dimension; a
 * position outside a larger argument gives #N/A. Each cell is computed on its own, so a
 * bad cell becomes that cell's error and never fails the whole spill. An empty cell of a
 * range given for a required argument gives an empty result cell, as Excel shows for a
 * formula over empty rows; a required argument that is one empty cell stays #VALUE!.
 */
import { invalidValue, isRareError, type RareError } from "../src/data/errors";
import { isBlankCell, readCell } from "./cell-value";
import type { Coerce } from "./coerce";
import { excelError, toExcelError, type ExcelError } from "./excel-error";

export type CellResult = string | number | boolean | ExcelError;
export type Matrix = unknown[][];

export interface ParamOptions {
  /** The names the argument accepts, as its help text must list them (checked by test/dist/function-table.test.ts). */
  readonly vocabulary?: readonly string[];
}

export interface Param<T> extends ParamOptions {
  readonly name: string;
  readonly coerce: Coerce<T>;
  /** Whether the argument may be omitted: its coercion accepts a blank. */
  readonly optional: boolean;
}

function acceptsBlank(coerce: Coerce<unknown>, name: string): boolean {
  try {
    coerce(null, name);
    return true;
  } catch {
    return false;
  }
}

export const param = <T>(name: string, coerce: Coerce<T>, options: ParamOptions = {}): Param<T> => ({
  name,
  coerce,
  optional: acceptsBlank(coerce, name),
  ...options,
});

type Values<P extends readonly Param<unknown>[]> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** An Excel-facing function with the parameters it was declared with. */
export type Lifted = ((...args: unknown[]) => CellResult[][]) & { readonly params: readonly Param<unknown>[] };

/** Builds the Excel-facing function for `compute`, a function of already-coerced scalars. */
export function lifted<const P extends readonly Param<unknown>[]>(
  params: P,
  // A hot path may return its RareError instead of throwing it: a throw costs about 1 µs,
  // far more than the lookup itself, and a column of typos should not pay it per cell.
  compute: (...values: Values<P>) => string | number | boolean | RareError,
): Lifted {
  const count = params.length;
  const scalars: unknown[] = new Array(count);
  // Per argument: 1 when it is a range whose empty cells give empty results (required), else 0.
  const blankGivesBlank: number[] = new Array(count);

  const cell = (raw: readonly unknown[]): CellResult => {
    try {
      for (let i = 0; i < count; i++) {
        const v = raw[i];
        if (blankGivesBlank[i] === 1 && isBlankCell(v)) return "";
        const plain = readCell(v, params[i].name);
        if (plain !== null && typeof plain === "object") return plain; // an error in an input cell propagates, as in Excel
        scalars[i] = params[i].coerce(plain, params[i].name);
      }
      return checked((compute as (...xs: unknown[]) => unknown)(...scalars));
    } catch (e) {
      return toExcelError(e);
    }
  };

  const run = (...args: unknown[]): CellResult[][] => {
    let rows = 1;
    let cols = 1;
    let scalar = true;
    // Each argument's size, measured once per call: a 10,000-cell range must cost
    // 10,000 cells, not 10,000 × 10,000 row scans.
    const heights: number[] = new Array(count);
    const widths: number[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const a = args[i];
      heights[i] = widths[i] = 1;
      blankGivesBlank[i] = 0;
      if (!Array.isArray(a)) continue;
      const r = a.length;
      const c = widest(a);
      if (r === 0 || c === 0) return [[excelError("#VALUE!", `${params[i].name} is an empty range.`)]];
      heights[i] = r;
      widths[i] = c;
      if (r !== 1 || c !== 1) {
        scalar = false;
        if (!params[i].optional) blankGivesBlank[i] = 1;
      }
      if (r > rows) rows = r;
      if (c > cols) cols = c;
    }
    const raw: unknown[] = new Array(count);
    if (scalar) {
      for (let i = 0; i < count; i++) raw[i] = at(args[i], 0, 0, 1, 1);
      return [[cell(raw)]];
    }
    const ranged = rangedArgument(heights, widths);
    if (ranged >= 0) return overOneRange(args, ranged, rows, cols, heights, widths);
    const out: CellResult[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const line: CellResult[] = new Array(cols);
      for (let c = 0; c < cols; c++) {
        let outside = -1;
        for (let i = 0; i < count; i++) {
          const h = heights[i];
          const w = widths[i];
          if ((h !== 1 && r >= h) || (w !== 1 && c >= w)) outside = i;
          raw[i] = at(args[i], r, c, h, w);
        }
        line[c] =
          outside >= 0
            ? excelError("#N/A", `${params[outside].name} has no value at this position: the ranges differ in size.`)
            : cell(raw);
      }
      out[r] = line;
    }
    return out;
  };

  /**
   * The common case, one range among scalars (`=RARE.SHARE(A:A)`, `=RARE.PRODUCTION(A2:A500,2024)`):
   * the functions are pure, so a value met again in the range gets the answer it got before.
   * A column of 2,000 names repeated down 1,048,576 rows then costs 2,000 lookups, not a million,
   * well inside the seconds Excel gives an add-in before it restarts it.
   */
  const overOneRange = (
    args: readonly unknown[],
    ranged: number,
    rows: number,
    cols: number,
    heights: readonly number[],
    widths: readonly number[],
  ): CellResult[][] => {
    const raw: unknown[] = new Array(count);
    for (let i = 0; i < count; i++) raw[i] = i === ranged ? null : at(args[i], 0, 0, heights[i], widths[i]);
    const range = args[ranged] as unknown[];
    const answers = new Map<unknown, CellResult>();
    const out: CellResult[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const line: CellResult[] = new Array(cols);
      for (let c = 0; c < cols; c++) {
        const v = at(range, r, c, rows, cols);
        const primitive = typeof v === "string" || typeof v === "number" || typeof v === "boolean";
        let answer = primitive ? answers.get(v) : undefined;
        if (answer === undefined) {
          raw[ranged] = v;
          answer = cell(raw);
          if (primitive && answers.size < MAX_REMEMBERED) answers.set(v, answer);
        }
        line[c] = answer;
      }
      out[r] = line;
    }
    return out;
  };
  return Object.assign(run, { params });
}

/** Distinct values remembered per call: a column of a million different texts must not hold a million answers. */
const MAX_REMEMBERED = 65_536;

/** The one argument that is a range while every other is a single value, or -1. */
function rangedArgument(heights: readonly number[], widths: readonly number[]): number {
  let found = -1;
  for (let i = 0; i < heights.length; i++) {
    if (heights[i] === 1 && widths[i] === 1) continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

/** One value of an argument (of the given height and width) at a broadcast position; omitted arguments stay null. */
function at(a: unknown, r: number, c: number, height: number, width: number): unknown {
  if (!Array.isArray(a)) return a ?? null;
  const row = height === 1 ? a[0] : a[r];
  if (!Array.isArray(row)) return row ?? null; // a 1-D array: tolerate it as one row
  const v = width === 1 ? row[0] : row[c];
  return v === undefined ? null : v;
}

function widest(a: unknown[]): number {
  let w = 0;
  for (const row of a) {
    const n = Array.isArray(row) ? row.length : 1;
    if (n > w) w = n;
  }
  return w;
}

/** Results are finite numbers, text or logicals; anything else is a bug surfaced as #VALUE!. */
function checked(v: unknown): CellResult {
  if (isRareError(v)) return toExcelError(v);
  if (typeof v === "number") {
    if (Number.isFinite(v)) return v === 0 ? 0 : v;
    throw invalidValue("The result is not a finite number.");
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  throw invalidValue("The result has no value.");
}

/** For functions that spill a whole table from one argument (LIST, TABLE). */
export function single(arg: unknown, name: string): unknown {
  if (!Array.isArray(arg)) return arg ?? null;
  if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) return arg[0][0];
  if (arg.length === 1 && !Array.isArray(arg[0])) return arg[0];
  throw invalidValue(`${name} takes one value, not a range.`);
}

/**
 * LIST and TABLE: one argument (a range is refused), an error in it propagates, otherwise
 * it is coerced like any parameter and the table spills.
 */
export function spillOne<T>(p: Param<T>, compute: (value: T) => (string | number | boolean)[][]): Lifted {
  const run = (arg: unknown): CellResult[][] => {
    let value: unknown;
    try {
      value = readCell(single(arg, p.name), p.name);
    } catch (e) {
      return [[toExcelError(e)]];
    }
    if (value !== null && typeof value === "object") return [[value as ExcelError]];
    return spill(() => compute(p.coerce(value, p.name)));
  };
  return Object.assign(run, { params: [p] });
}

/** Wraps a table-returning computation: any failure is one error cell, never an exception. */
export function spill(compute: () => (string | number | boolean)[][]): CellResult[][] {
  try {
    const table = compute();
    const width = table.reduce((w, row) => Math.max(w, row.length), 0);
    if (table.length === 0 || width === 0) return [[excelError("#N/A", "No rows to show.")]];
    // Excel needs a rectangle; pad short rows with blanks.
    return table.map((row) =>
      row.length === width
        ? row.map(checkedCell)
        : [...row.map(checkedCell), ...new Array<string>(width - row.length).fill("")],
    );
  } catch (e) {
    return [[toExcelError(e)]];
  }
}

function checkedCell(v: unknown): CellResult {
  if (v === null || v === undefined) return "";
  try {
    return checked(v);
  } catch (e) {
    return toExcelError(e);
  }
}

/**
 * A table from several single-value arguments (HISTORY): a range or an error cell in any
 * argument is the answer, otherwise the arguments are coerced in order and the table spills.
 */
export function spillArgs<const P extends readonly Param<unknown>[]>(
  params: P,
  compute: (...values: Values<P>) => (string | number | boolean)[][],
): Lifted {
  const run = (...args: unknown[]): CellResult[][] => {
    const values: unknown[] = [];
    for (let i = 0; i < params.length; i++) {
      let value: unknown;
      try {
        value = readCell(single(args[i], params[i].name), params[i].name);
      } catch (e) {
        return [[toExcelError(e)]];
      }
      if (value !== null && typeof value === "object") return [[value as ExcelError]];
      values.push(value);
    }
    return spill(() => compute(...(params.map((p, i) => p.coerce(values[i], p.name)) as Values<P>)));
  };
  return Object.assign(run, { params });
}
