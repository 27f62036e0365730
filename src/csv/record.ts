/**
 * One record as the reader hands it on: papaparse's values, the quote problems papaparse
 * reported for it, and its offsets in the text. Offsets are only needed for line numbers in
 * messages, so the fast path leaves them unknown until asked for (`locate` works them out).
 */
import type Papa from "papaparse";

export class CsvRecord {
  /** The values as papaparse read them: quotes removed, doubled quotes undone. */
  fields: string[] = [];
  /** Offset of an opening quote that never closes (papaparse's MissingQuotes), else -1. */
  unclosedQuoteAt = -1;
  /** Offset of the opening quote of the first value with a stray quote (InvalidQuotes), else -1. */
  strayQuoteAt = -1;
  /** Position among the records of the slice it was read in. */
  index = 0;
  /** Offsets when known, else -1. */
  startAt = -1;
  endAt = -1;

  constructor(private readonly locate: (record: CsvRecord) => void) {}

  /** Offset of the record's first character. */
  get start(): number {
    if (this.startAt < 0) this.locate(this);
    return this.startAt;
  }

  /** Offset after the record's line break (or the end of the text). */
  get end(): number {
    if (this.endAt < 0) this.locate(this);
    return this.endAt;
  }

  reset(fields: string[], index: number, startAt: number, endAt: number): void {
    this.fields = fields;
    this.index = index;
    this.startAt = startAt;
    this.endAt = endAt;
    this.unclosedQuoteAt = -1;
    this.strayQuoteAt = -1;
  }

  /** A quote error papaparse reported for this record, whose input began at offset `base`. */
  noteQuoteError(error: Papa.ParseError, base: number): void {
    // index: the offset in papaparse's input where the quoted value's text begins, just after
    // its opening quote (in the input, not in the row, whatever @types says).
    const quoteAt = base + (error.index ?? 1) - 1;
    if (error.code === "MissingQuotes") this.unclosedQuoteAt = quoteAt;
    else if (error.code === "InvalidQuotes" && this.strayQuoteAt < 0) this.strayQuoteAt = quoteAt;
  }
}
