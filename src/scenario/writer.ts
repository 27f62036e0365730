/**
 * Writes a scenario SheetPlan through the Workbook port, so the same code fills a sheet in
 * Excel and in the preview: `create` a new sheet (create-sheet.ts) or `update` one RARE made,
 * in place, keeping the exposures the user typed (update-sheet.ts). Each touches only its
 * sheet, that sheet's own table, chart and defined names, and its manifest (manifest.ts), and
 * undoes what it wrote if a step fails.
 */
import type { Workbook } from "../workbook/workbook";
import { createScenarioSheet } from "./create-sheet";
import { manifestKey, parseManifest } from "./manifest";
import type { SheetPlan } from "./plan";
import { updateScenarioSheetInPlace } from "./update-sheet";
import type { ScenarioWriteOutcome, WriteScenarioOptions } from "./write-outcome";

export {
  ScenarioWriteError,
  type ScenarioWriteErrorCode,
  type ScenarioWriteMode,
  type ScenarioWriteOutcome,
  type WriteScenarioOptions,
} from "./write-outcome";

/** What the pane needs to know before offering Create or Update. */
export type ExistingSheet = "none" | "scenario" | "other";

export async function existingScenarioSheet(workbook: Workbook, sheetName: string): Promise<ExistingSheet> {
  if (!(await workbook.hasSheet(sheetName))) return "none";
  return parseManifest(await workbook.getAddinData(manifestKey(sheetName))) ? "scenario" : "other";
}

export function writeScenarioSheet(
  workbook: Workbook,
  plan: SheetPlan,
  options: WriteScenarioOptions,
): Promise<ScenarioWriteOutcome> {
  return options.mode === "create"
    ? createScenarioSheet(workbook, plan, options)
    : updateScenarioSheetInPlace(workbook, plan, options);
}
