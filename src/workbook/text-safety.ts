/**
 * Excel reads a string written through `Range.values` as if the user typed it: a leading
 * = + - or @ makes it a formula (and a DDE payload such as `=cmd|' /C calc'!A0` would run
 * as one), a leading tab or carriage return is how CSV-injection payloads hide that lead
 * character. Such a cell must get number format "@" (text) BEFORE its value is written;
 * then Excel stores the string exactly as given.
 */
const FORMULA_LEAD = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function isFormulaLike(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && FORMULA_LEAD.has(value[0]);
}

export const TEXT_FORMAT = "@";

/** Formats that leave a cell as Excel would have it anyway: no need to send them. */
export function isGeneralFormat(format: string | null | undefined): boolean {
  return format === undefined || format === null || format === "" || format.toLowerCase() === "general";
}
