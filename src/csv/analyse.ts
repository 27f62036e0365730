/**
 * Analysis: one full pass that stores nothing per row, so the pane can show the preview,
 * the detected types (from every row, not a sample), what will be dropped, ragged rows and
 * refusals before anything is written.
 */
import { CELL_ANY, CellClassifier, Evidence, isBlank, isMissing } from "./cells";
import { ValueConverter } from "./convert";
import { applyChoice, columnChoice, ResolvedType, resolveType } from "./detect";
import { runAsync, runSync } from "./drive";
import { buildLayout, columnWarnings, type ColumnNotes } from "./layout";
import type { CsvOptions, RunControl } from "./options";
import { RowSink, TablePass } from "./pass";
import { prepare, Prepared } from "./prepare";
import { CsvRefusal, isRefusal, refuse } from "./refusals";
import type { Analysis, ColumnInfo } from "./results";
import type { Dialect } from "./sniff";
import {
  CELL_CURRENCY,
  CELL_DATE_DMY,
  CELL_DATE_MDY,
  COMMA_SHIFT,
  CONVENTION_BITS,
  underConvention,
} from "./types/bits";
import type { ValueShape } from "./types/descriptor";
import { COLUMN_TYPES } from "./types/registry";

export const PREVIEW_ROWS = 20;
/** Row numbers kept per column for messages. */
const NOTED_ROWS = 5;

/** Cells of one kind in a column: how many, the first rows (1-based records), the first value. */
export interface Tally {
  count: number;
  rows: number[];
  example: string;
}

const tally = (): Tally => ({ count: 0, rows: [], example: "" });

function note(t: Tally, record: number, value: string): void {
  if (t.count++ === 0) t.example = value;
  if (t.rows.length < NOTED_ROWS) t.rows.push(record);
}

/** What one column's values showed while being classified. */
class ColumnEvidence {
  mask = CELL_ANY;
  seen = false;
  /** Shapes under the decimal point [0] and decimal comma [1] readings. */
  readonly shapes: [ValueShape, ValueShape] = [
    { decimals: 0, grouped: false, currency: "", currencyAfter: false },
    { decimals: 0, grouped: false, currency: "", currencyAfter: false },
  ];
  /** Two different currency symbols: not one currency column. */
  currencies = false;
  dot = 0;
  comma = 0;
  readonly ambiguous = tally();
  readonly percents = tally();
  readonly outOfRange = tally();
  /** Cells by their bits, for a column whose type the user chose (to count the cells that do not fit). */
  byBits: Map<number, Tally> | null = null;
}

/** Classifies every cell into its column's evidence; keeps the first rows as text. */
export class TypeSink implements RowSink {
  readonly columns: ColumnEvidence[] = [];
  preview: string[][] = [];

  constructor(
    private readonly options: CsvOptions,
    private readonly cells = new CellClassifier(),
    private readonly previewRows = PREVIEW_ROWS,
  ) {}

  widen(width: number): void {
    while (this.columns.length < width) {
      const c = new ColumnEvidence();
      if (columnChoice(this.options, this.columns.length)) c.byBits = new Map();
      this.columns.push(c);
    }
  }

  row(fields: readonly string[], dataRow: number, record: number, width: number): void {
    if (dataRow < this.previewRows) {
      const row: string[] = [];
      for (let j = 0; j < width; j++) row.push(fields[j] ?? "");
      this.preview.push(row);
    }
    const n = Math.min(width, fields.length);
    const cells = this.cells;
    for (let j = 0; j < n; j++) {
      const col = this.columns[j];
      const mask = col.mask;
      if (mask === 0 && col.byBits === null) continue; // already text: nothing below can change that
      const v = fields[j];
      const e = v.length;
      if (e === 0 || isBlank(v, 0, e)) continue;
      if (isMissing(v, 0, e)) {
        // No evidence of the column's type, but written as text in a typed column (cells.ts):
        // counted with the cells that fit no type when the user picks one.
        if (col.byBits !== null) {
          let t = col.byBits.get(0);
          if (t === undefined) col.byBits.set(0, (t = tally()));
          note(t, record, v);
        }
        continue;
      }
      col.seen = true;
      const bits = cells.classify(v, 0, e);
      col.mask = mask & bits;
      if (col.byBits !== null) {
        let t = col.byBits.get(bits);
        if (t === undefined) col.byBits.set(bits, (t = tally()));
        note(t, record, v);
      }
      if (bits === 0) {
        if (cells.outOfRange) note(col.outOfRange, record, v);
        continue;
      }
      const evidence = cells.evidence;
      if (evidence === Evidence.Dot) col.dot++;
      else if (evidence === Evidence.Comma) col.comma++;
      else if (evidence === Evidence.Ambiguous) note(col.ambiguous, record, v);
      if (bits & CONVENTION_BITS) this.shape(col, 0, v, record);
      if ((bits >> COMMA_SHIFT) & CONVENTION_BITS) this.shape(col, 1, v, record);
    }
  }

