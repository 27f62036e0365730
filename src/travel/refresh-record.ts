/**
 * "What changed on refresh". After each recalculation the pane runs `recordRefresh`: it
 * reads every RARE formula cell's value and stores them, with the dataset in force, in
 * the very hidden sheet RARE_refresh_record (the first MAX_RECORDED_CELLS cells; see
 * README). When the dataset in force differs from the recorded one (a new add-in version,
 * overrides added, changed or cleared), it compares first and returns the cells whose
 * value changed, old and new, with the reason.
 *
 * Reasons, per cell: the entries of the data-change log that match what the cell asks
 * (when the add-in ships one), else "workbook override" when the overrides changed, else
 * "dataset version X → Y".
 */
import { cellAddress } from "../excel/a1";
import type { CellValue } from "../excel/values";
import type { Workbook } from "../workbook/workbook";
import { decodeValue, encodeValue, sameCellValue } from "./cell-codec";
import { readOwnSheet, textTable, writeOwnSheet } from "./own-sheets";
import { withUpdatesSuspended, type TravelOptions } from "./progress";
import { scanWorkbook } from "./scan";
import { RECORD_SHEET } from "./sheets";

/** The data the functions answer from: the bundled version and the overrides stored in the workbook. */
export interface DatasetInForce {
  readonly version: string;
  /** A fingerprint of the workbook's overrides, "" for none. */
  readonly overrides: string;
}

export interface CellChange {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly old: CellValue;
  readonly now: CellValue;
  readonly reason: string;
}

export interface ChangeReport {
  readonly from: DatasetInForce;
  readonly to: DatasetInForce;
  readonly recordedAt: string;
  readonly changes: CellChange[];
}

export interface RecordOutcome {
  readonly recorded: number;
  /** More RARE cells than the cap: the rest were not recorded. */
  readonly capped: boolean;
  /** Set when the dataset in force differs from the one recorded before. */
  readonly report: ChangeReport | null;
}

/** Looks up data-change log entries for a formula between two versions; null if none apply. */
export type ChangeLog = (formula: string, from: string, to: string) => string | null;

/** 200,000 cells, about 6 MB of record written in about two requests per 100,000 cells. */
export const MAX_RECORDED_CELLS = 200_000;

const HEADERS = ["Sheet", "Address", "Value"];
const META = "#RARE record";

export function describeDataset(d: DatasetInForce): string {
  return d.overrides ? `${d.version} + workbook overrides ${d.overrides}` : d.version;
}

const sameDataset = (a: DatasetInForce, b: DatasetInForce) => a.version === b.version && a.overrides === b.overrides;

export interface RecordOptions extends TravelOptions {
  readonly now?: Date;
  readonly changeLog?: ChangeLog;
  readonly budgetBytes?: number;
}

export function recordRefresh(
  workbook: Workbook,
  inForce: DatasetInForce,
  options: RecordOptions = {},
): Promise<RecordOutcome> {
  return withUpdatesSuspended(workbook, () => record(workbook, inForce, options));
}

async function record(workbook: Workbook, inForce: DatasetInForce, options: RecordOptions): Promise<RecordOutcome> {
  const scan = await scanWorkbook(workbook, options);
  const cells = scan.cells.slice(0, MAX_RECORDED_CELLS);
  const before = await readRecordMeta(workbook);
  let report: ChangeReport | null = null;
  if (before && !sameDataset(before.dataset, inForce)) {
    const old = await readRecordedValues(workbook);
    const changes: CellChange[] = [];
    for (const cell of cells) {
      const address = cellAddress(cell);
      const key = `${cell.sheet.toUpperCase()}!${address}`;
      if (!old.has(key)) continue; // not a RARE cell at the last recalculation
      const was = old.get(key)!;
      if (sameCellValue(was, cell.value)) continue;
      changes.push({
        sheet: cell.sheet,
        address,
        formula: cell.formula,
        old: was,
        now: cell.value,
        reason: reasonFor(cell.formula, before.dataset, inForce, options.changeLog),
      });
    }
    report = { from: before.dataset, to: inForce, recordedAt: before.date, changes };
  }
  const rows: CellValue[][] = [[META, inForce.version, inForce.overrides, (options.now ?? new Date()).toISOString()]];
  for (const c of cells) rows.push([c.sheet, cellAddress(c), encodeValue(c.value)]);
  await writeOwnSheet(workbook, RECORD_SHEET, textTable([...HEADERS, "Recorded"], rows.map(pad4)), {
    signal: options.signal,
    budgetBytes: options.budgetBytes,
    hidden: true,
    step: "Recording RARE values",
  });
  return { recorded: cells.length, capped: scan.cells.length > cells.length, report };
}

const pad4 = (row: CellValue[]): CellValue[] => [...row, "", "", "", ""].slice(0, 4);

export function reasonFor(formula: string, from: DatasetInForce, to: DatasetInForce, log?: ChangeLog): string {
  const reasons: string[] = [];
  if (from.version !== to.version)
    reasons.push(log?.(formula, from.version, to.version) ?? `dataset version ${from.version} → ${to.version}`);
  if (from.overrides !== to.overrides) reasons.push(to.overrides ? "workbook override" : "workbook override cleared");
  return reasons.join("; ");
}

/** The recorded dataset and date, from the first row under the header only; null if none. */
export async function readRecordMeta(workbook: Workbook): Promise<{ dataset: DatasetInForce; date: string } | null> {
  if (!(await workbook.hasSheet(RECORD_SHEET))) return null;
  const meta = (await workbook.readFormulas(RECORD_SHEET, { row: 1, col: 0, rows: 1, cols: 4 })).values[0];
  if (meta[0] !== META) return null;
  return { dataset: { version: String(meta[1]), overrides: String(meta[2] ?? "") }, date: String(meta[3]) };
}

async function readRecordedValues(workbook: Workbook): Promise<Map<string, CellValue>> {
  const out = new Map<string, CellValue>();
  await readOwnSheet(workbook, RECORD_SHEET, (row) => {
    if (row[0] === META || !row[0]) return;
    out.set(`${String(row[0]).toUpperCase()}!${String(row[1])}`, decodeValue(row[2]));
  });
  return out;
}

export const CHANGE_HEADERS = ["Sheet", "Address", "Formula", "Old value", "New value", "Reason"];

export function changeRows(report: ChangeReport): CellValue[][] {
  return report.changes.map((c) => [c.sheet, c.address, c.formula, c.old, c.now, c.reason]);
}
