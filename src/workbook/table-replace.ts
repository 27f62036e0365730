/**
 * Re-import's writer: replaces the data rows of an existing table in place with new rows of
 * the same columns. The table keeps its name, sheet, header row and position, so formulas
 * that refer to it (`=ROWS(Table1)`, `=SUM(Table1[Value])`) follow its new size; it grows or
 * shrinks with `resizeTable` (Excel's Table.resize, ExcelApi 1.13), and rows it no longer
 * covers are cleared.
 *
 * Nothing the user had is lost on the way: it refuses before writing when the table would
 * grow over cells that hold something, and it snapshots the old data rows (formulas and
 * number formats, read in row bands) first; on a failure or a cancel it puts the table back
 * to its old size and writes the snapshot back, so the old rows are there again.
 *
 * The writes are the import writer's plan (write-plan.ts: "@" before text, values in syncs
 * within the request budget, display formats after), shifted to the table's position; the
 * header row is planned with the table's own header texts, so it is written unchanged.
 */
import type { ZeroBasedRect } from "../excel/a1";
import { SYNC_BUDGET_BYTES } from "../excel/limits";
import type { CellValue } from "../excel/values";
import { CalculationGuard } from "./calculation-guard";
import { inDateSystem, isDateFormat } from "./date-system";
import { WorkbookError, messageOf } from "./errors";
import { rowBytes } from "./payload";
import { planImport, type ImportData, type PlanOp } from "./write-plan";
import type { TableInfo, Workbook, WorkbookBatch } from "./workbook";

export interface ReplaceOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: { rowsWritten: number; totalRows: number }) => void;
  /** Per-sync budget (tests); default SYNC_BUDGET_BYTES. */
  readonly budgetBytes?: number;
}

export interface ReplaceOutcome {
  readonly table: string;
  readonly sheet: string;
  readonly rowsBefore: number;
  readonly rowsAfter: number;
  readonly warning?: string;
}

/** Why the rows were not replaced; `restored`: the old rows are back (or were never touched). */
export class ReplaceError extends WorkbookError {
  constructor(
    code: "importFailed" | "importCancelled",
    message: string,
    readonly restored: boolean,
  ) {
    super(code, message);
    this.name = "ReplaceError";
  }
}

class Cancelled extends Error {}

/** Office.js error codes for a request or response over the size limit. */
const TOO_LARGE = /PayloadSizeLimitExceeded/i;
/** Cells read per band for the snapshot and the check below the table. */
const BAND_CELLS = 20_000;

