/**
 * The in-memory workbook the pane writes to outside Excel, rendered as HTML tables by
 * renderPreview. It implements the same Workbook port as hosts/excel.ts with Excel's
 * semantics where they matter to the views: writes are queued and applied at sync in
 * order (a failing operation fails its sync, earlier ones stay applied, like Excel);
 * strings are read as typed unless the cell is "@"; table headers become unique text;
 * names are case-insensitive; deleting a sheet leaves its defined names behind, broken
 * (#REF!), and they still block adding a name of the same spelling; deleting a table keeps its
 * cells (Excel's convertToRange). Formulas are computed by an injected FormulaEvaluator.
 * A sync carrying more than 5 MB of cell data fails as Excel on the web fails it
 * (RequestPayloadSizeLimitExceeded, src/excel/limits.ts), the strictest platform, so a
 * writer that would break there breaks here too.
 */
import { BatchedWorkbook } from "../../src/workbook/batched-workbook";
import { toRect } from "../../src/workbook/address";
import { WorkbookError } from "../../src/workbook/errors";
import type { FormulaEvaluator, FormulaLookup } from "../../src/workbook/formula-evaluator";
import { type ComputedValue, type ResultValue, isErrorValue } from "../../src/excel/values";
import { cellAddress, rectAddress } from "../../src/excel/a1";
import { columnName, tableHeaderNames } from "../../src/excel/table-headers";
import { dataBody, expandStructuredRefs, type TableRef } from "../../src/excel/structured-refs";
import { blockAt, checkRect } from "../../src/workbook/grid";
import { sameName } from "../../src/excel/naming-rules";
import { checkDefinedName, checkSheetName } from "../../src/workbook/name-checks";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, WEB_REQUEST_LIMIT_BYTES } from "../../src/excel/limits";
import { NUMERIC_TEXT } from "../../src/excel/numeric-text";
import { typedFormula } from "../../src/excel/formula-lead";
import { utf8Length } from "../../src/workbook/payload";
import { PendingValue } from "../../src/workbook/pending";
import { ADDIN_DATA_LIMIT_BYTES, addinDataBytes, megabytes } from "../../src/workbook/addin-data";
import type { CellValue } from "../../src/excel/values";
import type { ZeroBasedCell, ZeroBasedRect } from "../../src/excel/a1";
import type {
  CalculationMode,
  ChartSpec,
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
  WorkbookBatch,
} from "../../src/workbook/workbook";
import { PreviewSheet, type SerialisedSheet } from "./preview-sheet";

export { renderPreview } from "./preview-render";
export type { PreviewRenderOptions, PreviewRenderHandle } from "./preview-render";

export interface PreviewTable {
  readonly name: string;
  readonly sheet: string;
  readonly rect: ZeroBasedRect;
  readonly hasHeaders: boolean;
}

export interface PreviewName {
  readonly name: string;
  /** The sheet it referred to; when `broken`, that sheet was deleted. */
  readonly sheet: string;
  readonly rect: ZeroBasedRect;
  /** Its sheet was deleted: formulas using it read #REF!, as in Excel. */
  readonly broken?: boolean;
}

export interface PreviewChart {
  readonly name: string;
  readonly sheet: string;
  readonly spec: ChartSpec;
}

/** `structural`: sheets, tables, charts, inputs or a sheet's size changed (else only values). */
export interface PreviewChange {
  readonly structural: boolean;
}

export interface PreviewOptions {
  readonly evaluator?: FormulaEvaluator;
  /** Recalculation passes before giving up on a circular or unstable workbook (default 20). */
  readonly maxPasses?: number;
  /** The workbook's date system (default 1900, Excel's default for new workbooks). */
  readonly dateSystem?: DateSystem;
  /** Sheets of a fresh workbook (default ["Sheet1"]): Excel never has none. */
  readonly sheets?: readonly string[];
}

interface Serialised {
  readonly format: "rare-preview-workbook";
  readonly version: 1;
  readonly active: string;
  readonly sheets: SerialisedSheet[];
  readonly tables: PreviewTable[];
  readonly names: PreviewName[];
  readonly charts: PreviewChart[];
  readonly addinData: Array<[string, string]>;
}

type Operation = (wb: PreviewWorkbook) => void;

const REF_ERROR: ComputedValue = { error: "#REF!", message: "No such sheet." };
/** Where a broken name points: "[" cannot be in a sheet name, so no sheet ever matches. */
const NO_SHEET = "[deleted sheet]";

export class PreviewWorkbook extends BatchedWorkbook {
  private sheets: PreviewSheet[];
  private active: string;
  private tables: PreviewTable[] = [];
  private names: PreviewName[] = [];
  private charts: PreviewChart[] = [];
  private addinData = new Map<string, string>();
  private readonly addinDataListeners = new Set<() => void>();
  private readonly tableListeners = new Set<() => void>();
  private suspendDepth = 0;
  private calculationMode: CalculationMode = "Automatic";
  private pendingRecalc = false;
  private readonly listeners = new Set<(change: PreviewChange) => void>();
  /** Set by operations during a sync; read and cleared when it ends. */
  private changed: { values: boolean; structural: boolean; tables?: boolean } = { values: false, structural: false };
  /** What the user selected in the rendered grid; kept by sheet name, dropped with its sheet. */
  private selection: { sheet: string; cell: ZeroBasedCell } | null = null;
  /** Syncs applied so far (for tests and the pane's diagnostics). */
  syncCount = 0;

