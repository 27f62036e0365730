/**
 * One sheet of the in-memory preview workbook: values, formulas, number formats and input
 * marks, stored sparsely by row. Writes follow Excel's rules so the preview shows what
 * Excel would: `null` leaves a cell unchanged, and a string written as a value is read as
 * if typed (a formula, a number, TRUE/FALSE) unless the cell's format is "@" (text).
 * Typed dates ("2018-12-31") are not converted here; Excel would.
 */
import { typedFormula } from "../../src/excel/formula-lead";
import { EXCEL_MAX_COLUMNS } from "../../src/excel/limits";
import { NUMERIC_TEXT } from "../../src/excel/numeric-text";
import type { CellValue, ComputedValue } from "../../src/excel/values";
import { WorkbookError } from "../../src/workbook/errors";
import type { ZeroBasedRect } from "../../src/excel/a1";
import type { SheetVisibility } from "../../src/workbook/workbook";

const MAX_COLS = EXCEL_MAX_COLUMNS;
const key = (row: number, col: number): number => row * MAX_COLS + col;
export const cellOfKey = (k: number): { row: number; col: number } => ({
  row: Math.floor(k / MAX_COLS),
  col: k % MAX_COLS,
});

/** What Excel makes of a string typed into a cell that is not formatted as text. */
export function typedEntry(text: string): { value: CellValue } | { formula: string } {
  if (NUMERIC_TEXT.test(text)) return { value: Number(text) };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  const formula = typedFormula(text);
  return formula === null ? { value: text } : { formula };
}

let sheetCounter = 0;
function nextSheetId(): string {
  sheetCounter++;
  const random = Math.floor(Math.random() * 0xffffffff)
    .toString(16)
    .padStart(8, "0");
  return `{${random.toUpperCase()}-0000-4000-8000-${sheetCounter.toString(16).padStart(12, "0").toUpperCase()}}`;
}

export interface SerialisedSheet {
  name: string;
  /** Absent in workbooks saved before sheets had ids: a fresh one is given. */
  id?: string;
  values: (ComputedValue | undefined)[][];
  formats: (string | null | undefined)[][];
  formulas: Array<[number, string]>;
  inputs: Array<[number, string | null]>;
  visibility?: SheetVisibility;
  protected?: boolean;
}

export class PreviewSheet {
  private readonly values: (ComputedValue | undefined)[][] = [];
  private readonly formats: (string | undefined)[][] = [];
  /** key(row, col) → formula; the cell's value holds its last computed result. */
  readonly formulas = new Map<number, string>();
  /** key(row, col) → label given when marked (null: derive it from the neighbours). */
  readonly inputs = new Map<number, string | null>();

  visibility: SheetVisibility = "visible";
  /** As Excel's sheet protection with default options: only unlocked (input) cells take writes. */
  protected = false;

  constructor(
    public name: string,
    /** Unique in the workbook and kept on rename, as Excel's Worksheet.id; GUID-shaped like Excel's. */
    readonly id: string = nextSheetId(),
  ) {}

