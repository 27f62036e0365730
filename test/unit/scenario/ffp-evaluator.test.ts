import { notAvailable } from "../../../src/data/errors";
import { createFfpEvaluator } from "../../../src/scenario/ffp-evaluator";
import type { FormulaLookup } from "../../../src/workbook/formula-evaluator";

// A preview-like lookup, 0-based: A1 (0,0) = "Neodymium", B1 (0,1) = 0.5, B2 (1,1) = 0.25.
const values: Record<string, number | string> = { "0,0": "Neodymium", "0,1": 0.5, "1,1": 0.25 };
const lookup: FormulaLookup = {
  cell: (_sheet, row, col) => values[`${row},${col}`] ?? null,
  range: (_sheet, rect) =>
    Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => values[`${rect.row + r},${rect.col + c}`] ?? null),
    ),
  name: (name) =>
    name.toLowerCase() === "rare_s_cut" ? { sheet: "S", rect: { row: 0, col: 1, rows: 1, cols: 1 } } : undefined,
};

describe("createFfpEvaluator", () => {
  const evaluator = createFfpEvaluator({
    "RARE.GAP": (element, cut, mitigation) => {
      if (element !== "Neodymium") throw notAvailable("no share");
      return 0.8 * (cut as number) * (1 - ((mitigation as number | null) ?? 0));
    },
  });

  it("reads the preview's 0-based cells through 1-based A1 references", () => {
    expect(evaluator.evaluate("=RARE.GAP(A1,B1,B2)", { sheet: "S", row: 5, col: 0 }, lookup)).toBeCloseTo(0.3, 12);
    expect(evaluator.evaluate("=SUM(B1:B2)", { sheet: "S", row: 5, col: 0 }, lookup)).toBe(0.75);
  });

  it("resolves the preview's defined names", () => {
    expect(evaluator.evaluate("=RARE_S_Cut", { sheet: "S", row: 5, col: 0 }, lookup)).toBe(0.5);
  });

  it("returns errors as { error, message }", () => {
    expect(evaluator.evaluate('=RARE.GAP("Unobtainium",B1)', { sheet: "S", row: 5, col: 0 }, lookup)).toEqual({
      error: "#N/A",
      message: "no share",
    });
  });
});