  constructor(private readonly options: PreviewOptions = {}) {
    super();
    const names = options.sheets ?? ["Sheet1"];
    names.forEach(checkSheetName);
    this.sheets = names.map((n) => new PreviewSheet(n));
    this.active = names[0] ?? "";
  }

  // --- the port ----------------------------------------------------------------------

  async run<T>(work: (batch: WorkbookBatch) => Promise<T>): Promise<T> {
    const batch = new PreviewBatch(this);
    const result = await work(batch);
    await batch.sync();
    return result;
  }

  async listSheets(): Promise<string[]> {
    return this.sheetNames();
  }

  async listNames(): Promise<DefinedName[]> {
    return this.names.map((n) => ({ name: n.name, broken: n.broken === true }));
  }

  async hasSheet(name: string): Promise<boolean> {
    return this.findSheet(name) !== undefined;
  }

  async readRange(sheet: string, range: ZeroBasedRect | string): Promise<RangeContents> {
    return this.read(sheet, toRect(range), true);
  }

  async readFormulas(sheet: string, rect: ZeroBasedRect): Promise<FormulaContents> {
    const { values, formulas } = this.read(sheet, rect, false);
    return { values, formulas };
  }

  // --- tables (re-import, overrides from tables) --------------------------------------

  async listTables(): Promise<TableInfo[]> {
    return this.tableRefs().map(({ name, sheet, rect, hasHeaders, headers }) => ({
      name,
      sheet,
      rect,
      hasHeaders,
      headers,
    }));
  }

  async readTable(name: string): Promise<TableContents> {
    const table = this.tableRefs().find((t) => sameName(t.name, name));
    if (!table) throw new WorkbookError("invalidArgument", `There is no table named "${name}".`);
    const body = dataBody(table);
    const rows = body.rows ? this.read(table.sheet, body, false).values : [];
    return { headers: table.headers, rows };
  }

  /** The preview resizes as Excel 1.13 does (Table.resize). */
  tableResizeSupported(): boolean {
    return true;
  }

  /**
   * Excel raises TableCollection.onChanged for changes to table cells by the user or by code,
   * after they happen (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-onchanged-member):
   * the preview calls the listeners after the sync or edit, asynchronously.
   */
  async onTablesChanged(listener: () => void): Promise<void> {
    this.tableListeners.add(listener);
  }

  private tablesTouched(sheet: string, rect: ZeroBasedRect): boolean {
    return this.tablesOn(sheet).some((t) => overlaps(t.rect, rect));
  }

  private emitTablesChanged(): void {
    if (!this.tableListeners.size) return;
    setTimeout(() => {
      for (const l of this.tableListeners) l();
    }, 0);
  }

  /** Tables with their header texts, as formulas and listTables see them. */
  private tableRefs(): TableRef[] {
    return this.tables.map((t) => {
      const s = this.findSheet(t.sheet);
      const headers: string[] = [];
      for (let c = 0; c < t.rect.cols; c++) {
        const v = t.hasHeaders && s ? s.value(t.rect.row, t.rect.col + c) : null;
        headers.push(t.hasHeaders ? (v === null ? "" : isErrorValue(v) ? v.error : String(v)) : columnName(c));
      }
      return { ...t, headers };
    });
  }

