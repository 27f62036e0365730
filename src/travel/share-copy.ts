/**
 * "Prepare a copy to share" and "Restore RARE formulas".
 *
 * Prepare replaces every RARE formula cell with the value it shows (a spilled result with
 * the whole block it shows), so the workbook reads the same where RARE is not installed.
 * Number formats stay (only values are written), except that a text result Excel would
 * retype (a printed range "5-10" would become a date) gets the text format first, its
 * old format kept in the undo data. The undo data goes into a very hidden sheet FIRST
 * (undo-data.ts), then the cells are frozen; a cancel or failure puts back what was
 * frozen and deletes the undo sheet, so the workbook is as it was.
 *
 * Restore reads the undo data and writes each formula back where the cell still shows the
 * value it was frozen with. A cell edited since (another value, a formula, cleared) is
 * skipped and listed, never overwritten; a spilled block comes back only when none of its
 * cells was edited.
 */
import { cellAddress, rectAddress } from "../excel/a1";
import { isFormulaLike } from "../excel/formula-lead";
import { WorkbookError, messageOf } from "../workbook/errors";
import type { CellValue } from "../excel/values";
import type { ZeroBasedRect } from "../excel/a1";
import type { Workbook } from "../workbook/workbook";
import { blocksOf, takeBack, writePieces, type Failure, type Piece } from "./cell-writes";
import { sameCellValue, showValue } from "./cell-codec";
import { TravelCancelled, checkCancelled, withUpdatesSuspended, type TravelOptions } from "./progress";
import { cellKey, readCells, readInBands } from "./read-chunks";
import { isFormulaCell, scanWorkbook, type RareCell } from "./scan";
import { describeSheet, UNDO_SHEET } from "./sheets";
import { readUndoData, writeUndoData, type UndoCell } from "./undo-data";
import { deleteOwnSheet } from "./own-sheets";

export interface SheetCount {
  readonly sheet: string;
  readonly cells: number;
}

export interface ShareOutcome {
  /** RARE formula cells now holding their values. */
  readonly frozen: number;
  readonly bySheet: SheetCount[];
  /** What was left as it was, each naming the sheet or cell and why. */
  readonly notChanged: string[];
}

export interface RestoreOutcome {
  readonly restored: number;
  readonly bySheet: SheetCount[];
  /** Cells edited since the copy was prepared: kept as the user left them. */
  readonly edited: string[];
  /** Cells that could not be restored for another reason (protected, deleted sheet). */
  readonly notRestored: string[];
  /** The undo data was removed (nothing left to restore). */
  readonly undoRemoved: boolean;
}

export interface ShareOptions extends TravelOptions {
  /** Dataset version in force, recorded with the undo data. */
  readonly datasetVersion: string;
  readonly now?: Date;
  /** Sheets to freeze (default all). */
  readonly sheets?: readonly string[];
  readonly budgetBytes?: number;
}

export interface RestoreOptions extends TravelOptions {
  readonly budgetBytes?: number;
}

const MAX_PIECE_ROWS = 2_000;

export function prepareShareCopy(workbook: Workbook, options: ShareOptions): Promise<ShareOutcome> {
  return withUpdatesSuspended(workbook, () => prepare(workbook, options));
}

export function restoreFormulas(workbook: Workbook, options: RestoreOptions = {}): Promise<RestoreOutcome> {
  return withUpdatesSuspended(workbook, () => restore(workbook, options));
}

async function prepare(workbook: Workbook, options: ShareOptions): Promise<ShareOutcome> {
  if (await workbook.hasSheet(UNDO_SHEET)) {
    const undo = await readUndoData(workbook);
    throw new WorkbookError(
      "invalidArgument",
      `This workbook is already a copy prepared to share (RARE formulas frozen ${undo?.date ?? "earlier"}). Choose Restore RARE formulas first.`,
    );
  }
  const scan = await scanWorkbook(workbook, options);
  const notChanged = scan.problems.map((p) => `${p.sheet}!${p.address}: ${p.message} Left as it is.`);
  const locked = new Set(scan.sheets.filter((s) => s.protected).map((s) => s.name));
  for (const info of scan.sheets.filter((s) => s.protected)) {
    const n = scan.cells.filter((c) => c.sheet === info.name).length;
    if (n > 0)
      notChanged.push(
        `${describeSheet(info)}: the sheet is protected, so its ${n} RARE formula${n === 1 ? "" : "s"} stay live. Unprotect it and prepare again to include it.`,
      );
  }
  const cells = scan.cells.filter((c) => !locked.has(c.sheet));
  const spillValues = await readSpills(workbook, cells, options);
  const retyped = await formatsOfRetyped(workbook, cells, spillValues);
  const undoCells = cells.flatMap((c) => undoCellsOf(c, spillValues.get(c), retyped));
  await writeUndoData(workbook, undoCells, {
    datasetVersion: options.datasetVersion,
    date: (options.now ?? new Date()).toISOString(),
    signal: options.signal,
    onProgress: options.onProgress,
    budgetBytes: options.budgetBytes,
  });
  let result: { failures: Failure[]; written: Piece[] };
  try {
    result = await writePieces(workbook, freezePieces(undoCells), {
      ...options,
      step: "Freezing RARE formulas",
    });
  } catch (e) {
    const problem = await removeUndoSheet(workbook);
    if (e instanceof TravelCancelled)
      throw new TravelCancelled(`Cancelled: every frozen formula was put back; the workbook is as it was.${problem}`);
    throw new Error(`Prepare a copy to share failed: ${messageOf(e)} The formulas were put back.${problem}`, {
      cause: e,
    });
  }
  notChanged.push(...result.failures.map((f) => `${f.sheet}!${f.address}: could not be changed (${f.message}).`));
  // Excel refused every write: nothing is frozen, so no undo data may mark this workbook as prepared.
  if (result.written.length === 0) {
    const problem = await removeUndoSheet(workbook);
    if (problem) notChanged.push(problem.trim());
  }
  const counts = countBySheet(result.written.filter((p) => p.cells > 0));
  return { frozen: counts.reduce((n, s) => n + s.cells, 0), bySheet: counts, notChanged };
}

