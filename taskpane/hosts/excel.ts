/**
 * The Workbook port over Office.js. Thin on purpose: each port call is one or two
 * Office.js calls; the decisions (what to write, in what order, how much per sync) are in
 * src/workbook, where they are tested without Excel.
 *
 * Add-in data lives in `workbook.settings` (ExcelApi 1.4) rather than a CustomXmlPart:
 * settings are saved inside the .xlsx, so they travel with the file; they are scoped to
 * this add-in, so other add-ins and macros do not see or clobber them (custom XML parts
 * are shared by namespace); and they are plain key/value strings, no XML to escape or
 * parse. Office's common `Office.context.document.settings` persists too, but through
 * callbacks and an explicit saveAsync; `workbook.settings` rides in the same Excel.run
 * batches as everything else.
 *
 * Deletes go through excel-request-queue.ts: Office.js can only delete what a lookup found,
 * after a sync, and the queue keeps the operations queued after a delete in their order.
 *
 * Enumerations are passed as their string values ("Manual", "Full", "ColumnClustered", "All"),
 * which Office.js accepts, so the module needs no Excel global at load time and tests can
 * hand it a mock.
 */
import { BatchedWorkbook } from "../../src/workbook/batched-workbook";
import { toRect } from "../../src/workbook/address";
import { blockAt, checkRect } from "../../src/workbook/grid";
import { WorkbookError } from "../../src/workbook/errors";
import { PendingValue } from "../../src/workbook/pending";
import { isSetSupported } from "../office-host";
import { RequestQueue } from "./excel-request-queue";
import { columnNames } from "../../src/excel/table-headers";
import type { CellValue } from "../../src/excel/values";
import type { ZeroBasedCell, ZeroBasedRect } from "../../src/excel/a1";
import type {
  CalculationMode,
  ChartSpec,
  ChartType,
  DateSystem,
  DefinedName,
  FormulaContents,
  Pending,
  RangeContents,
  SheetInfo,
  SheetVisibility,
  TableContents,
  TableInfo,
  TableOptions,
  Workbook,
  WorkbookBatch,
} from "../../src/workbook/workbook";

/** The part of the `Excel` namespace the host uses. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /** Default: the global `Excel` (tests pass an office-addin-mock object). */
  readonly excel?: ExcelApi;
  /** Requirement-set check; default `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported?: (set: string, version: string) => boolean;
}

export function createExcelWorkbook(options: ExcelHostOptions = {}): Workbook {
  return new ExcelWorkbook(options);
}

const CHART_TYPES: Record<ChartType, string> = { column: "ColumnClustered", bar: "BarClustered", line: "Line" };
/** The fill and font of Excel's built-in "Input" cell style (set directly: style names are localised). */
const INPUT_FILL = "#FFCC99";
const INPUT_FONT = "#3F3F76";

/** Sheet names need the collection's `items`, which office-addin-mock cannot provide: kept apart. */
export async function readSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/**
 * Defined names need the collection's `items` too: kept apart. A name whose sheet was deleted
 * reads as type "Error" with the value "#REF!" (its formula "=#REF!$B$8"); `value` and `type`
 * are ExcelApi 1.1, where `formula` would need 1.7.
 */
export async function readDefinedNames(context: Excel.RequestContext): Promise<DefinedName[]> {
  const names = context.workbook.names;
  names.load("items/name,items/type,items/value");
  await context.sync();
  return names.items.map((n) => ({ name: n.name, broken: n.type === "Error" || String(n.value).includes("#REF!") }));
}

const VISIBILITY: Record<SheetVisibility, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** Sheets with visibility and protection (ExcelApi 1.1 and 1.2); a collection read, kept apart. */
export async function readSheetInfo(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();
  const byExcel = new Map(Object.entries(VISIBILITY).map(([ours, theirs]) => [theirs, ours as SheetVisibility]));
  return sheets.items.map((s) => ({
    name: s.name,
    visibility: byExcel.get(s.visibility) ?? "visible",
    protected: s.protection.protected,
  }));
}

/**
 * Every table with its sheet, block and header texts: a collection read, kept apart. Table,
 * getRange, getHeaderRowRange (ExcelApi 1.1), worksheet (1.2), showHeaders (1.3):
 * https://learn.microsoft.com/javascript/api/excel/excel.table
 */
