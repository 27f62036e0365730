/**
 * The recipes of the imports in this workbook, one per imported table, stored in the
 * workbook's add-in data (as the overrides and scenario manifests are) so Re-import works
 * after the file is reopened. What is read back is checked entry by entry: a damaged entry is
 * left out with a sentence, never a failure, so the pane always starts. The recipes share
 * the quarter megabyte the overrides leave free in the settings, so they keep to a small
 * budget of their own; past it a recipe is not stored and the import says so.
 */
import { readRecipe, type ImportRecipe } from "../src/csv/recipe";
import { sameName } from "../src/excel/naming-rules";
import { addinDataBytes, megabytes } from "../src/workbook/addin-data";
import type { Workbook } from "../src/workbook/workbook";

export const RECIPES_KEY = "rare.importRecipes";
/** A recipe is well under 1 kB for a file of a dozen columns; 64 kB holds dozens of imports. */
export const RECIPES_BUDGET_BYTES = 64 * 1024;

export interface TableRecipe {
  /** The table the import wrote; Re-import replaces its rows. */
  readonly table: string;
  readonly sheet: string;
  /** YYYY-MM-DD of the last import or re-import. */
  readonly importedAt: string;
  readonly recipe: ImportRecipe;
}

export interface RecipesRead {
  readonly recipes: TableRecipe[];
  /** One sentence per entry left out. */
  readonly notices: string[];
}

interface Stored {
  format: "rare-import-recipes";
  version: 1;
  tables: TableRecipe[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Recipes from the stored text (null: none stored). */
export function parseRecipes(text: string | null): RecipesRead {
  if (text === null || text === "") return { recipes: [], notices: [] };
  const whole = (why: string): RecipesRead => ({
    recipes: [],
    notices: [
      `The stored import recipes (setting "${RECIPES_KEY}") were ignored: ${why}. Re-import is not offered until a table is imported again.`,
    ],
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return whole("they are not valid JSON");
  }
  if (!isRecord(value) || value.format !== "rare-import-recipes" || value.version !== 1)
    return whole("they are not RARE import recipes version 1");
  if (!Array.isArray(value.tables)) return whole("tables is not a list");
  const recipes: TableRecipe[] = [];
  const notices: string[] = [];
  value.tables.forEach((item: unknown, i: number) => {
    const at = `tables[${i}]`;
    const problem = (why: string) => notices.push(`A stored import recipe was ignored: ${why}.`);
    if (!isRecord(item)) return problem(`${at} is not an object`);
    const { table, sheet, importedAt } = item;
    if (typeof table !== "string" || table === "") return problem(`${at}.table is not a table name`);
    if (typeof sheet !== "string" || sheet === "") return problem(`${at}.sheet is not a sheet name`);
    if (typeof importedAt !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(importedAt))
      return problem(`${at}.importedAt is not a date`);
    const recipe = readRecipe(item.recipe, `${at}.recipe`);
    if (typeof recipe === "string") return problem(recipe);
    if (recipes.some((r) => sameName(r.table, table))) return problem(`${at} is a second recipe for ${table}`);
    recipes.push({ table, sheet, importedAt, recipe });
  });
  return { recipes, notices };
}

export async function readRecipes(workbook: Workbook): Promise<RecipesRead> {
  return parseRecipes(await workbook.getAddinData(RECIPES_KEY));
}

/**
 * Stores `entry`, replacing the recipe of the same table, and drops recipes whose table is no
 * longer in `liveTables`. Returns a sentence instead of storing when it would not fit.
 */
export async function storeRecipe(
  workbook: Workbook,
  entry: TableRecipe,
  liveTables: readonly string[],
): Promise<string | null> {
  const { recipes } = await readRecipes(workbook);
  const kept = recipes.filter((r) => !sameName(r.table, entry.table) && liveTables.some((t) => sameName(t, r.table)));
  const stored: Stored = { format: "rare-import-recipes", version: 1, tables: [...kept, entry] };
  const text = JSON.stringify(stored);
  const bytes = addinDataBytes(RECIPES_KEY, text);
  if (bytes > RECIPES_BUDGET_BYTES)
    return `The import's recipe was not stored (the recipes would take ${megabytes(bytes)}, above RARE's ${megabytes(RECIPES_BUDGET_BYTES)} for them), so Re-import is not offered for ${entry.table}.`;
  await workbook.setAddinData(RECIPES_KEY, text);
  return null;
}

/** The recipe for `table`, if one is stored. */
export function recipeFor(read: RecipesRead, table: string): TableRecipe | undefined {
  return read.recipes.find((r) => sameName(r.table, table));
}
