/**
 * One walk over the records, shared by analysis and import: skips the title rows asked
 * for, drops blank rows, takes the header, finds ragged rows, enforces Excel's limits and
 * hands every kept data row to a sink. It runs one slice of the text per step, so a driver
 * can yield between steps.
 *
 * Table width: the header's (or, without one, the first row's) last non-empty field. A later
 * row with data past it widens the table (pad mode) so nothing is lost; trailing fields that
 * are empty in every kept row never become columns, and are reported as dropped.
 */
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../excel/limits";
import { LineCounter, lineBreaks } from "./lines";
import type { CsvOptions } from "./options";
import { CsvRecord, fieldNumberAt, RecordReader } from "./records";
import { CsvRefusal, refuse } from "./refusals";
import type { Dialect } from "./sniff";

// Hot loops read local copies: imported bindings can compile to getter calls (CommonJS interop).
const MAX_CELL_CHARS = EXCEL_MAX_CELL_CHARS;
const MAX_COLUMNS = EXCEL_MAX_COLUMNS;
const MAX_ROWS = EXCEL_MAX_ROWS;

export interface RowSink {
  /** A kept data row: fields 0..width-1 of the record (past its end: blank). */
  row(fields: readonly string[], dataRow: number, record: number, width: number): void;
  /** The table has widened (a row had data past the current width). */
  widen(width: number): void;
}

export interface RaggedRow {
  /** 1-based record number (the header is row 1). */
  row: number;
  line: number;
  /** Fields the row has. */
  fields: number;
}

/** Where a stray quote (see records.ts) was first seen. */
export interface StrayQuote {
  row: number;
  line: number;
  column: number;
}

/** Lists keep the first LIST_LIMIT entries; counts are always complete. */
export const LIST_LIMIT = 1000;

export class TablePass {
  readonly reader: RecordReader;
  readonly lines: LineCounter;
  /** Header names (empty when there is no header row), widened with "" as the table widens. */
  headers: string[] = [];
  width = 0;
  /** Records read, blank and skipped ones included. */
  records = 0;
  dataRows = 0;
  skippedRows = 0;
  blankRows: number[] = [];
  blankCount = 0;
  ragged: RaggedRow[] = [];
  raggedCount = 0;
  raggedSkipped = 0;
  /** Rows with a stray quote: the first ones (row numbers), how many, and where the first was. */
  strayQuoteRows: number[] = [];
  strayQuoteCount = 0;
  firstStrayQuote: StrayQuote | null = null;
  /** Fields of the header (or first row); rows with data past it are ragged. */
  expectedFields = 0;
  /** The header's last non-empty field + 1; rows with fewer fields are ragged. */
  minFields = 0;
  /** Most fields any kept row (or the header) had, for reporting dropped empty columns. */
  maxFields = 0;
  /** Non-empty fields in the header (1 with data below filling more suggests a title row). */
  headerFilled = 0;
  firstRowFilled = -1;
  refusal: CsvRefusal | null = null;
  done = false;

  private started = false;
  private readonly skip: number;
  private readonly hasHeader: boolean;
  private readonly pad: boolean;

  constructor(
    text: string,
    dialect: Dialect,
    options: CsvOptions,
    private readonly sink: RowSink,
    /** Stop after this many data rows (type detection samples). */
    private readonly maxDataRows = Infinity,
  ) {
    this.reader = new RecordReader(text, dialect.delimiter, dialect.bodyStart);
    this.lines = new LineCounter(text);
    this.skip = Math.max(0, Math.floor(options.skipRows ?? 0));
    this.hasHeader = dialect.hasHeader;
    this.pad = (options.ragged ?? "pad") === "pad";
  }

  /** Offset in the text up to which records are read, for progress. */
  get offset(): number {
    return this.reader.pos;
  }

  /** Reads the next slice of the text; true when the pass is over (finished or refused). */
  step(): boolean {
    if (this.done) return true;
    const more = this.reader.read(this.take) && this.dataRows < this.maxDataRows;
    if (!this.done && !more) this.finish();
    return this.done;
  }

