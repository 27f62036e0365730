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
import { choice, memberOf, optional, readFields, rule, text, type Json } from "./stored-fields";
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

/** What each stored field must be, in the order they are checked. */
const COLUMN_RULES = {
  name: text,
  type: memberOf(TYPE_NAMES),
  decimalSeparator: choice([".", ","] as const),
  dateOrder: optional(choice(["dmy", "mdy"] as const)),
};

const RECIPE_RULES = {
  fileName: text,
  encoding: memberOf(ENCODINGS),
  delimiter: rule(
    (v): v is string => typeof v === "string" && [...v].length === 1 && !/["\r\n]/.test(v),
    "one character",
  ),
  hasHeader: rule((v): v is boolean => typeof v === "boolean", "true/false"),
  skipRows: rule(
    (v): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_SKIP_ROWS,
    `a whole number from 0 to ${MAX_SKIP_ROWS}`,
  ),
  decimalSeparator: choice(["auto", ".", ","] as const),
  dateOrder: choice(["auto", "dmy", "mdy"] as const),
  ragged: choice(["pad", "skip"] as const),
  columns: rule((v): v is Json[] => Array.isArray(v) && v.length > 0, "a list of columns"),
};

/** A recipe from stored JSON (already parsed), or a sentence saying what is wrong with it. */
export function readRecipe(v: Json, at = "recipe"): ImportRecipe | string {
  const fields = readFields(v, at, "an object", RECIPE_RULES);
  if (typeof fields === "string") return fields;
  const columns: RecipeColumn[] = [];
  for (const [i, item] of fields.columns.entries()) {
    const c = readFields(item, `${at}.columns[${i}]`, "a column", COLUMN_RULES);
    if (typeof c === "string") return c;
    columns.push(c);
  }
  return { ...fields, columns };
}
