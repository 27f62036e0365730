/**
 * Excel's naming rules for sheets, tables and defined names, checked before a sync so the
 * user gets a sentence instead of Excel's "InvalidArgument" after the request went out.
 */
import { WorkbookError } from "./errors";

const SHEET_FORBIDDEN = /[:\\/?*[\]]/;

/** Why `name` cannot be a sheet name, or null if it can. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "A sheet name cannot be blank.";
  if (name.length > 31) return `Sheet names have at most 31 characters ("${name}" has ${name.length}).`;
  if (SHEET_FORBIDDEN.test(name)) return `A sheet name cannot contain : \\ / ? * [ or ] ("${name}").`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `A sheet name cannot begin or end with an apostrophe ("${name}").`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel.`;
  return null;
}

export function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) throw new WorkbookError("invalidArgument", problem);
}

/** Excel compares sheet, table and defined names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

const NAME_CHARS = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const LOOKS_LIKE_A1 = /^[A-Za-z]{1,3}\d+$/;
const LOOKS_LIKE_R1C1 = /^[Rr]\d*([Cc]\d*)?$|^[Cc]\d*$/;

/** Why `name` cannot be a table or defined name (they share one namespace), or null. */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0) return "A name cannot be blank.";
  if (name.length > 255) return `Names have at most 255 characters.`;
  if (!NAME_CHARS.test(name)) {
    return `"${name}" is not a valid name: start with a letter or _, then letters, digits, _ or . (no spaces).`;
  }
  if (LOOKS_LIKE_A1.test(name) || LOOKS_LIKE_R1C1.test(name)) return `"${name}" looks like a cell reference.`;
  return null;
}

export function checkDefinedName(name: string): void {
  const problem = definedNameProblem(name);
  if (problem) throw new WorkbookError("invalidArgument", problem);
}
