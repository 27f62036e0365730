/**
 * The Workbook port: what the task pane needs from a workbook, and nothing more.
 * taskpane/hosts/excel.ts implements it with Office.js, taskpane/hosts/preview.ts with an
 * in-memory workbook, so the same views and writers run on both.
 *
 * Coordinates are 0-based (row 0, col 0 is A1), as in Office.js `getRangeByIndexes`.
 *
 * Batching: writes are queued on a `WorkbookBatch` and reach the workbook only at
 * `batch.sync()` (Excel's `context.sync()`), in the order they were queued. A writer that
 * cares about request size (Excel on the web rejects requests over 5 MB) decides what goes
 * into each sync; see write-plan.ts. `Workbook.run` syncs once more when its callback
 * returns; if the callback throws, whatever was queued since the last sync is dropped.
 *
 * Deletes (`deleteNamedRange`, `deleteTable`, `deleteChart`) do nothing when there is
 * nothing of that name, so a writer can clear what may be left over without asking first.
 * In Excel each costs a lookup before the delete: the operations queued after a delete go
 * out only once the lookup has come back, in one more round trip per sync. Queue deletes
 * back to back and they share that round trip.
 */

import type { ZeroBasedCell, ZeroBasedRect } from "../excel/a1";
import type { CellValue } from "../excel/values";
import type { CalculationMode } from "./calculation-guard";

export type { CalculationMode };
export type DateSystem = 1900 | 1904;

export type ChartType = "column" | "bar" | "line";

/**
 * A chart over a block of the sheet. Layout convention (both hosts): the first column of
 * `dataRect` holds category labels, the first row the series names, each further column
 * one series.
 */
export interface ChartSpec {
  readonly type: ChartType;
  readonly dataRect: ZeroBasedRect;
  readonly title: string;
  /** Number format of the value axis (Excel: `axes.valueAxis.numberFormat`); omitted: the data's. */
  readonly valueFormat?: string;
  /** Top-left cell the chart is placed over; `rows`/`cols` give its size in cells (default 15 × 8). */
  readonly position: ZeroBasedCell & { readonly rows?: number; readonly cols?: number };
  /** Omitted: the host picks one ("Chart 1"). Give one to find the chart again (deleteChart). */
  readonly name?: string;
}

/** A workbook-scoped defined name, as `listNames` reports it. */
export interface DefinedName {
  readonly name: string;
  /**
   * What it refers to is gone (#REF!). Excel keeps the names of a deleted sheet that way,
   * and a name that exists, broken or not, cannot be added again.
   */
  readonly broken: boolean;
}

export interface TableOptions {
  /** Workbook-unique; omitted: the host picks one (Excel: Table1, Table2, …). */
  readonly name?: string;
  readonly hasHeaders: boolean;
}

/** What `readRange` returns, each array the size of the range. */
export interface RangeContents {
  /** Computed values; an error cell reads as its code, e.g. "#N/A" (as Office.js `values`). */
  readonly values: CellValue[][];
  /** The formula where there is one, else the constant (as Office.js `formulas`). */
  readonly formulas: CellValue[][];
  /** "General" where nothing was set. */
  readonly numberFormats: string[][];
}

/** What `readFormulas` returns: `values` and `formulas` as in RangeContents, no formats. */
export interface FormulaContents {
  readonly values: CellValue[][];
  readonly formulas: CellValue[][];
}

/** Excel's three sheet states; "veryHidden" sheets can be shown again only by code. */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Protected sheets refuse writes to locked cells (Excel: `worksheet.protection.protected`). */
  readonly protected: boolean;
}

/** A table as `listTables` reports it. */
export interface TableInfo {
  /** Workbook-unique; formulas refer to the table by it (`=ROWS(Table1)`, `Table1[Value]`). */
  readonly name: string;
  readonly sheet: string;
  /** The whole table: header row (when shown) and data body, no totals row. */
  readonly rect: ZeroBasedRect;
  readonly hasHeaders: boolean;
  /** The header texts, one per column (Excel keeps them unique text). */
  readonly headers: readonly string[];
}

/** What `readTable` returns: the header texts and the data body's computed values. */
export interface TableContents {
  readonly headers: readonly string[];
  /** One array per data row (header excluded); an error cell reads as its code ("#N/A"). */
  readonly rows: readonly (readonly CellValue[])[];
}

/** A value known only after the next sync (Office.js: load, then sync, then read). */
export interface Pending<T> {
  /** Throws WorkbookError("notSynced") if read before the sync that settles it. */
  readonly value: T;
}

