import { RareError, type RareErrorCode } from "../../../src/data/errors";
import { createFormulaEngine } from "../../../src/scenario/ffp-adapter";
import { isErrorValue } from "../../../src/excel/values";
import { toExcelError } from "../../../functions/excel-error";

// Excel's errors for a custom function: #N/A "not available", #VALUE! wrong kind of argument,
// #NUM! a number out of range (Microsoft: "How to correct a #N/A / #VALUE! / #NUM! error").
const EXPECTED: Record<RareErrorCode, string> = {
  notAvailable: "#N/A",
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
};

function previewResult(thrown: unknown) {
  const engine = createFormulaEngine({
    functions: {
      "RARE.FAIL": () => {
        throw thrown;
      },
    },
    getCell: () => undefined,
    getRange: () => [],
  });
  return engine.evaluate("=RARE.FAIL()", { sheet: "S", row: 1, col: 1 });
}

describe("one map from domain errors to Excel errors", () => {
  it.each(Object.keys(EXPECTED) as RareErrorCode[])(
    "%s reads the same in Excel's functions and in the preview, message kept",
    (code) => {
      const error = new RareError(code, `why ${code}`);
      const excel = toExcelError(error);
      const preview = previewResult(error);
      expect({ code: excel.code, message: excel.message }).toEqual({ code: EXPECTED[code], message: `why ${code}` });
      expect(isErrorValue(preview)).toBe(true);
      expect(preview).toEqual({ error: EXPECTED[code], message: `why ${code}` });
    },
  );

  it("an unexpected exception is #VALUE! in both", () => {
    expect(toExcelError(new TypeError("boom")).code).toBe("#VALUE!");
    expect(previewResult(new TypeError("boom"))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("error values", () => {
  it("are objects with an error code; text that looks like one is not", () => {
    expect(isErrorValue({ error: "#N/A" })).toBe(true);
    expect(isErrorValue({ error: "#NUM!", message: "cut above 100%" })).toBe(true);
    expect(isErrorValue("#N/A")).toBe(false);
    expect(isErrorValue([{ error: "#N/A" }])).toBe(false);
    expect(isErrorValue(null)).toBe(false);
  });
});
