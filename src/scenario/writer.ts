/**
 * Writes a scenario SheetPlan through the Workbook port, so the same code fills a sheet in
 * Excel and in the preview.
 *
 * create: a NEW sheet — constants, formulas, number formats, input marks; then the Excel
 * table, the chart and the defined names; then the manifest (manifest.ts). Refuses if the
 * sheet exists. If anything fails, the partly written sheet is deleted (the name was free,
 * so a sheet of that name is ours) and the error says what was undone.
 *
 * update: the sheet of that name, in place. Reads it (over the old and the new extent),
 * keeps the exposures the user typed (updateScenarioSheet), clears the old block and
 * writes the new contents. The table, names and chart stay as they are: an update is
 * allowed only when they are exactly the ones the new plan wants, because the port can add
 * them but not remove or move them. Only this sheet and its manifest are written.
 */
import { messageOf } from "../workbook/errors";
import type { RangeContents, Workbook, WorkbookBatch } from "../workbook/workbook";
import { manifestKey, manifestOf, parseManifest, sameStructure, structureOf, type ScenarioManifest } from "./manifest";
import type { SheetPlan } from "./plan";
import { chartSpec, planWrites, toPortRect, type PlanWrites } from "./plan-writes";
import { updateScenarioSheet, type KeptExposure } from "./update";

export type ScenarioWriteMode = "create" | "update";

export interface WriteScenarioOptions {
  readonly mode: ScenarioWriteMode;
  /** Show the sheet when done (default true). */
  readonly activate?: boolean;
}

export interface ScenarioWriteOutcome {
  readonly sheetName: string;
  readonly mode: ScenarioWriteMode;
  readonly tableName: string;
  /** Exposures carried over from the old sheet (update). */
  readonly kept: readonly KeptExposure[];
  /** Exposures of elements no longer on the sheet: gone, so the pane must say so. */
  readonly dropped: readonly KeptExposure[];
}

export type ScenarioWriteErrorCode =
  | "sheetExists"
  | "sheetMissing"
  /** The sheet of that name was not made by RARE's scenario writer (or has lost its table). */
  | "notScenarioSheet"
  /** The update would move the table, names or chart: see the module comment. */
  | "layoutChanged"
  | "writeFailed";

export class ScenarioWriteError extends Error {
  constructor(
    readonly code: ScenarioWriteErrorCode,
    message: string,
    /** True when the workbook is as it was before the write began. */
    readonly restored: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ScenarioWriteError";
  }
}

/** What the pane needs to know before offering Create or Update. */
export type ExistingSheet = "none" | "scenario" | "other";

export async function existingScenarioSheet(workbook: Workbook, sheetName: string): Promise<ExistingSheet> {
  if (!(await workbook.hasSheet(sheetName))) return "none";
  return parseManifest(await workbook.getAddinData(manifestKey(sheetName))) ? "scenario" : "other";
}

export function writeScenarioSheet(workbook: Workbook, plan: SheetPlan, options: WriteScenarioOptions): Promise<ScenarioWriteOutcome> {
  return options.mode === "create" ? create(workbook, plan, options) : update(workbook, plan, options);
}

function queueContents(batch: WorkbookBatch, sheet: string, writes: PlanWrites): void {
  batch.writeValues(sheet, writes.block, writes.values);
  for (const run of writes.formulas) batch.writeFormulas(sheet, run.topLeft, [run.formulas]);
  batch.setNumberFormats(sheet, writes.block, writes.numberFormats);
  for (const input of writes.inputs) batch.markInput(sheet, input.cell, input.label);
}

async function create(workbook: Workbook, plan: SheetPlan, options: WriteScenarioOptions): Promise<ScenarioWriteOutcome> {
  const sheet = plan.sheetName;
  if (await workbook.hasSheet(sheet)) {
    throw new ScenarioWriteError("sheetExists", `A sheet named "${sheet}" already exists: update it, or choose another sheet name.`, true);
  }
  try {
    const tableName = await workbook.run(async (batch) => {
      batch.addSheet(sheet);
      queueContents(batch, sheet, planWrites(plan));
      // Values before the table, as Excel wants; the table before the names, so a failure
      // while adding names (the last step) is the only one that can leave any behind.
      await batch.sync();
      const table = batch.addTable(sheet, toPortRect(plan.table.rect), { name: plan.table.name, hasHeaders: true });
      batch.addChart(sheet, chartSpec(plan));
      if (options.activate !== false) batch.activateSheet(sheet);
      for (const n of plan.namedRanges) batch.addNamedRange(n.name, sheet, toPortRect({ row: n.row, col: n.col, rows: n.rows ?? 1, cols: n.cols ?? 1 }));
      await batch.sync();
      return table.value;
    });
    await workbook.setAddinData(manifestKey(sheet), JSON.stringify(manifestOf(plan)));
    return { sheetName: sheet, mode: "create", tableName, kept: [], dropped: [] };
  } catch (e) {
    throw await undoCreate(workbook, sheet, e);
  }
}

