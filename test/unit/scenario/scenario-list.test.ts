/**
 * The Scenarios view's list of named scenarios: the three risk-factor presets to start, then
 * add, rename, duplicate and remove, each scenario with its own cut, elasticity and offsets;
 * Compare writes one column per scenario, and comparing again updates the sheet in place with
 * the exposures typed kept and an added scenario's column there.
 */
import { RISK_FACTOR_PRESETS, STRATEGY_PRESETS } from "../../../src/model/presets";
import { buildComparisonSheet } from "../../../src/scenario/compare-layout";
import { writeComparisonSheet } from "../../../src/scenario/compare-writer";
import {
  addScenario,
  checkScenarios,
  duplicateScenario,
  presetScenarios,
  removeScenario,
  updateScenario,
} from "../../../taskpane/views/scenario-list";
import { rarePreview } from "./support/rare-preview";

const elements = ["Neodymium", "Dysprosium"];
const names = (list: ReturnType<typeof presetScenarios>) => list.map((s) => s.name);

describe("the list of named scenarios", () => {
  it("starts with the risk-factor presets, each with its own cut and the default offsets", () => {
    const list = presetScenarios();
    expect(names(list)).toEqual(RISK_FACTOR_PRESETS.map((p) => p.name));
    expect(list.map((s) => Number(s.cutText) / 100)).toEqual(RISK_FACTOR_PRESETS.map((p) => p.cut.value));
    for (const s of list)
      expect(s.offsetTexts.map((t) => Number(t) / 100)).toEqual(STRATEGY_PRESETS.map((p) => p.offset.value));
  });

  it("adds, duplicates (next to the original, under a free name), renames and removes", () => {
    let list = addScenario(presetScenarios());
    list = addScenario(list);
    expect(names(list).slice(3)).toEqual(["Scenario", "Scenario 2"]);
    list = duplicateScenario(list, 0);
    expect(names(list).slice(0, 2)).toEqual(["Export Quotas", "Export Quotas (2)"]);
    expect(list[1]).toEqual({ ...list[0], name: "Export Quotas (2)" });
    list = updateScenario(list, 1, { name: "Quota, deeper", cutText: "60", elasticityText: "0.3" });
    list = removeScenario(list, names(list).indexOf("Scenario 2"));
    expect(names(list)).toEqual([
      "Export Quotas",
      "Quota, deeper",
      "Geopolitical Tensions",
      "Market Volatility",
      "Scenario",
    ]);
    const checked = checkScenarios(list, elements, []);
    expect(checked.ok && checked.input.scenarios[1]).toMatchObject({
      name: "Quota, deeper",
      cut: 0.6,
      elasticity: 0.3,
    });
  });

  it("refuses a blank or repeated name, and an empty list, naming the field", () => {
    const dup = updateScenario(presetScenarios(), 1, { name: " export quotas " });
    const checked = checkScenarios(dup, elements, []);
    expect(!checked.ok && checked.problems).toEqual([
      { field: "scenario:1:name", message: 'Two scenarios are named "export quotas": rename one.' },
    ]);
    const blank = checkScenarios(updateScenario(presetScenarios(), 0, { name: " " }), elements, []);
    expect(!blank.ok && blank.problems[0]).toEqual({ field: "scenario:0:name", message: "Scenario 1 needs a name." });
    const none = checkScenarios([], elements, []);
    expect(!none.ok && none.problems[0].field).toBe("scenarios");
  });
});

describe("Compare again", () => {
  it("updates the sheet in place: exposures typed are kept and an added scenario gets its column", async () => {
    const wb = rarePreview();
    const first = checkScenarios(presetScenarios(), elements, []);
    if (!first.ok) throw new Error("presets refused");
    const plan = buildComparisonSheet(first.input);
    await writeComparisonSheet(wb, plan, { mode: "create" });
    wb.editCell(plan.sheetName, plan.anchors.firstElementRow - 1, 1, "40");

    const more = updateScenario(addScenario(presetScenarios()), 3, { name: "Embargo", cutText: "90" });
    const second = checkScenarios(more, elements, []);
    if (!second.ok) throw new Error("list refused");
    const next = buildComparisonSheet(second.input);
    const outcome = await writeComparisonSheet(wb, next, { mode: "update" });
    expect(outcome.kept).toEqual([{ element: "Neodymium", value: 40 }]);
    const header = (await wb.readRange(next.sheetName, { row: next.anchors.gap.row - 1, col: 0, rows: 1, cols: 5 }))
      .values[0];
    expect(header).toEqual(["Supply gap", ...names(more)]);
    const cost = (await wb.readRange(next.sheetName, { row: next.anchors.cost.row, col: 1, rows: 1, cols: 4 }))
      .values[0];
    // Neodymium's cost impact in every scenario column, the added one included.
    expect(cost.every((v) => typeof v === "number" && v > 0)).toBe(true);
    expect(await wb.listSheets()).toEqual(["Sheet1", next.sheetName]);
  });
});
