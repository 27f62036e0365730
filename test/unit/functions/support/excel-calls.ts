/**
 * How Excel calls a RARE function, for the function tests: what it passes for an omitted
 * argument, and an error cell as an input.
 */
import { PreviewError } from "../../../../functions/excel-error";

/** An error cell as Excel would receive it (an input cell holding #DIV/0!). */
export const incoming = (): PreviewError => new PreviewError("#DIV/0!", "an error in an input cell");

/** A function re-typed so that every argument may also be null. */
type ExcelCall<F> = F extends (...args: infer A) => infer R ? (...args: { [K in keyof A]: A[K] | null }) => R : never;

/**
 * Excel passes `null` for an omitted optional argument (and for an empty cell), while the
 * functions' signatures say `arg?: unknown[][]` because that is what the metadata generator
 * reads. This re-types every function of the module, unchanged, so tests can pass null where
 * Excel does: `const { gap, priceimpact } = excelCalls(rare);`.
 */
export const excelCalls = <M extends object>(functions: M) =>
  functions as unknown as { [K in keyof M]: ExcelCall<M[K]> };
