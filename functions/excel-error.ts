/**
 * Maps domain errors to the errors Excel shows. Inside Excel the custom-functions
 * runtime defines CustomFunctions.Error; outside Excel (the browser preview, Node
 * tests) office.js defines CustomFunctions without it, so an equivalent stand-in with
 * the same shape ({code, message}) is used. Excel shows the message for #VALUE! and
 * #N/A only; it drops it for #NUM!, so #NUM! messages are for the preview and tests.
 */
import { isRareError, type RareErrorCode } from "../src/data/errors";

export type ExcelErrorCode = "#N/A" | "#VALUE!" | "#NUM!";

export interface ExcelError {
  code: string;
  message?: string;
}

/** Stand-in for CustomFunctions.Error where the runtime does not define it. */
export class PreviewError implements ExcelError {
  readonly type = "Error";
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const codeFor: Record<RareErrorCode, ExcelErrorCode> = {
  notAvailable: "#N/A",
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
};

type ErrorCtor = new (code: never, message?: string) => ExcelError;

function runtimeErrorClass(): ErrorCtor | undefined {
  const cf = (globalThis as { CustomFunctions?: { Error?: ErrorCtor } }).CustomFunctions;
  return cf && typeof cf.Error === "function" ? cf.Error : undefined;
}

export function excelError(code: ExcelErrorCode, message: string): ExcelError {
  // Looked up per call: the runtime may define CustomFunctions.Error after this bundle loads.
  const Runtime = runtimeErrorClass();
  return Runtime ? new Runtime(code as never, message) : new PreviewError(code, message);
}

/** Any thrown value becomes an Excel error; unexpected exceptions never reach Excel raw. */
export function toExcelError(e: unknown): ExcelError {
  if (isRareError(e)) return excelError(codeFor[e.code], e.message);
  const detail = e instanceof Error ? e.message : String(e);
  return excelError("#VALUE!", `RARE could not compute this: ${detail}`);
}

/** An error value arriving as an argument (from a cell holding an error). */
export function isExcelError(v: unknown): v is ExcelError {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
