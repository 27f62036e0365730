/**
 * The undo data of "Prepare a copy to share", kept in the workbook in the very hidden
 * sheet RARE_share_undo, one row per frozen cell: sheet, address, original formula (empty
 * for the other cells of a spill), frozen value (cell-codec.ts), the anchor a spilled cell
 * belongs to, the anchor's spill block, and the number format a retyped text cell had.
 * The first row under the header holds the dataset version and the date.
 *
 * Why a hidden sheet rather than a custom XML part or add-in settings: 100,000 formulas
 * are several megabytes, and a custom XML part or a setting is written and read as one
 * string in one request, over Excel on the web's 5 MB request limit; a sheet is written
 * and read in budget-sized chunks like any other. It is saved in the file, survives
 * opening without the add-in, and "very hidden" keeps it out of the Unhide dialog.
 */
import { cellAddress } from "../excel/a1";
import { parseAddress } from "../workbook/address";
import type { CellValue } from "../excel/values";
import type { Workbook } from "../workbook/workbook";
import { decodeValue, encodeValue } from "./cell-codec";
import { readOwnSheet, textTable, writeOwnSheet } from "./own-sheets";
import type { TravelOptions } from "./progress";
import { UNDO_SHEET } from "./sheets";

export interface UndoCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** "" for a cell that only showed part of a spill. */
  readonly formula: string;
  readonly value: CellValue;
  /** For a spilled cell: its anchor's address. */
  readonly anchor?: string;
  /** For a spill's anchor: the block it filled, "B2:D9". */
  readonly spill?: string;
  /** The number format before freezing, where the freeze had to set "@". */
  readonly format?: string;
}

export interface UndoData {
  readonly datasetVersion: string;
  readonly date: string;
  readonly cells: UndoCell[];
}

const HEADERS = ["Sheet", "Address", "Formula", "Frozen value", "Spill of", "Spill", "Format before"];
const META = "#RARE undo";

export async function writeUndoData(
  workbook: Workbook,
  cells: readonly UndoCell[],
  options: TravelOptions & { datasetVersion: string; date: string; budgetBytes?: number },
): Promise<void> {
  const rows: CellValue[][] = [[META, options.datasetVersion, options.date, String(cells.length), "", "", ""]];
  for (const c of cells)
    rows.push([
      c.sheet,
      cellAddress(c),
      c.formula,
      encodeValue(c.value),
      c.anchor ?? "",
      c.spill ?? "",
      c.format ?? "",
    ]);
  await writeOwnSheet(workbook, UNDO_SHEET, textTable(HEADERS, rows), {
    ...options,
    hidden: true,
    step: "Saving the undo data",
  });
}

/** Null when there is no undo sheet. */
export async function readUndoData(workbook: Workbook): Promise<UndoData | null> {
  let datasetVersion = "";
  let date = "";
  const cells: UndoCell[] = [];
  const found = await readOwnSheet(workbook, UNDO_SHEET, (row) => {
    const [sheet, address, formula, value, anchor, spill, format] = row.map((v) => String(v ?? ""));
    if (sheet === META) {
      datasetVersion = address;
      date = formula;
      return;
    }
    if (!sheet || !address) return;
    const { row: r, col } = parseAddress(address);
    cells.push({
      sheet,
      row: r,
      col,
      formula,
      value: decodeValue(value),
      ...(anchor ? { anchor } : {}),
      ...(spill ? { spill } : {}),
      ...(format ? { format } : {}),
    });
  });
  return found ? { datasetVersion, date, cells } : null;
}
