/**
 * Column types from classification bits, and the Excel number format each type writes with.
 * Number formats are en-US codes (Range.numberFormat); Excel shows them in the user's locale.
 */
import { CELL_BOOLEAN, CELL_DATE_DMY, CELL_DATE_ISO, CELL_DATE_MDY, CELL_NUMBER, CELL_PERCENT } from "./cells";
import type { DateOrder } from "./dates";
import type { ColumnChoice, ColumnType, CsvOptions } from "./options";

export interface ResolvedType {
  type: ColumnType;
  /** Date columns: how d/m/y-looking values are read. */
  dateOrder?: DateOrder;
  /** Date columns: every value fitted both orders, so `dateOrder` is a default, not a finding. */
  dateOrderAmbiguous: boolean;
}

/**
 * mask: AND of the bits of a column's non-missing cells; seen: whether it had any.
 * Priority is moot for numbers, percents and booleans (their bits exclude each other);
 * dates need every value to fit one order (ISO values fit both).
 */
export function resolveType(mask: number, seen: boolean, order: CsvOptions["dateOrder"] = "auto"): ResolvedType {
  const text: ResolvedType = { type: "text", dateOrderAmbiguous: false };
  if (!seen || mask === 0) return text;
  if (mask & CELL_NUMBER) return { type: "number", dateOrderAmbiguous: false };
  if (mask & CELL_PERCENT) return { type: "percent", dateOrderAmbiguous: false };
  if (mask & CELL_BOOLEAN) return { type: "boolean", dateOrderAmbiguous: false };
  const dmy = (mask & CELL_DATE_DMY) !== 0;
  const mdy = (mask & CELL_DATE_MDY) !== 0;
  const allIso = (mask & CELL_DATE_ISO) !== 0;
  if (order === "dmy" || order === "mdy") {
    return (order === "dmy" ? dmy : mdy) ? { type: "date", dateOrder: order, dateOrderAmbiguous: false } : text;
  }
  if (dmy && mdy) return { type: "date", dateOrder: "mdy", dateOrderAmbiguous: !allIso };
  if (dmy) return { type: "date", dateOrder: "dmy", dateOrderAmbiguous: false };
  if (mdy) return { type: "date", dateOrder: "mdy", dateOrderAmbiguous: false };
  return text;
}

/** An override as given in options.columns, normalised; null when the column is detected. */
export function columnChoice(options: CsvOptions, index: number): ColumnChoice | null {
  const c = options.columns?.[index];
  if (c == null) return null;
  return typeof c === "string" ? { type: c } : { type: c.type, dateOrder: c.dateOrder };
}

/** The detected type unless the user chose one; a chosen date column keeps the detected order if none was given. */
export function applyChoice(
  detected: ResolvedType,
  choice: ColumnChoice | null,
  order: CsvOptions["dateOrder"],
): ResolvedType {
  if (!choice) return detected;
  if (choice.type !== "date") return { type: choice.type, dateOrderAmbiguous: false };
  const dateOrder = choice.dateOrder ?? detected.dateOrder ?? (order === "dmy" ? "dmy" : "mdy");
  return { type: "date", dateOrder, dateOrderAmbiguous: !choice.dateOrder && detected.dateOrderAmbiguous };
}

const MAX_FORMAT_DECIMALS = 10;

/**
 * Number columns: "General" (Excel shows the value as typed) unless the file wrote thousand
 * separators, then "#,##0" with as many decimals as the longest value, so "7,900" still reads 7,900.
 * Percents: "0%" with the longest value's decimals ("12.5%" → "0.0%"). Dates: "yyyy-mm-dd".
 */
export function numberFormat(type: ColumnType, decimals: number, grouped: boolean): string {
  const d = Math.min(decimals, MAX_FORMAT_DECIMALS);
  const fraction = d > 0 ? "." + "0".repeat(d) : "";
  switch (type) {
    case "text":
      return "@";
    case "number":
      return grouped ? `#,##0${fraction}` : "General";
    case "percent":
      return `0${fraction}%`;
    case "date":
      return "yyyy-mm-dd";
    case "boolean":
      return "General";
  }
}
