/**
 * Plans an import into a new sheet as a list of syncs, each within SYNC_BUDGET_BYTES by the
 * estimate in payload.ts, and as few as the row granularity allows (greedy filling of an
 * ordered sequence is optimal for a fixed order: each sync is cut only when the next row
 * would not fit).
 *
 * Order on the wire, which Excel needs:
 * 1. per chunk of rows: number format "@" on every cell that must stay text (the header
 *    row, "@" columns, flagged and formula-like cells), THEN that chunk's values (Excel
 *    reads a string as typed unless its cell is already "@");
 * 2. display formats (only columns whose format is not General), as one block per run of
 *    adjacent columns sharing a format, then "@" again on the text cells inside those
 *    columns (the block format covered them; a stored string is never re-read as a formula,
 *    the "@" only keeps later edits of the cell textual);
 * 3. the table over header + data (never `table.rows.add` for bulk rows).
 * The last value chunk, the formats and the table share syncs when they fit.
 *
 * Sheet layout: row 0 holds the headers, data row i is sheet row i + 1, column j is column j.
 */
import { isFormulaLike } from "../excel/formula-lead";
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, SYNC_BUDGET_BYTES } from "../excel/limits";
import { WorkbookError } from "./errors";
import { CELL_MARGIN_BYTES, OP_OVERHEAD_BYTES, SYNC_RESERVE_BYTES, rowBytes, stringBytes } from "./payload";
import { TEXT_FORMAT, isGeneralFormat } from "../excel/number-format";
import type { ZeroBasedCell, ZeroBasedRect } from "../excel/a1";
import type { CellValue } from "../excel/values";

/**
 * What the CSV import hands over (src/csv produces it).
 * - `headers`: the header row, stored as text exactly as given; becomes the table's header.
 * - `rows`: data rows, each `headers.length` long. `null` = blank (written as "", since in
 *   Office.js `null` means "leave unchanged"). A string is stored as text when its column is
 *   "@", when it is flagged in `textCells`, or when it looks like a formula (always forced,
 *   see src/excel/formula-lead.ts); any other string is read by Excel as if typed. Numbers must be
 *   finite (dates as Excel serial numbers with a date format); strings ≤ 32,767 characters.
 * - `columnFormats`: one Excel number format per column. "General" or "" = none. "@" = a
 *   text column, formatted before its values so every string in it stays text (leading
 *   zeros, ISO dates, "1e5" kept as written). Any other format is applied after the values.
 * - `textCells`: [dataRowIndex, columnIndex] of cells outside "@" columns that must be
 *   stored as text ("needs text format" from the CSV typing), e.g. "00123" in a General column.
 */
export interface ImportData {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly columnFormats: readonly string[];
  readonly textCells?: readonly (readonly [number, number])[];
}

export type PlanOp =
  /** Values of whole rows starting at `topLeft` (column 0). */
  | { readonly kind: "values"; readonly topLeft: ZeroBasedCell; readonly values: CellValue[][] }
  /** One format over a block. */
  | {
      readonly kind: "formatBlock";
      readonly rect: ZeroBasedRect;
      readonly format: string;
      readonly purpose: "text" | "display";
    }
  /** A column of per-cell formats ("@" or null = leave), for scattered text cells. */
  | {
      readonly kind: "formatCells";
      readonly topLeft: ZeroBasedCell;
      readonly formats: (string | null)[][];
      readonly purpose: "text";
    }
  | { readonly kind: "table"; readonly rect: ZeroBasedRect; readonly hasHeaders: true; readonly name?: string };

export type PlanPhase = "values" | "formats" | "table";

export interface PlannedSync {
  readonly ops: readonly PlanOp[];
  /** Upper-bound estimate of this sync's request (payload.ts), the writer's reserve included. */
  readonly estimatedBytes: number;
  /** Data rows (header excluded) whose values are in the sheet once this sync has run. */
  readonly rowsWritten: number;
  /** The phase of the sync's last operation, for progress messages. */
  readonly phase: PlanPhase;
}

export interface WritePlan {
  readonly kind: "writePlan";
  /** Data rows and columns. */
  readonly rows: number;
  readonly cols: number;
  /** Header row + data rows. */
  readonly tableRect: ZeroBasedRect;
  readonly syncs: readonly PlannedSync[];
  readonly estimatedBytes: number;
  readonly budgetBytes: number;
  /** ceil(estimatedBytes / budgetBytes): no plan can use fewer syncs. */
  readonly minimumSyncs: number;
  /** Cells outside "@" columns given "@" one by one (flagged or formula-like). */
  readonly textCellCount: number;
}