async function restore(workbook: Workbook, options: RestoreOptions): Promise<RestoreOutcome> {
  const undo = await readUndoData(workbook);
  if (!undo)
    throw new WorkbookError(
      "invalidArgument",
      "There is nothing to restore: this workbook holds no RARE undo data (it was never prepared to share, or it was restored already).",
    );
  const info = new Map((await workbook.listSheetInfo()).map((s) => [s.name.toUpperCase(), s]));
  const edited: string[] = [];
  const notRestored: string[] = [];
  const restorable: UndoCell[] = [];
  const bySheet = groupBy(undo.cells, (c) => c.sheet);
  let done = 0;
  for (const [sheet, cells] of bySheet) {
    const state = info.get(sheet.toUpperCase());
    if (!state) {
      notRestored.push(`${sheet}: the sheet no longer exists, so its ${cells.length} frozen cells cannot be restored.`);
      continue;
    }
    if (state.protected) {
      notRestored.push(`${describeSheet(state)}: the sheet is protected. Unprotect it and choose Restore again.`);
      continue;
    }
    const now = await readCells(workbook, state.name, cells, options);
    const spillEdited = new Set<string>();
    for (const c of cells) {
      const current = now.get(cellKey(c))!;
      const unchanged = !isFormulaCell(current.formula, current.value) && sameCellValue(current.value, c.value);
      if (unchanged) continue;
      if (c.formula && current.formula === c.formula) continue; // never frozen, or restored already
      const anchor = c.anchor ?? cellAddress(c);
      spillEdited.add(anchor);
      const was = c.anchor ? `shown by the spill of ${c.anchor}` : `frozen from ${c.formula}`;
      edited.push(
        `${state.name}!${cellAddress(c)}: now ${showValue(current.value)}, was ${showValue(c.value)} (${was}). Kept.`,
      );
    }
    for (const c of cells) {
      const current = now.get(cellKey(c))!;
      if (c.formula && current.formula === c.formula) continue;
      if (!spillEdited.has(c.anchor ?? cellAddress(c))) restorable.push({ ...c, sheet: state.name });
    }
    done += cells.length;
    options.onProgress?.({ step: `Checking ${state.name}`, done, total: undo.cells.length });
  }
  checkCancelled(options.signal);
  const pieces = restorePieces(restorable);
  const { failures, written } = await writePieces(workbook, pieces, {
    ...options,
    step: "Restoring RARE formulas",
  });
  notRestored.push(...failures.map((f) => `${f.sheet}!${f.address}: could not be restored (${f.message}).`));
  const undoRemoved = notRestored.length === 0;
  if (undoRemoved) {
    try {
      await deleteOwnSheet(workbook, UNDO_SHEET);
    } catch (e) {
      const problem = await takeBack(workbook, written, options.budgetBytes);
      throw new Error(
        `The undo data could not be removed (${messageOf(e)}); the restored formulas were frozen again${problem ? `, except ${problem}` : ""}.`,
      );
    }
  }
  const counts = countBySheet(written.filter((p) => p.cells > 0));
  return { restored: counts.reduce((n, s) => n + s.cells, 0), bySheet: counts, edited, notRestored, undoRemoved };
}

// --- freezing ------------------------------------------------------------------------

/** The values each spilling cell shows, read one spill block per request. */
async function readSpills(
  workbook: Workbook,
  cells: readonly RareCell[],
  options: ShareOptions,
): Promise<Map<RareCell, CellValue[][]>> {
  const out = new Map<RareCell, CellValue[][]>();
  for (const cell of cells) {
    if (!cell.spill) continue;
    checkCancelled(options.signal);
    const grid: CellValue[][] = [];
    await readInBands(workbook, cell.sheet, cell.spill, (band) => void grid.push(...band.values), options);
    out.set(cell, grid);
  }
  return out;
}