  async listSheetInfo(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, visibility: s.visibility, protected: s.protected }));
  }

  /** The cell selected in the rendered grid (`select`); null before any selection, as a fresh preview has none. */
  async selectedCell(): Promise<{ readonly sheet: string; readonly cell: ZeroBasedCell } | null> {
    const selected = this.selection;
    if (!selected) return null;
    const sheet = this.findSheet(selected.sheet);
    return sheet ? { sheet: sheet.name, cell: { ...selected.cell } } : null;
  }

  async usedRect(sheet: string): Promise<ZeroBasedRect | null> {
    return this.sheet(sheet).usedRect();
  }

  /** For each anchor, the block its result spills into now (Range.getSpillingToRangeOrNullObject); null elsewhere. */
  async spillRects(sheet: string, cells: readonly ZeroBasedCell[]): Promise<(ZeroBasedRect | null)[]> {
    const s = this.sheet(sheet);
    return cells.map((c) => s.spillRect(c.row, c.col));
  }

  async getAddinData(key: string): Promise<string | null> {
    return this.addinData.get(key) ?? null;
  }

  /**
   * Refused, like Excel, beyond the settings limit of about 2 MB per add-in and workbook
   * (src/workbook/addin-data.ts cites the docs), so the budget checks are tested here too.
   */
  async setAddinData(key: string, value: string): Promise<void> {
    let total = addinDataBytes(key, value);
    for (const [k, v] of this.addinData) if (k !== key) total += addinDataBytes(k, v);
    if (total > ADDIN_DATA_LIMIT_BYTES) {
      throw new WorkbookError(
        "tooLarge",
        `The add-in settings would take ${megabytes(total)}, above the ${megabytes(ADDIN_DATA_LIMIT_BYTES)} Excel keeps per add-in and workbook.`,
      );
    }
    this.addinData.set(key, value);
  }

  async removeAddinData(key: string): Promise<void> {
    this.addinData.delete(key);
  }

  async onAddinDataChanged(listener: () => void): Promise<void> {
    this.addinDataListeners.add(listener);
  }

  /**
   * A co-author's change arriving (tests, and the curious): Excel raises the settings-changed
   * event for changes made elsewhere, in Excel on the web while co-authoring
   * (https://learn.microsoft.com/javascript/api/office/office.settingschangedeventargs),
   * never for this runtime's own writes, so setAddinData does not raise it.
   */
  coauthorSetsAddinData(key: string, value: string): void {
    this.addinData.set(key, value);
    for (const l of this.addinDataListeners) l();
  }

  async recalculate(_full: boolean): Promise<void> {
    this.recalculateNow();
    this.emit({ structural: false });
  }

  /** Application state, as in Excel: Manual defers recalculation until it is set back. */
  async readCalculationMode(): Promise<CalculationMode | null> {
    return this.calculationMode;
  }

  async writeCalculationMode(mode: CalculationMode): Promise<void> {
    this.calculationMode = mode;
    if (!this.recalculationDeferred && this.pendingRecalc) {
      this.recalculateNow();
      this.emit({ structural: false });
    }
  }

  async dateSystem(): Promise<DateSystem | null> {
    return this.options.dateSystem ?? 1900;
  }

  async suspendUpdates(): Promise<void> {
    this.suspendDepth++;
  }

  async resumeUpdates(): Promise<void> {
    if (this.suspendDepth === 0) return;
    this.suspendDepth--;
    if (!this.recalculationDeferred && this.pendingRecalc) {
      this.recalculateNow();
      this.emit({ structural: false });
    }
  }

  private read(sheet: string, rect: ZeroBasedRect, withFormats: boolean): RangeContents {
    const s = this.sheet(sheet);
    checkRect(rect);
    const values: CellValue[][] = [];
    const formulas: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const vRow: CellValue[] = [];
      const fRow: CellValue[] = [];
      const nRow: string[] = [];
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const v = s.value(r, c);
        const plain = isErrorValue(v) ? v.error : v === null ? "" : v;
        vRow.push(plain);
        fRow.push(s.formula(r, c) ?? plain);
        if (withFormats) nRow.push(s.format(r, c));
      }
      values.push(vRow);
      formulas.push(fRow);
      if (withFormats) numberFormats.push(nRow);
    }
    return { values, formulas, numberFormats };
  }

  private get recalculationDeferred(): boolean {
    return this.suspendDepth > 0 || this.calculationMode === "Manual";
  }

  // --- what the renderer and tests read ---------------------------------------------

  get updatesSuspended(): boolean {
    return this.suspendDepth > 0;
  }

  get activeSheet(): string {
    return this.active;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The sheet (read access for the renderer); throws if there is none of that name. */
  sheet(name: string): PreviewSheet {
    const s = this.findSheet(name);
    if (!s) throw new WorkbookError("sheetMissing", `There is no sheet named "${name}".`);
    return s;
  }

  tablesOn(sheet: string): PreviewTable[] {
    return this.tables.filter((t) => sameName(t.sheet, sheet));
  }

  chartsOn(sheet: string): PreviewChart[] {
    return this.charts.filter((c) => sameName(c.sheet, sheet));
  }

  namedRanges(): PreviewName[] {
    return [...this.names];
  }

  /** Listens for changes after syncs, recalculations and edits; returns the unsubscribe. */
  subscribe(listener: (change: PreviewChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * What the user typed into an input cell: a number ("1,250", "12.5%", "-3"), TRUE/FALSE,
   * blank, else text. Stored as a constant, never as a formula; then recalculates.
   */
  editCell(sheet: string, row: number, col: number, text: string): CellValue {
    const value = percentEntry(parseTyped(text), text, this.sheet(sheet).format(row, col));
    this.sheet(sheet).setConstant(row, col, value);
    if (this.recalculationDeferred) this.pendingRecalc = true;
    else this.recalculateNow();
    this.emit({ structural: false });
    if (this.tablesTouched(sheet, { row, col, rows: 1, cols: 1 })) this.emitTablesChanged();
    return value;
  }

  /**
   * The user selects a cell (the grid's focus, or a click): it becomes the selected cell and
   * its sheet the active one, as clicking a cell on a sheet's tab does in Excel.
   */
  select(sheet: string, cell: ZeroBasedCell): void {
    const s = this.sheet(sheet);
    checkRect({ ...cell, rows: 1, cols: 1 });
    this.selection = { sheet: s.name, cell: { row: cell.row, col: cell.col } };
    this.active = s.name; // the renderer that called this shows it; no redraw under the user's focus
  }

  /**
   * What the user types into a cell of the live sheet (the formula bar, or typing over a
   * selected cell), read as Excel reads an entry (see `cellEntry`); then recalculates. Refused
   * like a write where the sheet protects the cell. Returns what the cell now holds.
   */
  enter(sheet: string, row: number, col: number, text: string): { value: CellValue } | { formula: string } {
    const s = this.sheet(sheet);
    const rect = { row, col, rows: 1, cols: 1 };
    checkRect(rect);
    s.checkEditable(rect);
    const grows = row >= s.rowCount || col >= s.colCount;
    const entry = cellEntry(text, s.format(row, col));
    if ("formula" in entry) s.setFormula(row, col, entry.formula);
    else s.setConstant(row, col, entry.value);
    if (entry.format) s.setFormat(row, col, entry.format);
    if (this.recalculationDeferred) this.pendingRecalc = true;
    else this.recalculateNow();
    this.emit({ structural: grows });
    return "formula" in entry ? { formula: entry.formula } : { value: entry.value };
  }

  /** Protects or unprotects a sheet, as the user would on Excel's Review tab. */
  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
    this.emit({ structural: true });
  }

  /**
   * Recomputes every formula cell, sheet by sheet, row by row, until nothing changes. A
   * result of more than one cell spills right and down from its formula, as dynamic-array
   * Excel does; where that block is not free the formula shows #SPILL! (Microsoft Support,
   * "Dynamic array formulas and spilled array behavior",
   * https://support.microsoft.com/office/205c6b06-03ba-4151-89a1-87a7eb36e531).
   */
  recalculateNow(): { passes: number; stable: boolean } {
    this.pendingRecalc = false;
    for (const sheet of this.sheets) for (const k of sheet.orphanSpills()) sheet.dropSpill(k);
    const cells = this.sheets.flatMap((sheet) => sheet.formulaCells().map((c) => ({ sheet, ...c })));
    if (cells.length === 0) return { passes: 0, stable: true };
    const lookup = this.lookup();
    const tables = this.tables.length ? this.tableRefs() : [];
    const maxPasses = this.options.maxPasses ?? 20;
    for (let pass = 1; pass <= maxPasses; pass++) {
      let changed = false;
      for (const { sheet, row, col, formula } of cells) {
        const result = this.evaluate(formula, sheet.name, row, col, lookup, tables);
        if (this.place(sheet, row, col, result)) changed = true;
      }
      if (!changed) return { passes: pass, stable: true };
    }
    return { passes: maxPasses, stable: false };
  }

  /** Puts a result at its cell, spilling an array where the block is free, else #SPILL!. */
  private place(sheet: PreviewSheet, row: number, col: number, result: ResultValue | ResultValue[][]): boolean {
    if (!Array.isArray(result)) return sheet.placeResult(row, col, result, null);
    const blocked = this.spillBlocked(sheet, row, col, result);
    if (blocked) return sheet.placeResult(row, col, { error: "#SPILL!", message: blocked }, null);
    return sheet.placeResult(row, col, result[0][0], result);
  }

  /**
   * Why the block a result would spill into is not free, in the words of Excel's #SPILL!
   * reasons (Microsoft Support, "How to correct a #SPILL! error",
   * https://support.microsoft.com/office/ffe0f555-b479-4a17-a6e2-ef9cc9ad4023), or null.
   */
  private spillBlocked(sheet: PreviewSheet, row: number, col: number, block: ResultValue[][]): string | null {
    const rect = { row, col, rows: block.length, cols: Math.max(...block.map((r) => r.length)) };
    const where = rectAddress(rect);
    if (rect.row + rect.rows > EXCEL_MAX_ROWS || rect.col + rect.cols > EXCEL_MAX_COLUMNS)
      return `Spill range extends beyond the worksheet's edge: the result needs ${rect.rows} × ${rect.cols} cells.`;
    const table = this.tablesOn(sheet.name).find((t) => overlaps(t.rect, rect));
    if (table)
      return `Spill range in table: ${where} overlaps table "${table.name}", and tables do not take spilled results.`;
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        if (r === row && c === col) continue;
        const parent = sheet.spillParent(r, c);
        if (sheet.occupied(r, c) || (parent && (parent.row !== row || parent.col !== col)))
          return `Spill range isn't blank: the result needs ${where}, and ${cellAddress({ row: r, col: c })} holds data. Clear it to let the result spill.`;
      }
    return null;
  }

  /** A JSON string of the whole workbook, add-in data included ("saving the file"). */
  serialise(): string {
    const data: Serialised = {
      format: "rare-preview-workbook",
      version: 1,
      active: this.active,
      sheets: this.sheets.map((s) => s.serialise()),
      tables: this.tables,
      names: this.names,
      charts: this.charts,
      addinData: [...this.addinData.entries()],
    };
    return JSON.stringify(data);
  }

  /** "Reopening the file": a workbook from `serialise()` output. */
  static deserialise(json: string, options: PreviewOptions = {}): PreviewWorkbook {
    const data = JSON.parse(json) as Serialised;
    if (data.format !== "rare-preview-workbook" || data.version !== 1) {
      throw new WorkbookError("invalidArgument", "This is not a saved RARE preview workbook.");
    }
    const wb = new PreviewWorkbook({ ...options, sheets: [] });
    wb.sheets = data.sheets.map((s) => PreviewSheet.deserialise(s));
    wb.active = data.active;
    wb.tables = data.tables;
    wb.names = data.names;
    wb.charts = data.charts;
    wb.addinData = new Map(data.addinData);
    return wb;
  }

  // --- operations, applied at sync (called by PreviewBatch) --------------------------

  /** @internal */
  applyBatch(operations: Operation[]): void {
    this.changed = { values: false, structural: false };
    try {
      for (const op of operations) op(this);
    } finally {
      this.syncCount++;
      const { values, structural, tables } = this.changed;
      if (values || structural) {
        if (this.recalculationDeferred) this.pendingRecalc = true;
        else this.recalculateNow();
        this.emit({ structural });
      }
      if (tables) this.emitTablesChanged();
    }
  }

  /** @internal */
  opAddSheet(name: string): string {
    checkSheetName(name);
    if (this.findSheet(name)) throw new WorkbookError("sheetExists", `A sheet named "${name}" already exists.`);
    const sheet = new PreviewSheet(name);
    this.sheets.push(sheet);
    this.changed.structural = true;
    return sheet.id;
  }

  /** @internal */
  opDeleteSheetById(id: string): void {
    const sheet = this.sheets.find((s) => s.id === id);
    if (sheet) this.opDeleteSheet(sheet.name);
  }

  /** @internal */
  opDeleteSheet(name: string): void {
    const sheet = this.sheet(name);
    // As Excel: "if the worksheet's visibility is set to VeryHidden, the delete operation will
    // fail with an InvalidOperation exception" (Worksheet.delete, Office.js reference).
    if (sheet.visibility === "veryHidden")
      throw new WorkbookError(
        "invalidArgument",
        `The sheet "${name}" is very hidden: make it visible or hidden first.`,
      );
    if (this.sheets.length === 1)
      throw new WorkbookError("invalidArgument", "A workbook must keep at least one sheet.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => !sameName(t.sheet, name));
    // Excel keeps the names, pointing at #REF!: a sheet added later under the same name does
    // not revive them, and they still block adding those names again.
    this.names = this.names.map((n) => (sameName(n.sheet, name) ? { ...n, broken: true } : n));
    this.charts = this.charts.filter((c) => !sameName(c.sheet, name));
    if (sameName(this.active, name)) this.active = this.sheets[0].name;
    if (this.selection && sameName(this.selection.sheet, name)) this.selection = null;
    this.changed.structural = true;
  }

  /** @internal */
  opActivate(name: string): void {
    this.active = this.sheet(name).name;
    this.changed.structural = true;
  }

  /** @internal */
  opWrite<T>(
    sheet: string,
    topLeft: ZeroBasedCell,
    grid: readonly (readonly T[])[],
    write: (s: PreviewSheet, r: number, c: number, v: T) => void,
  ): void {
    const s = this.sheet(sheet);
    const rect = blockAt(topLeft, grid);
    s.checkEditable(rect);
    const grows = rect.row + rect.rows > s.rowCount || rect.col + rect.cols > s.colCount;
    for (let r = 0; r < rect.rows; r++) {
      const row = grid[r];
      for (let c = 0; c < rect.cols; c++) write(s, rect.row + r, rect.col + c, row[c]);
    }
    this.changed.values = true;
    if (this.tablesTouched(s.name, rect)) this.changed.tables = true;
    if (grows) this.changed.structural = true;
  }

  /** @internal */
  opFormatBlock(sheet: string, rect: ZeroBasedRect, format: string): void {
    const s = this.sheet(sheet);
    checkRect(rect);
    s.checkEditable(rect);
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) s.setFormat(r, c, format);
    this.changed.values = true;
  }

  /** @internal */
  opAddTable(sheet: string, rect: ZeroBasedRect, options: TableOptions): string {
    const s = this.sheet(sheet);
    checkRect(rect);
    if (options.name !== undefined) {
      checkDefinedName(options.name);
      this.checkNameFree(options.name);
    }
    const clash = this.tablesOn(sheet).find((t) => overlaps(t.rect, rect));
    if (clash) throw new WorkbookError("invalidArgument", `The block overlaps table "${clash.name}".`);
    const name = options.name ?? this.freeTableName();
    if (options.hasHeaders) uniqueHeaders(s, rect);
    this.tables.push({ name, sheet: s.name, rect, hasHeaders: options.hasHeaders });
    this.changed.structural = true;
    return name;
  }

  /**
   * @internal As Excel's Table.resize (ExcelApi 1.13): the header row stays in its row and the
   * new block overlaps the old; no cell moves; another table in the new block is refused
   * (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)).
   */
  opResizeTable(sheet: string, name: string, rect: ZeroBasedRect): void {
    checkRect(rect);
    const index = this.tables.findIndex((t) => sameName(t.name, name) && sameName(t.sheet, sheet));
    if (index < 0) throw new WorkbookError("invalidArgument", `There is no table named "${name}" on "${sheet}".`);
    const table = this.tables[index];
    if (rect.row !== table.rect.row || !overlaps(rect, table.rect))
      throw new WorkbookError(
        "invalidArgument",
        `Table "${name}" can be resized only over a block that overlaps it with its top in the same row.`,
      );
    if (rect.rows < (table.hasHeaders ? 2 : 1))
      throw new WorkbookError("invalidArgument", `Table "${name}" must keep at least one data row.`);
    const clash = this.tablesOn(table.sheet).find((t) => t !== table && overlaps(t.rect, rect));
    if (clash) throw new WorkbookError("invalidArgument", `The table would overlap table "${clash.name}".`);
    this.tables = this.tables.map((t, i) => (i === index ? { ...t, rect } : t));
    this.changed.structural = true;
    this.changed.tables = true;
  }

  /** @internal */
  opAddName(name: string, sheet: string, rect: ZeroBasedRect): void {
    checkDefinedName(name);
    this.checkNameFree(name);
    checkRect(rect);
    this.names.push({ name, sheet: this.sheet(sheet).name, rect });
    this.changed.values = true; // formulas may refer to it
  }

  /** @internal */
  opAddChart(sheet: string, spec: ChartSpec): void {
    const s = this.sheet(sheet);
    checkRect(spec.dataRect);
    this.charts.push({ name: spec.name ?? this.freeChartName(), sheet: s.name, spec });
    this.changed.structural = true;
  }

  /** @internal */
  opClear(sheet: string, rect: ZeroBasedRect): void {
    checkRect(rect);
    this.sheet(sheet).checkEditable(rect);
    this.sheet(sheet).clear(rect);
    this.changed.values = true;
    if (this.tablesTouched(sheet, rect)) this.changed.tables = true;
    this.changed.structural = true; // input marks and the sheet's size may have gone
  }

  /** @internal Excel also rewrites formulas that name the sheet; the preview's callers rename only new sheets. */
  opRenameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    checkSheetName(to);
    const other = this.findSheet(to);
    if (other && other !== sheet) throw new WorkbookError("sheetExists", `A sheet named "${to}" already exists.`);
    const renamed = <T extends { sheet: string }>(x: T): T => (sameName(x.sheet, from) ? { ...x, sheet: to } : x);
    this.tables = this.tables.map(renamed);
    this.names = this.names.map(renamed);
    this.charts = this.charts.map(renamed);
    if (sameName(this.active, from)) this.active = to;
    if (this.selection && sameName(this.selection.sheet, from)) this.selection = { ...this.selection, sheet: to };
    sheet.name = to;
    this.changed.structural = true;
  }

  /** @internal */
  opSetVisibility(name: string, visibility: SheetVisibility): void {
    const sheet = this.sheet(name);
    if (visibility !== "visible" && !this.sheets.some((s) => s !== sheet && s.visibility === "visible"))
      throw new WorkbookError("invalidArgument", "A workbook must keep at least one visible sheet.");
    sheet.visibility = visibility;
    if (visibility !== "visible" && sameName(this.active, name))
      this.active = this.sheets.find((s) => s.visibility === "visible")!.name;
    this.changed.structural = true;
  }

  /** @internal */
  opDeleteName(name: string): void {
    const before = this.names.length;
    this.names = this.names.filter((n) => !sameName(n.name, name));
    if (this.names.length !== before) this.changed.values = true; // formulas may refer to it
  }

  /** @internal */
  opDeleteTable(name: string): void {
    const before = this.tables.length;
    this.tables = this.tables.filter((t) => !sameName(t.name, name));
    if (this.tables.length !== before) this.changed.structural = true;
  }

  /** @internal */
  opDeleteChart(sheet: string, name: string): void {
    const s = this.sheet(sheet);
    const index = this.charts.findIndex((c) => sameName(c.sheet, s.name) && sameName(c.name, name));
    if (index < 0) return;
    this.charts.splice(index, 1);
    this.changed.structural = true;
  }

  /** @internal */
  opMarkInput(sheet: string, cell: ZeroBasedCell, label: string | undefined): void {
    const s = this.sheet(sheet);
    checkRect({ ...cell, rows: 1, cols: 1 });
    s.markInput(cell.row, cell.col, label ?? null);
    this.changed.structural = true;
  }

  // --- helpers -------------------------------------------------------------------------

  private findSheet(name: string): PreviewSheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  private checkNameFree(name: string): void {
    if (this.tables.some((t) => sameName(t.name, name)) || this.names.some((n) => sameName(n.name, name))) {
      throw new WorkbookError("nameExists", `The name "${name}" is already used by a table or a defined name.`);
    }
  }

  private freeTableName(): string {
    for (let n = 1; ; n++) {
      const name = `Table${n}`;
      if (!this.tables.some((t) => sameName(t.name, name)) && !this.names.some((x) => sameName(x.name, name)))
        return name;
    }
  }

  private freeChartName(): string {
    for (let n = 1; ; n++) {
      const name = `Chart ${n}`;
      if (!this.charts.some((c) => sameName(c.name, name))) return name;
    }
  }

  private emit(change: PreviewChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private lookup(): FormulaLookup {
    return {
      // A blank cell is null (0 in arithmetic, "blank" to RARE functions); only a missing sheet is #REF!.
      cell: (sheet, row, col) => {
        const s = this.findSheet(sheet);
        return s ? (s.value(row, col) ?? null) : REF_ERROR;
      },
      range: (sheet, rect) => {
        const s = this.findSheet(sheet);
        if (!s) return [[REF_ERROR]];
        const out: ComputedValue[][] = [];
        for (let r = rect.row; r < rect.row + rect.rows; r++) {
          const row: ComputedValue[] = [];
          for (let c = rect.col; c < rect.col + rect.cols; c++) row.push(s.value(r, c));
          out.push(row);
        }
        return out;
      },
      name: (name) => {
        const defined = this.names.find((n) => sameName(n.name, name));
        if (defined) return { sheet: defined.broken ? NO_SHEET : defined.sheet, rect: defined.rect };
        // A table's name alone is its data rows (structured-refs.ts cites Excel's rule).
        const table = this.tables.find((t) => sameName(t.name, name));
        return table ? { sheet: table.sheet, rect: dataBody(table) } : undefined;
      },
    };
  }

  private evaluate(
    formula: string,
    sheet: string,
    row: number,
    col: number,
    lookup: FormulaLookup,
    tables: readonly TableRef[],
  ): ResultValue | ResultValue[][] {
    const evaluator = this.options.evaluator;
    if (!evaluator) return { error: "#NAME?", message: "This preview has no formula evaluator." };
    try {
      const result = evaluator.evaluate(expandStructuredRefs(formula, tables), { sheet, row, col }, lookup);
      if (Array.isArray(result)) {
        if (result.length === 0 || result[0].length === 0)
          return { error: "#VALUE!", message: "The formula returned an empty array." };
        return result.length === 1 && result[0].length === 1 ? result[0][0] : result;
      }
      return result === undefined ? null : result;
    } catch (e) {
      return { error: "#VALUE!", message: e instanceof Error ? e.message : String(e) };
    }
  }
}

