/** The RareError a call throws; fails the test if it throws nothing or something else. */
import { isRareError, type RareError } from "../../src/data/errors";

export function caughtRareError(f: () => unknown): RareError {
  try {
    f();
  } catch (e) {
    if (isRareError(e)) return e;
    throw e;
  }
  throw new Error("expected a RareError");
}