  /** Excel refuses a write to a locked cell of a protected sheet; input cells are unlocked. */
  checkEditable(rect: ZeroBasedRect): void {
    if (!this.protected) return;
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++)
        if (!this.isInput(r, c))
          throw new WorkbookError(
            "invalidArgument",
            `The sheet "${this.name}" is protected: the cell you are trying to change is locked.`,
          );
  }

  /** The block from the first to the last cell holding a value or formula, or null. */
  usedRect(): ZeroBasedRect | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    this.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === null || v === undefined) return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }),
    );
    for (const k of this.formulas.keys()) {
      const { row, col } = cellOfKey(k);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  get rowCount(): number {
    return Math.max(this.values.length, this.formats.length);
  }

  get colCount(): number {
    let cols = 0;
    for (const row of this.values) if (row && row.length > cols) cols = row.length;
    for (const row of this.formats) if (row && row.length > cols) cols = row.length;
    return cols;
  }

  value(row: number, col: number): ComputedValue {
    return this.values[row]?.[col] ?? null;
  }

  format(row: number, col: number): string {
    return this.formats[row]?.[col] ?? "General";
  }

  formula(row: number, col: number): string | undefined {
    return this.formulas.get(key(row, col));
  }

  inputLabel(row: number, col: number): string | null | undefined {
    return this.inputs.get(key(row, col));
  }

  isInput(row: number, col: number): boolean {
    return this.inputs.has(key(row, col));
  }

  /** A computed result; keeps the formula. */
  setResult(row: number, col: number, value: ComputedValue): void {
    (this.values[row] ??= [])[col] = value;
  }

  /** A constant: replaces any formula. */
  setConstant(row: number, col: number, value: CellValue): void {
    this.formulas.delete(key(row, col));
    (this.values[row] ??= [])[col] = value === "" ? null : value;
  }

  setFormula(row: number, col: number, formula: string): void {
    this.formulas.set(key(row, col), formula);
    (this.values[row] ??= [])[col] ??= null;
  }

  /** A value as Office.js `Range.values` writes it. */
  writeValue(row: number, col: number, value: CellValue): void {
    if (value === null) return;
    if (typeof value !== "string" || this.format(row, col) === "@") {
      this.setConstant(row, col, value);
      return;
    }
    const entry = typedEntry(value);
    if ("formula" in entry) this.setFormula(row, col, entry.formula);
    else this.setConstant(row, col, entry.value);
  }

  /** As Office.js `Range.formulas`: "=…" is a formula, anything else a typed constant. */
  writeFormula(row: number, col: number, text: string): void {
    if (text.startsWith("=") && text.length > 1) this.setFormula(row, col, text);
    else this.writeValue(row, col, text);
  }

  setFormat(row: number, col: number, format: string | null): void {
    if (format === null) return;
    (this.formats[row] ??= [])[col] = format === "" ? "General" : format;
  }

  markInput(row: number, col: number, label: string | null): void {
    this.inputs.set(key(row, col), label);
  }

  /** Empties the block (values, formulas, formats, input marks); the sheet shrinks to what is left. */
  clear(rect: { row: number; col: number; rows: number; cols: number }): void {
    const inside = (k: number) => {
      const { row, col } = cellOfKey(k);
      return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
    };
    for (const k of [...this.formulas.keys()]) if (inside(k)) this.formulas.delete(k);
    for (const k of [...this.inputs.keys()]) if (inside(k)) this.inputs.delete(k);
    for (const grid of [this.values, this.formats] as (unknown[] | undefined)[][]) {
      // Only rows that exist: a whole-column block costs what the sheet holds, not a million rows.
      for (let r = rect.row; r < Math.min(rect.row + rect.rows, grid.length); r++) {
        const row = grid[r];
        if (!row) continue;
        for (let c = rect.col; c < Math.min(rect.col + rect.cols, row.length); c++) row[c] = undefined;
        while (row.length > 0 && row[row.length - 1] === undefined) row.pop();
      }
      while (grid.length > 0 && (grid[grid.length - 1]?.length ?? 0) === 0) grid.pop();
    }
  }

  /** Formula cells in row-major order. */
  formulaCells(): Array<{ row: number; col: number; formula: string }> {
    return [...this.formulas.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, formula]) => ({ ...cellOfKey(k), formula }));
  }

  serialise(): SerialisedSheet {
    return {
      name: this.name,
      id: this.id,
      values: this.values,
      formats: this.formats,
      formulas: [...this.formulas.entries()],
      inputs: [...this.inputs.entries()],
      visibility: this.visibility,
      protected: this.protected,
    };
  }

  static deserialise(data: SerialisedSheet): PreviewSheet {
    const sheet = new PreviewSheet(data.name, data.id);
    data.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && sheet.setResult(r, c, v)));
    data.formats.forEach((row, r) => row?.forEach((f, c) => typeof f === "string" && sheet.setFormat(r, c, f)));
    for (const [k, f] of data.formulas) sheet.formulas.set(k, f);
    for (const [k, label] of data.inputs) sheet.inputs.set(k, label);
    sheet.visibility = data.visibility ?? "visible";
    sheet.protected = data.protected ?? false;
    return sheet;
  }
}
