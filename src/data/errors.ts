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

export class RareError extends Error {
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

export function isRareError(e: unknown): e is RareError {
  return e instanceof RareError;
}
