/**
 * Property tests: every RARE function, given arbitrary Excel-shaped inputs, returns only
 * declared values or Excel errors, never throws, never NaN or Infinity, and the same input
 * always gives the same output. 10,000 runs per function (RARE_PROPERTY_RUNS to change).
 */
import fc from "fast-check";
import * as rare from "../../../functions/functions";
import { excelArgument } from "../../support/excel-arbitraries";
import { resultProblem } from "../../support/result-shape";

const runs = Number(process.env.RARE_PROPERTY_RUNS ?? 10_000);
const functions = Object.entries(rare).filter(([, fn]) => typeof fn === "function") as Array<[string, (...args: unknown[]) => unknown]>;

describe("RARE functions under arbitrary Excel inputs", () => {
  it("covers every exported function", () => {
    expect(functions.map(([name]) => name).sort()).toEqual(
      ["countryshare", "gap", "hhi", "list", "price", "priceimpact", "production", "reserves", "risk", "share", "source", "strategy", "table", "use", "version"],
    );
  });

  it.each(functions)("%s: well-typed, total, deterministic", (_name, fn) => {
    fc.assert(
      fc.property(fc.array(excelArgument, { minLength: fn.length, maxLength: fn.length }), (args) => {
        const first = fn(...args);
        const problem = resultProblem(first);
        if (problem) throw new Error(problem);
        expect(fn(...args)).toEqual(first);
      }),
      { numRuns: runs },
    );
  }, 120_000);
});