  /** Notes a number cell's decimals, grouping, currency and percent sign under one reading. */
  private shape(col: ColumnEvidence, k: 0 | 1, v: string, record: number): void {
    {
      const cells = this.cells;
      // The comma reader only ran when the two readings could differ (see CellClassifier).
      const r = k === 0 || cells.commaSame ? cells.dot : cells.comma;
      const s = col.shapes[k];
      if (r.decimals > s.decimals) s.decimals = r.decimals;
      if (r.grouped) s.grouped = true;
      if (r.currency !== "") {
        if (s.currency === "") {
          s.currency = r.currency;
          s.currencyAfter = r.currencyAfter;
        } else if (s.currency !== r.currency) col.currencies = true;
      }
      if (k === 0 && r.percent) note(col.percents, record, v);
    }
  }

  /** Detected types, then the user's choices applied, and what each column's values showed. */
  resolve(width: number): ResolvedColumns {
    this.widen(width);
    const options = this.options;
    const fileDecimal = this.fileDecimal();
    const detected: ResolvedType[] = [];
    const used: ResolvedType[] = [];
    const shapes: ValueShape[] = [];
    const notes: ColumnNotes[] = [];
    for (let j = 0; j < width; j++) {
      const col = this.columns[j];
      const choice = columnChoice(options, j);
      const own = this.ownDecimal(col);
      const decimal = choice?.decimalSeparator ?? options.decimalSeparator ?? own ?? fileDecimal.separator;
      const comma = decimal === ",";
      const mask = col.currencies ? col.mask & ~(CELL_CURRENCY | (CELL_CURRENCY << COMMA_SHIFT)) : col.mask;
      const d = resolveType(mask, col.seen, options.dateOrder, decimal);
      const u = applyChoice(d, choice, options.dateOrder);
      detected.push(d);
      used.push(u);
      shapes.push(col.shapes[comma ? 1 : 0]);
      notes.push({
        decimalSource: options.decimalSeparator ? "option" : own ? "column" : fileDecimal.source,
        mixedSeparators: col.dot > 0 && col.comma > 0 && this.commaProvable,
        ambiguous: own || options.decimalSeparator || !this.commaProvable ? null : col.ambiguous,
        percents: u.type === "number" && col.percents.count > 0 ? col.percents : null,
        outOfRange: col.outOfRange.count > 0 ? col.outOfRange : null,
        misfits: choice ? misfits(col, u, comma, options.dateOrder) : null,
      });
    }
    return { detected, used, shapes, notes, decimalSeparator: fileDecimal.separator };
  }

  /** The file's convention: what the columns that can tell agree on, else the dialect's default. */
  private fileDecimal(): { separator: "." | ","; source: ColumnNotes["decimalSource"] } {
    let dot = 0;
    let comma = 0;
    for (const c of this.columns) {
      const own = this.ownDecimal(c);
      if (own === ".") dot++;
      else if (own === ",") comma++;
    }
    if (dot > 0 && comma === 0) return { separator: ".", source: "file" };
    if (comma > 0 && dot === 0) return { separator: ",", source: "file" };
    return { separator: this.defaultDecimal, source: "default" };
  }

  /** The dialect's default ("," for ";"-delimited files). */
  private defaultDecimal: "." | "," = ".";
  /**
   * Whether a column's own values may prove a decimal comma. Not in a comma-delimited file:
   * there "1,7" is more likely a list than 1.7, so only the user's choice reads it so.
   */
  private commaProvable = true;

