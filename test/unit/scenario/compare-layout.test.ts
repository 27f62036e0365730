/**
 * The comparison sheet's formulas evaluated with fast-formula-parser over the fake RARE
 * functions (which call the real model), against the model's own figures: one column per
 * scenario, an edit to one scenario's cut moving only its column, and a tornado whose live
 * values equal src/model/tornado.ts and whose rows are the assumptions sorted by swing.
 */
import { RISK_FACTOR_PRESETS, STRATEGY_PRESETS } from "../../../src/model/presets";
import { combineMitigation, gap, priceImpact } from "../../../src/model/scenario";
import { defaultBounds, tornadoRows, type TornadoElement } from "../../../src/model/tornado";
import { buildComparisonSheet, TORNADO_HEADERS, type ComparisonInput } from "../../../src/scenario/compare-layout";
import { createPlanSheet } from "../../../src/scenario/plan-evaluator";
import { cellAt } from "./support/plan-grid";
import { fakeFunctions, fakeQueries } from "./support/fake-rare";

const strategies = STRATEGY_PRESETS.map((s) => s.name);
const offsets = STRATEGY_PRESETS.map((s) => s.offset.value);
const scenarios = RISK_FACTOR_PRESETS.map((p) => ({ name: p.name, cut: p.cut.value, elasticity: 0.5, offsets }));
const priced = ["Neodymium", "Dysprosium", "Lanthanum"];
const input: ComparisonInput = {
  sheetName: "Scenario comparison",
  strategies,
  scenarios,
  // Praseodymium has no share in the fake data: listed first here, it must come last on the sheet.
  elements: ["Praseodymium", ...priced],
  unsourced: ["Praseodymium"],
};
const plan = buildComparisonSheet(input);
const { anchors } = plan;
const m = combineMitigation(offsets);
const fresh = () => createPlanSheet(plan, fakeFunctions);
const byKey = new Map(
  ["cut", "elasticity", ...strategies.map((_, j) => `offset:${j}`)].map((key) => [
    key,
    key === "cut"
      ? defaultBounds("cut", scenarios[0].cut)
      : key === "elasticity"
        ? defaultBounds("elasticity", 0.5)
        : defaultBounds("offset", offsets[Number(key.slice(7))]),
  ]),
);
const tornadoElements = (exposures: Record<string, number>): TornadoElement[] =>
  priced.map((e) => ({
    share: fakeQueries.share(e, null),
    price: Number(fakeQueries.price(e, null)),
    exposure: exposures[e] ?? null,
  }));

