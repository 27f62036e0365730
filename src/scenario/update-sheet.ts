/**
 * update: the sheet of that name, in place, whatever changed — figures, element names and
 * order, assumptions, which strategies and how many elements.
 *
 * Reads the sheet over the old and the new extent and keeps the exposures the user typed,
 * by element (updateScenarioSheet); elements no longer chosen take theirs with them and are
 * reported. Then, for what the layout changes (structure-change.ts, from the manifest): the
 * old chart is deleted, the old table turned back into plain cells, the old names that go or
 * move deleted, the block cleared; the new contents written; the new table, chart and names
 * added; the manifest rewritten. What the layout keeps is left alone. Broken (#REF!) names in
 * the way are deleted first, as on create.
 *
 * Only this sheet, its own table, chart and names, and its manifest are written. If anything
 * fails, the old sheet is put back: its cells as read, and its table, chart and names from
 * the manifest.
 */
import type { ZeroBasedRect } from "../excel/a1";
import type { RangeContents, Workbook } from "../workbook/workbook";
import { ExistingNames, distinctNames } from "./existing-names";
import {
  inputCellsOf,
  manifestKey,
  manifestOf,
  parseManifest,
  structureOf,
  type ScenarioManifest,
  type ScenarioStructure,
} from "./manifest";
import type { NamedRange, SheetPlan } from "./plan";
import { planWrites } from "./plan-writes";
import { queueChart, queueContents, queueInputMarks, queueNames, queueTable } from "./queue-sheet";
import { structureChange, type StructureChange } from "./structure-change";
import { updateScenarioSheet } from "./keep-exposures";
import {
  ScenarioWriteError,
  undoFailedWrite,
  type ScenarioWriteOutcome,
  type WriteScenarioOptions,
} from "./write-outcome";

/** What the undo needs to know about the update it undoes. */
interface UpdateState {
  readonly sheet: string;
  readonly was: ScenarioStructure;
  readonly next: ScenarioStructure;
  readonly change: StructureChange;
  /** The block read before writing, from A1, over the old and the new extent. */
  readonly block: ZeroBasedRect;
  readonly before: RangeContents;
  /** The new names this update may have added (not someone else's that blocked it). */
  readonly added: readonly string[];
  /** The old names it deletes that were there: the undo adds them back. */
  readonly restore: readonly NamedRange[];
}

export async function updateScenarioSheetInPlace(
  workbook: Workbook,
  plan: SheetPlan,
  options: WriteScenarioOptions,
): Promise<ScenarioWriteOutcome> {
  const sheet = plan.sheetName;
  if (!(await workbook.hasSheet(sheet))) {
    throw new ScenarioWriteError(
      "sheetMissing",
      `There is no sheet named "${sheet}" to update: create it instead.`,
      true,
    );
  }
  const manifest = parseManifest(await workbook.getAddinData(manifestKey(sheet)));
  if (!manifest) throw notOurs(sheet);
  const was = manifest.structure;
  const block: ZeroBasedRect = {
    row: 0,
    col: 0,
    rows: Math.max(was.extent.rows, plan.extent.rows),
    cols: Math.max(was.extent.cols, plan.extent.cols),
  };
  const before = await workbook.readRange(sheet, block);
  // Formulas, not values: an exposure the user entered as =Inventory!B4 stays a formula.
  const merged = updateScenarioSheet(before.formulas, plan);
  if (!merged.recognised) throw notOurs(sheet);

  const planned = structureOf(plan);
  const change = structureChange(was, planned);
  if (change.chart && was.chart.name === undefined) throw chartNotFound(sheet, manifest);
  // The chart stays as recorded when it is not replaced (an unnamed one stays unnamed).
  const next: ScenarioStructure = change.chart ? planned : { ...planned, chart: was.chart };
  const existing = new ExistingNames(await workbook.listNames());
  const own = new Set(was.namedRanges.map((n) => n.name.toUpperCase()));
  // A name of the new layout missing from the workbook (the user deleted it) is added again.
  const moving = new Set(change.namesToAdd.map((n) => n.name.toUpperCase()));
  const toAdd = [
    ...change.namesToAdd,
    ...next.namedRanges.filter((n) => !moving.has(n.name.toUpperCase()) && !existing.exists(n.name)),
  ];
  const stale = toAdd.map((n) => n.name).filter((n) => existing.isBroken(n));
  const state: UpdateState = {
    sheet,
    was,
    next,
    change,
    block,
    before,
    added: toAdd.map((n) => n.name).filter((n) => !existing.isLive(n) || own.has(n.toUpperCase())),
    restore: change.namesToDelete.filter((n) => existing.exists(n.name)),
  };

  try {
    await workbook.run(async (batch) => {
      if (change.chart && was.chart.name !== undefined) batch.deleteChart(sheet, was.chart.name);
      if (change.rebuild) batch.deleteTable(was.table.name);
      for (const name of distinctNames([...change.namesToDelete.map((n) => n.name), ...stale]))
        batch.deleteNamedRange(name);
      // Old fills and input marks would linger where the cells moved. Once the block is
      // cleared, only the new extent needs writing; otherwise blanks cover the old one.
      if (change.rebuild) batch.clearRange(sheet, block);
      queueContents(batch, sheet, planWrites(merged.plan, change.rebuild ? plan.extent : block));
      await batch.sync(); // values before the table, as on create
      if (change.rebuild) queueTable(batch, sheet, plan.table);
      if (change.chart) queueChart(batch, sheet, plan.chart);
      queueNames(batch, sheet, toAdd);
      if (options.activate !== false) batch.activateSheet(sheet);
    });
    if (!change.none) await workbook.setAddinData(manifestKey(sheet), JSON.stringify(manifestOf(plan, next)));
  } catch (e) {
    throw await undoUpdate(workbook, state, e);
  }
  return {
    sheetName: sheet,
    mode: "update",
    tableName: plan.table.name,
    kept: merged.kept,
    dropped: merged.dropped,
    rebuilt: change.rebuild || change.chart,
  };
}

