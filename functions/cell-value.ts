/**
 * What one argument cell holds. Excel hands custom functions plain values (text, number,
 * logical, null or "" for an empty cell) and, because the metadata sets
 * allowCustomDataForDataTypeAny, rich values as the JSON objects of Excel.CellValue
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts).
 * With allowErrorForDataTypeAny an error cell arrives as an error value instead of Excel
 * skipping the call (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 * Each rich value is read by its documented shape, so the coercions only see plain values.
 */
import { invalidValue } from "../src/data/errors";
import { incomingError, isExcelError, type ExcelError } from "./excel-error";

/** A plain value, or the error an input cell holds. */
export type ArgumentValue = string | number | boolean | null | ExcelError;

const REFUSED: Partial<Record<`${Excel.CellValueType}`, string>> = {
  WebImage: "an image",
  Array: "an array",
  Reference: "a reference",
  Function: "a function",
};

/** An empty cell: Excel passes null (or "" from some hosts); whitespace is text, not blank. */
export const isBlankCell = (v: unknown): boolean => v === null || v === undefined || v === "";

/** Reads one argument cell; refuses rich values with no text or number to read, naming the argument. */
export function readCell(v: unknown, name: string): ArgumentValue {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object") return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
  if (isExcelError(v)) return v;
  const rich = v as Partial<Excel.CellValue> & { type?: unknown };
  switch (rich.type) {
    case "Entity":
    case "LinkedEntity": {
      const text = (rich as Excel.EntityCellValue | Excel.LinkedEntityCellValue).text;
      if (typeof text === "string" && text.trim() !== "") return text;
      throw invalidValue(`${name} is a data type with no text to read as a name.`);
    }
    case "String":
    case "Double":
    case "FormattedNumber":
    case "Boolean":
    case "Empty":
    case "NotAvailable": {
      const basic = (rich as { basicValue?: unknown }).basicValue;
      if (basic === undefined || basic === null || basic === "") return null;
      if (typeof basic === "string" || typeof basic === "number" || typeof basic === "boolean") return basic;
      break;
    }
    case "Error": {
      const basic = (rich as Excel.ErrorCellValue).basicValue;
      return incomingError(typeof basic === "string" && basic.startsWith("#") ? basic : "#VALUE!");
    }
  }
  const what = typeof rich.type === "string" ? REFUSED[rich.type as `${Excel.CellValueType}`] : undefined;
  throw invalidValue(`${name} must be text or a number, not ${what ?? "a value of another type"}.`);
}
