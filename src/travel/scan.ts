/**
 * Finds every RARE formula cell of the chosen sheets through the Workbook port: each
 * sheet's used block is read in budget-sized bands (read-chunks.ts) and only the RARE
 * cells of a band are kept, so memory grows with the RARE cells, not with the workbook.
 *
 * A cell holds a formula when `formulas` has text starting with "=" that differs from its
 * value (a text constant reads the same in both). Formulas that mention RARE but cannot be
 * tokenized are reported by address and left alone. Cells whose result may be an array
 * (LIST, TABLE, or a range, name, array constant or other function among the arguments)
 * are asked for their spill block in one request per SPILL_BATCH cells.
 */
import { cellAddress } from "../excel/a1";
import type { CellValue } from "../excel/values";
import type { ZeroBasedRect } from "../excel/a1";
import type { SheetInfo, Workbook } from "../workbook/workbook";
import { checkCancelled, type TravelOptions } from "./progress";
import { readInBands } from "./read-chunks";
import { mentionsRare, readFormula, type RareCall } from "./rare-calls";
import { isOwnSheet } from "./sheets";

export interface RareCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  /** The value shown (the anchor's, for a spill). */
  readonly value: CellValue;
  /** Set when the result spills: the whole block, anchor included. */
  spill?: ZeroBasedRect;
}

export interface CellProblem {
  readonly sheet: string;
  readonly address: string;
  readonly message: string;
}

export interface ScanResult {
  /** By sheet in tab order, then row-major. */
  readonly cells: RareCell[];
  readonly problems: CellProblem[];
  /** The sheets scanned, with their state. */
  readonly sheets: SheetInfo[];
}

export interface ScanOptions extends TravelOptions {
  /** Sheet names to scan (default: every sheet but RARE's own). */
  readonly sheets?: readonly string[];
  readonly budgetBytes?: number;
}

const SPILL_BATCH = 500;
const ARRAY_FUNCTIONS = new Set(["LIST", "TABLE"]);

export function isFormulaCell(formula: CellValue, value: CellValue): formula is string {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value;
}

export async function scanWorkbook(workbook: Workbook, options: ScanOptions = {}): Promise<ScanResult> {
  const all = await workbook.listSheetInfo();
  const wanted = options.sheets?.map((s) => s.toUpperCase());
  const sheets = all.filter((s) => !isOwnSheet(s.name) && (!wanted || wanted.includes(s.name.toUpperCase())));
  const blocks: Array<{ sheet: string; block: ZeroBasedRect }> = [];
  for (const s of sheets) {
    const block = await workbook.usedRect(s.name);
    if (block) blocks.push({ sheet: s.name, block });
  }
  const total = blocks.reduce((n, b) => n + b.block.rows * b.block.cols, 0);
  let done = 0;
  const cells: RareCell[] = [];
  const problems: CellProblem[] = [];
  for (const { sheet, block } of blocks) {
    const mayArray: RareCell[] = [];
    await readInBands(
      workbook,
      sheet,
      block,
      (band) => {
        for (let r = 0; r < band.rect.rows; r++) {
          const formulas = band.formulas[r];
          for (let c = 0; c < band.rect.cols; c++) {
            const formula = formulas[c];
            if (!isFormulaCell(formula, band.values[r][c]) || !mentionsRare(formula)) continue;
            const at = { row: band.rect.row + r, col: band.rect.col + c };
            const reading = readFormula(formula);
            if (!reading.ok) {
              problems.push({ sheet, address: cellAddress(at), message: reading.problem });
              continue;
            }
            if (reading.calls.length === 0) continue;
            const cell: RareCell = { sheet, ...at, formula, value: band.values[r][c] };
            cells.push(cell);
            if (mayReturnArray(reading.calls, reading.tokens)) mayArray.push(cell);
          }
        }
        done += band.rect.rows * band.rect.cols;
        options.onProgress?.({ step: `Reading ${sheet}`, done, total });
      },
      options,
    );
    for (let i = 0; i < mayArray.length; i += SPILL_BATCH) {
      checkCancelled(options.signal);
      const batch = mayArray.slice(i, i + SPILL_BATCH);
      const spills = await workbook.spillRects(sheet, batch);
      spills.forEach((spill, k) => {
        if (spill && (spill.rows > 1 || spill.cols > 1)) batch[k].spill = spill;
      });
    }
  }
  return { cells, problems, sheets };
}

function mayReturnArray(calls: readonly RareCall[], tokens: readonly { kind: string; text: string }[]): boolean {
  if (calls.some((c) => ARRAY_FUNCTIONS.has(c.fn))) return true;
  return tokens.some(
    (t) =>
      t.kind === "name" ||
      t.kind === "arrayOpen" ||
      (t.kind === "ref" && /[:#]/.test(t.text)) ||
      (t.kind === "op" && t.text === "#") ||
      (t.kind === "func" && !/RARE[._]/i.test(t.text)),
  );
}