/** Queued writes; nothing happens until `sync()`. */
export interface WorkbookBatch {
  /**
   * Fails at sync if a sheet of that name (case-insensitive) exists. Resolves to the new
   * sheet's id (Excel: `Worksheet.id`, unique in the workbook and kept when the sheet is
   * renamed or moved).
   */
  addSheet(name: string): Pending<string>;
  deleteSheet(name: string): void;
  /**
   * Removes the sheet with this id (from `addSheet`); nothing if there is none. A writer
   * undoing its own sheet deletes by id, never by name: another writer may hold the name by then.
   */
  deleteSheetById(id: string): void;
  activateSheet(name: string): void;
  /** Strings are read as if typed unless the cell's number format is "@" (text): format first. */
  writeValues(sheet: string, topLeft: ZeroBasedCell, values: readonly (readonly CellValue[])[]): void;
  /** Each string starting with "=" is a formula (English function names, comma separators). */
  writeFormulas(sheet: string, topLeft: ZeroBasedCell, formulas: readonly (readonly string[])[]): void;
  /** One format per cell; `null` leaves that cell's format unchanged. */
  setNumberFormats(sheet: string, topLeft: ZeroBasedCell, formats: readonly (readonly (string | null)[])[]): void;
  /** One format for every cell of the block (a single value on the wire, whatever the size). */
  setNumberFormat(sheet: string, rect: ZeroBasedRect, format: string): void;
  /** Resolves to the table's name at the next sync. */
  addTable(sheet: string, rect: ZeroBasedRect, options: TableOptions): Pending<string>;
  /** A workbook-scoped defined name referring to the block. */
  addNamedRange(name: string, sheet: string, rect: ZeroBasedRect): void;
  addChart(sheet: string, spec: ChartSpec): void;
  /**
   * Empties the block: values, formulas, number formats, fill, font, input marks (Excel:
   * `Range.clear("All")`). A table or chart over it stays: delete those first.
   */
  clearRange(sheet: string, rect: ZeroBasedRect): void;
  /** Removes a workbook-scoped defined name, broken or not; nothing happens if there is none. */
  deleteNamedRange(name: string): void;
  /**
   * Removes the table of that name (any sheet); nothing happens if there is none. Its cells
   * keep their values and formats as plain cells (Excel: `convertToRange`, not `delete`,
   * which would also erase the data, including rows a user appended to the table): clear
   * the block too if they should go.
   */
  deleteTable(name: string): void;
  /** Removes the chart given that `ChartSpec.name` from the sheet (which must exist); nothing if there is none. */
  deleteChart(sheet: string, name: string): void;
  /**
   * Marks cells the user is meant to edit (scenario assumptions). Excel shows them in the
   * look of its built-in "Input" style; the preview renders them as labelled <input>s.
   */
  markInput(sheet: string, cell: ZeroBasedCell, label?: string): void;
  /** Fails at sync if `to` is taken (case-insensitive) or not a valid sheet name. */
  renameSheet(from: string, to: string): void;
  /** Fails at sync if it would hide the last visible sheet, as Excel refuses to. */
  setSheetVisibility(name: string, visibility: SheetVisibility): void;
  /**
   * Makes `rect` the table's block (header row included). As Excel's `Table.resize`: the
   * top stays in the same row and the new block overlaps the old one; no cell is inserted
   * or moved, so rows left out keep their cells as plain cells (clear them if they should
   * go). Formulas that refer to the table follow its new size. Fails at sync if the table is
   * missing, if the block would overlap another table, or where `tableResizeSupported()` is
   * false (ExcelApi 1.13).
   */
  resizeTable(sheet: string, name: string, rect: ZeroBasedRect): void;
  sync(): Promise<void>;
}

export interface Workbook {
  /** Runs `work` with one batch (one Excel.run); syncs once more after `work` resolves. */
  run<T>(work: (batch: WorkbookBatch) => Promise<T>): Promise<T>;

