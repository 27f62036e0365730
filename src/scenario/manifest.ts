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
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../excel/limits";
import type { A1Cell, A1Rect } from "../excel/a1";
import type { Workbook } from "../workbook/workbook";
import { COL } from "./scenario-layout";
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
      ...(plan.chart.valueFormat === undefined ? {} : { valueFormat: plan.chart.valueFormat }),
    },
    inputs: plan.inputCells.map((c) => ({ row: c.row, col: c.col })),
  };
}

export function manifestOf(plan: SheetPlan, structure: ScenarioStructure = structureOf(plan)): ScenarioManifest {
  return { format: "rare-scenario-sheet", version: 1, sheetName: plan.sheetName, structure };
}

/** A stored manifest, or why the value under its key cannot be used (null when there is none). */
export type ManifestRead =
  | { readonly manifest: ScenarioManifest; readonly problem?: undefined }
  | { readonly manifest: null; readonly problem: string | null };

type Json = unknown;
class Bad extends Error {}

const isRecord = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const field = (o: Record<string, Json>, key: string): Json =>
  Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
function record(v: Json, at: string): Record<string, Json> {
  if (!isRecord(v)) throw new Bad(`${at} is not an object`);
  return v;
}
function text(o: Record<string, Json>, key: string, at: string): string {
  const v = field(o, key);
  if (typeof v !== "string") throw new Bad(`${at}.${key} is not text`);
  return v;
}
/** A whole number from `min` up to `max` (Excel's grid bounds keep a tampered extent from reading the whole sheet). */
function whole(o: Record<string, Json>, key: string, at: string, min: number, max: number): number {
  const v = field(o, key);
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    throw new Bad(`${at}.${key} is not a whole number from ${min} to ${max}`);
  return v;
}
function list(o: Record<string, Json>, key: string, at: string): Json[] {
  const v = field(o, key);
  if (!Array.isArray(v)) throw new Bad(`${at}.${key} is not a list`);
  return v;
}
function rect(v: Json, at: string): A1Rect {
  const o = record(v, at);
  return {
    row: whole(o, "row", at, 1, EXCEL_MAX_ROWS),
    col: whole(o, "col", at, 1, EXCEL_MAX_COLUMNS),
    rows: whole(o, "rows", at, 1, EXCEL_MAX_ROWS),
    cols: whole(o, "cols", at, 1, EXCEL_MAX_COLUMNS),
  };
}
function cell(v: Json, at: string): A1Cell {
  const o = record(v, at);
  return { row: whole(o, "row", at, 1, EXCEL_MAX_ROWS), col: whole(o, "col", at, 1, EXCEL_MAX_COLUMNS) };
}

/** Field by field, into fresh objects in structureOf's order; throws Bad naming the first bad field. */
function structureFrom(v: Json): ScenarioStructure {
  const s = record(v, "structure");
  const table = record(field(s, "table"), "structure.table");
  if (field(table, "hasHeaders") !== true) throw new Bad("structure.table.hasHeaders is not true");
  const chart = record(field(s, "chart"), "structure.chart");
  const chartName = field(chart, "name");
  if (chartName !== undefined && typeof chartName !== "string") throw new Bad("structure.chart.name is not text");
  const type = field(chart, "type");
  if (type !== "column") throw new Bad("structure.chart.type is not a chart type RARE writes");
  return {
    extent: rect(field(s, "extent"), "structure.extent"),
    table: {
      name: text(table, "name", "structure.table"),
      rect: rect(field(table, "rect"), "structure.table.rect"),
      hasHeaders: true,
    },
    namedRanges: list(s, "namedRanges", "structure").map((n, i) => {
      const at = `structure.namedRanges[${i}]`;
      const o = record(n, at);
      return {
        name: text(o, "name", at),
        row: whole(o, "row", at, 1, EXCEL_MAX_ROWS),
        col: whole(o, "col", at, 1, EXCEL_MAX_COLUMNS),
        rows: whole(o, "rows", at, 1, EXCEL_MAX_ROWS),
        cols: whole(o, "cols", at, 1, EXCEL_MAX_COLUMNS),
      };
    }),
    chart: {
      ...(chartName !== undefined ? { name: chartName } : {}),
      type,
      title: text(chart, "title", "structure.chart"),
      dataRect: rect(field(chart, "dataRect"), "structure.chart.dataRect"),
      anchorRow: whole(chart, "anchorRow", "structure.chart", 1, EXCEL_MAX_ROWS),
      anchorCol: whole(chart, "anchorCol", "structure.chart", 1, EXCEL_MAX_COLUMNS),
      // Optional (older manifests have none): the value axis's number format.
      ...(typeof chart.valueFormat === "string" ? { valueFormat: chart.valueFormat } : {}),
    },
    inputs: list(s, "inputs", "structure").map((c, i) => cell(c, `structure.inputs[${i}]`)),
  };
}

/**
 * Reads what is stored under a manifest key, checking every field: the value may have been
 * edited by hand or written by another version, and an update trusts it to find what to
 * remove. A value that is not one of ours (another format) is "none"; one of ours with a
 * bad field is reported with the field's name.
 */
export function readManifest(stored: string | null): ManifestRead {
  if (stored === null || stored === "") return { manifest: null, problem: null };
  let data: Json;
  try {
    data = JSON.parse(stored);
  } catch {
    return { manifest: null, problem: "it is not valid JSON" };
  }
  if (!isRecord(data) || field(data, "format") !== "rare-scenario-sheet") return { manifest: null, problem: null };
  try {
    if (field(data, "version") !== 1) throw new Bad("version is not 1");
    const sheetName = text(data, "sheetName", "manifest");
    return {
      manifest: {
        format: "rare-scenario-sheet",
        version: 1,
        sheetName,
        structure: structureFrom(field(data, "structure")),
      },
    };
  } catch (e) {
    if (e instanceof Bad) return { manifest: null, problem: e.message };
    throw e;
  }
}

/** The manifest stored under a key, or null when there is none or it cannot be used. */
export function parseManifest(text: string | null): ScenarioManifest | null {
  return readManifest(text).manifest;
}

/** Why the sheet's stored manifest cannot be used, naming the setting; null when it can or there is none. */
export async function storedManifestProblem(
  workbook: Pick<Workbook, "getAddinData">,
  sheetName: string,
): Promise<string | null> {
  const key = manifestKey(sheetName);
  const { problem } = readManifest(await workbook.getAddinData(key));
  return problem ? `its RARE scenario record (setting "${key}") is damaged: ${problem}` : null;
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