export async function replaceTableRows(
  workbook: Workbook,
  table: TableInfo,
  data: ImportData,
  options: ReplaceOptions = {},
): Promise<ReplaceOutcome> {
  const cols = table.rect.cols;
  if (!table.hasHeaders) throw new WorkbookError("invalidArgument", `Table "${table.name}" has no header row.`);
  if (data.headers.length !== cols)
    throw new WorkbookError(
      "invalidArgument",
      `The new rows have ${data.headers.length} columns; table "${table.name}" has ${cols}.`,
    );
  if (data.rows.length === 0)
    throw new WorkbookError("invalidArgument", `The new file has no data rows; table "${table.name}" keeps its rows.`);
  if (!workbook.tableResizeSupported())
    throw new WorkbookError(
      "unsupported",
      `Re-import needs Excel to resize table "${table.name}", which this Excel cannot do (Table.resize, ExcelApi 1.13: Excel 2021, Microsoft 365 or Excel on the web). The table is unchanged; import the file as a new sheet instead.`,
    );
  const cancelled = () => options.signal?.aborted === true;
  if (cancelled()) throw new ReplaceError("importCancelled", "Re-import cancelled; the table is unchanged.", true);

  const rowsBefore = table.rect.rows - 1;
  const rowsAfter = data.rows.length;
  const old: ZeroBasedRect = table.rect;
  const next: ZeroBasedRect = { ...old, rows: rowsAfter + 1 };
  if (rowsAfter > rowsBefore) await checkRoomBelow(workbook, table, rowsAfter - rowsBefore);

  const dated = await inWorkbookDates(workbook, data);
  // The table's own header texts: the header row is rewritten exactly as it is.
  const plan = planImport({ ...dated, headers: [...table.headers] }, { budgetBytes: options.budgetBytes });
  const snapshot = await snapshotRows(workbook, table);
  const body = (rows: number): ZeroBasedRect => ({ ...old, row: old.row + 1, rows });

  const calculation = new CalculationGuard(workbook);
  const suspendProblem = await calculation.suspend().catch((e: unknown) => messageOf(e));
  let touched = false;
  try {
    await workbook.run(async (batch) => {
      touched = true;
      batch.clearRange(table.sheet, body(Math.max(rowsBefore, rowsAfter)));
      batch.resizeTable(table.sheet, table.name, next);
      await batch.sync();
      for (const planned of plan.syncs) {
        if (cancelled()) throw new Cancelled();
        for (const op of planned.ops) queueShifted(batch, table.sheet, op, old);
        await batch.sync();
        options.onProgress?.({ rowsWritten: planned.rowsWritten, totalRows: rowsAfter });
      }
      if (cancelled()) throw new Cancelled();
    });
  } catch (e) {
    const why = e instanceof Cancelled ? null : messageOf(e);
    let restoreProblem: string | null = null;
    if (touched) {
      try {
        await restore(workbook, table, snapshot, Math.max(rowsBefore, rowsAfter), options.budgetBytes);
      } catch (r) {
        restoreProblem = messageOf(r);
      }
    }
    await calculation.resume().catch(() => undefined);
    const what = why === null ? "Re-import cancelled" : `Re-import into table "${table.name}" failed: ${why}`;
    const back = restoreProblem
      ? ` Its old rows could not all be put back (${restoreProblem}); check table "${table.name}" or undo the change by closing the workbook without saving.`
      : ` Table "${table.name}" has its old ${rowsBefore.toLocaleString("en-US")} ${rowsBefore === 1 ? "row" : "rows"} again.`;
    throw new ReplaceError(why === null ? "importCancelled" : "importFailed", what + "." + back, !restoreProblem);
  }
  const resumeProblem = await calculation.resume().then(
    () => null,
    (e: unknown) => messageOf(e),
  );
  const warnings = [
    ...dated.notes,
    ...(typeof suspendProblem === "string" ? [`Calculation stayed on during the re-import (${suspendProblem}).`] : []),
    ...(resumeProblem
      ? [
          `Calculation could not be switched back on (${resumeProblem}); set it to Automatic in Formulas > Calculation Options.`,
        ]
      : []),
  ];
  return {
    table: table.name,
    sheet: table.sheet,
    rowsBefore,
    rowsAfter,
    ...(warnings.length ? { warning: warnings.join(" ") } : {}),
  };
}

/** A plan op for a sheet whose table starts at A1, moved to the table's position (no table op: it exists). */
function queueShifted(batch: WorkbookBatch, sheet: string, op: PlanOp, at: ZeroBasedRect): void {
  const shift = <T extends { row: number; col: number }>(p: T): T => ({
    ...p,
    row: p.row + at.row,
    col: p.col + at.col,
  });
  switch (op.kind) {
    case "values":
      batch.writeValues(sheet, shift(op.topLeft), op.values);
      return;
    case "formatBlock":
      batch.setNumberFormat(sheet, shift(op.rect), op.format);
      return;
    case "formatCells":
      batch.setNumberFormats(sheet, shift(op.topLeft), op.formats);
      return;
    case "table":
      return;
  }
}

/** Dates as serials of the workbook's own date system (as the import writer does). */
async function inWorkbookDates(workbook: Workbook, data: ImportData): Promise<ImportData & { notes: string[] }> {
  if (!data.columnFormats.some(isDateFormat)) return { ...data, notes: [] };
  const system = await workbook.dateSystem().catch(() => null);
  if (system === null)
    return {
      ...data,
      notes: [
        "Dates were written as 1900 date-system serials: this Excel does not say which date system the workbook uses.",
      ],
    };
  const converted = inDateSystem(data, system);
  return {
    ...converted.data,
    notes: converted.asText
      ? [`${converted.asText} dates before 1904-01-01 were written as text (this workbook uses the 1904 date system).`]
      : [],
  };
}

