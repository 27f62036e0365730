/**
 * create: a NEW sheet — constants, formulas, number formats, input marks; then the Excel
 * table, the chart and the defined names; then the manifest. Refuses if the sheet exists.
 *
 * A scenario sheet the user deleted by hand leaves its defined names behind, pointing at
 * #REF!, and Excel refuses to add a name that exists: those broken names (this plan's, and
 * the ones the old sheet's manifest records) are deleted first. A name that exists and works
 * is someone else's: it is left alone, adding it fails and the write is undone.
 *
 * The sheet is added in a sync of its own, so its id is known before anything is written;
 * if anything fails, the sheet of that id is deleted (never a sheet found by name: another
 * writer may have taken the name meanwhile), with the names the write added, and the error
 * says what was undone. If the add itself fails, nothing of the workbook is touched.
 */
import { isNameTaken, messageOf } from "../workbook/errors";
import { settledValue } from "../workbook/pending";
import type { Pending, Workbook } from "../workbook/workbook";
import { ExistingNames, distinctNames } from "./existing-names";
import { manifestKey, manifestOf, parseManifest } from "./manifest";
import type { SheetPlan } from "./plan";
import { planWrites } from "./plan-writes";
import { queueChart, queueContents, queueNames, queueTable } from "./queue-sheet";
import {
  ScenarioWriteError,
  undoFailedWrite,
  type ScenarioWriteOutcome,
  type WriteScenarioOptions,
} from "./write-outcome";

export async function createScenarioSheet(
  workbook: Workbook,
  plan: SheetPlan,
  options: WriteScenarioOptions,
): Promise<ScenarioWriteOutcome> {
  const sheet = plan.sheetName;
  if (await workbook.hasSheet(sheet)) {
    throw new ScenarioWriteError(
      "sheetExists",
      `A sheet named "${sheet}" already exists: update it, or choose another sheet name.`,
      true,
    );
  }
  const leftover = parseManifest(await workbook.getAddinData(manifestKey(sheet)));
  const existing = new ExistingNames(await workbook.listNames());
  const planNames = plan.namedRanges.map((n) => n.name);
  const stale = distinctNames([...planNames, ...(leftover?.structure.namedRanges.map((n) => n.name) ?? [])]).filter(
    (n) => existing.isBroken(n),
  );
  const ours = planNames.filter((n) => !existing.isLive(n));
  let created: Pending<string> | null = null;
  try {
    const tableName = await workbook.run(async (batch) => {
      created = batch.addSheet(sheet);
      await batch.sync();
      for (const name of stale) batch.deleteNamedRange(name);
      queueContents(batch, sheet, planWrites(plan));
      // Values before the table, as Excel wants; the table before the names, so a failure
      // while adding names (the last step) is the only one that can leave any behind.
      await batch.sync();
      const table = queueTable(batch, sheet, plan.table);
      queueChart(batch, sheet, plan.chart);
      if (options.activate !== false) batch.activateSheet(sheet);
      queueNames(batch, sheet, plan.namedRanges);
      await batch.sync();
      return table.value;
    });
    await workbook.setAddinData(manifestKey(sheet), JSON.stringify(manifestOf(plan)));
    return { sheetName: sheet, mode: "create", tableName, kept: [], dropped: [], rebuilt: false };
  } catch (e) {
    const sheetId = settledValue<string>(created);
    if (sheetId === null) throw addFailed(sheet, e);
    throw await undoCreate(workbook, sheet, sheetId, ours, e);
  }
}

/** The add failed: nothing was written, nothing is undone. */
function addFailed(sheet: string, cause: unknown): ScenarioWriteError {
  const message = isNameTaken(cause)
    ? `A sheet named "${sheet}" was created while this scenario was starting: choose another sheet name. Nothing was written.`
    : `Creating the scenario sheet "${sheet}" failed: ${messageOf(cause)}. Nothing was written.`;
  return new ScenarioWriteError(isNameTaken(cause) ? "sheetExists" : "writeFailed", message, true, { cause });
}

/** Deletes the sheet this write added (by id), then the names it may have added (#REF! once the sheet is gone). */
async function undoCreate(
  workbook: Workbook,
  sheet: string,
  sheetId: string,
  names: readonly string[],
  cause: unknown,
): Promise<ScenarioWriteError> {
  const undo = () =>
    workbook.run(async (batch) => {
      batch.deleteSheetById(sheetId);
      for (const name of names) batch.deleteNamedRange(name);
    });
  return undoFailedWrite(cause, undo, {
    action: `Creating the scenario sheet "${sheet}"`,
    undone: "The partly written sheet was removed; the rest of the workbook is unchanged.",
    notUndone: (problem) => `The partly written sheet "${sheet}" could not be removed (${problem}); delete it by hand.`,
  });
}
