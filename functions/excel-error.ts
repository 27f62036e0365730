/**
 * Turns domain errors into the errors Excel shows, with the codes of src/excel/error-map.ts.
 * Inside Excel the custom-functions runtime defines CustomFunctions.Error; outside Excel
 * (the browser preview, Node tests) office.js defines CustomFunctions without it, so an
 * equivalent stand-in with the same shape ({code, message}) is used. Excel shows the message
 * for #VALUE! and #N/A only; it drops it for #NUM!, so #NUM! messages are for the preview and tests.
 */
import { isRareError } from "../src/data/errors";
import { EXCEL_CODE_FOR, UNEXPECTED_ERROR_CODE, type FunctionErrorCode } from "../src/excel/error-map";

/** The shape of CustomFunctions.Error (Office.js), as a function returns or receives it. */
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

type ErrorCtor = new (code: never, message?: string) => ExcelError;

function runtimeErrorClass(): ErrorCtor | undefined {
  const cf = (globalThis as { CustomFunctions?: { Error?: ErrorCtor } }).CustomFunctions;
  return cf && typeof cf.Error === "function" ? cf.Error : undefined;
}

// Identical errors share one value: a column of a million blanks or typos must not build a
// million error objects. Keyed by code, then by the message string itself (its hash is kept
// with the string, and memoised domain errors hand back the same string each time).
// Bounded, since messages can carry user text ("Did you mean ...").
const SHARED_LIMIT = 4096;
let shared = new Map<string, Map<string | undefined, ExcelError>>();
let sharedCount = 0;
let sharedFor: ErrorCtor | undefined;

function sharedError(code: string, message: string | undefined): ExcelError {
  // Looked up per call: the runtime may define CustomFunctions.Error after this bundle loads.
  const Runtime = runtimeErrorClass();
  if (Runtime !== sharedFor || sharedCount >= SHARED_LIMIT) {
    shared = new Map();
    sharedCount = 0;
    sharedFor = Runtime;
  }
  let byMessage = shared.get(code);
  if (!byMessage) shared.set(code, (byMessage = new Map()));
  let e = byMessage.get(message);
  if (!e) {
    e = Runtime ? new Runtime(code as never, message) : new PreviewError(code, message);
    byMessage.set(message, e);
    sharedCount++;
  }
  return e;
}

export function excelError(code: FunctionErrorCode, message: string): ExcelError {
  return sharedError(code, message);
}

/** The error an input cell holds (#DIV/0!, #REF!, ...), given as Excel shows it, to hand back unchanged. */
export function incomingError(code: string): ExcelError {
  return sharedError(code, undefined);
}

/** Any thrown value becomes an Excel error; unexpected exceptions never reach Excel raw. */
export function toExcelError(e: unknown): ExcelError {
  if (isRareError(e)) return excelError(EXCEL_CODE_FOR[e.code], e.message);
  const detail = e instanceof Error ? e.message : String(e);
  return excelError(UNEXPECTED_ERROR_CODE, `RARE could not compute this: ${detail}`);
}

/** An error value arriving as an argument (from a cell holding an error). */
export function isExcelError(v: unknown): v is ExcelError {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
