/**
 * SheetPlan: a host-free description of a scenario sheet, cell by cell. The Excel host and
 * the preview host both write it the same way (values, then formats, then the table, the
 * names and the chart), so what the user sees in the preview is what Excel gets.
 *
 * Rows and columns are 1-based (A1Cell, A1Rect), as in A1 notation and fast-formula-parser;
 * the Workbook port is 0-based: convert with toZeroBased (src/excel/a1.ts).
 */
import type { A1Cell, A1Rect } from "../excel/a1";

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
export interface InputCell extends A1Cell {
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
  readonly rect: A1Rect;
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
  readonly dataRect: A1Rect;
  /** Top-left cell the chart is placed over. */
  readonly anchorRow: number;
  readonly anchorCol: number;
}

/** Where the model's inputs and outputs sit, for tests, the preview and the pane. */
export interface PlanAnchors {
  readonly cut: A1Cell;
  readonly elasticity: A1Cell;
  /** The price model's name ("constant" or "linear"), a text input. */
  readonly model: A1Cell;
  /** Combined mitigation (formula over the strategy offsets). */
  readonly mitigation: A1Cell;
  readonly offsets: ReadonlyArray<A1Cell & { readonly strategy: string }>;
  /** First data row of the scenario table (below its header). */
  readonly firstElementRow: number;
  readonly totalCost: A1Cell;
  /** Sensitivity grid including its header row and cut column. */
  readonly grid: A1Rect;
  /** The grid's first cut cell, a formula on the Cut assumption (the fixed cuts follow). */
  readonly currentCut: A1Cell;
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
  readonly exposureRange: A1Rect;
  /** Every cell the plan writes lies inside this block, which starts at A1. */
  readonly extent: A1Rect;
}

export interface SheetPlan extends PlanBody {
  readonly table: TablePlan;
  readonly chart: ChartPlan;
  readonly anchors: PlanAnchors;
}
