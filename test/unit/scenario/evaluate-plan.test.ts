/**
 * The formula check: every formula of a scenario plan evaluated with fast-formula-parser,
 * RARE functions registered as fakes over a small dataset that call the real model, and
 * the results compared with the model's own values for the same inputs.
 */
import type { ComputedValue } from "../../../src/excel/values";
import { combineMitigation, costImpact, gap, priceImpact } from "../../../src/model/scenario";

import { COL, GRID_CUTS, buildScenarioSheet, type ScenarioSheetInput } from "../../../src/scenario/scenario-layout";
import { createPlanSheet } from "../../../src/scenario/plan-evaluator";
import { fakeFunctions, fakeQueries } from "./support/fake-rare";

const input: ScenarioSheetInput = {
  sheetName: "Scenario Export Quotas",
  riskFactor: "Export Quotas",
  strategies: [
    { name: "Recycling Programs", offset: 0.1 },
    { name: "Domestic Mining Expansion", offset: 0.2 },
  ],
  elements: ["Neodymium", "Dysprosium", "Lanthanum", "Praseodymium"],
  cut: 0.3,
  elasticity: 0.5,
};
const elements = input.elements;
const plan = buildScenarioSheet(input);
const { cut, elasticity, mitigation, offsets, firstElementRow, totalCost, grid } = plan.anchors;
const rowOf = (element: string) => firstElementRow + elements.indexOf(element);
const priced = ["Neodymium", "Dysprosium", "Lanthanum"];
/** 1 − (1 − 0.1)(1 − 0.2) = 0.28 as the sheet computes it (0.27999…, not the literal 0.28). */
const m = combineMitigation([0.1, 0.2]);

function fresh() {
  return createPlanSheet(plan, fakeFunctions);
}
const errorOf = (v: ComputedValue) => (typeof v === "object" && v !== null ? v.error : undefined);