export interface PlanOptions {
  readonly budgetBytes?: number;
  readonly tableName?: string;
}

/** Bytes one element of a one-column format array costs: `["@"],` or `[null],`, plus margin. */
const FORMAT_ELEMENT_BYTES = 7 + CELL_MARGIN_BYTES;
/** A run of text cells in a column extends its array over a gap while that is cheaper than a new op. */
const MAX_GAP_ROWS = Math.floor(OP_OVERHEAD_BYTES / FORMAT_ELEMENT_BYTES);
/** Keeps each post-value "@" array small, so the packing wastes little at sync ends. */
const MAX_SEGMENT_ROWS = 4096;

export function isWritePlan(x: unknown): x is WritePlan {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "writePlan";
}

export function planImport(data: ImportData, options: PlanOptions = {}): WritePlan {
  const budget = options.budgetBytes ?? SYNC_BUDGET_BYTES;
  if (!(budget >= SYNC_RESERVE_BYTES + 4 * OP_OVERHEAD_BYTES)) {
    throw new WorkbookError("invalidArgument", `A sync budget of ${budget} bytes leaves no room for data.`);
  }
  const cols = data.headers.length;
  const rows = data.rows.length;
  checkShape(data, cols, rows);

  const textColumn = data.columnFormats.map((f) => f === TEXT_FORMAT);
  const flags = textFlags(data, textColumn);
  const packer = new Packer(budget);

  planTextColumns(data, rows, packer);
  planValues(data, flags, packer);
  planDisplayFormats(data, rows, flags, packer);
  const tableRect: ZeroBasedRect = { row: 0, col: 0, rows: rows + 1, cols };
  packer.add(
    { kind: "table", rect: tableRect, hasHeaders: true, ...(options.tableName ? { name: options.tableName } : {}) },
    OP_OVERHEAD_BYTES + (options.tableName ? stringBytes(options.tableName) : 0),
    rows,
    "table",
  );

  const syncs = packer.finish();
  const estimatedBytes = syncs.reduce((sum, s) => sum + s.estimatedBytes, 0);
  let textCellCount = 0;
  for (const cs of flags.values()) textCellCount += cs.length;
  return {
    kind: "writePlan",
    rows,
    cols,
    tableRect,
    syncs,
    estimatedBytes,
    budgetBytes: budget,
    minimumSyncs: Math.ceil(estimatedBytes / budget),
    textCellCount,
  };
}

function checkShape(data: ImportData, cols: number, rows: number): void {
  const fail = (message: string): never => {
    throw new WorkbookError("invalidArgument", message);
  };
  if (cols === 0) fail("The import has no columns.");
  if (cols > EXCEL_MAX_COLUMNS) fail(`The import has ${cols} columns; Excel allows ${EXCEL_MAX_COLUMNS}.`);
  if (rows + 1 > EXCEL_MAX_ROWS)
    fail(`The import has ${rows} rows; with its header Excel allows ${EXCEL_MAX_ROWS - 1}.`);
  if (data.columnFormats.length !== cols)
    fail(`There are ${data.columnFormats.length} column formats for ${cols} columns.`);
  data.headers.forEach((h, c) => {
    if (typeof h !== "string") fail(`Header ${c + 1} is not text.`);
    if (h.length > EXCEL_MAX_CELL_CHARS) fail(`Header ${c + 1} is longer than ${EXCEL_MAX_CELL_CHARS} characters.`);
  });
  for (let r = 0; r < rows; r++) {
    const row = data.rows[r];
    if (row.length !== cols) fail(`Row ${r + 1} has ${row.length} cells, the header has ${cols}.`);
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      if (typeof v === "number") {
        if (!Number.isFinite(v)) fail(`Row ${r + 1}, column ${c + 1}: ${v} is not a number Excel can store.`);
      } else if (typeof v === "string") {
        if (v.length > EXCEL_MAX_CELL_CHARS)
          fail(`Row ${r + 1}, column ${c + 1} is longer than ${EXCEL_MAX_CELL_CHARS} characters.`);
      } else if (v !== null && typeof v !== "boolean") {
        fail(`Row ${r + 1}, column ${c + 1} is neither text, a number, a boolean nor blank.`);
      }
    }
  }
  for (const [r, c] of data.textCells ?? []) {
    if (!(Number.isInteger(r) && Number.isInteger(c) && r >= 0 && r < rows && c >= 0 && c < cols)) {
      fail(`Text cell [${r}, ${c}] is outside the data.`);
    }
  }
}