export async function readTables(context: Excel.RequestContext): Promise<TableInfo[]> {
  const tables = context.workbook.tables;
  tables.load("items/name,items/showHeaders");
  await context.sync();
  const parts = tables.items.map((t) => {
    const range = t.getRange();
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    t.worksheet.load("name");
    const header = t.showHeaders ? t.getHeaderRowRange() : null;
    header?.load("values");
    return { t, range, header };
  });
  await context.sync();
  return parts.map(({ t, range, header }) => {
    const rect = rectOf(range);
    return {
      name: t.name,
      sheet: t.worksheet.name,
      rect,
      hasHeaders: t.showHeaders,
      headers: header ? (header.values[0] ?? []).map(String) : columnNames(rect.cols),
    };
  });
}

const rectOf = (r: Excel.Range): ZeroBasedRect => ({
  row: r.rowIndex,
  col: r.columnIndex,
  rows: r.rowCount,
  cols: r.columnCount,
});

class ExcelWorkbook extends BatchedWorkbook {
  private suspendDepth = 0;
  private readonly supports: (set: string, version: string) => boolean;

  constructor(private readonly options: ExcelHostOptions) {
    super();
    this.supports = options.isSetSupported ?? isSetSupported;
  }

  private get excel(): ExcelApi {
    return this.options.excel ?? Excel;
  }

  run<T>(work: (batch: WorkbookBatch) => Promise<T>): Promise<T> {
    return this.excel.run(async (context) => {
      const batch = new ExcelBatch(context, this.suspendDepth > 0, this.supports);
      const result = await work(batch);
      await batch.sync();
      return result;
    });
  }

  listSheets(): Promise<string[]> {
    return this.excel.run(readSheetNames);
  }

  listNames(): Promise<DefinedName[]> {
    return this.excel.run(readDefinedNames);
  }

