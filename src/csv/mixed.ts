/**
 * A slice whose line ends papaparse cannot read with one newline (LF and CRLF, or lone CRs,
 * in one slice). Excel ends a record at any of them, so papaparse reads a copy of the slice
 * with every lone CR turned into LF: record ends are then LF or CRLF, quotes pair up as
 * Excel pairs them, and the copy's offsets are the text's (one character for one). Per record:
 * the CR papaparse leaves of a CRLF is taken off (endings.ts), and a record whose text holds
 * a lone CR (one inside quotes: any other ended a record) is read again from the text itself,
 * so the value keeps its CR. Rare in practice: records.ts reads most slices in one call.
 */
import Papa from "papaparse";
import { dropCrOfCrlf, LineEnds } from "./endings";
import type { CsvRecord } from "./record";

const LF = 10;

export interface MixedSlice {
  text: string;
  delimiter: string;
  lineEnds: LineEnds;
  record: CsvRecord;
  onRecord: (record: CsvRecord) => boolean;
}

/**
 * Reads the records of text[from, to) that end inside it (all of them when `last`). Returns
 * the offset after the last record read, and whether `onRecord` ended the reading.
 */
export function readMixedSlice(
  s: MixedSlice,
  from: number,
  to: number,
  last: boolean,
): { next: number; stopped: boolean } {
  const { text, record } = s;
  const n = text.length;
  // A line break after the last record makes it end like every other one (see records.ts).
  const input = text.slice(from, to).replace(/\r(?!\n)/g, "\n") + (last ? "\n" : "");
  const delimiterCode = s.delimiter.charCodeAt(0);
  let next = from;
  let stopped = false;
  let index = 0;
  Papa.parse<string[]>(input, {
    delimiter: s.delimiter,
    newline: "\n",
    step: (row, parser) => {
      const cursor = row.meta.cursor;
      // Without a line break inside the slice, the row may go on past it.
      if (!last && cursor >= input.length) return;
      const start = next;
      const end = Math.min(from + cursor, n);
      next = end;
      if (start >= n) return; // the empty row papaparse gives after the final line break
      const contentEnd = end > start && text.charCodeAt(end - 1) === LF ? end - 1 : end;
      if (s.lineEnds.hasLoneCr(start, contentEnd)) {
        readAgain(s, start, contentEnd, end, index++);
      } else {
        dropCrOfCrlf(row.data, text, start, contentEnd, delimiterCode);
        record.reset(row.data, index++, start, end);
        for (const e of row.errors) record.noteQuoteError(e, from);
      }
      if (!s.onRecord(record)) {
        stopped = true;
        parser.abort();
      }
    },
  });
  return { next, stopped };
}

/** A record whose text holds a CR inside quotes: its values from the text, not from the copy. */
function readAgain(s: MixedSlice, start: number, contentEnd: number, end: number, index: number): void {
  const { text, record } = s;
  // Its only line breaks are inside quotes, so any newline reads it as one record.
  const result = Papa.parse<string[]>(text.slice(start, contentEnd) + "\n", { delimiter: s.delimiter, newline: "\n" });
  const fields = result.data[0];
  dropCrOfCrlf(fields, text, start, contentEnd, s.delimiter.charCodeAt(0));
  record.reset(fields, index, start, end);
  for (const e of result.errors) record.noteQuoteError(e, start);
}
