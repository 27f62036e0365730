/**
 * Writes a scenario SheetPlan through the Workbook port, so the same code fills a sheet in
 * Excel and in the preview: `create` a new sheet (create-sheet.ts) or `update` one RARE made,
 * in place, keeping the exposures the user typed (update-sheet.ts). Each touches only its
 * sheet, that sheet's own table, chart and defined names, and its manifest (manifest.ts), and
 * undoes what it wrote if a step fails.
 */
import { toZeroBased } from "../excel/a1";
import type { Workbook } from "../workbook/workbook";
import { createScenarioSheet } from "./create-sheet";
import { manifestKey, parseManifest } from "./manifest";
import type { SheetPlan } from "./plan";
import { TABLE_HEADERS } from "./scenario-layout";
import { updateScenarioSheetInPlace } from "./update-sheet";
import type { ScenarioWriteOutcome, WriteScenarioOptions } from "./write-outcome";

export {
  ScenarioWriteError,
  type ScenarioWriteErrorCode,
  type ScenarioWriteMode,
  type ScenarioWriteOutcome,
  type WriteScenarioOptions,
} from "./write-outcome";

/**
 * What the pane needs to know before offering Create or Update. "stale": the workbook keeps a
 * scenario record for the sheet, but the sheet no longer has the table the record says it
 * has (edited or replaced by hand), so the record is reported, not trusted.
 */
export type ExistingSheet = "none" | "scenario" | "stale" | "other";

export async function existingScenarioSheet(workbook: Workbook, sheetName: string): Promise<ExistingSheet> {
  if (!(await workbook.hasSheet(sheetName))) return "none";
  const manifest = parseManifest(await workbook.getAddinData(manifestKey(sheetName)));
  if (!manifest) return "other";
  const { rect } = manifest.structure.table;
  const header = await workbook.readRange(sheetName, toZeroBased({ ...rect, rows: 1 }));
  return TABLE_HEADERS.every((h, i) => header.values[0]?.[i] === h) ? "scenario" : "stale";
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