/** Text Excel would read as something else when written back as a value. */
export function wouldRetype(value: CellValue): boolean {
  if (typeof value !== "string" || value === "") return false;
  const t = value.trim();
  return (
    value.startsWith("'") ||
    isFormulaLike(value) ||
    /^[+-]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t) ||
    /^\d{1,2}:\d{2}/.test(t)
  );
}

/** The number format of each cell whose frozen text needs "@", keyed "sheet!A1". */
async function formatsOfRetyped(
  workbook: Workbook,
  cells: readonly RareCell[],
  spills: Map<RareCell, CellValue[][]>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const cell of cells) {
    const grid = spills.get(cell) ?? [[cell.value]];
    for (let r = 0; r < grid.length; r++)
      for (let c = 0; c < grid[r].length; c++) {
        if (!wouldRetype(grid[r][c])) continue;
        const at = { row: cell.row + r, col: cell.col + c };
        const read = await workbook.readRange(cell.sheet, { ...at, rows: 1, cols: 1 });
        out.set(`${cell.sheet}!${cellAddress(at)}`, read.numberFormats[0][0]);
      }
  }
  return out;
}

function undoCellsOf(cell: RareCell, spill: CellValue[][] | undefined, retyped: Map<string, string>): UndoCell[] {
  const grid = spill ?? [[cell.value]];
  const anchor = cellAddress(cell);
  const out: UndoCell[] = [];
  for (let r = 0; r < grid.length; r++)
    for (let c = 0; c < grid[r].length; c++) {
      const at = { row: cell.row + r, col: cell.col + c };
      const format = retyped.get(`${cell.sheet}!${cellAddress(at)}`);
      out.push({
        sheet: cell.sheet,
        ...at,
        formula: r === 0 && c === 0 ? cell.formula : "",
        value: grid[r][c],
        anchor: r === 0 && c === 0 ? undefined : anchor,
        spill: r === 0 && c === 0 && spill ? rectAddress(cell.spill as ZeroBasedRect) : undefined,
        format,
      });
    }
  return out;
}

function freezePieces(cells: readonly UndoCell[]): Piece[] {
  return piecesOf(cells, (block) => ({
    forward: [...formatWrites(block, () => "@"), { kind: "values", grid: block.map((row) => row.map((c) => c.value)) }],
    // The old format goes back before the formula: a formula written into a "@" cell stays text.
    back: [
      ...formatWrites(block, (c) => c.format!),
      { kind: "formulas", grid: block.map((row) => row.map((c) => c.formula)) },
    ],
  }));
}

function restorePieces(cells: readonly UndoCell[]): Piece[] {
  return piecesOf(cells, (block) => ({
    forward: [
      ...formatWrites(block, (c) => c.format!),
      { kind: "formulas", grid: block.map((row) => row.map((c) => c.formula)) },
    ],
    back: [...formatWrites(block, () => "@"), { kind: "values", grid: block.map((row) => row.map((c) => c.value)) }],
  }));
}

type Block = UndoCell[][];

/** Number formats for the cells that need one (retyped text); null leaves the others. */
function formatWrites(block: Block, format: (c: UndoCell) => string): Piece["forward"] {
  if (!block.some((row) => row.some((c) => c.format !== undefined))) return [];
  return [{ kind: "formats", grid: block.map((row) => row.map((c) => (c.format !== undefined ? format(c) : null))) }];
}

function piecesOf(cells: readonly UndoCell[], writes: (block: Block) => Pick<Piece, "forward" | "back">): Piece[] {
  const pieces: Piece[] = [];
  for (const [sheet, group] of groupBy(cells, (c) => c.sheet)) {
    for (const { rect, cells: block } of blocksOf(group)) {
      for (let r = 0; r < rect.rows; r += MAX_PIECE_ROWS) {
        const part = block.slice(r, r + MAX_PIECE_ROWS);
        pieces.push({
          sheet,
          rect: { ...rect, row: rect.row + r, rows: part.length },
          ...writes(part),
          // A spill's other cells are part of its anchor's result: count formula cells only.
          cells: part.reduce((n, row) => n + row.filter((c) => c.anchor === undefined).length, 0),
        });
      }
    }
  }
  return pieces;
}

// --- restoring -------------------------------------------------------------------------

// --- helpers ---------------------------------------------------------------------------

function groupBy<T>(items: readonly T[], by: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = by(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}

function countBySheet(pieces: readonly Piece[]): SheetCount[] {
  const counts = new Map<string, number>();
  for (const p of pieces) counts.set(p.sheet, (counts.get(p.sheet) ?? 0) + p.cells);
  return [...counts].map(([sheet, cells]) => ({ sheet, cells }));
}

async function removeUndoSheet(workbook: Workbook): Promise<string> {
  try {
    if (await workbook.hasSheet(UNDO_SHEET)) await deleteOwnSheet(workbook, UNDO_SHEET);
    return "";
  } catch (e) {
    return ` The undo data (hidden sheet ${UNDO_SHEET}) could not be removed: ${messageOf(e)}.`;
  }
}