  listSheets(): Promise<string[]>;
  /** The workbook-scoped defined names (not tables), broken ones included. */
  listNames(): Promise<DefinedName[]>;
  /** Case-insensitive, as Excel's sheet names are. */
  hasSheet(name: string): Promise<boolean>;
  /**
   * `range` is a block or an A1 address on that sheet ("B2:D10", "C3"). Keep reads small:
   * Excel on the web also refuses a response over 5 MB.
   */
  readRange(sheet: string, range: ZeroBasedRect | string): Promise<RangeContents>;
  /** Values and formulas only: a lighter read for scanning (same 5 MB response limit). */
  readFormulas(sheet: string, rect: ZeroBasedRect): Promise<FormulaContents>;
  /** Every table in the workbook, sheet by sheet. */
  listTables(): Promise<TableInfo[]>;
  /** The table's headers and data rows. Keep it to tables of modest size (the 5 MB response limit). */
  readTable(name: string): Promise<TableContents>;
  /** Whether `WorkbookBatch.resizeTable` can run here (Excel: ExcelApi 1.13). */
  tableResizeSupported(): boolean;
  /**
   * Calls `listener` when cells of any table change, by the user or by code (Excel:
   * `TableCollection.onChanged`, ExcelApi 1.7). Several changes may come as one call.
   */
  onTablesChanged(listener: () => void): Promise<void>;
  /** Every sheet, hidden ones included, in tab order. */
  listSheetInfo(): Promise<SheetInfo[]>;
  /** The cell the user has selected (Excel: the active cell), or null when there is none. */
  selectedCell(): Promise<{ readonly sheet: string; readonly cell: ZeroBasedCell } | null>;
  /** The block from the first to the last cell holding a value or formula; null if none. */
  usedRect(sheet: string): Promise<ZeroBasedRect | null>;
  /**
   * For each cell, the block its dynamic-array result spills into (anchor included), or
   * null when it does not spill. One request for all the cells given: keep the list short.
   */
  spillRects(sheet: string, cells: readonly ZeroBasedCell[]): Promise<(ZeroBasedRect | null)[]>;

  /**
   * Add-in data stored in the workbook itself, so it travels with the file.
   * Excel: `workbook.settings` (scoped to this add-in and this file; see hosts/excel.ts).
   */
  getAddinData(key: string): Promise<string | null>;
  setAddinData(key: string, value: string): Promise<void>;
  /** Removes the key; nothing happens if there is none. */
  removeAddinData(key: string): Promise<void>;

  /**
   * Calls `listener` when the add-in data changes from outside this runtime (Excel: a
   * co-author's change, `SettingCollection.onSettingsChanged`). Not for this runtime's own writes.
   */
  onAddinDataChanged(listener: () => void): Promise<void>;

  /** `full`: recalculate everything (Excel CalculationType.full), else only what is dirty. */
  recalculate(full: boolean): Promise<void>;
  /** The application's calculation mode, or null where this host cannot read and set it. */
  readCalculationMode(): Promise<CalculationMode | null>;
  writeCalculationMode(mode: CalculationMode): Promise<void>;
  /**
   * The workbook's date system, 1900 or 1904 (serial 0 is 1904-01-01), or null where it
   * cannot be found out. Serials in writes are in the workbook's own system.
   */
  dateSystem(): Promise<DateSystem | null>;
  /**
   * Screen updating and API calculation off in each request until `resumeUpdates` (the
   * preview defers its recalculation). Best effort: never fails. Calls nest; every suspend
   * needs one resume. Calculation mode is separate (calculation-guard.ts).
   */
  suspendUpdates(): Promise<void>;
  resumeUpdates(): Promise<void>;

  // One-operation conveniences, each its own run (see BatchedWorkbook).
  addSheet(name: string): Promise<void>;
  deleteSheet(name: string): Promise<void>;
  deleteSheetById(id: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
  writeValues(sheet: string, topLeft: ZeroBasedCell, values: readonly (readonly CellValue[])[]): Promise<void>;
  writeFormulas(sheet: string, topLeft: ZeroBasedCell, formulas: readonly (readonly string[])[]): Promise<void>;
  setNumberFormats(
    sheet: string,
    topLeft: ZeroBasedCell,
    formats: readonly (readonly (string | null)[])[],
  ): Promise<void>;
  setNumberFormat(sheet: string, rect: ZeroBasedRect, format: string): Promise<void>;
  addTable(sheet: string, rect: ZeroBasedRect, options: TableOptions): Promise<string>;
  addNamedRange(name: string, sheet: string, rect: ZeroBasedRect): Promise<void>;
  addChart(sheet: string, spec: ChartSpec): Promise<void>;
  clearRange(sheet: string, rect: ZeroBasedRect): Promise<void>;
  deleteNamedRange(name: string): Promise<void>;
  deleteTable(name: string): Promise<void>;
  deleteChart(sheet: string, name: string): Promise<void>;
  markInput(sheet: string, cell: ZeroBasedCell, label?: string): Promise<void>;
}
