/**
 * An `Excel` namespace for hosts/excel.ts tests: office-addin-mock's OfficeMockObject for
 * the object model (Excel.run, context, workbook, application with load/sync semantics,
 * settings, names), with worksheets and ranges as small fakes that queue their writes and
 * apply them at context.sync(), in order, the way Excel does. Values follow Excel's rule
 * that matters here: a string starting with "=" becomes a formula unless the cell's number
 * format is "@" already. Deleting a sheet takes its tables and charts with it and leaves its
 * names behind, broken (#REF!), and a name cannot be added twice, as in Excel.
 *
 * The mock has no collections (`.items`), so listSheets is tested at its own seam. The names
 * collection gets a hand-made `items` and `load` (patched onto the mock after it is built),
 * so the writers' name listing runs here too; readDefinedNames itself is tested at its seam.
 */
import { OfficeMockObject } from "office-addin-mock";
import { excelSerial } from "../../src/csv/dates";
import { DAYS_1900_TO_1904 } from "../../src/workbook/date-system";
import type { CellValue } from "../../src/excel/values";

export interface FakeCell {
  value: CellValue;
  formula?: string;
  format: string;
}

interface FakeRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export class FakeExcelState {
  readonly sheets = new Map<string, Map<string, FakeCell>>();
  readonly tables: Array<{ name: string; sheet: string; rect: FakeRect; hasHeaders: boolean }> = [];
  readonly names: Array<{ name: string; sheet: string; rect: FakeRect }> = [];
  readonly charts: Array<{
    sheet: string;
    type: string;
    rect: FakeRect;
    seriesBy: string;
    name?: string;
    title?: string;
    /** Value-axis number format, when one was set. */
    valueFormat?: string;
    legend?: { visible: boolean; position?: string };
    position?: [FakeRect, FakeRect];
  }> = [];
  readonly settings = new Map<string, unknown>();
  /** Handlers registered on workbook.settings.onSettingsChanged (a co-author's change calls them). */
  readonly settingsHandlers: Array<(event: unknown) => Promise<void>> = [];
  /** Sheet name (upper case) → the id Excel gave it when added. */
  readonly sheetIds = new Map<string, string>();
  /** Sheet visibility as Office.js spells it ("Visible", "VeryHidden"); absent = "Visible". */
  readonly visibility = new Map<string, string>();
  /** Dynamic-array results by "sheet!row,col" of their anchor: the block they spill into. */
  readonly spills = new Map<string, FakeRect>();
  /** Applied operations in order, e.g. "values Import 0,0 3x2", "sync 1". */
  readonly log: string[] = [];
  active = "";
  /** The active cell on the active sheet; null: the selection holds no cell (a chart is selected). */
  activeCell: { row: number; col: number } | null = { row: 0, col: 0 };
  syncs = 0;
  /** application.calculationMode as the add-in had set it at each sync. */
  readonly modes: string[] = [];
  /** 1-based sync that fails after applying half of its queue. */
  failAtSync?: number;
  /** The workbook's date system, as Excel's DATE function reads its year. */
  use1904 = false;
  private queue: Array<{ what: string; apply: () => void }> = [];

  constructor(sheetNames: string[]) {
    for (const n of sheetNames) this.sheets.set(n, new Map());
    this.active = sheetNames[0];
  }

  sheetKey(name: string): string | undefined {
    return [...this.sheets.keys()].find((k) => k.toUpperCase() === name.toUpperCase());
  }

  /** A name whose sheet is gone refers to #REF!. */
  isBroken(name: { sheet: string }): boolean {
    return this.sheetKey(name.sheet) === undefined;
  }

  /** What Excel does when the user deletes a sheet by hand (no add-in involved). */
  deleteSheetByHand(name: string): void {
    const key = this.sheetKey(name);
    if (!key) throw officeError("ItemNotFound", `No sheet ${name}.`);
    this.sheets.delete(key);
    const same = (sheet: string) => sheet.toUpperCase() === name.toUpperCase();
    for (const list of [this.tables, this.charts] as Array<Array<{ sheet: string }>>) {
      for (let i = list.length - 1; i >= 0; i--) if (same(list[i].sheet)) list.splice(i, 1);
    }
  }