  hasSheet(name: string): Promise<boolean> {
    return this.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      return !sheet.isNullObject;
    });
  }

  readRange(sheet: string, range: ZeroBasedRect | string): Promise<RangeContents> {
    const rect = toRect(range);
    checkRect(rect);
    return this.excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols);
      r.load("values, formulas, numberFormat");
      await context.sync();
      return { values: r.values, formulas: r.formulas, numberFormats: r.numberFormat };
    });
  }

  readFormulas(sheet: string, rect: ZeroBasedRect): Promise<FormulaContents> {
    checkRect(rect);
    return this.excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols);
      r.load("values, formulas");
      await context.sync();
      return { values: r.values, formulas: r.formulas };
    });
  }

  listSheetInfo(): Promise<SheetInfo[]> {
    return this.excel.run(readSheetInfo);
  }

  listTables(): Promise<TableInfo[]> {
    return this.excel.run(readTables);
  }

  readTable(name: string): Promise<TableContents> {
    return this.excel.run(async (context) => {
      const table = context.workbook.tables.getItem(name);
      table.load("showHeaders");
      const body = table.getDataBodyRange();
      body.load("values");
      const whole = table.getRange();
      whole.load("columnCount");
      await context.sync();
      const header = table.showHeaders ? table.getHeaderRowRange() : null;
      header?.load("values");
      if (header) await context.sync();
      const headers = header ? (header.values[0] ?? []).map(String) : columnNames(whole.columnCount);
      return { headers, rows: body.values as CellValue[][] };
    });
  }

  /** Table.resize is ExcelApi 1.13 (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)). */
  tableResizeSupported(): boolean {
    return this.supports("ExcelApi", "1.13");
  }

  /**
   * TableCollection.onChanged (ExcelApi 1.7): "Occurs when data changes on any table in a
   * workbook, or a worksheet" (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection).
   */
  onTablesChanged(listener: () => void): Promise<void> {
    return this.excel.run(async (context) => {
      context.workbook.tables.onChanged.add(async () => listener());
      await context.sync();
    });
  }

  /**
   * Workbook.getActiveCell (ExcelApi 1.7): the active cell of the selection, on the active
   * sheet. Excel refuses it with InvalidSelection where the selection holds no cell (a chart
   * or shape selected): there is no cell then, so null.
   * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getactivecell-member(1)
   */
  selectedCell(): Promise<{ readonly sheet: string; readonly cell: ZeroBasedCell } | null> {
    return this.excel
      .run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("rowIndex, columnIndex");
        const sheet = cell.worksheet;
        sheet.load("name");
        await context.sync();
        return { sheet: sheet.name, cell: { row: cell.rowIndex, col: cell.columnIndex } };
      })
      .catch((e: unknown) => {
        if ((e as { code?: unknown } | null)?.code === "InvalidSelection") return null;
        throw e;
      });
  }

  usedRect(sheet: string): Promise<ZeroBasedRect | null> {
    return this.excel.run(async (context) => {
      // valuesOnly: formatting alone does not widen the block (ExcelApi 1.4 for OrNullObject).
      const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      await context.sync();
      return used.isNullObject ? null : rectOf(used);
    });
  }

  spillRects(sheet: string, cells: readonly ZeroBasedCell[]): Promise<(ZeroBasedRect | null)[]> {
    // Range.getSpillingToRangeOrNullObject (ExcelApi 1.12; Excel before it has no dynamic arrays):
    // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays
    if (cells.length === 0) return Promise.resolve([]);
    if (!this.supports("ExcelApi", "1.12")) return Promise.resolve(cells.map(() => null));
    return this.excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const spills = cells.map((c) => {
        const spill = ws.getRangeByIndexes(c.row, c.col, 1, 1).getSpillingToRangeOrNullObject();
        spill.load("rowIndex, columnIndex, rowCount, columnCount");
        return spill;
      });
      await context.sync();
      return spills.map((s) => (s.isNullObject ? null : rectOf(s)));
    });
  }

  getAddinData(key: string): Promise<string | null> {
    return this.excel.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load("value");
      await context.sync();
      if (item.isNullObject) return null;
      return typeof item.value === "string" ? item.value : JSON.stringify(item.value);
    });
  }

  setAddinData(key: string, value: string): Promise<void> {
    return this.excel.run(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  /** Office.js cannot delete what it has not found: look up, sync, then delete. */
  removeAddinData(key: string): Promise<void> {
    return this.excel.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      await context.sync();
      if (item.isNullObject) return;
      item.delete();
      await context.sync();
    });
  }

  onAddinDataChanged(listener: () => void): Promise<void> {
    return this.excel.run(async (context) => {
      context.workbook.settings.onSettingsChanged.add(async () => listener());
      await context.sync();
    });
  }

  recalculate(full: boolean): Promise<void> {
    return this.excel.run(async (context) => {
      context.workbook.application.calculate(full ? "Full" : "Recalculate");
      await context.sync();
    });
  }

  /** Setting `calculationMode` needs ExcelApi 1.8; without it the mode is left alone (null). */
  async readCalculationMode(): Promise<CalculationMode | null> {
    if (!this.supports("ExcelApi", "1.8")) return null;
    return this.excel.run(async (context) => {
      const app = context.workbook.application;
      app.load("calculationMode");
      await context.sync();
      return app.calculationMode as CalculationMode;
    });
  }

  writeCalculationMode(mode: CalculationMode): Promise<void> {
    if (!this.supports("ExcelApi", "1.8")) {
      return Promise.reject(
        new WorkbookError("unsupported", "This Excel cannot set the calculation mode (ExcelApi 1.8)."),
      );
    }
    return this.excel.run(async (context) => {
      context.workbook.application.calculationMode = mode;
      await context.sync();
    });
  }

  /**
   * The released API has no date-system property (Workbook.use1904DateSystem is preview
   * only), so Excel is asked what DATE(1904,1,1) is in this workbook: 0 in the 1904 date
   * system, 1462 in the 1900 one (WorkbookFunctions, ExcelApi 1.2; the DATE function's
   * year argument is read "depending on the workbook's date system").
   */
  dateSystem(): Promise<DateSystem | null> {
    return this.excel.run(async (context) => {
      const result = context.workbook.functions.date(1904, 1, 1);
      result.load("value");
      await context.sync();
      return result.value === 0 ? 1904 : result.value === 1462 ? 1900 : null;
    });
  }

  /** Per-request suspension only (ExcelBatch.beginRequest): no round trip, nothing to fail. */
  async suspendUpdates(): Promise<void> {
    this.suspendDepth++;
  }

  async resumeUpdates(): Promise<void> {
    if (this.suspendDepth > 0) this.suspendDepth--;
  }
}

