/**
 * Writes to scattered cells of the user's sheets, planned into syncs within the request
 * budget, with the way back for each: freezing writes values and can put the formulas
 * back, restoring the other way round. Cells next to each other become one block (runs
 * in a row, then runs of the same columns on consecutive rows), so 100,000 formula cells
 * in a few columns cost a few hundred operations, not 100,000.
 *
 * Excel applies the operations of a failed sync that came before the failing one, so a
 * sync that fails is retried one block at a time: the blocks that fail alone (a locked
 * cell, part of a legacy array formula, a sheet deleted meanwhile) are reported by
 * address, the others are written. A cancel, or an error outside that, takes back every
 * block attempted so far and rethrows.
 */
import { rectAddress } from "../excel/a1";
import { messageOf } from "../workbook/errors";
import { SYNC_BUDGET_BYTES } from "../excel/limits";
import { OP_OVERHEAD_BYTES, SYNC_RESERVE_BYTES, rowBytes } from "../workbook/payload";
import type { CellValue } from "../excel/values";
import type { ZeroBasedRect } from "../excel/a1";
import type { Workbook, WorkbookBatch } from "../workbook/workbook";
import { checkCancelled, type TravelOptions } from "./progress";

export type Write =
  | { readonly kind: "values"; readonly grid: CellValue[][] }
  | { readonly kind: "formulas"; readonly grid: string[][] }
  /** Number formats (e.g. "@" before a text value Excel would otherwise retype). */
  | { readonly kind: "formats"; readonly grid: (string | null)[][] };

/** Which of a piece's writes: its own, or the ones that put it back. */
type Way = "forward" | "back";

/** One block: what to write, and what puts it back. `before` writes go first, in both directions. */
export interface Piece {
  readonly sheet: string;
  readonly rect: ZeroBasedRect;
  readonly forward: readonly Write[];
  readonly back: readonly Write[];
  /** Counted cells (for progress and reports). */
  readonly cells: number;
}

export interface Failure {
  readonly sheet: string;
  readonly address: string;
  readonly message: string;
}

export interface WritePiecesOptions extends TravelOptions {
  readonly step: string;
  readonly budgetBytes?: number;
}

export async function writePieces(
  workbook: Workbook,
  pieces: readonly Piece[],
  options: WritePiecesOptions,
): Promise<{ failures: Failure[]; written: Piece[] }> {
  const syncs = planSyncs(pieces, options.budgetBytes ?? SYNC_BUDGET_BYTES);
  const total = pieces.reduce((n, p) => n + p.cells, 0);
  const attempted: Piece[] = [];
  const failed = new Set<Piece>();
  const failures: Failure[] = [];
  let done = 0;
  await workbook.suspendUpdates();
  try {
    for (const sync of syncs) {
      checkCancelled(options.signal);
      attempted.push(...sync.pieces);
      await runSync(workbook, sync.pieces, "forward", (piece, e) => {
        failed.add(piece);
        failures.push({ sheet: piece.sheet, address: rectAddress(piece.rect), message: messageOf(e) });
      });
      done += sync.pieces.reduce((n, p) => n + p.cells, 0);
      options.onProgress?.({ step: options.step, done, total });
    }
  } catch (e) {
    const undone = attempted.filter((p) => !failed.has(p));
    const problem = await takeBack(workbook, undone, options.budgetBytes);
    await workbook.resumeUpdates();
    if (problem) throw new Error(`${messageOf(e)} Putting the cells back also failed: ${problem}`, { cause: e });
    throw e;
  }
  await workbook.resumeUpdates();
  return { failures, written: pieces.filter((p) => !failed.has(p)) };
}

