/**
 * The text's records, read by papaparse one slice of the text at a time: the pass can yield
 * to the event loop between slices, and only one slice's rows exist as string arrays at once.
 *
 * Slices end anywhere, so papaparse leaves out a slice's last row, which may go on past it,
 * and the next slice starts there: Papa.Parser's `ignoreLastRow`, the way Papa.parse's own
 * chunked streaming drives it. Papa.parse itself is not used for this: with `step` it adds
 * result objects per row (1.6x the core parser's time on the bench file), with `chunk` it
 * joins each chunk to the unread tail of the last into a new string (slower still), and
 * after pause()/resume() its meta.cursor counts from where it resumed (4, 8, 4, 8 for rows
 * ending at 4, 8, 12, 16), so offsets would be lost. A record longer than a slice (a 10 MB
 * quoted value) doubles the slice until it fits.
 *
 * Dialect: papaparse's. Quoted values hold delimiters, line breaks and doubled quotes; a
 * quote inside an unquoted value is literal (ab"c); spaces between a closing quote and the
 * delimiter are dropped. A quote inside a quoted value that is neither doubled nor followed
 * by a delimiter or line break is a stray quote: papaparse reads on to the next quote that
 * is, and reports it (InvalidQuotes), as strayQuoteAt here. Line breaks: Excel's (CRLF, LF
 * and lone CR in any mix). Papaparse splits on one newline, so each slice is read with the
 * one it has (endings.ts); a slice that mixes them is read by mixed.ts.
 *
 * Offsets only matter for line numbers in messages, so they are worked out when asked for,
 * by reading that slice again with papaparse's step callback.
 */
import Papa from "papaparse";
import { LineEnds } from "./endings";
import { readMixedSlice } from "./mixed";
import { CsvRecord } from "./record";

export { CsvRecord } from "./record";

/** Whether to go on; false ends the reading. */
export type RecordHandler = (record: CsvRecord) => boolean;

type Newline = "\n" | "\r\n" | "\r";

/** Enough for a few hundred ordinary records; papaparse's setup per slice is then nothing. */
const SLICE_CHARS = 64 * 1024;

/** The last slice the core parser read, kept until its offsets are asked for. */
interface Slice {
  from: number;
  input: string;
  newline: Newline;
  ends: number[] | null;
}

export interface ReaderOptions {
  /** Characters handed to papaparse at a time (tests use tiny slices to cross every boundary). */
  sliceChars?: number;
  /** Line ends found in the same text by readers starting at the same place (sniffing's). */
  lineEnds?: LineEnds;
  /** Stop at a record longer than this rather than read it (sniffing needs no 10 MB value). */
  maxRecordChars?: number;
}

export class RecordReader {
  /** Offset of the next record to read. */
  pos: number;
  private readonly baseSlice: number;
  private readonly maxSlice: number;
  private sliceChars: number;
  private readonly lineEnds: LineEnds;
  private readonly record = new CsvRecord((r) => this.locate(r));
  private slice: Slice | null = null;

  constructor(
    readonly text: string,
    readonly delimiter: string,
    start: number,
    options: ReaderOptions = {},
  ) {
    // Papaparse silently falls back to "," for these; a caller asking for one has a bug.
    if (delimiter.length !== 1 || Papa.BAD_DELIMITERS.includes(delimiter)) {
      throw new Error(`Unusable CSV delimiter ${JSON.stringify(delimiter)}`);
    }
    this.pos = start;
    this.baseSlice = options.sliceChars ?? SLICE_CHARS;
    this.sliceChars = this.baseSlice;
    this.maxSlice = 2 * (options.maxRecordChars ?? Infinity);
    this.lineEnds = options.lineEnds ?? new LineEnds(text);
  }

  /**
   * Reads the next slice and hands its complete records to `onRecord` in order. Returns
   * false once the text is read (or `onRecord` ended the reading, or the next record is
   * longer than maxRecordChars).
   */
  read(onRecord: RecordHandler): boolean {
    const text = this.text;
    const n = text.length;
    const from = this.pos;
    if (from >= n) return false;
    const to = Math.min(n, from + this.sliceChars);
    const last = to === n;
    const newline = this.lineEnds.newlineFor(from, to);
    if (newline === null) return this.readMixed(from, to, last, onRecord);

    // A line break after the last record makes it end like every other one: papaparse
    // takes `"x" ` at the very end of its input for an unclosed quote.
    const input = last ? text.slice(from, to) + newline : text.slice(from, to);
    const result = new Papa.Parser({ delimiter: this.delimiter, newline }).parse(input, 0, !last) as Papa.ParseResult<
      string[]
    >;
    const rows = result.data;
    const errors = result.errors;
    let count = rows.length;
    // After the added line break papaparse gives an empty row, and one more before it when the
    // text ended with a line break of its own; an unclosed quote takes in both line breaks.
    if (last && !errors.some((e) => e.code === "MissingQuotes")) count -= text.endsWith(newline) ? 2 : 1;
    if (count <= 0 && !last) return this.grow();
    this.slice = { from, input, newline, ends: null };
    const r = this.record;
    let e = 0;
    for (let k = 0; k < count; k++) {
      r.reset(rows[k], k, -1, -1);
      for (; e < errors.length && (errors[e].row ?? 0) <= k; e++)
        if (errors[e].row === k) r.noteQuoteError(errors[e], from);
      if (!onRecord(r)) {
        this.pos = r.end;
        return false;
      }
    }
    const read = last ? n - from : result.meta.cursor;
    this.pos = from + read;
    // Long records (thousands of columns): start the next slice big enough for a few.
    this.sliceChars = Math.max(
      this.baseSlice,
      Math.min(4 * this.baseSlice, Math.ceil((2 * read) / Math.max(1, count))),
    );
    return !last;
  }

  private readMixed(from: number, to: number, last: boolean, onRecord: RecordHandler): boolean {
    const { text, delimiter, lineEnds, record } = this;
    const { next, stopped } = readMixedSlice({ text, delimiter, lineEnds, record, onRecord }, from, to, last);
    if (stopped) {
      this.pos = next;
      return false;
    }
    if (next === from && !last) return this.grow();
    this.pos = last ? this.text.length : next;
    this.sliceChars = this.baseSlice;
    return !last;
  }

  /** One record longer than the slice: read it again, whole, unless it is longer than asked for. */
  private grow(): boolean {
    this.sliceChars *= 2;
    return this.sliceChars <= this.maxSlice;
  }

  /** Offsets of a record the core parser read: its slice read again, with a step callback. */
  private locate(r: CsvRecord): void {
    const s = this.slice as Slice;
    if (s.ends === null) {
      const ends: number[] = [];
      Papa.parse<string[]>(s.input, {
        delimiter: this.delimiter,
        newline: s.newline,
        step: (row) => void ends.push(s.from + row.meta.cursor),
      });
      s.ends = ends;
    }
    r.startAt = r.index === 0 ? s.from : s.ends[r.index - 1];
    r.endAt = Math.min(s.ends[r.index], this.text.length);
  }
}

/** 1-based field of the record starting at `start` that the character at `offset` begins or is in. */
export function fieldNumberAt(text: string, start: number, offset: number, delimiter: string): number {
  if (offset <= start) return 1;
  // The record's line breaks before `offset` are inside quotes: any newline will do.
  const rows = Papa.parse<string[]>(text.slice(start, offset), { delimiter, newline: "\n" }).data;
  return rows.length === 0 ? 1 : rows[rows.length - 1].length;
}
