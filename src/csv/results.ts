/** Shapes the pane receives from analyse() and importCsv(). */
import type { DateOrder } from "./dates";
import type { Decoded } from "./decode";
import type { ColumnType } from "./options";
import type { RaggedRow } from "./pass";

import type { CellValue } from "../excel/values";

export type { CellValue };

export type WarningCode =
  | "encoding"
  | "skippedRows"
  | "blankRows"
  | "blankColumns"
  | "raggedRows"
  | "titleRow"
  | "strayQuotes"
  | "ambiguousDates"
  | "ambiguousDecimal"
  | "mixedSeparators"
  | "percentsAsFractions"
  | "currency"
  | "outOfRange"
  | "mixedColumn";

export interface CsvWarning {
  code: WarningCode;
  /** End-user sentence. */
  message: string;
  /** 1-based file column, when the warning is about one. */
  column?: number;
  /** 1-based record numbers concerned (first ones). */
  rows?: number[];
}

export interface Dropped {
  /** Records skipped by the skipRows option. */
  skippedRows: number;
  /** Blank records (every field empty): count, and their 1-based row numbers (first 1,000). */
  blankRows: { count: number; rows: number[] };
  /** Trailing columns with no name and no data, as a 1-based range; count 0 when none. */
  columns: { count: number; from: number; to: number };
  /** Ragged rows left out because options.ragged was "skip". */
  raggedRows: { count: number; rows: number[] };
}

export interface Ragged {
  /** Rows whose fields do not fit the header: fewer than its named columns, or data past its last field. */
  count: number;
  /** First 1,000 of them. */
  rows: RaggedRow[];
  /** What fitted: at least `minFields` fields, no data past `expectedFields`. */
  minFields: number;
  expectedFields: number;
  /** What was done with them. */
  action: "pad" | "skip";
}

export interface ColumnInfo {
  /** 0-based column in the file (and in the written block). */
  index: number;
  /** Header text ("" when blank or when there is no header row). */
  name: string;
  /** The type used: the user's choice, else the detected one. */
  type: ColumnType;
  detectedType: ColumnType;
  /** Date columns: how d/m/y-looking values are read. */
  dateOrder?: DateOrder;
  /** Date columns: every value fitted both orders, so dateOrder is a guess the user should confirm. */
  dateOrderAmbiguous: boolean;
  /** How the column's numbers were read: decided from its own values where they tell, else the file's. */
  decimalSeparator: "." | ",";
  /** Currency columns: the symbol the values carry ("" otherwise). */
  currency: string;
  /** Excel number format code (en-US) for the column: "@", "General", "#,##0", "0.0%", "yyyy-mm-dd", '"$"#,##0.00'. */
  numberFormat: string;
}

/** What both analyse() and importCsv() find out about the file. */
export interface CsvLayout {
  ok: true;
  /** Present when the input was bytes. */
  encoding?: Decoded["encoding"];
  encodingNote?: string;
  delimiter: string;
  delimiterSource: "option" | "sepLine" | "detected" | "default";
  sepLine: boolean;
  hasHeader: boolean;
  headerSource: "option" | "detected";
  /** The file's decimal separator: what its number columns show, else the delimiter's usual one. Columns may differ (ColumnInfo). */
  decimalSeparator: "." | ",";
  headers: string[];
  /** Data rows kept (header, blank, skipped and skipped-ragged rows excluded). */
  rowCount: number;
  dropped: Dropped;
  ragged: Ragged;
  warnings: CsvWarning[];
}

export interface Analysis extends CsvLayout {
  columns: ColumnInfo[];
  /** First 20 data rows, converted with each column's type (cells that do not fit stay text). */
  previewRows: CellValue[][];
  /** The same rows as written in the file. */
  previewText: string[][];
}

/** Read access to one imported column; stored column-wise to keep memory bounded. */
export interface ColumnValues {
  readonly length: number;
  get(row: number): CellValue;
}

export interface ImportedColumn extends ColumnInfo {
  values: ColumnValues;
  /** Cells kept as text in a number, percent, date or boolean column (they did not fit). */
  textCount: number;
}

/** A cell that must get the text format "@" before its value is written. */
export interface TextCell {
  /** 0-based data row (as in sliceRows). */
  row: number;
  /** 0-based column. */
  column: number;
  /** formula: text Excel would read as a formula; mixed: text in a non-text column. */
  reason: "formula" | "mixed";
}

export interface ImportResult extends CsvLayout {
  /** A new, valid sheet name from options.fileName, when it was given. */
  sheetName?: string;
  /** The header row is text: write it with this format so "=x" or "2024" names stay as written. */
  headerNumberFormat: "@";
  columns: ImportedColumn[];
  /**
   * Text cells needing "@" that their column's format does not give: every formula-like text
   * (also in text columns, which are "@" already) and every text cell in a non-text column.
   */
  textCells: TextCell[];
}
