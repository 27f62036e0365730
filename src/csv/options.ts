/** The import's options, shared by sniff, analyse and importCsv. Every field is optional. */
import type { DateOrder } from "./dates";
import type { Encoding } from "./decode";
import type { ColumnType } from "./types/registry";

export type { ColumnType };

/**
 * A column's type chosen by the user; dateOrder only matters for date columns. decimalSeparator
 * fixes how its numbers are read (an Analysis' columns carry the one decided from the whole column).
 */
export interface ColumnChoice {
  type: ColumnType;
  dateOrder?: DateOrder;
  decimalSeparator?: "." | ",";
}

export interface CsvOptions {
  /** One character. Default: the file's `sep=` line, else detected among , ; tab |. */
  delimiter?: string;
  /** Whether the first (non-blank, non-skipped) row holds the column names. Default "auto". */
  hasHeader?: boolean | "auto";
  /** Records to skip before the header, e.g. 1 for a title row. Default 0. */
  skipRows?: number;
  /**
   * How every number column is read. Default: decided per column from all its values ("0.125"
   * or "1,234.5" only fit a decimal point, "3,5" only a comma); a column that cannot tell
   * ("1.500") follows the file's other columns, else "," when the delimiter is ";", else ".".
   */
  decimalSeparator?: "." | ",";
  /** How to read 03/04/2024. "auto" (default): from the data, month/day when it cannot tell. */
  dateOrder?: "auto" | DateOrder;
  /** Rows whose field count does not fit the header: padded with blanks (default) or skipped. */
  ragged?: "pad" | "skip";
  /**
   * Per-column type overrides by 0-based file column index (an Analysis' `columns` can be
   * passed as is). Missing entries are detected.
   */
  columns?: ReadonlyArray<ColumnType | ColumnChoice | null | undefined>;
  /** For byte input: force the encoding instead of detecting it. */
  encoding?: Encoding;
  /** importCsv: rows used to detect types of columns not in `columns`. Default 1,000. */
  sampleRows?: number;
  /** importCsv: the file's name, for the result's `sheetName`. */
  fileName?: string;
  /** importCsv: sheet names already in the workbook, so `sheetName` is new. */
  existingSheetNames?: readonly string[];
}

/** Drives the long-running calls: progress, cancel, and how long to run before yielding. */
export interface RunControl {
  onProgress?: (progress: Progress) => void;
  /** An AbortSignal, or anything with `aborted`; checked between slices. */
  signal?: { readonly aborted: boolean };
  /** Work between yields to the event loop, in milliseconds. Default 25. */
  sliceMs?: number;
}

export interface Progress {
  /** Records read so far (all of them: header, blank, skipped). */
  rowsParsed: number;
  /** Input read so far: bytes for byte input (estimated from the share of characters read), characters for text input. */
  bytesParsed: number;
  totalBytes: number;
  /** 0..1 */
  fraction: number;
}
