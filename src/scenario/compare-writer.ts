/**
 * Writes a comparison sheet (compare-layout.ts) or a simulation sheet (simulation-layout.ts)
 * through the Workbook port, the same in Excel and the preview. `create` adds a new sheet and refuses an existing one; `update` rewrites
 * a comparison sheet RARE made, in place, keeping the exposures typed into it by element
 * (update.ts), and replacing its charts and names, which it finds through the record it
 * keeps in the workbook's add-in data. Either puts back what it changed if a step fails.
 */
import type { ZeroBasedRect } from "../excel/a1";
import type { Workbook } from "../workbook/workbook";
import type { ChartedPlan } from "./compare-layout";
import { ExistingNames, distinctNames } from "./existing-names";
import type { ChartPlan, NamedRange } from "./plan";
import { planWrites } from "./plan-writes";
import { queueChart, queueContents, queueNames } from "./queue-sheet";
import { updateScenarioSheet } from "./keep-exposures";
import {
  ScenarioWriteError,
  undoFailedWrite,
  type ScenarioWriteOutcome,
  type WriteScenarioOptions,
} from "./write-outcome";

/** Which kind of RARE sheet a record is for; each keeps its records under its own keys. */
export type ChartedSheetKind = "compare" | "simulation";

interface ComparisonRecord {
  readonly format: "rare-comparison-sheet";
  readonly kind: ChartedSheetKind;
  readonly version: 1;
  readonly sheetName: string;
  readonly extent: { readonly rows: number; readonly cols: number };
  readonly charts: readonly ChartPlan[];
  readonly namedRanges: readonly NamedRange[];
}

export function comparisonKey(sheetName: string, kind: ChartedSheetKind = "compare"): string {
  return `rare.scenario.${kind}:${sheetName.toLowerCase()}`;
}

/** The record under a key, or null where there is none or it is not a well-formed one of ours. */
export function parseComparisonRecord(text: string | null): ComparisonRecord | null {
  if (text === null) return null;
  try {
    const r = JSON.parse(text) as Partial<ComparisonRecord>;
    const whole = (n: unknown) => Number.isInteger(n) && (n as number) > 0;
    if (r?.format !== "rare-comparison-sheet" || r.version !== 1 || typeof r.sheetName !== "string") return null;
    if (r.kind !== "compare" && r.kind !== "simulation") return null;
    if (!r.extent || !whole(r.extent.rows) || !whole(r.extent.cols)) return null;
    if (!Array.isArray(r.charts) || !r.charts.every((c) => typeof c?.name === "string")) return null;
    if (!Array.isArray(r.namedRanges) || !r.namedRanges.every((n) => typeof n?.name === "string" && whole(n.row)))
      return null;
    return r as ComparisonRecord;
  } catch {
    return null;
  }
}

const recordOf = (plan: ChartedPlan, kind: ChartedSheetKind): ComparisonRecord => ({
  format: "rare-comparison-sheet",
  kind,
  version: 1,
  sheetName: plan.sheetName,
  extent: { rows: plan.extent.rows, cols: plan.extent.cols },
  charts: plan.charts,
  namedRanges: plan.namedRanges,
});

/** Is there a comparison sheet of that name that RARE made ("scenario"), another sheet ("other"), or none? */
export async function existingComparisonSheet(
  workbook: Workbook,
  sheetName: string,
  kind: ChartedSheetKind = "compare",
): Promise<"none" | "scenario" | "other"> {
  if (!(await workbook.hasSheet(sheetName))) return "none";
  return parseComparisonRecord(await workbook.getAddinData(comparisonKey(sheetName, kind))) ? "scenario" : "other";
}

