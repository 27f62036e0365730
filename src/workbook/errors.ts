/**
 * Errors the workbook layer raises itself. Host errors (Office.js `OfficeExtension.Error`)
 * pass through untouched, except where import-writer.ts wraps them in an ImportError that
 * says what was undone.
 */
export type WorkbookErrorCode =
  /** An argument the port cannot accept: ragged array, bad name, value Excel would reject. */
  | "invalidArgument"
  | "sheetExists"
  | "sheetMissing"
  /** A table or defined name that is already taken. */
  | "nameExists"
  /** A Pending value read before its sync. */
  | "notSynced"
  /** The host lacks the requirement set an operation needs (the message names it). */
  | "unsupported"
  /** Add-in data over Excel's settings limit (addin-data.ts). */
  | "tooLarge"
  /** The whole import could not be written; see ImportError. */
  | "importFailed"
  | "importCancelled";

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WorkbookError";
  }
}

export function isWorkbookError(e: unknown, code?: WorkbookErrorCode): e is WorkbookError {
  return e instanceof WorkbookError && (code === undefined || e.code === code);
}

/** A readable message for anything thrown (Office.js errors carry `message` too). */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string") {
    return (e as { message: string }).message;
  }
  return String(e);
}
