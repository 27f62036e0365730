/**
 * "What changed on refresh". After each recalculation the pane runs `recordRefresh`: it
 * reads every RARE formula cell's value and stores them, with the dataset in force, in
 * the very hidden sheet RARE_refresh_record (the first MAX_RECORDED_CELLS cells; see
 * README). When the dataset in force differs from the recorded one (a new add-in version,
 * overrides added, changed or cleared), it compares first and returns the cells whose
 * value changed, old and new, with the reason.
 *
 * Reasons, per cell: the entries of the data-change log (change-log.ts) for the figures the
 * cell asks for, when the versions are the two the log compares, else "dataset version
 * X → Y"; and "workbook override" (or "… cleared") when the overrides changed.
 */
import { cellAddress } from "../excel/a1";
import type { CellValue } from "../excel/values";
import type { Workbook } from "../workbook/workbook";
import { argumentOf, readReferencedCells, resolveArgument, type ArgumentOf } from "./arguments";
import { decodeValue, encodeValue, sameCellValue } from "./cell-codec";
import { figureKeys, type ChangeLog } from "./change-log";
import type { ArgValue } from "./citation-request";
import { readOwnSheet, textTable, writeOwnSheet } from "./own-sheets";
import { withUpdatesSuspended, type TravelOptions } from "./progress";
import { readFormula } from "./rare-calls";
import { scanWorkbook, type RareCell } from "./scan";
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

/** 200,000 cells, about 6 MB of record written in about two requests per 100,000 cells. */
export const MAX_RECORDED_CELLS = 200_000;

const HEADERS = ["Sheet", "Address", "Value"];
const META = "#RARE record";

export function describeDataset(d: DatasetInForce): string {
  return d.overrides ? `${d.version} + workbook overrides ${d.overrides}` : d.version;
}

const sameDataset = (a: DatasetInForce, b: DatasetInForce) => a.version === b.version && a.overrides === b.overrides;

export type { ChangeLog };

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
    const moved: Array<{ cell: RareCell; was: CellValue }> = [];
    for (const cell of cells) {
      const key = `${cell.sheet.toUpperCase()}!${cellAddress(cell)}`;
      if (!old.has(key)) continue; // not a RARE cell at the last recalculation
      const was = old.get(key)!;
      if (!sameCellValue(was, cell.value)) moved.push({ cell, was });
    }
    const logged = options.changeLog && before.dataset.version !== inForce.version;
    const keys = logged
      ? await figureKeysOf(
          workbook,
          moved.map((m) => m.cell),
          options,
        )
      : null;
    const changes: CellChange[] = moved.map(({ cell, was }, i) => ({
      sheet: cell.sheet,
      address: cellAddress(cell),
      formula: cell.formula,
      old: was,
      now: cell.value,
      reason: reasonFor(keys?.[i] ?? [], before.dataset, inForce, options.changeLog),
    }));
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

export function reasonFor(keys: readonly string[], from: DatasetInForce, to: DatasetInForce, log?: ChangeLog): string {
  const reasons: string[] = [];
  if (from.version !== to.version)
    reasons.push(log?.(keys, from.version, to.version) ?? `dataset version ${from.version} → ${to.version}`);
  if (from.overrides !== to.overrides) reasons.push(to.overrides ? "workbook override" : "workbook override cleared");
  return reasons.join("; ");
}

/** The change-log keys of the figures each cell asks for, its cell arguments read as they are now. */
async function figureKeysOf(
  workbook: Workbook,
  cells: readonly RareCell[],
  options: RecordOptions,
): Promise<string[][]> {
  const calls = cells.map((cell) => {
    const reading = readFormula(cell.formula);
    return (reading.ok ? reading.calls : []).map((call) => ({
      fn: call.fn,
      args: call.args.map((a): ArgumentOf => argumentOf(a, cell.sheet)),
    }));
  });
  const values = await readReferencedCells(
    workbook,
    calls.flatMap((c) => c.flatMap((call) => call.args)),
    options,
  );
  return calls.map((c) =>
    c.flatMap(({ fn, args }) => {
      const resolved = args.map((a) => resolveArgument(a, values));
      return resolved.some((a) => a === undefined) ? [] : figureKeys(fn, resolved as ArgValue[]);
    }),
  );
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