/** Bytes of a grid on the wire: its JSON, as Office.js sends it. */
const gridBytes = (grid: readonly (readonly unknown[])[]): number => utf8Length(JSON.stringify(grid));

/** Queues operations as closures; `sync` applies them in order. */
class PreviewBatch implements WorkbookBatch {
  private queued: Operation[] = [];
  private pending: Array<() => void> = [];
  /** Cell data queued since the last sync (the part of a request that can grow large). */
  private bytes = 0;

  constructor(private readonly wb: PreviewWorkbook) {}

  addSheet(name: string): Pending<string> {
    const result = new PendingValue<string>("The sheet's id");
    this.queued.push((wb) => {
      const id = wb.opAddSheet(name);
      this.pending.push(() => result.settle(id));
    });
    return result;
  }
  deleteSheet(name: string): void {
    this.queued.push((wb) => wb.opDeleteSheet(name));
  }
  deleteSheetById(id: string): void {
    this.queued.push((wb) => wb.opDeleteSheetById(id));
  }
  activateSheet(name: string): void {
    this.queued.push((wb) => wb.opActivate(name));
  }
  writeValues(sheet: string, topLeft: ZeroBasedCell, values: readonly (readonly CellValue[])[]): void {
    blockAt(topLeft, values); // shape errors at queue time, like Office.js
    this.bytes += gridBytes(values);
    this.queued.push((wb) => wb.opWrite(sheet, topLeft, values, (s, r, c, v: CellValue) => s.writeValue(r, c, v)));
  }
  writeFormulas(sheet: string, topLeft: ZeroBasedCell, formulas: readonly (readonly string[])[]): void {
    blockAt(topLeft, formulas, "formulas");
    this.bytes += gridBytes(formulas);
    this.queued.push((wb) => wb.opWrite(sheet, topLeft, formulas, (s, r, c, f: string) => s.writeFormula(r, c, f)));
  }
  setNumberFormats(sheet: string, topLeft: ZeroBasedCell, formats: readonly (readonly (string | null)[])[]): void {
    blockAt(topLeft, formats, "formats");
    this.bytes += gridBytes(formats);
    this.queued.push((wb) => wb.opWrite(sheet, topLeft, formats, (s, r, c, f: string | null) => s.setFormat(r, c, f)));
  }
  setNumberFormat(sheet: string, rect: ZeroBasedRect, format: string): void {
    this.queued.push((wb) => wb.opFormatBlock(sheet, rect, format));
  }
  addTable(sheet: string, rect: ZeroBasedRect, options: TableOptions): Pending<string> {
    const result = new PendingValue<string>("The table's name");
    this.queued.push((wb) => {
      const name = wb.opAddTable(sheet, rect, options);
      this.pending.push(() => result.settle(name));
    });
    return result;
  }
  addNamedRange(name: string, sheet: string, rect: ZeroBasedRect): void {
    this.queued.push((wb) => wb.opAddName(name, sheet, rect));
  }
  addChart(sheet: string, spec: ChartSpec): void {
    this.queued.push((wb) => wb.opAddChart(sheet, spec));
  }
  clearRange(sheet: string, rect: ZeroBasedRect): void {
    this.queued.push((wb) => wb.opClear(sheet, rect));
  }
  deleteNamedRange(name: string): void {
    this.queued.push((wb) => wb.opDeleteName(name));
  }
  deleteTable(name: string): void {
    this.queued.push((wb) => wb.opDeleteTable(name));
  }
  deleteChart(sheet: string, name: string): void {
    this.queued.push((wb) => wb.opDeleteChart(sheet, name));
  }
  markInput(sheet: string, cell: ZeroBasedCell, label?: string): void {
    this.queued.push((wb) => wb.opMarkInput(sheet, cell, label));
  }
  renameSheet(from: string, to: string): void {
    this.queued.push((wb) => wb.opRenameSheet(from, to));
  }
  setSheetVisibility(name: string, visibility: SheetVisibility): void {
    this.queued.push((wb) => wb.opSetVisibility(name, visibility));
  }
  resizeTable(sheet: string, name: string, rect: ZeroBasedRect): void {
    this.queued.push((wb) => wb.opResizeTable(sheet, name, rect));
  }

