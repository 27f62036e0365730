/**
 * Excel's structured references to tables, as far as the preview needs them: a formula's
 * `Table1[Value]`, `Table1[[Value]]`, `Table1[#Data]`, `Table1[#All]`, `Table1[#Headers]`
 * and the bare name `Table1` (its data rows) become the block they stand for, so a formula
 * engine that knows only A1 references computes what Excel computes. Excel's rules
 * ("Using structured references with Excel tables", Microsoft Support,
 * https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e):
 * the table name alone refers to the data rows, without the header and totals rows; a
 * column specifier refers to that column's data; #All is the whole table, #Data the data
 * rows, #Headers the header row; column names match in any case. Forms the preview does
 * not expand (`[#This Row]`, `@`, column ranges) are left as written, so they fail visibly
 * in the preview rather than compute something else.
 */
import { rectAddress, type ZeroBasedRect } from "./a1";
import { sameName } from "./naming-rules";

export interface TableRef {
  readonly name: string;
  readonly sheet: string;
  /** Header row (when shown) and data rows. */
  readonly rect: ZeroBasedRect;
  readonly hasHeaders: boolean;
  readonly headers: readonly string[];
}

/** The data rows of a table: its block without the header row. */
export function dataBody(t: Pick<TableRef, "rect" | "hasHeaders">): ZeroBasedRect {
  const header = t.hasHeaders ? 1 : 0;
  return { ...t.rect, row: t.rect.row + header, rows: Math.max(0, t.rect.rows - header) };
}

/** The block a specifier (the text between the outer brackets) names, or null if not understood. */
export function specifierRect(table: TableRef, specifier: string): ZeroBasedRect | null {
  const body = dataBody(table);
  const inner = specifier.trim().replace(/^\[(.*)\]$/s, "$1");
  if (inner === "" || /^#data$/i.test(inner)) return body;
  if (/^#all$/i.test(inner)) return table.rect;
  if (/^#headers$/i.test(inner)) return table.hasHeaders ? { ...table.rect, rows: 1 } : null;
  if (/[[\]#@,:]/.test(inner.replace(/'./g, ""))) return null;
  // Excel escapes [ ] # ' in a column name with a leading apostrophe.
  const column = inner.replace(/'(.)/g, "$1");
  const index = table.headers.findIndex((h) => sameName(h, column));
  return index < 0 ? null : { ...body, col: body.col + index, cols: 1 };
}

const quoteSheet = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;
const NAME_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

/**
 * `formula` with every structured reference to a known table, and every bare table name,
 * replaced by its sheet-qualified absolute block ("'Data'!$B$2:$B$9"). Text in double quotes
 * and sheet names in single quotes are left alone.
 */
export function expandStructuredRefs(formula: string, tables: readonly TableRef[]): string {
  if (!tables.length) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    if (!NAME_START.test(ch) || (prev && (NAME_PART.test(prev) || prev === "!" || prev === "$"))) {
      out += ch;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < formula.length && NAME_PART.test(formula[j])) j++;
    const name = formula.slice(i, j);
    const table = tables.find((t) => sameName(t.name, name));
    // A function call (NAME followed by "(") or a sheet prefix (NAME!) is not a table reference.
    if (!table || formula[j] === "(" || formula[j] === "!") {
      out += name;
      i = j;
      continue;
    }
    let rect: ZeroBasedRect | null = dataBody(table);
    let end = j;
    if (formula[j] === "[") {
      end = closingBracket(formula, j);
      rect = end < 0 ? null : specifierRect(table, formula.slice(j + 1, end));
      end = end < 0 ? formula.length : end + 1;
    }
    if (!rect || rect.rows === 0) {
      out += formula.slice(i, end);
    } else {
      out += `${quoteSheet(table.sheet)}!${absolute(rectAddress(rect))}`;
    }
    i = end;
  }
  return out;
}

const absolute = (address: string): string =>
  address
    .split(":")
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");

/** Index of the bracket closing the one at `open`, nested brackets and ' escapes counted; -1 if none. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === "'") {
      k++;
      continue;
    }
    if (text[k] === "[") depth++;
    else if (text[k] === "]" && --depth === 0) return k;
  }
  return -1;
}
