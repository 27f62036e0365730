/** Number format codes with a meaning of their own to Excel. */

/** Text: Excel stores a string written into the cell exactly as given (no formula, no number). */
export const TEXT_FORMAT = "@";

/** Formats that leave a cell as Excel would have it anyway: no need to send them. */
export function isGeneralFormat(format: string | null | undefined): boolean {
  return format === undefined || format === null || format === "" || format.toLowerCase() === "general";
}
