/**
 * Serials for a workbook's own date system. The CSV reader produces 1900-system serials
 * (serial 1 = 1900-01-01). A workbook using the 1904 date system counts from 1904-01-01
 * (serial 0), 1,462 days later, so the same serial shows a date four years and a day later
 * ("Date systems in Excel",
 * https://support.microsoft.com/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487).
 * Dates before 1904-01-01 have no serial there and are written as text.
 */
import { serialToDate } from "./format-display";
import type { ImportData } from "./write-plan";
import type { CellValue } from "../excel/values";
import type { DateSystem } from "./workbook";

export const DAYS_1900_TO_1904 = 1462;

/** True for a number format that shows a date: a d or y code outside quoted text and [..]. */
export function isDateFormat(format: string): boolean {
  const codes = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(codes);
}

function isoText(serial1900: number): string {
  const p = serialToDate(serial1900);
  if (!p) return String(serial1900);
  return `${String(p.y).padStart(4, "0")}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
}

export interface DateSystemResult {
  readonly data: ImportData;
  /** Date cells before 1904-01-01, written as text in a 1904 workbook. */
  readonly asText: number;
}

/** The import with its date cells in `system`; the same object when nothing changes. */
export function inDateSystem(data: ImportData, system: DateSystem): DateSystemResult {
  const dateColumns = data.columnFormats.flatMap((f, i) => (isDateFormat(f) ? [i] : []));
  if (system === 1900 || dateColumns.length === 0) return { data, asText: 0 };
  const textCells: [number, number][] = (data.textCells ?? []).map(([r, c]) => [r, c]);
  let asText = 0;
  const rows = data.rows.map((row, r) => {
    let copy: CellValue[] | null = null;
    for (const c of dateColumns) {
      const v = row[c];
      if (typeof v !== "number") continue;
      copy ??= [...row];
      if (v >= DAYS_1900_TO_1904) copy[c] = v - DAYS_1900_TO_1904;
      else {
        copy[c] = isoText(v);
        textCells.push([r, c]);
        asText++;
      }
    }
    return copy ?? row;
  });
  return { data: { ...data, rows, textCells }, asText };
}
