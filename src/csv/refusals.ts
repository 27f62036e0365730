/**
 * Refusals: the file cannot become a sheet, and nothing is written. They are values, not
 * exceptions, so the pane shows `message` as is; row, column and line say where.
 */
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../excel/limits";
import { columnLabel, count } from "./message-format";

export type RefusalCode =
  "empty" | "binary" | "unclosedQuote" | "tooManyRows" | "tooManyColumns" | "cellTooLong" | "cancelled";

export interface CsvRefusal {
  ok: false;
  code: RefusalCode;
  /** End-user sentence naming the problem and where it is. */
  message: string;
  /** 1-based record number in the file (the header is row 1). */
  row?: number;
  /** 1-based column number. */
  column?: number;
  /** 1-based physical line in the text (differs from row when quoted fields hold line breaks). */
  line?: number;
}

export function isRefusal(value: unknown): value is CsvRefusal {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

export const refuse = {
  emptyFile: (): CsvRefusal => ({ ok: false, code: "empty", message: "The file is empty." }),

  allBlank: (rows: number): CsvRefusal => ({
    ok: false,
    code: "empty",
    message: `The file has no data: ${rows === 1 ? "its only row is" : `all ${count(rows)} rows are`} blank.`,
  }),

  nothingAfterSkipped: (skipped: number): CsvRefusal => ({
    ok: false,
    code: "empty",
    message: `The file has no data after the ${skipped === 1 ? "row" : `${count(skipped)} rows`} you chose to skip.`,
  }),

  binary: (line: number, column: number, kind: string | null): CsvRefusal => ({
    ok: false,
    code: "binary",
    message:
      `This is not a text file${kind ? ` (it looks like ${kind})` : ""}: ` +
      `it contains a NUL byte on line ${count(line)}, character ${count(column)}. Save it as CSV and import that.`,
    line,
    column,
  }),

  unclosedQuote: (row: number, column: number, line: number): CsvRefusal => ({
    ok: false,
    code: "unclosedQuote",
    message: `Row ${count(row)} has an unclosed quote (line ${count(line)}, ${columnLabel(column)}): the quoted text runs to the end of the file.`,
    row,
    column,
    line,
  }),

  tooManyRows: (row: number, line: number, hasHeader: boolean): CsvRefusal => ({
    ok: false,
    code: "tooManyRows",
    message:
      `The file has more rows than an Excel sheet holds (${count(EXCEL_MAX_ROWS)}` +
      `${hasHeader ? ", counting the header row" : ""}): row ${count(row)} (line ${count(line)}) would not fit.`,
    row,
    line,
  }),

  tooManyColumns: (row: number, column: number, line: number): CsvRefusal => ({
    ok: false,
    code: "tooManyColumns",
    message:
      `Row ${count(row)} has data in column ${count(column)} (line ${count(line)}); ` +
      `an Excel sheet has at most ${count(EXCEL_MAX_COLUMNS)} columns.`,
    row,
    column,
    line,
  }),

  cellTooLong: (row: number, column: number, line: number, length: number): CsvRefusal => ({
    ok: false,
    code: "cellTooLong",
    message:
      `Row ${count(row)}, ${columnLabel(column)} has ${count(length)} characters (line ${count(line)}); ` +
      `an Excel cell holds at most ${count(EXCEL_MAX_CELL_CHARS)}.`,
    row,
    column,
    line,
  }),

  cancelled: (): CsvRefusal => ({ ok: false, code: "cancelled", message: "The import was cancelled." }),
};