/** Data sheet row → sorted columns that need "@" one by one (outside "@" columns; the header row has its own block). */
function textFlags(data: ImportData, textColumn: readonly boolean[]): Map<number, number[]> {
  const flags = new Map<number, Set<number>>();
  const flag = (sheetRow: number, c: number): void => {
    if (textColumn[c]) return; // the column block covers it
    let set = flags.get(sheetRow);
    if (!set) flags.set(sheetRow, (set = new Set()));
    set.add(c);
  };
  for (const [r, c] of data.textCells ?? []) flag(r + 1, c);
  data.rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) if (isFormulaLike(row[c])) flag(r + 1, c);
  });
  const sorted = new Map<number, number[]>();
  for (const [row, set] of flags)
    sorted.set(
      row,
      [...set].sort((a, b) => a - b),
    );
  return sorted;
}

/** Adjacent columns sharing `format` as [first, count] runs. */
function columnRuns(
  formats: readonly string[],
  want: (f: string) => boolean,
): Array<{ col: number; cols: number; format: string }> {
  const runs: Array<{ col: number; cols: number; format: string }> = [];
  formats.forEach((f, c) => {
    if (!want(f)) return;
    const last = runs[runs.length - 1];
    if (last && last.format === f && last.col + last.cols === c) runs.push({ ...runs.pop()!, cols: last.cols + 1 });
    else runs.push({ col: c, cols: 1, format: f });
  });
  return runs;
}

/** A one-column array of "@"/null covering sheet rows start..last. */
interface TextSegment {
  readonly col: number;
  readonly start: number;
  last: number;
  readonly rows: number[];
}

function segmentOp(seg: TextSegment): PlanOp {
  const formats: (string | null)[][] = [];
  for (let r = seg.start; r <= seg.last; r++) formats.push([null]);
  for (const r of seg.rows) formats[r - seg.start][0] = TEXT_FORMAT;
  return { kind: "formatCells", topLeft: { row: seg.start, col: seg.col }, formats, purpose: "text" };
}

function segmentBytes(rows: number): number {
  return OP_OVERHEAD_BYTES + 2 + rows * FORMAT_ELEMENT_BYTES;
}

/** Blank cells go out as "" (a new sheet has nothing to leave unchanged). */
function wireRow(row: readonly CellValue[]): CellValue[] {
  return row.includes(null) ? row.map((v) => (v === null ? "" : v)) : (row as CellValue[]);
}

/**
 * "@" on the header row and on every text column, each run of adjacent text columns as one
 * block over the whole height, before any value is written. A block sends one format for
 * all its cells, so its cost does not grow with the rows; doing it once up front (rather
 * than per chunk of rows) keeps a wide file of alternating text and number columns from
 * spending its whole request budget on format blocks.
 */
function planTextColumns(data: ImportData, rows: number, packer: Packer): void {
  const blockBytes = OP_OVERHEAD_BYTES + stringBytes(TEXT_FORMAT);
  // Headers are text whatever they look like ("2024", "00123", "=x").
  packer.add(
    {
      kind: "formatBlock",
      rect: { row: 0, col: 0, rows: 1, cols: data.headers.length },
      format: TEXT_FORMAT,
      purpose: "text",
    },
    blockBytes,
    0,
    "values",
  );
  if (rows === 0) return;
  for (const run of columnRuns(data.columnFormats, (f) => f === TEXT_FORMAT)) {
    packer.add(
      {
        kind: "formatBlock",
        rect: { row: 1, col: run.col, rows, cols: run.cols },
        format: TEXT_FORMAT,
        purpose: "text",
      },
      blockBytes,
      0,
      "values",
    );
  }
}

