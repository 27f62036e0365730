/**
 * The shapes of cell values, as Office.js and RARE's hosts hold them.
 */

/** A constant cell value. In Office.js writes, `null` means "leave this cell unchanged"; in reads, an empty cell. */
export type CellValue = string | number | boolean | null;

/** The error values a sheet can show (Excel's list, plus "#ERROR!" for a formula that cannot be read). */
export type ExcelErrorCode =
  "#N/A" | "#VALUE!" | "#NUM!" | "#REF!" | "#NAME?" | "#DIV/0!" | "#NULL!" | "#SPILL!" | "#ERROR!";

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
 * An entity a formula returned (Excel.EntityCellValue in @types/office-js, ExcelApi 1.16):
 * a cell shows its `text`; its `properties`, card `layouts` and `provider` are data the
 * host draws as a card. Only the shape's tag and text are relied on here; the preview's
 * card reads the rest as Excel documents it.
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 */
export interface EntityValue {
  readonly type: "Entity";
  readonly text?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly layouts?: unknown;
  readonly provider?: unknown;
}

export function isEntityValue(value: unknown): value is EntityValue {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { type?: unknown }).type === "Entity"
  );
}

/** What one cell of a formula's result can be: a value, an error or an entity. */
export type ResultValue = ComputedValue | EntityValue;
