/**
 * Writes an import into a NEW sheet, one planned sync at a time (write-plan.ts), with
 * calculation and screen updating suspended (best effort), dates in the workbook's date system. All or nothing: on a failure or a cancel the
 * partly written sheet is deleted, updates are resumed, and an ImportError says so; the
 * rest of the workbook is never touched (the writer only ever addresses its new sheet).
 */
import { CalculationGuard } from "./calculation-guard";
import { inDateSystem, isDateFormat } from "./date-system";
import { WorkbookError, messageOf } from "./errors";
import { checkDefinedName, checkSheetName } from "./name-checks";
import { ImportData, PlanOp, PlanPhase, WritePlan, isWritePlan, planImport } from "./write-plan";
import type { Workbook, WorkbookBatch } from "./workbook";

export interface ImportProgress {
  /** Data rows (header excluded) written so far. */
  readonly rowsWritten: number;
  readonly totalRows: number;
  readonly syncsDone: number;
  readonly syncsTotal: number;
  readonly phase: PlanPhase;
}

export interface WriteImportOptions {
  /** The new sheet; the import refuses to run if a sheet of that name exists. */
  readonly sheetName: string;
  /** Table name; omitted, Excel picks a free one (Table1, …), which cannot collide. */
  readonly tableName?: string;
  /** Called after every sync. Not throttled here: the caller throttles (≥ 250 ms). */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Aborting rolls the import back; checked before and after every sync. */
  readonly signal?: AbortSignal;
  /** Show the new sheet when done (default true). */
  readonly activate?: boolean;
  /** Per-sync budget for planning (tests); default payload.ts SYNC_BUDGET_BYTES. */
  readonly budgetBytes?: number;
}

export interface ImportOutcome {
  readonly sheetName: string;
  readonly tableName: string;
  readonly rowsWritten: number;
  readonly syncs: number;
  /** Set when the data is in but something around it went wrong (calculation left manual). */
  readonly warning?: string;
}

/** Why an import did not happen, and whether the workbook is back as it was. */
export class ImportError extends WorkbookError {
  constructor(
    code: "importFailed" | "importCancelled",
    message: string,
    /** True when the partial sheet is gone and updates are resumed. */
    readonly restored: boolean,
    cause?: unknown,
  ) {
    super(code, message, { cause });
    this.name = "ImportError";
  }
}

class Cancelled extends Error {}

export async function writeImport(
  workbook: Workbook,
  source: ImportData | WritePlan,
  options: WriteImportOptions,
): Promise<ImportOutcome> {
  const sheet = options.sheetName;
  checkSheetName(sheet);
  if (options.tableName !== undefined) checkDefinedName(options.tableName);
  if (options.signal?.aborted) throw new ImportError("importCancelled", `Import cancelled; nothing was written.`, true);
  if (await workbook.hasSheet(sheet)) {
    throw new WorkbookError(
      "sheetExists",
      `A sheet named "${sheet}" already exists; the import writes only to a new sheet.`,
    );
  }
  const dates = await dateSystemOf(workbook, source);
  const plan = isWritePlan(source)
    ? source
    : planImport(dates.data ?? source, { budgetBytes: options.budgetBytes, tableName: options.tableName });
  const table = plan.syncs.flatMap((s) => s.ops).find((op) => op.kind === "table");
  if (options.tableName !== undefined && table?.kind === "table" && table.name !== options.tableName) {
    throw new WorkbookError(
      "invalidArgument",
      `The plan names its table "${table.name ?? "(automatic)"}", not "${options.tableName}".`,
    );
  }

  const updates = new Suspension(workbook);
  let syncsDone = 0;
  try {
    const suspendProblem = await updates.suspend();
    const tableName = await workbook.run(async (batch) => {
      const throwIfCancelled = (): void => {
        if (options.signal?.aborted) throw new Cancelled();
      };
      batch.addSheet(sheet);
      let tableName: { value: string } | null = null;
      for (const [i, planned] of plan.syncs.entries()) {
        throwIfCancelled();
        for (const op of planned.ops) tableName = queue(batch, sheet, op) ?? tableName;
        if (i === plan.syncs.length - 1 && options.activate !== false) batch.activateSheet(sheet);
        await batch.sync();
        syncsDone++;
        throwIfCancelled();
        options.onProgress?.({
          rowsWritten: planned.rowsWritten,
          totalRows: plan.rows,
          syncsDone,
          syncsTotal: plan.syncs.length,
          phase: planned.phase,
        });
      }
      return tableName ? tableName.value : "";
    });
    const resumeProblem = await updates.resume();
    const warnings = [
      ...dates.notes,
      ...(suspendProblem
        ? [`Calculation stayed on during the import, which may have made it slower: ${suspendProblem}.`]
        : []),
      ...(resumeProblem ? [calculationWarning(resumeProblem)] : []),
    ];
    return {
      sheetName: sheet,
      tableName,
      rowsWritten: plan.rows,
      syncs: syncsDone,
      ...(warnings.length ? { warning: warnings.join(" ") } : {}),
    };
  } catch (e) {
    throw await rollBack(workbook, sheet, e, updates, plan, syncsDone);
  }
}