/** Undoes a failed update in place (see putBack) and says what failed and whether the sheet is as it was. */
async function undoUpdate(workbook: Workbook, state: UpdateState, cause: unknown): Promise<ScenarioWriteError> {
  return undoFailedWrite(cause, () => putBack(workbook, state), {
    action: `Updating the scenario sheet "${state.sheet}"`,
    undone: "Its previous contents were put back.",
    notUndone: (problem) =>
      `Its previous contents could not be put back (${problem}): check the sheet, or undo in Excel.`,
  });
}

/**
 * Puts the old sheet back. Whatever the failure left (old or new table, chart, names) is
 * removed first, then the old cells are written (formats first, so a text "@" cell takes its
 * text as text), then the old table, chart and names from the manifest.
 */
function putBack(workbook: Workbook, state: UpdateState): Promise<void> {
  const { sheet, was, next, change, block, before } = state;
  return workbook.run(async (batch) => {
    if (change.chart) {
      if (next.chart.name !== undefined) batch.deleteChart(sheet, next.chart.name);
      if (was.chart.name !== undefined) batch.deleteChart(sheet, was.chart.name);
    }
    if (change.rebuild) {
      batch.deleteTable(next.table.name);
      batch.deleteTable(was.table.name);
    }
    for (const name of distinctNames([...state.added, ...state.restore.map((n) => n.name)]))
      batch.deleteNamedRange(name);
    if (change.rebuild) batch.clearRange(sheet, block);
    batch.setNumberFormats(sheet, { row: 0, col: 0 }, before.numberFormats);
    batch.writeValues(sheet, { row: 0, col: 0 }, before.formulas);
    if (change.rebuild) queueInputMarks(batch, sheet, inputCellsOf(was));
    await batch.sync();
    if (change.rebuild) queueTable(batch, sheet, was.table);
    if (change.chart) queueChart(batch, sheet, was.chart);
    queueNames(batch, sheet, state.restore);
  });
}

function notOurs(sheet: string): ScenarioWriteError {
  return new ScenarioWriteError(
    "notScenarioSheet",
    `The sheet "${sheet}" was not made by a RARE scenario (or its scenario table was removed), so it is left alone: choose another sheet name.`,
    true,
  );
}

function chartNotFound(sheet: string, manifest: ScenarioManifest): ScenarioWriteError {
  const was = manifest.structure;
  const elements = was.table.rect.rows - 1;
  // One name per strategy offset (RARE_<key>_Mit_<strategy>), whatever fixed inputs a version had.
  const strategies = was.namedRanges.filter((n) => n.name.includes("_Mit_")).length;
  return new ScenarioWriteError(
    "layoutChanged",
    `"${sheet}" was made by an earlier version of RARE with ${elements} ${elements === 1 ? "element" : "elements"} and ${strategies} ${strategies === 1 ? "strategy" : "strategies"}, ` +
      "and its chart cannot be found to replace it. Keep the same number of elements and strategies to update it in place, " +
      "or delete the sheet and create the scenario again. Nothing was changed.",
    true,
  );
}
