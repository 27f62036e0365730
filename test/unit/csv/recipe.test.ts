/** Issue 15 item 7: an import's recipe, stored in the workbook and read back field by field. */
import * as path from "path";
import { analyse, importCsvSync, isRefusal } from "../../../src/csv";
import { columnChanges, readRecipe, recipeOf, recipeOptions } from "../../../src/csv/recipe";
import {
  RECIPES_BUDGET_BYTES,
  RECIPES_KEY,
  parseRecipes,
  readRecipes,
  storeRecipe,
} from "../../../taskpane/import-recipes";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { readBytes, repoRoot } from "./support";

const semicolon = new TextEncoder().encode("Name;Amount;When\nA;1.500;03/04/2024\nB;0.125;13/04/2024\n");

describe("import recipe", () => {
  const a = analyse(semicolon, { skipRows: 0 });
  if (isRefusal(a)) throw new Error(a.message);
  const recipe = recipeOf(
    "prices.csv",
    a,
    { skipRows: 0, dateOrder: "auto" },
    a.columns.map((c) => c.type),
  );

  it("records file name, encoding, delimiter, header, skipped rows, separators, types and date order", () => {
    expect(recipe).toMatchObject({
      fileName: "prices.csv",
      encoding: "utf-8",
      delimiter: ";",
      hasHeader: true,
      skipRows: 0,
      decimalSeparator: "auto",
      dateOrder: "auto",
    });
    expect(recipe.columns.map((c) => [c.name, c.type])).toEqual([
      ["Name", "text"],
      ["Amount", "number"],
      ["When", "date"],
    ]);
    expect(recipe.columns[1].decimalSeparator).toBe(".");
    expect(recipe.columns[2].dateOrder).toBe("dmy");
  });

  it("reads next month's file the same way, with nothing detected afresh", () => {
    // Alone, "2.250" would be ambiguous; the recipe keeps the column's decimal point.
    const next = new TextEncoder().encode("Name;Amount;When\nC;2.250;05/06/2024\n");
    const r = importCsvSync(next, recipeOptions(recipe));
    if (isRefusal(r)) throw new Error(r.message);
    expect(r.columns.map((c) => c.type)).toEqual(["text", "number", "date"]);
    expect(r.columns[1].values.get(0)).toBe(2.25);
    expect(r.columns[2].values.get(0)).toBe(45448); // 5 June 2024 read day first, as recorded
    expect(columnChanges(recipe, r.headers)).toEqual([]);
    expect(columnChanges(recipe, ["Name", "Price"])).toEqual([
      "The file has 2 columns; the recipe has 3.",
      'Column 2 is "Price"; the recipe has "Amount".',
    ]);
  });

  it("round-trips through JSON and refuses each damaged field with a sentence", () => {
    expect(readRecipe(JSON.parse(JSON.stringify(recipe)))).toEqual(recipe);
    const broken = (patch: object) => readRecipe({ ...JSON.parse(JSON.stringify(recipe)), ...patch });
    expect(broken({ encoding: "latin-9" })).toMatch(/recipe\.encoding is not one of/);
    expect(broken({ delimiter: ";;" })).toBe("recipe.delimiter is not one character");
    expect(broken({ skipRows: -1 })).toMatch(/skipRows is not a whole number/);
    expect(broken({ hasHeader: "yes" })).toBe("recipe.hasHeader is not true/false");
    expect(broken({ columns: [{ name: "A", type: "money", decimalSeparator: "." }] })).toMatch(
      /columns\[0\]\.type is not one of/,
    );
    expect(readRecipe("x")).toBe("recipe is not an object");
  });

  it("is stored per table in the workbook within its budget; damaged entries are left out with a notice", async () => {
    const wb = new PreviewWorkbook();
    expect(
      await storeRecipe(wb, { table: "Table1", sheet: "prices", importedAt: "2026-12-05", recipe }, ["Table1"]),
    ).toBeNull();
    expect((await readRecipes(wb)).recipes).toEqual([
      { table: "Table1", sheet: "prices", importedAt: "2026-12-05", recipe },
    ]);
    // A recipe whose table is gone is dropped at the next store.
    await storeRecipe(wb, { table: "Table2", sheet: "b", importedAt: "2026-12-05", recipe }, ["Table2"]);
    expect((await readRecipes(wb)).recipes.map((r) => r.table)).toEqual(["Table2"]);

    const stored = JSON.parse((await wb.getAddinData(RECIPES_KEY))!);
    stored.tables.push({ table: "Table3", sheet: "c", importedAt: "yesterday", recipe });
    const read = parseRecipes(JSON.stringify(stored));
    expect(read.recipes.map((r) => r.table)).toEqual(["Table2"]);
    expect(read.notices).toEqual(["A stored import recipe was ignored: tables[1].importedAt is not a date."]);
    expect(parseRecipes("{").notices[0]).toMatch(/were ignored: they are not valid JSON/);

    const huge = {
      ...recipe,
      columns: Array.from({ length: 3000 }, (_, i) => ({ ...recipe.columns[0], name: `c${i}` })),
    };
    const refused = await storeRecipe(wb, { table: "T", sheet: "s", importedAt: "2026-12-05", recipe: huge }, ["T"]);
    expect(refused).toMatch(/was not stored .* above RARE's 0\.06 MB/);
    expect(RECIPES_BUDGET_BYTES).toBe(64 * 1024);
  });

  it("the MCS2026 data release's recipe re-reads it with the same 8,886 rows", () => {
    const bytes = readBytes(path.join(repoRoot(), "seeds/usgs/mcs2026/usgs_mcs2026_commodities_data.csv"));
    const first = analyse(bytes);
    if (isRefusal(first)) throw new Error(first.message);
    const r = recipeOf(
      "mcs.csv",
      first,
      {},
      first.columns.map((c) => c.type),
    );
    expect(r.encoding).toBe("windows-1252");
    const again = importCsvSync(bytes, recipeOptions(r));
    if (isRefusal(again)) throw new Error(again.message);
    expect(again.rowCount).toBe(8886);
    expect(again.encoding).toBe("windows-1252");
  });
});

describe("sep= followed by a byte order mark (issue 15 item 9)", () => {
  it("is read, not refused with an internal message: the line is skipped and the delimiter detected", () => {
    const a = analyse("sep=\ufeff\na,b\n1,2\n");
    if (isRefusal(a)) throw new Error(a.message);
    expect(a).toMatchObject({ sepLine: true, delimiter: ",", headers: ["a", "b"], rowCount: 1 });
  });
});
