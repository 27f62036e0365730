/**
 * Column-wise storage of imported values, and the per-type converters that fill it from the
 * cell strings papaparse gives. Numbers, percents and dates live in a Float64Array (8 bytes a
 * cell, no boxing); the rare cell that does not fit its column's type is kept as text on the side.
 */
import { isFormulaLeadCode, isFormulaLike } from "../excel/formula-lead";
import { isBlank } from "./cells";
import { DateOrder, DateReader } from "./dates";
import { NumberReader } from "./numbers";
import type { CellValue, ColumnValues, TextCell } from "./results";
import type { CellReaders, TypeDescriptor, ValueShape } from "./types/descriptor";

const INITIAL_CAPACITY = 1024;
/** Repeated short values (countries, units, sources) are stored once; see TextColumn. */
const INTERN_MAX_LENGTH = 48;
const INTERN_MAX_ENTRIES = 2048;
/** Slots of TextColumn's cache of recently interned values. */
const RECENT_MASK = 255;
/** Text cells per block (see TextValues): small enough to be an ordinary heap object. */
const BLOCK_BITS = 13;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;

/**
 * A column's values as one code a cell in a typed array. The rare cell that does not fit the
 * column's type is kept as text in `texts`, by row, with `textCode` in the array.
 */
abstract class CodedValues {
  length: number;
  texts: Map<number, string> | null = null;

  constructor(
    blankRows: number,
    private readonly blankCode: number,
    private readonly textCode: number,
  ) {
    this.length = blankRows;
  }

  /**
   * Stores one cell's code. Each kind writes its own (the same two lines): one method for both
   * arrays would make the store, run once a cell, polymorphic.
   */
  abstract push(code: number): void;

  pushBlank(): void {
    this.push(this.blankCode);
  }

  pushText(s: string): void {
    (this.texts ??= new Map()).set(this.length, s);
    this.push(this.textCode);
  }
}

/** Room for the blank rows a column starts with and for `capacity` more cells (see INITIAL_CAPACITY). */
const capacityFor = (blankRows: number, capacity: number): number => Math.max(capacity, blankRows + INITIAL_CAPACITY);

/** `data` copied into an array half as large again, for a column that has filled it. */
function grown<A extends Float64Array | Uint8Array>(data: A): A {
  const bigger = new (data.constructor as new (length: number) => A)(Math.ceil(data.length * 1.5));
  bigger.set(data);
  return bigger;
}

/** NaN is blank unless the row has a text in `texts`. */
export class NumberValues extends CodedValues implements ColumnValues {
  data: Float64Array;

  constructor(blankRows = 0, capacity = INITIAL_CAPACITY) {
    super(blankRows, NaN, NaN);
    this.data = new Float64Array(capacityFor(blankRows, capacity)).fill(NaN, 0, blankRows);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.data = grown(this.data);
    this.data[this.length++] = v;
  }

  get(row: number): CellValue {
    const v = this.data[row];
    return v === v ? v : (this.texts?.get(row) ?? null);
  }
}

/** 0 blank, 1 false, 2 true, 3 text (in `texts`). */
export class BooleanValues extends CodedValues implements ColumnValues {
  data: Uint8Array;

  constructor(blankRows = 0, capacity = INITIAL_CAPACITY) {
    super(blankRows, 0, 3);
    this.data = new Uint8Array(capacityFor(blankRows, capacity));
  }

  push(code: number): void {
    if (this.length === this.data.length) this.data = grown(this.data);
    this.data[this.length++] = code;
  }

  get(row: number): CellValue {
    const c = this.data[row];
    return c === 0 ? null : c === 1 ? false : c === 2 ? true : (this.texts?.get(row) ?? null);
  }
}

/**
 * Text cells in fixed blocks rather than one growing array: a growing array of 280,000
 * strings is copied at every growth, and every copy is a large object the garbage collector
 * scans again while it is young.
 */
export class TextValues implements ColumnValues {
  length = 0;
  private readonly blocks: (string | null)[][] = [];

  constructor(blankRows = 0) {
    for (let i = 0; i < blankRows; i++) this.push(null);
  }

  push(v: string | null): void {
    const i = this.length++ & BLOCK_MASK;
    if (i === 0) this.blocks.push(new Array<string | null>(BLOCK));
    this.blocks[this.blocks.length - 1][i] = v;
  }

  get(row: number): CellValue {
    return row < this.length ? (this.blocks[row >>> BLOCK_BITS][row & BLOCK_MASK] ?? null) : null;
  }
}

/** What every column converter shares: where flagged cells go. */
export interface CellLog {
  textCells: TextCell[];
}

/**
 * Text column: the value as written; empty is blank; formula-like text is flagged.
 * Short values are interned while the column has few distinct ones: a country column then
 * holds a handful of strings instead of one per row (less memory, far less GC work). A column
 * with many distinct values (codes, ids) stops interning once the table is full.
 */
export class TextColumn {
  readonly values: TextValues;
  readonly textCount = 0;
  private intern: Map<string, string> | null = new Map();
  private readonly recent: string[] = new Array<string>(RECENT_MASK + 1).fill("");

  constructor(
    readonly index: number,
    private readonly log: CellLog,
    blankRows: number,
  ) {
    this.values = new TextValues(blankRows);
  }

