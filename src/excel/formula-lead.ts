/**
 * Excel reads a string written as a value (`Range.values`, or typed) as if the user typed it:
 * a leading = + - or @ makes it a formula (a DDE payload such as `=cmd|' /C calc'!A0` would run
 * as one), and a leading tab or carriage return is how CSV-injection payloads hide that lead.
 * Every writer (CSV import, scenario sheets, the preview) asks this one predicate; a cell it
 * accepts must get the text number format "@" before its value is written, or be refused.
 */
export const FORMULA_LEADS = ["=", "+", "-", "@", "\t", "\r"] as const;

/**
 * True when a text starting with this UTF-16 code is formula-like. Char codes, not
 * FORMULA_LEADS.includes: the import asks this for every text cell.
 */
export function isFormulaLeadCode(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** True when `value` is text Excel would read as a formula (or strip a control lead from). */
export function isFormulaLike(value: unknown): boolean {
  return typeof value === "string" && value.length > 0 && isFormulaLeadCode(value.charCodeAt(0));
}

/**
 * The formula Excel makes of a text typed, or written as a value, into a cell not formatted as
 * text: "=…" as it stands, "+…" and "-…" with "=" put before them, "@…" as "=…" (a number such
 * as "-5" is read as a number first). Null when the text is a constant. Every text this turns
 * into a formula is one isFormulaLike flags.
 */
export function typedFormula(text: string): string | null {
  if (text.length < 2) return null;
  if (text[0] === "=") return text;
  if (text[0] === "+" || text[0] === "-") return `=${text}`;
  if (text[0] === "@") return `=${text.slice(1)}`;
  return null;
}