  async sync(): Promise<void> {
    const operations = this.queued;
    const bytes = this.bytes;
    this.queued = [];
    this.pending = [];
    this.bytes = 0;
    await Promise.resolve(); // a sync is asynchronous in Excel too
    if (bytes > WEB_REQUEST_LIMIT_BYTES) {
      // Excel rejects the whole request: nothing queued since the last sync is applied.
      throw Object.assign(
        new Error(
          `The request payload size has exceeded the limit (${bytes} bytes of cell data in one sync, over 5 MB).`,
        ),
        { code: "RequestPayloadSizeLimitExceeded" },
      );
    }
    this.wb.applyBatch(operations);
    for (const settle of this.pending) settle();
  }
}

function overlaps(a: ZeroBasedRect, b: ZeroBasedRect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Excel turns table headers into unique text (see tableHeaderNames). */
function uniqueHeaders(sheet: PreviewSheet, rect: ZeroBasedRect): void {
  const texts: string[] = [];
  for (let c = 0; c < rect.cols; c++) {
    const v = sheet.value(rect.row, rect.col + c);
    texts.push(
      v === null ? "" : isErrorValue(v) ? v.error : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v),
    );
  }
  tableHeaderNames(texts).forEach((unique, c) => {
    const col = rect.col + c;
    if (unique !== sheet.value(rect.row, col) || sheet.formula(rect.row, col) !== undefined)
      sheet.setConstant(rect.row, col, unique);
  });
}

