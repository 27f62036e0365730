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
import { isEntityValue, isErrorValue } from "../../src/excel/values";
import type { CellValue, ComputedValue, EntityValue, ResultValue } from "../../src/excel/values";
import { WorkbookError } from "../../src/workbook/errors";
import type { ZeroBasedCell, ZeroBasedRect } from "../../src/excel/a1";
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
  /** Spilled results: anchor key → block; cell key → [anchor key, value]; cell key → entity. */
  spills?: Array<[number, ZeroBasedRect]>;
  ghosts?: Array<[number, number, ComputedValue]>;
  entities?: Array<[number, EntityValue]>;
}

/** Two results are the same (errors by code and message, NaN as NaN). */
export function sameValue(a: ComputedValue, b: ComputedValue): boolean {
  if (isErrorValue(a) && isErrorValue(b)) return a.error === b.error && a.message === b.message;
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

/** What a cell holds of a result: an entity shows (and is read by formulas as) its text. */
const shownValue = (v: ResultValue): ComputedValue => (isEntityValue(v) ? (v.text ?? "") : v);
const sameEntity = (a: EntityValue | undefined, b: EntityValue | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

export class PreviewSheet {
  private readonly values: (ComputedValue | undefined)[][] = [];
  private readonly formats: (string | undefined)[][] = [];
  /** key(row, col) → formula; the cell's value holds its last computed result. */
  readonly formulas = new Map<number, string>();
  /** key(row, col) → label given when marked (null: derive it from the neighbours). */
  readonly inputs = new Map<number, string | null>();
  /** key(anchor) → the block its dynamic-array result spills into, anchor included. */
  private readonly spills = new Map<number, ZeroBasedRect>();
  /** key(cell) → a value spilled there and the key of the anchor it came from. */
  private readonly ghosts = new Map<number, { anchor: number; value: ComputedValue }>();
  /** key(cell) → the entity shown there (the cell's value is its text). */
  private readonly entities = new Map<number, EntityValue>();

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
    for (const k of [...this.formulas.keys(), ...this.ghosts.keys()]) {
      const { row, col } = cellOfKey(k);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  get rowCount(): number {
    let rows = Math.max(this.values.length, this.formats.length);
    for (const r of this.spills.values()) rows = Math.max(rows, r.row + r.rows);
    return rows;
  }

  get colCount(): number {
    let cols = 0;
    for (const r of this.spills.values()) cols = Math.max(cols, r.col + r.cols);
    for (const row of this.values) if (row && row.length > cols) cols = row.length;
    for (const row of this.formats) if (row && row.length > cols) cols = row.length;
    return cols;
  }

  /** The cell's own value, else what a dynamic array spills there, else null. */
  value(row: number, col: number): ComputedValue {
    const own = this.values[row]?.[col];
    if (own !== undefined && own !== null) return own;
    return this.ghosts.get(key(row, col))?.value ?? null;
  }

  /** The cell holds something of its own (a value or a formula): a spill cannot go over it. */
  occupied(row: number, col: number): boolean {
    return (this.values[row]?.[col] ?? null) !== null || this.formulas.has(key(row, col));
  }

  /** The anchor of the spill showing in this cell (not the anchor itself), if any. */
  spillParent(row: number, col: number): ZeroBasedCell | null {
    const ghost = this.ghosts.get(key(row, col));
    return ghost ? cellOfKey(ghost.anchor) : null;
  }

  /** The block this anchor's result spills into, or null. */
  spillRect(row: number, col: number): ZeroBasedRect | null {
    const rect = this.spills.get(key(row, col));
    return rect ? { ...rect } : null;
  }

  entity(row: number, col: number): EntityValue | undefined {
    return this.entities.get(key(row, col));
  }

  /**
   * A formula's result at its cell: `value` there and, for a result that spills, `block`
   * (its top-left is the anchor's value) into the cells right and below. The block was
   * checked free by the caller. Returns whether anything shown changed.
   */
  placeResult(
    row: number,
    col: number,
    value: ResultValue,
    block: readonly (readonly ResultValue[])[] | null,
  ): boolean {
    const anchor = key(row, col);
    let changed = this.putShown(row, col, value, (v) => this.setResult(row, col, v));
    const old = this.spills.get(anchor);
    const rect = block ? { row, col, rows: block.length, cols: block[0]?.length ?? 1 } : null;
    const inside = (r: number, c: number, b: ZeroBasedRect | null) =>
      b !== null && r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols;
    if (old) {
      for (let r = old.row; r < old.row + old.rows; r++)
        for (let c = old.col; c < old.col + old.cols; c++) {
          if ((r === row && c === col) || inside(r, c, rect)) continue;
          this.ghosts.delete(key(r, c));
          this.entities.delete(key(r, c));
          changed = true;
        }
    }
    if (rect && block) {
      this.spills.set(anchor, rect);
      block.forEach((cells, dr) =>
        cells.forEach((v, dc) => {
          if (dr === 0 && dc === 0) return;
          const k = key(row + dr, col + dc);
          const before = this.ghosts.get(k);
          const set = (shown: ComputedValue) => this.ghosts.set(k, { anchor, value: shown });
          if (this.putShown(row + dr, col + dc, v, set, before?.value ?? null)) changed = true;
          else if (!before) changed = true;
        }),
      );
    } else if (old) this.spills.delete(anchor);
    return changed;
  }

  /** Drops the spill of an anchor whose formula is gone. */
  dropSpill(k: number): void {
    const rect = this.spills.get(k);
    if (!rect) return;
    this.spills.delete(k);
    for (const [cell, ghost] of [...this.ghosts]) {
      if (ghost.anchor !== k) continue;
      this.ghosts.delete(cell);
      this.entities.delete(cell);
    }
  }

  /** Spills whose anchor no longer holds a formula. */
  orphanSpills(): number[] {
    return [...this.spills.keys()].filter((k) => !this.formulas.has(k));
  }

  private putShown(
    row: number,
    col: number,
    value: ResultValue,
    set: (shown: ComputedValue) => void,
    before: ComputedValue = this.values[row]?.[col] ?? null,
  ): boolean {
    const k = key(row, col);
    const shown = shownValue(value);
    const entity = isEntityValue(value) ? value : undefined;
    const changed = !sameValue(before, shown) || !sameEntity(this.entities.get(k), entity);
    set(shown);
    if (entity) this.entities.set(k, entity);
    else this.entities.delete(k);
    return changed;
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
    this.dropSpill(key(row, col));
    this.entities.delete(key(row, col));
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
    for (const k of [...this.formulas.keys()])
      if (inside(k)) {
        this.formulas.delete(k);
        this.dropSpill(k);
      }
    for (const k of [...this.entities.keys()]) if (inside(k) && !this.ghosts.has(k)) this.entities.delete(k);
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
      spills: [...this.spills.entries()],
      ghosts: [...this.ghosts.entries()].map(([k, g]) => [k, g.anchor, g.value]),
      entities: [...this.entities.entries()],
    };
  }

  static deserialise(data: SerialisedSheet): PreviewSheet {
    const sheet = new PreviewSheet(data.name, data.id);
    data.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && sheet.setResult(r, c, v)));
    data.formats.forEach((row, r) => row?.forEach((f, c) => typeof f === "string" && sheet.setFormat(r, c, f)));
    for (const [k, f] of data.formulas) sheet.formulas.set(k, f);
    for (const [k, label] of data.inputs) sheet.inputs.set(k, label);
    for (const [k, rect] of data.spills ?? []) sheet.spills.set(k, rect);
    for (const [k, anchor, value] of data.ghosts ?? []) sheet.ghosts.set(k, { anchor, value });
    for (const [k, entity] of data.entities ?? []) sheet.entities.set(k, entity);
    sheet.visibility = data.visibility ?? "visible";
    sheet.protected = data.protected ?? false;
    return sheet;
  }
}