function queue(batch: WorkbookBatch, sheet: string, op: PlanOp): { value: string } | null {
  switch (op.kind) {
    case "values":
      batch.writeValues(sheet, op.topLeft, op.values);
      return null;
    case "formatBlock":
      batch.setNumberFormat(sheet, op.rect, op.format);
      return null;
    case "formatCells":
      batch.setNumberFormats(sheet, op.topLeft, op.formats);
      return null;
    case "table":
      return batch.addTable(sheet, op.rect, { hasHeaders: op.hasHeaders, ...(op.name ? { name: op.name } : {}) });
  }
}

/** Deletes the partial sheet and builds the error the caller shows. */
async function rollBack(
  workbook: Workbook,
  sheet: string,
  cause: unknown,
  updates: Suspension,
  plan: WritePlan,
  syncsDone: number,
): Promise<ImportError> {
  const cancelled = cause instanceof Cancelled;
  let cleanupProblem: string | null = null;
  try {
    // The name was free before we started, so a sheet by that name now is ours.
    if (await workbook.hasSheet(sheet)) await workbook.deleteSheet(sheet);
  } catch (e) {
    cleanupProblem = messageOf(e);
  }
  const resumeProblem = await updates.resume();

  const what = cancelled
    ? `Import cancelled after ${syncsDone} of ${plan.syncs.length} steps.`
    : `Import into "${sheet}" failed after ${syncsDone} of ${plan.syncs.length} steps: ${messageOf(cause)}`;
  const undone = cleanupProblem
    ? ` The partly written sheet "${sheet}" could not be removed (${cleanupProblem}); delete it by hand.`
    : ` The partly written sheet was removed; the rest of the workbook is unchanged.`;
  const resume = resumeProblem ? ` ${calculationWarning(resumeProblem)}` : "";
  return new ImportError(
    cancelled ? "importCancelled" : "importFailed",
    what + undone + resume,
    !cleanupProblem && !resumeProblem,
    cancelled ? undefined : cause,
  );
}

function calculationWarning(problem: string): string {
  return `Calculation could not be switched back on (${problem}); set it to Automatic in Formulas > Calculation Options.`;
}

/**
 * The import's dates in the workbook's date system (date-system.ts), and what the summary
 * says about it: dates written as text, or that the date system could not be found out.
 */
async function dateSystemOf(
  workbook: Workbook,
  source: ImportData | WritePlan,
): Promise<{ data?: ImportData; notes: string[] }> {
  if (isWritePlan(source)) return { notes: [] }; // a plan's serials are the caller's
  const system = await workbook.dateSystem().catch(() => null);
  const hasDates = source.columnFormats.some(isDateFormat);
  if (!hasDates) return { notes: [] };
  if (system === null) {
    return {
      notes: [
        "Dates were written as 1900 date-system serials: this Excel does not say which date system the workbook uses. If it uses the 1904 date system (File > Options > Advanced), the imported dates show 4 years and 1 day late.",
      ],
    };
  }
  const converted = inDateSystem(source, system);
  const notes =
    converted.asText > 0
      ? [
          `${converted.asText.toLocaleString("en-US")} ${converted.asText === 1 ? "date is" : "dates are"} before 1904-01-01, which this workbook's 1904 date system cannot show as a date: written as text.`,
        ]
      : [];
  return { data: converted.data, notes };
}

/**
 * Screen updating and calculation suspended for the import, both best effort: a failure to
 * suspend never fails the import. Resumes at most once, whichever path ends the import;
 * calculation-guard.ts keeps the record that lets the next start restore the mode if this
 * runtime dies before it resumes.
 */
class Suspension {
  private suspended = false;
  private readonly calculation: CalculationGuard;

  constructor(private readonly workbook: Workbook) {
    this.calculation = new CalculationGuard(workbook);
  }

  /** Why calculation stayed as it was, if it did (said in the summary); null when suspended. */
  async suspend(): Promise<string | null> {
    try {
      await this.workbook.suspendUpdates();
      this.suspended = true;
    } catch {
      // Only a speed-up: the import runs with screen updating on.
    }
    return this.calculation.suspend();
  }

  /** The problem if putting things back failed, else null. */
  async resume(): Promise<string | null> {
    let problem: string | null = null;
    try {
      await this.calculation.resume();
    } catch (e) {
      problem = messageOf(e);
    }
    if (this.suspended) {
      this.suspended = false;
      try {
        await this.workbook.resumeUpdates();
      } catch (e) {
        problem ??= messageOf(e);
      }
    }
    return problem;
  }
}
