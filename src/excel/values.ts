/**
 * The shapes of cell values, as Office.js and RARE's hosts hold them.
 */

/** A constant cell value. In Office.js writes, `null` means "leave this cell unchanged"; in reads, an empty cell. */
export type CellValue = string | number | boolean | null;

/** The error values a sheet can show (Excel's list, plus "#ERROR!" for a formula that cannot be read). */
export type ExcelErrorCode = "#N/A" | "#VALUE!" | "#NUM!" | "#REF!" | "#NAME?" | "#DIV/0!" | "#NULL!" | "#ERROR!";

/** A formula's error result, e.g. { error: "#N/A", message: "No sourced figure for Tb" }. */
export interface ErrorValue {
  readonly error: ExcelErrorCode;
  readonly message?: string;
}

/** What a formula cell evaluates to. */
export type ComputedValue = CellValue | ErrorValue;

export function isErrorValue(value: unknown): value is ErrorValue {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { error?: unknown }).error === "string"
  );
}

/**
 * An entity value (a data type) by its documented shape, `{ type: "Entity", text, properties }`
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-concepts#entity-values);
 * its cell shows `text`.
 */
export function isEntityValue(value: unknown): value is { type: "Entity"; text: string; properties?: object } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "Entity" &&
    typeof (value as { text?: unknown }).text === "string"
  );
}