export async function writeComparisonSheet(
  workbook: Workbook,
  plan: ChartedPlan,
  options: WriteScenarioOptions & { readonly kind?: ChartedSheetKind },
): Promise<ScenarioWriteOutcome> {
  const sheet = plan.sheetName;
  const kind = options.kind ?? "compare";
  const exists = await workbook.hasSheet(sheet);
  const record = parseComparisonRecord(await workbook.getAddinData(comparisonKey(sheet, kind)));
  if (options.mode === "create" && exists)
    throw new ScenarioWriteError(
      "sheetExists",
      `A sheet named "${sheet}" already exists: update it, or choose another sheet name.`,
      true,
    );
  if (options.mode === "update" && !exists)
    throw new ScenarioWriteError(
      "sheetMissing",
      `There is no sheet named "${sheet}" to update: create it instead.`,
      true,
    );
  if (options.mode === "update" && !record)
    throw new ScenarioWriteError(
      "notScenarioSheet",
      `The sheet "${sheet}" was not made by RARE's ${kind === "compare" ? "Compare scenarios" : "simulation"}, so it is left alone: choose another sheet name.`,
      true,
    );

  const existing = new ExistingNames(await workbook.listNames());
  const oldNames = record?.namedRanges ?? [];
  // Names of the old sheet (ours) and broken leftovers of a deleted one go; a live name that
  // is not ours is someone else's, left alone (adding it then fails and the write is undone).
  const own = new Set(oldNames.map((n) => n.name.toUpperCase()));
  const toDelete = distinctNames([...oldNames.map((n) => n.name), ...plan.namedRanges.map((n) => n.name)]).filter(
    (n) => (exists && own.has(n.toUpperCase())) || existing.isBroken(n),
  );

  let block: ZeroBasedRect = { row: 0, col: 0, rows: plan.extent.rows, cols: plan.extent.cols };
  let before: Awaited<ReturnType<Workbook["readRange"]>> | null = null;
  let written = plan;
  let kept: ScenarioWriteOutcome["kept"] = [];
  let dropped: ScenarioWriteOutcome["dropped"] = [];
  if (options.mode === "update" && record) {
    block = {
      row: 0,
      col: 0,
      rows: Math.max(record.extent.rows, plan.extent.rows),
      cols: Math.max(record.extent.cols, plan.extent.cols),
    };
    before = await workbook.readRange(sheet, block);
    // Formulas, not values: an exposure typed as =Inventory!B4 stays a formula.
    const merged = updateScenarioSheet(before.formulas, plan);
    ({ kept, dropped } = merged);
    written = merged.plan;
  }

  try {
    await workbook.run(async (batch) => {
      for (const chart of record && exists ? record.charts : []) batch.deleteChart(sheet, chart.name);
      for (const name of toDelete) batch.deleteNamedRange(name);
      if (options.mode === "create") batch.addSheet(sheet);
      else batch.clearRange(sheet, block);
      queueContents(batch, sheet, planWrites(written));
      await batch.sync();
      for (const chart of plan.charts) queueChart(batch, sheet, chart);
      if (options.activate !== false) batch.activateSheet(sheet);
      queueNames(batch, sheet, plan.namedRanges);
    });
    await workbook.setAddinData(comparisonKey(sheet, kind), JSON.stringify(recordOf(plan, kind)));
  } catch (e) {
    throw await undo(workbook, plan, options.mode, record, before, block, e);
  }
  return { sheetName: sheet, mode: options.mode, tableName: "", kept, dropped, rebuilt: options.mode === "update" };
}

/** Create: delete the new sheet and its names. Update: the new charts and names out, the old cells, charts and names back. */
async function undo(
  workbook: Workbook,
  plan: ChartedPlan,
  mode: WriteScenarioOptions["mode"],
  record: ComparisonRecord | null,
  before: Awaited<ReturnType<Workbook["readRange"]>> | null,
  block: ZeroBasedRect,
  cause: unknown,
): Promise<ScenarioWriteError> {
  const sheet = plan.sheetName;
  const takeBack = async () => {
    const exists = await workbook.hasSheet(sheet);
    await workbook.run(async (batch) => {
      if (exists) for (const chart of plan.charts) batch.deleteChart(sheet, chart.name);
      for (const name of distinctNames(plan.namedRanges.map((n) => n.name))) batch.deleteNamedRange(name);
      if (mode === "create") {
        if (exists) batch.deleteSheet(sheet);
        return;
      }
      if (!before || !record) return;
      batch.clearRange(sheet, block);
      batch.setNumberFormats(sheet, { row: 0, col: 0 }, before.numberFormats);
      batch.writeValues(sheet, { row: 0, col: 0 }, before.formulas);
      await batch.sync();
      for (const chart of record.charts) queueChart(batch, sheet, chart);
      queueNames(batch, sheet, record.namedRanges);
    });
  };
  return undoFailedWrite(cause, takeBack, {
    action: `${mode === "create" ? "Creating" : "Updating"} the sheet "${sheet}"`,
    undone:
      mode === "create"
        ? "The partly written sheet was removed; the rest of the workbook is unchanged."
        : "Its previous contents were put back.",
    notUndone: (problem) => `What was written could not all be undone (${problem}): check the sheet "${sheet}".`,
  });
}
