/**
 * An import's recipe: how a file was read (encoding, delimiter, header, skipped rows, decimal
 * separator, date order, each column's type), so the next month's file can be read the same
 * way (Re-import). A recipe is plain JSON stored in the workbook; `readRecipe` checks what
 * comes back field by field and copies only known fields, so a damaged or hand-edited value
 * is refused with a sentence, never used half-read.
 */
import type { DateOrder } from "./dates";
import type { Encoding } from "./decode";
import type { ColumnChoice, CsvOptions } from "./options";
import type { Analysis } from "./results";
import { TYPE_NAMES, type ColumnType } from "./types/registry";

export interface RecipeColumn {
  /** The header as the file had it ("" when blank or when there was no header row). */
  readonly name: string;
  readonly type: ColumnType;
  readonly dateOrder?: DateOrder;
  readonly decimalSeparator: "." | ",";
}

export interface ImportRecipe {
  readonly fileName: string;
  readonly encoding: Encoding;
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly skipRows: number;
  /** The file-wide choice; each column also keeps the separator it was read with. */
  readonly decimalSeparator: "auto" | "." | ",";
  readonly dateOrder: "auto" | DateOrder;
  readonly ragged: "pad" | "skip";
  readonly columns: readonly RecipeColumn[];
}

const ENCODINGS: readonly Encoding[] = ["utf-8", "utf-16le", "utf-16be", "windows-1252"];
const MAX_SKIP_ROWS = 1000;

/** The recipe of an import read with `options` and the column choices of `analysis` (types as chosen). */
export function recipeOf(
  fileName: string,
  analysis: Analysis,
  options: CsvOptions,
  types: readonly ColumnType[],
): ImportRecipe {
  return {
    fileName,
    encoding: analysis.encoding ?? "utf-8",
    delimiter: analysis.delimiter,
    hasHeader: analysis.hasHeader,
    skipRows: options.skipRows ?? 0,
    decimalSeparator: options.decimalSeparator ?? "auto",
    dateOrder: options.dateOrder ?? "auto",
    ragged: options.ragged ?? "pad",
    columns: analysis.columns.map((c, i) => ({
      name: c.name,
      type: types[i] ?? c.type,
      ...(c.dateOrder ? { dateOrder: c.dateOrder } : {}),
      decimalSeparator: c.decimalSeparator,
    })),
  };
}

/** The options that read a new file as the recipe says: every choice fixed, nothing detected. */
export function recipeOptions(recipe: ImportRecipe): CsvOptions {
  return {
    encoding: recipe.encoding,
    delimiter: recipe.delimiter,
    hasHeader: recipe.hasHeader,
    skipRows: recipe.skipRows,
    ...(recipe.decimalSeparator === "auto" ? {} : { decimalSeparator: recipe.decimalSeparator }),
    dateOrder: recipe.dateOrder,
    ragged: recipe.ragged,
    columns: recipe.columns.map((c): ColumnChoice => ({
      type: c.type,
      decimalSeparator: c.decimalSeparator,
      ...(c.dateOrder ? { dateOrder: c.dateOrder } : {}),
    })),
  };
}

/** Column differences between the recipe and a new file read with it, one sentence each; none: same columns. */
export function columnChanges(recipe: ImportRecipe, headers: readonly string[]): string[] {
  const changes: string[] = [];
  const was = recipe.columns.length;
  if (headers.length !== was)
    changes.push(
      `The file has ${headers.length} ${headers.length === 1 ? "column" : "columns"}; the recipe has ${was}.`,
    );
  const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase();
  const n = Math.min(headers.length, was);
  for (let i = 0; i < n; i++) {
    if (norm(headers[i]) !== norm(recipe.columns[i].name))
      changes.push(`Column ${i + 1} is "${headers[i]}"; the recipe has "${recipe.columns[i].name}".`);
  }
  return changes;
}

type Json = unknown;
const isRecord = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: Record<string, Json>, key: string): Json =>
  Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
const oneOf = <T extends string>(v: Json, allowed: readonly T[]): v is T =>
  typeof v === "string" && (allowed as readonly string[]).includes(v);

function readColumn(v: Json, at: string): RecipeColumn | string {
  if (!isRecord(v)) return `${at} is not a column`;
  const name = own(v, "name");
  if (typeof name !== "string") return `${at}.name is not text`;
  const type = own(v, "type");
  if (!oneOf(type, TYPE_NAMES)) return `${at}.type is not one of ${TYPE_NAMES.join(", ")}`;
  const decimal = own(v, "decimalSeparator");
  if (!oneOf(decimal, [".", ","] as const)) return `${at}.decimalSeparator is not "." or ","`;
  const dateOrder = own(v, "dateOrder");
  if (dateOrder !== undefined && !oneOf(dateOrder, ["dmy", "mdy"] as const))
    return `${at}.dateOrder is not "dmy" or "mdy"`;
  return { name, type, decimalSeparator: decimal, ...(dateOrder ? { dateOrder } : {}) };
}

/** A recipe from stored JSON (already parsed), or a sentence saying what is wrong with it. */
export function readRecipe(v: Json, at = "recipe"): ImportRecipe | string {
  if (!isRecord(v)) return `${at} is not an object`;
  const fileName = own(v, "fileName");
  if (typeof fileName !== "string") return `${at}.fileName is not text`;
  const encoding = own(v, "encoding");
  if (!oneOf(encoding, ENCODINGS)) return `${at}.encoding is not one of ${ENCODINGS.join(", ")}`;
  const delimiter = own(v, "delimiter");
  if (typeof delimiter !== "string" || [...delimiter].length !== 1 || /["\r\n]/.test(delimiter))
    return `${at}.delimiter is not one character`;
  const hasHeader = own(v, "hasHeader");
  if (typeof hasHeader !== "boolean") return `${at}.hasHeader is not true/false`;
  const skipRows = own(v, "skipRows");
  if (typeof skipRows !== "number" || !Number.isInteger(skipRows) || skipRows < 0 || skipRows > MAX_SKIP_ROWS)
    return `${at}.skipRows is not a whole number from 0 to ${MAX_SKIP_ROWS}`;
  const decimalSeparator = own(v, "decimalSeparator");
  if (!oneOf(decimalSeparator, ["auto", ".", ","] as const)) return `${at}.decimalSeparator is not "auto", "." or ","`;
  const dateOrder = own(v, "dateOrder");
  if (!oneOf(dateOrder, ["auto", "dmy", "mdy"] as const)) return `${at}.dateOrder is not "auto", "dmy" or "mdy"`;
  const ragged = own(v, "ragged");
  if (!oneOf(ragged, ["pad", "skip"] as const)) return `${at}.ragged is not "pad" or "skip"`;
  const list = own(v, "columns");
  if (!Array.isArray(list) || list.length === 0) return `${at}.columns is not a list of columns`;
  const columns: RecipeColumn[] = [];
  for (const [i, item] of list.entries()) {
    const c = readColumn(item, `${at}.columns[${i}]`);
    if (typeof c === "string") return c;
    columns.push(c);
  }
  return { fileName, encoding, delimiter, hasHeader, skipRows, decimalSeparator, dateOrder, ragged, columns };
}