  cells(name: string): Map<string, FakeCell> {
    const key = this.sheetKey(name);
    if (!key) throw officeError("ItemNotFound", `The requested resource doesn't exist (${name}).`);
    return this.sheets.get(key)!;
  }

  cell(sheet: string, row: number, col: number): FakeCell {
    const cells = this.cells(sheet);
    let cell = cells.get(`${row},${col}`);
    if (!cell) cells.set(`${row},${col}`, (cell = { value: "", format: "General" }));
    return cell;
  }

  enqueue(what: string, apply: () => void): void {
    this.queue.push({ what, apply });
  }

  flush(): void {
    this.syncs++;
    const queue = this.queue;
    this.queue = [];
    const failing = this.syncs === this.failAtSync;
    const upTo = failing ? Math.floor(queue.length / 2) : queue.length;
    for (const { what, apply } of queue.slice(0, upTo)) {
      apply();
      this.log.push(what);
    }
    this.log.push(`sync ${this.syncs}`);
    if (failing) throw officeError("GeneralException", `Injected failure in sync ${this.syncs}.`);
  }
}

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

function cellsOf(rect: FakeRect, fn: (row: number, col: number, r: number, c: number) => void): void {
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) fn(rect.row + r, rect.col + c, r, c);
}

function fakeRange(state: FakeExcelState, sheet: string, rect: FakeRect): Record<string, unknown> {
  const where = `${sheet} ${rect.row},${rect.col} ${rect.rows}x${rect.cols}`;
  const grid = <T>(input: T | T[][], r: number, c: number): T => (Array.isArray(input) ? input[r][c] : input);
  const read = <T>(fn: (cell: FakeCell) => T): T[][] =>
    Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => fn(state.cell(sheet, rect.row + r, rect.col + c))),
    );
  const style: Record<string, string | boolean> = {};
  return {
    load: () => undefined,
    set values(input: CellValue[][]) {
      state.enqueue(`values ${where}`, () =>
        cellsOf(rect, (row, col, r, c) => {
          const v = input[r][c];
          if (v === null) return;
          const cell = state.cell(sheet, row, col);
          delete cell.formula;
          if (typeof v === "string" && v.startsWith("=") && cell.format !== "@") {
            cell.formula = v;
            cell.value = "(computed)";
          } else cell.value = v;
        }),
      );
    },
    get values(): CellValue[][] {
      return read((cell) => cell.value);
    },
    set formulas(input: string[][]) {
      state.enqueue(`formulas ${where}`, () =>
        cellsOf(rect, (row, col, r, c) => {
          const cell = state.cell(sheet, row, col);
          cell.formula = input[r][c];
          cell.value = "(computed)";
        }),
      );
    },
    get formulas(): CellValue[][] {
      return read((cell) => cell.formula ?? cell.value);
    },
    set numberFormat(input: string | (string | null)[][]) {
      const label = Array.isArray(input) ? `[${input.length}x${input[0].length}]` : input;
      state.enqueue(`numberFormat ${where} ${label}`, () =>
        cellsOf(rect, (row, col, r, c) => {
          const f = grid(input, r, c);
          if (f !== null) state.cell(sheet, row, col).format = f;
        }),
      );
    },
    get numberFormat(): string[][] {
      return read((cell) => cell.format);
    },
    clear: (applyTo: string) =>
      state.enqueue(`clear ${where} ${applyTo}`, () => {
        const cells = state.cells(sheet);
        cellsOf(rect, (row, col) => cells.delete(`${row},${col}`));
      }),
    format: {
      fill: {
        set color(v: string) {
          style.fill = v;
          state.enqueue(`fill ${where} ${v}`, () => undefined);
        },
      },
      font: {
        set color(v: string) {
          style.font = v;
          state.enqueue(`font ${where} ${v}`, () => undefined);
        },
      },
      protection: {
        set locked(v: boolean) {
          style.locked = v;
          state.enqueue(`locked ${where} ${v}`, () => undefined);
        },
      },
    },
    getSpillingToRangeOrNullObject: () =>
      rangeOrNullObject(state, `spill ${where}`, () => state.spills.get(`${sheet}!${rect.row},${rect.col}`)),
    rect,
    sheet,
  };
}

