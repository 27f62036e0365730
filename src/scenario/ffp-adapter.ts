/**
 * A thin adapter over fast-formula-parser (MIT) so the preview host and the tests evaluate a
 * sheet's formulas as Excel would, with RARE functions registered as plain JS functions.
 *
 *   const engine = createFormulaEngine({
 *     functions: { "RARE.SHARE": (element, stage) => data.share(element as string, stage as string | null) },
 *     getCell: (sheet, row, col) => …,            // 1-based; a formula cell → its evaluated value
 *     getRange: (sheet, from, to) => …,           // 2-D array, rows × cols
 *     resolveName: (name) => …,                   // optional: defined names → cell or block
 *   });
 *   engine.evaluate("=RARE.GAP(A13,$B$8,$B$12)", { sheet: "RARE Export Quotas", row: 13, col: 3 });
 *
 * What it settles, so hosts do not have to:
 * - Arguments reach a function as plain values: number, string, boolean, null (empty cell
 *   or omitted argument), or a 2-D array for a range. Excel's convention for custom
 *   functions is followed: if a scalar argument is an error the function is not called and
 *   the error is the result.
 * - A thrown RareError becomes the Excel error of its code (#N/A, #VALUE!, #NUM!) keeping
 *   its message; any other exception becomes #VALUE!, as Excel shows a failing custom function.
 * - Results come back as ComputedValue: errors as { error: "#N/A", message } objects, never
 *   as exceptions, including text the parser cannot read ("#ERROR!").
 * - fast-formula-parser's SUM, AVERAGE and PRODUCT skip error values in referenced cells;
 *   Excel propagates them. They are wrapped to propagate, so a total over a column
 *   holding #N/A is #N/A in the preview as in Excel.
 * - getCell may evaluate formulas itself (lazy recalculation): evaluate is re-entrant.
 * Not settled: recalculation order and caching are the host's (see plan-evaluator.ts for a
 * lazy one-sheet evaluator).
 */
import FormulaParser from "fast-formula-parser";
import { isRareError } from "../data/errors";
import { EXCEL_CODE_FOR, UNEXPECTED_ERROR_CODE } from "../excel/error-map";
import {
  isEntityValue,
  isErrorValue,
  type ComputedValue,
  type ExcelErrorCode,
  type ResultValue,
} from "../excel/values";

const { FormulaError } = FormulaParser;
type FfpError = InstanceType<typeof FormulaError>;

/** Arguments: ComputedValue scalars (errors never reach the function) or ComputedValue[][] for ranges. */
export type EngineFunction = (...args: unknown[]) => unknown;

