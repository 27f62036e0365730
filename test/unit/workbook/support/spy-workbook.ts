/**
 * Wraps any Workbook: logs every queued batch operation with the sync it went out in, and
 * can make the n-th sync fail (before or after the inner sync applied it), so the import
 * writer's order and rollback are tested against the real preview semantics.
 */
import type { ZeroBasedCell, ZeroBasedRect } from "../../../../src/excel/a1";
import type { ChartSpec, Pending, TableOptions, Workbook, WorkbookBatch } from "../../../../src/workbook/workbook";

export interface LoggedOp {
  readonly sync: number;
  readonly op: string;
  readonly args: unknown[];
}

export interface SpyOptions {
  /** 1-based sync (across all runs) that throws. */
  readonly failAtSync?: number;
  /** "before": nothing of that sync is applied; "after": applied, then the error. */
  readonly failMode?: "before" | "after";
  /** Called after every successful sync (e.g. to abort a controller). */
  readonly afterSync?: (sync: number) => void;
}

export type SpyWorkbook = Workbook & { readonly log: LoggedOp[]; readonly syncs: number; readonly calls: string[] };

export function spyWorkbook(inner: Workbook, options: SpyOptions = {}): SpyWorkbook {
  const log: LoggedOp[] = [];
  const calls: string[] = [];
  let syncs = 0;

  const wrapBatch = (batch: WorkbookBatch): WorkbookBatch => {
    const record =
      <A extends unknown[], R>(op: string, fn: (...args: A) => R) =>
      (...args: A): R => {
        log.push({ sync: syncs + 1, op, args });
        return fn(...args);
      };
    return {
      addSheet: record("addSheet", (n: string) => batch.addSheet(n)),
      deleteSheet: record("deleteSheet", (n: string) => batch.deleteSheet(n)),
      deleteSheetById: record("deleteSheetById", (id: string) => batch.deleteSheetById(id)),
      activateSheet: record("activateSheet", (n: string) => batch.activateSheet(n)),
      writeValues: record(
        "writeValues",
        (s: string, t: ZeroBasedCell, v: Parameters<WorkbookBatch["writeValues"]>[2]) => batch.writeValues(s, t, v),
      ),
      writeFormulas: record(
        "writeFormulas",
        (s: string, t: ZeroBasedCell, f: Parameters<WorkbookBatch["writeFormulas"]>[2]) => batch.writeFormulas(s, t, f),
      ),
      setNumberFormats: record(
        "setNumberFormats",
        (s: string, t: ZeroBasedCell, f: Parameters<WorkbookBatch["setNumberFormats"]>[2]) =>
          batch.setNumberFormats(s, t, f),
      ),
      setNumberFormat: record("setNumberFormat", (s: string, r: ZeroBasedRect, f: string) =>
        batch.setNumberFormat(s, r, f),
      ),
      addTable: record("addTable", (s: string, r: ZeroBasedRect, o: TableOptions): Pending<string> =>
        batch.addTable(s, r, o),
      ),
      addNamedRange: record("addNamedRange", (n: string, s: string, r: ZeroBasedRect) => batch.addNamedRange(n, s, r)),
      addChart: record("addChart", (s: string, spec: ChartSpec) => batch.addChart(s, spec)),
      markInput: record("markInput", (s: string, c: ZeroBasedCell, l?: string) => batch.markInput(s, c, l)),
      clearRange: record("clearRange", (s: string, r: ZeroBasedRect) => batch.clearRange(s, r)),
      deleteNamedRange: record("deleteNamedRange", (n: string) => batch.deleteNamedRange(n)),
      deleteTable: record("deleteTable", (n: string) => batch.deleteTable(n)),
      deleteChart: record("deleteChart", (s: string, n: string) => batch.deleteChart(s, n)),
      renameSheet: record("renameSheet", (f: string, t: string) => batch.renameSheet(f, t)),
      setSheetVisibility: record(
        "setSheetVisibility",
        (n: string, v: Parameters<WorkbookBatch["setSheetVisibility"]>[1]) => batch.setSheetVisibility(n, v),
      ),
      resizeTable: record("resizeTable", (s: string, n: string, r: ZeroBasedRect) => batch.resizeTable(s, n, r)),
      sync: async () => {
        const n = ++syncs;
        if (n === options.failAtSync && options.failMode !== "after") throw new Error(`Injected failure at sync ${n}`);
        await batch.sync();
        if (n === options.failAtSync) throw new Error(`Injected failure after sync ${n}`);
        options.afterSync?.(n);
      },
    };
  };

  const spy: Workbook = {
    run: (work) => inner.run((batch) => work(wrapBatch(batch))),
    listSheets: () => inner.listSheets(),
    listNames: () => inner.listNames(),
    hasSheet: (n) => inner.hasSheet(n),
    readRange: (s, r) => inner.readRange(s, r),
    readFormulas: (s, r) => inner.readFormulas(s, r),
    listSheetInfo: () => inner.listSheetInfo(),
    listTables: () => inner.listTables(),
    readTable: (n) => inner.readTable(n),
    tableResizeSupported: () => inner.tableResizeSupported(),
    onTablesChanged: (l) => inner.onTablesChanged(l),
    selectedCell: () => inner.selectedCell(),
    usedRect: (s) => inner.usedRect(s),
    spillRects: (s, c) => inner.spillRects(s, c),
    getAddinData: (k) => inner.getAddinData(k),
    setAddinData: (k, v) => inner.setAddinData(k, v),
    removeAddinData: (k) => inner.removeAddinData(k),
    onAddinDataChanged: (l) => inner.onAddinDataChanged(l),
    recalculate: (f) => inner.recalculate(f),
    readCalculationMode: () => inner.readCalculationMode(),
    writeCalculationMode: (m) => (calls.push(`calculationMode ${m}`), inner.writeCalculationMode(m)),
    dateSystem: () => inner.dateSystem(),
    suspendUpdates: () => (calls.push("suspendUpdates"), inner.suspendUpdates()),
    resumeUpdates: () => (calls.push("resumeUpdates"), inner.resumeUpdates()),
    addSheet: (n) => inner.addSheet(n),
    deleteSheet: (n) => (calls.push(`deleteSheet ${n}`), inner.deleteSheet(n)),
    deleteSheetById: (id) => (calls.push("deleteSheetById"), inner.deleteSheetById(id)),
    activateSheet: (n) => inner.activateSheet(n),
    writeValues: (s, t, v) => inner.writeValues(s, t, v),
    writeFormulas: (s, t, f) => inner.writeFormulas(s, t, f),
    setNumberFormats: (s, t, f) => inner.setNumberFormats(s, t, f),
    setNumberFormat: (s, r, f) => inner.setNumberFormat(s, r, f),
    addTable: (s, r, o) => inner.addTable(s, r, o),
    addNamedRange: (n, s, r) => inner.addNamedRange(n, s, r),
    addChart: (s, spec) => inner.addChart(s, spec),
    markInput: (s, c, l) => inner.markInput(s, c, l),
    clearRange: (s, r) => inner.clearRange(s, r),
    deleteNamedRange: (n) => inner.deleteNamedRange(n),
    deleteTable: (n) => inner.deleteTable(n),
    deleteChart: (s, n) => inner.deleteChart(s, n),
  };
  return Object.defineProperties(spy, {
    log: { value: log },
    calls: { value: calls },
    syncs: { get: () => syncs },
  }) as SpyWorkbook;
}