  private readonly take = (r: CsvRecord): boolean => {
    const record = ++this.records;
    const fields = r.fields;
    if (r.unclosedQuoteAt >= 0) {
      return this.fail(refuse.unclosedQuote(record, fields.length, this.lines.lineAt(r.unclosedQuoteAt)));
    }
    if (r.strayQuoteAt >= 0) this.noteStrayQuote(record, r);
    if (record <= this.skip) {
      this.skippedRows++;
      return true;
    }
    let last = fields.length - 1;
    while (last >= 0 && fields[last].length === 0) last--;
    if (last < 0) {
      if (this.blankRows.length < LIST_LIMIT) this.blankRows.push(record);
      this.blankCount++;
      return true;
    }
    if (!this.started) {
      this.start(record, r, last);
      if (this.refusal) return false;
      if (this.hasHeader) return true;
    } else if (fields.length < this.minFields || last >= this.expectedFields) {
      this.raggedCount++;
      if (this.ragged.length < LIST_LIMIT)
        this.ragged.push({ row: record, line: this.lines.lineAt(r.start), fields: fields.length });
      if (!this.pad) {
        this.raggedSkipped++;
        return true;
      }
    }
    if (!this.checkCells(record, r, last)) return false;
    if (last >= MAX_COLUMNS) {
      return this.fail(refuse.tooManyColumns(record, last + 1, this.lines.lineAt(r.start)));
    }
    if (this.dataRows + (this.hasHeader ? 1 : 0) >= MAX_ROWS) {
      return this.fail(refuse.tooManyRows(record, this.lines.lineAt(r.start), this.hasHeader));
    }
    if (last >= this.width) this.widen(last + 1);
    if (fields.length > this.maxFields) this.maxFields = fields.length;
    if (this.firstRowFilled < 0) this.firstRowFilled = filled(fields, last);
    this.sink.row(fields, this.dataRows, record, this.width);
    return ++this.dataRows < this.maxDataRows;
  };

  /** The first kept record fixes the expected shape; with a header it is the header. */
  private start(record: number, r: CsvRecord, last: number): void {
    const fields = r.fields;
    this.started = true;
    this.expectedFields = fields.length;
    this.minFields = last + 1;
    if (!this.hasHeader) return;
    if (!this.checkCells(record, r, last)) return;
    if (last >= MAX_COLUMNS) {
      this.fail(refuse.tooManyColumns(record, last + 1, this.lines.lineAt(r.start)));
      return;
    }
    this.maxFields = fields.length;
    this.headerFilled = filled(fields, last);
    for (let i = 0; i <= last; i++) this.headers.push(fields[i]);
    this.widen(last + 1);
  }

  private widen(width: number): void {
    if (this.hasHeader) while (this.headers.length < width) this.headers.push("");
    this.width = width;
    this.sink.widen(width);
  }

  /** Refuses a cell longer than Excel allows (only fields up to the last non-empty one can be). */
  private checkCells(record: number, r: CsvRecord, last: number): boolean {
    const fields = r.fields;
    for (let i = 0; i <= last; i++) {
      if (fields[i].length > MAX_CELL_CHARS) {
        // The cell's line: the record's, plus the line breaks inside the values before it.
        let line = this.lines.lineAt(r.start);
        for (let k = 0; k < i; k++) line += lineBreaks(fields[k]);
        this.fail(refuse.cellTooLong(record, i + 1, line, fields[i].length));
        return false;
      }
    }
    return true;
  }

  private noteStrayQuote(record: number, r: CsvRecord): void {
    this.strayQuoteCount++;
    if (this.strayQuoteRows.length < LIST_LIMIT) this.strayQuoteRows.push(record);
    if (this.firstStrayQuote) return;
    const reader = this.reader;
    const column = fieldNumberAt(reader.text, r.start, r.strayQuoteAt, reader.delimiter);
    this.firstStrayQuote = { row: record, line: this.lines.lineAt(r.strayQuoteAt), column };
  }

  private fail(refusal: CsvRefusal): false {
    this.refusal = refusal;
    this.done = true;
    return false;
  }

  private finish(): void {
    this.done = true;
    if (!this.started && this.maxDataRows === Infinity) {
      this.refusal =
        this.records === 0
          ? refuse.emptyFile()
          : this.skippedRows > 0
            ? refuse.nothingAfterSkipped(this.skippedRows)
            : refuse.allBlank(this.records);
    }
  }
}

function filled(fields: readonly string[], last: number): number {
  let n = 0;
  for (let i = 0; i <= last; i++) if (fields[i].length > 0) n++;
  return n;
}
