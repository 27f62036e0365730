/**
 * Domain errors. src/ never knows about CustomFunctions: functions/ maps each code to
 * the Excel error users expect (#N/A, #VALUE!, #NUM!) and keeps the message as the
 * error's text, which Excel shows in the cell's error tooltip.
 */
export type RareErrorCode =
  /** #N/A: the name resolves to nothing, or a known name has no sourced figure. */
  | "notAvailable"
  /** #VALUE!: wrong type, blank required argument, unknown field or kind, year out of range. */
  | "invalidValue"
  /** #NUM!: a number outside its allowed range (cut or mitigation outside 0..1, elasticity <= 0). */
  | "invalidNumber";

/**
 * A registered symbol is the same in every bundle and every realm (Symbol.for), unlike a
 * class: a RareError raised by another copy of this module (a second bundle, a vm
 * context, an iframe) is still recognised by isRareError, where `instanceof` would not.
 */
const BRAND = Symbol.for("rare.RareError");

export class RareError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: RareErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RareError";
  }
}

export const notAvailable = (message: string): RareError => new RareError("notAvailable", message);
export const invalidValue = (message: string): RareError => new RareError("invalidValue", message);
export const invalidNumber = (message: string): RareError => new RareError("invalidNumber", message);

const CODES: ReadonlySet<string> = new Set<RareErrorCode>(["notAvailable", "invalidValue", "invalidNumber"]);

export function isRareError(e: unknown): e is RareError {
  if (typeof e !== "object" || e === null || (e as { [BRAND]?: unknown })[BRAND] !== true) return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return typeof code === "string" && CODES.has(code) && typeof message === "string";
}
