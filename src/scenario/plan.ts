/**
 * SheetPlan: a host-free description of a scenario sheet, cell by cell. The Excel host and
 * the preview host both write it the same way (values, then formats, then the table, the
 * names and the chart), so what the user sees in the preview is what Excel gets.
 *
 * Rows and columns are 1-based, as in A1 notation and fast-formula-parser (Office.js
 * `getCell` is 0-based: subtract 1 there).
 */

export type CellStyle = "title" | "label" | "input" | "header" | "note";

export interface PlanCell {
  readonly row: number;
  readonly col: number;
  /** A constant. A string is written as text (the builder never starts one with "="). */
  readonly value?: string | number;
  /** A formula in English, comma-separated, starting with "=" (Office.js `Range.formulas`). */
  readonly formula?: string;
  /** Excel number format code, e.g. "0.0%". */
  readonly numberFormat?: string;
  readonly style?: CellStyle;
}

/** A block of cells; `rows`/`cols` count cells (a single cell is 1 × 1). */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** A workbook-scoped Excel name referring to a cell (or block) of the plan's sheet. */
export interface NamedRange {
  readonly name: string;
  readonly row: number;
  readonly col: number;
  readonly rows?: number;
  readonly cols?: number;
}

export type InputKind = "cut" | "elasticity" | "model" | "offset";

/** An editable assumption cell, for the preview to render as an input with its label. */
export interface InputCell extends CellRef {
  readonly kind: InputKind;
  readonly label: string;
  /** The named range that points at it. */
  readonly name: string;
  readonly numberFormat: string;
  /** For kind "offset": the strategy it belongs to. */
  readonly strategy?: string;
}

export interface TablePlan {
  /** Workbook-unique table name (tables and defined names share one namespace in Excel). */
  readonly name: string;
  /** Header row included. */
  readonly rect: Rect;
  readonly hasHeaders: true;
}

export interface ChartPlan {
  /** Unique to the sheet's key (RARE_<sheetKey>_Chart), so an update can find and replace it. */
  readonly name: string;
  readonly type: "column" | "bar";
  /** Says what is plotted, e.g. "Price change by element and scenario". */
  readonly title: string;
  /** Excel number format of the value axis, e.g. "0%". */
  readonly valueFormat?: string;
  /** Header row included; first column = categories (element names), the rest = series. */
  readonly dataRect: Rect;
  /** Top-left cell the chart is placed over. */
  readonly anchorRow: number;
  readonly anchorCol: number;
}

/** Where the model's inputs and outputs sit, for tests, the preview and the pane. */
export interface PlanAnchors {
  readonly cut: CellRef;
  readonly elasticity: CellRef;
  /** The price model's name ("constant" or "linear"), a text input. */
  readonly model: CellRef;
  /** Combined mitigation (formula over the strategy offsets). */
  readonly mitigation: CellRef;
  readonly offsets: ReadonlyArray<CellRef & { readonly strategy: string }>;
  /** First data row of the scenario table (below its header). */
  readonly firstElementRow: number;
  readonly totalCost: CellRef;
  /** Sensitivity grid including its header row and cut column. */
  readonly grid: Rect;
  /** The grid's first cut cell, a formula on the Cut assumption (the fixed cuts follow). */
  readonly currentCut: CellRef;
}

/** What every RARE sheet plan has: its cells, inputs, names and the exposures a user types. */
export interface PlanBody {
  readonly sheetName: string;
  /** The sheet's key inside names: RARE_<sheetKey>_Cut, … */
  readonly sheetKey: string;
  readonly cells: readonly PlanCell[];
  readonly namedRanges: readonly NamedRange[];
  readonly inputCells: readonly InputCell[];
  /** The user's exposure column (data rows only, element names in column A): kept on a rewrite. */
  readonly exposureRange: Rect;
  /** Every cell the plan writes lies inside this block, which starts at A1. */
  readonly extent: Rect;
}

export interface SheetPlan extends PlanBody {
  readonly table: TablePlan;
  readonly chart: ChartPlan;
  readonly anchors: PlanAnchors;
}

/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A1 reference; `absolute` pins both parts ($B$8), or pick row/column separately. */
export function a1(row: number, col: number, absolute: boolean | { row: boolean; col: boolean } = false): string {
  const pin = typeof absolute === "boolean" ? { row: absolute, col: absolute } : absolute;
  return `${pin.col ? "$" : ""}${columnLetters(col)}${pin.row ? "$" : ""}${row}`;
}

/** A1 range of a rect, e.g. A12:C14. */
export function rectA1(rect: Rect, absolute = false): string {
  const from = a1(rect.row, rect.col, absolute);
  const to = a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1, absolute);
  return from === to ? from : `${from}:${to}`;
}
