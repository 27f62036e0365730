/**
 * A slice whose line ends papaparse cannot read with one newline (LF and CRLF, or lone CRs,
 * in one slice): papaparse reads it on "\n" with a step callback, so every record comes with
 * its offsets, and endings.ts puts the CRs right. Rare in practice: most files have one kind
 * of line end, and records.ts reads those slices without per-record callbacks.
 */
import Papa from "papaparse";
import { CarriageReturns, dropCrOfCrlf } from "./endings";
import type { CsvRecord } from "./record";

const LF = 10;

export interface MixedSlice {
  text: string;
  delimiter: string;
  crs: CarriageReturns;
  record: CsvRecord;
  onRecord: (record: CsvRecord) => boolean;
}

/**
 * Reads the records of text[from, to) that end inside it (all of them when `last`). Returns
 * the offset after the last record read, and whether `onRecord` ended the reading.
 */
export function readMixedSlice(s: MixedSlice, from: number, to: number, last: boolean): { next: number; stopped: boolean } {
  const { text } = s;
  const n = text.length;
  // A line break after the last record makes it end like every other one (see records.ts).
  const input = last ? text.slice(from, to) + "\n" : text.slice(from, to);
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
      const fields = row.data;
      const contentEnd = end > start && text.charCodeAt(end - 1) === LF ? end - 1 : end;
      let go: boolean;
      if (s.crs.firstIn(start, contentEnd) >= 0 && s.crs.hasLoneCr(start, contentEnd)) {
        go = splitOnLoneCrs(s, start, contentEnd, end, () => index++);
      } else {
        dropCrOfCrlf(fields, text, start, contentEnd, delimiterCode);
        s.record.reset(fields, index++, start, end);
        for (const e of row.errors) s.record.noteQuoteError(e, from);
        go = s.onRecord(s.record);
      }
      if (!go) {
        stopped = true;
        parser.abort();
      }
    },
  });
  return { next, stopped };
}

/** A record papaparse read on "\n" that lone CRs end inside: read again on "\r". */
function splitOnLoneCrs(s: MixedSlice, start: number, contentEnd: number, end: number, nextIndex: () => number): boolean {
  let input = s.text.slice(start, contentEnd);
  if (!input.endsWith("\r")) input += "\r";
  let next = start;
  let go = true;
  Papa.parse<string[]>(input, {
    delimiter: s.delimiter,
    newline: "\r",
    step: (row, parser) => {
      const first = next;
      next = start + row.meta.cursor;
      if (first - start >= input.length) return; // the empty row after the final CR
      s.record.reset(row.data, nextIndex(), first, next >= contentEnd ? end : next);
      for (const e of row.errors) s.record.noteQuoteError(e, start);
      go = s.onRecord(s.record);
      if (!go) parser.abort();
    },
  });
  return go;
}