class ExcelBatch implements WorkbookBatch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private settle: Array<() => void> = [];
  private readonly queue = new RequestQueue();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly suspended: boolean,
    private readonly supports: (set: string, version: string) => boolean,
  ) {
    this.beginRequest();
  }

  /** Screen updating and API calculation stay off only until the next sync: renew per request. */
  private beginRequest(): void {
    if (!this.suspended) return;
    const app = this.context.workbook.application;
    if (this.supports("ExcelApi", "1.9")) app.suspendScreenUpdatingUntilNextSync();
    if (this.supports("ExcelApi", "1.6")) app.suspendApiCalculationUntilNextSync();
  }

  private sheet(name: string): Excel.Worksheet {
    const key = name.toUpperCase();
    let sheet = this.sheets.get(key);
    if (!sheet) this.sheets.set(key, (sheet = this.context.workbook.worksheets.getItem(name)));
    return sheet;
  }

  private range(sheet: string, rect: ZeroBasedRect): Excel.Range {
    return this.sheet(sheet).getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols);
  }

  // Arguments are checked when queued (as Office.js does); the Office.js calls go through the
  // queue, so they reach Excel after any delete queued before them.

  addSheet(name: string): Pending<string> {
    const result = new PendingValue<string>("The sheet's id");
    this.queue.write(() => {
      const sheet = this.context.workbook.worksheets.add(name);
      sheet.load("id");
      this.sheets.set(name.toUpperCase(), sheet);
      this.settle.push(() => result.settle(sheet.id));
    });
    return result;
  }

  // WorksheetCollection.getItemOrNullObject takes a name or an id ("Gets a worksheet object
  // using its name or ID", OfficeDev/office-js-docs excel/resources/worksheetcollection.md);
  // the loaded id is compared too, so a sheet merely named like the id is never deleted.
  deleteSheetById(id: string): void {
    this.queue.lookup(`sheetId:${id}`, () => {
      const sheet = this.context.workbook.worksheets.getItemOrNullObject(id);
      sheet.load("id, name");
      return () => {
        if (sheet.isNullObject || sheet.id !== id) return false;
        this.sheets.delete(sheet.name.toUpperCase());
        sheet.delete();
        return true;
      };
    });
  }

  deleteSheet(name: string): void {
    this.queue.write(() => {
      this.sheet(name).delete();
      this.sheets.delete(name.toUpperCase());
    });
  }

  activateSheet(name: string): void {
    this.queue.write(() => this.sheet(name).activate());
  }

  writeValues(sheet: string, topLeft: ZeroBasedCell, values: readonly (readonly CellValue[])[]): void {
    const rect = blockAt(topLeft, values);
    this.queue.write(() => (this.range(sheet, rect).values = values as CellValue[][]));
  }

  writeFormulas(sheet: string, topLeft: ZeroBasedCell, formulas: readonly (readonly string[])[]): void {
    const rect = blockAt(topLeft, formulas, "formulas");
    this.queue.write(() => (this.range(sheet, rect).formulas = formulas as string[][]));
  }

  setNumberFormats(sheet: string, topLeft: ZeroBasedCell, formats: readonly (readonly (string | null)[])[]): void {
    const rect = blockAt(topLeft, formats, "formats");
    this.queue.write(() => (this.range(sheet, rect).numberFormat = formats as (string | null)[][]));
  }

  setNumberFormat(sheet: string, rect: ZeroBasedRect, format: string): void {
    checkRect(rect);
    // Office.js documents a single value as applying to every cell of the range; the
    // typings only know the 2-D form. One value keeps the request small for any size.
    this.queue.write(() => (this.range(sheet, rect).numberFormat = format as unknown as string[][]));
  }

  addTable(sheet: string, rect: ZeroBasedRect, options: TableOptions): Pending<string> {
    checkRect(rect);
    const result = new PendingValue<string>("The table's name");
    this.queue.write(() => {
      const table = this.sheet(sheet).tables.add(this.range(sheet, rect), options.hasHeaders);
      if (options.name !== undefined) table.name = options.name;
      table.load("name");
      this.settle.push(() => result.settle(table.name));
    });
    return result;
  }

  addNamedRange(name: string, sheet: string, rect: ZeroBasedRect): void {
    checkRect(rect);
    this.queue.write(() => this.context.workbook.names.add(name, this.range(sheet, rect)));
  }

  addChart(sheet: string, spec: ChartSpec): void {
    checkRect(spec.dataRect);
    this.queue.write(() => {
      const chart = this.sheet(sheet).charts.add(
        CHART_TYPES[spec.type] as Excel.ChartType,
        this.range(sheet, spec.dataRect),
        "Columns",
      );
      if (spec.name !== undefined) chart.name = spec.name;
      chart.title.text = spec.title;
      // Category labels come from the data's first column; the value axis shows the spec's
      // format, and a legend names the series when there is more than one (one series is
      // named by the title).
      // ChartAxis.numberFormat is ExcelApi 1.8; older Excel keeps its default axis format.
      if (this.supports("ExcelApi", "1.8")) {
        if (spec.valueFormat !== undefined) chart.axes.valueAxis.numberFormat = spec.valueFormat;
      }
      chart.legend.visible = spec.dataRect.cols > 2;
      if (spec.dataRect.cols > 2) chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
      const { row, col } = spec.position;
      const end = { row: row + (spec.position.rows ?? 15) - 1, col: col + (spec.position.cols ?? 8) - 1 };
      chart.setPosition(
        this.range(sheet, { row, col, rows: 1, cols: 1 }),
        this.range(sheet, { ...end, rows: 1, cols: 1 }),
      );
    });
  }

  clearRange(sheet: string, rect: ZeroBasedRect): void {
    checkRect(rect);
    this.queue.write(() => this.range(sheet, rect).clear("All"));
  }

  deleteNamedRange(name: string): void {
    this.queue.lookup(`name:${name.toUpperCase()}`, () => {
      const item = this.context.workbook.names.getItemOrNullObject(name);
      return () => !item.isNullObject && (item.delete(), true);
    });
  }

  deleteTable(name: string): void {
    this.queue.lookup(`table:${name.toUpperCase()}`, () => {
      const table = this.context.workbook.tables.getItemOrNullObject(name);
      // convertToRange, not delete: see WorkbookBatch.deleteTable.
      return () => !table.isNullObject && (table.convertToRange(), true);
    });
  }

  deleteChart(sheet: string, name: string): void {
    this.queue.lookup(`chart:${sheet.toUpperCase()}!${name.toUpperCase()}`, () => {
      const chart = this.sheet(sheet).charts.getItemOrNullObject(name);
      return () => !chart.isNullObject && (chart.delete(), true);
    });
  }

  markInput(sheet: string, cell: ZeroBasedCell, _label?: string): void {
    this.queue.write(() => {
      const range = this.range(sheet, { ...cell, rows: 1, cols: 1 });
      range.format.fill.color = INPUT_FILL;
      range.format.font.color = INPUT_FONT;
      range.format.protection.locked = false; // stays editable if the sheet is protected
    });
  }

  renameSheet(from: string, to: string): void {
    this.queue.write(() => {
      const sheet = this.sheet(from);
      sheet.name = to;
      this.sheets.delete(from.toUpperCase());
      this.sheets.set(to.toUpperCase(), sheet);
    });
  }

  setSheetVisibility(name: string, visibility: SheetVisibility): void {
    this.queue.write(() => (this.sheet(name).visibility = VISIBILITY[visibility] as Excel.SheetVisibility));
  }

  /**
   * Table.resize, ExcelApi 1.13: "The new range must overlap with the original table range and
   * the headers (or the top of the table) must be in the same row"
   * (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)).
   * Without 1.13 it fails when queued, with a message saying what Excel would need.
   */
  resizeTable(sheet: string, name: string, rect: ZeroBasedRect): void {
    checkRect(rect);
    if (!this.supports("ExcelApi", "1.13")) {
      throw new WorkbookError(
        "unsupported",
        "This Excel cannot resize a table (Table.resize needs ExcelApi 1.13: Excel 2021, Microsoft 365 or Excel on the web).",
      );
    }
    this.queue.write(() => this.context.workbook.tables.getItem(name).resize(this.range(sheet, rect)));
  }

  /** One context.sync, and one more per round of lookups a delete needed. */
  async sync(): Promise<void> {
    try {
      do {
        const settle = this.settle;
        this.settle = [];
        await this.context.sync();
        for (const s of settle) s();
        this.beginRequest();
      } while (this.queue.afterSync());
    } catch (e) {
      this.queue.reset();
      this.settle = [];
      throw e;
    }
  }
}