/** Refuses when the rows the table would grow into hold anything (they would become table rows). */
async function checkRoomBelow(workbook: Workbook, table: TableInfo, extra: number): Promise<void> {
  const used = await workbook.usedRect(table.sheet);
  const start = table.rect.row + table.rect.rows;
  if (!used || used.row + used.rows <= start) return;
  const end = Math.min(start + extra, used.row + used.rows);
  const step = Math.max(1, Math.floor(BAND_CELLS / table.rect.cols));
  for (let row = start; row < end; row += step) {
    const rows = Math.min(step, end - row);
    const { formulas } = await workbook.readFormulas(table.sheet, {
      row,
      col: table.rect.col,
      rows,
      cols: table.rect.cols,
    });
    for (const [r, line] of formulas.entries()) {
      const c = line.findIndex((v) => v !== "" && v !== null);
      if (c >= 0)
        throw new WorkbookError(
          "invalidArgument",
          `The new file has ${extra.toLocaleString("en-US")} more ${extra === 1 ? "row" : "rows"}, and the table would grow over sheet row ${row + r + 1}, which holds data. Move what is below table "${table.name}" first; nothing was changed.`,
        );
    }
  }
}

interface Band {
  readonly row: number;
  readonly formulas: CellValue[][];
  readonly formats: string[][];
}

async function snapshotRows(workbook: Workbook, table: TableInfo): Promise<Band[]> {
  const bands: Band[] = [];
  const rows = table.rect.rows - 1;
  let step = Math.max(1, Math.floor(BAND_CELLS / table.rect.cols));
  for (let r = 0; r < rows;) {
    const n = Math.min(step, rows - r);
    const row = table.rect.row + 1 + r;
    try {
      const read = await workbook.readRange(table.sheet, { row, col: table.rect.col, rows: n, cols: table.rect.cols });
      bands.push({ row, formulas: read.formulas, formats: read.numberFormats });
      r += n;
    } catch (e) {
      // Excel on the web refuses a response over 5 MB (long text cells): read fewer rows at a time.
      if (n === 1 || !TOO_LARGE.test(`${(e as { code?: string }).code ?? ""} ${messageOf(e)}`)) throw e;
      step = Math.max(1, Math.floor(n / 2));
    }
  }
  return bands;
}

/** The table at its old size with its old rows: formats first (so text stays text), then formulas and values. */
async function restore(
  workbook: Workbook,
  table: TableInfo,
  bands: readonly Band[],
  touchedRows: number,
  budgetBytes = SYNC_BUDGET_BYTES,
): Promise<void> {
  const col = table.rect.col;
  await workbook.run(async (batch) => {
    batch.clearRange(table.sheet, { ...table.rect, row: table.rect.row + 1, rows: touchedRows });
    batch.resizeTable(table.sheet, table.name, table.rect);
    await batch.sync();
    for (const band of bands) {
      for (const piece of pieces(band, budgetBytes)) {
        batch.setNumberFormats(table.sheet, { row: piece.row, col }, piece.formats);
        batch.writeFormulas(
          table.sheet,
          { row: piece.row, col },
          piece.formulas.map((r) => r.map(asFormula)),
        );
        await batch.sync();
      }
    }
  });
}

const asFormula = (v: CellValue): string =>
  v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);

/** A band cut into runs of rows whose formulas fit half a request each (formats ride along). */
function pieces(band: Band, budgetBytes: number): Band[] {
  const out: Band[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < band.formulas.length; r++) {
    const cost = rowBytes(band.formulas[r]) + rowBytes(band.formats[r]);
    if (r > start && bytes + cost > budgetBytes / 2) {
      out.push(slice(band, start, r));
      start = r;
      bytes = 0;
    }
    bytes += cost;
  }
  if (start < band.formulas.length) out.push(slice(band, start, band.formulas.length));
  return out;
}

const slice = (band: Band, from: number, to: number): Band => ({
  row: band.row + from,
  formulas: band.formulas.slice(from, to),
  formats: band.formats.slice(from, to),
});
