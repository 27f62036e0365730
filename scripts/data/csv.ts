import Papa from "papaparse";
import { Problems } from "./problems";

/**
 * CSV reading for the seed files as they are: UTF-8 BOM, CRLF, quoted "7,900", runs of
 * trailing empty header columns and blank `,,,` rows (USGS MCS2024 world file). Each row
 * keeps its physical line number so validation can point at `file:line`.
 */
export interface CsvRow {
  line: number;
  /** Cells by header name, text normalised by `cleanText`. */
  cells: Record<string, string>;
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

/** Unicode spaces (NBSP U+00A0 in the USGS notes, thin/ideographic spaces) become plain spaces. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, " ").trim();
}

export function parseCsv(file: string, text: string, problems: Problems): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const records: { line: number; fields: string[] }[] = [];
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    step: (result) => {
      const line = lineOf(rowStart);
      rowStart = result.meta.cursor;
      for (const error of result.errors) problems.add(file, line, `CSV: ${error.message}`);
      records.push({ line, fields: result.data });
    },
  });

  const isBlank = (fields: string[]): boolean => fields.every((f) => cleanText(f) === "");
  const headerIndex = records.findIndex((r) => !isBlank(r.fields));
  if (headerIndex < 0) {
    problems.add(file, null, "no header row");
    return { file, header: [], rows: [] };
  }
  const header = records[headerIndex].fields.map(cleanText);
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== "" && seen.has(name)) problems.add(file, records[headerIndex].line, `duplicate column "${name}"`);
    seen.add(name);
  }

  const rows: CsvRow[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlank(record.fields)) continue;
    const cells: Record<string, string> = {};
    record.fields.forEach((value, i) => {
      const name = header[i];
      const cell = cleanText(value);
      if (name === undefined || name === "") {
        if (cell !== "") problems.add(file, record.line, `value "${cell}" in column ${i + 1}, which has no header`);
        return;
      }
      cells[name] = cell;
    });
    rows.push({ line: record.line, cells });
  }
  return { file, header: header.filter((h) => h !== ""), rows };
}

/** Checks that each named column exists; reports the header line otherwise. */
export function requireColumns(table: CsvTable, columns: string[], problems: Problems): boolean {
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length > 0) problems.add(table.file, 1, `missing column(s): ${missing.join(", ")}`);
  return missing.length === 0;
}
