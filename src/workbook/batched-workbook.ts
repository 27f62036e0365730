/**
 * The one-operation conveniences of the Workbook port, written once over `run`, so each
 * host implements only the batch and the reads.
 */
import type { CellValue } from "../excel/values";
import type { ZeroBasedCell, ZeroBasedRect } from "../excel/a1";
import type {
  CalculationMode,
  ChartSpec,
  DateSystem,
  DefinedName,
  FormulaContents,
  RangeContents,
  SheetInfo,
  TableContents,
  TableInfo,
  TableOptions,
  Workbook,
  WorkbookBatch,
} from "./workbook";

export abstract class BatchedWorkbook implements Workbook {
  abstract run<T>(work: (batch: WorkbookBatch) => Promise<T>): Promise<T>;
  abstract listSheets(): Promise<string[]>;
  abstract listNames(): Promise<DefinedName[]>;
  abstract hasSheet(name: string): Promise<boolean>;
  abstract readRange(sheet: string, range: ZeroBasedRect | string): Promise<RangeContents>;
  abstract readFormulas(sheet: string, rect: ZeroBasedRect): Promise<FormulaContents>;
  abstract listSheetInfo(): Promise<SheetInfo[]>;
  abstract listTables(): Promise<TableInfo[]>;
  abstract readTable(name: string): Promise<TableContents>;
  abstract tableResizeSupported(): boolean;
  abstract onTablesChanged(listener: () => void): Promise<void>;
  abstract selectedCell(): Promise<{ readonly sheet: string; readonly cell: ZeroBasedCell } | null>;
  abstract usedRect(sheet: string): Promise<ZeroBasedRect | null>;
  abstract spillRects(sheet: string, cells: readonly ZeroBasedCell[]): Promise<(ZeroBasedRect | null)[]>;
  abstract getAddinData(key: string): Promise<string | null>;
  abstract setAddinData(key: string, value: string): Promise<void>;
  abstract removeAddinData(key: string): Promise<void>;
  abstract onAddinDataChanged(listener: () => void): Promise<void>;
  abstract recalculate(full: boolean): Promise<void>;
  abstract readCalculationMode(): Promise<CalculationMode | null>;
  abstract writeCalculationMode(mode: CalculationMode): Promise<void>;
  abstract dateSystem(): Promise<DateSystem | null>;
  abstract suspendUpdates(): Promise<void>;
  abstract resumeUpdates(): Promise<void>;

  private one(queue: (batch: WorkbookBatch) => void): Promise<void> {
    return this.run(async (batch) => queue(batch));
  }

  addSheet(name: string): Promise<void> {
    return this.one((b) => void b.addSheet(name));
  }
  deleteSheetById(id: string): Promise<void> {
    return this.one((b) => b.deleteSheetById(id));
  }
  deleteSheet(name: string): Promise<void> {
    return this.one((b) => b.deleteSheet(name));
  }
  activateSheet(name: string): Promise<void> {
    return this.one((b) => b.activateSheet(name));
  }
  writeValues(sheet: string, topLeft: ZeroBasedCell, values: readonly (readonly CellValue[])[]): Promise<void> {
    return this.one((b) => b.writeValues(sheet, topLeft, values));
  }
  writeFormulas(sheet: string, topLeft: ZeroBasedCell, formulas: readonly (readonly string[])[]): Promise<void> {
    return this.one((b) => b.writeFormulas(sheet, topLeft, formulas));
  }
  setNumberFormats(
    sheet: string,
    topLeft: ZeroBasedCell,
    formats: readonly (readonly (string | null)[])[],
  ): Promise<void> {
    return this.one((b) => b.setNumberFormats(sheet, topLeft, formats));
  }
  setNumberFormat(sheet: string, rect: ZeroBasedRect, format: string): Promise<void> {
    return this.one((b) => b.setNumberFormat(sheet, rect, format));
  }
  async addTable(sheet: string, rect: ZeroBasedRect, options: TableOptions): Promise<string> {
    const name = await this.run(async (b) => {
      const pending = b.addTable(sheet, rect, options);
      await b.sync();
      return pending.value;
    });
    return name;
  }
  addNamedRange(name: string, sheet: string, rect: ZeroBasedRect): Promise<void> {
    return this.one((b) => b.addNamedRange(name, sheet, rect));
  }
  addChart(sheet: string, spec: ChartSpec): Promise<void> {
    return this.one((b) => b.addChart(sheet, spec));
  }
  clearRange(sheet: string, rect: ZeroBasedRect): Promise<void> {
    return this.one((b) => b.clearRange(sheet, rect));
  }
  deleteNamedRange(name: string): Promise<void> {
    return this.one((b) => b.deleteNamedRange(name));
  }
  deleteTable(name: string): Promise<void> {
    return this.one((b) => b.deleteTable(name));
  }
  deleteChart(sheet: string, name: string): Promise<void> {
    return this.one((b) => b.deleteChart(sheet, name));
  }
  markInput(sheet: string, cell: ZeroBasedCell, label?: string): Promise<void> {
    return this.one((b) => b.markInput(sheet, cell, label));
  }
}
