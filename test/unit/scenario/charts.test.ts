/**
 * Every chart RARE writes is readable in both hosts: the same comparison sheet written to
 * Excel (hosts/excel.ts over the office-addin-mock fake) and to the preview, and each chart
 * read back from the host's own model: a title that says what is plotted, the value axis's
 * number format, a legend exactly where there is more than one series, and category labels
 * (the preview's chart view) with elements that have no sourced share left out and named.
 */
import { STRATEGY_PRESETS, RISK_FACTOR_PRESETS } from "../../../src/model/presets";
import { buildComparisonSheet } from "../../../src/scenario/compare-layout";
import { writeComparisonSheet } from "../../../src/scenario/compare-writer";
import { buildScenarioSheet } from "../../../src/scenario/scenario-layout";
import { buildSimulationSheet } from "../../../src/scenario/simulation-layout";
import { simulate, type SimulationInput } from "../../../src/model/simulation";
import { writeScenarioSheet } from "../../../src/scenario/writer";
import { createExcelWorkbook } from "../../../taskpane/hosts/excel";
import { buildSheetView, describeChart } from "../../../taskpane/hosts/preview-view";
import { chartShapes } from "../../../taskpane/hosts/preview-chart";
import { fakeExcel } from "../../support/fake-excel";
import { rarePreview } from "./support/rare-preview";
import { exportQuotasInput } from "./support/scenario-input";
import { articleSimulationInput } from "../model/support/simulation-input";

const offsets = STRATEGY_PRESETS.map((s) => s.offset.value);
const comparison = buildComparisonSheet({
  sheetName: "Scenario comparison",
  strategies: STRATEGY_PRESETS.map((s) => s.name),
  scenarios: RISK_FACTOR_PRESETS.map((p) => ({ name: p.name, cut: p.cut.value, elasticity: 0.5, offsets })),
  elements: ["Neodymium", "Holmium", "Dysprosium"],
  unsourced: ["Holmium"],
});
const single = buildScenarioSheet({ ...exportQuotasInput, elements: ["Neodymium", "Holmium", "Dysprosium"] });
const simulationInput: SimulationInput = {
  ...articleSimulationInput,
  elements: [
    { name: "Neodymium", share: 0.8 },
    { name: "Dysprosium", share: 0.85 },
  ],
  mitigation: 0.2,
  runs: 2_000,
};
const simulation = async () =>
  buildSimulationSheet(simulationInput, await simulate(simulationInput), "2026-12-01+test");

/** The chart's data block as the host holds it: header row (series names) and first column (categories). */
async function dataBlock(
  wb: { readRange(s: string, r: never): Promise<{ values: unknown[][] }> },
  sheet: string,
  rect: unknown,
) {
  return (await wb.readRange(sheet, rect as never)).values;
}

describe("charts in Excel", () => {
  it("have a title, a value-axis format, and a legend only with more than one series", async () => {
    const fake = fakeExcel(["Sheet1"]);
    const wb = createExcelWorkbook({ excel: fake.excel, isSetSupported: () => true });
    await writeComparisonSheet(wb, comparison, { mode: "create" });
    await writeScenarioSheet(wb, single, { mode: "create" });
    const charts = fake.state.charts.map((c) => ({
      title: c.title,
      valueFormat: c.valueFormat,
      legend: c.legend?.visible,
      series: c.rect.cols - 1,
    }));
    expect(charts).toEqual([
      { title: "Price change by element and scenario", valueFormat: "0%", legend: true, series: 3 },
      {
        title: 'Tornado for "Export Quotas": outcome at each assumption\'s low and high bound',
        valueFormat: "#,##0.00",
        legend: true,
        series: 2,
      },
      {
        title: "China share and supply gap by element (% of the element's supply)",
        valueFormat: "0%",
        legend: true,
        series: 2,
      },
    ]);
    // The comparison's charts cover the elements with a share only (Holmium is listed last).
    expect(fake.state.charts[0].rect.rows).toBe(3);
  });

  it("take their category labels from a text first column and their series names from the header row, the simulation's too", async () => {
    const fake = fakeExcel(["Sheet1"]);
    const wb = createExcelWorkbook({ excel: fake.excel, isSetSupported: () => true });
    await writeComparisonSheet(wb, comparison, { mode: "create" });
    await writeScenarioSheet(wb, single, { mode: "create" });
    await writeComparisonSheet(wb, await simulation(), { mode: "create", kind: "simulation" });
    expect(fake.state.charts).toHaveLength(4);
    const histogram = fake.state.charts[3];
    expect([histogram.title, histogram.valueFormat, histogram.legend?.visible]).toEqual([
      "Runs per price-change bin by element (2,000 runs, seed 42)",
      "#,##0",
      true,
    ]);
    for (const chart of fake.state.charts) {
      // Office.js charts.add(type, range, "Columns"): a text first column is the category axis.
      expect(chart.seriesBy).toBe("Columns");
      const block = await dataBlock(wb, chart.sheet, {
        row: chart.rect.row,
        col: chart.rect.col,
        rows: chart.rect.rows,
        cols: chart.rect.cols,
      });
      const categories = block.slice(1).map((r) => r[0]);
      expect(categories.length).toBeGreaterThan(0);
      for (const c of categories) expect(`${chart.title}: ${typeof c} ${String(c)}`).toMatch(/: string \S/);
      for (const name of block[0].slice(1)) expect(`${chart.title}: ${typeof name}`).toBe(`${chart.title}: string`);
    }
  });
});

