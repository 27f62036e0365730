/**
 * The import: column types first (the user's choices; for the rest, detected on the first
 * `sampleRows` rows), then one pass converting every cell papaparse reads into column
 * stores, slice by slice, so no row outlives its slice. A later cell that does not fit its column's type is kept as text and flagged
 * (textCells, a "mixedColumn" warning), never lost. Pass an Analysis' columns as
 * options.columns to use types detected from every row.
 */
import { EXCEL_MAX_ROWS } from "../excel/limits";
import type { ResolvedType } from "./detect";
import { runAsync, runSync } from "./drive";
import {
  BooleanColumn,
  BooleanValues,
  CellLog,
  ImportColumn,
  NumberValues,
  NumericColumn,
  TextColumn,
} from "./columns";
import { buildLayout, columnWarnings } from "./layout";
import type { CsvOptions, RunControl } from "./options";
import { RowSink, TablePass } from "./pass";
import { prepare, Prepared } from "./prepare";
import { CsvRefusal, isRefusal, refuse } from "./refusals";
import type { CellValue, ImportedColumn, ImportResult, TextCell } from "./results";
import { safeSheetName } from "./sheetName";
import { columnInfos, TypeSink, type ResolvedColumns } from "./analyse";
import { COLUMN_TYPES } from "./types/registry";

const DEFAULT_SAMPLE_ROWS = 1000;
const TEXT: ResolvedType = { type: "text", dateOrderAmbiguous: false, decimalSeparator: "." };

class ImportSink implements RowSink, CellLog {
  readonly columns: ImportColumn[] = [];
  readonly textCells: TextCell[] = [];
  private rows = 0;

  constructor(
    private readonly types: ResolvedType[],
    /** Expected data rows, so typed arrays are sized once instead of grown and copied. */
    private readonly capacity: number,
  ) {}

  widen(width: number): void {
    for (let j = this.columns.length; j < width; j++) {
      const type = this.types[j] ?? TEXT;
      const d = COLUMN_TYPES[type.type];
      this.columns.push(
        d.storage === "text"
          ? new TextColumn(j, this, this.rows)
          : d.storage === "boolean"
            ? new BooleanColumn(j, this, new BooleanValues(this.rows, this.capacity), d)
            : new NumericColumn(
                j,
                this,
                new NumberValues(this.rows, this.capacity),
                d,
                type.decimalSeparator === ",",
                type.dateOrder ?? "mdy",
              ),
      );
    }
  }

  row(fields: readonly string[], dataRow: number, record: number, width: number): void {
    const n = Math.min(width, fields.length);
    const columns = this.columns;
    for (let j = 0; j < n; j++) columns[j].add(fields[j], dataRow, record);
    for (let j = n; j < width; j++) columns[j].blank();
    this.rows++;
  }
}

export interface ImportRun {
  prep: Prepared;
  options: CsvOptions;
  /** Column types and what the sampled rows showed. */
  sampled: ResolvedColumns;
  sink: ImportSink;
  pass: TablePass;
}

/** Sets up the import: dialect, column types (sampling where not chosen), the pass. */
function begin(input: string | Uint8Array, options: CsvOptions): ImportRun | CsvRefusal {
  const prep = prepare(input, options);
  if (isRefusal(prep)) return prep;
  const typeSink = new TypeSink(options, undefined, 0).forDialect(prep.dialect);
  const sampleRows = Math.max(1, options.sampleRows ?? DEFAULT_SAMPLE_ROWS);
  const sample = new TablePass(prep.text, prep.dialect, options, typeSink, sampleRows);
  runSync(sample);
  if (sample.refusal) return sample.refusal;
  const sampled = typeSink.resolve(Math.max(sample.width, options.columns?.length ?? 0));
  const sink = new ImportSink(sampled.used, expectedRows(sample, prep.text.length, prep.dialect.bodyStart));
  const pass = new TablePass(prep.text, prep.dialect, options, sink);
  return { prep, options, sampled, sink, pass };
}

