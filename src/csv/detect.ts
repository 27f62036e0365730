/**
 * Column types from classification bits, and the user's choices applied. The types and their
 * order come from the registry (types/registry.ts).
 */
import type { DateOrder } from "./dates";
import type { ColumnChoice, CsvOptions } from "./options";
import { underConvention } from "./types/bits";
import { COLUMN_TYPES, type ColumnType, TYPE_NAMES } from "./types/registry";

export interface ResolvedType {
  type: ColumnType;
  /** Date columns: how d/m/y-looking values are read. */
  dateOrder?: DateOrder;
  /** Date columns: every value fitted both orders, so `dateOrder` is a default, not a finding. */
  dateOrderAmbiguous: boolean;
  /** How the column's numbers are read: "." decimal point, "," decimal comma. */
  decimalSeparator: "." | ",";
}

/**
 * mask: AND of the bits of a column's non-missing cells; seen: whether it had any; the
 * column's decimal convention picks which number bits count.
 */
export function resolveType(
  mask: number,
  seen: boolean,
  order: CsvOptions["dateOrder"] = "auto",
  decimalSeparator: "." | "," = ".",
): ResolvedType {
  const text: ResolvedType = { type: "text", dateOrderAmbiguous: false, decimalSeparator };
  if (!seen || mask === 0) return text;
  const bits = underConvention(mask, decimalSeparator === ",");
  for (const type of TYPE_NAMES) {
    const found = COLUMN_TYPES[type].detect(bits, order);
    if (found)
      return {
        type,
        ...(found.dateOrder ? { dateOrder: found.dateOrder } : {}),
        dateOrderAmbiguous: found.dateOrderAmbiguous ?? false,
        decimalSeparator,
      };
  }
  return text;
}

/** An override as given in options.columns, normalised; null when the column is detected. */
export function columnChoice(options: CsvOptions, index: number): ColumnChoice | null {
  const c = options.columns?.[index];
  if (c == null) return null;
  return typeof c === "string" ? { type: c } : c;
}

/** The detected type unless the user chose one; a chosen date column keeps the detected order if none was given. */
export function applyChoice(
  detected: ResolvedType,
  choice: ColumnChoice | null,
  order: CsvOptions["dateOrder"],
): ResolvedType {
  if (!choice) return detected;
  const decimalSeparator = detected.decimalSeparator;
  if (choice.type !== "date") return { type: choice.type, dateOrderAmbiguous: false, decimalSeparator };
  const dateOrder = choice.dateOrder ?? detected.dateOrder ?? (order === "dmy" ? "dmy" : "mdy");
  return {
    type: "date",
    dateOrder,
    dateOrderAmbiguous: !choice.dateOrder && detected.dateOrderAmbiguous,
    decimalSeparator,
  };
}