async function undoCreate(workbook: Workbook, sheet: string, cause: unknown): Promise<ScenarioWriteError> {
  let problem: string | null = null;
  try {
    if (await workbook.hasSheet(sheet)) await workbook.deleteSheet(sheet);
  } catch (e) {
    problem = messageOf(e);
  }
  const undone = problem
    ? ` The partly written sheet "${sheet}" could not be removed (${problem}); delete it by hand.`
    : " The partly written sheet was removed; the rest of the workbook is unchanged.";
  return new ScenarioWriteError("writeFailed", `Creating the scenario sheet "${sheet}" failed: ${messageOf(cause)}.${undone}`, !problem, { cause });
}

async function update(workbook: Workbook, plan: SheetPlan, options: WriteScenarioOptions): Promise<ScenarioWriteOutcome> {
  const sheet = plan.sheetName;
  if (!(await workbook.hasSheet(sheet))) {
    throw new ScenarioWriteError("sheetMissing", `There is no sheet named "${sheet}" to update: create it instead.`, true);
  }
  const manifest = parseManifest(await workbook.getAddinData(manifestKey(sheet)));
  if (!manifest) throw notOurs(sheet);
  const cover = { rows: Math.max(manifest.structure.extent.rows, plan.extent.rows), cols: Math.max(manifest.structure.extent.cols, plan.extent.cols) };
  const old = await workbook.readRange(sheet, { row: 0, col: 0, ...cover });
  // Formulas, not values: an exposure the user entered as =Inventory!B4 stays a formula.
  const merged = updateScenarioSheet(old.formulas, plan);
  if (!merged.recognised) throw notOurs(sheet);
  if (!sameStructure(manifest.structure, structureOf(plan))) throw layoutChanged(sheet, manifest);

  try {
    await workbook.run(async (batch) => {
      queueContents(batch, sheet, planWrites(merged.plan, cover));
      if (options.activate !== false) batch.activateSheet(sheet);
    });
  } catch (e) {
    throw await undoUpdate(workbook, sheet, old, e);
  }
  return { sheetName: sheet, mode: "update", tableName: plan.table.name, kept: merged.kept, dropped: merged.dropped };
}

/** Puts back what the sheet held: formats first, so a text ("@") cell takes its text as text. */
async function undoUpdate(workbook: Workbook, sheet: string, old: RangeContents, cause: unknown): Promise<ScenarioWriteError> {
  let problem: string | null = null;
  try {
    await workbook.run(async (batch) => {
      batch.setNumberFormats(sheet, { row: 0, col: 0 }, old.numberFormats);
      batch.writeValues(sheet, { row: 0, col: 0 }, old.formulas);
    });
  } catch (e) {
    problem = messageOf(e);
  }
  const undone = problem
    ? ` Its previous contents could not be put back (${problem}): check the sheet, or undo in Excel.`
    : " Its previous contents were put back.";
  return new ScenarioWriteError("writeFailed", `Updating the scenario sheet "${sheet}" failed: ${messageOf(cause)}.${undone}`, !problem, { cause });
}

function notOurs(sheet: string): ScenarioWriteError {
  return new ScenarioWriteError(
    "notScenarioSheet",
    `The sheet "${sheet}" was not made by a RARE scenario (or its scenario table was removed), so it is left alone: choose another sheet name.`,
    true,
  );
}

function layoutChanged(sheet: string, manifest: ScenarioManifest): ScenarioWriteError {
  const was = manifest.structure;
  const elements = was.table.rect.rows - 1;
  const strategies = was.inputs.length - 2;
  return new ScenarioWriteError(
    "layoutChanged",
    `"${sheet}" was made with ${elements} ${elements === 1 ? "element" : "elements"} and ${strategies} ${strategies === 1 ? "strategy" : "strategies"}; ` +
      "updating in place can change the figures, the element names and the assumptions, but not which strategies or how many elements. " +
      "Keep the same strategies and number of elements, or create the scenario under another sheet name. Nothing was changed.",
    true,
  );
}