describe("charts in the preview", () => {
  it("label every category, format the value axis, and leave out and name elements without a share", async () => {
    const wb = rarePreview();
    await writeComparisonSheet(wb, comparison, { mode: "create" });
    await writeScenarioSheet(wb, single, { mode: "create" });
    const views = [...buildSheetView(wb, "Scenario comparison").charts, ...buildSheetView(wb, single.sheetName).charts];
    const [price, tornado, shares] = views;
    expect(price.categories).toEqual(["Neodymium", "Dysprosium"]);
    expect(price.series.map((s) => s.name)).toEqual(RISK_FACTOR_PRESETS.map((p) => p.name));
    expect([price.legend, price.valueFormat]).toEqual([true, "0%"]);
    expect(tornado.categories).toHaveLength(2 + STRATEGY_PRESETS.length);
    // The single-scenario chart spans the table: Holmium's #N/A row is left out, and said.
    expect(shares.categories).toEqual(["Neodymium", "Dysprosium"]);
    expect(shares.omitted).toEqual(["Holmium"]);
    expect(describeChart(shares)).toMatch(/China share: Neodymium 80%.*Left out \(no value\): Holmium\./);

    const drawn = chartShapes(price);
    expect(drawn.categoryLabels.map((l) => l.text)).toEqual(["Neodymium", "Dysprosium"]);
    expect(drawn.legend.map((l) => l.text)).toEqual(price.series.map((s) => s.name));
    expect(drawn.valueLabels.every((l) => /%$/.test(l.text))).toBe(true);
    const one = chartShapes({ ...price, series: price.series.slice(0, 1), legend: false });
    expect(one.legend).toEqual([]);
  });

  it("the simulation's histogram: bins as categories, a legend of elements, counts on the value axis", async () => {
    const wb = rarePreview();
    await writeComparisonSheet(wb, await simulation(), { mode: "create", kind: "simulation" });
    const [histogram] = buildSheetView(wb, "Scenario simulation").charts;
    expect(histogram.categories).toHaveLength(10);
    for (const c of histogram.categories) expect(c).toMatch(/^-?[\d.]+% to -?[\d.]+%$/);
    expect(histogram.series.map((s) => s.name)).toEqual(["Neodymium", "Dysprosium"]);
    expect([histogram.legend, histogram.valueFormat]).toEqual([true, "#,##0"]);
    expect(histogram.title).toMatch(/^Runs per price-change bin by element/);
    expect(describeChart(histogram)).toMatch(/^Neodymium: -?[\d.]+% to [\d.]+% \d+, .*\. Dysprosium: /);
    const drawn = chartShapes(histogram);
    expect(drawn.categoryLabels.map((l) => l.text)).toEqual(histogram.categories);
    expect(drawn.legend.map((l) => l.text)).toEqual(["Neodymium", "Dysprosium"]);
  });
});
