/**
 * Excel's rules for sheet names and for table and defined names, checked before anything is
 * written so the user gets a sentence instead of Excel's "InvalidArgument" after the request.
 * Sources: Excel's "Rename a worksheet" (31 characters, none of : \ / ? * [ ], no apostrophe
 * at either end, "History" reserved) and "Names in formulas" (255 characters; a letter, "_"
 * or "\" first; no spaces; not a cell reference).
 */

export const SHEET_NAME_MAX_LENGTH = 31;
/** Characters a sheet name cannot contain. */
export const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;
const SHEET_NAME_FORBIDDEN_ALL = new RegExp(SHEET_NAME_FORBIDDEN.source, "g");

/** `text` with each character a sheet name cannot contain replaced by `replacement`. */
export function replaceForbiddenSheetChars(text: string, replacement: string): string {
  return text.replace(SHEET_NAME_FORBIDDEN_ALL, replacement);
}

/** Excel keeps "History" for its change-tracking sheet. */
export const RESERVED_SHEET_NAME = "History";

/** Why `name` cannot be a sheet name, or null if it can. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "A sheet name must not be blank.";
  if (name.length > SHEET_NAME_MAX_LENGTH)
    return `Sheet name "${name}" is longer than ${SHEET_NAME_MAX_LENGTH} characters (it has ${name.length}).`;
  if (SHEET_NAME_FORBIDDEN.test(name))
    return `Sheet name "${name}" contains one of : \\ / ? * [ ], which a sheet name cannot contain.`;
  if (name.startsWith("'") || name.endsWith("'")) return `Sheet name "${name}" cannot begin or end with an apostrophe.`;
  if (sameName(name, RESERVED_SHEET_NAME)) return `"${RESERVED_SHEET_NAME}" is reserved by Excel.`;
  return null;
}

/** Excel compares sheet, table and defined names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

const NAME_CHARS = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const LOOKS_LIKE_A1 = /^[A-Za-z]{1,3}\d+$/;
const LOOKS_LIKE_R1C1 = /^[Rr]\d*([Cc]\d*)?$|^[Cc]\d*$/;
const DEFINED_NAME_MAX_LENGTH = 255;

/** Why `name` cannot be a table or defined name (they share one namespace), or null. */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0) return "A name cannot be blank.";
  if (name.length > DEFINED_NAME_MAX_LENGTH) return `Names have at most ${DEFINED_NAME_MAX_LENGTH} characters.`;
  if (!NAME_CHARS.test(name)) {
    return `"${name}" is not a valid name: start with a letter or _, then letters, digits, _ or . (no spaces).`;
  }
  if (LOOKS_LIKE_A1.test(name) || LOOKS_LIKE_R1C1.test(name)) return `"${name}" looks like a cell reference.`;
  return null;
}
