/**
 * Property tests: every RARE function, given arbitrary Excel-shaped inputs, returns only
 * declared values or Excel errors, never throws, never NaN or Infinity, and the same input
 * always gives the same output. 10,000 runs per function (RARE_PROPERTY_RUNS to change).
 */
import fc from "fast-check";
import * as rare from "../../../functions/functions";
import { exportedFunctions, wellTypedTotalDeterministic } from "../../support/function-property";

const runs = Number(process.env.RARE_PROPERTY_RUNS ?? 10_000);
// The property lives in test/support so `npm run fuzz` runs exactly this one, a million times.
const functions = exportedFunctions(rare);

describe("RARE functions under arbitrary Excel inputs", () => {
  it("covers every exported function", () => {
    expect(functions.map(([name]) => name).sort()).toEqual([
      "country",
      "countryshare",
      "element",
      "gap",
      "hhi",
      "history",
      "list",
      "price",
      "priceimpact",
      "production",
      "reserves",
      "risk",
      "share",
      "source",
      "strategy",
      "table",
      "use",
      "usstat",
      "version",
    ]);
  });

  it.each(functions)(
    "%s: well-typed, total, deterministic",
    (_name, fn) => {
      fc.assert(wellTypedTotalDeterministic(fn), { numRuns: runs });
    },
    120_000,
  );
});
