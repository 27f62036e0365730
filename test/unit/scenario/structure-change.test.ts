/** structureChange: what an update removes and adds besides the cells. */
import { buildScenarioSheet, type ScenarioSheetInput } from "../../../src/scenario/scenario-layout";
import { structureOf } from "../../../src/scenario/manifest";
import { structureChange } from "../../../src/scenario/structure-change";
import { exportQuotasInput } from "./support/scenario-input";

const input: ScenarioSheetInput = exportQuotasInput;
const was = structureOf(buildScenarioSheet(input));
const changeTo = (change: Partial<ScenarioSheetInput>) =>
  structureChange(was, structureOf(buildScenarioSheet({ ...input, ...change })));
const names = (list: readonly { name: string }[]) =>
  list.map((n) => n.name.replace("RARE_Scenario_Export_Quotas_", ""));

describe("structureChange", () => {
  it("nothing but the cells for other figures, element names and order", () => {
    expect(changeTo({ cut: 0.9, elasticity: 1, elements: ["Lanthanum", "Terbium", "Neodymium"] })).toEqual({
      rebuild: false,
      chart: false,
      namesToDelete: [],
      namesToAdd: [],
      none: true,
    });
  });

  it("only the strategy names when as many strategies are chosen", () => {
    const change = changeTo({ strategies: [input.strategies[0], { name: "International Partnerships", offset: 0.1 }] });
    expect([change.rebuild, change.chart, change.none]).toEqual([false, false, false]);
    expect(names(change.namesToDelete)).toEqual(["Mit_Domestic_Mining_Expansion"]);
    expect(names(change.namesToAdd)).toEqual(["Mit_International_Partnerships"]);
  });

  it("the table, chart and the names that move when the number of elements changes", () => {
    const change = changeTo({ elements: ["Neodymium"] });
    expect([change.rebuild, change.chart]).toEqual([true, true]);
    expect(names(change.namesToDelete)).toEqual(["Exposure"]);
    expect(names(change.namesToAdd)).toEqual(["Exposure"]);
  });

  it("the names below the strategies too when their number changes; Cut and Elasticity stay", () => {
    const change = changeTo({ strategies: [] });
    expect(change.rebuild).toBe(true);
    expect(names(change.namesToDelete)).toEqual([
      "Mit_Recycling_Programs",
      "Mit_Domestic_Mining_Expansion",
      "Mitigation",
      "Exposure",
    ]);
    expect(names(change.namesToAdd)).toEqual(["Mitigation", "Exposure"]);
  });

  it("compares names case-blind, and takes a chart recorded without a name as the same chart where it sits the same", () => {
    const { name: _name, ...unnamed } = was.chart;
    const legacy = { ...was, chart: unnamed, table: { ...was.table, name: was.table.name.toUpperCase() } };
    expect(structureChange(legacy, was).none).toBe(true);
    expect(structureChange(legacy, structureOf(buildScenarioSheet({ ...input, elements: ["Neodymium"] }))).chart).toBe(
      true,
    );
  });
});