export interface CellPosition {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface NameTarget {
  readonly sheet?: string;
  readonly row: number;
  readonly col: number;
  readonly rows?: number;
  readonly cols?: number;
}

export interface FormulaEngineConfig {
  /** Custom functions by their formula name, e.g. "RARE.SHARE" (case-insensitive). */
  readonly functions: Readonly<Record<string, EngineFunction>>;
  /** 1-based. Return the cell's value; for a formula cell, its evaluated value. */
  getCell(sheet: string, row: number, col: number): ComputedValue | undefined;
  /** 1-based, inclusive. Bound whole-column references (A:A) to the data you hold. */
  getRange(
    sheet: string,
    from: { row: number; col: number },
    to: { row: number; col: number },
  ): Array<Array<ComputedValue | undefined>>;
  /** Defined names (workbook-scoped, case-insensitive); null → #NAME?. */
  resolveName?(name: string, sheet: string): NameTarget | null;
}

export interface FormulaEngine {
  /**
   * Evaluate one formula (with or without the leading "=") as if it sat at `at`. An array
   * result gives its top-left value and an entity its text, as a cell without spilling shows them.
   */
  evaluate(formula: string, at: CellPosition): ComputedValue;
  /**
   * The same, as dynamic-array Excel computes it: an array result (a range, an array constant,
   * a function's matrix) comes back whole, for the host to spill; a 1×1 array is its value;
   * entities stay entities.
   */
  evaluateDynamic(formula: string, at: CellPosition): ResultValue | ResultValue[][];
}

function toFfp(value: ComputedValue | undefined): unknown {
  if (value === undefined) return null;
  return isErrorValue(value) ? new FormulaError(value.error, value.message ?? "") : value;
}

function fromFfp(value: unknown): ComputedValue {
  if (isEntityValue(value)) return value.text ?? "";
  return fromFfpRich(value) as ComputedValue;
}

/** As fromFfp, keeping entities. */
function fromFfpRich(value: unknown): ResultValue {
  if (isEntityValue(value)) return value;
  if (value instanceof FormulaError) {
    const e = value as FfpError;
    return e.message ? { error: e.error as ExcelErrorCode, message: e.message } : { error: e.error as ExcelErrorCode };
  }
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return { error: "#VALUE!", message: "The formula returned a value a cell cannot hold." };
}

/**
 * A data-type cell value (an Excel.CellValue object: an entity, a formatted number …). Excel
 * hands it to a custom function as that object when functions.json sets
 * allowCustomDataForDataTypeAny, as RARE's does
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts).
 */
const isDataTypeValue = (v: unknown): boolean =>
  typeof v === "object" &&
  v !== null &&
  !(v instanceof FormulaError) &&
  !Array.isArray(v) &&
  typeof (v as { type?: unknown }).type === "string";

const argumentCell = (v: unknown): unknown => (isDataTypeValue(v) ? v : fromFfp(v));

/** Excel's form of an argument: ranges as 2-D arrays, errors as ErrorValue, empty as null, data types as they are. */
function liftArgument(arg: FormulaParser.Argument): unknown {
  if (arg.omitted) return null;
  if (Array.isArray(arg.value)) return (arg.value as unknown[][]).map((row) => row.map(argumentCell));
  return argumentCell(arg.value);
}

function thrownToFfp(e: unknown): FfpError {
  if (e instanceof FormulaError) return e as FfpError;
  if (isRareError(e)) return new FormulaError(EXCEL_CODE_FOR[e.code], e.message);
  return new FormulaError(UNEXPECTED_ERROR_CODE, e instanceof Error ? e.message : String(e));
}

function registerCustom(fn: EngineFunction) {
  return (...args: FormulaParser.Argument[]) => {
    const firstError = args.find((a) => !a.omitted && a.value instanceof FormulaError);
    if (firstError) return firstError.value;
    try {
      const result = fn(...args.map(liftArgument));
      if (result === undefined || result === null) return new FormulaError("#VALUE!", "The function returned nothing.");
      if (isErrorValue(result)) return toFfp(result);
      // The parser refuses an object as a result; a 1×1 array carries an entity through it.
      if (isEntityValue(result)) return [[result]];
      // Error cells of an array result stay errors for INDEX, ISERROR and the like.
      if (Array.isArray(result)) return result.map((row) => (Array.isArray(row) ? row.map(toFfp) : toFfp(row)));
      return result;
    } catch (e) {
      // fast-formula-parser turns a thrown FormulaError into the cell's value.
      throw thrownToFfp(e);
    }
  };
}

// (fast-formula-parser 1.0.19 has no MIN or MAX at all: a preview shows #ERROR! for them.)
const ERROR_PROPAGATING = ["SUM", "AVERAGE", "PRODUCT"];

function firstErrorIn(args: FormulaParser.Argument[]): FfpError | undefined {
  for (const arg of args) {
    const values = Array.isArray(arg.value) ? (arg.value as unknown[][]).flat() : [arg.value];
    const found = values.find((v) => v instanceof FormulaError);
    if (found) return found as FfpError;
  }
  return undefined;
}

export function createFormulaEngine(config: FormulaEngineConfig): FormulaEngine {
  const functions: Record<string, (...args: FormulaParser.Argument[]) => unknown> = {};
  for (const [name, fn] of Object.entries(config.functions)) functions[name.toUpperCase()] = registerCustom(fn);

  const newParser = () => {
    const parser = new FormulaParser({
      functions,
      onCell: (ref) => toFfp(config.getCell(ref.sheet, ref.row, ref.col)),
      onRange: (ref) => config.getRange(ref.sheet, ref.from, ref.to).map((row) => row.map(toFfp)),
      onVariable: (name, sheet) => {
        const target = config.resolveName?.(name, sheet ?? "") ?? null;
        if (target === null) return null;
        const onSheet = target.sheet ?? sheet;
        const rows = target.rows ?? 1;
        const cols = target.cols ?? 1;
        if (rows === 1 && cols === 1) return { sheet: onSheet, row: target.row, col: target.col };
        return {
          sheet: onSheet,
          from: { row: target.row, col: target.col },
          to: { row: target.row + rows - 1, col: target.col + cols - 1 },
        };
      },
    });
    for (const name of ERROR_PROPAGATING) {
      const builtin = parser.functions[name];
      if (!builtin || functions[name]) continue;
      parser.functions[name] = (...args) => firstErrorIn(args) ?? builtin(...args);
    }
    return parser;
  };

  // A parser is not re-entrant (it keeps its token stream on itself), yet getCell may
  // evaluate a formula cell while an outer formula is being parsed. One parser per nesting
  // depth, created on first need and reused.
  const parsers: FormulaParser[] = [];
  let depth = 0;

  const run = (formula: string, at: CellPosition, arrays: boolean): unknown => {
    const text = formula.startsWith("=") ? formula.slice(1) : formula;
    if (text.trim() === "") return new FormulaError("#ERROR!", "Empty formula.");
    const parser = (parsers[depth] ??= newParser());
    depth++;
    try {
      return parser.parse(text, { sheet: at.sheet, row: at.row, col: at.col }, arrays);
    } catch (e) {
      // Parse errors (and anything the parser itself throws) become a visible cell error.
      const err = thrownToFfp(e);
      return new FormulaError((err.error as ExcelErrorCode) ?? "#ERROR!", err.message);
    } finally {
      depth--;
    }
  };

  return {
    evaluate: (formula, at) => fromFfp(run(formula, at, false)),
    evaluateDynamic(formula, at) {
      const result = run(formula, at, true);
      // A formula showing a blank cell (=A1) shows 0, in a spilled block too, as Excel does.
      if (result === null || result === undefined) return 0;
      if (!Array.isArray(result)) return fromFfpRich(result);
      const grid = (result as unknown[]).map((row) => (Array.isArray(row) ? row : [row]));
      if (grid.length === 1 && grid[0].length === 1) return fromFfpRich(grid[0][0] ?? 0);
      return grid.map((row) => row.map((v) => (v === null || v === undefined ? 0 : fromFfpRich(v))));
    },
  };
}
