/**
 * Analysis: one full pass that stores nothing per row, so the pane can show the preview,
 * the detected types (from every row, not a sample), what will be dropped, ragged rows and
 * refusals before anything is written.
 */
import { CELL_ANY, CELL_NUMBER, CELL_PERCENT, CellClassifier, isMissing } from "./cells";
import { ValueConverter } from "./convert";
import { applyChoice, columnChoice, numberFormat, ResolvedType, resolveType } from "./detect";
import { runAsync, runSync } from "./drive";
import { buildLayout, columnWarnings } from "./layout";
import type { CsvOptions, RunControl } from "./options";
import { RowSink, TablePass } from "./pass";
import { prepare, Prepared } from "./prepare";
import { CsvRefusal, isRefusal, refuse } from "./refusals";
import type { Analysis, ColumnInfo } from "./results";

const NUMERIC_BITS = CELL_NUMBER | CELL_PERCENT;

export const PREVIEW_ROWS = 20;

/** Classifies every cell into its column's running type mask; keeps the first rows as text. */
export class TypeSink implements RowSink {
  masks: number[] = [];
  seen: boolean[] = [];
  decimals: number[] = [];
  grouped: boolean[] = [];
  preview: string[][] = [];

  constructor(
    private readonly cells: CellClassifier,
    private readonly previewRows = PREVIEW_ROWS,
  ) {}

  widen(width: number): void {
    while (this.masks.length < width) {
      this.masks.push(CELL_ANY);
      this.seen.push(false);
      this.decimals.push(0);
      this.grouped.push(false);
    }
  }

  row(fields: readonly string[], dataRow: number, _record: number, width: number): void {
    if (dataRow < this.previewRows) {
      const row: string[] = [];
      for (let j = 0; j < width; j++) row.push(fields[j] ?? "");
      this.preview.push(row);
    }
    const n = Math.min(width, fields.length);
    const cells = this.cells;
    for (let j = 0; j < n; j++) {
      let mask = this.masks[j];
      if (mask === 0) continue; // already text: nothing below can change that
      const v = fields[j];
      const e = v.length;
      if (e === 0 || isMissing(v, 0, e)) continue;
      this.seen[j] = true;
      const bits = cells.classify(v, 0, e);
      mask &= bits;
      this.masks[j] = mask;
      if (bits & NUMERIC_BITS) {
        if (cells.numbers.decimals > this.decimals[j]) this.decimals[j] = cells.numbers.decimals;
        if (cells.numbers.grouped) this.grouped[j] = true;
      }
    }
  }

  /** Detected types, then the user's choices applied. */
  resolve(options: CsvOptions, width: number): { detected: ResolvedType[]; used: ResolvedType[] } {
    this.widen(width);
    const detected: ResolvedType[] = [];
    const used: ResolvedType[] = [];
    for (let j = 0; j < width; j++) {
      const d = resolveType(this.masks[j], this.seen[j], options.dateOrder);
      detected.push(d);
      used.push(applyChoice(d, columnChoice(options, j), options.dateOrder));
    }
    return { detected, used };
  }
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
  const sink = new TypeSink(new CellClassifier(prep.dialect.decimalSeparator === ","));
  return { pass: new TablePass(prep.text, prep.dialect, options, sink), sink };
}

function finishAnalysis(prep: Prepared, pass: TablePass, sink: TypeSink, options: CsvOptions): Analysis | CsvRefusal {
  if (pass.refusal) return pass.refusal;
  const layout = buildLayout(prep, pass, options);
  const { detected, used } = sink.resolve(options, pass.width);
  const columns: ColumnInfo[] = used.map((u, j) => ({
    index: j,
    name: layout.headers[j] ?? "",
    type: u.type,
    detectedType: detected[j].type,
    ...(u.dateOrder ? { dateOrder: u.dateOrder } : {}),
    dateOrderAmbiguous: u.dateOrderAmbiguous,
    numberFormat: numberFormat(u.type, sink.decimals[j], sink.grouped[j]),
  }));
  const converter = new ValueConverter(prep.dialect.decimalSeparator === ",");
  const previewText = sink.preview.map((r) => {
    const padded = r.slice(0, pass.width);
    while (padded.length < pass.width) padded.push("");
    return padded;
  });
  const previewRows = previewText.map((r) => r.map((v, j) => converter.convert(v, used[j])));
  const warnings = [...layout.warnings, ...columnWarnings(columns, new Map())];
  return { ...layout, warnings, columns, previewRows, previewText };
}