describe("scenario plan evaluated with fast-formula-parser", () => {
  it("evaluates every formula; the only errors are #N/A where the sources have no figure", () => {
    const sheet = fresh();
    const prRow = rowOf("Praseodymium");
    const prGridCol = grid.col + 1 + elements.indexOf("Praseodymium");
    const lookedUp = new Set<number>([COL.share, COL.gap, COL.price, COL.change]);
    for (const cell of plan.cells.filter((c) => c.formula !== undefined)) {
      const value = sheet.get(cell.row, cell.col);
      const expectsNA =
        (cell.row === prRow && lookedUp.has(cell.col)) || (cell.col === prGridCol && cell.row > grid.row);
      if (expectsNA) expect([cell.formula, errorOf(value)]).toEqual([cell.formula, "#N/A"]);
      else expect([cell.formula, errorOf(value)]).toEqual([cell.formula, undefined]);
    }
  });

  it("shows the risk factor's texts and sources from the dataset", () => {
    const sheet = fresh();
    expect(sheet.get(3, 2)).toBe("Supply shortages, delayed production");
    expect(sheet.get(4, 2)).toBe("Build alternative supply chains");
    expect(sheet.get(5, 2)).toBe("Source of risk Export Quotas");
    expect(sheet.get(rowOf("Neodymium"), COL.shareSource)).toBe("Source of share Neodymium");
  });

  it("combines the offsets like the model", () => {
    // 1 − (1 − 0.1)(1 − 0.2) = 1 − 0.72 = 0.28
    expect(fresh().get(mitigation.row, mitigation.col)).toBe(combineMitigation([0.1, 0.2]));
    expect(fresh().get(mitigation.row, mitigation.col)).toBeCloseTo(0.28, 12);
  });

  it.each(priced)("%s: share, gap, price and price change equal the model's", (element) => {
    const sheet = fresh();
    const r = rowOf(element);
    expect(sheet.get(r, COL.share)).toBe(fakeQueries.share(element, null));
    expect(sheet.get(r, COL.gap)).toBe(gap(fakeQueries, element, 0.3, m));
    expect(sheet.get(r, COL.price)).toBe(fakeQueries.price(element, null));
    expect(sheet.get(r, COL.change)).toBe(priceImpact(fakeQueries, element, 0.3, 0.5, m));
    expect(sheet.get(r, COL.cost)).toBe(""); // no exposure entered yet
  });

  it("Neodymium by hand: gap 17.28 %, price change 46.14 % (constant), 34.56 % (linear)", () => {
    const sheet = fresh();
    const nd = rowOf("Neodymium");
    // gap = 0.8 × 0.3 × (1 − 0.28) = 0.1728; change = (1 − 0.1728)^(−1/0.5) − 1 = 1/0.8272² − 1
    expect(sheet.get(nd, COL.gap)).toBeCloseTo(0.1728, 12);
    expect(sheet.get(nd, COL.change)).toBeCloseTo(1 / 0.8272 ** 2 - 1, 12);
    // The model cell switches the whole sheet: 0.1728 ÷ 0.5 = 0.3456.
    sheet.set(plan.anchors.model.row, plan.anchors.model.col, { value: "linear" });
    expect(sheet.get(nd, COL.change)).toBeCloseTo(0.3456, 12);
    sheet.set(plan.anchors.model.row, plan.anchors.model.col, { value: "cubic" });
    expect(errorOf(sheet.get(nd, COL.change))).toBe("#VALUE!");
  });

  it("computes cost from the exposure typed in, like the model, and totals it", () => {
    const sheet = fresh();
    const nd = rowOf("Neodymium");
    const la = rowOf("Lanthanum");
    sheet.set(nd, COL.exposure, { value: 100 });
    sheet.set(la, COL.exposure, { value: 2.5 });
    const ndChange = priceImpact(fakeQueries, "Neodymium", 0.3, 0.5, m);
    const laChange = priceImpact(fakeQueries, "Lanthanum", 0.3, 0.5, m);
    expect(sheet.get(nd, COL.cost)).toBe(costImpact(100, 56, sheet.get(nd, COL.change) as number));
    // 100 t × 1,000 × 56 USD/kg × (1/0.8272² − 1)
    const ndCost = 100 * 1000 * 56 * (1 / 0.8272 ** 2 - 1);
    expect(sheet.get(nd, COL.cost)).toBeCloseTo(ndCost, 4);
    expect(sheet.get(nd, COL.change)).toBeCloseTo(ndChange, 12);
    // 2.5 t × 1,000 × 1 USD/kg × ((1 − 0.7 × 0.3 × 0.72)^−2 − 1)
    const laCost = 2.5 * 1000 * 1 * ((1 - 0.7 * 0.3 * 0.72) ** -2 - 1);
    expect(sheet.get(la, COL.cost)).toBeCloseTo(costImpact(2.5, 1, laChange), 6);
    expect(sheet.get(la, COL.cost)).toBeCloseTo(laCost, 6);
    expect(sheet.get(totalCost.row, totalCost.col)).toBeCloseTo(ndCost + laCost, 4);
  });

  it("shows #N/A for cost and total where an exposure is entered but no price is sourced", () => {
    const sheet = fresh();
    sheet.set(rowOf("Neodymium"), COL.exposure, { value: 100 });
    sheet.set(rowOf("Praseodymium"), COL.exposure, { value: 5 });
    expect(errorOf(sheet.get(rowOf("Praseodymium"), COL.cost))).toBe("#N/A");
    expect(errorOf(sheet.get(totalCost.row, totalCost.col))).toBe("#N/A");
  });

  it("fills the sensitivity grid with the model's gap for each cut and element", () => {
    const sheet = fresh();
    elements.forEach((element, e) => expect(sheet.get(grid.row, grid.col + 1 + e)).toBe(element));
    GRID_CUTS.forEach((gridCut, i) => {
      priced.forEach((element) => {
        const col = grid.col + 1 + elements.indexOf(element);
        expect(sheet.get(grid.row + 2 + i, col)).toBe(gap(fakeQueries, element, gridCut, m));
      });
    });
    // 100 % cut on Dysprosium: 0.85 × 1 × 0.72 = 0.612
    expect(sheet.get(grid.row + 11, grid.col + 2)).toBeCloseTo(0.612, 12);
    // The first row is the current cut (30 %), so it equals the table's gap.
    expect(sheet.get(plan.anchors.currentCut.row, 1)).toBe(0.3);
    priced.forEach((element) => {
      expect(sheet.get(plan.anchors.currentCut.row, grid.col + 1 + elements.indexOf(element))).toBe(
        sheet.get(rowOf(element), COL.gap),
      );
    });
  });

  it("recalculates gap, price change and the grid's current-cut row when the Cut cell changes; fixed rows stay", () => {
    const sheet = fresh();
    const nd = rowOf("Neodymium");
    const current = plan.anchors.currentCut.row;
    const fixedBefore = sheet.get(grid.row + 2, grid.col + 1);
    sheet.set(cut.row, cut.col, { value: 0.6 });
    expect(sheet.get(nd, COL.gap)).toBe(gap(fakeQueries, "Neodymium", 0.6, m));
    expect(sheet.get(nd, COL.change)).toBe(priceImpact(fakeQueries, "Neodymium", 0.6, 0.5, m));
    expect(sheet.get(nd, COL.gap)).toBeCloseTo(0.3456, 12); // 0.8 × 0.6 × 0.72
    expect(sheet.get(current, 1)).toBe(0.6);
    expect(sheet.get(current, grid.col + 1)).toBe(sheet.get(nd, COL.gap));
    expect(sheet.get(grid.row + 2, grid.col + 1)).toBe(fixedBefore);
  });

  it("recalculates mitigation, gap and the grid when a strategy offset changes", () => {
    const sheet = fresh();
    sheet.set(offsets[0].row, offsets[0].col, { value: 0.5 });
    // 1 − (1 − 0.5)(1 − 0.2) = 0.6
    expect(sheet.get(mitigation.row, mitigation.col)).toBeCloseTo(0.6, 12);
    expect(sheet.get(rowOf("Neodymium"), COL.gap)).toBeCloseTo(0.8 * 0.3 * 0.4, 12);
    expect(sheet.get(grid.row + 6, grid.col + 1)).toBe(
      gap(fakeQueries, "Neodymium", 0.5, combineMitigation([0.5, 0.2])),
    );
  });

  it("recalculates price change when the elasticity changes, and refuses one too large to compute", () => {
    const sheet = fresh();
    const nd = rowOf("Neodymium");
    sheet.set(elasticity.row, elasticity.col, { value: 0.25 });
    expect(sheet.get(nd, COL.change)).toBeCloseTo(0.8272 ** -4 - 1, 12);
    // 0.8272^(−10,000) is beyond a double.
    sheet.set(elasticity.row, elasticity.col, { value: 0.0001 });
    expect(sheet.get(nd, COL.change)).toMatchObject({ error: "#NUM!", message: expect.stringMatching(/too large/) });
  });

  it("turns bad assumptions into the model's errors, with its messages", () => {
    const sheet = fresh();
    const nd = rowOf("Neodymium");
    sheet.set(cut.row, cut.col, { value: 80 });
    expect(sheet.get(nd, COL.gap)).toEqual({
      error: "#NUM!",
      message: "Cut 80 (8000%) is outside 0..1 (0% to 100%). If you meant 80%, enter 80% or 0.8.",
    });
    sheet.set(cut.row, cut.col, { value: 0.3 });
    sheet.set(elasticity.row, elasticity.col, { value: 0 });
    expect(errorOf(sheet.get(nd, COL.change))).toBe("#NUM!");
    expect(errorOf(sheet.get(nd, COL.gap))).toBeUndefined();
    sheet.set(offsets[1].row, offsets[1].col, { value: 3 }); // 300 % → combined 1 − 0.9 × (−2) = 2.8
    expect(errorOf(sheet.get(nd, COL.gap))).toBe("#NUM!");
  });

  it("resolves the plan's named ranges to the assumption cells", () => {
    const sheet = fresh();
    const name = (suffix: string) => `RARE_${plan.sheetKey}_${suffix}`;
    expect(sheet.evaluate(`=${name("Cut")}`)).toBe(0.3);
    expect(sheet.evaluate(`=${name("Elasticity")}`)).toBe(0.5);
    expect(sheet.evaluate(`=${name("Mitigation")}`)).toBe(sheet.get(mitigation.row, mitigation.col));
    expect(sheet.evaluate(`=${name("Mit_Recycling_Programs")}`)).toBe(0.1);
    sheet.set(rowOf("Neodymium"), COL.exposure, { value: 100 });
    expect(sheet.evaluate(`=SUM(${name("Exposure")})`)).toBe(100);
    // A user's own formula using the names agrees with the table.
    expect(sheet.evaluate(`=RARE.GAP("Neodymium",${name("Cut")},${name("Mitigation")})`)).toBe(
      sheet.get(rowOf("Neodymium"), COL.gap),
    );
  });

  it("evaluates a plan without strategies and with a price year", () => {
    const bare = buildScenarioSheet({ ...input, strategies: [], priceYear: 2024 });
    const sheet = createPlanSheet(bare, fakeFunctions);
    const r = bare.anchors.firstElementRow;
    expect(sheet.get(bare.anchors.mitigation.row, 2)).toBe(0);
    expect(sheet.get(r, COL.gap)).toBe(gap(fakeQueries, "Neodymium", 0.3, 0));
    expect(sheet.get(r, COL.price)).toBe(56);
    expect(sheet.get(r, COL.priceSource)).toBe("Source of price Neodymium 2024");
  });
});

describe("createPlanSheet", () => {
  it("reports a circular reference instead of recursing", () => {
    const sheet = createPlanSheet(plan, fakeFunctions);
    sheet.set(40, 1, { formula: "=A41+1" });
    sheet.set(41, 1, { formula: "=A40+1" });
    expect(errorOf(sheet.get(40, 1))).toBe("#REF!");
  });
});
