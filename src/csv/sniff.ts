/**
 * The file's dialect: its `sep=` line, delimiter, header row and decimal separator, decided
 * from the first records (read by papaparse with each candidate delimiter, so a comma inside
 * "..." does not count).
 */
import { CellClassifier, CELL_ANY, isMissing } from "./cells";
import type { CsvOptions } from "./options";
import { LineEnds } from "./endings";
import { CsvRecord, RecordReader } from "./records";

export const CANDIDATE_DELIMITERS = [",", ";", "\t", "|"] as const;

export interface Dialect {
  delimiter: string;
  delimiterSource: "option" | "sepLine" | "detected" | "default";
  /** Whether the text starts with a `sep=X` line (Excel's own hint; it is not data). */
  sepLine: boolean;
  /** Offset where records begin: after a byte order mark character and the sep line. */
  bodyStart: number;
  /** Line number of the first record (2 after a sep line). */
  bodyLine: number;
  hasHeader: boolean;
  headerSource: "option" | "detected";
  decimalSeparator: "." | ",";
}

const SAMPLE_RECORDS = 50;
const SAMPLE_CHARS = 256 * 1024;

export function sniff(text: string, options: CsvOptions = {}): Dialect {
  let bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let bodyLine = 1;
  let sepLine = false;
  let sepDelimiter: string | null = null;
  if (text.startsWith("sep=", bodyStart) && text.length > bodyStart + 4) {
    const after = bodyStart + 5;
    const c = after < text.length ? text.charCodeAt(after) : -1;
    const candidate = text[bodyStart + 4];
    if ((c === -1 || c === 10 || c === 13) && candidate !== '"' && candidate !== "\n" && candidate !== "\r") {
      sepLine = true;
      // A byte order mark cannot delimit anything (papaparse refuses it): the line is still
      // Excel's hint, not data, so it is skipped and the delimiter detected from the rest.
      sepDelimiter = candidate === "\ufeff" ? null : candidate;
      bodyStart = c === 13 && text.charCodeAt(after + 1) === 10 ? after + 2 : c === -1 ? after : after + 1;
      bodyLine = 2;
    }
  }

  let delimiter: string;
  let delimiterSource: Dialect["delimiterSource"];
  if (options.delimiter) {
    delimiter = options.delimiter;
    delimiterSource = "option";
  } else if (sepDelimiter) {
    delimiter = sepDelimiter;
    delimiterSource = "sepLine";
  } else {
    const guessed = guessDelimiter(text, bodyStart, options.skipRows ?? 0);
    delimiter = guessed ?? ",";
    delimiterSource = guessed ? "detected" : "default";
  }
  const decimalSeparator = options.decimalSeparator ?? (delimiter === ";" ? "," : ".");

  let hasHeader: boolean;
  let headerSource: Dialect["headerSource"];
  if (typeof options.hasHeader === "boolean") {
    hasHeader = options.hasHeader;
    headerSource = "option";
  } else {
    // Up to 1,000 fields a record tell a header as well as all of them would.
    const records = sampleRecords(text, bodyStart, delimiter, options.skipRows ?? 0, 20).map((r) => r.slice(0, 1000));
    hasHeader = looksLikeHeader(records, new CellClassifier());
    headerSource = "detected";
  }
  return { delimiter, delimiterSource, sepLine, bodyStart, bodyLine, hasHeader, headerSource, decimalSeparator };
}

/**
 * The first `max` non-blank records after `skip` records, from slices starting in the first
 * SAMPLE_CHARS characters; a record longer than that ends the sample.
 */
function sampleRecords(
  text: string,
  start: number,
  delimiter: string,
  skip: number,
  max: number,
  lineEnds?: LineEnds,
): string[][] {
  const reader = new RecordReader(text, delimiter, start, { lineEnds, maxRecordChars: SAMPLE_CHARS });
  const records: string[][] = [];
  let seen = 0;
  const take = (r: CsvRecord): boolean => {
    if (seen++ >= skip && r.fields.some((f) => f.length > 0)) records.push(r.fields);
    return records.length < max;
  };
  while (reader.pos - start < SAMPLE_CHARS && reader.read(take));
  return records;
}

/**
 * Scores each candidate by how consistently it splits the sample: the share of records
 * with the most common field count (which must exceed 1), then the count itself. Ties keep
 * the candidates' order (comma first). When some candidate splits the first record (the
 * header, usually), only those compete: a tab or comma inside a one-column file's values
 * should not turn it into two columns.
 */
export function guessDelimiter(text: string, start = 0, skip = 0): string | null {
  // Every candidate reads the same first records: one search for line ends serves them all.
  const lineEnds = new LineEnds(text);
  const scores = CANDIDATE_DELIMITERS.map((d) => score(sampleRecords(text, start, d, skip, SAMPLE_RECORDS, lineEnds)));
  const splitsFirst = scores.some((s) => s.firstFields > 1);
  let best: string | null = null;
  let bestShare = 0;
  let bestFields = 1;
  scores.forEach((s, i) => {
    if (s.modeFields < 2 || (splitsFirst && s.firstFields < 2)) return;
    if (s.share > bestShare || (s.share === bestShare && s.modeFields > bestFields)) {
      best = CANDIDATE_DELIMITERS[i];
      bestShare = s.share;
      bestFields = s.modeFields;
    }
  });
  return best;
}

function score(records: string[][]): { firstFields: number; modeFields: number; share: number } {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let modeFields = 0;
  let modeRecords = 0;
  for (const [fields, n] of counts) {
    if (n > modeRecords || (n === modeRecords && fields > modeFields)) {
      modeFields = fields;
      modeRecords = n;
    }
  }
  return { firstFields: records[0]?.length ?? 0, modeFields, share: records.length ? modeRecords / records.length : 0 };
}

/**
 * A first row is data, not names, when every column that has a type below (number, date...)
 * also fits it on the first row: "1,2,3 / 4,5,6" has no header, "a,b / 1,2" has one. With
 * nothing typed to compare against (all text), assume a header, as Excel does.
 */
export function looksLikeHeader(records: string[][], cells: CellClassifier): boolean {
  if (records.length === 0) return true;
  const [first, ...rest] = records;
  if (rest.length === 0) {
    return first.every((v) => isMissing(v, 0, v.length) || cells.classify(v, 0, v.length) === 0);
  }
  let typed = 0;
  let fitting = 0;
  for (let c = 0; c < first.length; c++) {
    let mask = CELL_ANY;
    let values = 0;
    for (const r of rest) {
      const v = r[c] ?? "";
      if (isMissing(v, 0, v.length)) continue;
      values++;
      mask &= cells.classify(v, 0, v.length);
      if (mask === 0) break;
    }
    if (values === 0 || mask === 0) continue;
    typed++;
    const h = first[c];
    if (isMissing(h, 0, h.length)) {
      fitting++;
      continue;
    }
    if ((cells.classify(h, 0, h.length) & mask) !== 0) fitting++;
  }
  return typed === 0 || fitting < typed;
}