/**
 * A `...OrNullObject` range as Office.js returns it: a null object until the sync at which the
 * queued `find` runs; then, if it found a block, that block's position and size.
 */
function rangeOrNullObject(state: FakeExcelState, op: string, find: () => FakeRect | null | undefined) {
  const result = {
    isNullObject: true,
    rowIndex: 0,
    columnIndex: 0,
    rowCount: 0,
    columnCount: 0,
    load: () => undefined,
  };
  state.enqueue(op, () => {
    const block = find();
    if (!block) return;
    Object.assign(result, { isNullObject: false, rowIndex: block.row, columnIndex: block.col });
    Object.assign(result, { rowCount: block.rows, columnCount: block.cols });
  });
  return result;
}

/** The block from the first to the last cell with a value or formula (Excel's valuesOnly used range). */
function usedBlock(state: FakeExcelState, sheet: string): FakeRect | null {
  const filled = [...state.cells(sheet)]
    .filter(([, c]) => c.formula !== undefined || (c.value !== "" && c.value !== null))
    .map(([k]) => k.split(",").map(Number));
  if (filled.length === 0) return null;
  const rows = filled.map(([r]) => r);
  const cols = filled.map(([, c]) => c);
  const top = Math.min(...rows);
  const left = Math.min(...cols);
  return { row: top, col: left, rows: Math.max(...rows) - top + 1, cols: Math.max(...cols) - left + 1 };
}

function fakeSheet(state: FakeExcelState, name: string): Record<string, unknown> {
  let current = name; // what the sheet is called once the queued renames have applied
  return {
    load: () => undefined,
    get id(): string | undefined {
      return state.sheetIds.get(current.toUpperCase());
    },
    get name() {
      return current;
    },
    set name(to: string) {
      state.enqueue(`renameSheet ${name} ${to}`, () => {
        const key = state.sheetKey(current);
        if (!key) throw officeError("ItemNotFound", `No sheet ${name}.`);
        if (state.sheetKey(to)) throw officeError("ItemAlreadyExists", `A sheet named ${to} exists.`);
        state.sheets.set(to, state.sheets.get(key)!);
        state.sheets.delete(key);
        const id = state.sheetIds.get(key.toUpperCase());
        state.sheetIds.delete(key.toUpperCase());
        if (id) state.sheetIds.set(to.toUpperCase(), id); // an id survives a rename, as in Excel
        current = to;
      });
    },
    set visibility(v: string) {
      state.enqueue(`visibility ${name} ${v}`, () => state.visibility.set(current, v));
    },
    getUsedRangeOrNullObject: (valuesOnly: boolean) =>
      rangeOrNullObject(state, `usedRange ${name} ${valuesOnly}`, () => usedBlock(state, name)),
    getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
      fakeRange(state, name, { row, col, rows, cols }),
    delete: () => state.enqueue(`deleteSheet ${name}`, () => state.deleteSheetByHand(name)),
    activate: () => state.enqueue(`activate ${name}`, () => (state.active = name)),
    tables: {
      add: (range: { rect: FakeRect }, hasHeaders: boolean) => {
        const table: { name: string; load: () => void } = { name: "", load: () => undefined };
        state.enqueue(`table ${name} ${range.rect.row},${range.rect.col} ${range.rect.rows}x${range.rect.cols}`, () => {
          table.name ||= `Table${state.tables.length + 1}`;
          state.tables.push({ name: table.name, sheet: name, rect: range.rect, hasHeaders });
        });
        return table;
      },
    },
    charts: {
      add: (type: string, range: { rect: FakeRect }, seriesBy: string) => {
        const entry: FakeExcelState["charts"][number] = { sheet: name, type, rect: range.rect, seriesBy };
        const chart = {
          set name(n: string) {
            entry.name = n;
          },
          title: {
            set text(t: string) {
              entry.title = t;
            },
          },
          axes: {
            valueAxis: {
              set numberFormat(f: string) {
                entry.valueFormat = f;
              },
            },
          },
          legend: {
            set visible(v: boolean) {
              entry.legend = { ...entry.legend, visible: v };
            },
            set position(p: string) {
              entry.legend = { visible: entry.legend?.visible ?? true, position: p };
            },
          },
          setPosition: (a: { rect: FakeRect }, b: { rect: FakeRect }) => (entry.position = [a.rect, b.rect]),
        };
        state.enqueue(`chart ${name} ${type}`, () => state.charts.push(entry));
        return chart;
      },
      getItemOrNullObject: (chartName: string) => {
        const find = () =>
          state.charts.findIndex((c) => c.sheet === name && c.name?.toUpperCase() === chartName.toUpperCase());
        const result = {
          isNullObject: true,
          delete: () =>
            state.enqueue(`deleteChart ${name} ${chartName}`, () => {
              const i = find();
              if (i < 0) throw officeError("ItemNotFound", `No chart ${chartName}.`);
              state.charts.splice(i, 1);
            }),
        };
        state.enqueue(`lookupChart ${name} ${chartName}`, () => (result.isNullObject = find() < 0));
        return result;
      },
    },
  };
}