  /** Takes the file's defaults from its dialect. */
  forDialect(dialect: Dialect): this {
    this.defaultDecimal = dialect.decimalSeparator;
    this.commaProvable = dialect.delimiter !== ",";
    return this;
  }

  /** The convention a column's own values prove, when they prove one (the majority when they mix). */
  private ownDecimal(c: ColumnEvidence): "." | "," | null {
    const comma = this.commaProvable ? c.comma : 0;
    if (c.dot === 0 && comma === 0) return null;
    return c.dot >= comma ? "." : ",";
  }
}

export interface ResolvedColumns {
  detected: ResolvedType[];
  used: ResolvedType[];
  shapes: ValueShape[];
  notes: ColumnNotes[];
  decimalSeparator: "." | ",";
}

/** Cells of a chosen column that its type does not read. */
function misfits(c: ColumnEvidence, used: ResolvedType, comma: boolean, order: CsvOptions["dateOrder"]): Tally {
  const out = tally();
  if (used.type === "text" || !c.byBits) return out;
  const type = COLUMN_TYPES[used.type];
  for (const [bits, t] of c.byBits) {
    const fits =
      used.type === "date"
        ? (bits & (used.dateOrder === "dmy" ? CELL_DATE_DMY : CELL_DATE_MDY)) !== 0
        : type.detect(underConvention(bits, comma), order ?? "auto");
    if (fits) continue;
    if (out.count === 0) out.example = t.example;
    out.count += t.count;
    out.rows.push(...t.rows);
  }
  out.rows.sort((a, b) => a - b);
  out.rows.length = Math.min(out.rows.length, NOTED_ROWS);
  return out;
}

/** Analyses the whole input at once (small files, tests). */
export function analyse(input: string | Uint8Array, options: CsvOptions = {}): Analysis | CsvRefusal {
  const prep = prepare(input, options);
  if (isRefusal(prep)) return prep;
  const { pass, sink } = analysisPass(prep, options);
  runSync(pass);
  return finishAnalysis(prep, pass, sink, options);
}

/** Analyses in time slices with progress and cancel (large files). */
export async function analyseAsync(
  input: string | Uint8Array,
  options: CsvOptions = {},
  control: RunControl = {},
): Promise<Analysis | CsvRefusal> {
  const prep = prepare(input, options);
  if (isRefusal(prep)) return prep;
  const { pass, sink } = analysisPass(prep, options);
  if (!(await runAsync(pass, control, prep.totalBytes))) return refuse.cancelled();
  return finishAnalysis(prep, pass, sink, options);
}

function analysisPass(prep: Prepared, options: CsvOptions): { pass: TablePass; sink: TypeSink } {
  const sink = new TypeSink(options).forDialect(prep.dialect);
  return { pass: new TablePass(prep.text, prep.dialect, options, sink), sink };
}

/** ColumnInfo for each column from its resolved type and shape. */
export function columnInfos(headers: readonly string[], r: ResolvedColumns): ColumnInfo[] {
  return r.used.map((u, j) => ({
    index: j,
    name: headers[j] ?? "",
    type: u.type,
    detectedType: r.detected[j].type,
    ...(u.dateOrder && u.type === "date" ? { dateOrder: u.dateOrder } : {}),
    dateOrderAmbiguous: u.dateOrderAmbiguous,
    decimalSeparator: u.decimalSeparator,
    currency: u.type === "currency" ? r.shapes[j].currency : "",
    numberFormat: COLUMN_TYPES[u.type].numberFormat(r.shapes[j]),
  }));
}

function finishAnalysis(prep: Prepared, pass: TablePass, sink: TypeSink, options: CsvOptions): Analysis | CsvRefusal {
  if (pass.refusal) return pass.refusal;
  const layout = buildLayout(prep, pass, options);
  const resolved = sink.resolve(pass.width);
  const columns = columnInfos(layout.headers, resolved);
  const converter = new ValueConverter();
  const previewText = sink.preview.map((r) => {
    const padded = r.slice(0, pass.width);
    while (padded.length < pass.width) padded.push("");
    return padded;
  });
  const previewRows = previewText.map((r) => r.map((v, j) => converter.convert(v, resolved.used[j])));
  const warnings = [...layout.warnings, ...columnWarnings(columns, resolved.notes)];
  return { ...layout, decimalSeparator: resolved.decimalSeparator, warnings, columns, previewRows, previewText };
}