/**
 * Excel's automatic percent entry, on by default: a number typed without "%" into a cell
 * formatted as a percentage is read as a percentage when it is 1 or more (80 → 80 %), and as
 * the fraction it is when smaller (0.8 → 80 %). Microsoft Support, "Format numbers as
 * percentages" (Formatting empty cells: "typing 10 or 0.1 both result in 10.00%"); the
 * option is Application.AutoPercentEntry.
 */
export function percentEntry(value: CellValue, text: string, format: string): CellValue {
  if (typeof value !== "number" || text.trim().endsWith("%")) return value;
  if (!format.replace(/"[^"]*"/g, "").includes("%")) return value;
  return Math.abs(value) >= 1 ? value / 100 : value;
}

/**
 * A typed input: numbers with thousands separators or a percent sign, TRUE/FALSE, else text.
 * A number beyond a double (1e400) stays the text typed: Excel keeps an entry it cannot hold
 * as a number as text, and the RARE functions then say it is not a number.
 */
export function parseTyped(text: string): CellValue {
  const t = text.trim();
  if (t === "") return null;
  const percent = t.endsWith("%");
  const numeric = (percent ? t.slice(0, -1) : t).replace(/,(?=\d{3}(\D|$))/g, "");
  if (NUMERIC_TEXT.test(numeric)) {
    const n = Number(numeric);
    if (!Number.isFinite(n)) return text;
    return percent ? n / 100 : n;
  }
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  return text;
}

/**
 * Excel's reading of a typed entry: "=…" is a formula (so are "+…", "-…" and "@…" that are
 * not numbers, see typedFormula); a leading apostrophe keeps the rest
 * as text (the apostrophe is not part of the value); in a text-formatted ("@") cell
 * everything is text; else a number ("1,250", "-3"), a percentage ("80%" is 0.8 and, in a
 * General cell, gets a percent format, as Excel formats it as you type), TRUE/FALSE, or
 * text. In a percent-formatted cell a plain number is a percentage (`percentEntry`).
 * Microsoft Support, "Format numbers as percentages" and "Display numbers as text"
 * (https://support.microsoft.com/office/format-numbers-as-percentages-de75bfe8-00d5-4f8b-a4ef-fc7a7e1ef3ee).
 */
export function cellEntry(
  text: string,
  format: string,
): ({ value: CellValue } | { formula: string }) & { format?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) === "" ? null : text.slice(1) };
  if (format === "@") return { value: text === "" ? null : text };
  const typed = parseTyped(text);
  const formula = typeof typed === "string" ? typedFormula(text) : null; // "-5" is a number, "-A1" a formula
  if (formula) return { formula };
  const value = percentEntry(typed, text, format);
  const t = text.trim();
  if (typeof typed === "number" && t.endsWith("%") && format === "General")
    return { value, format: /\.\d/.test(t) ? "0.00%" : "0%" };
  return { value };
}