/** Rows the whole text should hold, from the sample's characters per record (5% margin). */
function expectedRows(sample: TablePass, textLength: number, bodyStart: number): number {
  const read = sample.offset - bodyStart;
  if (sample.offset >= textLength || read <= 0) return sample.dataRows;
  const perRecord = read / Math.max(1, sample.records);
  return Math.min(EXCEL_MAX_ROWS, Math.ceil(((textLength - bodyStart) / perRecord) * 1.05));
}

function finish(run: ImportRun): ImportResult | CsvRefusal {
  const { prep, pass, sink, options, sampled } = run;
  if (pass.refusal) return pass.refusal;
  const layout = buildLayout(prep, pass, options);
  const width = sink.columns.length;
  // Types as sampled (or chosen); shapes and text counts from every row that was read.
  const resolved: ResolvedColumns = {
    ...sampled,
    detected: Array.from({ length: width }, (_, j) => sampled.detected[j] ?? sampled.used[j] ?? TEXT),
    used: Array.from({ length: width }, (_, j) => sampled.used[j] ?? TEXT),
    shapes: sink.columns.map((col, j) => (col instanceof NumericColumn ? col.shape : sampled.shapes[j])),
  };
  const notes = sink.columns.map((col, j) => {
    const n = sampled.notes[j];
    if (col instanceof TextColumn) return n;
    const misfits = { count: col.textCount, rows: col.textRecords, example: "" };
    const percents =
      col instanceof NumericColumn && col.percents > 0 && resolved.used[j].type === "number"
        ? { count: col.percents, rows: col.percentRecords, example: col.percentExample }
        : null;
    return { ...(n ?? NO_NOTES), misfits, percents };
  });
  const infos = columnInfos(layout.headers, resolved);
  const columns: ImportedColumn[] = sink.columns.map((col, j) => ({
    ...infos[j],
    values: col.values,
    textCount: col.textCount,
  }));
  const result: ImportResult = {
    ...layout,
    decimalSeparator: resolved.decimalSeparator,
    warnings: [...layout.warnings, ...columnWarnings(columns, notes)],
    headerNumberFormat: "@",
    columns,
    textCells: sink.textCells,
  };
  if (options.fileName !== undefined)
    result.sheetName = safeSheetName(options.fileName, options.existingSheetNames ?? []);
  return result;
}

const NO_NOTES = {
  decimalSource: "default",
  mixedSeparators: false,
  ambiguous: null,
  percents: null,
  outOfRange: null,
  misfits: null,
} as const;

/**
 * Imports bytes (decoded as decodeBytes does) or text, yielding to the event loop every
 * control.sliceMs with progress; resolves to a refusal value on bad input or cancel.
 */
export async function importCsv(
  input: string | Uint8Array,
  options: CsvOptions = {},
  control: RunControl = {},
): Promise<ImportResult | CsvRefusal> {
  if (control.signal?.aborted) return refuse.cancelled();
  const run = begin(input, options);
  if (isRefusal(run)) return run;
  if (!(await runAsync(run.pass, control, run.prep.totalBytes))) return refuse.cancelled();
  return finish(run);
}

/** The same, all at once: for small inputs and tests. */
export function importCsvSync(input: string | Uint8Array, options: CsvOptions = {}): ImportResult | CsvRefusal {
  const run = begin(input, options);
  if (isRefusal(run)) return run;
  runSync(run.pass);
  return finish(run);
}

/** Data rows [start, end) as row arrays, e.g. for writing in blocks under Excel's 5 MB request limit. */
export function sliceRows(result: ImportResult, start = 0, end = result.rowCount): CellValue[][] {
  const rows: CellValue[][] = [];
  const cols = result.columns;
  for (let r = Math.max(0, start); r < Math.min(end, result.rowCount); r++) {
    const row: CellValue[] = new Array(cols.length);
    for (let j = 0; j < cols.length; j++) row[j] = cols[j].values.get(r);
    rows.push(row);
  }
  return rows;
}
