/**
 * What the writer records about each scenario sheet it made, in the workbook's add-in data
 * (so it travels with the file): the sheet's structure — extent, table, defined names,
 * chart, input cells. An update needs it for what the Workbook port cannot answer: how far
 * the old sheet reaches (there is no "used range" read), and which table, names and chart
 * are this sheet's, so it can remove exactly those when the layout changes
 * (structure-change.ts). It also tells a RARE scenario sheet from a user's sheet that
 * happens to have the same name. It outlives a sheet deleted by hand: creating the sheet
 * again reads it to find the names left behind.
 */
import { COL } from "./scenario-layout";
import type { A1Cell, A1Rect } from "../excel/a1";
import type { ChartPlan, NamedRange, SheetPlan, TablePlan } from "./plan";

/** Manifests written before charts were named have no `name`: that chart cannot be found again. */
export type StoredChart = Omit<ChartPlan, "name"> & { readonly name?: string };

export interface ScenarioStructure {
  readonly extent: A1Rect;
  readonly table: TablePlan;
  readonly namedRanges: readonly NamedRange[];
  readonly chart: StoredChart;
  readonly inputs: readonly A1Cell[];
}

export interface ScenarioManifest {
  readonly format: "rare-scenario-sheet";
  readonly version: 1;
  readonly sheetName: string;
  readonly structure: ScenarioStructure;
}

/** Add-in data key of a sheet's manifest; case-blind, as Excel's sheet names are. */
export function manifestKey(sheetName: string): string {
  return `rare.scenario.sheet:${sheetName.toLowerCase()}`;
}

export function structureOf(plan: SheetPlan): ScenarioStructure {
  // Built field by field, in a fixed order, so two structures compare as JSON text.
  const rect = (r: A1Rect): A1Rect => ({ row: r.row, col: r.col, rows: r.rows, cols: r.cols });
  return {
    extent: rect(plan.extent),
    table: { name: plan.table.name, rect: rect(plan.table.rect), hasHeaders: true },
    namedRanges: plan.namedRanges.map((n) => ({
      name: n.name,
      row: n.row,
      col: n.col,
      rows: n.rows ?? 1,
      cols: n.cols ?? 1,
    })),
    chart: {
      name: plan.chart.name,
      type: plan.chart.type,
      title: plan.chart.title,
      dataRect: rect(plan.chart.dataRect),
      anchorRow: plan.chart.anchorRow,
      anchorCol: plan.chart.anchorCol,
    },
    inputs: plan.inputCells.map((c) => ({ row: c.row, col: c.col })),
  };
}

export function manifestOf(plan: SheetPlan, structure: ScenarioStructure = structureOf(plan)): ScenarioManifest {
  return { format: "rare-scenario-sheet", version: 1, sheetName: plan.sheetName, structure };
}

/** The manifest stored under a key, or null when there is none or it is not one of ours. */
export function parseManifest(text: string | null): ScenarioManifest | null {
  if (text === null) return null;
  try {
    const data = JSON.parse(text) as Partial<ScenarioManifest>;
    if (data?.format !== "rare-scenario-sheet" || data.version !== 1 || typeof data.sheetName !== "string") return null;
    const extent = data.structure?.extent;
    if (!extent || ![extent.rows, extent.cols].every((n) => Number.isInteger(n) && n > 0)) return null;
    return data as ScenarioManifest;
  } catch {
    return null;
  }
}

/** The cells marked as inputs (1-based): the assumptions, then each exposure cell of the table. */
export function inputCellsOf(structure: ScenarioStructure): A1Cell[] {
  const { rect } = structure.table;
  const exposures = Array.from({ length: rect.rows - 1 }, (_, i) => ({
    row: rect.row + 1 + i,
    col: rect.col + COL.exposure - 1,
  }));
  return [...structure.inputs.map((c) => ({ row: c.row, col: c.col })), ...exposures];
}
