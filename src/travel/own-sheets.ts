/**
 * Writes one of RARE's own sheets (the audit, the change list, the hidden undo data and
 * refresh record) with the import writer: chunked within the request budget, "@" text
 * columns before their values, a table over it, the partial sheet deleted on a failure or
 * a cancel. A sheet already there is replaced only once the new one is complete: the new
 * one is written under "<name> (new)", then the old one deleted and the new one renamed,
 * so a failed or cancelled rewrite leaves the old sheet as it was. Reading one back goes
 * band by band (read-chunks.ts).
 */
import { writeImport, type ImportProgress } from "../workbook/import-writer";
import type { ImportData } from "../workbook/write-plan";
import type { CellValue } from "../excel/values";
import type { Workbook, WorkbookBatch } from "../workbook/workbook";
import type { TravelOptions } from "./progress";
import { readInBands } from "./read-chunks";

export interface OwnSheetOptions extends TravelOptions {
  /** Very hidden: not shown in the tabs or the Unhide dialog, only code shows it again. */
  readonly hidden?: boolean;
  readonly budgetBytes?: number;
  readonly step?: string;
}

/** Every column is text ("@"): values are stored exactly as given. */
export function textTable(headers: readonly string[], rows: readonly (readonly CellValue[])[]): ImportData {
  return { headers, rows, columnFormats: headers.map(() => "@") };
}

export async function writeOwnSheet(
  workbook: Workbook,
  name: string,
  data: ImportData,
  options: OwnSheetOptions = {},
): Promise<{ syncs: number }> {
  const exists = await workbook.hasSheet(name);
  const target = exists ? `${name} (new)` : name;
  if (exists && (await workbook.hasSheet(target))) await deleteOwnSheet(workbook, target); // left by an interrupted run
  const onProgress = options.onProgress
    ? (p: ImportProgress) =>
        options.onProgress!({ step: options.step ?? `Writing ${name}`, done: p.rowsWritten, total: p.totalRows })
    : undefined;
  const outcome = await writeImport(workbook, data, {
    sheetName: target,
    activate: !options.hidden,
    signal: options.signal,
    budgetBytes: options.budgetBytes,
    onProgress,
  });
  try {
    await workbook.run(async (batch) => {
      if (options.hidden) batch.setSheetVisibility(target, "veryHidden");
      if (exists) {
        queueDeleteOwnSheet(batch, name);
        batch.renameSheet(target, name);
      }
    });
  } catch (e) {
    if (exists && (await workbook.hasSheet(name)) && (await workbook.hasSheet(target)))
      await workbook.deleteSheet(target);
    throw e;
  }
  return { syncs: outcome.syncs + 1 };
}

/**
 * Excel refuses to delete a very hidden sheet (InvalidOperation; Worksheet.delete in the
 * Office.js reference): it is made merely hidden first, in the same request.
 */
export function queueDeleteOwnSheet(batch: WorkbookBatch, name: string): void {
  batch.setSheetVisibility(name, "hidden");
  batch.deleteSheet(name);
}

export function deleteOwnSheet(workbook: Workbook, name: string): Promise<void> {
  return workbook.run(async (batch) => queueDeleteOwnSheet(batch, name));
}

/**
 * Calls `onRow` for each row under the header of one of RARE's sheets, in order; false if
 * there is no such sheet. Rows are read in budget-sized bands, never all at once.
 */
export async function readOwnSheet(
  workbook: Workbook,
  name: string,
  onRow: (row: readonly CellValue[]) => void,
  options: { signal?: AbortSignal } = {},
): Promise<boolean> {
  if (!(await workbook.hasSheet(name))) return false;
  const used = await workbook.usedRect(name);
  if (!used || used.rows < 2) return true;
  const block = { row: used.row + 1, col: used.col, rows: used.rows - 1, cols: used.cols };
  await readInBands(workbook, name, block, (band) => band.values.forEach(onRow), options);
  return true;
}
