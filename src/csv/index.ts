/**
 * src/csv: the task pane's CSV import, host-free (no DOM, no Office; runs in Node and browsers).
 *
 *   bytes ─decodeBytes→ text ─sniff→ dialect ─analyse→ Analysis (preview, types, problems)
 *                                              └─importCsv→ ImportResult (typed columns)
 *
 * The pane's flow:
 *   const a = await analyseAsync(bytes, options, { onProgress, signal });
 *   if (!a.ok) show(a.message);                // a refusal: nothing is written
 *   else show a.previewRows / a.columns / a.warnings, let the user change options and types;
 *   const r = await importCsv(bytes, { ...options, columns: a.columns }, { onProgress, signal });
 *   if (!r.ok) show(r.message);
 *   else write r.headers (format r.headerNumberFormat), then sliceRows(r, i, j) in blocks
 *     under Excel's 5 MB request limit, column formats r.columns[k].numberFormat, and "@" on
 *     every r.textCells cell: formats before values, so "=x" and "08123" stay text.
 *
 * Functions
 *   decodeBytes(bytes: Uint8Array, encoding?: Encoding): Decoded {text, encoding, bom, note}
 *   sniff(text: string, options?: CsvOptions): Dialect
 *     {delimiter, delimiterSource, sepLine, bodyStart, bodyLine, hasHeader, headerSource, decimalSeparator}
 *   analyse(input: string | Uint8Array, options?): Analysis | CsvRefusal              (sync)
 *   analyseAsync(input, options?, control?: RunControl): Promise<Analysis | CsvRefusal>
 *   importCsv(input, options?, control?): Promise<ImportResult | CsvRefusal>
 *   importCsvSync(input, options?): ImportResult | CsvRefusal                          (sync)
 *   sliceRows(result: ImportResult, start?, end?): CellValue[][]
 *   toImportData(result): {headers, rows, columnFormats, textCells: [row, column][]}
 *     (src/workbook's ImportData shape, for planImport)
 *   isFormulaLike(text: string): boolean
 *   isRefusal(value): value is CsvRefusal
 *   safeSheetName(fileName: string, existingNames?: readonly string[]): string
 *
 * Records are read by papaparse (records.ts), in slices of the decoded text, with Excel's line
 * ends (CRLF, LF and lone CR in any mix); a quote papaparse finds stray in a quoted value is a
 * "strayQuotes" warning, an unclosed one a refusal.
 *
 * Results are values: `ok: true` for Analysis/ImportResult, `ok: false` for a CsvRefusal
 * {code, message, row?, column?, line?} (codes: empty, binary, unclosedQuote, tooManyRows,
 * tooManyColumns, cellTooLong, cancelled). Rows are 1-based record numbers in the file (the
 * header is row 1), lines are physical lines, columns 1-based. Nothing throws on bad files;
 * a `delimiter` option that is not one character, or is one papaparse cannot use (a quote,
 * a line break, a byte order mark), throws (a caller's bug, not a file's problem).
 *
 * Shapes (results.ts)
 *   CsvLayout   {ok: true, encoding?, encodingNote?, delimiter, delimiterSource, sepLine, hasHeader,
 *                headerSource, decimalSeparator, headers: string[], rowCount, dropped, ragged,
 *                warnings: CsvWarning[]}
 *   Analysis    = CsvLayout + {columns: ColumnInfo[], previewRows: CellValue[][] (first 20, typed),
 *                previewText: string[][] (as written)}
 *   ImportResult = CsvLayout + {sheetName?, headerNumberFormat: "@", columns: ImportedColumn[],
 *                textCells: TextCell[]}
 *   ColumnInfo  {index, name, type, detectedType, dateOrder?, dateOrderAmbiguous, numberFormat}
 *   ImportedColumn = ColumnInfo + {values: ColumnValues {length, get(row)}, textCount}
 *   TextCell    {row (0-based data row), column (0-based), reason: "formula" | "mixed"}
 *   Dropped     {skippedRows, blankRows: {count, rows}, columns: {count, from, to},
 *                raggedRows: {count, rows}}
 *   Ragged      {count, rows: {row, line, fields}[], minFields, expectedFields, action: "pad" | "skip"}
 *   CsvWarning  {code, message, column?, rows?}  codes: encoding, skippedRows, blankRows,
 *                blankColumns, raggedRows, strayQuotes, titleRow, ambiguousDates, mixedColumn
 *   Progress    {rowsParsed, bytesParsed, totalBytes, fraction}; RunControl {onProgress?, signal?, sliceMs?}
 *
 * Values: text (string), number, percent (number: "80%" → 0.8), date (Excel 1900-system
 * serial number), boolean; blank cells are null. Number formats (en-US codes): text "@";
 * number "General", or "#,##0[.00…]" when the file wrote thousand separators; percent
 * "0[.0…]%"; date "yyyy-mm-dd"; boolean "General". Numbers with more than 15 significant
 * digits (so every integer from 2^53 up) and codes with leading zeros stay text.
 */
export { decodeBytes, encodingName } from "./decode";
export type { Decoded, Encoding } from "./decode";
export { sniff, guessDelimiter, CANDIDATE_DELIMITERS } from "./sniff";
export type { Dialect } from "./sniff";
export { analyse, analyseAsync, PREVIEW_ROWS } from "./analyse";
export { importCsv, importCsvSync, sliceRows } from "./import";
export { toImportData } from "./handover";
export { skipTitleLabel } from "./layout";
export type { ImportHandover } from "./handover";
export { isFormulaLike } from "../excel/formula-lead";
export { isRefusal } from "./refusals";
export type { CsvRefusal, RefusalCode } from "./refusals";
export { safeSheetName } from "./sheetName";
export { excelSerial } from "./dates";
export type { DateOrder } from "./dates";
export type { ColumnChoice, ColumnType, CsvOptions, Progress, RunControl } from "./options";
export type {
  Analysis,
  CellValue,
  ColumnInfo,
  ColumnValues,
  CsvLayout,
  CsvWarning,
  Dropped,
  ImportedColumn,
  ImportResult,
  Ragged,
  TextCell,
  WarningCode,
} from "./results";
export type { RaggedRow } from "./pass";
export { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../excel/limits";