describe("buildComparisonSheet", () => {
  it("has one assumptions column per scenario, each cell a named input", () => {
    scenarios.forEach((s, i) => {
      expect(cellAt(plan, anchors.scenarioRow, 2 + i)?.value).toBe(s.name);
      expect(cellAt(plan, anchors.cutRow, 2 + i)).toMatchObject({ value: s.cut, style: "input" });
      expect(cellAt(plan, anchors.elasticityRow, 2 + i)).toMatchObject({ value: 0.5, style: "input" });
      anchors.offsetRows.forEach((row, j) => expect(cellAt(plan, row, 2 + i)?.value).toBe(offsets[j]));
    });
    expect(cellAt(plan, anchors.model.row, anchors.model.col)).toMatchObject({ value: "constant", style: "input" });
    for (const input of plan.inputCells)
      expect(plan.namedRanges.find((n) => n.name === input.name)).toMatchObject({ row: input.row, col: input.col });
    expect(plan.namedRanges.map((n) => n.name)).toContain("RARE_Scenario_comparison_Export_Quotas_Cut");
  });

  it("lists elements without a sourced share last, and names them in a note", () => {
    const names = [0, 1, 2, 3].map((e) => cellAt(plan, anchors.firstElementRow + e, 1)?.value);
    expect(names).toEqual([...priced, "Praseodymium"]);
    expect(cellAt(plan, anchors.totalRow + 1, 1)?.value).toMatch(/no China share: Praseodymium\./);
    // The charts cover the priced elements only.
    expect(plan.charts[0].dataRect).toEqual({ row: anchors.change.row, col: 1, rows: 4, cols: 4 });
  });

  it("computes every scenario's gap, price change and cost like the model", () => {
    const sheet = fresh();
    sheet.set(anchors.firstElementRow, 2, { value: 100 }); // 100 t of neodymium oxide
    scenarios.forEach((s, i) => {
      priced.forEach((element, e) => {
        expect(sheet.get(anchors.gap.row + 1 + e, 2 + i)).toBe(gap(fakeQueries, element, s.cut, m));
        expect(sheet.get(anchors.change.row + 1 + e, 2 + i)).toBe(priceImpact(fakeQueries, element, s.cut, 0.5, m));
      });
      const ndCost = 100 * 1000 * 56 * priceImpact(fakeQueries, "Neodymium", s.cut, 0.5, m);
      expect(sheet.get(anchors.cost.row + 1, 2 + i)).toBeCloseTo(ndCost, 4);
      expect(sheet.get(anchors.totalRow, 2 + i)).toBeCloseTo(ndCost, 4);
    });
  });

  it("editing one scenario's cut changes only that scenario's column", () => {
    const sheet = fresh();
    const column = (i: number) =>
      [anchors.gap, anchors.change].flatMap((b) => priced.map((_, e) => sheet.get(b.row + 1 + e, 2 + i)));
    const before = scenarios.map((_, i) => column(i));
    sheet.set(anchors.cutRow, 3, { value: 0.9 });
    expect(column(0)).toEqual(before[0]);
    expect(column(2)).toEqual(before[2]);
    expect(column(1)).not.toEqual(before[1]);
    expect(sheet.get(anchors.gap.row + 1, 3)).toBe(gap(fakeQueries, "Neodymium", 0.9, m));
  });

  it("the tornado lists every assumption with live values equal to the model's", () => {
    const sheet = fresh();
    const { tornado } = anchors;
    TORNADO_HEADERS.forEach((h, i) => expect(cellAt(plan, tornado.row, 1 + i)?.value).toBe(h));
    expect(tornado.rows - 1).toBe(2 + strategies.length);
    const expected = tornadoRows(
      tornadoElements({}),
      { cut: scenarios[0].cut, elasticity: 0.5, offsets, model: "constant" },
      byKey,
    );
    const byRowKey = new Map(expected.map((r) => [r.key, r]));
    anchors.tornadoKeys.forEach((key, r) => {
      const row = tornado.row + 1 + r;
      const want = byRowKey.get(key)!;
      expect(sheet.get(row, 2)).toBeCloseTo(want.atLow, 12);
      expect(sheet.get(row, 3)).toBeCloseTo(want.atHigh, 12);
      expect(sheet.get(row, 4)).toBeCloseTo(want.swing, 12);
    });
    expect([...anchors.tornadoKeys].sort()).toEqual([...byKey.keys()].sort());
  });

  it("switches the tornado to total cost once an exposure is typed, and writes rows in the order given", () => {
    const exposures = { Neodymium: 100, Dysprosium: 2 };
    const order = tornadoRows(
      tornadoElements(exposures),
      { cut: scenarios[0].cut, elasticity: 0.5, offsets, model: "constant" },
      byKey,
    );
    const sorted = buildComparisonSheet({ ...input, tornadoOrder: order.map((r) => r.key) });
    expect(sorted.anchors.tornadoKeys).toEqual(order.map((r) => r.key));
    const swings = order.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    const sheet = createPlanSheet(sorted, fakeFunctions);
    sheet.set(sorted.anchors.firstElementRow, 2, { value: 100 });
    sheet.set(sorted.anchors.firstElementRow + 1, 2, { value: 2 });
    order.forEach((want, r) => {
      const row = sorted.anchors.tornado.row + 1 + r;
      expect(sheet.get(row, 2)).toBeCloseTo(want.atLow, 4);
      expect(sheet.get(row, 3)).toBeCloseTo(want.atHigh, 4);
    });
  });

  it("charts price change per scenario (legend: the scenarios) and the tornado as bars", () => {
    expect(plan.charts.map((c) => [c.type, c.title, c.valueFormat])).toEqual([
      ["column", "Price change by element and scenario", "0%"],
      ["bar", 'Tornado for "Export Quotas": outcome at each assumption\'s low and high bound', "#,##0.00"],
    ]);
    expect(plan.charts[1].dataRect).toEqual({ row: anchors.tornado.row, col: 1, rows: anchors.tornado.rows, cols: 3 });
  });

  it("refuses duplicate scenario names and an offset list of the wrong length", () => {
    expect(() =>
      buildComparisonSheet({ ...input, scenarios: [scenarios[0], { ...scenarios[1], name: "export quotas" }] }),
    ).toThrow(/listed twice/);
    expect(() => buildComparisonSheet({ ...input, scenarios: [{ ...scenarios[0], offsets: [0.1] }] })).toThrow(
      /one offset per strategy/,
    );
    expect(() => buildComparisonSheet({ ...input, scenarios: [] })).toThrow(/at least one scenario/);
  });
});