export interface FakeExcel {
  readonly excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  readonly state: FakeExcelState;
  /** The OfficeMockObject behind `excel`, for reading the application's properties. */
  readonly mock: OfficeMockObject & { context: { workbook: { application: { calculationMode: string } } } };
}

export function fakeExcel(sheetNames: string[] = ["Sheet1"]): FakeExcel {
  const state = new FakeExcelState(sheetNames);
  const findName = (name: string) => state.names.findIndex((n) => n.name.toUpperCase() === name.toUpperCase());
  const data = {
    context: {
      workbook: {
        getActiveCell: () => {
          const worksheet = { name: "", load: () => undefined };
          const cell = { rowIndex: 0, columnIndex: 0, worksheet, load: () => undefined };
          state.enqueue("activeCell", () => {
            if (!state.activeCell)
              throw officeError("InvalidSelection", "The current selection is invalid for this operation.");
            Object.assign(cell, { rowIndex: state.activeCell.row, columnIndex: state.activeCell.col });
            worksheet.name = state.active;
          });
          return cell;
        },
        worksheets: {
          add: (name: string) => {
            state.enqueue(`addSheet ${name}`, () => {
              if (state.sheetKey(name)) throw officeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
              state.sheets.set(name, new Map());
              state.sheetIds.set(name.toUpperCase(), `{FAKE-${state.sheetIds.size + 1}}`);
            });
            return fakeSheet(state, name);
          },
          getItem: (name: string) => fakeSheet(state, name),
          // By name or id, as Excel's WorksheetCollection.getItemOrNullObject.
          getItemOrNullObject: (key: string) => {
            const result = { isNullObject: true, id: "", name: "", load: () => undefined, delete: () => undefined };
            state.enqueue(`lookup ${key}`, () => {
              const byId = [...state.sheetIds].find(([, id]) => id === key)?.[0];
              const name = state.sheetKey(byId ?? key);
              result.isNullObject = name === undefined;
              if (name === undefined) return;
              result.name = name;
              result.id = state.sheetIds.get(name.toUpperCase()) ?? "";
              result.delete = fakeSheet(state, name).delete as () => undefined;
            });
            return result;
          },
        },
        names: {
          add: (name: string, range: { rect: FakeRect; sheet: string }) =>
            state.enqueue(`name ${name}`, () => {
              if (findName(name) >= 0) throw officeError("ItemAlreadyExists", `The name ${name} exists.`);
              state.names.push({ name, sheet: range.sheet, rect: range.rect });
            }),
          getItemOrNullObject: (name: string) => {
            const item = {
              isNullObject: true,
              delete: () =>
                state.enqueue(`deleteName ${name}`, () => {
                  const i = findName(name);
                  if (i < 0) throw officeError("ItemNotFound", `No name ${name}.`);
                  state.names.splice(i, 1);
                }),
            };
            state.enqueue(`lookupName ${name}`, () => (item.isNullObject = findName(name) < 0));
            return item;
          },
        },
        tables: {
          // Table.resize (ExcelApi 1.13): the header stays in its row; the fake records the new block.
          getItem: (name: string) => ({
            resize: (range: { rect: FakeRect }) =>
              state.enqueue(
                `resizeTable ${name} ${range.rect.row},${range.rect.col} ${range.rect.rows}x${range.rect.cols}`,
                () => {
                  const t = state.tables.find((x) => x.name.toUpperCase() === name.toUpperCase());
                  if (!t) throw officeError("ItemNotFound", `No table ${name}.`);
                  if (t.rect.row !== range.rect.row)
                    throw officeError("InvalidArgument", "The header must stay in its row.");
                  t.rect = range.rect;
                },
              ),
          }),
          getItemOrNullObject: (name: string) => {
            const find = () => state.tables.findIndex((t) => t.name.toUpperCase() === name.toUpperCase());
            const table = {
              isNullObject: true,
              convertToRange: () =>
                state.enqueue(`convertTable ${name}`, () => {
                  const i = find();
                  if (i < 0) throw officeError("ItemNotFound", `No table ${name}.`);
                  state.tables.splice(i, 1);
                }),
            };
            state.enqueue(`lookupTable ${name}`, () => (table.isNullObject = find() < 0));
            return table;
          },
        },
        settings: {
          add: (key: string, value: unknown) => state.enqueue(`setting ${key}`, () => state.settings.set(key, value)),
          onSettingsChanged: {
            add: (handler: (event: unknown) => Promise<void>) =>
              state.enqueue("onSettingsChanged", () => state.settingsHandlers.push(handler)),
          },
          getItemOrNullObject: (key: string) => {
            const item = {
              isNullObject: true,
              value: undefined as unknown,
              load: () => undefined,
              delete: () => state.enqueue(`deleteSetting ${key}`, () => state.settings.delete(key)),
            };
            state.enqueue(`getSetting ${key}`, () => {
              item.isNullObject = !state.settings.has(key);
              item.value = state.settings.get(key);
            });
            return item;
          },
        },
        functions: {
          date: (y: number, m: number, d: number) => {
            const result = { value: undefined as number | undefined, load: () => undefined };
            state.enqueue(`DATE ${y}-${m}-${d}`, () => {
              result.value = excelSerial(y, m, d) - (state.use1904 ? DAYS_1900_TO_1904 : 0);
            });
            return result;
          },
        },
        application: {
          calculationMode: "Automatic",
          suspendScreenUpdatingUntilNextSync: () => state.enqueue("suspendScreenUpdating", () => undefined),
          suspendApiCalculationUntilNextSync: () => state.enqueue("suspendApiCalculation", () => undefined),
          calculate: (type: string) => state.enqueue(`calculate ${type}`, () => undefined),
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as FakeExcel["mock"];
  // The names collection's items, as Excel reports them after load + sync (see the header).
  const names = (mock as unknown as { context: { workbook: { names: Record<string, unknown> } } }).context.workbook
    .names;
  names.load = () => names;
  Object.defineProperty(names, "items", {
    get: () =>
      state.names.map((n) =>
        state.isBroken(n)
          ? { name: n.name, type: "Error", value: "#REF!" }
          : { name: n.name, type: "Range", value: `'${n.sheet}'!$A$1` },
      ),
  });
  const context = (mock as unknown as { context: { sync: () => Promise<void> } }).context;
  const mockSync = context.sync.bind(context);
  context.sync = async () => {
    state.modes.push(String(mock.context.workbook.application.calculationMode));
    state.flush();
    await mockSync(); // office-addin-mock: loaded properties become readable
  };
  return { excel: mock as unknown as FakeExcel["excel"], state, mock };
}
