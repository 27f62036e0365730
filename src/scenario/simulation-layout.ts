/**
 * buildSimulationSheet: a simulation's results as values (they come from the pane's seeded
 * run, not from formulas), stamped with what reproduces them: seed, runs, price model,
 * dataset version and the ranges. Per element the P5, P50 and P95 of supply gap and price
 * change, then a histogram table of price change (bins down, elements across) and its chart.
 */
import type { SimulationInput, SimulationResult } from "../model/simulation";
import { formatNumber } from "../model/scenario-inputs";
import { FORMATS } from "./scenario-layout";
import { nameKey, requireSheetName } from "./scenario-names";
import type { ChartedPlan } from "./compare-layout";
import type { A1Rect } from "../excel/a1";
import type { PlanCell } from "./plan";

export const SIMULATION_SHEET = "Scenario simulation";
export const PERCENTILE_HEADERS = [
  "Element",
  "Gap P5",
  "Gap P50",
  "Gap P95",
  "Price change P5",
  "Price change P50",
  "Price change P95",
  "Runs counted",
] as const;

export interface SimulationPlan extends ChartedPlan {
  /** Percentile table including its header row. */
  readonly percentiles: A1Rect;
  readonly histogram: A1Rect;
}

const pct = (v: number) => `${formatNumber(Math.round(v * 1000) / 10)}%`;

export function buildSimulationSheet(
  input: SimulationInput,
  result: SimulationResult,
  datasetVersion: string,
  sheetName = SIMULATION_SHEET,
): SimulationPlan {
  const name = requireSheetName(sheetName);
  const cells: PlanCell[] = [];
  const put = (c: PlanCell) => cells.push(c);
  const range = (t: SimulationInput["cut"], f: (v: number) => string) => `${f(t.min)} / ${f(t.mode)} / ${f(t.max)}`;
  put({ row: 1, col: 1, value: "Scenario simulation", style: "title" });
  put({
    row: 2,
    col: 1,
    value:
      "Values from a seeded run in the RARE pane, not formulas: run it again with the same seed and inputs to get the same numbers.",
    style: "note",
  });
  const stamp: Array<[string, string | number]> = [
    ["Seed", result.seed],
    ["Runs", result.runs],
    ["Price model", result.model],
    ["Dataset version", datasetVersion],
    ["Export cut (min / most likely / max)", range(input.cut, pct)],
    ["Elasticity (min / most likely / max)", range(input.elasticity, formatNumber)],
    ["Combined mitigation (fixed)", pct(input.mitigation)],
  ];
  stamp.forEach(([label, value], i) => {
    put({ row: 4 + i, col: 1, value: label, style: "label" });
    put({ row: 4 + i, col: 2, value, numberFormat: typeof value === "number" ? "0" : "General" });
  });
  const header = 4 + stamp.length + 1;
  PERCENTILE_HEADERS.forEach((h, i) => put({ row: header, col: 1 + i, value: h, style: "header" }));
  result.elements.forEach((r, e) => {
    const row = header + 1 + e;
    const values = [r.gap.p5, r.gap.p50, r.gap.p95, r.change.p5, r.change.p50, r.change.p95];
    put({ row, col: 1, value: r.element });
    values.forEach((v, i) => put({ row, col: 2 + i, value: v, numberFormat: FORMATS.percent }));
    put({ row, col: 8, value: r.counted, numberFormat: "#,##0" });
  });
  const n = result.elements.length;
  const percentiles: A1Rect = { row: header, col: 1, rows: n + 1, cols: PERCENTILE_HEADERS.length };

  const histTitle = header + n + 2;
  const histHeader = histTitle + 1;
  put({ row: histTitle, col: 1, value: "Histogram of price change: runs per bin", style: "label" });
  put({ row: histHeader, col: 1, value: "Price change bin", style: "header" });
  result.elements.forEach((r, e) => put({ row: histHeader, col: 2 + e, value: r.element, style: "header" }));
  const bins = result.binEdges.length - 1;
  for (let b = 0; b < bins; b++) {
    const row = histHeader + 1 + b;
    put({ row, col: 1, value: `${pct(result.binEdges[b])} to ${pct(result.binEdges[b + 1])}` });
    result.elements.forEach((r, e) => put({ row, col: 2 + e, value: r.histogram[b], numberFormat: "#,##0" }));
  }
  const histogram: A1Rect = { row: histHeader, col: 1, rows: bins + 1, cols: n + 1 };
  const sheetKey = nameKey(name);
  return {
    sheetName: name,
    sheetKey,
    cells,
    namedRanges: [],
    inputCells: [],
    exposureRange: { row: header + 1, col: 1, rows: 0, cols: 1 },
    extent: { row: 1, col: 1, rows: histHeader + bins, cols: Math.max(PERCENTILE_HEADERS.length, n + 1) },
    charts: [
      {
        name: `RARE_${sheetKey}_Histogram`,
        type: "column",
        title: `Runs per price-change bin by element (${result.runs.toLocaleString("en-US")} runs, seed ${result.seed})`,
        valueFormat: "#,##0",
        dataRect: histogram,
        anchorRow: 4,
        anchorCol: PERCENTILE_HEADERS.length + 2,
      },
    ],
    percentiles,
    histogram,
  };
}
