/**
 * What the preview shows, as plain data: cell texts formatted as Excel would, which cells
 * are table headers or inputs and their accessible labels, chart series. No DOM here, so
 * it is unit-tested in Node; preview-render.ts only turns it into elements.
 */
import { cellAddress } from "../../src/excel/a1";
import { isErrorValue } from "../../src/excel/values";
import { formatForDisplay } from "../../src/workbook/format-display";
import type { ChartType } from "../../src/workbook/workbook";
import { parseTyped, type PreviewChart, type PreviewWorkbook } from "./preview";
import type { PreviewSheet } from "./preview-sheet";

export interface CellView {
  /** A1 address, e.g. "B3". */
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  readonly kind: "header" | "data" | "input";
  /** Display text (for an input, the text it starts with). Blank cells are "". */
  readonly text: string;
  /** Numbers, dates and percentages align right. */
  readonly numeric: boolean;
  /** An error's explanation, shown as a tooltip. */
  readonly title?: string;
  /** An input's accessible name. */
  readonly label?: string;
  /** Shown by a dynamic array spilling from another cell (Excel greys its formula). */
  readonly spilled?: boolean;
  /** The cell holds an entity: selecting it shows its card. */
  readonly entity?: boolean;
}

export interface ChartView {
  readonly name: string;
  readonly title: string;
  readonly type: ChartType;
  readonly categories: string[];
  readonly series: Array<{ name: string; values: Array<number | null> }>;
  /** Number format of the value axis labels ("General" where the spec gives none). */
  readonly valueFormat: string;
  /** Excel shows a legend for more than one series; one series is named by the title. */
  readonly legend: boolean;
  /** Categories with no number in any series (an element without a sourced share): left out. */
  readonly omitted: string[];
}

export interface SheetView {
  readonly name: string;
  readonly active: boolean;
  readonly cols: number;
  readonly rows: CellView[][];
  /** Rows beyond `maxRows`, not shown. */
  readonly hiddenRows: number;
  readonly charts: ChartView[];
}

export const DEFAULT_MAX_ROWS = 200;
/** Every sheet is drawn at least this big, so an empty sheet has cells to type into. */
export const MIN_ROWS = 12;
export const MIN_COLS = 6;

export function buildSheetViews(wb: PreviewWorkbook, maxRows = DEFAULT_MAX_ROWS): SheetView[] {
  // Hidden sheets are not drawn, as Excel shows no tab for them.
  return wb
    .sheetNames()
    .filter((name) => wb.sheet(name).visibility === "visible")
    .map((name) => buildSheetView(wb, name, maxRows));
}

export function buildSheetView(wb: PreviewWorkbook, name: string, maxRows = DEFAULT_MAX_ROWS): SheetView {
  const sheet = wb.sheet(name);
  const headerCells = new Set<string>();
  for (const t of wb.tablesOn(name)) {
    if (!t.hasHeaders) continue;
    for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) headerCells.add(`${t.rect.row},${c}`);
  }
  const cols = Math.max(sheet.colCount, MIN_COLS);
  const shown = Math.min(Math.max(sheet.rowCount, MIN_ROWS), maxRows);
  const rows: CellView[][] = [];
  for (let r = 0; r < shown; r++) {
    const row: CellView[] = [];
    for (let c = 0; c < cols; c++) row.push(cellView(sheet, r, c, headerCells.has(`${r},${c}`)));
    rows.push(row);
  }
  return {
    name: sheet.name,
    active: sheet.name === wb.activeSheet,
    cols,
    rows,
    hiddenRows: Math.max(0, sheet.rowCount - shown),
    charts: wb.chartsOn(name).map((chart) => chartView(sheet, chart)),
  };
}

export function displayText(sheet: PreviewSheet, row: number, col: number): string {
  return formatForDisplay(sheet.value(row, col), sheet.format(row, col));
}

