/**
 * Queues the parts of a scenario sheet on a batch: the cells (constants, formulas, formats,
 * input marks) and the objects over them (table, chart, names). Create, update and their
 * undo all write through these, so a sheet is written one way.
 */
import { toZeroBasedCell, type A1Cell } from "../excel/a1";
import type { WorkbookBatch } from "../workbook/workbook";
import type { StoredChart } from "./manifest";
import type { NamedRange, TablePlan } from "./plan";
import { chartSpec, toPortRect, type PlanWrites } from "./plan-writes";

export function queueContents(batch: WorkbookBatch, sheet: string, writes: PlanWrites): void {
  batch.writeValues(sheet, writes.block, writes.values);
  for (const run of writes.formulas) batch.writeFormulas(sheet, run.topLeft, [run.formulas]);
  batch.setNumberFormats(sheet, writes.block, writes.numberFormats);
  for (const input of writes.inputs) batch.markInput(sheet, input.cell, input.label);
}

/** Cells 1-based, as the plan and the manifest record them. */
export function queueInputMarks(batch: WorkbookBatch, sheet: string, cells: readonly A1Cell[]): void {
  for (const cell of cells) batch.markInput(sheet, toZeroBasedCell(cell));
}

export function queueTable(batch: WorkbookBatch, sheet: string, table: TablePlan): { readonly value: string } {
  return batch.addTable(sheet, toPortRect(table.rect), { name: table.name, hasHeaders: true });
}

export function queueChart(batch: WorkbookBatch, sheet: string, chart: StoredChart): void {
  batch.addChart(sheet, chartSpec(chart));
}

export function queueNames(batch: WorkbookBatch, sheet: string, names: readonly NamedRange[]): void {
  for (const n of names)
    batch.addNamedRange(n.name, sheet, toPortRect({ row: n.row, col: n.col, rows: n.rows ?? 1, cols: n.cols ?? 1 }));
}