/** One chunk of rows per sync; each chunk after the first starts a fresh sync, so its room is the whole budget. */
function planValues(data: ImportData, flags: ReadonlyMap<number, number[]>, packer: Packer): void {
  const sheetRows = data.rows.length + 1;
  const fixed = OP_OVERHEAD_BYTES + 2;
  const rowAt = (g: number): CellValue[] => wireRow(g === 0 ? data.headers : data.rows[g - 1]);

  let g = 0;
  while (g < sheetRows) {
    const start = g;
    const open = new Map<number, TextSegment>();
    const segments: TextSegment[] = [];
    const values: CellValue[][] = [];
    let cost = fixed;
    while (g < sheetRows) {
      const row = rowAt(g);
      let add = rowBytes(row) + 1;
      const flagged = flags.get(g);
      if (flagged) {
        for (const c of flagged) {
          const seg = open.get(c);
          add += seg && g - seg.last <= MAX_GAP_ROWS ? (g - seg.last) * FORMAT_ELEMENT_BYTES : segmentBytes(1);
        }
      }
      if (cost + add > packer.room()) {
        if (g > start) break;
        throw new WorkbookError(
          "invalidArgument",
          `Sheet row ${g + 1} alone is larger than one request may be (${cost + add} bytes).`,
        );
      }
      cost += add;
      values.push(row);
      if (flagged) {
        for (const c of flagged) {
          const seg = open.get(c);
          if (seg && g - seg.last <= MAX_GAP_ROWS) {
            seg.last = g;
            seg.rows.push(g);
          } else {
            const fresh: TextSegment = { col: c, start: g, last: g, rows: [g] };
            open.set(c, fresh);
            segments.push(fresh);
          }
        }
      }
      g++;
    }
    const ops: PlanOp[] = [];
    for (const seg of segments) ops.push(segmentOp(seg));
    ops.push({ kind: "values", topLeft: { row: start, col: 0 }, values });
    packer.addMany(ops, cost, Math.max(0, g - 1), "values");
    if (g < sheetRows) packer.cut();
  }
}

function planDisplayFormats(
  data: ImportData,
  rows: number,
  flags: ReadonlyMap<number, number[]>,
  packer: Packer,
): void {
  if (rows === 0) return;
  const display = (f: string): boolean => !isGeneralFormat(f) && f !== TEXT_FORMAT;
  for (const run of columnRuns(data.columnFormats, display)) {
    const rect = { row: 1, col: run.col, rows, cols: run.cols };
    packer.add(
      { kind: "formatBlock", rect, format: run.format, purpose: "display" },
      OP_OVERHEAD_BYTES + stringBytes(run.format),
      rows,
      "formats",
    );
  }
  // Text cells inside display columns: put their "@" back, column by column.
  const byColumn = new Map<number, number[]>();
  for (const [g, cs] of flags) {
    if (g === 0) continue;
    for (const c of cs) if (display(data.columnFormats[c])) (byColumn.get(c) ?? byColumn.set(c, []).get(c)!).push(g);
  }
  for (const c of [...byColumn.keys()].sort((a, b) => a - b)) {
    const sheetRows = byColumn.get(c)!.sort((a, b) => a - b);
    let seg: TextSegment | null = null;
    const flush = (): void => {
      if (seg) packer.add(segmentOp(seg), segmentBytes(seg.last - seg.start + 1), rows, "formats");
      seg = null;
    };
    for (const g of sheetRows) {
      const s = seg as TextSegment | null;
      if (s && g - s.last <= MAX_GAP_ROWS && g - s.start < MAX_SEGMENT_ROWS) {
        s.last = g;
        s.rows.push(g);
      } else {
        flush();
        seg = { col: c, start: g, last: g, rows: [g] };
      }
    }
    flush();
  }
}

/** Fills syncs in order; a new sync starts when the next item does not fit. */
class Packer {
  private readonly done: PlannedSync[] = [];
  private ops: PlanOp[] = [];
  private bytes = SYNC_RESERVE_BYTES;
  private rowsWritten = 0;
  private phase: PlanPhase = "values";

  constructor(private readonly budget: number) {}

  room(): number {
    return this.budget - this.bytes;
  }

  cut(): void {
    if (this.ops.length === 0) return;
    this.done.push({ ops: this.ops, estimatedBytes: this.bytes, rowsWritten: this.rowsWritten, phase: this.phase });
    this.ops = [];
    this.bytes = SYNC_RESERVE_BYTES;
  }

  add(op: PlanOp, bytes: number, rowsWritten: number, phase: PlanPhase): void {
    if (bytes > this.room()) this.cut();
    this.addMany([op], bytes, rowsWritten, phase);
  }

  addMany(ops: PlanOp[], bytes: number, rowsWritten: number, phase: PlanPhase): void {
    this.ops.push(...ops);
    this.bytes += bytes;
    this.rowsWritten = rowsWritten;
    this.phase = phase;
  }

  finish(): PlannedSync[] {
    this.cut();
    return this.done;
  }
}