/** Writes each piece's way back; returns a message naming what could not be put back, or null. */
export async function takeBack(
  workbook: Workbook,
  pieces: readonly Piece[],
  budgetBytes?: number,
): Promise<string | null> {
  const problems: string[] = [];
  const sheets = new Set((await workbook.listSheets()).map((s) => s.toUpperCase()));
  const present = pieces.filter((p) => sheets.has(p.sheet.toUpperCase()));
  for (const sync of planSyncs(present, budgetBytes ?? SYNC_BUDGET_BYTES, "back")) {
    await runSync(workbook, sync.pieces, "back", (piece, e) =>
      problems.push(`${piece.sheet}!${rectAddress(piece.rect)} (${messageOf(e)})`),
    );
  }
  return problems.length ? problems.join("; ") : null;
}

/**
 * One sync's pieces written one way. If the sync fails, each piece is tried alone (Excel may
 * have applied part of the failed sync), and those that fail alone go to onFailure.
 */
async function runSync(
  workbook: Workbook,
  pieces: readonly Piece[],
  way: Way,
  onFailure: (piece: Piece, error: unknown) => void,
): Promise<void> {
  try {
    await workbook.run(async (batch) => pieces.forEach((p) => queue(batch, p, way)));
  } catch {
    for (const piece of pieces) {
      try {
        await workbook.run(async (batch) => queue(batch, piece, way));
      } catch (e) {
        onFailure(piece, e);
      }
    }
  }
}

function queue(batch: WorkbookBatch, piece: Piece, way: Way): void {
  const at = { row: piece.rect.row, col: piece.rect.col };
  for (const w of piece[way]) {
    if (w.kind === "values") batch.writeValues(piece.sheet, at, w.grid);
    else if (w.kind === "formulas") batch.writeFormulas(piece.sheet, at, w.grid);
    else batch.setNumberFormats(piece.sheet, at, w.grid);
  }
}

function writeBytes(writes: readonly Write[]): number {
  let bytes = 0;
  for (const w of writes) {
    bytes += OP_OVERHEAD_BYTES;
    for (const row of w.grid) bytes += rowBytes(row);
  }
  return bytes;
}

/** Greedy packing in order; a piece larger than the budget goes alone (callers split big blocks). */
function planSyncs(
  pieces: readonly Piece[],
  budget: number,
  way: Way = "forward",
): Array<{ pieces: Piece[]; bytes: number }> {
  const syncs: Array<{ pieces: Piece[]; bytes: number }> = [];
  let current: { pieces: Piece[]; bytes: number } = { pieces: [], bytes: SYNC_RESERVE_BYTES };
  for (const piece of pieces) {
    const bytes = writeBytes(piece[way]);
    if (current.pieces.length && current.bytes + bytes > budget) {
      syncs.push(current);
      current = { pieces: [], bytes: SYNC_RESERVE_BYTES };
    }
    current.pieces.push(piece);
    current.bytes += bytes;
  }
  if (current.pieces.length) syncs.push(current);
  return syncs;
}

/** Cells of one sheet (row-major) as rectangular blocks: runs in a row, stacked when their columns match. */
export function blocksOf<T extends { row: number; col: number }>(
  cells: readonly T[],
): Array<{ rect: ZeroBasedRect; cells: T[][] }> {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Array<{ row: number; col: number; items: T[] }> = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === cell.row && last.col + last.items.length === cell.col) last.items.push(cell);
    else runs.push({ row: cell.row, col: cell.col, items: [cell] });
  }
  const open = new Map<string, { rect: { row: number; col: number; rows: number; cols: number }; cells: T[][] }>();
  const blocks: Array<{ rect: ZeroBasedRect; cells: T[][] }> = [];
  for (const run of runs) {
    const key = `${run.col}:${run.items.length}`;
    const block = open.get(key);
    if (block && block.rect.row + block.rect.rows === run.row && block.rect.rows < MAX_BLOCK_ROWS) {
      block.rect.rows++;
      block.cells.push(run.items);
    } else {
      const fresh = { rect: { row: run.row, col: run.col, rows: 1, cols: run.items.length }, cells: [run.items] };
      open.set(key, fresh);
      blocks.push(fresh);
    }
  }
  return blocks;
}

/** Keeps each block well inside one request even for long text values. */
const MAX_BLOCK_ROWS = 2_000;
