/**
 * The one map from RARE's domain errors to the errors Excel shows. The custom functions
 * (functions/excel-error.ts) and the preview's formula engine (scenario/ffp-adapter.ts) both
 * use it, so a failing call reads the same in Excel and in the preview.
 */
import type { ExcelErrorCode } from "./values";

/** The codes a custom function can return (Excel shows the message for #VALUE! and #N/A only). */
export type FunctionErrorCode = Extract<ExcelErrorCode, "#N/A" | "#VALUE!" | "#NUM!">;

/**
 * Keyed by the domain's error codes (RareErrorCode in src/data/errors.ts). src/excel imports
 * nothing, so the keys are checked where both meet: indexing this map with a RareErrorCode
 * (functions/excel-error.ts, scenario/ffp-adapter.ts) fails to compile if a code is missing.
 */
export const EXCEL_CODE_FOR = {
  notAvailable: "#N/A",
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
} as const satisfies Readonly<Record<string, FunctionErrorCode>>;

/** Any other exception: Excel shows #VALUE! for a custom function that fails. */
export const UNEXPECTED_ERROR_CODE: FunctionErrorCode = "#VALUE!";