  add(v: string, row: number, _record?: number): void {
    if (v.length === 0) {
      this.values.push(null);
      return;
    }
    const c = v.charCodeAt(0);
    if (isFormulaLeadCode(c)) {
      this.log.textCells.push({ row, column: this.index, reason: "formula" });
    }
    const intern = this.intern;
    const n = v.length;
    if (intern !== null && n <= INTERN_MAX_LENGTH) {
      // A direct-mapped cache of interned values in front of the map: a hit needs no hash of
      // the new string, only a compare. It only ever holds values the map holds.
      const slot = (n * 31 + c * 7 + v.charCodeAt(n - 1)) & RECENT_MASK;
      const recent = this.recent[slot];
      if (recent === v) {
        v = recent;
      } else {
        const known = intern.get(v);
        if (known !== undefined) v = known;
        else if (intern.size < INTERN_MAX_ENTRIES) intern.set(v, v);
        else this.intern = null;
        this.recent[slot] = v;
      }
    }
    this.values.push(v);
  }

  blank(): void {
    this.values.push(null);
  }
}

/** Shared by the typed columns: a cell that is not missing and does not fit stays text. */
abstract class TypedColumn<V extends CodedValues> {
  textCount = 0;
  /** 1-based record numbers of the first cells kept as text, for the warning. */
  readonly textRecords: number[] = [];

  constructor(
    readonly index: number,
    protected readonly log: CellLog,
    readonly values: V,
    protected readonly type: TypeDescriptor,
  ) {}

  /** A cell its type did not read: blank when it is only spaces, else kept as text and flagged. */
  protected notRead(text: string, row: number, record: number): void {
    if (isBlank(text, 0, text.length)) {
      this.values.pushBlank();
      return;
    }
    this.textCount++;
    if (this.textRecords.length < 5) this.textRecords.push(record);
    this.log.textCells.push({ row, column: this.index, reason: isFormulaLike(text) ? "formula" : "mixed" });
    this.values.pushText(text);
  }
}

/**
 * A column stored as numbers (numbers, percents, currency, dates): its type's reader fills it.
 * Numeric types read through the column's NumberReader directly: a cell the reader's fast path
 * read (a plain number or a percentage: most cells of most files) is accepted or refused by
 * what the type answered for "1" and "1%" when the column was made; only other numbers ask
 * the type's `fits`. Same results as calling `read`, without a call per cell.
 */
export class NumericColumn extends TypedColumn<NumberValues> {
  /** What the values showed, for the number format. */
  readonly shape: ValueShape = { decimals: 0, grouped: false, currency: "", currencyAfter: false };
  /** Percentages read as fractions (in a number column): how many, the first rows, the first value. */
  percents = 0;
  readonly percentRecords: number[] = [];
  percentExample = "";
  private readonly readers: CellReaders;
  private readonly numbers: NumberReader;
  private readonly fits: ((numbers: NumberReader) => boolean) | null;
  private readonly plainFits: boolean;
  private readonly percentFits: boolean;

  constructor(
    index: number,
    log: CellLog,
    values: NumberValues,
    type: TypeDescriptor,
    decimalComma: boolean,
    private readonly dateOrder: DateOrder,
  ) {
    super(index, log, values, type);
    this.numbers = new NumberReader(decimalComma);
    this.readers = { numbers: this.numbers, dates: new DateReader() };
    this.fits = type.fits ?? null;
    this.plainFits = this.fits !== null && fitsFastRead(this.fits, "1");
    this.percentFits = this.fits !== null && fitsFastRead(this.fits, "1%");
  }

  add(text: string, row: number, record: number): void {
    const e = text.length;
    if (e === 0) {
      this.values.push(NaN);
      return;
    }
    let v: number;
    const fits = this.fits;
    if (fits !== null) {
      const numbers = this.numbers;
      v = numbers.read(text, 0, e);
      if (v === v) {
        if (numbers.plain ? (numbers.percent ? this.percentFits : this.plainFits) : fits(numbers)) {
          this.noteShape(numbers, text, record);
          this.values.push(v);
          return;
        }
        v = NaN;
      }
    } else {
      v = this.type.read(this.readers, text, 0, e, this.dateOrder);
      if (v === v) {
        this.values.push(v);
        return;
      }
    }
    this.notRead(text, row, record);
  }

  private noteShape(numbers: NumberReader, text: string, record: number): void {
    const shape = this.shape;
    if (numbers.decimals > shape.decimals) shape.decimals = numbers.decimals;
    if (numbers.grouped) shape.grouped = true;
    if (numbers.percent && this.percents++ < 5) {
      if (this.percents === 1) this.percentExample = text;
      this.percentRecords.push(record);
    }
    if (!numbers.plain && numbers.currency !== "" && shape.currency === "") {
      shape.currency = numbers.currency;
      shape.currencyAfter = numbers.currencyAfter;
    }
  }

  blank(): void {
    this.values.push(NaN);
  }
}

/** What a type answers for a number the fast path reads ("1", "1%"): the same for every such read. */
function fitsFastRead(fits: (numbers: NumberReader) => boolean, text: string): boolean {
  const probe = new NumberReader(false);
  probe.read(text, 0, text.length);
  return probe.plain && fits(probe);
}

export class BooleanColumn extends TypedColumn<BooleanValues> {
  private readonly readers: CellReaders = { numbers: new NumberReader(false), dates: new DateReader() };

  add(text: string, row: number, record: number): void {
    const e = text.length;
    if (e === 0) {
      this.values.push(0);
      return;
    }
    const b = this.type.read(this.readers, text, 0, e, "mdy");
    if (b === b) {
      this.values.push(b + 1);
    } else {
      this.notRead(text, row, record);
    }
  }

  blank(): void {
    this.values.push(0);
  }
}

export type ImportColumn = TextColumn | NumericColumn | BooleanColumn;
