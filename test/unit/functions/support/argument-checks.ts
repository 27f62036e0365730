/**
 * The argument checks every RARE function's tests make, as tables. A test names each argument
 * it checks ("RISK field", "year") and gives, in `argumentOf`, the call that hands that argument
 * one value; each row of a table then names the argument it is about.
 */
import { didYouMean, expectErrorResult, expectErrorsPassThrough } from "../cells";

export type ArgumentCalls = Record<string, (value: unknown) => unknown[][]>;

/** An error cell in each argument comes back unchanged. */
export function itPassesErrorCellsOn(argumentOf: ArgumentCalls): void {
  it.each(Object.keys(argumentOf))("%s: an error in that cell propagates unchanged", (argument) => {
    expectErrorsPassThrough(argumentOf[argument]);
  });
}

/** Each [argument, value, message] row: that value in that argument is #VALUE! with the message. */
export function itRejectsWrongTypes<A extends ArgumentCalls>(
  argumentOf: A,
  rows: ReadonlyArray<readonly [keyof A & string, unknown, RegExp]>,
): void {
  it.each(rows)("%s %j is #VALUE! naming the argument", (argument, value, message) => {
    expectErrorResult(argumentOf[argument](value), "#VALUE!", message);
  });
}

/** Each [argument, what, typed, meant] row: an unknown name is #N/A `Unknown <what> "<typed>".`, suggesting `meant`. */
export function itSuggestsForUnknownNames<A extends ArgumentCalls>(
  argumentOf: A,
  rows: ReadonlyArray<readonly [keyof A & string, string, string, string]>,
): void {
  it.each(rows)('%s: an unknown %s is #N/A with "Did you mean …?"', (argument, what, typed, meant) => {
    expectErrorResult(argumentOf[argument](typed), "#N/A", `Unknown ${what} "${typed}".`, didYouMean(meant));
  });
}
