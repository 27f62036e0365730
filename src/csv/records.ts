/**
 * The text's records, read by papaparse (Papa.parse with a step callback) one slice of the
 * text at a time: the pass can yield to the event loop between slices, and only one slice's
 * rows exist as string arrays at once. Every record comes with its offsets in the text, for
 * line numbers in messages.
 *
 * Slices end anywhere, so the last row papaparse gives for a slice may continue past it: it
 * is read again at the start of the next slice (what papaparse's own chunked streaming does).
 * A record longer than a slice (a 10 MB quoted value) doubles the slice until it fits.
 *
 * Dialect: papaparse's. Quoted values hold delimiters, line breaks and doubled quotes; a
 * quote inside an unquoted value is literal (ab"c); spaces between a closing quote and the
 * delimiter are dropped. A quote inside a quoted value that is neither doubled nor followed
 * by a delimiter or line break is a stray quote: papaparse reads on to the next quote that
 * is, and reports it (InvalidQuotes), as strayQuoteAt here. Line breaks: see linebreak.ts.
 */
import Papa from "papaparse";
import { CarriageReturns, dropCrOfCrlf } from "./endings";
import type { RecordBreak } from "./linebreak";

export interface CsvRecord {
  /** The values as papaparse read them: quotes removed, doubled quotes undone. */
  fields: string[];
  /** Offset of the record's first character. */
  start: number;
  /** Offset after the record's line break (or the end of the text). */
  end: number;
  /** Offset of an opening quote that never closes (papaparse's MissingQuotes), else -1. */
  unclosedQuoteAt: number;
  /** Offset of the opening quote of the first value with a stray quote (InvalidQuotes), else -1. */
  strayQuoteAt: number;
}

/** Whether to go on; false ends the reading. */
export type RecordHandler = (record: CsvRecord) => boolean;

const SLICE_CHARS = 64 * 1024;
const LF = 10;

export class RecordReader {
  /** Offset of the next record to read. */
  pos: number;
  private sliceChars: number;
  private readonly crs: CarriageReturns | null;
  private readonly delimiterCode: number;
  private readonly record: CsvRecord = { fields: [], start: 0, end: 0, unclosedQuoteAt: -1, strayQuoteAt: -1 };

  constructor(
    readonly text: string,
    readonly delimiter: string,
    readonly lineBreak: RecordBreak,
    start: number,
    /** Characters handed to papaparse at a time (tests use tiny slices to cross every boundary). */
    private readonly baseSlice = SLICE_CHARS,
  ) {
    // Papaparse silently falls back to "," for these; a caller asking for one has a bug.
    if (delimiter.length !== 1 || Papa.BAD_DELIMITERS.includes(delimiter)) {
      throw new Error(`Unusable CSV delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delimiterCode = delimiter.charCodeAt(0);
    this.pos = start;
    this.sliceChars = baseSlice;
    this.crs = lineBreak === "\n" ? new CarriageReturns(text) : null;
  }

  /**
   * Parses the next slice and hands its complete records to `onRecord` in order. Returns
   * false once the text is read (or `onRecord` ended the reading).
   */
  read(onRecord: RecordHandler): boolean {
    const text = this.text;
    const n = text.length;
    const from = this.pos;
    if (from >= n) return false;
    const to = Math.min(n, from + this.sliceChars);
    const last = to === n;
    // A line break after the last record makes it end like every other one: papaparse
    // takes `"x" ` or `"x"\r` at the very end of its input for an unclosed quote.
    const input = last ? text.slice(from, to) + this.lineBreak : text.slice(from, to);
    let next = from;
    let stopped = false;
    let longest = 0;
    Papa.parse<string[]>(input, {
      delimiter: this.delimiter,
      newline: this.lineBreak,
      step: (row, parser) => {
        const cursor = row.meta.cursor;
        // Without a line break inside the slice, the row may go on past it.
        if (!last && cursor >= input.length) return;
        const start = next;
        const end = Math.min(from + cursor, n);
        next = end;
        if (start >= n) return; // the empty row papaparse gives after the final line break
        if (end - start > longest) longest = end - start;
        if (!this.emit(row.data, start, end, from, row.errors, onRecord)) {
          stopped = true;
          parser.abort();
        }
      },
    });
    if (stopped) {
      this.pos = next;
      return false;
    }
    if (next === from && !last) {
      this.sliceChars *= 2; // one record longer than the slice: read it again, whole
      return true;
    }
    this.pos = last ? n : next;
    this.sliceChars = Math.max(this.baseSlice, 2 * longest);
    return !last;
  }

  private emit(fields: string[], start: number, end: number, base: number, errors: Papa.ParseError[], onRecord: RecordHandler): boolean {
    const crs = this.crs;
    if (crs !== null) {
      const text = this.text;
      const contentEnd = end > start && text.charCodeAt(end - 1) === LF ? end - 1 : end;
      if (crs.firstIn(start, contentEnd) >= 0) {
        if (crs.hasLoneCr(start, contentEnd)) return this.emitSplit(start, contentEnd, end, onRecord);
        dropCrOfCrlf(fields, text, start, contentEnd, this.delimiterCode);
      }
    }
    return this.hand(fields, start, end, base, errors, onRecord);
  }

  /** A record papaparse read on "\n" that lone CRs split into several: read again on "\r". */
  private emitSplit(start: number, contentEnd: number, end: number, onRecord: RecordHandler): boolean {
    let input = this.text.slice(start, contentEnd);
    if (!input.endsWith("\r")) input += "\r";
    let next = start;
    let go = true;
    Papa.parse<string[]>(input, {
      delimiter: this.delimiter,
      newline: "\r",
      step: (row, parser) => {
        const s = next;
        next = start + row.meta.cursor;
        if (s - start >= input.length) return; // the empty row after the final CR
        go = this.hand(row.data, s, next >= contentEnd ? end : next, start, row.errors, onRecord);
        if (!go) parser.abort();
      },
    });
    return go;
  }

  private hand(fields: string[], start: number, end: number, base: number, errors: Papa.ParseError[], onRecord: RecordHandler): boolean {
    const r = this.record;
    r.fields = fields;
    r.start = start;
    r.end = end;
    r.unclosedQuoteAt = -1;
    r.strayQuoteAt = -1;
    for (let i = 0; i < errors.length; i++) {
      const e = errors[i];
      // index: the offset in papaparse's input where the quoted value's text begins, just
      // after its opening quote (in the input, not in the row, whatever @types says).
      const quoteAt = base + (e.index ?? 1) - 1;
      if (e.code === "MissingQuotes") r.unclosedQuoteAt = quoteAt;
      else if (e.code === "InvalidQuotes" && r.strayQuoteAt < 0) r.strayQuoteAt = quoteAt;
    }
    return onRecord(r);
  }
}

/** 1-based field of the record starting at `start` that the character at `offset` begins or is in. */
export function fieldNumberAt(text: string, start: number, offset: number, delimiter: string, lineBreak: RecordBreak): number {
  if (offset <= start) return 1;
  const rows = Papa.parse<string[]>(text.slice(start, offset), { delimiter, newline: lineBreak }).data;
  return rows.length === 0 ? 1 : rows[rows.length - 1].length;
}