function cellView(sheet: PreviewSheet, row: number, col: number, header: boolean): CellView {
  const value = sheet.value(row, col);
  const base = {
    ref: cellAddress({ row, col }),
    row,
    col,
    text: displayText(sheet, row, col),
    numeric: typeof value === "number" && sheet.format(row, col) !== "@",
    ...(isErrorValue(value) && value.message ? { title: value.message } : {}),
    ...(sheet.spillParent(row, col) ? { spilled: true } : {}),
    ...(sheet.entity(row, col) ? { entity: true } : {}),
  };
  if (header) return { ...base, kind: "header" };
  if (sheet.isInput(row, col)) return { ...base, kind: "input", label: inputLabel(sheet, row, col) };
  return { ...base, kind: "data" };
}

/** The label given when the cell was marked, else the text to its left, else above it. */
export function inputLabel(sheet: PreviewSheet, row: number, col: number): string {
  const given = sheet.inputLabel(row, col);
  if (given) return given;
  const left = col > 0 ? displayText(sheet, row, col - 1).trim() : "";
  if (left) return left;
  const above = row > 0 ? displayText(sheet, row - 1, col).trim() : "";
  return above || `Input ${cellAddress({ row, col })}`;
}

function chartView(sheet: PreviewSheet, chart: PreviewChart): ChartView {
  const { dataRect: d, title, type } = chart.spec;
  const categories: string[] = [];
  for (let r = d.row + 1; r < d.row + d.rows; r++) categories.push(displayText(sheet, r, d.col));
  const series: ChartView["series"] = [];
  for (let c = d.col + 1; c < d.col + d.cols; c++) {
    const values: Array<number | null> = [];
    for (let r = d.row + 1; r < d.row + d.rows; r++) {
      const v = sheet.value(r, c);
      values.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    }
    series.push({ name: displayText(sheet, d.row, c) || `Series ${c - d.col}`, values });
  }
  const kept = categories.map((_, i) => series.length === 0 || series.some((s) => s.values[i] !== null));
  return {
    name: chart.name,
    title,
    type,
    categories: categories.filter((_, i) => kept[i]),
    series: series.map((s) => ({ ...s, values: s.values.filter((_, i) => kept[i]) })),
    valueFormat: chart.spec.valueFormat ?? "General",
    legend: series.length > 1,
    omitted: categories.filter((_, i) => !kept[i]),
  };
}

/** The chart's numbers as a sentence for screen readers: "Series: Category value, …", and what was left out. */
export function describeChart(view: ChartView): string {
  const omitted = view.omitted?.length ? ` Left out (no value): ${view.omitted.join(", ")}.` : "";
  if (view.categories.length === 0 || view.series.length === 0) return `No data.${omitted}`;
  const format = view.valueFormat ?? "General";
  return (
    view.series
      .map(
        (s) =>
          `${s.name}: ${view.categories.map((c, i) => `${c} ${s.values[i] === null ? "no value" : formatForDisplay(s.values[i], format)}`).join(", ")}`,
      )
      .join(". ") + omitted
  );
}

/**
 * What the formula bar shows for a cell, as Excel's does: its formula; a spilled cell its
 * anchor's formula; a number unformatted (a percentage as typed, "80%"); text that would
 * read as something else if typed again with the apostrophe that keeps it text.
 */
export function editText(sheet: PreviewSheet, row: number, col: number): string {
  const own = sheet.formula(row, col);
  if (own !== undefined) return own;
  const parent = sheet.spillParent(row, col);
  if (parent) return sheet.formula(parent.row, parent.col) ?? "";
  const value = sheet.value(row, col);
  if (value === null) return "";
  if (isErrorValue(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    const format = sheet.format(row, col);
    return format.replace(/"[^"]*"/g, "").includes("%") ? `${+(value * 100).toPrecision(15)}%` : String(value);
  }
  if (sheet.format(row, col) === "@") return value;
  return /^[=+\-@']/.test(value) || typeof parseTyped(value) !== "string" ? `'${value}` : value;
}
