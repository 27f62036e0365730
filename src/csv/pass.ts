/**
 * One walk over the records, shared by analysis and import: skips the title rows asked
 * for, drops blank rows, takes the header, finds ragged rows, enforces Excel's limits and
 * hands every kept data row to a sink. It runs in steps so a driver can yield between them.
 *
 * Table width: the header's (or, without one, the first row's) last non-empty field. A later
 * row with data past it widens the table (pad mode) so nothing is lost; trailing fields that
 * are empty in every kept row never become columns, and are reported as dropped.
 */
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "./limits";
import { LineCounter } from "./lines";
import type { CsvOptions } from "./options";
import { CsvRefusal, refuse } from "./refusals";
import { CsvScanner, STORED_FIELDS } from "./scanner";
import type { Dialect } from "./sniff";

// Hot loops read local copies: imported bindings can compile to getter calls (CommonJS interop).
const MAX_CELL_CHARS = EXCEL_MAX_CELL_CHARS;
const MAX_COLUMNS = EXCEL_MAX_COLUMNS;
const MAX_ROWS = EXCEL_MAX_ROWS;
const STORED = STORED_FIELDS;

export interface RowSink {
  /** A kept data row: fields 0..width-1 of the scanner's record (past its end: blank). */
  row(sc: CsvScanner, dataRow: number, record: number, width: number): void;
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

/** Lists keep the first LIST_LIMIT entries; counts are always complete. */
export const LIST_LIMIT = 1000;

export class TablePass {
  readonly sc: CsvScanner;
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
    this.sc = new CsvScanner(text, dialect.delimiter, dialect.bodyStart);
    this.lines = new LineCounter(text);
    this.skip = Math.max(0, Math.floor(options.skipRows ?? 0));
    this.hasHeader = dialect.hasHeader;
    this.pad = (options.ragged ?? "pad") === "pad";
  }

  /** Reads up to `budget` records; true when the pass is over (finished or refused). */
  step(budget: number): boolean {
    const sc = this.sc;
    while (budget-- > 0) {
      if (this.dataRows >= this.maxDataRows || !sc.nextRow()) {
        this.finish();
        return true;
      }
      const record = ++this.records;
      if (sc.unclosedQuoteAt >= 0) {
        return this.fail(refuse.unclosedQuote(record, sc.unclosedQuoteField + 1, this.lines.lineAt(sc.unclosedQuoteAt)));
      }
      if (record <= this.skip) {
        this.skippedRows++;
        continue;
      }
      const last = sc.lastNonEmpty;
      if (last < 0) {
        if (this.blankRows.length < LIST_LIMIT) this.blankRows.push(record);
        this.blankCount++;
        continue;
      }
      if (!this.started) {
        this.start(record);
        if (this.refusal) return true;
        if (this.hasHeader) continue;
      } else if (sc.count < this.minFields || last >= this.expectedFields) {
        this.raggedCount++;
        if (this.ragged.length < LIST_LIMIT) this.ragged.push({ row: record, line: this.lines.lineAt(sc.rowStart), fields: sc.count });
        if (!this.pad) {
          this.raggedSkipped++;
          continue;
        }
      }
      if (!this.checkCells(record)) return true;
      if (last >= MAX_COLUMNS) {
        return this.fail(refuse.tooManyColumns(record, last + 1, this.lines.lineAt(sc.rowStart)));
      }
      if (this.dataRows + (this.hasHeader ? 1 : 0) >= MAX_ROWS) {
        return this.fail(refuse.tooManyRows(record, this.lines.lineAt(sc.rowStart), this.hasHeader));
      }
      if (last >= this.width) this.widen(last + 1);
      if (sc.count > this.maxFields) this.maxFields = sc.count;
      if (this.firstRowFilled < 0) this.firstRowFilled = filled(sc);
      this.sink.row(sc, this.dataRows, record, this.width);
      this.dataRows++;
    }
    return false;
  }

  /** The first kept record fixes the expected shape; with a header it is the header. */
  private start(record: number): void {
    const sc = this.sc;
    this.started = true;
    this.expectedFields = sc.count;
    this.minFields = sc.lastNonEmpty + 1;
    if (!this.hasHeader) return;
    if (!this.checkCells(record)) return;
    if (sc.lastNonEmpty >= MAX_COLUMNS) {
      this.fail(refuse.tooManyColumns(record, sc.lastNonEmpty + 1, this.lines.lineAt(sc.rowStart)));
      return;
    }
    this.maxFields = sc.count;
    this.headerFilled = filled(sc);
    for (let i = 0; i <= sc.lastNonEmpty; i++) this.headers.push(sc.field(i));
    this.widen(sc.lastNonEmpty + 1);
  }

  private widen(width: number): void {
    if (this.hasHeader) while (this.headers.length < width) this.headers.push("");
    this.width = width;
    this.sink.widen(width);
  }

  /** Refuses a cell longer than Excel allows (only fields up to the last non-empty one can be). */
  private checkCells(record: number): boolean {
    const sc = this.sc;
    const n = Math.min(sc.lastNonEmpty + 1, STORED);
    for (let i = 0; i < n; i++) {
      if (sc.ends[i] - sc.starts[i] > MAX_CELL_CHARS) {
        const length = sc.fieldLength(i);
        if (length > MAX_CELL_CHARS) {
          this.fail(refuse.cellTooLong(record, i + 1, this.lines.lineAt(sc.starts[i]), length));
          return false;
        }
      }
    }
    return true;
  }

  private fail(refusal: CsvRefusal): true {
    this.refusal = refusal;
    this.done = true;
    return true;
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

function filled(sc: CsvScanner): number {
  let n = 0;
  for (let i = 0; i <= sc.lastNonEmpty && i < STORED; i++) if (sc.nonEmpty(i)) n++;
  return n;
}
